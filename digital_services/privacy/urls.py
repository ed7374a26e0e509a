from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.your_data, name="your-data"),
    path("download/", views.your_data_download, name="your-data-download"),
    path("delete-account/", views.account_delete, name="account-delete"),
    path("account-deleted/", views.account_deleted, name="account-deleted"),
]
