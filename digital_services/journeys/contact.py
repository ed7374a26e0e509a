"""How we contact you: one journey step every service offers (email, text message or post).

A citizen without email must be able to finish every journey, so no service asks only for
an email address. A service adds ``contact_step(...)`` to its journey (or subclasses
``ContactForm`` when the same page asks more), turns the answer into a ``ContactRoute``
with ``contact_route(cleaned_data, name=...)``, stores the route's channel and details on
its case, and sends every confirmation, receipt, decision and reminder with
``contact_route.send(...)``: an email, a text message, or a letter in the outbox's next
letter batch.

Pages and previews say what will be sent and where with ``contact_describe(channel, to)``
("a letter to 1 High Street, Leeds, LS1 1AA"), so nobody who chose post is promised an
email, and a landline is never promised a text message (texts go only to UK mobiles).

In an assisted-digital session the step starts with the citizen's recorded preference
chosen (``contact_initial_for(request)``); a signed-in citizen starts with their email.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.accounts.citizens import (
    citizen_profile_get,
    email_is_placeholder,
    phone_is_uk_mobile,
    phone_normalise,
    postcode_normalise,
)
from digital_services.core.form_helpers import lazy_form_helper
from digital_services.notifications.addresses import address_line_problem
from digital_services.notifications.constants import Channel

from .definitions import Step

CONTACT_EMAIL = "email"
CONTACT_SMS = "sms"
CONTACT_POST = "post"
CONTACT_CHOICES = [
    (CONTACT_EMAIL, _("Email")),
    (CONTACT_SMS, _("Text message")),
    (CONTACT_POST, _("Post")),
]
#: The outbox channel of each answer.
CHANNEL_FOR = {
    CONTACT_EMAIL: Channel.EMAIL,
    CONTACT_SMS: Channel.SMS,
    CONTACT_POST: Channel.LETTER,
}
ADDRESS_FIELDS = ("address_line_1", "address_line_2", "address_town", "address_postcode")
MOBILE_EXAMPLE = "07700 900 982"


def mobile_format(number: str) -> str:
    """'07700900982' → '07700 900 982' (a UK mobile as people read it)."""
    digits = phone_normalise(number)
    if phone_is_uk_mobile(digits):
        return f"{digits[:5]} {digits[5:8]} {digits[8:]}"
    return number


def contact_describe(channel: str, to: str | Sequence[str]) -> str:
    """What will be sent and where, for pages and previews: "an email to a@b.com",
    "a text message to 07700 900 982", "a letter to 1 High Street, Leeds, LS1 1AA".
    ``channel`` is an outbox channel (email, sms, letter) or a contact answer (post)."""
    channel = CHANNEL_FOR.get(channel, channel)
    if channel == Channel.LETTER:
        lines = to.splitlines() if isinstance(to, str) else list(to)
        address = ", ".join(line.strip() for line in lines if line.strip())
        return gettext("a letter to %(address)s") % {"address": address}
    if channel == Channel.SMS:
        return gettext("a text message to %(mobile)s") % {"mobile": mobile_format(str(to))}
    return gettext("an email to %(email)s") % {"email": to}


class ContactForm(forms.Form):
    """Email, text message or post, and the one address that choice needs.

    ``methods`` narrows the choice (a service whose messages cannot be texted leaves
    out ``sms``); ``confirm_email`` asks for the email twice; ``address_always``
    asks for the postal address whatever the choice (a service that needs it anyway).
    Only the chosen route's details are kept: the others come back blank.
    """

    methods: tuple[str, ...] = (CONTACT_EMAIL, CONTACT_SMS, CONTACT_POST)
    confirm_email = False
    address_always = False
    contact_label = _("How should we contact you?")
    contact_hint = _("We send your confirmation and any updates this way.")
    contact_required = _("Select how we should contact you")
    contact_legend_size = Size.MEDIUM

    contact = forms.ChoiceField(choices=CONTACT_CHOICES, widget=forms.RadioSelect)
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Email address must be 254 characters or fewer"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    email_confirm = forms.CharField(
        label=_("Confirm email address"),
        required=False,
        max_length=254,
        error_messages={"max_length": _("Email address must be 254 characters or fewer")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    mobile = forms.CharField(
        label=_("UK mobile number"),
        help_text=format_lazy(_("For example, {example}"), example=MOBILE_EXAMPLE),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    address_line_1 = forms.CharField(
        label=_("Address line 1"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    address_line_2 = forms.CharField(
        label=_("Address line 2 (optional)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
    )
    address_town = forms.CharField(
        label=_("Town or city"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    address_postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )

    def __init__(self, *args, help_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["contact"]
        field.label = self.contact_label
        field.help_text = help_text or self.contact_hint
        field.choices = [c for c in CONTACT_CHOICES if c[0] in self.methods]
        field.error_messages["required"] = self.contact_required
        if self.initial.get("contact") not in self.methods:
            self.initial.pop("contact", None)  # a recorded preference this service cannot use
        if not self.confirm_email:
            del self.fields["email_confirm"]
        if CONTACT_SMS not in self.methods:
            del self.fields["mobile"]
        self.helper = lazy_form_helper(self.contact_layout)

    def contact_layout(self) -> list:
        # Plain radios and every group of fields shown: GOV.UK Frontend's conditional
        # reveal sets aria-expanded on radio inputs, which axe reports as not allowed.
        layout = [Field.radios("contact", legend_size=self.contact_legend_size)]
        email_fields = [Field.text("email", field_width=Fluid.TWO_THIRDS)]
        if self.confirm_email:
            email_fields.append(Field.text("email_confirm", field_width=Fluid.TWO_THIRDS))
        layout.append(
            Fieldset(*email_fields, legend=gettext("If you chose email"), legend_size=Size.SMALL)
        )
        if "mobile" in self.fields:
            layout.append(
                Fieldset(
                    Field.text("mobile", field_width=20),
                    legend=gettext("If you chose text message"),
                    legend_size=Size.SMALL,
                )
            )
        layout.append(
            Fieldset(
                Field.text("address_line_1"),
                Field.text("address_line_2"),
                Field.text("address_town", field_width=Fluid.TWO_THIRDS),
                Field.text("address_postcode", field_width=10),
                legend=gettext("Your address")
                if self.address_always
                else gettext("If you chose post"),
                legend_size=Size.SMALL,
            )
        )
        return layout

    def clean(self):
        data = super().clean()
        choice = data.get("contact")
        if choice == CONTACT_EMAIL:
            self._clean_email(data)
        else:
            data["email"] = ""
            if self.confirm_email:
                data["email_confirm"] = ""
        if choice == CONTACT_SMS:
            self._clean_mobile(data)
        elif "mobile" in self.fields:
            data["mobile"] = ""
        if choice == CONTACT_POST or self.address_always:
            self._clean_address(data)
        elif choice:
            for name in ADDRESS_FIELDS:
                data[name] = ""
        return data

    def _clean_email(self, data):
        email = data.get("email")
        if not email and "email" not in self.errors:
            self.add_error("email", gettext("Enter your email address"))
        if not self.confirm_email:
            return
        again = (data.get("email_confirm") or "").strip()
        if not again:
            self.add_error("email_confirm", gettext("Enter your email address again"))
        elif email and email.lower() != again.lower():
            self.add_error(
                "email_confirm",
                gettext("The email addresses do not match. Enter the same address twice"),
            )

    def _clean_mobile(self, data):
        typed = (data.get("mobile") or "").strip()
        if not typed:
            self.add_error("mobile", gettext("Enter a UK mobile number"))
        elif not phone_is_uk_mobile(typed):
            self.add_error(
                "mobile",
                gettext(
                    "Enter a UK mobile number, like %(example)s. We cannot send text "
                    "messages to a landline"
                )
                % {"example": MOBILE_EXAMPLE},
            )
        else:
            data["mobile"] = phone_normalise(typed)

    def _clean_address(self, data):
        for name, message in (
            ("address_line_1", gettext("Enter the first line of your address")),
            ("address_town", gettext("Enter your town or city")),
        ):
            data[name] = " ".join((data.get(name) or "").split())
            if not data[name]:
                self.add_error(name, message)
        data["address_line_2"] = " ".join((data.get("address_line_2") or "").split())
        # GOV.UK Notify's rules for address lines, checked here rather than when we post.
        filled = [name for name in ADDRESS_FIELDS[:3] if data.get(name)]
        for position, name in enumerate(filled, start=1):
            label = str(self.fields[name].label).removesuffix(gettext(" (optional)"))
            problem = address_line_problem(data[name], position=position, label=label)
            if problem:
                self.add_error(name, problem)
        typed = (data.get("address_postcode") or "").strip()
        postcode = postcode_normalise(typed)
        if not typed:
            self.add_error("address_postcode", gettext("Enter your postcode"))
        elif not postcode:
            self.add_error("address_postcode", gettext("Enter a real postcode, like SW1A 1AA"))
        data["address_postcode"] = postcode


def postal_address(cleaned: dict) -> str:
    """The address in a contact answer as lines, postcode last ('' when none was given)."""
    lines = [cleaned.get(name, "") for name in ADDRESS_FIELDS[:3]]
    postcode = cleaned.get("address_postcode", "")
    if not (lines[0] and postcode):
        return ""
    return "\n".join([line for line in lines if line] + [postcode])


@dataclass(frozen=True)
class ContactRoute:
    """Where a case's messages go: an outbox channel and its recipient."""

    channel: str  # Channel: email, sms or letter
    email: str = ""
    mobile: str = ""
    address: str = ""  # lines, postcode last
    name: str = ""  # put above the address on letters

    @property
    def to(self) -> str | list[str]:
        if self.channel == Channel.LETTER:
            lines = [line for line in self.address.splitlines() if line.strip()]
            return [self.name, *lines] if self.name else lines
        if self.channel == Channel.SMS:
            return self.mobile
        return self.email

    @property
    def usable(self) -> bool:
        return bool(self.to)

    def describe(self) -> str:
        return contact_describe(self.channel, self.to)


