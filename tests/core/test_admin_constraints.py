"""Issue #12 point 9: a model constraint staff can break in the admin says what is wrong in
plain English, on the field, never `Constraint "pv_weekly_slot_ends_after" is violated.`"""

from datetime import date, time

import pytest
from django.contrib import admin
from django.db.models import CheckConstraint, UniqueConstraint
from django.test import RequestFactory

from digital_services.core.admin_forms import ConstraintErrorsOnFieldsForm, constraint_fields
from tests.accounts.factories import StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_request(db):
    request = RequestFactory().get("/admin/")
    request.user = StaffUserFactory(is_superuser=True)
    return request


def admin_editable_forms(request):
    """(model, form class) for every admin page and inline where ``request.user`` can add or
    change rows."""
    found = []
    for model, model_admin in admin.site._registry.items():
        if model_admin.has_add_permission(request) or model_admin.has_change_permission(request):
            found.append((model, model_admin.get_form(request)))
        for inline in model_admin.get_inline_instances(request):
            if inline.has_add_permission(request, None) or inline.has_change_permission(request):
                found.append((inline.model, inline.get_formset(request).form))
    return found


def staff_requests():
    """A request by a holder of each staff role (what staff can reach, not a superuser)."""
    from django.contrib.auth.models import Group

    from digital_services.accounts.constants import staff_roles

    for role in staff_roles():
        user = StaffUserFactory()
        user.groups.add(Group.objects.get_or_create(name=role)[0])
        request = RequestFactory().get("/admin/")
        request.user = user
        yield request


def test_every_constraint_staff_can_break_has_a_plain_english_message_on_a_field(db):
    checked = set()
    editable = [found for request in staff_requests() for found in admin_editable_forms(request)]
    for model, form_class in editable:
        for constraint in model._meta.constraints:
            if not isinstance(constraint, CheckConstraint | UniqueConstraint):
                continue
            where = f"{model._meta.label}.{constraint.name}"
            message = str(constraint.violation_error_message)
            assert message != str(constraint.default_violation_error_message), where
            assert constraint.name not in message and "%(" not in message, where
            assert message[0].isupper() and not message.endswith("."), where
            assert issubclass(form_class, ConstraintErrorsOnFieldsForm), where
            form = form_class()
            assert any(
                name in form.fields and not form.fields[name].widget.is_hidden
                for name in constraint_fields(constraint)
            ), f"{where}: none of its fields is on the admin form"
            checked.add(constraint.name)
    assert {
        "pv_weekly_slot_ends_after",
        "pv_weekly_slot_unique",
        "pv_staff_assignment_unique",
        "tribunal_fees_schedule_period_forwards",
    } <= checked


def test_a_weekly_slot_ending_before_it_starts_is_an_error_on_its_end_time(superuser_request):
    from prison_visits.admin import PrisonAdmin, WeeklySlotInline
    from prison_visits.models import Prison, WeeklySlot
    from tests.prison_visits.factories import PrisonFactory

    prison = PrisonFactory()
    slot = WeeklySlot.objects.filter(prison=prison).first() or WeeklySlot.objects.create(
        prison=prison, weekday=1, start_time=time(14), end_time=time(16)
    )
    inline = WeeklySlotInline(Prison, admin.site)
    assert PrisonAdmin.inlines and WeeklySlotInline in PrisonAdmin.inlines
    formset_class = inline.get_formset(superuser_request, prison)
    prefix = formset_class.get_default_prefix()
    count = WeeklySlot.objects.filter(prison=prison).count()
    data = {
        f"{prefix}-TOTAL_FORMS": str(count),
        f"{prefix}-INITIAL_FORMS": str(count),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(WeeklySlot.objects.filter(prison=prison)):
        late = row.pk == slot.pk
        data.update(
            {
                f"{prefix}-{index}-id": str(row.pk),
                f"{prefix}-{index}-prison": str(prison.pk),
                f"{prefix}-{index}-weekday": str(row.weekday),
                f"{prefix}-{index}-start_time": "16:00"
                if late
                else row.start_time.strftime("%H:%M"),
                f"{prefix}-{index}-end_time": "14:00" if late else row.end_time.strftime("%H:%M"),
                f"{prefix}-{index}-capacity": str(row.capacity),
            }
        )
    formset = formset_class(data, instance=prison, prefix=prefix)

    assert not formset.is_valid()
    form = next(f for f in formset.forms if f.instance.pk == slot.pk)
    assert form.errors["end_time"] == ["The end time must be after the start time"]
    assert not form.non_field_errors()
    assert "is violated" not in str(formset.errors)


def test_a_fee_that_stops_before_it_starts_is_an_error_on_its_end_date(superuser_request):
    from tribunal_fees.models import FeeSchedule

    model_admin = admin.site._registry[FeeSchedule]
    existing = FeeSchedule.objects.first()
    assert existing is not None, "the fee schedule migration seeds the table"
    form_class = model_admin.get_form(superuser_request, existing)
    data = {
        name: value
        for name, value in form_class(instance=existing).initial.items()
        if name in form_class.base_fields
    }
    data.update({"effective_from": date(2030, 5, 1), "effective_to": date(2030, 4, 1)})

    form = form_class(data, instance=existing)

    assert not form.is_valid()
    assert "The end date must be the same as or after the start date" in form.errors.get(
        "effective_to", []
    )
    assert "is violated" not in str(form.errors)
