import pytest

from digital_services.accounts.constants import CASEWORKER_ROLES
from digital_services.accounts.services import user_role_add
from tests.accounts.factories import StaffWithTotpFactory


@pytest.fixture(autouse=True)
def _tribunal_fees_settings(settings):
    """The payments sandbox, links on the test client's host, the 2017 interest rate."""
    settings.GOVUK_PAY_API_KEY = ""
    settings.PAYMENTS_PROVIDER = ""
    settings.SITE_URL = "http://testserver"
    settings.TRIBUNAL_FEES_REFUND_INTEREST_RATE_BASIS_POINTS = 50


def _caseworker(role: str):
    user = StaffWithTotpFactory()
    user_role_add(user=user, role=role)
    return user


@pytest.fixture
def caseworker(db):
    return _caseworker(CASEWORKER_ROLES["tribunal_fees"])


@pytest.fixture
def second_caseworker(db):
    return _caseworker(CASEWORKER_ROLES["tribunal_fees"])


@pytest.fixture
def other_service_caseworker(db):
    return _caseworker(CASEWORKER_ROLES["prison_visits"])
