"""Drivers and the HTML form parser the walker uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Protocol

# Drivers ----------------------------------------------------------------------------


class Driver(Protocol):
    """What the walker needs from a browser or a test client."""

    def goto(self, path: str) -> None: ...

    def path(self) -> str: ...

    def html(self) -> str: ...

    def submit(self, data: dict | None) -> None:
        """Fill the page's main form with ``data`` (None: clear every field) and send it."""

    def follow(self, href: str) -> None: ...


@dataclass
class FormField:
    name: str
    kind: str  # text, email, password, hidden, radio, checkbox, select, textarea, number...
    value: str = ""
    checked: bool = False
    options: list[str] = field(default_factory=list)
    selected: list[str] = field(default_factory=list)


@dataclass
class ParsedForm:
    method: str
    action: str
    in_main: bool
    fields: list[FormField] = field(default_factory=list)

    def names(self) -> list[str]:
        names = []
        for f in self.fields:
            if f.name not in names:
                names.append(f.name)
        return names


class PageParser(HTMLParser):
    """The parts of a rendered page the quality tests read: forms, headings, error summary."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[ParsedForm] = []
        self.h1_count = 0
        self.title = ""
        self.ids: set[str] = set()
        self.error_summary = False
        self.error_links: list[str] = []
        self.lang: str | None = None
        self._in = {"title": False, "main": 0, "summary": 0, "textarea": None, "select": None}
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        classes = a.get("class", "").split()
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "title":
            self._in["title"] = True
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "main":
            self._in["main"] += 1
        if "govuk-error-summary" in classes:
            self.error_summary = True
            self._in["summary"] = True
        if tag == "a" and self._in["summary"] and a.get("href", "").startswith("#"):
            self.error_links.append(a["href"][1:])
        if tag == "form":
            self.forms.append(
                ParsedForm(
                    method=a.get("method", "get").lower(),
                    action=a.get("action", ""),
                    in_main=bool(self._in["main"]),
                )
            )
        if not self.forms or tag not in ("input", "textarea", "select", "option", "button"):
            return
        current = self.forms[-1]
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                return
            current.fields.append(FormField(name, kind, a.get("value", ""), checked="checked" in a))
        elif tag == "textarea" and name:
            ff = FormField(name, "textarea")
            current.fields.append(ff)
            self._in["textarea"] = ff
        elif tag == "select" and name:
            ff = FormField(name, "select")
            current.fields.append(ff)
            self._in["select"] = ff
        elif tag == "option" and self._in["select"] is not None:
            ff = self._in["select"]
            ff.options.append(a.get("value", ""))
            if "selected" in a:
                ff.selected.append(a.get("value", ""))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in["title"] = False
        elif tag == "main":
            self._in["main"] -= 1
        elif tag == "textarea":
            self._in["textarea"] = None
        elif tag == "select":
            self._in["select"] = None
        elif tag == "ul" and self._in["summary"]:
            self._in["summary"] = False

    def handle_data(self, data):
        if self._in["title"]:
            self.title += data
        if self._in["textarea"] is not None:
            ff = self._in["textarea"]
            ff.value += data


def page_parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    parser.title = " ".join(parser.title.split())
    for form in parser.forms:
        for ff in form.fields:
            if ff.kind == "textarea" and ff.value.startswith("\n"):
                ff.value = ff.value[1:]  # the HTML parser drops one leading newline
    return parser


def main_form(parsed: PageParser) -> ParsedForm | None:
    return next((f for f in parsed.forms if f.in_main and f.method == "post"), None)
