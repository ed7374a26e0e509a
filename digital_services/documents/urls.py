"""Included by digital_services/urls.py at documents/."""

from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("<uuid:document_id>/", views.document_download, name="download"),
]
