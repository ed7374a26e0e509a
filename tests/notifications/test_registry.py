import pytest

from digital_services.notifications import registry
from digital_services.notifications.registry import (
    TemplateError,
    template_get,
    template_problems,
    template_register,
    template_render,
    templates_all,
)


def _real_templates():
    return [t for t in templates_all() if t.source != "tests"]


def test_templates_are_loaded_from_installed_apps_notifications_modules():
    keys = {t.key for t in _real_templates()}
    assert "notifications.test_message" in keys
    assert (
        template_get("notifications.test_message").source
        == "digital_services.notifications.notifications"
    )


def test_every_registered_template_uses_exactly_its_declared_personalisation_in_english_and_welsh():
    templates = templates_all()
    assert templates, "no templates were registered"
    problems = {t.key: template_problems(t) for t in templates}
    assert {key: found for key, found in problems.items() if found} == {}
    for template in templates:
        declared = set(template.personalisation)
        for language in ("en", "cy"):
            subject, body = template.text(language)
            assert registry.placeholders_in(subject) | registry.placeholders_in(body) == declared, (
                template.key,
                language,
            )


def test_template_problems_names_a_missing_placeholder():
    template = template_register(
        "tests.broken_missing",
        subject="Hello",
        body="Hello ((name))",
        cy_subject="Helo",
        cy_body="Helo",
        personalisation=["name"],
    )
    try:
        assert template_problems(template) == ["Welsh text does not use: name"]
    finally:
        registry.template_unregister("tests.broken_missing")


def test_template_problems_names_an_undeclared_placeholder_and_missing_welsh():
    template = template_register(
        "tests.broken_extra",
        subject="Hello ((nmae))",
        body="Hello ((name))",
        personalisation=["name"],
    )
    try:
        assert template_problems(template) == [
            "English text uses undeclared placeholders: nmae",
            "cy_body is empty",
            "cy_subject is empty",
            "Welsh text does not use: name",
        ]
    finally:
        registry.template_unregister("tests.broken_extra")


def test_sms_only_templates_need_no_subject():
    assert template_problems(template_get("tests.code_text")) == []


def test_template_get_raises_for_an_unknown_key():
    with pytest.raises(TemplateError, match="no message template called 'nope'"):
        template_get("nope")


def test_template_render_fills_placeholders_in_the_chosen_language():
    rendered = template_render(
        template_get("tests.visit_booked"),
        language="cy",
        personalisation={"name": "Ann", "visit_date": "3 Mawrth", "case_reference": "PV-1"},
    )
    assert rendered.subject == "Ymweliad wedi'i drefnu ar gyfer 3 Mawrth"
    assert rendered.paragraphs[0] == "Annwyl Ann,"
    assert "((" not in rendered.body


def test_a_module_declaring_unknown_fields_is_refused(monkeypatch):
    import sys
    import types

    module = types.ModuleType("digital_services.core.notifications")
    module.TEMPLATES = {
        "core.x": {"body": "x", "cy_body": "x", "personalisation": [], "bodyy": "typo"}
    }
    monkeypatch.setitem(sys.modules, "digital_services.core.notifications", module)
    monkeypatch.setattr(registry, "_loaded", False)
    monkeypatch.setattr(registry, "_registry", {})
    with pytest.raises(TemplateError, match="unknown fields: bodyy"):
        registry.templates_all()
