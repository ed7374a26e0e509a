from django.urls import path

from . import views

app_name = "civil_claims"

urlpatterns = [
    path("", views.start, name="start"),
]
