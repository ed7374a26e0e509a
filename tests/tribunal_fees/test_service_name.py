"""Issue #19: the service takes immigration appeal and property chamber fees as well as the
2013–2017 employment fees, so it is called "Pay tribunal fees" wherever a citizen or a
caseworker reads its name; the employment pages still speak of employment tribunal fees."""

import re

import pytest
from django.urls import reverse

from digital_services.core.registry import service_for_app
from tribunal_fees.service import SERVICE, SERVICE_NAME

pytestmark = pytest.mark.django_db

OLD_NAME = "Pay an employment tribunal fee"


def test_the_registry_names_the_service_pay_tribunal_fees():
    assert SERVICE_NAME == "Pay tribunal fees"
    assert SERVICE.name == SERVICE_NAME
    assert service_for_app("tribunal_fees").name == SERVICE_NAME


def test_the_start_page_has_the_new_name_and_not_the_old_one(client):
    page = client.get(reverse("tribunal_fees:start")).content.decode()
    assert OLD_NAME not in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert SERVICE_NAME in title
    assert re.search(r"<h1[^>]*>\s*Pay tribunal fees\s*</h1>", page), page
    # It says what can be paid: today's tribunals first, the employment fees as history.
    assert "immigration and asylum appeal fee" in page
    assert "residential property application fee" in page
    assert "between 29 July 2013 and 26 July 2017" in page
    # The refund link is about the employment fees it is for.
    assert "refund</a> of employment tribunal fees you paid between July 2013" in page


def test_the_platform_pages_that_list_services_use_the_new_name(client):
    for name in ("core:privacy", "core:contact", "core:accessibility"):
        page = client.get(reverse(name)).content.decode()
        assert OLD_NAME not in page, name
        assert SERVICE_NAME in page, name


def test_the_employment_refund_journey_still_says_employment_tribunal_fees():
    from tribunal_fees.journeys.refund import REFUND

    assert REFUND.title == "Apply for a refund of employment tribunal fees"
