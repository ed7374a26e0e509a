from django.urls import path

from . import views, views_attorneys, views_documents, views_signing

app_name = "lasting_power"

urlpatterns = [
    path("", views.start, name="start"),
    path("your-lpas/", views.dashboard, name="dashboard"),
    path("new/", views.lpa_new, name="lpa-new"),
    path("<int:pk>/", views.lpa_tasks, name="lpa-tasks"),
    path("<int:pk>/continue/", views.lpa_continue, name="lpa-continue"),
    path("<int:pk>/check/", views.lpa_check, name="lpa-check"),
    path("<int:pk>/fee/", views.lpa_fee, name="lpa-fee"),
    path("<int:pk>/pay/", views.lpa_pay, name="lpa-pay"),
    path("<int:pk>/completed/", views.lpa_done, name="lpa-done"),
    path("<int:pk>/view/", views.lpa_detail, name="lpa-view"),
    path("<int:pk>/reuse/", views.lpa_reuse, name="lpa-reuse"),
    path("<int:pk>/delete/", views.lpa_delete, name="lpa-delete"),
    path("<int:pk>/documents/", views_documents.lpa_documents, name="lpa-documents"),
    path(
        "<int:pk>/documents/make/",
        views_documents.lpa_documents_make,
        name="lpa-documents-make",
    ),
    path(
        "<int:pk>/documents/<uuid:document_id>/",
        views_documents.lpa_document_download,
        name="lpa-document-download",
    ),
    path("attorney/", views_attorneys.attorney_link, name="attorney-link"),
    path("attorney/<int:pk>/", views_attorneys.attorney_lpa, name="attorney-lpa"),
    path(
        "attorney/<int:pk>/registered/",
        views_attorneys.attorney_lpa_download,
        name="attorney-lpa-download",
    ),
    path("<int:pk>/signing-dates/", views_signing.lpa_signing, name="lpa-signing-dates"),
    path("<int:pk>/questions/<slug:step>/", views.lpa_step, name="lpa-step"),
    path("<int:pk>/questions/<slug:step>/add/", views.lpa_item_add, name="lpa-item-add"),
    path("<int:pk>/questions/<slug:step>/warning/", views.lpa_warning, name="lpa-warning"),
    path(
        "<int:pk>/questions/<slug:step>/<int:number>/",
        views.lpa_item_add,
        name="lpa-item-change",
    ),
    path(
        "<int:pk>/questions/<slug:step>/<int:number>/remove/",
        views.lpa_item_remove,
        name="lpa-item-remove",
    ),
]
