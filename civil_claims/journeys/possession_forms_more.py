"""The landlord's possession claim questions, continued: the notice, the rent statement,
the rest of the claim and the fee (``possession_forms`` has the first ones)."""

from __future__ import annotations

import datetime as dt

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.forms import GovukDateField
from digital_services.core.money import PenceField, pence_format

from ..possession_constants import CertificateAnswer
from ..possession_rules import NOTICE_METHODS_WITH_TIME, NoticeMethod
from .forms import _radios, _textarea
from .possession_forms import TEXT_MAX, YES_NO, _needs, _text


class NoticeForm(forms.Form):
    served = _radios(YES_NO, _("Select yes if you served a notice on the defendants"))
    notice_type = forms.ChoiceField(
        required=False, widget=forms.RadioSelect, label=_("What type of notice?")
    )

    def __init__(self, *args, country: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["served"].label = _("Did you serve a notice on the defendants?")
        if country:
            from ..possession_rules import notice_types_for

            self.fields["notice_type"].choices = [
                (t.value, t.label) for t in notice_types_for(country)
            ]
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("served", legend_size=Size.MEDIUM, inline=True),
                Field.radios("notice_type", legend_size=Size.SMALL),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("served") == "yes":
            if not data.get("notice_type") and "notice_type" not in self.errors:
                self.add_error("notice_type", _("Select the type of notice"))
        else:
            data["notice_type"] = ""
        return data


class NoticeServiceForm(forms.Form):
    """How the notice was served and when: a date, or a date and time, for each method."""

    method = _radios(NoticeMethod.choices, _("Select how you served the notice"))
    served_on = GovukDateField(what=_("the date you served the notice"))
    served_time = forms.CharField(
        label=_("Time (for example, 2:30pm or 14:30)"),
        required=False,
        max_length=8,
        help_text=_("Needed when the notice was left, handed over or sent electronically."),
    )
    person = _text(_("Name of the person you handed it to"))
    email = forms.EmailField(
        label=_("Email address you sent it to"),
        required=False,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    other = _text(_("How you served it"), max_length=255)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].label = _("How did you serve the notice?")
        self.fields["served_on"].label = _("When did you serve it?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("method", legend_size=Size.MEDIUM),
                Field("served_on"),
                Field.text("served_time", field_width=10),
                Field.text("person", field_width=Fluid.TWO_THIRDS),
                Field.text("email", field_width=Fluid.TWO_THIRDS),
                Field.text("other", field_width=Fluid.TWO_THIRDS),
            ]
        )

    def clean_served_on(self):
        value = self.cleaned_data.get("served_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(
                _("The date you served the notice must be today or in the past")
            )
        return value

    def clean_served_time(self):
        typed = (self.cleaned_data.get("served_time") or "").strip().lower().replace(".", ":")
        if not typed:
            return None
        for fmt in ("%H:%M", "%H:%M:%S", "%I:%M%p", "%I%p"):
            try:
                return dt.datetime.strptime(typed.replace(" ", ""), fmt).time()
            except ValueError:
                continue
        raise forms.ValidationError(_("Enter a real time, like 2:30pm or 14:30"))

    def clean(self):
        data = super().clean()
        method = data.get("method")
        if method in NOTICE_METHODS_WITH_TIME and data.get("served_time") is None:
            if "served_time" not in self.errors:
                self.add_error("served_time", _("Enter the time you served the notice"))
        if method == NoticeMethod.PERSONALLY:
            _needs(self, data, "person", _("Enter the name of the person you handed it to"))
        if method == NoticeMethod.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter the email address you sent it to"))
        if method in (NoticeMethod.OTHER, NoticeMethod.OTHER_ELECTRONIC):
            _needs(self, data, "other", _("Enter how you served the notice"))
        return data


