"""Issue #12 point 2: every page says truthfully how we will contact people. A start page is
read before anyone chooses email, text message or post, so it may not promise email alone."""

import re

import pytest
from django.urls import reverse

from digital_services.core.registry import services_list

pytestmark = pytest.mark.django_db

EMAIL_ONLY = re.compile(r"\bby email\b(?!, text message or (letter|post))", re.IGNORECASE)


@pytest.mark.parametrize("service", services_list(), ids=lambda s: s.slug)
def test_start_pages_do_not_promise_email_alone(client, service):
    page = client.get(reverse(service.start_url_name)).content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    assert not EMAIL_ONLY.search(main), EMAIL_ONLY.search(main).group(0)
