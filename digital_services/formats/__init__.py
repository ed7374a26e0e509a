"""Django's date and time formats in GOV.UK style ("5 December 2026", "8:18am").

``settings.FORMAT_MODULE_PATH`` points here, so the admin's date columns, ``{{ value|date }}``
and ``django.utils.formats.date_format(value)`` read like the rest of the service. Django's
"a" gives "a.m."; ``locale/en/LC_MESSAGES/django.po`` makes it "am" (and "noon" "midday").
Text we write ourselves uses ``digital_services.core.dates``, which also says "midday".
"""
