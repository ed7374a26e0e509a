"""Small helpers for driving the example journeys through the test client."""

import datetime as dt

from digital_services.journeys.models import Draft

APPLY_URL = "/example/apply/"
LPA_URL = "/example/lpa/"


def date_data(name: str, value: dt.date) -> dict:
    return {
        f"{name}_0": str(value.day),
        f"{name}_1": str(value.month),
        f"{name}_2": str(value.year),
    }


def answer_apply_until_check(client, *, children: bool = False, visit: dt.date):
    """Answer every question of the example journey; returns the last response."""
    client.post(APPLY_URL + "name/", {"full_name": "Ann Example"})
    client.post(APPLY_URL + "date-of-birth/", date_data("date_of_birth", dt.date(1980, 8, 13)))
    client.post(APPLY_URL + "has-children/", {"has_children": "yes" if children else "no"})
    if children:
        client.post(APPLY_URL + "children/add/", {"name": "Bo", "age": "7"})
        client.post(APPLY_URL + "children/", {"add_another": "no"})
    client.post(APPLY_URL + "amount/", {"amount": "1,250.50", "interest_rate": "8"})
    return client.post(APPLY_URL + "visit-date/", date_data("visit_date", visit))


def only_draft() -> Draft:
    return Draft.objects.get()
