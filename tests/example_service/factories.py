"""One factory per state of a licence application."""

import factory

from tests.accounts.factories import UserFactory

from .constants import LicenceStatus
from .models import LicenceApplication


class SubmittedApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LicenceApplication

    reference = factory.Sequence(lambda n: f"EX{n:06d}")
    user = factory.SubFactory(UserFactory)
    full_name = "Alex Example"
    activity = "juggling in the park"
    status = LicenceStatus.SUBMITTED


class GrantedApplicationFactory(SubmittedApplicationFactory):
    status = LicenceStatus.GRANTED


class RefusedApplicationFactory(SubmittedApplicationFactory):
    status = LicenceStatus.REFUSED


FACTORIES = {
    LicenceStatus.SUBMITTED: SubmittedApplicationFactory,
    LicenceStatus.GRANTED: GrantedApplicationFactory,
    LicenceStatus.REFUSED: RefusedApplicationFactory,
}
