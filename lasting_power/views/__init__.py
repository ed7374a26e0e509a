"""The applicant's pages: the start page, the dashboard, the questions, the fee and paying."""

from .checkout import lpa_check, lpa_detail, lpa_done, lpa_fee, lpa_pay  # noqa: F401
from .dashboard import dashboard, lpa_delete, lpa_new, lpa_reuse  # noqa: F401
from .questions import (  # noqa: F401
    lpa_continue,
    lpa_item_add,
    lpa_item_remove,
    lpa_step,
    lpa_tasks,
    lpa_warning,
)
from .start import start  # noqa: F401
