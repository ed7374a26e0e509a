from django.urls import path

from . import views

app_name = "performance"

urlpatterns = [
    path("", views.feedback, name="feedback"),
    path("thank-you/", views.feedback_thanks, name="feedback-thanks"),
    path("contact/", views.contact, name="contact"),
    path("contact/sent/", views.contact_sent, name="contact-sent"),
]
