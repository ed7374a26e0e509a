"""The feedback prompt names the service by its registered slug, whatever names the app."""

from django.template import Context, Template


def test_service_slug_maps_an_app_label_to_the_registered_service_slug():
    rendered = Template(
        "{% load performance_tags %}{{ 'tribunal_fees'|service_slug }}|{{ 'nothing'|service_slug }}"
    ).render(Context({}))
    assert rendered == "tribunal-fees|"