class ArrearsRowForm(forms.Form):
    """One row of the rent statement."""

    due_on = GovukDateField(what=_("the date the rent was due"))
    due_pence = PenceField(
        label=_("Amount due"),
        min_pence=0,
        error_messages={"required": _("Enter the amount due")},
    )
    paid_pence = PenceField(label=_("Amount paid (optional)"), required=False, min_pence=0)
    paid_on = GovukDateField(what=_("the date it was paid"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_on"].label = _("Date the rent was due")
        self.fields["paid_on"].label = _("Date it was paid (optional)")
        self.helper = lazy_form_helper(
            lambda: [
                Field("due_on"),
                Field.text("due_pence", field_width=10),
                Field.text("paid_pence", field_width=10),
                Field("paid_on"),
            ]
        )

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        if data.get("due_on") and data["due_on"] > today:
            self.add_error("due_on", _("The date the rent was due must be today or in the past"))
        paid = data.get("paid_pence") or 0
        data["paid_pence"] = paid
        if paid and not data.get("paid_on") and "paid_on" not in self.errors:
            self.add_error("paid_on", _("Enter the date it was paid"))
        if data.get("paid_on") and data["paid_on"] > today:
            self.add_error("paid_on", _("The date it was paid must be today or in the past"))
        return data


class ArrearsDetailsForm(forms.Form):
    money_judgment = _radios(YES_NO, _("Select yes if you want a money judgment for the arrears"))
    recovery_steps = _textarea(
        _("What have you already done to recover the arrears?"),
        _("Enter what you have already done to recover the arrears"),
        TEXT_MAX,
        hint=_(
            "For example, letters, phone calls, a payment plan or an application for "
            "Universal Credit to be paid to you directly"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["money_judgment"].label = _("Do you want a money judgment for the arrears?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("money_judgment", legend_size=Size.MEDIUM, inline=True),
                Field.textarea("recovery_steps"),
            ]
        )


class PreActionForm(forms.Form):
    followed = _radios(YES_NO, _("Select yes if you followed the pre-action protocol"))
    reason = _text(_("Why you did not follow it"), max_length=TEXT_MAX)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["followed"].label = _(
            "Did you follow the pre-action protocol for possession claims?"
        )
        self.fields["reason"].widget = forms.Textarea(attrs={"rows": 3})
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("followed", legend_size=Size.MEDIUM, inline=True),
                Field.textarea("reason"),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("followed") == "no":
            _needs(self, data, "reason", _("Enter why you did not follow the pre-action protocol"))
        else:
            data["reason"] = ""
        return data


class CircumstancesForm(forms.Form):
    claimant = _textarea(
        _("Your circumstances (optional)"),
        "",
        TEXT_MAX,
        hint=_(
            "Anything about you the court should know, such as the effect of the arrears on you."
        ),
    )
    defendants = _textarea(
        _("The defendants’ circumstances (optional)"),
        "",
        TEXT_MAX,
        hint=_("What you know of their circumstances, such as benefits, health or children."),
    )
    alternatives = _textarea(
        _("What alternatives to possession have you considered? (optional)"),
        "",
        TEXT_MAX,
        hint=_("For example, a repayment plan, mediation or a suspended order."),
    )
    other_occupiers = _textarea(
        _("Who else lives at the property? (optional)"),
        "",
        TEXT_MAX,
        hint=_("Anyone who is not a defendant, such as a partner, children or a lodger."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["rows"] = 3
        self.helper = lazy_form_helper(lambda: [Field.textarea(name) for name in self.fields])


#: Each certificate's question and its error, whole (so each language can word them).
CERTIFICATES = (
    (
        "epc",
        _("Did you give the tenants an energy performance certificate (EPC)?"),
        _("Select whether you gave the tenants an energy performance certificate (EPC)"),
    ),
    (
        "gas_safety",
        _("Did you give the tenants a gas safety record?"),
        _("Select whether you gave the tenants a gas safety record"),
    ),
    (
        "eicr",
        _("Did you give the tenants an electrical installation condition report (EICR)?"),
        _("Select whether you gave the tenants an electrical installation condition report (EICR)"),
    ),
)


class CertificatesForm(forms.Form):
    reason = _text(_("Why a certificate was not given"), max_length=TEXT_MAX)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        layout = []
        for name, question, required in CERTIFICATES:
            self.fields[name] = _radios(CertificateAnswer.choices, required)
            self.fields[name].label = question
            layout.append(Field.radios(name, legend_size=Size.SMALL, inline=True))
        self.fields["reason"].widget = forms.Textarea(attrs={"rows": 3})
        self.fields["reason"].help_text = _("Needed if you answered no to any of them.")
        self.order_fields([name for name, *_rest in CERTIFICATES] + ["reason"])
        self.helper = lazy_form_helper(lambda: [*layout, Field.textarea("reason")])

    def clean(self):
        data = super().clean()
        if any(data.get(name) == CertificateAnswer.NO for name, *_rest in CERTIFICATES):
            _needs(self, data, "reason", _("Enter why a certificate was not given"))
        return data


class PossessionFeeForm(forms.Form):
    """How the landlord will pay the court fee in force today (dated data)."""

    how = _radios(
        [
            ("card", _("Pay by debit or credit card")),
            ("hwf", _("I have a Help with Fees reference")),
        ],
        _("Select how you will pay the court fee"),
    )

    def __init__(self, *args, fee_pence: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fee_pence = fee_pence
        self.fields["how"].label = _("How will you pay the court fee?")
        if fee_pence is not None:
            self.fields["how"].help_text = gettext(
                "The court fee for a possession claim is %(fee)s. You may pay less, or nothing, "
                "with Help with Fees: apply for it first, then come back with your reference."
            ) % {"fee": pence_format(fee_pence)}
        self.helper = lazy_form_helper(lambda: [Field.radios("how", legend_size=Size.MEDIUM)])

    def clean(self):
        if self.fee_pence is None:
            raise forms.ValidationError(
                _("We cannot work out the court fee today. Try again later")
            )
        return super().clean()
