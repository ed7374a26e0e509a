"""The claim's parties: who the claimant is and who they claim against.

Each kind of party (individual, sole trader, company, organisation) has its own fields and
limits (domain notes, section 1). Addresses are typed (no postcode look-up) and checked
with the platform's UK postcode rule; the defendant's must be in England or Wales.
"""

from __future__ import annotations

import re

from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.accounts.citizens import phone_normalise, postcode_normalise
from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.forms import GovukDateField
from digital_services.journeys.contact import ADDRESS_FIELDS, ContactForm
from digital_services.notifications.addresses import address_fields_check

from ..constants import NAME_MAX_LENGTH, PHONE_MAX_LENGTH, TITLE_MAX_LENGTH, PartyType
from ..models.parties import trading_as

ADULT_AGE = 18
OLDEST_AGE = 120
COMPANIES_HOUSE_NUMBER = re.compile(r"^(?:\d{8}|[A-Z]{2}\d{6})$")
PHONE = re.compile(r"^\+?[0-9]{10,15}$")
#: Postcode areas wholly outside England and Wales: Scotland, Northern Ireland, the Isle
#: of Man and the Channel Islands. (DG and TD cross the border, so they are allowed.)
OUTSIDE_ENGLAND_AND_WALES = frozenset(
    "AB DD EH FK G HS IV KA KW KY ML PA PH ZE BT IM JE GY".split()
)
YES_NO = [("yes", _("Yes")), ("no", _("No"))]

#: Each address owner's sentences, whole (so each language can word them).
ADDRESS_TEXT = {
    "your": {
        "line_1": _("Enter the first line of your address"),
        "town": _("Enter your town or city"),
        "postcode": _("Enter your postcode"),
        "first_name": _("Enter your first name"),
        "last_name": _("Enter your last name"),
    },
    "their": {
        "line_1": _("Enter the first line of their address"),
        "town": _("Enter their town or city"),
        "postcode": _("Enter their postcode"),
        "first_name": _("Enter their first name"),
        "last_name": _("Enter their last name"),
    },
    "the correspondence": {
        "line_1": _("Enter the first line of the correspondence address"),
        "town": _("Enter the correspondence town or city"),
        "postcode": _("Enter the correspondence postcode"),
    },
    # The possession claim's pages (civil_claims.journeys.possession_forms).
    "the property’s": {
        "line_1": _("Enter the first line of the property’s address"),
        "town": _("Enter the property’s town or city"),
        "postcode": _("Enter the property’s postcode"),
    },
    "the claimant’s": {
        "line_1": _("Enter the first line of the claimant’s address"),
        "town": _("Enter the claimant’s town or city"),
        "postcode": _("Enter the claimant’s postcode"),
        "first_name": _("Enter the claimant’s first name"),
        "last_name": _("Enter the claimant’s last name"),
    },
    "the defendant’s": {
        "line_1": _("Enter the first line of the defendant’s address"),
        "town": _("Enter the defendant’s town or city"),
        "postcode": _("Enter the defendant’s postcode"),
        "first_name": _("Enter the defendant’s first name"),
        "last_name": _("Enter the defendant’s last name"),
    },
}


def _text(
    label: str,
    required: str = "",
    *,
    max_length: int = NAME_MAX_LENGTH,
    optional: bool = False,
    **attrs,
):
    """A text field; ``optional`` adds "(optional)" to its label (not to its messages)."""
    return forms.CharField(
        label=format_lazy(_("{label} (optional)"), label=label) if optional else label,
        required=bool(required),
        max_length=max_length,
        error_messages={
            "required": required,
            "max_length": format_lazy(
                _("{label} must be {max} characters or fewer"), label=label, max=f"{max_length:,}"
            ),
        },
        widget=forms.TextInput(attrs=attrs),
    )


def postcode_area(postcode: str) -> str:
    """'EH1 1AA' → 'EH' (the letters before the first digit)."""
    return re.match(r"^[A-Z]+", postcode).group(0) if postcode else ""


# Who is the claimant / defendant -----------------------------------------------------