def contact_route(cleaned: dict | None, *, name: str = "") -> ContactRoute:
    """The route a contact answer chose (an email route with no address when unanswered)."""
    cleaned = cleaned or {}
    channel = CHANNEL_FOR.get(cleaned.get("contact") or CONTACT_EMAIL, Channel.EMAIL)
    return ContactRoute(
        channel=channel,
        email=cleaned.get("email", "") if channel == Channel.EMAIL else "",
        mobile=cleaned.get("mobile", "") if channel == Channel.SMS else "",
        address=postal_address(cleaned),
        name=" ".join(name.split()),
    )


def sentence_start(text: str) -> str:
    """ "a letter to …" → "A letter to …" (the rest as it is, unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def contact_summary(cleaned: dict) -> list[tuple[str, str]]:
    """The check-your-answers row of a contact answer."""
    route = contact_route(cleaned)
    rows = [(gettext("How we contact you"), sentence_start(route.describe()))]
    if route.channel != Channel.LETTER and route.address:
        rows.append((gettext("Your address"), route.address.replace("\n", ", ")))
    return rows


def contact_initial_for(request) -> dict:
    """The contact step's starting answer: in an assisted-digital session the citizen's
    recorded preference and details; otherwise the signed-in citizen's email."""
    session = getattr(request, "assisted_session", None)
    citizen = getattr(session, "citizen", None)
    if citizen is None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not email_is_placeholder(user.email):
            return {"contact": CONTACT_EMAIL, "email": user.email}
        return {}
    profile = citizen_profile_get(citizen)
    initial = {}
    if citizen.email and not email_is_placeholder(citizen.email):
        initial["email"] = citizen.email
    if profile is None:
        return {"contact": CONTACT_EMAIL, **initial} if initial else {}
    if phone_is_uk_mobile(profile.phone):
        initial["mobile"] = phone_normalise(profile.phone)
    if profile.address_line_1 and profile.postcode:
        initial.update(
            address_line_1=profile.address_line_1,
            address_line_2=profile.address_line_2,
            address_town=profile.town,
            address_postcode=profile.postcode,
        )
    by_channel = {Channel.EMAIL: CONTACT_EMAIL, Channel.SMS: CONTACT_SMS}
    initial["contact"] = by_channel.get(profile.preferred_contact, CONTACT_POST)
    return initial


def contact_step(
    *,
    slug: str = "contact",
    title: str = _("How we contact you"),
    form_class: type[ContactForm] = ContactForm,
    help_text: str = "",
    condition=None,
) -> Step:
    """The platform's "how we contact you" step, for any journey."""
    return Step(
        slug=slug,
        title=title,
        form_class=form_class,
        condition=condition,
        form_kwargs=(lambda answers: {"help_text": help_text}) if help_text else None,
        summary=contact_summary,
        initial=contact_initial_for,
    )
