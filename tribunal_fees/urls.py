from django.urls import path

from . import views

app_name = "tribunal_fees"

urlpatterns = [
    path("", views.start, name="start"),
    path("fees/<str:reference>/", views.fee_detail, name="fee-detail"),
    path("fees/<str:reference>/pay/", views.fee_pay, name="fee-pay"),
    path("fees/<str:reference>/receipt/", views.fee_receipt, name="fee-receipt"),
    path(
        "fees/<str:reference>/receipt.pdf",
        views.fee_receipt_download,
        name="fee-receipt-pdf",
    ),
    path("help-with-fees/<str:reference>/", views.hwf_detail, name="hwf-detail"),
    path("refunds/<str:reference>/", views.refund_detail, name="refund-detail"),
]
