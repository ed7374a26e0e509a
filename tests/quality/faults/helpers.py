"""Helpers for the fault tests: a citizen with a browser, and what the database and the
mail server hold."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import requests

from .servers import wait_for

if TYPE_CHECKING:
    from .conftest import Stack

# A claim older than this is given up for lost by the sweep (production: 600 s). Short
# here so the test need not wait ten minutes; see notifications.W003 for the trade-off.
SENDING_TIMEOUT_SECONDS = 3


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Citizen:
    """Someone using the site with a browser (cookies kept, no JavaScript)."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.http = requests.Session()

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.http.get(self.base_url + path, timeout=30, **kwargs)

    def post_form(self, path: str, data: dict) -> requests.Response:
        """Open the page, then send its form as a browser would (with its CSRF token)."""
        page = self.get(path)
        assert page.status_code == 200, f"GET {path}: {page.status_code}"
        token = CSRF.search(page.text)
        assert token, f"no CSRF token on {path}"
        return self.http.post(
            self.base_url + path,
            data={"csrfmiddlewaretoken": token.group(1), **data},
            timeout=30,
            allow_redirects=False,
        )

    def answer_questions(self, *, full_name: str, email: str) -> None:
        start = self.get("/fault-example/apply/")
        assert start.status_code == 200 and start.url.endswith("/fault-example/apply/name/")
        answer = self.post_form("/fault-example/apply/name/", {"full_name": full_name})
        assert answer.status_code == 302, answer.text[:500]
        answer = self.post_form("/fault-example/apply/email/", {"email": email})
        assert answer.status_code == 302, answer.text[:500]
        assert answer.headers["Location"] == "/fault-example/apply/check/"

    def send_application(self) -> requests.Response:
        """Accept and send on the check page; returns the confirmation page (followed)."""
        sent = self.post_form("/fault-example/apply/check/", {})
        assert sent.status_code == 302, f"sending gave {sent.status_code}: {sent.text[:500]}"
        return self.get(sent.headers["Location"])

    def apply(self, *, full_name: str, email: str) -> str:
        """The whole journey; returns the reference shown on the confirmation page."""
        self.answer_questions(full_name=full_name, email=email)
        return confirmation_reference(self.send_application())


def confirmation_reference(page: requests.Response) -> str:
    assert page.status_code == 200, page.text[:500]
    assert '<h1 class="govuk-panel__title">Application sent</h1>' in page.text
    match = re.search(r"Your reference number<br><strong>(\w+)</strong>", page.text)
    assert match, page.text[:2000]
    return match.group(1)


def outbox_rows(stack: Stack, reference: str) -> list[tuple]:
    """(status, attempts, recipient) of each outbound message about the application."""
    return stack.postgres.query(
        "SELECT status, attempts, recipient FROM notifications_outboundmessage "
        "WHERE reference = %s ORDER BY id",
        (reference,),
    )


def application_rows(stack: Stack, reference: str) -> list[tuple]:
    return stack.postgres.query(
        "SELECT full_name, email FROM fault_example_application WHERE reference = %s",
        (reference,),
    )


def wait_for_email(stack: Stack, address: str, *, timeout: float = 60) -> None:
    wait_for(
        lambda: stack.smtp.messages_to(address),
        timeout=timeout,
        what=f"an email to {address}",
    )


def wait_for_delivery(stack: Stack, reference: str, address: str) -> None:
    """The mail server has the email and the outbox has recorded it as sent."""
    wait_for_email(stack, address)
    wait_for(
        lambda: [row[0] for row in outbox_rows(stack, reference)] == ["sent"],
        what=f"the email about {reference} to be recorded as sent",
    )
