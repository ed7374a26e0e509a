"""The landlord's questions in a possession claim: one form a page, GOV.UK messages.

Choices that depend on earlier answers (claimant and tenancy types, grounds and notice
types by country) come in as form kwargs from ``possession.py``; the rules are in
``civil_claims.possession_rules``. The address fields and checks are the money claims'
(``parties.AddressFieldsMixin``), and so are the helpers for radios and text areas.
"""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.forms import GovukDateField
from digital_services.core.money import PenceField, pence_format
from digital_services.documents.uploads import UPLOAD_ACCEPT

from ..constants import NAME_MAX_LENGTH
from ..possession_constants import (
    POSSESSION_GROUND_REASON_MAX_LENGTH,
    POSSESSION_TEXT_MAX_LENGTH,
)
from ..possession_rules import (
    ClaimantType,
    Country,
    Ground,
    RentFrequency,
    TenancyType,
)
from .forms import _radios, _textarea
from .parties import AddressFieldsMixin

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
TEXT_MAX = POSSESSION_TEXT_MAX_LENGTH


def _text(label: str, required: str = "", *, max_length: int = NAME_MAX_LENGTH, hint: str = ""):
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=hint,
        error_messages={
            "max_length": format_lazy(
                _("{label} must be {max} characters or fewer"), label=label, max=f"{max_length:,}"
            )
        },
    )


def _needs(form: forms.Form, data: dict, field: str, message: str) -> None:
    """A field that the answer to another made required (a conditional question)."""
    if not (data.get(field) or "").strip() and field not in form.errors:
        form.add_error(field, message)


class PropertyForm(AddressFieldsMixin, forms.Form):
    whose = "the property’s"

    country = _radios(Country.choices, _("Select whether the property is in England or Wales"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.address_fields()
        self.fields["country"].label = _("Is the property in England or Wales?")
        self.fields["country"].help_text = _(
            "The law is different in each, so the tenancy types, grounds and notices we ask "
            "about depend on it."
        )
        self.helper = lazy_form_helper(
            lambda: [
                self.address_layout(legend=_("Address of the property")),
                Field.radios("country", legend_size=Size.MEDIUM, inline=True),
            ]
        )

    def clean(self):
        data = super().clean()
        self.address_clean(data, england_wales=True)
        return data


class ClaimantTypeForm(forms.Form):
    claimant_type = _radios(ClaimantType.choices, _("Select who is making the claim"))
    other = _text(
        _("Describe the claimant"), hint=_("For example, a freeholder or a lodger’s host")
    )

    def __init__(self, *args, country: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["claimant_type"]
        field.label = _("Who is making the claim?")
        if country:
            from ..possession_rules import claimant_types_for

            field.choices = [(t.value, t.label) for t in claimant_types_for(country)]
        self.helper = lazy_form_helper(
            lambda: [Field.radios("claimant_type", legend_size=Size.MEDIUM), Field.text("other")]
        )

    def clean(self):
        data = super().clean()
        if data.get("claimant_type") == ClaimantType.OTHER:
            _needs(self, data, "other", _("Describe who is making the claim"))
        else:
            data["other"] = ""
        return data


class ClaimantForm(AddressFieldsMixin, forms.Form):
    """The claimant's name (a person's or an organisation's) and address."""

    name = forms.CharField(
        label=_("Full name, or the organisation’s name"),
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": _("Enter the claimant’s name"),
            "max_length": format_lazy(
                _("The name must be {max} characters or fewer"), max=NAME_MAX_LENGTH
            ),
        },
    )
    whose = "the claimant’s"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.address_fields()
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("name", field_width=Fluid.TWO_THIRDS),
                self.address_layout(legend=_("The claimant’s address")),
            ]
        )

    def clean(self):
        data = super().clean()
        self.address_clean(data)
        return data


