"""The LPA's questions (``definitions``), its warnings and the one rule for which step
may open (``flow``)."""

from .definitions import JOURNEYS, journey_for  # noqa: F401
from .flow import CHECK, STEP, WARNING, LpaFlow, Target, flow_evaluate, lpa_flow  # noqa: F401
