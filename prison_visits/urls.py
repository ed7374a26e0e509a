from django.urls import path

from digital_services.journeys.urls import journey_urlpatterns

from . import views
from .journeys import BOOK

app_name = "prison_visits"

urlpatterns = [
    path("", views.start, name="start"),
    # Before the journey's own "book/<step>/..." pages.
    path("book/sent/<str:token>/", views.book_confirmation, name="book-confirmation"),
    *journey_urlpatterns(BOOK),
    path("visits/find/", views.visit_find, name="visit-find"),
    path("visits/<str:reference>/", views.visit_status, name="visit-status"),
    path("visits/<str:reference>/withdraw/", views.visit_withdraw, name="visit-withdraw"),
    path("visits/<str:reference>/cancel/", views.visit_cancel, name="visit-cancel"),
]
