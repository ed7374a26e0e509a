"""How long Book a prison visit keeps personal data (declared on its registry entry)."""

from django.conf import settings
from django.utils.translation import gettext_lazy, pgettext_lazy

from digital_services.privacy.retention import RetentionRule


def _visits(cutoff):
    from .models import Visit

    return Visit.objects.filter(visit_date__lt=cutoff.date(), anonymised_at__isnull=True)


def _visits_anonymise(ids):
    from .services import visits_anonymise_ids

    return visits_anonymise_ids(ids=ids)


def _register_entries(cutoff):
    from .models import PrisonerRegisterEntry

    return PrisonerRegisterEntry.objects.filter(active=False, updated_at__lt=cutoff)


RETENTION = (
    RetentionRule(
        key="prison_visits.visits",
        model="prison_visits.Visit",
        information=(
            gettext_lazy(
                "Visit requests: names and dates of birth of the visitors and the prisoner, "
                "prison number, contact details, and the messages we sent about the visit"
            )
        ),
        period_days=lambda: settings.PRISON_VISITS_ANONYMISE_AFTER_DAYS,
        after=pgettext_lazy("retention period starts after", "the date of the visit"),
        then=(
            gettext_lazy(
                "names, dates of birth, contact details and messages are removed and only "
                "anonymous statistics are kept"
            )
        ),
        expired=_visits,
        anonymise=_visits_anonymise,
    ),
    RetentionRule(
        key="prison_visits.register",
        model="prison_visits.PrisonerRegisterEntry",
        information=gettext_lazy("Prisoners on a prison’s register who have left that prison"),
        period_days=lambda: settings.PRISON_VISITS_REGISTER_RETENTION_DAYS,
        after=pgettext_lazy("retention period starts after", "they left"),
        then=gettext_lazy("deleted"),
        expired=_register_entries,
    ),
)
