"""Background work for Pay tribunal fees: mark fees whose payer never came back from the
card page as "payment not confirmed" (the payments reconcile job then finishes them)."""

from celery import shared_task

from .services import fee_cases_uncertain_sweep

UNCERTAIN_SWEEP_EVERY_SECONDS = 15 * 60

BEAT_SCHEDULE = {
    "tribunal-fees-uncertain-sweep": {
        "task": "tribunal_fees.uncertain_sweep",
        "schedule": UNCERTAIN_SWEEP_EVERY_SECONDS,
    },
}


@shared_task(name="tribunal_fees.uncertain_sweep", bind=True, acks_late=True)
def fee_cases_uncertain_sweep_task(self) -> int:
    """Fees in payment for more than 90 minutes become payment uncertain; the user is told."""
    return fee_cases_uncertain_sweep()
