"""The people on an LPA: the donor, attorneys (and a trust corporation), replacements,
the certificate provider and people to notify.

Donor names use the long limits (first 53, last 61); everyone else 50 and 50. Age and
"same person twice" are warnings on an interruption page (``warnings``), not errors:
only a donor under 18 is refused, as the notes say [M IsUnder18].
"""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper

from ..constants import (
    AGE_ADULT,
    COMPANY_MAX,
    FIRST_NAME_MAX,
    LAST_NAME_MAX,
    LONG_FIRST_NAME_MAX,
    LONG_LAST_NAME_MAX,
    OTHER_NAMES_MAX,
)
from .common import (
    AddressMixin,
    TitleMixin,
    date_of_birth_check,
    date_of_birth_field,
    name_clean,
    text_field,
    yes_no_field,
)

#: Each person's sentences, whole (so each language can word them), by role.
PERSON_TEXT = {
    "donor": {
        "title": _("Select the donor's title"),
        "first_name": _("Enter the donor's first names"),
        "last_name": _("Enter the donor's last name"),
        "date_of_birth": _("the donor's date of birth"),
        "date_of_birth_future": _("The donor's date of birth must be today or in the past"),
        "date_of_birth_old": _("The donor's date of birth must be less than %(years)s years ago"),
        "address_line_1": _("Enter the first line of the donor's address"),
        "postcode": _("Enter the donor's postcode or the second line of the address"),
    },
    "attorney": {
        "title": _("Select the attorney's title"),
        "first_name": _("Enter the attorney's first names"),
        "last_name": _("Enter the attorney's last name"),
        "date_of_birth": _("the attorney's date of birth"),
        "date_of_birth_future": _("The attorney's date of birth must be today or in the past"),
        "date_of_birth_old": _(
            "The attorney's date of birth must be less than %(years)s years ago"
        ),
        "address_line_1": _("Enter the first line of the attorney's address"),
        "postcode": _("Enter the attorney's postcode or the second line of the address"),
    },
    "replacement": {
        "title": _("Select the replacement attorney's title"),
        "first_name": _("Enter the replacement attorney's first names"),
        "last_name": _("Enter the replacement attorney's last name"),
        "date_of_birth": _("the replacement attorney's date of birth"),
        "date_of_birth_future": _(
            "The replacement attorney's date of birth must be today or in the past"
        ),
        "date_of_birth_old": _(
            "The replacement attorney's date of birth must be less than %(years)s years ago"
        ),
        "address_line_1": _("Enter the first line of the replacement attorney's address"),
        "postcode": _(
            "Enter the replacement attorney's postcode or the second line of the address"
        ),
    },
    "notify": {
        "title": _("Select the person's title"),
        "first_name": _("Enter the person's first names"),
        "last_name": _("Enter the person's last name"),
        "address_line_1": _("Enter the first line of the person's address"),
        "postcode": _("Enter the person's postcode or the second line of the address"),
    },
    "certificate-provider": {
        "title": _("Select the certificate provider's title"),
        "first_name": _("Enter the certificate provider's first names"),
        "last_name": _("Enter the certificate provider's last name"),
        "address_line_1": _("Enter the first line of the certificate provider's address"),
        "postcode": _(
            "Enter the certificate provider's postcode or the second line of the address"
        ),
    },
    "company": {
        "address_line_1": _("Enter the first line of the company's address"),
        "postcode": _("Enter the company's postcode or the second line of the address"),
    },
}

ADDRESS_LAYOUT = (
    Field.text("address_line_1"),
    Field.text("address_line_2"),
    Field.text("address_line_3", field_width=Fluid.TWO_THIRDS),
    Field.text("postcode", field_width=10),
)


