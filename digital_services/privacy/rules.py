"""Retention rules of the platform apps: accounts, sessions, sign-in attempts, drafts, the
outbox, payment notices, feedback and audit events. Services declare theirs on their
registry entry. The privacy notice's table lists these first, in ``order``.
"""

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy, pgettext_lazy

from .retention import RetentionRule, retention_rules_register


def _drafts(cutoff):
    from digital_services.journeys.models import Draft

    return Draft.objects.filter(updated_at__lt=cutoff)


def _sessions(cutoff):
    from django.contrib.sessions.models import Session

    return Session.objects.filter(expire_date__lt=cutoff)


def _sign_in_attempts(model_name):
    def expired(cutoff):
        from django.apps import apps

        return apps.get_model("axes", model_name).objects.filter(attempt_time__lt=cutoff)

    return expired


def _outbox(cutoff):
    from digital_services.notifications.models import OutboundMessage

    return (
        OutboundMessage.objects.alias(settled=Coalesce("completed_at", "sent_at", "updated_at"))
        .filter(settled__lt=cutoff)
        .filter(~Q(recipient="") | ~Q(personalisation={}) | ~Q(last_error=""))
    )


def _webhooks(cutoff):
    from digital_services.payments.models import WebhookMessage

    return WebhookMessage.objects.filter(received_at__lt=cutoff)


def _feedback(cutoff):
    from digital_services.performance.models import SatisfactionResponse

    return SatisfactionResponse.objects.filter(created_at__lt=cutoff).exclude(comment="")


def _contact_messages(cutoff):
    from digital_services.performance.models import ContactMessage

    return ContactMessage.objects.filter(created_at__lt=cutoff)


def _inactive_accounts(cutoff):
    from digital_services.accounts.models import User

    from .services import CLOSED_EMAIL_DOMAIN

    return (
        User.objects.filter(is_staff=False, is_superuser=False)
        .alias(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=cutoff)
        .exclude(email__endswith=f"@{CLOSED_EMAIL_DOMAIN}")
        # Citizens helped by our staff may never sign in themselves: being helped counts.
        .exclude(assisted_sessions__started_at__gte=cutoff)
    )


def _accounts_close(ids):
    from .services import accounts_close_inactive

    accounts_close_inactive(user_ids=ids)


