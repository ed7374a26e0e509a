"""What citizen A owns in the example service, for the access matrix: the URL arguments
of each of its pages that take one (``matrix.declared_url_kwargs``)."""

from tests.quality.access.world import CITIZEN_A, World

from .factories import SubmittedApplicationFactory
from .journeys import confirmation_token


def _application(world: World):
    """Citizen A's application (made once per World)."""
    if "_example_application" not in world.__dict__:
        world.__dict__["_example_application"] = SubmittedApplicationFactory(
            user=world.user(CITIZEN_A), reference="EXMATRIX1"
        )
    return world.__dict__["_example_application"]


URL_KWARGS = {
    "application-detail": lambda world: {"reference": _application(world).reference},
    "confirmation": lambda world: {"token": confirmation_token(_application(world).reference)},
}