def age_on(born, today=None) -> int:
    today = today or timezone.localdate()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class PersonForm(TitleMixin, AddressMixin, forms.Form):
    """Title, names, date of birth (optional for some roles), address, email."""

    role = "attorney"  # its sentences in PERSON_TEXT
    first_max = FIRST_NAME_MAX
    last_max = LAST_NAME_MAX
    ask_date_of_birth = True
    ask_email = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.text = PERSON_TEXT[self.role]
        self.title_fields(self.text)
        self.fields["first_name"] = text_field(
            _("First names"), max_length=self.first_max, required=self.text["first_name"]
        )
        self.fields["last_name"] = text_field(
            _("Last name"), max_length=self.last_max, required=self.text["last_name"]
        )
        self.extra_name_fields()
        if self.ask_date_of_birth:
            self.fields["date_of_birth"] = date_of_birth_field(self.text)
        self.address_fields(self.text)
        if self.ask_email:
            self.fields["email"] = forms.EmailField(
                label=_("Email address (optional)"),
                required=False,
                max_length=254,
                error_messages={
                    "invalid": _(
                        "Enter an email address in the correct format, like name@example.com"
                    )
                },
                widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            )
        self.extra_fields()
        self.helper = lazy_form_helper(self.layout_fields)

    def extra_name_fields(self) -> None:
        """Fields asked after the names (the donor's other names)."""

    def extra_fields(self) -> None:
        """Fields asked after the address (the donor's "can sign")."""

    def layout_fields(self) -> list:
        names = [
            Field.select("title"),
            Field.text("title_other", field_width=5),
            Field.text("first_name", field_width=Fluid.TWO_THIRDS),
            Field.text("last_name", field_width=Fluid.TWO_THIRDS),
        ]
        if "other_names" in self.fields:
            names.append(Field.text("other_names", field_width=Fluid.TWO_THIRDS))
        layout = [Fieldset(*names, legend=_("Name"), legend_size=Size.SMALL)]
        if self.ask_date_of_birth:
            layout.append(Field("date_of_birth"))
        layout.append(Fieldset(*ADDRESS_LAYOUT, legend=_("Address"), legend_size=Size.SMALL))
        if self.ask_email:
            layout.append(Field.text("email", field_width=Fluid.TWO_THIRDS))
        return layout

    def clean_first_name(self):
        return name_clean(self.cleaned_data["first_name"], gettext("First names"))

    def clean_last_name(self):
        return name_clean(self.cleaned_data["last_name"], gettext("Last name"))

    def clean_date_of_birth(self):
        return date_of_birth_check(self.cleaned_data.get("date_of_birth"), text=self.text)

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean(self):
        data = super().clean()
        self.address_clean(data, self.text)
        return data


class DonorForm(PersonForm):
    role = "donor"
    first_max = LONG_FIRST_NAME_MAX
    last_max = LONG_LAST_NAME_MAX

    def extra_name_fields(self):
        self.fields["other_names"] = text_field(
            _("Other names"),
            max_length=OTHER_NAMES_MAX,
            help_text=_("Any other names the donor is known by, for example a maiden name"),
        )

    def extra_fields(self):
        self.fields["can_sign"] = yes_no_field(
            _("Can the donor sign or make a mark on the LPA?"),
            _("Select yes if the donor can sign or make a mark"),
            help_text=_("If not, someone signs for them and a continuation sheet is added"),
        )

    def layout_fields(self):
        return [*super().layout_fields(), Field.radios("can_sign", legend_size=Size.SMALL)]

    def clean_other_names(self):
        return name_clean(self.cleaned_data.get("other_names"), gettext("Other names"))

    def clean_date_of_birth(self):
        born = date_of_birth_check(self.cleaned_data.get("date_of_birth"), text=self.text)
        if born is not None and age_on(born) < AGE_ADULT:
            raise forms.ValidationError(
                gettext("The donor must be %(age)s or over to make a lasting power of attorney")
                % {"age": AGE_ADULT}
            )
        return born


class AttorneyForm(PersonForm):
    role = "attorney"


class ReplacementForm(PersonForm):
    role = "replacement"


class NotifyForm(PersonForm):
    role = "notify"
    ask_date_of_birth = False
    ask_email = False


