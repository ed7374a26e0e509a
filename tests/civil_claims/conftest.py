import pytest

from civil_claims.service import CASEWORKER_ROLE
from digital_services.accounts.services import user_role_add
from tests.accounts.factories import StaffWithTotpFactory


@pytest.fixture(autouse=True)
def _civil_claims_settings(settings):
    """The payments sandbox and links on the test client's host."""
    settings.GOVUK_PAY_API_KEY = ""
    settings.PAYMENTS_PROVIDER = ""
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def caseworker(db):
    user = StaffWithTotpFactory()
    user_role_add(user=user, role=CASEWORKER_ROLE)
    return user


@pytest.fixture(autouse=True)
def _eligible(request):
    """The test client has passed the eligibility questions (the claim's pages ask for them:
    civil_claims.journeys.gate). A test module that sets ``ELIGIBILITY_ANSWERED = False``
    (the eligibility pages' and the gate's own) starts without them."""
    if "client" not in request.fixturenames:
        return
    if not getattr(request.module, "ELIGIBILITY_ANSWERED", True):
        return
    from tests.civil_claims.journey_answers import eligibility_pass

    eligibility_pass(request.getfixturevalue("client"))
