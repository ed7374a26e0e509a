"""Every platform page renders inside the GOV.UK page template."""

import pytest
from django.urls import reverse

from .govuk_page import assert_govuk_layout, page_parse

CONTENT_PAGES = [
    ("core:start", "Ministry of Justice digital services"),
    ("core:cookies", "Cookies"),
    ("core:privacy", "Privacy notice"),
    ("core:accessibility", "Accessibility statement for Ministry of Justice digital services"),
    ("core:contact", "Contact us and get help"),
    ("core:signed-out", "You have been signed out"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "h1"), CONTENT_PAGES)
def test_page_renders_in_the_govuk_layout_with_its_heading(client, url_name, h1):
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    page = assert_govuk_layout(response.content)
    assert page.text_of("h1") == h1


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "h1"), CONTENT_PAGES)
def test_page_title_names_the_page_and_govuk(client, url_name, h1):
    response = client.get(reverse(url_name))
    title = page_parse(response.content).text_of("title")
    assert title.endswith("– GOV.UK")
    assert not title.startswith("Error:")


@pytest.mark.django_db
def test_signed_in_pages_keep_the_layout(signed_in_client):
    response = signed_in_client.get(reverse("core:privacy"))
    assert_govuk_layout(response.content)


@pytest.mark.django_db
def test_privacy_notice_covers_what_uk_gdpr_article_13_requires(client):
    page = page_parse(client.get(reverse("core:privacy")).content)
    text = page.text_of("main")
    headings = {" ".join(h.text.split()) for h in page.find_all("h3")}
    for required in (
        "Ministry of Justice (MoJ) is the controller",
        "Data Protection Officer",
        "dataprotection@justice.gov.uk",
        "Article 6(1)(e), ‘public task’",
        "GOV.UK Notify",
        "GOV.UK Pay",
        "How long we keep it",
        "Your rights",
        "Information Commissioner’s Office",
        "0303 123 1113",
    ):
        assert required in text, required
    for service in (
        "Book a prison visit",
        "Make a money claim",
        "Pay tribunal fees",
        "Make a lasting power of attorney",
    ):
        assert service in headings, service


@pytest.mark.django_db
def test_accessibility_statement_follows_the_model_statement(client):
    page = page_parse(client.get(reverse("core:accessibility")).content)
    text = page.text_of("main")
    headings = {" ".join(h.text.split()) for h in page.find_all("h2") + page.find_all("h3")}
    for heading in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
    ):
        assert heading in headings, heading
    assert (
        "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA" in text
    )
    assert "Equality Advisory and Support Service" in text
    assert "Equality Commission for Northern Ireland" in text
    assert "This statement was prepared on" in text


@pytest.mark.django_db
def test_contact_page_explains_phone_face_to_face_and_assisted_digital_help(client):
    page = page_parse(client.get(reverse("core:contact")).content)
    text = page.text_of("main")
    assert "Telephone: 0300 456 0300" in text
    assert "Monday to Friday, 8:30am to 5pm" in text
    assert "https://www.gov.uk/call-charges" in page.hrefs()
    assert page.find("h2", id="face-to-face")
    assert page.find("h2", id="assisted-digital")
    assert "we ask you each question and type in your answers" in text
    assert "From a paper form:" in text
    assert "an email address: we will send you letters" in text
