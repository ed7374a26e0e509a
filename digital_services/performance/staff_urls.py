"""Staff pages of the performance app, included at /admin/performance/kpis/
(before the admin's own URLs) so the staff second-factor middleware guards
them. Not /admin/performance/ itself: that is the admin's page for the app."""

from django.urls import path

from . import views

app_name = "performance_staff"

urlpatterns = [
    path("", views.kpi_dashboard, name="dashboard"),
    path("export.csv", views.kpi_dashboard_csv, name="dashboard-csv"),
]
