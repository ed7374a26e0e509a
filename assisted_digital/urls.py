from django.urls import path

from . import views

app_name = "assisted_digital"

urlpatterns = [
    path("", views.start, name="start"),
    path("start/channel/", views.start_channel, name="start-channel"),
    path("start/citizen/", views.start_citizen, name="start-citizen"),
    path("start/new-citizen/", views.start_new_citizen, name="start-new-citizen"),
    path("start/consent/", views.start_consent, name="start-consent"),
    path("session/", views.session_services, name="session-services"),
    path("session/language/", views.session_language, name="session-language"),
    path("session/end/", views.session_end, name="session-end"),
    path("sessions/", views.sessions, name="sessions"),
    path("sessions/all/", views.sessions_all, name="sessions-all"),
]
