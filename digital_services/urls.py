from django.contrib import admin
from django.urls import include, path

from digital_services.core.registry import service_urlpatterns

# admin.site is digital_services.core.admin_site.StaffAdminSite (titles, no nav sidebar).
urlpatterns = [
    path("", include("digital_services.core.urls")),
    path("accounts/", include("digital_services.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("your-data/", include("digital_services.privacy.urls")),
    path("admin/performance/kpis/", include("digital_services.performance.staff_urls")),
    path("admin/", admin.site.urls),
    path("feedback/", include("digital_services.performance.urls")),
    path("notifications/", include("digital_services.notifications.urls")),
    path("payments/", include("digital_services.payments.urls")),
    path("documents/", include("digital_services.documents.urls")),
    path("assisted-digital/", include("assisted_digital.urls")),
    # Each service at its registry entry's url_prefix (<app>/service.py).
    *service_urlpatterns(),
]

handler404 = "digital_services.core.views.page_not_found"
handler403 = "digital_services.core.views.permission_denied"
handler500 = "digital_services.core.views.server_error"
