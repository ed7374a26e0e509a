"""Rows for every model in the admin, so admin pages can be opened with 1 row and with many.

``SEEDERS`` maps a model label to a function that adds ``n`` rows of that model and
returns them. A model registered in the admin without a seeder is still covered by
the access matrix and the query tests, with whatever rows exist (the tests say so);
a platform model's seeder is here; a service declares the seeders of its own admin models
in its test package, ``SEEDERS`` in ``tests/<app label>/seed.py`` (as ``access.py`` declares
what citizen A owns), so adding a service edits nothing here.

Rows are made with the ORM or the owning app's own service functions, with fixed
values (no randomness). Every row has a foreign key filled in where the model has
one, so a changelist that forgets ``list_select_related`` shows up as N+1 queries.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from datetime import timedelta
from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone

_counter = itertools.count(1)


def _n() -> int:
    return next(_counter)


def _user(**extra):
    number = _n()
    return get_user_model().objects.create_user(
        email=f"seeded{number}@example.com", password="a-long-password-1", **extra
    )


def users_seed(n: int) -> list:
    from allauth.account.models import EmailAddress

    users = []
    for _ in range(n):
        user = _user(full_name="Seeded Person")
        user.groups.add(*Group.objects.all()[:2])
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        users.append(user)
    return users


def groups_seed(n: int) -> list:
    from django.contrib.auth.models import Permission

    permissions = list(Permission.objects.order_by("pk")[:3])
    groups = []
    for _ in range(n):
        group = Group.objects.create(name=f"Seeded group {_n()}")
        group.permissions.add(*permissions)
        groups.append(group)
    return groups


def email_addresses_seed(n: int) -> list:
    from allauth.account.models import EmailAddress

    return [
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        for user in (_user() for _ in range(n))
    ]


def authenticators_seed(n: int) -> list:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt

    return [
        Authenticator.objects.create(
            user=_user(is_staff=True),
            type=Authenticator.Type.TOTP,
            data={"secret": encrypt("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")},
        )
        for _ in range(n)
    ]


def _axes_fields() -> dict:
    number = _n()
    return {
        "user_agent": f"Browser {number}",
        "ip_address": "192.0.2.10",
        "username": f"seeded{number}@example.com",
        "http_accept": "text/html",
        "path_info": "/accounts/login/",
    }


def access_attempts_seed(n: int) -> list:
    from axes.models import AccessAttempt

    return [
        AccessAttempt.objects.create(
            **_axes_fields(), get_data="", post_data="login=x", failures_since_start=1
        )
        for _ in range(n)
    ]


def access_logs_seed(n: int) -> list:
    from axes.models import AccessLog

    return [AccessLog.objects.create(**_axes_fields()) for _ in range(n)]


def access_failure_logs_seed(n: int) -> list:
    from axes.models import AccessFailureLog

    return [AccessFailureLog.objects.create(**_axes_fields()) for _ in range(n)]


def audit_events_seed(n: int) -> list:
    from digital_services.audit.services import audit_record

    actor = _user(is_staff=True)
    citizen = _user()
    return [
        audit_record(
            action="seeded.event",
            obj=citizen,
            actor=actor,
            on_behalf_of=citizen,
            service="prison_visits",
            detail={"number": i},
        )
        for i in range(n)
    ]


def performance_events_seed(n: int) -> list:
    from digital_services.performance.models import PerformanceEvent

    return [
        PerformanceEvent.objects.create(
            kind=PerformanceEvent.Kind.JOURNEY_STARTED,
            service="prison_visits",
            journey="book",
            journey_key=f"key-{_n()}",
        )
        for _ in range(n)
    ]


def satisfaction_responses_seed(n: int) -> list:
    from digital_services.performance.services import satisfaction_record

    return [
        satisfaction_record(rating=4, comment="Seeded comment", service="prison_visits")
        for _ in range(n)
    ]


def drafts_seed(n: int) -> list:
    from digital_services.journeys.models import Draft

    expires = timezone.now() + timedelta(days=28)
    return [
        Draft.objects.create(
            user=_user(),
            service="example",
            journey="apply",
            answers={"name": {"full_name": "Seeded Person"}},
            current_step="name",
            expires_at=expires,
        )
        for _ in range(n)
    ]


def resume_links_seed(n: int) -> list:
    from digital_services.journeys.models import ResumeLink

    return [ResumeLink.objects.create(draft=draft) for draft in drafts_seed(n)]


def _template_key() -> str:
    from digital_services.notifications.registry import templates_all

    return templates_all()[0].key


def outbound_messages_seed(n: int) -> list:
    from django.contrib.contenttypes.models import ContentType

    from digital_services.notifications.models import OutboundMessage

    about = _user()
    content_type = ContentType.objects.get_for_model(about)
    return [
        OutboundMessage.objects.create(
            service="prison_visits",
            channel="email",
            template_key=_template_key(),
            recipient=f"seeded{_n()}@example.com",
            personalisation={},
            reference="PV-SEEDED",
            content_type=content_type,
            object_id=str(about.pk),
        )
        for _ in range(n)
    ]


def letter_batches_seed(n: int) -> list:
    """Printed batches (only one may be open), each holding two letters."""
    from digital_services.notifications.models import LetterBatch, OutboundMessage

    staff = _user(is_staff=True)
    now = timezone.now()
    batches = []
    for _ in range(n):
        batch = LetterBatch.objects.create(
            status="printed", closed_at=now, closed_by=staff, printed_at=now, printed_by=staff
        )
        for _ in range(2):
            OutboundMessage.objects.create(
                service="prison_visits",
                channel="letter",
                template_key=_template_key(),
                recipient="Ann Smith\n1 High Street\nCardiff\nCF10 1AA",
                status="sent",
                letter_batch=batch,
            )
        batches.append(batch)
    return batches


def delivery_problems_seed(n: int) -> list:
    """Returned letters (the caseworkers' queue) and a complaint each, about seeded letters."""
    from digital_services.notifications.models import DeliveryProblem

    letters = outbound_messages_seed(n)
    now = timezone.now()
    return [
        DeliveryProblem.objects.create(
            kind=kind,
            provider_event_id=f"seeded-{_n()}",
            message=letter,
            service=letter.service,
            content_type=letter.content_type,
            object_id=letter.object_id,
            reported_at=now,
        )
        for letter in letters
        for kind in (DeliveryProblem.Kind.RETURNED_LETTER, DeliveryProblem.Kind.COMPLAINT)
    ][:n]


def payments_seed(n: int) -> list:
    """Payments through the payments app's own service, on the local sandbox."""
    from digital_services.payments.models import Payment
    from digital_services.payments.services import payment_start

    payments = []
    for _ in range(n):
        case = _user()
        payment_start(
            for_case=case,
            purpose="issue-fee",
            service="tribunal_fees",
            amount_pence=16000,
            reference=f"ET-{_n():06d}",
            description="Employment tribunal issue fee",
            return_to="/tribunal-fees/",
            started_by=case,
        )
        payments.append(Payment.objects.get(object_id=str(case.pk), purpose="issue-fee"))
    return payments


def refunds_seed(n: int) -> list:
    from digital_services.payments.models import Refund

    staff = _user(is_staff=True)
    return [
        Refund.objects.create(
            payment=payment,
            amount_pence=100,
            status="success",
            reason="Seeded refund",
            requested_by=staff,
        )
        for payment in payments_seed(n)
    ]


def webhook_messages_seed(n: int) -> list:
    from digital_services.payments.models import WebhookMessage

    return [
        WebhookMessage.objects.create(
            message_id=str(uuid.UUID(int=_n())),
            event_type="card_payment_succeeded",
            resource_id=payment.provider_payment_id,
            payment=payment,
        )
        for payment in payments_seed(n)
    ]


# Service models, through each service's own test factories.


def prisons_seed(n: int) -> list:
    from tests.prison_visits.factories import PrisonFactory

    return PrisonFactory.create_batch(n)


def prison_staff_assignments_seed(n: int) -> list:
    from tests.prison_visits.factories import AssignmentFactory, PrisonFactory

    prison = PrisonFactory()
    return [AssignmentFactory(user=_user(is_staff=True), prison=prison) for _ in range(n)]


def prisoner_register_entries_seed(n: int) -> list:
    from tests.prison_visits.factories import PrisonFactory, RegisterEntryFactory

    prison = PrisonFactory()
    return RegisterEntryFactory.create_batch(n, prison=prison)


def visits_seed(n: int) -> list:
    from tests.prison_visits.factories import RequestedVisitFactory

    return [RequestedVisitFactory(user=_user()) for _ in range(n)]


def fee_cases_seed(n: int) -> list:
    from tests.tribunal_fees.factories import FeeCaseFactory

    return FeeCaseFactory.create_batch(n)


def hwf_applications_seed(n: int) -> list:
    from tests.tribunal_fees.factories import HwfApplicationFactory

    return HwfApplicationFactory.create_batch(n)


def refund_applications_seed(n: int) -> list:
    from tests.tribunal_fees.factories import RefundApplicationFactory

    return RefundApplicationFactory.create_batch(n)


def assisted_sessions_seed(n: int) -> list:
    from tests.assisted_digital.factories import EndedSessionFactory

    return EndedSessionFactory.create_batch(n)


def contact_messages_seed(n: int) -> list:
    from digital_services.performance.models import ContactMessage

    return [
        ContactMessage.objects.create(
            topic=ContactMessage.Topic.PROBLEM,
            service="prison_visits",
            message=f"Seeded message {_n()}",
            page="/feedback/contact/",
        )
        for _ in range(n)
    ]


def fee_schedules_seed(n: int) -> list:
    """Copies of the fee table's first row, each effective a day later (a dated table)."""
    from tribunal_fees.models import FeeSchedule

    template = FeeSchedule.objects.order_by("pk").first()
    if template is None:
        return []
    rows = []
    for _ in range(n):
        template.pk = None
        template.effective_from = template.effective_from + timedelta(days=1)
        if template.effective_to is not None:
            template.effective_to = template.effective_from
        template.save()
        rows.append(FeeSchedule.objects.get(pk=template.pk))
    return rows


SEEDERS: dict[str, Callable[[int], list]] = {
    "auth.Group": groups_seed,
    "account.EmailAddress": email_addresses_seed,
    "mfa.Authenticator": authenticators_seed,
    "axes.AccessAttempt": access_attempts_seed,
    "axes.AccessLog": access_logs_seed,
    "axes.AccessFailureLog": access_failure_logs_seed,
    "accounts.User": users_seed,
    "audit.AuditEvent": audit_events_seed,
    "performance.PerformanceEvent": performance_events_seed,
    "performance.SatisfactionResponse": satisfaction_responses_seed,
    "performance.ContactMessage": contact_messages_seed,
    "journeys.Draft": drafts_seed,
    "journeys.ResumeLink": resume_links_seed,
    "notifications.OutboundMessage": outbound_messages_seed,
    "notifications.LetterBatch": letter_batches_seed,
    "notifications.DeliveryProblem": delivery_problems_seed,
    "notifications.ReturnedLetter": delivery_problems_seed,
    "payments.Payment": payments_seed,
    "payments.Refund": refunds_seed,
    "payments.WebhookMessage": webhook_messages_seed,
    "prison_visits.Prison": prisons_seed,
    "prison_visits.PrisonStaffAssignment": prison_staff_assignments_seed,
    "prison_visits.PrisonerRegisterEntry": prisoner_register_entries_seed,
    "prison_visits.Visit": visits_seed,
    "tribunal_fees.FeeCase": fee_cases_seed,
    "tribunal_fees.FeeSchedule": fee_schedules_seed,
    "tribunal_fees.HelpWithFeesApplication": hwf_applications_seed,
    "tribunal_fees.RefundApplication": refund_applications_seed,
    "assisted_digital.AssistedSession": assisted_sessions_seed,
}


def _services_seeders() -> dict[str, Callable[[int], list]]:
    """Each installed app's ``tests/<app label>/seed.py`` ``SEEDERS``, where it has one."""
    found = {}
    for config in apps.get_app_configs():
        module_name = f"tests.{config.label}.seed"
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name not in (module_name, f"tests.{config.label}"):
                raise
            continue
        found.update(getattr(module, "SEEDERS", {}))
    return found


SEEDERS.update(_services_seeders())


def rows_seed(model: type[models.Model], n: int) -> list:
    """``n`` new rows of ``model``, or [] when there is no seeder for it."""
    seeder = SEEDERS.get(model._meta.label)
    return seeder(n) if seeder else []


def any_row_pk(model: type[models.Model]):
    """The primary key of a row of ``model``: seeded if none exists, else any (or None)."""
    existing = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
    if existing is not None:
        return existing
    rows = rows_seed(model, 1)
    return rows[0].pk if rows else None


def model_for_label(label: str) -> type[models.Model]:
    return apps.get_model(label)
