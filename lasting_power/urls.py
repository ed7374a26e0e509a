from django.urls import path

from . import views

app_name = "lasting_power"

urlpatterns = [
    path("", views.start, name="start"),
]
