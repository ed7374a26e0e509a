"""When the LPA can be used, life-sustaining treatment, how attorneys decide, when
replacements step in, preferences and instructions, who is registering, the
correspondent, the repeat application, and the LPA's type."""

from __future__ import annotations

import re

from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.journeys.contact import CONTACT_EMAIL, CONTACT_POST, ContactForm

from ..constants import (
    CASE_NUMBER_DIGITS,
    COMPANY_MAX,
    CORRESPONDENT_ATTORNEY,
    CORRESPONDENT_CERTIFICATE_PROVIDER,
    CORRESPONDENT_DONOR,
    CORRESPONDENT_OTHER,
    DEPENDS,
    DETAILS_MAX,
    FREE_TEXT_MAX,
    HOW_DECIDE_CHOICES,
    LONG_FIRST_NAME_MAX,
    LONG_LAST_NAME_MAX,
    REGISTERING_ATTORNEYS,
    REGISTERING_DONOR,
    STEP_IN_CHOICES,
    WHEN_NO_CAPACITY,
    WHEN_NOW,
    LpaType,
)
from .common import free_text_check, name_clean, text_field, yes_no_field


class TypeForm(forms.Form):
    lpa_type = forms.ChoiceField(
        label=_("Which type of LPA do you want to make?"),
        choices=LpaType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the type of LPA")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("lpa_type", legend_size=Size.LARGE, legend_tag="h1")]
        )


class WhenForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When can the attorneys use the LPA?"),
        choices=[
            (WHEN_NOW, _("As soon as it is registered, with the donor's permission")),
            (WHEN_NO_CAPACITY, _("Only if the donor does not have mental capacity")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select when the attorneys can use the LPA")},
    )


class LifeSustainingForm(forms.Form):
    can_sustain_life = forms.ChoiceField(
        label=_("Who should decide about life-sustaining treatment?"),
        help_text=_("The donor signs the option they choose on the printed LPA, with a witness"),
        choices=[
            ("yes", _("Option A: the attorneys can give or refuse consent")),
            ("no", _("Option B: the attorneys cannot; the doctors decide")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who should decide about life-sustaining treatment")},
    )


def details_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=DETAILS_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": format_lazy(
                _("Details must be {max} characters or fewer"), max=f"{DETAILS_MAX:,}"
            )
        },
    )


class HowDecideForm(forms.Form):
    """How attorneys (or replacements) make decisions; details only for "depends"."""

    question = _("How should the attorneys make decisions?")
    required = _("Select how the attorneys should make decisions")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["how"] = forms.ChoiceField(
            label=self.question,
            choices=HOW_DECIDE_CHOICES,
            widget=forms.RadioSelect,
            error_messages={"required": self.required},
        )
        self.fields["how_details"] = details_field(
            _("If you chose jointly for some decisions: which decisions must they make jointly?")
        )
        self.helper = lazy_form_helper(
            lambda: [Field.radios("how", legend_size=Size.MEDIUM), Field.textarea("how_details")]
        )

    def clean(self):
        data = super().clean()
        if data.get("how") == DEPENDS:
            data["how_details"] = (data.get("how_details") or "").strip()
            if not data["how_details"] and "how_details" not in self.errors:
                self.add_error("how_details", gettext("Enter which decisions must be made jointly"))
        elif "how" in data:
            data["how_details"] = ""
        return data


class ReplacementsDecideForm(HowDecideForm):
    question = _("How should the replacement attorneys make decisions?")
    required = _("Select how the replacement attorneys should make decisions")


class StepInForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When should the replacement attorneys step in?"),
        choices=STEP_IN_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select when the replacement attorneys should step in")},
    )
    when_details = details_field(_("If you chose some other way: how should they step in?"))

    def clean(self):
        data = super().clean()
        if data.get("when") == DEPENDS:
            data["when_details"] = (data.get("when_details") or "").strip()
            if not data["when_details"] and "when_details" not in self.errors:
                self.add_error(
                    "when_details", gettext("Enter how the replacement attorneys step in")
                )
        elif "when" in data:
            data["when_details"] = ""
        return data


class InstructionsForm(forms.Form):
    """Both may be empty, but the page must be answered [DM Document.php]."""

    preferences = forms.CharField(
        label=_("Preferences (optional)"),
        help_text=_(
            "What the donor would like the attorneys to think about. They do not have to follow them"
        ),
        required=False,
        max_length=FREE_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": format_lazy(
                _("Preferences must be {max} characters or fewer"), max=f"{FREE_TEXT_MAX:,}"
            )
        },
    )
    instructions = forms.CharField(
        label=_("Instructions (optional)"),
        help_text=_("What the attorneys must or must not do"),
        required=False,
        max_length=FREE_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": format_lazy(
                _("Instructions must be {max} characters or fewer"), max=f"{FREE_TEXT_MAX:,}"
            )
        },
    )

    def clean_preferences(self):
        return free_text_check(self.cleaned_data.get("preferences"), gettext("Preferences"))

    def clean_instructions(self):
        return free_text_check(self.cleaned_data.get("instructions"), gettext("Instructions"))


