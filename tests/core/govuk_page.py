"""Reads a rendered page the way a test needs: elements, links, attributes.

A tiny parser over the standard library's HTMLParser, so layout tests check
real elements rather than substrings of the markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from django.urls import reverse


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class Page(HTMLParser):
    VOID = frozenset({"meta", "link", "input", "br", "img", "hr", "source", "path", "circle"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.html_lang: str | None = None
        self._open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag == "html":
            self.html_lang = element.attrs.get("lang")
        if tag not in self.VOID:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                return

    def handle_data(self, data):
        for element in self._open:
            element.text += data

    # Queries
    def find_all(
        self, tag: str | None = None, *, cls: str | None = None, has: str | None = None, **attrs
    ) -> list[Element]:
        """Elements by tag, class, presence of an attribute (``has``) and attribute values
        (``data_module="x"`` matches ``data-module="x"``)."""
        found = []
        for element in self.elements:
            if tag and element.tag != tag:
                continue
            if cls and cls not in element.classes:
                continue
            if has and has not in element.attrs:
                continue
            if any(element.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            found.append(element)
        return found

    def find(self, tag: str | None = None, **kwargs) -> Element:
        found = self.find_all(tag, **kwargs)
        assert found, f"no <{tag or '*'}> matching {kwargs}"
        return found[0]

    def hrefs(self) -> set[str]:
        return {e.attrs["href"] for e in self.find_all("a") if e.attrs.get("href")}

    def text_of(self, tag: str, **kwargs) -> str:
        return " ".join(self.find(tag, **kwargs).text.split())


def page_parse(html: str | bytes) -> Page:
    if isinstance(html, bytes):
        html = html.decode()
    page = Page()
    page.feed(html)
    page.close()
    return page


def assert_govuk_layout(html: str | bytes, *, feedback_link: bool = True) -> Page:
    """The GOV.UK page template: lang, skip link, header, service navigation,
    phase banner with a feedback link, footer support links, crown copyright,
    exactly one h1, and no inline styles or inline event handlers (CSP)."""
    page = page_parse(html)
    assert page.html_lang and page.html_lang.startswith("en")
    skip = page.find("a", cls="govuk-skip-link")
    assert skip.attrs["href"] == "#main-content"
    assert page.find_all("main", id="main-content")
    assert page.find_all("div", cls="govuk-header")
    assert page.find_all(cls="govuk-service-navigation")
    banner = page.find(cls="govuk-phase-banner")
    assert banner
    if feedback_link:
        feedback = reverse("performance:feedback")
        assert any(
            a.attrs.get("href", "").startswith(feedback)
            for a in page.find_all("a")
            if "feedback" in a.text
        ), "phase banner has no feedback link"
    footer_links = {a.attrs["href"] for a in page.find_all("a", cls="govuk-footer__link")}
    for name in ("core:privacy", "core:cookies", "core:accessibility", "core:contact"):
        assert reverse(name) in footer_links, f"footer does not link to {name}"
    assert "Crown copyright" in page.text_of("a", cls="govuk-footer__copyright-logo")
    assert len(page.find_all("h1")) == 1, "a page has exactly one h1"
    for element in page.elements:
        assert "style" not in element.attrs, f"inline style on <{element.tag}>"
        handlers = [name for name in element.attrs if name.startswith("on")]
        assert not handlers, f"inline event handler {handlers} on <{element.tag}>"
    return page