def _documents(cutoff):
    """Files past their own date, and files whose case is gone (a service that deleted a
    case without ``documents_delete_for``): nothing is left in the bucket for nobody."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Q
    from django.db.models.functions import Cast

    documents = apps.get_model("documents", "Document").objects
    orphaned = Q(pk__in=[])
    content_type_ids = (
        documents.exclude(content_type=None)
        .order_by()
        .values_list("content_type", flat=True)
        .distinct()
    )
    for content_type_id in content_type_ids:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        of_type = Q(content_type_id=content_type_id)
        if model is None:  # the whole model has gone
            orphaned |= of_type
            continue
        live = model._base_manager.annotate(_pk_text=Cast("pk", CharField())).values("_pk_text")
        orphaned |= of_type & ~Q(object_id__in=live)
    return documents.filter(Q(delete_after__lt=cutoff.date()) | orphaned)


def _documents_delete(ids):
    from django.apps import apps

    from digital_services.documents.services import document_delete

    for document in apps.get_model("documents", "Document").objects.filter(pk__in=ids):
        document_delete(document=document)  # the file goes once the batch commits


def _admin_log(cutoff):
    from django.contrib.admin.models import LogEntry

    return LogEntry.objects.filter(action_time__lt=cutoff).exclude(object_repr="")


def _audit_events(cutoff):
    from digital_services.audit.models import AuditEvent

    return AuditEvent.objects.filter(occurred_at__lt=cutoff)


retention_rules_register(
    RetentionRule(
        key="accounts.inactive",
        model="accounts.User",
        information=gettext_lazy("Your account: email address, name and contact details"),
        period_days=lambda: settings.RETENTION_INACTIVE_ACCOUNT_DAYS,
        after=pgettext_lazy("retention period starts after", "you last signed in"),
        then=(
            gettext_lazy(
                "the account is closed and your email address, name and contact details are "
                "deleted; applications we must still keep stay, without a link to you"
            )
        ),
        expired=_inactive_accounts,
        anonymise=_accounts_close,
        order=10,
    ),
    RetentionRule(
        key="accounts.sessions",
        model="sessions.Session",
        information=gettext_lazy("Your sign-in session"),
        period_days=0,
        after=pgettext_lazy("retention period starts after", "it times out or you sign out"),
        then=gettext_lazy("it is deleted"),
        expired=_sessions,
        order=20,
    ),
    RetentionRule(
        key="accounts.sign_in_attempts",
        model="axes.AccessAttempt",
        information=gettext_lazy(
            "Failed attempts to sign in (email address typed and internet address)"
        ),
        period_days=lambda: settings.RETENTION_SIGN_IN_ATTEMPTS_DAYS,
        after=pgettext_lazy("retention period starts after", "the attempt"),
        then=gettext_lazy("deleted"),
        expired=_sign_in_attempts("AccessAttempt"),
        order=30,
    ),
    RetentionRule(
        key="accounts.sign_in_log",
        model="axes.AccessLog",
        information=gettext_lazy(
            "Sign-in records (when you signed in and from which internet address)"
        ),
        period_days=lambda: settings.RETENTION_SIGN_IN_ATTEMPTS_DAYS,
        after=pgettext_lazy("retention period starts after", "you signed in"),
        then=gettext_lazy("deleted"),
        expired=_sign_in_attempts("AccessLog"),
        order=31,
    ),
    RetentionRule(
        key="accounts.sign_in_failures",
        model="axes.AccessFailureLog",
        information=gettext_lazy("Failed sign-ins kept for security checks"),
        period_days=lambda: settings.RETENTION_SIGN_IN_ATTEMPTS_DAYS,
        after=pgettext_lazy("retention period starts after", "the attempt"),
        then=gettext_lazy("deleted"),
        expired=_sign_in_attempts("AccessFailureLog"),
        order=32,
    ),
    RetentionRule(
        key="journeys.drafts",
        model="journeys.Draft",
        information=gettext_lazy("Applications you start but do not send"),
        period_days=lambda: settings.JOURNEYS_DRAFT_EXPIRY_DAYS,
        after=pgettext_lazy("retention period starts after", "you last changed them"),
        then=gettext_lazy("deleted"),
        expired=_drafts,
        order=40,
    ),
    RetentionRule(
        key="notifications.outbox",
        model="notifications.OutboundMessage",
        information=gettext_lazy("Emails, text messages and letters we send you"),
        period_days=lambda: settings.RETENTION_OUTBOX_DAYS,
        after=pgettext_lazy("retention period starts after", "the message was delivered or failed"),
        then=(
            gettext_lazy(
                "the address or number it went to and its contents are deleted; we keep only "
                "that a message was sent and whether it was delivered"
            )
        ),
        expired=_outbox,
        blank={"recipient": "", "personalisation": {}, "last_error": ""},
        order=50,
    ),
    RetentionRule(
        key="payments.webhooks",
        model="payments.WebhookMessage",
        information=gettext_lazy("Notices from GOV.UK Pay about your payments"),
        period_days=lambda: settings.RETENTION_PAYMENT_WEBHOOKS_DAYS,
        after=pgettext_lazy("retention period starts after", "we received them"),
        then=gettext_lazy(
            "deleted (we do not store their contents, only which payment they were about)"
        ),
        expired=_webhooks,
        order=60,
    ),
    RetentionRule(
        key="performance.feedback_comments",
        model="performance.SatisfactionResponse",
        information=gettext_lazy("Comments you write when you give feedback"),
        period_days=lambda: settings.RETENTION_FEEDBACK_COMMENTS_DAYS,
        after=pgettext_lazy("retention period starts after", "you wrote them"),
        then=gettext_lazy("the comment is deleted; the rating is kept for statistics"),
        expired=_feedback,
        blank={"comment": ""},
        order=70,
    ),
    RetentionRule(
        key="performance.contact_messages",
        model="performance.ContactMessage",
        information=gettext_lazy(
            "Messages you send us with the contact form, and your email address"
        ),
        period_days=lambda: settings.RETENTION_FEEDBACK_COMMENTS_DAYS,
        after=pgettext_lazy("retention period starts after", "you sent them"),
        then=gettext_lazy("deleted"),
        expired=_contact_messages,
        order=71,
    ),
    RetentionRule(
        key="admin.change_log",
        model="admin.LogEntry",
        information=gettext_lazy(
            "Our staff’s change log (it names the record changed, such as a person)"
        ),
        period_days=lambda: settings.RETENTION_ADMIN_LOG_DAYS,
        after=pgettext_lazy("retention period starts after", "the change"),
        then=gettext_lazy("the name of the record is removed; who changed what and when is kept"),
        expired=_admin_log,
        blank={"object_repr": ""},
        order=80,
    ),
    RetentionRule(
        key="audit.events",
        model="audit.AuditEvent",
        information=(
            gettext_lazy(
                "Records of who did what to each application, and the internet address it was "
                "done from (they hold no names or contact details)"
            )
        ),
        period_days=lambda: settings.RETENTION_AUDIT_EVENTS_DAYS,
        after=pgettext_lazy("retention period starts after", "the event"),
        then=gettext_lazy(
            "deleted by a separate maintenance job; until then they cannot be changed"
        ),
        expired=_audit_events,
        keep=True,
        order=90,
    ),
)


def _documents_rule_register() -> None:
    """Stored files (letter PDFs, receipts, uploads), when the documents app is installed."""
    from django.apps import apps

    if not apps.is_installed("digital_services.documents"):
        return
    retention_rules_register(
        RetentionRule(
            key="documents.files",
            model="documents.Document",
            information=gettext_lazy(
                "Letters we print and post, receipts, and other files we make or you send us"
            ),
            period_days=0,
            after=pgettext_lazy(
                "retention period starts after",
                "the date set for deleting each file has passed, or its case was deleted",
            ),
            then=gettext_lazy("the file is deleted"),
            expired=_documents,
            anonymise=_documents_delete,
            order=55,
        )
    )


_documents_rule_register()
