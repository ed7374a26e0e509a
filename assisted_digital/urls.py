from django.urls import path

from . import views

app_name = "assisted_digital"

urlpatterns = [
    path("", views.start, name="start"),
]
