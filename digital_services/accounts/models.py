"""Users are keyed by email from the first migration; there is no username."""

import uuid

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from digital_services.core.queries import CompiledQuery


def _user_by_pk(*, pk: int):
    return User._default_manager.filter(pk=pk)


#: The signed-in user, loaded on every signed-in request by Django's authentication backends
#: (``get(pk=...)``): its SQL compiled once per process (issue #13, docs/performance.md).
_USER_BY_PK = CompiledQuery(_user_by_pk)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get(self, *args, **kwargs):
        """``get(pk=...)`` with a whole-number key, as Django's authentication backends load
        the signed-in user, runs SQL compiled once per process; any other look-up is
        Django's."""
        if not args and self._db is None and len(kwargs) == 1:
            ((name, value),) = kwargs.items()
            if name in ("pk", "id") and type(value) is int:
                found = _USER_BY_PK.rows(pk=value)
                if not found:
                    raise self.model.DoesNotExist(
                        f"{self.model._meta.object_name} matching query does not exist."
                    )
                return found[0]
        return super().get(*args, **kwargs)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Users must have an email address")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set")
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=200, blank=True)
    is_staff = models.BooleanField(
        default=False, help_text="Staff can sign in to the staff pages after a second factor."
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["email"]

    def __str__(self):
        return self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class AccountsPermissions(models.Model):
    """Holds platform-wide permissions that belong to no table (no table of its own)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_kpis", "Can view the services' performance figures (KPIs)")]

    def __str__(self):
        return "Accounts permissions"


class CitizenProfile(models.Model):
    """How to reach a citizen who may have no email address (assisted digital).

    Citizens who sign up online have only a ``User`` (their email is how we reach
    them). A citizen whose record a member of staff created for them has this
    profile too: date of birth and postal address for finding them again and for
    letters, a phone number, and how they want to hear from us. A citizen with no
    email address has a ``User`` with an undeliverable placeholder address
    (``no-email+<id>@assisted.invalid``, see ``digital_services.accounts.citizens``)
    and ``has_email`` False: nothing is ever emailed to it. The name is the user's
    ``full_name``.
    """

    class Contact(models.TextChoices):
        EMAIL = "email", "Email"
        SMS = "sms", "Text message"
        LETTER = "letter", "Letter"

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="citizen_profile")
    date_of_birth = models.DateField(null=True, blank=True)
    address_line_1 = models.CharField(max_length=100, blank=True)
    address_line_2 = models.CharField(max_length=100, blank=True)
    town = models.CharField("town or city", max_length=100, blank=True)
    county = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(
        max_length=10, blank=True, db_index=True, help_text="Upper case, one space: SW1A 1AA."
    )
    phone = models.CharField(
        max_length=20, blank=True, db_index=True, help_text="Digits only, UK numbers from 0."
    )
    has_email = models.BooleanField(
        default=True,
        help_text="False when the user's email is a placeholder that must not be used.",
    )
    preferred_contact = models.CharField(
        max_length=10, choices=Contact.choices, default=Contact.EMAIL
    )
    prefers_welsh = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "citizen contact details"
        verbose_name_plural = "citizen contact details"

    def __str__(self):
        return f"Contact details of {self.user.get_full_name()}"

    @property
    def address_lines(self) -> list[str]:
        """The postal address, postcode last (empty without a first line and postcode)."""
        if not (self.address_line_1 and self.postcode):
            return []
        lines = [self.address_line_1, self.address_line_2, self.town, self.county, self.postcode]
        return [line for line in lines if line]


class StaffEnrolment(models.Model):
    """A one-time link that lets a staff member set up their authenticator app.

    Staff pages need a second factor; without this, whoever first signed in to a
    new staff account (say, with a code sent to a mailbox they had got into)
    could set up the authenticator and pass as that person for good. The link is
    sent to the account's own address through the outbox, works once, for
    ``ACCOUNTS_STAFF_ENROLMENT_MAX_AGE_HOURS``, and only for the account it names.
    Opening it lets that signed-in session set up an app (``used_at``); setting one
    up completes it (``completed_at``). A newer link revokes older ones.
    """

    class Status(models.TextChoices):
        ISSUED = "issued", "Issued"
        USED = "used", "Opened"
        COMPLETED = "completed", "Authenticator set up"
        REVOKED = "revoked", "Revoked"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="staff_enrolments")
    nonce = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ISSUED)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Enrolment link {self.pk} ({self.get_status_display().lower()})"
