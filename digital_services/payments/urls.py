from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("return/<str:token>/", views.payment_return, name="return"),
    path("return/<str:token>/try-again/", views.payment_retry, name="retry"),
    path("webhook/", views.webhook, name="webhook"),
    path("sandbox/<str:payment_id>/", views.sandbox_card, name="sandbox-card"),
    path("sandbox/<str:payment_id>/confirm/", views.sandbox_confirm, name="sandbox-confirm"),
    path("sandbox/<str:payment_id>/cancel/", views.sandbox_cancel, name="sandbox-cancel"),
]
