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
    "lpa-document-download": lambda world: {
        **_pk(world),
        "document_id": _document(world),
    },
}
