from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from digital_services.core.admin_lists import LargeListAdminMixin
from digital_services.core.admin_permissions import PermissionsPickerMixin

from . import admin_axes  # noqa: F401 - the sign-in logs' admins, lighter than axes' own
from .models import User
from .services import (
    staff_enrolment_issue,
    staff_second_factor_reset,
    user_access_audit,
    user_access_snapshot,
)

#: Only superusers see or change these: either one can give every permission at once.
SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")
#: Nobody but a superuser changes these on their own account.
OWN_ACCESS_FIELDS = ("is_active", "is_staff", "groups")


class UserCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ["email"]


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(LargeListAdminMixin, PermissionsPickerMixin, DjangoUserAdmin):
    """Users are keyed by email; roles are the groups.

    Someone who is not a superuser (an administrator) cannot see or change
    ``is_superuser`` or individual permissions, cannot change their own roles or
    staff flags, may add or remove only roles they hold themselves, and cannot
    change a superuser's account at all. Every change of a role or access flag
    is audited (``accounts.user_access_changed``).
    """

    add_form = UserCreationForm
    form = UserEditForm
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "full_name"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["full_name"]}),
        (
            _("Roles and access"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    filter_horizontal = ["groups", "user_permissions"]
    actions = ["send_enrolment_link", "reset_second_factor"]

    def _staff_to_act_on(self, request, queryset):
        """Staff in the selection this user may change (never a superuser, unless one)."""
        return [u for u in queryset if u.is_staff and self.has_change_permission(request, u)]

    @admin.action(
        description=_("Send a link to set up an authenticator app"), permissions=["change"]
    )
    def send_enrolment_link(self, request, queryset):
        sent = 0
        for user in self._staff_to_act_on(request, queryset):
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                staff_enrolment_issue(user=user, actor=request.user, request=request)
                sent += 1
        self.message_user(
            request,
            f"Links sent: {sent}. Staff who already have an authenticator app were left out: "
            "reset their second factor instead.",
            messages.SUCCESS if sent else messages.WARNING,
        )

    @admin.action(
        description=_("Reset second factor (and send a new set-up link)"), permissions=["change"]
    )
    def reset_second_factor(self, request, queryset):
        done = 0
        for user in self._staff_to_act_on(request, queryset):
            if user.pk == request.user.pk:
                continue  # someone else must do it: resetting your own is a way round it
            staff_second_factor_reset(user=user, actor=request.user, request=request)
            done += 1
        self.message_user(
            request,
            f"Second factors reset: {done}. Each was sent a link to set up a new app.",
            messages.SUCCESS if done else messages.WARNING,
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f not in SUPERUSER_ONLY_FIELDS],
                },
            )
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser and obj is not None and obj.pk == request.user.pk:
            fields += [f for f in OWN_ACCESS_FIELDS if f not in fields]
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = self._grantable_groups(request)
            kwargs.setdefault(
                "help_text",
                _("You can give or take away only roles that you hold yourself."),
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @staticmethod
    def _grantable_groups(request):
        return Group.objects.filter(user=request.user)

    def save_model(self, request, obj, form, change):
        previous = User.objects.filter(pk=obj.pk).first() if obj.pk else None
        request._access_before = user_access_snapshot(user=previous or User())
        if not request.user.is_superuser and previous is not None:
            # Belt and braces: the fields are hidden or read-only, so a forged post changes nothing.
            obj.is_superuser = previous.is_superuser
            if previous.pk == request.user.pk:
                for field in ("is_active", "is_staff"):
                    setattr(obj, field, getattr(previous, field))
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        kept_groups = []
        if not request.user.is_superuser and "groups" in form.cleaned_data:
            # Roles the administrator does not hold are not in the form: keep them as they were.
            grantable = set(self._grantable_groups(request).values_list("pk", flat=True))
            kept_groups = list(obj.groups.exclude(pk__in=grantable))
        super().save_related(request, form, formsets, change)
        if kept_groups:
            obj.groups.add(*kept_groups)
        before = getattr(request, "_access_before", user_access_snapshot(user=User()))
        after = user_access_snapshot(user=obj)
        user_access_audit(user=obj, actor=request.user, before=before, after=after, request=request)
        if (
            after["is_staff"]
            and not before["is_staff"]
            and not Authenticator.objects.filter(user=obj, type=Authenticator.Type.TOTP).exists()
        ):
            # New staff: their own one-time link to set up an authenticator app.
            staff_enrolment_issue(user=obj, actor=request.user, request=request)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(PermissionsPickerMixin, DjangoGroupAdmin):
    """Django's roles page, with the permissions picker drawn in one pass."""
