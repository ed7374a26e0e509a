"""Forms for the tribunals that charge fees today: which tribunal, which fee, exemptions."""

from __future__ import annotations

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper

from ..constants import FeeKind, IacExemption, Jurisdiction
from .common import TRIBUNAL_EMPLOYMENT


class TribunalForm(forms.Form):
    """ "Which tribunal is the fee for?": a tribunal charging fees today, or the employment
    route for claims presented while employment tribunal fees were charged."""

    tribunal = forms.ChoiceField(
        label=_("Which tribunal is the fee for?"),
        choices=[
            Choice(
                Jurisdiction.IAC,
                _("First-tier Tribunal (Immigration and Asylum Chamber)"),
                hint=_(
                    "An appeal against a Home Office decision on a visa or immigration application."
                ),
            ),
            Choice(
                Jurisdiction.PC,
                _("First-tier Tribunal (Property Chamber), residential property"),
                hint=_(
                    "For example a service charge, lease extension or rent repayment case "
                    "in England."
                ),
            ),
            Choice(
                TRIBUNAL_EMPLOYMENT,
                _("Employment tribunal or Employment Appeal Tribunal"),
                hint=_(
                    "Only for a claim presented between 29 July 2013 and 26 July 2017, "
                    "when employment tribunal fees were charged."
                ),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select which tribunal the fee is for")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field.radios("tribunal", legend_size=Size.MEDIUM)])


#: The fees of each current tribunal, with what the citizen reads on "What is the fee for?".
CURRENT_FEE_CHOICES = {
    Jurisdiction.IAC: [
        Choice(
            FeeKind.IAC_PAPERS,
            _("An appeal decided without a hearing"),
            hint=_("A judge decides your appeal on the information and evidence you send."),
        ),
        Choice(
            FeeKind.IAC_HEARING,
            _("An appeal decided at a hearing"),
            hint=_("A judge decides your appeal at a hearing you can attend."),
        ),
    ],
    Jurisdiction.PC: [
        Choice(
            FeeKind.PC_APPLICATION,
            _("An application fee"),
            hint=_(
                "Paid when you apply or appeal to the tribunal in a leasehold or "
                "residential property case."
            ),
        ),
        Choice(
            FeeKind.PC_HEARING,
            _("A hearing fee"),
            hint=_("Due within 14 days of the tribunal telling you the hearing date."),
        ),
    ],
}


class CurrentFeeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is the fee for?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what the fee is for")},
    )

    def __init__(self, *args, tribunal: str = Jurisdiction.IAC, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = CURRENT_FEE_CHOICES.get(tribunal, [])
        self.helper = lazy_form_helper(lambda: [Field.radios("kind", legend_size=Size.MEDIUM)])


class IacExemptionForm(forms.Form):
    exemption = forms.ChoiceField(
        label=_("Do any of these apply to you?"),
        help_text=_("If one does, you may not need to pay the appeal fee."),
        choices=[
            Choice(IacExemption.LEGAL_AID, IacExemption.LEGAL_AID.label),
            Choice(IacExemption.ASYLUM_SUPPORT, IacExemption.ASYLUM_SUPPORT.label),
            Choice(
                IacExemption.CHILD_LOCAL_AUTHORITY,
                IacExemption.CHILD_LOCAL_AUTHORITY.label,
                hint=_(
                    "Benefits or housing from your local council under a children act or order."
                ),
            ),
            Choice(
                IacExemption.DISCRETIONARY,
                IacExemption.DISCRETIONARY.label,
                hint=_("The Lord Chancellor can remit the fee in exceptional circumstances."),
            ),
            Choice(IacExemption.NONE, IacExemption.NONE.label),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether any of these apply to you")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field.radios("exemption", legend_size=Size.MEDIUM)])