class TrustCorporationForm(AddressMixin, forms.Form):
    """Property and financial affairs only: at most one trust corporation as an attorney."""

    wanted = yes_no_field(
        _("Do you want a trust corporation to be one of the attorneys?"),
        _("Select yes if you want a trust corporation to be an attorney"),
        help_text=_(
            "A trust corporation is a company, such as a bank, that can act as an "
            "attorney. Most people choose people they know"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"] = text_field(_("Company name"), max_length=COMPANY_MAX)
        self.fields["company_number"] = text_field(_("Company number"), max_length=COMPANY_MAX)
        self.address_fields(PERSON_TEXT["company"])
        self.fields["address_line_1"].required = False
        self.fields["address_line_1"].label = _("Address line 1")
        self.fields["email"] = forms.EmailField(
            label=_("Email address (optional)"), required=False, max_length=254
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("wanted", legend_size=Size.MEDIUM),
                Fieldset(
                    Field.text("name", field_width=Fluid.TWO_THIRDS),
                    Field.text("company_number", field_width=20),
                    *ADDRESS_LAYOUT,
                    Field.text("email", field_width=Fluid.TWO_THIRDS),
                    legend=_("If you chose yes"),
                    legend_size=Size.SMALL,
                ),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("wanted") != "yes":
            return {"wanted": data.get("wanted")} if "wanted" in data else data
        for name, message in (
            ("name", gettext("Enter the company name")),
            ("company_number", gettext("Enter the company number")),
            ("address_line_1", PERSON_TEXT["company"]["address_line_1"]),
        ):
            data[name] = name_clean(data.get(name), gettext("This"))
            if not data[name] and name not in self.errors:
                self.add_error(name, message)
        self.address_clean(data, PERSON_TEXT["company"])
        data["email"] = (data.get("email") or "").lower()
        return data


CP_CANNOT_BE = [
    (
        "attorney",
        _("an attorney or replacement attorney on this LPA or any other LPA or EPA of the donor's"),
    ),
    (
        "family",
        _("a member of the donor's or an attorney's family, including in-laws and step-relations"),
    ),
    ("partner", _("the donor's or an attorney's unmarried partner, boyfriend or girlfriend")),
    ("business", _("a business partner or employee of the donor or of an attorney")),
    (
        "care-home",
        _("the owner of, or someone who works at, the donor's care home, or their family"),
    ),
    ("trust", _("someone who works for a trust corporation that is an attorney")),
]


class CertificateProviderForm(PersonForm):
    """The certificate provider, and the "who cannot be" rules asked as questions.

    Any "yes" to the rules, or knowing the donor personally for less than 2 years, means
    choosing someone else: that is a rule of the Act, so it is an error, not a warning.
    """

    role = "certificate-provider"
    ask_date_of_birth = False

    def extra_fields(self):
        self.fields["relationship"] = forms.ChoiceField(
            label=_("How does the certificate provider know the donor?"),
            choices=[
                ("personally", _("Personally: they have known the donor for 2 years or more")),
                (
                    "personally-short",
                    _("Personally: they have known the donor for less than 2 years"),
                ),
                (
                    "professionally",
                    _("Professionally: for example as their GP, solicitor or social worker"),
                ),
            ],
            widget=forms.RadioSelect,
            error_messages={"required": _("Select how the certificate provider knows the donor")},
        )
        self.fields["cannot_be"] = forms.MultipleChoiceField(
            label=_("Is the certificate provider any of these?"),
            help_text=_("Select all that apply"),
            choices=[*CP_CANNOT_BE, ("none", _("None of these"))],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Select if the certificate provider is any of these")},
        )

    def layout_fields(self):
        return [
            *super().layout_fields(),
            Field.radios("relationship", legend_size=Size.SMALL),
            Field.checkboxes("cannot_be", legend_size=Size.SMALL),
        ]

    def clean_relationship(self):
        value = self.cleaned_data["relationship"]
        if value == "personally-short":
            raise forms.ValidationError(
                gettext(
                    "The certificate provider must have known the donor personally for 2 years "
                    "or more. Choose someone else"
                )
            )
        return value

    def clean_cannot_be(self):
        chosen = self.cleaned_data["cannot_be"]
        if "none" in chosen and len(chosen) > 1:
            raise forms.ValidationError(
                gettext("Select 'None of these' or the ones that apply, not both")
            )
        if "none" not in chosen:
            raise forms.ValidationError(
                gettext("This person cannot be the certificate provider. Choose someone else")
            )
        return chosen
