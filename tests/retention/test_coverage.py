"""Every table that can hold text or dates is accounted for: a retention rule applies to it,
or it goes with a record that has one, or it holds nothing personal (and says why).

A new model with a text or date column fails here until someone decides which it is, and
the sweep (``test_sweep.py``) then checks the decision once its seed has one of them.
"""

from django.apps import apps
from django.db import models

from digital_services.privacy.retention import retention_rules

#: Personal data that goes with a record some rule covers: model -> how.
GOES_WITH = {
    "account.EmailAddress": "deleted when the account is closed (accounts.inactive, Your data)",
    "account.EmailConfirmation": "deleted with its email address",
    "mfa.Authenticator": "deleted when the account is closed",
    "accounts.CitizenProfile": "deleted when the account is closed",
    "journeys.ResumeLink": "deleted with its draft (journeys.drafts)",
    "prison_visits.Visitor": "anonymised with its visit (prison_visits.visits)",
    "prison_visits.VisitEvent": "messages blanked with its visit (prison_visits.visits)",
    "prison_visits.HistoricalVisit": "deleted when its visit is anonymised",
    "tribunal_fees.HistoricalFeeCase": "blanked with its fee (tribunal_fees.fee_cases)",
    "civil_claims.AmountRow": "deleted with its claim (civil_claims.claims)",
    "civil_claims.TimelineEvent": "deleted with its claim (civil_claims.claims)",
    "civil_claims.EvidenceItem": "deleted with its claim (civil_claims.claims)",
    "civil_claims.CaseNote": "deleted with its claim (civil_claims.claims)",
    "civil_claims.PaperCorrespondence": "deleted with its claim (civil_claims.claims)",
    "civil_claims.PossessionGround": "deleted with its claim (civil_claims.possession_claims)",
    "civil_claims.PossessionArrearsRow": "deleted with its claim (civil_claims.possession_claims)",
    "civil_claims.PossessionCounterclaim": "deleted with its response (civil_claims.possession_responses)",
    "lasting_power.ObjectionLpa": "deleted with its LPA (lasting_power.inactive-delete)",
    "lasting_power.Objection": "deleted with the last LPA it is about (services.lpa_delete)",
    "lasting_power.FeeDecision": "deleted with its LPA (lasting_power.inactive-delete), kept with an OPG record (lasting_power.opg-record)",
    "lasting_power.AttorneyRemoval": "deleted with its LPA, kept with an OPG record (lasting_power.opg-record)",
    "lasting_power.AttorneyAccess": "a code hash and a role key; deleted with its LPA, kept with an OPG record (lasting_power.opg-record); the account link goes when the account closes",
}

#: Tables with text or dates but nothing about a person: model -> why.
NOTHING_PERSONAL = {
    "auth.Permission": "permission names",
    "auth.Group": "role names",
    "contenttypes.ContentType": "model names",
    "accounts.StaffEnrolment": "a staff member's enrolment status (staff accounts are managed)",
    "performance.PerformanceEvent": "journey, channel and outcome codes with a random key",
    "notifications.LetterBatch": "a print batch's status",
    "notifications.DeliveryProblem": "the kind of problem, Notify's event id and dates; the address is on the message, blanked by notifications.outbox",
    "payments.Payment": "amounts, references, provider ids and the card brand and last 4 digits",
    "payments.Refund": "amounts, provider ids and the caseworker's reason code",
    "payments.SandboxPayment": "the test provider's copy of a payment",
    "payments.SandboxRefund": "the test provider's copy of a refund",
    "assisted_digital.AssistedSession": "who helped whom (user ids), channel and consent codes",
    "assisted_digital.SubmissionRecord": "route, channel and ids",
    "prison_visits.Prison": "a prison's own contact details",
    "prison_visits.HistoricalPrison": "a prison's own contact details",
    "prison_visits.DateSlot": "visiting times",
    "prison_visits.BlockedDate": "days without visits",
    "prison_visits.SlotLock": "a lock row per day",
    "tribunal_fees.FeeSchedule": "fee amounts",
    "tribunal_fees.HistoricalFeeSchedule": "fee amounts",
    "lasting_power.LpaFeeRate": "the LPA fee amounts and their dates",
    "tribunal_fees.RefundFee": "amounts and months of fees paid",
    "civil_claims.IssueFeeBand": "fee amounts",
    "civil_claims.HistoricalIssueFeeBand": "fee amounts",
    "civil_claims.PossessionFee": "fee amounts",
    "civil_claims.HistoricalPossessionFee": "fee amounts",
}


def _tables_with_text_or_dates() -> set[str]:
    found = set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy or meta.app_config.name.startswith("tests."):
            continue  # test-only example apps are not deployed
        for field in meta.concrete_fields:
            if isinstance(
                field,
                models.CharField
                | models.TextField
                | models.JSONField
                | models.GenericIPAddressField
                | models.DateField,
            ) and not isinstance(field, models.DateTimeField):
                found.add(meta.label)
                break
    return found


def _covered_by_rules() -> set[str]:
    covered = set()
    for rule in retention_rules():
        model = rule.model_class()
        covered.add(model._meta.label)
        history = getattr(getattr(model, "history", None), "model", None)
        if history is not None and rule.action in ("blank", "delete"):
            covered.add(history._meta.label)  # the rule applies to its history rows too
    return covered


def test_every_table_with_text_or_dates_has_a_retention_decision():
    undecided = (
        _tables_with_text_or_dates() - _covered_by_rules() - set(GOES_WITH) - set(NOTHING_PERSONAL)
    )

    assert not undecided, (
        "Declare a retention rule for these (or say in tests/retention/test_coverage.py why "
        f"they hold nothing personal): {sorted(undecided)}"
    )


def test_the_decisions_name_only_tables_that_exist():
    labels = {model._meta.label for model in apps.get_models(include_auto_created=True)}

    assert set(GOES_WITH) | set(NOTHING_PERSONAL) <= labels
    assert not set(GOES_WITH) & _covered_by_rules()
