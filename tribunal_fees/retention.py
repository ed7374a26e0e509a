"""How long Pay tribunal fees keeps personal data (declared on its registry entry).

Fees, Help with Fees and refund applications are financial records: kept for
TRIBUNAL_FEES_RETENTION_DAYS after their last change, then their personal details are
blanked (amounts, dates and statuses stay for the accounts). Bank details of a refund go
much sooner: once the refund has been sent and reconciled.
"""

from datetime import date

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy, pgettext_lazy

from digital_services.payments.constants import RefundStatus as PaymentRefundStatus
from digital_services.privacy.retention import RetentionRule

from .constants import RefundStatus

#: Written over dates of birth (required fields) when they are blanked.
BLANK_DATE = date(1, 1, 1)

BANK_DETAILS = {"account_name": "", "bank_name": "", "account_number": "", "sort_code": ""}


def _days():
    return settings.TRIBUNAL_FEES_RETENTION_DAYS


def _fee_cases(cutoff):
    from .models import FeeCase

    return FeeCase.objects.filter(updated_at__lt=cutoff).filter(
        ~Q(email="")
        | ~Q(mobile="")
        | ~Q(postal_address="")
        | ~Q(case_number="")
        | Q(user__isnull=False)
    )


FEE_CASE_BLANK = {"email": "", "mobile": "", "postal_address": "", "case_number": "", "user": None}


def _fee_cases_anonymise(ids: list) -> None:
    """Blank the contact details and case number (in the fee's history rows too), and delete
    the fees' receipts (they show the case number) and any other document about them, with
    their stored files."""
    from django.contrib.contenttypes.models import ContentType

    from digital_services.documents.models import Document
    from digital_services.documents.services import document_delete

    from .models import FeeCase

    FeeCase.objects.filter(pk__in=ids).update(**FEE_CASE_BLANK)
    FeeCase.history.model.objects.filter(id__in=ids).update(**FEE_CASE_BLANK)
    documents = Document.objects.filter(
        content_type=ContentType.objects.get_for_model(FeeCase),
        object_id__in=[str(pk) for pk in ids],
    )
    for document in documents:
        document_delete(document=document)


def _hwf_applications(cutoff):
    from .models import HelpWithFeesApplication

    return HelpWithFeesApplication.objects.filter(updated_at__lt=cutoff).exclude(applicant_name="")


def _refund_applications(cutoff):
    from .models import RefundApplication

    return RefundApplication.objects.filter(updated_at__lt=cutoff).exclude(full_name="")


def _bank_details(cutoff):
    from .models import RefundApplication

    return (
        RefundApplication.objects.filter(
            Q(status=RefundStatus.ISSUED, issued_at__lt=cutoff)
            | Q(status=RefundStatus.REJECTED, rejected_at__lt=cutoff)
        )
        # Reconciled: a card refund has been confirmed by the provider.
        .filter(
            Q(payments_refund__isnull=True) | Q(payments_refund__status=PaymentRefundStatus.SUCCESS)
        )
        .filter(~Q(account_name="") | ~Q(bank_name="") | ~Q(account_number="") | ~Q(sort_code=""))
    )


RETENTION = (
    RetentionRule(
        key="tribunal_fees.bank_details",
        model="tribunal_fees.RefundApplication",
        information=gettext_lazy("Bank details on a refund application"),
        period_days=lambda: settings.TRIBUNAL_FEES_BANK_DETAILS_RETENTION_DAYS,
        after=pgettext_lazy(
            "retention period starts after",
            "the refund was paid and reconciled (or the application was rejected)",
        ),
        then=gettext_lazy("deleted"),
        expired=_bank_details,
        blank=BANK_DETAILS,
        order=10,
    ),
    RetentionRule(
        key="tribunal_fees.fee_cases",
        model="tribunal_fees.FeeCase",
        information=gettext_lazy("Fee payments: your contact details and tribunal case number"),
        period_days=_days,
        after=pgettext_lazy("retention period starts after", "the fee was last updated"),
        then=gettext_lazy(
            "they are deleted; the amount and how it was paid are kept for the accounts"
        ),
        expired=_fee_cases,
        anonymise=_fee_cases_anonymise,
        order=20,
    ),
    RetentionRule(
        key="tribunal_fees.help_with_fees",
        model="tribunal_fees.HelpWithFeesApplication",
        information=(
            gettext_lazy(
                "Help with Fees applications: name, date of birth, National Insurance number, "
                "your partner’s date of birth and bank details for a refund"
            )
        ),
        period_days=_days,
        after=pgettext_lazy("retention period starts after", "the application was last updated"),
        then=gettext_lazy(
            "they are deleted; the fee, outcome and amounts are kept for the accounts"
        ),
        expired=_hwf_applications,
        blank={
            "applicant_name": "",
            "applicant_date_of_birth": BLANK_DATE,
            "ni_number": "",
            "partner_date_of_birth": None,
            "override_reason": "",
            "evidence_note": "",
            "user": None,
            # Retrospective Help with Fees: where the refund was to go.
            **{f"refund_{name}": value for name, value in BANK_DETAILS.items()},
        },
        order=30,
    ),
    RetentionRule(
        key="tribunal_fees.refunds",
        model="tribunal_fees.RefundApplication",
        information=(
            gettext_lazy(
                "Refund applications: name, date of birth, contact details, addresses, the "
                "other side’s name and address, and notes"
            )
        ),
        period_days=_days,
        after=pgettext_lazy("retention period starts after", "the application was last updated"),
        then=gettext_lazy("they are deleted; the amounts refunded are kept for the accounts"),
        expired=_refund_applications,
        blank={
            "title": "",
            "full_name": "",
            "date_of_birth": BLANK_DATE,
            "email": "",
            "phone": "",
            "mobile": "",
            "address": "",
            "respondent_name": "",
            "respondent_address": "",
            "representative_name": "",
            "claimant_address_then": "",
            "notes": "",
            "rejection_reason": "",
            "user": None,
            **BANK_DETAILS,
        },
        order=40,
    ),
)
