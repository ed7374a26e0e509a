from django.urls import path
from django.views.generic import TemplateView

from . import grants, views

app_name = "core"

urlpatterns = [
    path("", views.start, name="start"),
    path("healthz", views.healthz, name="healthz"),
    path("healthz/live", views.healthz_live, name="healthz-live"),
    path("cookies/", views.cookies, name="cookies"),
    path("language/", views.language_choose, name="language"),
    path("privacy/", TemplateView.as_view(template_name="core/privacy.html"), name="privacy"),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="core/accessibility.html"),
        name="accessibility",
    ),
    path("contact/", TemplateView.as_view(template_name="core/contact.html"), name="contact"),
    path("signed-out/", views.signed_out, name="signed-out"),
    path("session/extend/", views.session_extend, name="session-extend"),
    path("access/<str:token>/", grants.grant_redeem, name="grant"),
]
