from django.urls import path

from . import views

app_name = "prison_visits"

urlpatterns = [
    path("", views.start, name="start"),
    path("visits/<str:reference>/", views.visit_status, name="visit-status"),
]
