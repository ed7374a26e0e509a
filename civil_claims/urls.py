from django.urls import path

from digital_services.journeys.urls import journey_urlpatterns

from . import (
    views,
    views_defendant,
    views_possession,
    views_possession_defendant,
    views_possession_tenant,
    views_response,
)
from .journeys import CLAIM
from .journeys.eligibility import EXITS, QUESTIONS
from .journeys.gate import gated_urlpatterns
from .journeys.possession import POSSESSION
from .journeys.possession_response import POSSESSION_RESPONSE
from .journeys.response import RESPONSE, response_urlpatterns
from .views_claimant import urlpatterns as claimant_urlpatterns
from .views_defendant_next import urlpatterns as defendant_next_urlpatterns
from .views_possession_landlord import urlpatterns as possession_landlord_urlpatterns

app_name = "civil_claims"

urlpatterns = [
    path("", views.start, name="start"),
    path("eligibility/", views.eligibility, name="eligibility"),
    *[
        path(
            f"eligibility/{question.slug}/",
            views.eligibility_question,
            {"question": question},
            name=f"eligibility-{question.slug}",
        )
        for question in QUESTIONS
    ],
    *[
        path(
            f"eligibility/you-cannot-use-this-service/{exit_.slug}/",
            views.not_eligible,
            {"exit_": exit_},
            name=f"not-eligible-{exit_.slug}",
        )
        for exit_ in EXITS.values()
    ],
    path("eligibility/you-can-use-this-service/", views.eligible, name="eligible"),
    *gated_urlpatterns(journey_urlpatterns(CLAIM), CLAIM.slug),
    path("claims/<str:reference>/", views.claim_detail, name="claim-detail"),
    path("claims/<str:reference>/sent/", views.claim_confirmation, name="claim-confirmation"),
    path("claims/<str:reference>/pay/", views.claim_pay, name="claim-pay"),
    path(
        "claims/<str:reference>/claim-form/download/",
        views.claim_form_download,
        name="claim-form-download",
    ),
    # The defendant: link the claim with the access code, then its page (views_defendant).
    *views_defendant.urlpatterns,
    # The defendant's response: a journey behind the linked-defendant check, then its pages.
    *response_urlpatterns(journey_urlpatterns(RESPONSE)),
    *views_response.urlpatterns,
    # After the response (#15): the claimant's next steps and judgments, the defendant's
    # settlement signature and redetermination.
    *claimant_urlpatterns,
    *defendant_next_urlpatterns,
    # A landlord's possession claim (issue #16): the journey, then its pages.
    *journey_urlpatterns(POSSESSION),
    *views_possession.urlpatterns,
    # A possession claim's defendant: link it with the access code, then respond (#16).
    *views_possession_defendant.urlpatterns,
    *journey_urlpatterns(POSSESSION_RESPONSE),
    *views_possession_tenant.urlpatterns,
    # The landlord's possession claim page, fees and warrant (last: one-segment paths).
    *possession_landlord_urlpatterns,
]
