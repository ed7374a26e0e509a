"""Check signing dates: the applicant types the date each person signed the printed LPA
and sees which sections must be signed again, and why (lasting_power.signing).

Offered once the LPA is completed (before then there is nothing final to sign). A
check is worked out, shown and forgotten: nothing is saved, so the page answers its
POST with the result instead of redirecting.
"""

from __future__ import annotations

from crispy_forms_gds.layout import Field
from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.forms import GovukDateField

from .details import LpaDetails
from .selectors import lpa_details
from .signing import (
    CONTINUATION_SHEET_3,
    CONTINUATION_SHEET_4,
    SECTION_5,
    SECTION_9,
    SECTION_10,
    SECTION_11,
    SECTION_15,
    Role,
    Signature,
    section_name,
    signing_dates_check,
)
from .views.common import lpa_view, prepare


def signers_for(details: LpaDetails) -> list[tuple[str, str, str, str]]:
    """(field key, role, who, section) for everyone who signs this LPA, in signing order."""
    donor = details.donor.full_name if details.donor else gettext("the donor")
    signing_for = gettext("the person signing for %(donor)s") % {"donor": donor}
    signers = []
    if details.donor_can_sign:
        signers.append(("donor", Role.DONOR, donor, SECTION_9))
    else:
        signers.append(("donor", Role.DONOR, signing_for, CONTINUATION_SHEET_3))
    if details.lpa_type == "health-and-welfare":
        who = donor if details.donor_can_sign else signing_for
        signers.append(("life-sustaining", Role.LIFE_SUSTAINING, who, SECTION_5))
    provider = details.certificate_provider
    signers.append(
        (
            "certificate-provider",
            Role.CERTIFICATE_PROVIDER,
            provider.full_name if provider else gettext("the certificate provider"),
            SECTION_10,
        )
    )
    for person in details.attorneys + details.replacements:
        section = CONTINUATION_SHEET_4 if person.is_trust_corporation else SECTION_11
        signers.append((f"{person.role}-{person.key}", Role.ATTORNEY, person.full_name, section))
    if details.registering == "donor":
        signers.append(("applicant-donor", Role.APPLICANT, donor, SECTION_15))
    else:
        for person in details.registering_attorneys:
            signers.append(
                (f"applicant-{person.key}", Role.APPLICANT, person.full_name, SECTION_15)
            )
    return signers


class SigningDatesForm(forms.Form):
    """One date for each signature; every date must be real and not in the future."""

    def __init__(self, *args, signers, **kwargs):
        super().__init__(*args, **kwargs)
        self.signers = signers
        for key, _role, who, section in signers:
            words = {"who": who, "section": section_name(section)}
            self.fields[key] = GovukDateField(
                label=gettext("When did %(who)s sign %(section)s?") % words,
                what=gettext("the date %(who)s signed %(section)s") % words,
                help_text=gettext("For example, 27 3 2026"),
            )
        self.helper = lazy_form_helper(lambda: [Field(key) for key, *_ in signers])

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        for key, _role, who, section in self.signers:
            value = data.get(key)
            if value is not None and value > today:
                self.add_error(
                    key,
                    gettext("The date %(who)s signed %(section)s must be today or in the past")
                    % {"who": who, "section": section_name(section)},
                )
        return data

    def signatures(self) -> list[Signature]:
        return [
            Signature(key=key, role=role, who=who, section=section, on=self.cleaned_data[key])
            for key, role, who, section in self.signers
        ]


@lpa_view(editable=False)
def lpa_signing(request, lpa):
    details = lpa_details(lpa)
    form = result = None
    if lpa.is_locked:
        signers = signers_for(details)
        form = SigningDatesForm(request.POST or None, signers=signers)
        if request.method == "POST" and form.is_valid():
            result = signing_dates_check(signatures=form.signatures(), today=timezone.localdate())
        prepare(form)
    return render(
        request,
        "lasting_power/signing/check.html",
        {
            "page_title": gettext("Check the signing dates"),
            "lpa": lpa,
            "form": form,
            "result": result,
        },
    )
