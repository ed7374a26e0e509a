"""make bench: a data set of lasting powers of attorney and the pages to measure.

``seed`` makes one LPA for the bench's citizen (``bench-citizen@example.com``, the user whose
session ``bench/run.py`` measures citizen pages with) through the question forms and services,
every question answered as the demo's completed LPA is (``lasting_power.demo``), so its task
list and check page are as full as a real one. It then tops the table up to 200,000 × ``scale``
LPAs written in BULK with the same answers, 100 to an account, a third of them completed and
paid by card: going through the services 200,000 times would measure the forms, not the pages.
Calling it again with a larger scale adds only the difference.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from .constants import LpaStatus, LpaType, PaymentMethod
from .models import Lpa

PER_SCALE = 200_000
BATCH = 2_000
PER_ACCOUNT = 100
PREFIX = "B"  # references of real LPAs start with A
CITIZEN_EMAIL = "bench-citizen@example.com"
DONOR = "Bench Donor"


def _template() -> Lpa:
    """The bench citizen's own LPA, answered question by question (made once)."""
    from . import demo

    citizen, _ = get_user_model().objects.get_or_create(email=CITIZEN_EMAIL)
    lpa = Lpa.objects.filter(user=citizen, lpa_type=LpaType.PROPERTY_FINANCE).first()
    if lpa is None:
        lpa = demo.lpa_answered(citizen, LpaType.PROPERTY_FINANCE, demo.COMPLETED)
    return lpa


def _accounts(count: int) -> list:
    """``count`` bench accounts (no usable password), made once each."""
    User = get_user_model()
    emails = [f"bench-lpa-{n}@example.com" for n in range(count)]
    have = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    User.objects.bulk_create(
        [User(email=email, password="!") for email in emails if email not in have]
    )
    return list(User.objects.filter(email__in=emails).order_by("email"))


def seed(*, scale: float, stdout) -> None:
    template = _template()
    target = int(PER_SCALE * scale)
    existing = Lpa.objects.filter(reference__startswith=PREFIX).count()
    if existing + 1 >= target:
        return
    accounts = _accounts(-(-target // PER_ACCOUNT))
    now = timezone.now()
    for start in range(existing, target - 1, BATCH):
        rows = []
        for n in range(start, min(start + BATCH, target - 1)):
            completed = n % 3 == 0
            rows.append(
                Lpa(
                    reference=f"{PREFIX}{n:011d}",
                    user=accounts[n % len(accounts)],
                    lpa_type=LpaType.PROPERTY_FINANCE if n % 2 else LpaType.HEALTH_WELFARE,
                    status=LpaStatus.COMPLETED if completed else LpaStatus.IN_PROGRESS,
                    answers=template.answers,
                    acknowledged=template.acknowledged,
                    donor_name=f"{DONOR} {n}",
                    fee_pence=8_200 if completed else None,
                    payment_method=PaymentMethod.CARD if completed else "",
                    completed_at=now if completed else None,
                )
            )
        Lpa.objects.bulk_create(rows)
    stdout.write(f"  lasting power: {target} LPAs (bulk), one answered through the forms\n")


def _own_lpa_pk() -> int:
    return Lpa.objects.get(user__email=CITIZEN_EMAIL, lpa_type=LpaType.PROPERTY_FINANCE).pk


PAGES = [
    {
        "name": "lasting power: your LPAs",
        "path": lambda: reverse("lasting_power:dashboard"),
        "who": "citizen",
    },
    {
        "name": "lasting power: task list",
        "path": lambda: reverse("lasting_power:lpa-tasks", args=[_own_lpa_pk()]),
        "who": "citizen",
    },
    {
        "name": "lasting power: check your answers",
        "path": lambda: reverse("lasting_power:lpa-check", args=[_own_lpa_pk()]),
        "who": "citizen",
    },
    {
        "name": "lasting power: LPAs completed (staff)",
        "path": lambda: reverse("admin:lasting_power_lpa_changelist") + "?status__exact=completed",
        "who": "staff",
    },
]


def question_pages() -> list[dict]:
    """Every question page of the bench citizen's LPA that it answered, like ``PAGES`` (read
    after seeding: which questions apply depends on the answers). The LPA's questions have
    views of their own, not the engine's, so bench/journeys.py cannot walk them: each answered
    question, and for a list of people its list and its add page (as the engine journeys'
    item-list and item-add pages are measured), in the journey's order. Named as the engine
    journeys' question pages are, so the bench holds them to the journeys' goal."""
    from .journeys.definitions import journey_for

    lpa = Lpa.objects.get(user__email=CITIZEN_EMAIL, lpa_type=LpaType.PROPERTY_FINANCE)
    found = []
    for _, step in journey_for(lpa.lpa_type).all_steps():
        answer = lpa.answers.get(step.slug)
        if answer is None:  # a question that does not apply to these answers redirects
            continue
        found.append(_question_page(step.slug, "lasting_power:lpa-step", lpa.pk, step.slug))
        if step.repeating:
            people = len(answer.get("items", []))
            if step.max_items is None or people < step.max_items:  # a full list has no add page
                found.append(
                    _question_page(
                        f"{step.slug}/add", "lasting_power:lpa-item-add", lpa.pk, step.slug
                    )
                )
    return found


def _question_page(slug: str, url_name: str, *args) -> dict:
    return {
        "name": f"journey lasting-power/lpa question {slug}",
        "path": lambda: reverse(url_name, args=args),
        "who": "citizen",
    }
