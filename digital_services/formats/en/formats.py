# GOV.UK style: https://www.gov.uk/guidance/style-guide/a-to-z#dates and #times
# "a" is "am"/"pm" through locale/en (Django's own is "a.m."); "f" leaves off ":00".
DATE_FORMAT = "j F Y"  # 5 December 2026
TIME_FORMAT = "fa"  # 8:18am, 5pm
DATETIME_FORMAT = r"j F Y \a\t fa"  # 5 December 2026 at 8:18am
YEAR_MONTH_FORMAT = "F Y"  # December 2026
MONTH_DAY_FORMAT = "j F"  # 5 December
SHORT_DATE_FORMAT = "j M Y"  # 5 Dec 2026
SHORT_DATETIME_FORMAT = "j M Y, fa"  # 5 Dec 2026, 8:18am
FIRST_DAY_OF_WEEK = 1  # Monday
