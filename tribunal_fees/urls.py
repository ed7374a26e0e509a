from django.urls import path

from digital_services.journeys.urls import journey_urlpatterns

from . import views
from .journeys import HELP_WITH_FEES, PAY, REFUND

app_name = "tribunal_fees"

urlpatterns = [
    path("", views.start, name="start"),
    path("find-your-fee/", views.fee_find, name="fee-find"),
    path("fees/<str:reference>/", views.fee_detail, name="fee-detail"),
    path("fees/<str:reference>/pay/", views.fee_pay, name="fee-pay"),
    path("fees/<str:reference>/receipt/", views.fee_receipt, name="fee-receipt"),
    path(
        "fees/<str:reference>/receipt.pdf",
        views.fee_receipt_download,
        name="fee-receipt-pdf",
    ),
    path("fees/<str:reference>/help-with-fees/", views.fee_hwf, name="fee-hwf"),
    path(
        "fees/<str:reference>/help-with-fees/decision/",
        views.fee_hwf_link,
        name="fee-hwf-link",
    ),
    path("help-with-fees/<str:reference>/", views.hwf_detail, name="hwf-detail"),
    path(
        "help-with-fees/<str:reference>/evidence-of-payment/",
        views.hwf_payment_evidence,
        name="hwf-payment-evidence",
    ),
    path(
        "help-with-fees/<str:reference>/sent/",
        views.hwf_confirmation,
        name="hwf-confirmation",
    ),
    path("refunds/<str:reference>/", views.refund_detail, name="refund-detail"),
    path(
        "refunds/<str:reference>/sent/",
        views.refund_confirmation,
        name="refund-confirmation",
    ),
    # Journeys: pay/<step>/, apply-for-help-with-fees/<step>/, refund/<step>/ ...
    *journey_urlpatterns(PAY),
    *journey_urlpatterns(HELP_WITH_FEES),
    *journey_urlpatterns(REFUND),
]