class DefendantForm(AddressFieldsMixin, forms.Form):
    """One tenant or occupier the claim is against."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": _("Enter the defendant’s full name"),
            "max_length": format_lazy(
                _("The name must be {max} characters or fewer"), max=NAME_MAX_LENGTH
            ),
        },
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        required=False,
        help_text=_("We post the claim to them, and email it too if you give their address."),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    whose = "the defendant’s"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.address_fields()
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("name", field_width=Fluid.TWO_THIRDS),
                self.address_layout(legend=_("Where we post the claim to them")),
                Field.text("email", field_width=Fluid.TWO_THIRDS),
            ]
        )

    def clean(self):
        data = super().clean()
        self.address_clean(data, england_wales=True)
        return data


class TenancyForm(forms.Form):
    tenancy_type = _radios(TenancyType.choices, _("Select the type of tenancy or contract"))
    tenancy_other = _text(_("Describe the tenancy or contract"))
    start_date = GovukDateField(what=_("the date the tenancy or contract started"))
    rent_pence = PenceField(
        label=_("Rent"),
        min_pence=1,
        error_messages={
            "required": _("Enter the rent"),
            "min_value": _("The rent must be at least £0.01"),
        },
    )
    frequency = _radios(RentFrequency.choices, _("Select how often the rent is due"))
    frequency_other = _text(_("How often is the rent due?"), max_length=100)

    def __init__(self, *args, country: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["tenancy_type"]
        if country == Country.WALES:
            field.label = _("What type of occupation contract is it?")
        else:
            field.label = _("What type of tenancy is it?")
        if country:
            from ..possession_rules import tenancy_types_for

            field.choices = [(t.value, t.label) for t in tenancy_types_for(country)]
        self.fields["start_date"].label = _("When did it start?")
        self.fields["start_date"].help_text = _("For example, 1 6 2023")
        self.fields["frequency"].label = _("How often is the rent due?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("tenancy_type", legend_size=Size.MEDIUM),
                Field.text("tenancy_other"),
                Field("start_date"),
                Field.text("rent_pence", field_width=10),
                Field.radios("frequency", legend_size=Size.SMALL),
                Field.text("frequency_other"),
            ]
        )

    def clean_start_date(self):
        value = self.cleaned_data.get("start_date")
        if value and value > timezone.localdate():
            raise forms.ValidationError(
                _("The date the tenancy started must be today or in the past")
            )
        return value

    def clean(self):
        data = super().clean()
        if data.get("tenancy_type") == TenancyType.OTHER:
            _needs(self, data, "tenancy_other", _("Describe the tenancy or contract"))
        else:
            data["tenancy_other"] = ""
        if data.get("frequency") == RentFrequency.OTHER:
            _needs(self, data, "frequency_other", _("Enter how often the rent is due"))
        else:
            data["frequency_other"] = ""
        return data


class DailyRentForm(forms.Form):
    """The daily rent we worked out, to confirm or correct; typed for another frequency."""

    correct = forms.ChoiceField(
        choices=YES_NO, widget=forms.RadioSelect, required=False, label=_("Is this right?")
    )
    daily_rent_pence = PenceField(
        label=_("The rent for one day"), required=False, min_pence=0, max_pence=10_000_000
    )

    def __init__(self, *args, calculated_pence: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.calculated_pence = calculated_pence
        fields = []
        if calculated_pence is not None:
            self.fields["correct"].label = gettext(
                "The daily rent is %(amount)s. Is this right?"
            ) % {"amount": pence_format(calculated_pence)}
            self.fields["daily_rent_pence"].label = _("The correct rent for one day")
            fields.append(Field.radios("correct", legend_size=Size.MEDIUM, inline=True))
        else:
            self.fields["daily_rent_pence"].label = _("What is the rent for one day?")
        fields.append(Field.text("daily_rent_pence", field_width=10))
        self.helper = lazy_form_helper(lambda: fields)

    def clean(self):
        data = super().clean()
        if self.calculated_pence is not None and not data.get("correct"):
            self.add_error("correct", _("Select yes if the daily rent is right"))
            return data
        if self.calculated_pence is not None and data.get("correct") == "yes":
            data["daily_rent_pence"] = self.calculated_pence
        elif data.get("daily_rent_pence") is None and "daily_rent_pence" not in self.errors:
            self.add_error("daily_rent_pence", _("Enter the rent for one day"))
        return data


#: Each document's sentences, whole (so each language can word them).
DOCUMENT_TEXT = {
    "the tenancy agreement": {
        "label": _("Can you upload a copy of the tenancy agreement?"),
        "required": _("Select yes if you can upload a copy of the tenancy agreement"),
        "reason": _("Enter why you cannot upload a copy of the tenancy agreement"),
        "upload": _("Select a copy of the tenancy agreement to upload"),
    },
    "the notice": {
        "label": _("Can you upload a copy of the notice?"),
        "required": _("Select yes if you can upload a copy of the notice"),
        "reason": _("Enter why you cannot upload a copy of the notice"),
        "upload": _("Select a copy of the notice to upload"),
    },
    "the rent statement": {
        "label": _("Can you upload a copy of the rent statement?"),
        "required": _("Select yes if you can upload a copy of the rent statement"),
        "reason": _("Enter why you cannot upload a copy of the rent statement"),
        "upload": _("Select a copy of the rent statement to upload"),
    },
}


class DocumentForm(forms.Form):
    """Upload a copy of a document, or say why there is none. The file goes to the
    platform's document store after its check (``services.possession.possession_upload_store``);
    the answer keeps a signed token for it, so coming back to the page needs no new upload."""

    have = _radios(YES_NO, _("Select yes if you can upload a copy"))
    upload = forms.FileField(
        label=_("Upload a file"),
        required=False,
        help_text=_("A PDF, JPG or PNG, smaller than 10MB."),
        widget=forms.ClearableFileInput(
            attrs={"class": "govuk-file-upload", "accept": UPLOAD_ACCEPT}
        ),
    )
    document = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    reason = _text(_("Why you cannot upload a copy"), max_length=TEXT_MAX)

    def __init__(self, *args, what: str = "the tenancy agreement", **kwargs):
        super().__init__(*args, **kwargs)
        self.what = what
        self.text = DOCUMENT_TEXT[what]
        self.fields["have"].label = self.text["label"]
        self.fields["have"].error_messages["required"] = self.text["required"]
        self.fields["upload"].widget = forms.FileInput(
            attrs={"class": "govuk-file-upload", "accept": UPLOAD_ACCEPT}
        )
        self.fields["reason"].widget = forms.Textarea(attrs={"rows": 3})
        self.uploaded_name = ""
        token = self.data.get("document") if self.is_bound else self.initial.get("document")
        if token:
            from ..services.possession import possession_upload_get

            found = possession_upload_get(token)
            self.uploaded_name = found.filename if found else ""
            if found:
                self.fields["upload"].help_text = gettext(
                    "You uploaded %(filename)s. Upload another file to replace it."
                ) % {"filename": found.filename}
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("have", legend_size=Size.MEDIUM, inline=True),
                Field("upload"),
                "document",
                Field.textarea("reason"),
            ]
        )

    def clean(self):
        from ..services.possession import (
            UploadRefused,
            possession_upload_get,
            possession_upload_store,
        )

        data = super().clean()
        if data.get("have") != "yes":
            data["document"] = ""
            if data.get("have") == "no":
                _needs(self, data, "reason", self.text["reason"])
            data.pop("upload", None)
            return data
        data["reason"] = ""
        upload = data.pop("upload", None)
        if upload:
            try:
                data["document"] = possession_upload_store(
                    content=upload.read(), filename=upload.name
                )
            except UploadRefused as exc:
                self.add_error("upload", str(exc))
        elif not data.get("document") or possession_upload_get(data["document"]) is None:
            data["document"] = ""
            if "upload" not in self.errors:
                self.add_error("upload", self.text["upload"])
        return data


class GroundsForm(forms.Form):
    grounds = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        label=_("Which grounds are you claiming possession on?"),
        help_text=_("Select all that apply."),
        error_messages={
            "required": _("Select the grounds you are claiming possession on"),
            "invalid_choice": _("Select the grounds you are claiming possession on"),
        },
    )

    def __init__(self, *args, grounds: tuple[Ground, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["grounds"].choices = [
            (g.code, f"{gettext(g.label)} ({g.kind_label})") for g in grounds
        ]
        self.helper = lazy_form_helper(
            lambda: [Field.checkboxes("grounds", legend_size=Size.MEDIUM)]
        )


class GroundReasonsForm(forms.Form):
    """A reason for each chosen ground, on one page."""

    def __init__(self, *args, grounds: tuple[Ground, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        layout = []
        for ground in grounds:
            name = f"reason_{ground.code}"
            self.fields[name] = _textarea(
                gettext("Why you are relying on %(ground)s") % {"ground": gettext(ground.label)},
                gettext("Enter why you are relying on %(ground)s")
                % {"ground": gettext(ground.label)},
                POSSESSION_GROUND_REASON_MAX_LENGTH,
            )
            self.fields[name].widget.attrs["rows"] = 4
            layout.append(Field.textarea(name))
        self.helper = lazy_form_helper(lambda: layout)
