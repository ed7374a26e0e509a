"""Message templates, declared in code and checked by tests.

Any installed app may have a module ``<app>/notifications.py`` with a plain dict::

    TEMPLATES = {
        "journeys.resume_link": {
            "subject": "Continue your application",
            "body": "Hello ((name)),\n\nUse this link: ((link))",
            "cy_subject": "...",
            "cy_body": "...",
            "personalisation": ["name", "link"],
            # optional: "channels": ["email"]  (default: email, sms and letter)
            # optional: "letter_body", "cy_letter_body": the text for paper, when the
            # body speaks of email or of things only a screen has
        },
    }

so declaring a template needs no import of this package. Placeholders use
GOV.UK Notify's ``((name))`` syntax. The placeholders in the subject and body,
in English and in Welsh, must be exactly the declared ``personalisation``:
``template_problems`` says what is wrong, a test runs it over every template,
and ``notification_send`` refuses a template with problems. A letter's text
(``letter_body``, else ``body``) may use fewer of the names: paper needs no email
address. Letter text is for someone reading paper: tests/notifications/test_letter_text.py
checks every letter template for words about email and for links that are not https.

Templates are loaded from every installed app on first use. Code (tests,
mostly) can also add one with ``template_register``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import import_module
from threading import Lock

from django.apps import apps

from .constants import Channel, Language

PLACEHOLDER = re.compile(r"\(\(([^()]*)\)\)")
VALID_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
ALL_CHANNELS = (Channel.EMAIL, Channel.SMS, Channel.LETTER)


class TemplateError(ValueError):
    """An unknown template, or one whose text and personalisation do not match."""


@dataclass(frozen=True)
class MessageTemplate:
    key: str
    subject: str
    body: str
    cy_subject: str
    cy_body: str
    personalisation: tuple[str, ...]
    channels: tuple[str, ...] = ALL_CHANNELS
    source: str = ""
    letter_body: str = ""
    cy_letter_body: str = ""

    def text(self, language: str, channel: str = "") -> tuple[str, str]:
        """(subject, body) in the language; SMS ignores the subject. A letter gets the
        letter body when the template has one."""
        if language == Language.WELSH:
            body = (channel == Channel.LETTER and self.cy_letter_body) or self.cy_body
            return self.cy_subject, body
        body = (channel == Channel.LETTER and self.letter_body) or self.body
        return self.subject, body


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    body: str
    paragraphs: list[str] = field(default_factory=list)


_registry: dict[str, MessageTemplate] = {}
_loaded = False
_lock = Lock()


def placeholders_in(text: str) -> set[str]:
    return {match.strip() for match in PLACEHOLDER.findall(text or "")}


def template_register(
    key: str,
    *,
    subject: str = "",
    body: str,
    cy_subject: str = "",
    cy_body: str = "",
    personalisation: list[str] | tuple[str, ...] = (),
    channels: list[str] | tuple[str, ...] | None = None,
    source: str = "",
    letter_body: str = "",
    cy_letter_body: str = "",
) -> MessageTemplate:
    """Add a template (or replace one with the same key, so tests can redefine it)."""
    template = MessageTemplate(
        key=key,
        subject=subject,
        body=body,
        cy_subject=cy_subject,
        cy_body=cy_body,
        personalisation=tuple(personalisation),
        channels=tuple(channels) if channels else ALL_CHANNELS,
        source=source,
        letter_body=letter_body,
        cy_letter_body=cy_letter_body,
    )
    _registry[key] = template
    return template


def template_unregister(key: str) -> None:
    _registry.pop(key, None)


def _templates_load() -> None:
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        for config in apps.get_app_configs():
            module_name = f"{config.name}.notifications"
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name != module_name:
                    raise
                continue
            declared = getattr(module, "TEMPLATES", {})
            if not isinstance(declared, dict):
                raise TemplateError(
                    f"{module_name}.TEMPLATES must be a dict of template key to dict"
                )
            for key, spec in declared.items():
                if key in _registry and _registry[key].source != module_name:
                    raise TemplateError(
                        f"Template {key!r} is declared twice: in {_registry[key].source} and {module_name}"
                    )
                unknown = set(spec) - {
                    "subject",
                    "body",
                    "cy_subject",
                    "cy_body",
                    "personalisation",
                    "channels",
                    "letter_body",
                    "cy_letter_body",
                }
                if unknown:
                    raise TemplateError(
                        f"Template {key!r} in {module_name} has unknown fields: {', '.join(sorted(unknown))}"
                    )
                template_register(key, source=module_name, **spec)
        _loaded = True


def templates_all() -> list[MessageTemplate]:
    _templates_load()
    return sorted(_registry.values(), key=lambda t: t.key)


def template_get(key: str) -> MessageTemplate:
    """The template with this key; raises TemplateError when there is none."""
    _templates_load()
    try:
        return _registry[key]
    except KeyError:
        raise TemplateError(f"There is no message template called {key!r}") from None


def template_problems(template: MessageTemplate) -> list[str]:
    """Everything wrong with a template, in words; an empty list when it is sound."""
    problems = []
    declared = set(template.personalisation)
    if len(declared) != len(template.personalisation):
        problems.append("personalisation lists a name more than once")
    for name in sorted(declared):
        if not VALID_NAME.match(name):
            problems.append(
                f"personalisation name {name!r} must be lower case letters, digits and _"
            )
    for channel in template.channels:
        if channel not in ALL_CHANNELS:
            problems.append(f"unknown channel {channel!r}")
    needs_subject = any(c in (Channel.EMAIL, Channel.LETTER) for c in template.channels)
    for language, prefix in ((Language.ENGLISH, ""), (Language.WELSH, "cy_")):
        subject, body = template.text(language)
        texts = {f"{prefix}body": body}
        if needs_subject:
            texts[f"{prefix}subject"] = subject
        used: set[str] = set()
        for name, text in texts.items():
            if not (text or "").strip():
                problems.append(f"{name} is empty")
            used |= placeholders_in(text)
        # Per language, the subject and body together use exactly the declared names.
        extra, missing = used - declared, declared - used
        words = "Welsh" if prefix else "English"
        if extra:
            problems.append(
                f"{words} text uses undeclared placeholders: {', '.join(sorted(extra))}"
            )
        if missing:
            problems.append(f"{words} text does not use: {', '.join(sorted(missing))}")
    for name in ("letter_body", "cy_letter_body"):
        letter_text = getattr(template, name)
        if letter_text and Channel.LETTER not in template.channels:
            problems.append(f"{name} is given but the template is not for letters")
        extra = placeholders_in(letter_text) - declared
        if extra:
            problems.append(f"{name} uses undeclared placeholders: {', '.join(sorted(extra))}")
    if bool(template.letter_body) != bool(template.cy_letter_body):
        problems.append("letter_body and cy_letter_body come together (a letter in each language)")
    return problems


def personalisation_check(template: MessageTemplate, personalisation: dict) -> dict[str, str]:
    """The personalisation as strings; raises TemplateError when a name is missing or extra."""
    given = set(personalisation)
    declared = set(template.personalisation)
    missing, extra = declared - given, given - declared
    if missing or extra:
        parts = []
        if missing:
            parts.append("missing " + ", ".join(sorted(missing)))
        if extra:
            parts.append("unexpected " + ", ".join(sorted(extra)))
        raise TemplateError(f"Personalisation for {template.key!r}: {'; '.join(parts)}")
    cleaned = {}
    for name, value in personalisation.items():
        if value is None or isinstance(value, (dict, list, tuple, set)):
            raise TemplateError(
                f"Personalisation {name!r} for {template.key!r} must be text or a number"
            )
        cleaned[name] = str(value)
    return cleaned


def template_render(
    template: MessageTemplate, *, language: str, personalisation: dict, channel: str = ""
) -> RenderedMessage:
    """Fill in the placeholders. Values are plain text: HTML-escape at the edge that needs it.
    ``channel`` "letter" gives the letter's text (see ``MessageTemplate.text``)."""
    subject, body = template.text(language, channel)

    def fill(text: str) -> str:
        return PLACEHOLDER.sub(lambda m: personalisation.get(m.group(1).strip(), m.group(0)), text)

    filled_body = fill(body)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", filled_body) if p.strip()]
    return RenderedMessage(subject=fill(subject), body=filled_body, paragraphs=paragraphs)
