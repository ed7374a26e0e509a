"""A possession claim against trespassers: its own short route in the landlord's journey.

The notes (domain section 3) give claims against trespassers a flag of their own: people
who came onto the property without the landlord's consent and were never tenants have no
tenancy, grounds, notice or rent statement. So after the property the landlord says
whether the claim is against trespassers; if so the tenancy, grounds, notice, arrears
and "about the claim" tasks do not apply and one page asks when they found out and how
the trespassers came to be there. The claimant, defendants ("persons unknown" may be
named), fee and statement of truth are the same as any possession claim.
"""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.forms import GovukDateField
from digital_services.journeys.definitions import Answers

from ..possession_constants import POSSESSION_TEXT_MAX_LENGTH
from .forms import _radios, _textarea

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def against_trespassers(answers: Answers) -> bool:
    """Whether the landlord said the claim is against trespassers."""
    return answers.value("trespassers", "trespassers") == "yes"


def not_trespass(answers: Answers) -> bool:
    """The tenancy, grounds, notice and arrears pages apply (not a claim against trespassers)."""
    return answers.value("trespassers", "trespassers") != "yes"


class TrespassersForm(forms.Form):
    trespassers = _radios(
        YES_NO, _("Select yes if the claim is against trespassers, or no if it is against tenants")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trespassers"].label = _("Is your claim against trespassers?")
        self.fields["trespassers"].help_text = _(
            "Trespassers are people who came onto or stayed in the property without your "
            "consent and have never been your tenants or licensees, such as squatters."
        )
        self.helper = lazy_form_helper(
            lambda: [Field.radios("trespassers", legend_size=Size.MEDIUM, inline=True)]
        )


class TrespassForm(forms.Form):
    known_on = GovukDateField(what=_("the date you found out about the trespassers"))
    details = _textarea(
        _("How did the trespassers come to be in the property?"),
        _("Say how the trespassers came to be in the property"),
        POSSESSION_TEXT_MAX_LENGTH,
        hint=_(
            "For example, how they got in, what you have seen, and whether you have asked "
            "them to leave. If you do not know their names, say so."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["known_on"].label = _("When did you find out about the trespassers?")
        self.helper = lazy_form_helper(lambda: [Field("known_on"), Field.textarea("details")])

    def clean(self):
        data = super().clean()
        if data.get("known_on") and data["known_on"] > timezone.localdate():
            self.add_error("known_on", _("The date you found out must be today or in the past"))
        return data
