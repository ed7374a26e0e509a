"""URL patterns for one journey, added to its service's ``urls.py``::

    from digital_services.journeys.urls import journey_urlpatterns
    from .journeys import BOOK

    app_name = "prison_visits"
    urlpatterns = [
        path("", views.start, name="start"),
        *journey_urlpatterns(BOOK),
    ]

which gives, under the service's prefix, ``book/`` (first question, or the task list),
``book/<step>/``, ``book/check/``, ``book/save/`` and so on, named
``prison_visits:book-step`` and so on.
"""

from django.urls import path

from . import views
from .definitions import Journey, journey_get, journey_register


def journey_urlpatterns(journey: Journey) -> list:
    """The journey's pages; registers the journey too, so "Your applications" can find it."""
    if journey_get(service=journey.service, slug=journey.slug) is not journey:
        journey_register(journey)
    prefix = journey.slug
    extra = {"journey": journey}

    def name(suffix: str) -> str:
        return f"{journey.slug}-{suffix}"

    return [
        path(f"{prefix}/", views.journey_start, extra, name=name("start")),
        path(f"{prefix}/check/", views.check_view, extra, name=name("check")),
        path(f"{prefix}/save/", views.save_view, extra, name=name("save")),
        path(f"{prefix}/save/sent/", views.save_sent_view, extra, name=name("save-sent")),
        path(f"{prefix}/resume/<str:token>/", views.resume_view, extra, name=name("resume")),
        # Before "<step>/", so "cancel" is never taken for a step's slug.
        path(f"{prefix}/cancel/", views.cancel_view, extra, name=name("cancel")),
        path(f"{prefix}/section/<slug:section>/", views.section_start, extra, name=name("section")),
        path(f"{prefix}/<slug:step>/", views.step_view, extra, name=name("step")),
        path(f"{prefix}/<slug:step>/add/", views.item_add, extra, name=name("item-add")),
        path(
            f"{prefix}/<slug:step>/<int:number>/",
            views.item_change,
            extra,
            name=name("item-change"),
        ),
        path(
            f"{prefix}/<slug:step>/<int:number>/remove/",
            views.item_remove,
            extra,
            name=name("item-remove"),
        ),
    ]