class PartyTypeForm(forms.Form):
    party_type = forms.ChoiceField(choices=PartyType.choices, widget=forms.RadioSelect)

    def __init__(self, *args, role: str = "claimant", **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["party_type"]
        if role == "claimant":
            field.label = _("Who are you claiming as?")
            field.error_messages["required"] = _("Select who you are claiming as")
            field.choices = [
                (PartyType.INDIVIDUAL, _("Myself, as an individual")),
                (PartyType.SOLE_TRADER, _("A sole trader or self-employed person")),
                (PartyType.COMPANY, _("A limited company")),
                (PartyType.ORGANISATION, _("Another organisation, like a charity or club")),
            ]
        else:
            field.label = _("Who are you claiming against?")
            field.error_messages["required"] = _("Select who you are claiming against")
            field.choices = [
                (PartyType.INDIVIDUAL, _("An individual")),
                (PartyType.SOLE_TRADER, _("A sole trader or self-employed person")),
                (PartyType.COMPANY, _("A limited company")),
                (PartyType.ORGANISATION, _("Another organisation, like a charity or club")),
            ]
        field.error_messages["invalid_choice"] = field.error_messages["required"]
        self.helper = lazy_form_helper(
            lambda: [Field.radios("party_type", legend_size=Size.MEDIUM)]
        )


class AddressFieldsMixin:
    """Address lines, town and a UK postcode (typed: there is no look-up)."""

    whose = "your"

    def address_fields(self, prefix: str = "", *, required: bool = True) -> None:
        text = ADDRESS_TEXT[self.whose]
        fields = {
            "line_1": _text(_("Address line 1"), text["line_1"], max_length=100),
            "line_2": _text(_("Address line 2"), max_length=100, optional=True),
            "town": _text(_("Town or city"), text["town"], max_length=60),
            "postcode": _text(_("Postcode"), text["postcode"], max_length=10),
        }
        autocomplete = {
            "line_1": "address-line1",
            "line_2": "address-line2",
            "town": "address-level2",
            "postcode": "postal-code",
        }
        for name, field in fields.items():
            field.required = required and name != "line_2"
            field.widget.attrs["autocomplete"] = autocomplete[name]
            self.fields[f"{prefix}{name}"] = field

    def address_layout(self, prefix: str = "", legend: str = _("Address")) -> Fieldset:
        return Fieldset(
            Field.text(f"{prefix}line_1"),
            Field.text(f"{prefix}line_2"),
            Field.text(f"{prefix}town", field_width=Fluid.TWO_THIRDS),
            Field.text(f"{prefix}postcode", field_width=10),
            legend=legend,
            legend_size=Size.MEDIUM,
        )

    def address_clean(self, data: dict, prefix: str = "", *, england_wales: bool = False):
        for name in ("line_1", "line_2", "town"):
            data[f"{prefix}{name}"] = " ".join((data.get(f"{prefix}{name}") or "").split())
        address_fields_check(
            self, data, [f"{prefix}{name}" for name in ("line_1", "line_2", "town")]
        )
        key = f"{prefix}postcode"
        typed = (data.get(key) or "").strip()
        if not typed:
            return
        postcode = postcode_normalise(typed)
        if not postcode:
            self.add_error(key, gettext("Enter a real postcode, like SW1A 1AA"))
        elif england_wales and postcode_area(postcode) in OUTSIDE_ENGLAND_AND_WALES:
            self.add_error(
                key,
                gettext(
                    "Enter a postcode in England or Wales. You cannot use this service to claim "
                    "against someone in Scotland, Northern Ireland, the Isle of Man or the "
                    "Channel Islands"
                ),
            )
        else:
            data[key] = postcode


class PartyForm(AddressFieldsMixin, forms.Form):
    """The claimant's or the defendant's details, with the fields their kind of party has.

    ``role`` is "claimant" or "defendant"; ``party_type`` a ``PartyType``.
    """

    def __init__(self, *args, role: str = "claimant", party_type: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.role = role
        self.party_type = party_type or PartyType.INDIVIDUAL
        claimant = role == "claimant"
        self.whose = "your" if claimant else "their"
        layout = []
        if self.party_type in (PartyType.INDIVIDUAL, PartyType.SOLE_TRADER):
            if not claimant or self.party_type == PartyType.SOLE_TRADER:
                self.fields["title"] = _text(
                    _("Title"),
                    max_length=TITLE_MAX_LENGTH,
                    optional=True,
                    autocomplete="honorific-prefix",
                )
                self.fields["title"].help_text = _("For example, Mr, Mrs, Ms or Dr")
                layout.append(Field.text("title", field_width=10))
            text = ADDRESS_TEXT[self.whose]
            self.fields["first_name"] = _text(
                _("First name"), text["first_name"], autocomplete="given-name"
            )
            self.fields["last_name"] = _text(
                _("Last name"), text["last_name"], autocomplete="family-name"
            )
            layout += [Field.text("first_name"), Field.text("last_name")]
            if self.party_type == PartyType.SOLE_TRADER:
                self.fields["trading_name"] = _text(_("Business name"), optional=True)
                layout.append(Field.text("trading_name"))
            if claimant and self.party_type == PartyType.INDIVIDUAL:
                self.fields["date_of_birth"] = GovukDateField(
                    what=_("your date of birth"),
                    label=_("Date of birth"),
                    help_text=_("For example, 27 3 1980"),
                )
                layout.append(Field("date_of_birth"))
        else:
            company = self.party_type == PartyType.COMPANY
            self.fields["organisation_name"] = _text(
                _("Company name") if company else _("Organisation name"),
                _("Enter the company’s name") if company else _("Enter the organisation’s name"),
                autocomplete="organization",
            )
            self.fields["contact_person"] = _text(
                _("Contact person"), optional=True, autocomplete="off"
            )
            if claimant:
                self.fields["contact_person"].help_text = (
                    _("Who at the company the court should contact")
                    if company
                    else _("Who at the organisation the court should contact")
                )
            else:
                self.fields["contact_person"].help_text = (
                    _("Someone at the company who deals with this, if you know")
                    if company
                    else _("Someone at the organisation who deals with this, if you know")
                )
            layout += [Field.text("organisation_name"), Field.text("contact_person")]
            if self.party_type == PartyType.COMPANY:
                self.fields["companies_house_number"] = _text(
                    _("Companies House number"), max_length=10, optional=True
                )
                self.fields["companies_house_number"].help_text = _("For example, 01234567")
                layout.append(Field.text("companies_house_number", field_width=10))
        self.address_fields()
        layout.append(
            self.address_layout(legend=_("Your address") if claimant else _("Their address"))
        )
        if claimant:
            self.fields["phone"] = _text(
                _("Phone number"), max_length=PHONE_MAX_LENGTH, optional=True, type="tel"
            )
            self.fields["phone"].widget.attrs["autocomplete"] = "tel"
            self.fields["phone"].help_text = _("We may call you about your claim")
            layout.append(Field.text("phone", field_width=20))
        self.helper = lazy_form_helper(lambda: layout)

    def clean_date_of_birth(self):
        born = self.cleaned_data.get("date_of_birth")
        if born is None:
            return born
        today = timezone.localdate()
        if born >= today:
            raise forms.ValidationError(gettext("Your date of birth must be in the past"))
        if born.year < today.year - OLDEST_AGE:
            raise forms.ValidationError(
                gettext("Your date of birth cannot be more than %(years)s years ago")
                % {"years": OLDEST_AGE}
            )
        years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        if years < ADULT_AGE:
            raise forms.ValidationError(
                gettext(
                    "You must be 18 or over to use this service. Someone under 18 needs an "
                    "adult to make the claim for them on paper (form N1)"
                )
            )
        return born

    def clean_companies_house_number(self):
        value = "".join((self.cleaned_data.get("companies_house_number") or "").split()).upper()
        if value and not COMPANIES_HOUSE_NUMBER.match(value):
            raise forms.ValidationError(
                gettext("Enter a Companies House number of 8 characters, like 01234567 or SC123456")
            )
        return value

    def clean_phone(self):
        typed = (self.cleaned_data.get("phone") or "").strip()
        if typed and not PHONE.match(phone_normalise(typed)):
            raise forms.ValidationError(
                gettext("Enter a phone number, like 01632 960 001 or 07700 900 982")
            )
        return typed

    def clean(self):
        data = super().clean()
        for name in ("title", "first_name", "last_name", "trading_name", "organisation_name"):
            if name in self.fields and name in data:
                data[name] = " ".join((data.get(name) or "").split())
        full = party_name(data)
        if len(full) > NAME_MAX_LENGTH and "last_name" in self.fields:
            self.add_error(
                "last_name",
                gettext("The full name must be %(max)s characters or fewer")
                % {"max": NAME_MAX_LENGTH},
            )
        self.address_clean(data, england_wales=self.role == "defendant")
        return data


def party_name(cleaned: dict, *, trading: bool = True) -> str:
    """The party's name as it goes on the claim form (``trading``: with a sole trader's
    business name after it)."""
    if cleaned.get("organisation_name"):
        return cleaned["organisation_name"]
    parts = [cleaned.get("title", ""), cleaned.get("first_name", ""), cleaned.get("last_name", "")]
    name = " ".join(part for part in parts if part)
    if trading and cleaned.get("trading_name"):
        name = trading_as(name, cleaned["trading_name"])
    return name


def party_address(cleaned: dict, prefix: str = "") -> str:
    lines = [cleaned.get(f"{prefix}{name}", "") for name in ("line_1", "line_2", "town")]
    postcode = cleaned.get(f"{prefix}postcode", "")
    return "\n".join(line for line in [*lines, postcode] if line)


class CorrespondenceForm(AddressFieldsMixin, forms.Form):
    """A different address for letters (optional), for the claimant or the defendant."""

    different = forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect)

    def __init__(self, *args, role: str = "claimant", **kwargs):
        super().__init__(*args, **kwargs)
        self.role = role
        claimant = role == "claimant"
        self.whose = "the correspondence"
        field = self.fields["different"]
        field.label = (
            _("Do you want letters about this claim sent to a different address?")
            if claimant
            else _("Do you have a different address for sending them letters?")
        )
        field.help_text = (
            _("For example, a business address or a PO box.")
            if claimant
            else _("For example, their solicitor’s or a registered office address.")
        )
        field.error_messages["required"] = (
            _("Select yes if you want letters sent to a different address")
            if claimant
            else _("Select yes if you have a different address for them")
        )
        field.error_messages["invalid_choice"] = field.error_messages["required"]
        self.address_fields("correspondence_", required=False)
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("different", legend_size=Size.MEDIUM, inline=True),
                self.address_layout("correspondence_", legend=_("If yes, the address for letters")),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("different") == "yes":
            for name, message in (
                ("line_1", gettext("Enter the first line of the address for letters")),
                ("town", gettext("Enter the town or city of the address for letters")),
                ("postcode", gettext("Enter the postcode of the address for letters")),
            ):
                if not (data.get(f"correspondence_{name}") or "").strip():
                    self.add_error(f"correspondence_{name}", message)
            self.address_clean(data, "correspondence_")
        elif data.get("different") == "no":
            for name in ("line_1", "line_2", "town", "postcode"):
                data[f"correspondence_{name}"] = ""
        return data


class DefendantContactForm(forms.Form):
    """The defendant's email address and phone, if the claimant knows them."""

    email = forms.EmailField(
        label=_("Their email address (optional)"),
        required=False,
        max_length=254,
        help_text=_(
            "We will email them to say you have made a claim, as well as sending a letter."
        ),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Email address must be 254 characters or fewer"),
        },
        widget=forms.EmailInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    phone = _text(_("Their phone number"), max_length=PHONE_MAX_LENGTH, optional=True, type="tel")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("email", field_width=Fluid.TWO_THIRDS),
                Field.text("phone", field_width=20),
            ]
        )

    def clean_phone(self):
        typed = (self.cleaned_data.get("phone") or "").strip()
        if typed and not PHONE.match(phone_normalise(typed)):
            raise forms.ValidationError(
                gettext("Enter a phone number, like 01632 960 001 or 07700 900 982")
            )
        return typed


class ClaimContactForm(ContactForm):
    """The platform's "how we contact you" step, without asking for an address again:
    a claimant who chooses post gets letters at the address they gave for letters, or
    their own address (``Party.postal_lines``)."""

    contact_hint = _(
        "We send your confirmation and tell you what happens with your claim this way. If "
        "you choose post, we write to your address for letters, or your home address."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ADDRESS_FIELDS:
            del self.fields[name]

    def contact_layout(self) -> list:
        return super().contact_layout()[:-1]  # all but the address, which comes last

    def _clean_address(self, data):
        return None