class RegisteringForm(forms.Form):
    """The donor, or attorneys (all of them, chosen for you, when they act jointly)."""

    def __init__(self, *args, attorneys=(), all_must_apply=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.all_must_apply = all_must_apply
        self.fields["who"] = forms.ChoiceField(
            label=_("Who is registering the LPA?"),
            choices=[
                (REGISTERING_DONOR, _("The donor")),
                (
                    REGISTERING_ATTORNEYS,
                    _("The attorneys") if len(attorneys) > 1 else _("The attorney"),
                ),
            ],
            widget=forms.RadioSelect,
            error_messages={"required": _("Select who is registering the LPA")},
        )
        help_text = (
            _("The attorney registers it")
            if len(attorneys) == 1
            else _("The attorneys act jointly, so all of them must register it together")
            if all_must_apply
            else _("Select all the attorneys who are registering it")
        )
        self.fields["attorneys"] = forms.MultipleChoiceField(
            label=_("Which attorneys are registering it?"),
            help_text=help_text,
            required=False,
            choices=list(attorneys),
            widget=forms.CheckboxSelectMultiple,
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("who", legend_size=Size.MEDIUM),
                Field.checkboxes("attorneys", legend_size=Size.SMALL),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("who") == REGISTERING_ATTORNEYS:
            if self.all_must_apply:
                data["attorneys"] = [key for key, _label in self.fields["attorneys"].choices]
            elif not data.get("attorneys") and "attorneys" not in self.errors:
                self.add_error(
                    "attorneys", gettext("Select the attorneys who are registering the LPA")
                )
        elif "who" in data:
            data["attorneys"] = []
        return data


class CorrespondentForm(forms.Form):
    """Who OPG writes to about the LPA; the route (post or email) is the contact step."""

    def __init__(self, *args, attorneys=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["who"] = forms.ChoiceField(
            label=_("Who should the Office of the Public Guardian send the LPA and letters to?"),
            choices=[
                (CORRESPONDENT_DONOR, _("The donor")),
                (CORRESPONDENT_ATTORNEY, _("An attorney")),
                (CORRESPONDENT_CERTIFICATE_PROVIDER, _("The certificate provider")),
                (CORRESPONDENT_OTHER, _("Someone else, or a company")),
            ],
            widget=forms.RadioSelect,
            error_messages={"required": _("Select who should get the LPA and letters")},
        )
        self.fields["attorney"] = forms.ChoiceField(
            label=_("Which attorney?"),
            help_text=_("If you chose an attorney"),
            required=False,
            choices=[("", _("Choose an attorney")), *attorneys],
        )
        self.fields["first_name"] = text_field(_("First names"), max_length=LONG_FIRST_NAME_MAX)
        self.fields["last_name"] = text_field(_("Last name"), max_length=LONG_LAST_NAME_MAX)
        self.fields["company"] = text_field(_("Company"), max_length=COMPANY_MAX)
        self.fields["in_welsh"] = yes_no_field(
            _("Should they get letters in Welsh?"),
            _("Select yes if they should get letters in Welsh"),
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("who", legend_size=Size.MEDIUM),
                Field.select("attorney"),
                Fieldset(
                    Field.text("first_name", field_width=Fluid.TWO_THIRDS),
                    Field.text("last_name", field_width=Fluid.TWO_THIRDS),
                    Field.text("company", field_width=Fluid.TWO_THIRDS),
                    legend=_("If you chose someone else"),
                    legend_size=Size.SMALL,
                ),
                Field.radios("in_welsh", legend_size=Size.SMALL),
            ]
        )

    def clean(self):
        data = super().clean()
        for name in ("first_name", "last_name", "company"):
            data[name] = name_clean(data.get(name), gettext("This"))
        who = data.get("who")
        if who == CORRESPONDENT_ATTORNEY and not data.get("attorney"):
            self.add_error("attorney", gettext("Select which attorney"))
        if who != CORRESPONDENT_ATTORNEY:
            data["attorney"] = ""
        if who == CORRESPONDENT_OTHER:
            has_name = data["first_name"] and data["last_name"]
            if not has_name and not data["company"] and not self.errors.get("first_name"):
                self.add_error(
                    "first_name", gettext("Enter their first and last names, or a company")
                )
        elif who:
            data.update(first_name="", last_name="", company="")
        return data


class CorrespondentContactForm(ContactForm):
    """The platform's contact step for the correspondent: by email or by post (the notes'
    ``contactByPost``). The address is always asked: the registered LPA goes there."""

    methods = (CONTACT_EMAIL, CONTACT_POST)
    address_always = True
    contact_label = _("How should we send them the LPA documents and updates?")
    contact_hint = _("By post, we send a printed pack to the address below")
    contact_required = _("Select how we should send them the documents")


class RepeatForm(forms.Form):
    repeat = yes_no_field(
        _("Is this a repeat application?"),
        _("Select yes if this is a repeat application"),
        help_text=_(
            "Only if the Office of the Public Guardian could not register an earlier "
            "application for this LPA and you are applying again within 3 months"
        ),
    )
    case_number = forms.CharField(
        label=_("Case number"),
        help_text=format_lazy(
            _("The {digits}-digit number on the letter from the Office of the Public Guardian"),
            digits=CASE_NUMBER_DIGITS,
        ),
        required=False,
        max_length=30,
        error_messages={
            "max_length": format_lazy(
                _("Enter the {digits}-digit case number"), digits=CASE_NUMBER_DIGITS
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("repeat", legend_size=Size.MEDIUM),
                Field.text("case_number", field_width=20),
            ]
        )

    def clean(self):
        data = super().clean()
        typed = re.sub(r"[\s\-]", "", data.get("case_number") or "")
        if data.get("repeat") == "yes":
            if not typed:
                self.add_error("case_number", gettext("Enter the case number"))
            elif not re.fullmatch(rf"\d{{{CASE_NUMBER_DIGITS}}}", typed):
                self.add_error(
                    "case_number",
                    gettext("The case number must be %(digits)s digits, like 7000 0000 0001")
                    % {"digits": CASE_NUMBER_DIGITS},
                )
            else:
                data["case_number"] = typed
        elif "repeat" in data:
            data["case_number"] = ""
        return data
