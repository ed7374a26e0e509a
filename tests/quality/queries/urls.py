"""The project's URLs, the example journeys, and 20 one-question journeys (tests only).

"Your applications" lists one draft per journey, so showing 20 drafts needs 20 journeys.
"""

from django import forms
from django.urls import include, path

from digital_services.journeys.definitions import Journey, Step
from digital_services.journeys.urls import journey_urlpatterns
from digital_services.urls import handler403, handler404, handler500  # noqa: F401
from digital_services.urls import urlpatterns as project_urlpatterns
from tests.journeys.example import SERVICE
from tests.journeys.urls import example_patterns


class NameForm(forms.Form):
    full_name = forms.CharField(label="Full name")


def _submit(**kwargs):
    return "/example/done/"


MANY = [
    Journey(
        service=SERVICE,
        slug=f"many-{number}",
        title=f"Example application {number}",
        submit=_submit,
        url_namespace="example",
        steps=[Step(slug="name", title="What is your name?", form_class=NameForm)],
    )
    for number in range(20)
]

urlpatterns = [
    *project_urlpatterns,
    path(
        "example/",
        include(
            (
                [*example_patterns, *[p for j in MANY for p in journey_urlpatterns(j)]],
                "example",
            )
        ),
    ),
]
