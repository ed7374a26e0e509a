from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("your-applications/", views.your_applications, name="your-applications"),
    path("staff/second-factor/", views.staff_second_factor, name="staff-second-factor"),
    path("staff/enrol/<str:token>/", views.staff_enrol, name="staff-enrol"),
]
