"""The LPA's forms, one module per group of questions."""

from .decisions import (  # noqa: F401
    CorrespondentContactForm,
    CorrespondentForm,
    HowDecideForm,
    InstructionsForm,
    LifeSustainingForm,
    RegisteringForm,
    RepeatForm,
    ReplacementsDecideForm,
    StepInForm,
    TypeForm,
    WhenForm,
)
from .fee import FeeReductionForm, PayForm  # noqa: F401, E402
from .people import (  # noqa: F401
    AttorneyForm,
    CertificateProviderForm,
    DonorForm,
    NotifyForm,
    ReplacementForm,
    TrustCorporationForm,
)
