from django.urls import path

from . import views

app_name = "tribunal_fees"

urlpatterns = [
    path("", views.start, name="start"),
]
