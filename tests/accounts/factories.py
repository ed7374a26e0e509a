"""One factory per kind of account: citizen (verified email), staff, staff with an authenticator app."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.contrib.auth import get_user_model

PASSWORD = "a-long-password-1"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class UserFactory(factory.django.DjangoModelFactory):
    """A citizen who has confirmed their email address and can sign in with ``PASSWORD``."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        self.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class StaffUserFactory(UserFactory):
    """Staff without an authenticator app yet."""

    is_staff = True


class StaffWithTotpFactory(StaffUserFactory):
    """Staff whose authenticator app holds ``TOTP_SECRET``."""

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        if create:
            Authenticator.objects.create(
                user=self, type=Authenticator.Type.TOTP, data={"secret": encrypt(TOTP_SECRET)}
            )
