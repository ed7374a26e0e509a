from datetime import UTC, datetime

import pytest

from digital_services.core import registry
from digital_services.core.registry import CaseSummary, Service


@pytest.fixture
def example_service(monkeypatch):
    monkeypatch.setattr(registry, "_services", dict(registry._services))
    cases = [
        CaseSummary("A", "old", "Sent", "/a", datetime(2026, 1, 1, tzinfo=UTC)),
        CaseSummary("B", "undated", "Sent", "/b", None),
        CaseSummary("C", "new", "Sent", "/c", datetime(2026, 6, 1, tzinfo=UTC)),
        CaseSummary("", "draft", "Draft", "/d", datetime(2025, 1, 1, tzinfo=UTC), is_draft=True),
    ]
    return registry.service_register(
        Service(
            slug="example",
            name="Example",
            description="",
            start_url_name="core:start",
            list_cases=lambda user: cases,
        )
    )


def test_your_applications_lists_drafts_first_then_the_newest(example_service):
    groups = dict(registry.cases_for_user(user=None))
    titles = [case.title for case in groups[example_service]]
    assert titles == ["draft", "new", "old", "undated"]


@pytest.mark.django_db
def test_role_sync_creates_a_missing_role_with_its_declared_permissions():
    from django.contrib.auth.models import Group

    from digital_services.accounts.constants import ADMINISTRATOR, CASEWORKER_ROLES

    role = CASEWORKER_ROLES["prison_visits"]
    Group.objects.filter(name=role).delete()

    registry.service_roles_sync(using="default", administrator=ADMINISTRATOR)

    held = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=role).permissions.all()
    }
    declared = registry.service_for_app("prison_visits").roles[0].permissions
    assert held == set(declared)


@pytest.mark.django_db
def test_role_sync_refuses_a_permission_no_model_defines(monkeypatch):
    from django.contrib.auth.models import Permission

    monkeypatch.setattr(registry, "_services", dict(registry._services))
    registry.service_register(
        Service(
            slug="broken",
            name="Broken",
            description="",
            start_url_name="core:start",
            roles=(registry.Role("broken caseworker", permissions=("prison_visits.fly_visit",)),),
        )
    )

    with pytest.raises(Permission.DoesNotExist):
        registry.service_roles_sync(using="default", administrator="administrator")


def test_each_service_with_a_url_prefix_is_mounted_in_the_root_urlconf():
    mounted = [s for s in registry.services_list() if s.url_prefix]

    assert len(mounted) >= 4
    for service in mounted:
        assert service.start_url == f"/{service.url_prefix}"
