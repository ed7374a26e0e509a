"""What citizen A owns in Make a lasting power of attorney, for the access matrix: the URL
arguments of each page that takes one (``matrix.declared_url_kwargs``)."""

from tests.quality.access.world import CITIZEN_A, World

from .factories import lpa_answered

KEY = "_lasting_power_lpa"


def _lpa(world: World):
    """Citizen A's LPA, every question answered, one attorney (made once per World)."""
    if KEY not in world.__dict__:
        world.__dict__[KEY] = lpa_answered(world.user(CITIZEN_A))
    return world.__dict__[KEY]


def _document(world: World) -> str:
    """A stored PDF of citizen A's LPA (made once per World)."""
    if f"{KEY}_document" not in world.__dict__:
        from digital_services.documents.constants import DocumentKind
        from digital_services.documents.services import document_store

        lpa = _lpa(world)
        world.__dict__[f"{KEY}_document"] = document_store(
            content=b"%PDF-1.4 access matrix",
            kind=DocumentKind.LPA_FORM,
            content_type="application/pdf",
            filename="LP1F-matrix-draft.pdf",
            owner=lpa.user,
            case=lpa,
        )
    return str(world.__dict__[f"{KEY}_document"].public_id)


def _attorney_lpa(world: World):
    """A registered LPA of another applicant's (its stamped copy made) that citizen A
    added as its attorney with the code from their letter (made once per World)."""
    if f"{KEY}_attorney" not in world.__dict__:
        from lasting_power import attorneys, registration

        from .registration_factories import lpa_registered

        lpa = lpa_registered()
        registration.lpa_registered_send(lpa_id=lpa.pk)
        code = attorneys.attorney_access_issue(lpa=lpa, person="attorney:1")
        assert attorneys.attorney_lpa_link(
            reference=lpa.reference_display, code=code, user=world.user(CITIZEN_A)
        )
        world.__dict__[f"{KEY}_attorney"] = lpa
    return world.__dict__[f"{KEY}_attorney"]


def _pk(world: World) -> dict:
    return {"pk": _lpa(world).pk}


URL_KWARGS = {
    **{
        name: _pk
        for name in (
            "lpa-tasks",
            "lpa-continue",
            "lpa-check",
            "lpa-fee",
            "lpa-pay",
            "lpa-done",
            "lpa-view",
            "lpa-reuse",
            "lpa-delete",
            "lpa-documents",
            "lpa-documents-make",
            "lpa-signing-dates",
        )
    },
    "lpa-step": lambda world: {**_pk(world), "step": "donor"},
    "lpa-item-add": lambda world: {**_pk(world), "step": "attorneys"},
    "lpa-item-change": lambda world: {**_pk(world), "step": "attorneys", "number": 1},
    "lpa-item-remove": lambda world: {**_pk(world), "step": "attorneys", "number": 1},
    "lpa-warning": lambda world: {**_pk(world), "step": "donor"},
    "attorney-lpa": lambda world: {"pk": _attorney_lpa(world).pk},
    "attorney-lpa-download": lambda world: {"pk": _attorney_lpa(world).pk},
    "lpa-document-download": lambda world: {
        **_pk(world),
        "document_id": _document(world),
    },
}
