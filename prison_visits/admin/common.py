"""What the prison staff admin pages share: prison scoping and CSV-safe cells."""

from __future__ import annotations

from django.contrib import admin

from digital_services.core.spreadsheets import CSV_FORMULA_PREFIXES, csv_safe  # noqa: F401 (re-exported)

from .. import selectors

_csv_safe = csv_safe


class ScopedPrisonFilter(admin.SimpleListFilter):
    """Filter by prison, listing only the prisons the user works for."""

    title = "prison"
    parameter_name = "prison"

    def lookups(self, request, model_admin):
        # Two columns, no model instances: an administrator's filter lists a hundred prisons.
        prisons = selectors.prisons_for_user(user=request.user).values_list("pk", "name")
        return [(str(pk), name) for pk, name in prisons]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(prison_id=self.value())
        return queryset


class PrisonScopedAdminMixin:
    """Rows and foreign-key choices narrowed to the user's prisons (via ``prison_lookup``)."""

    prison_lookup = "prison"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if selectors.user_sees_all_prisons(user=request.user):
            return queryset
        prisons = selectors.prisons_for_user(user=request.user)
        return queryset.filter(**{f"{self.prison_lookup}__in": prisons})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "prison":
            kwargs["queryset"] = selectors.prisons_for_user(user=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
