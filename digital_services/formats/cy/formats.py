# Welsh: Django's own (day month year, "canol dydd"), with the same short date as English.
DATE_FORMAT = "j F Y"  # 5 Rhagfyr 2026
TIME_FORMAT = "P"  # 8:18 y.b., canol dydd
DATETIME_FORMAT = "j F Y, P"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, P"
FIRST_DAY_OF_WEEK = 1
