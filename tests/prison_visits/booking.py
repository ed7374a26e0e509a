"""Answers for the booking journey that its tests share (a prisoner, a lead visitor, the steps up to sending)."""

from datetime import date

from .factories import (
    slot_on,
)

BOOK = "/prison-visits/book/"
TUE_1_DEC, THU_3_DEC, SAT_5_DEC = date(2026, 12, 1), date(2026, 12, 3), date(2026, 12, 5)


def date_data(name: str, value: date) -> dict:
    return {
        f"{name}_0": str(value.day),
        f"{name}_1": str(value.month),
        f"{name}_2": str(value.year),
    }


PRISONER = {
    "first_name": "Jo",
    "last_name": "Bloggs",
    **date_data("date_of_birth", date(1990, 5, 17)),
    "prison_number": "a1234 bc",
}


def lead(born=date(1982, 4, 1), **extra) -> dict:
    return {
        "first_name": "Morgan",
        "last_name": "Visitor",
        **date_data("date_of_birth", born),
        "contact": "email",
        "email": "morgan@example.com",
        "email_confirm": "MORGAN@example.com",
        "phone": "07700 900 982",
        **extra,
    }


def visitor(first: str, born: date) -> dict:
    return {"first_name": first, "last_name": "Visitor", **date_data("date_of_birth", born)}


def errors(response) -> str:
    """The error summary's text (empty when there is none)."""
    html = response.content.decode()
    start = html.find('class="govuk-error-summary"')
    return html[start : html.find("</ul>", start)] if start >= 0 else ""


def answer_until_visitors(client, prison, *, slots=(TUE_1_DEC,), lead_born=date(1982, 4, 1)):
    assert client.post(BOOK + "prison/", {"prison": prison.name}).status_code == 302
    assert client.post(BOOK + "prisoner/", PRISONER).status_code == 302
    choices = {f"choice_{n}": slot_on(day).key for n, day in enumerate(slots, 1)}
    assert client.post(BOOK + "slots/", choices).status_code == 302
    response = client.post(BOOK + "lead-visitor/", lead(lead_born))
    assert response.status_code == 302, errors(response)


def answer_all(client, prison, *, others=(), **kwargs):
    answer_until_visitors(client, prison, **kwargs)
    for first, born in others:
        response = client.post(BOOK + "visitors/add/", visitor(first, born))
        assert response.status_code == 302, errors(response)
    return client.post(BOOK + "visitors/", {"add_another": "no"})
