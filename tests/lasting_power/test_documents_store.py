"""Making an LPA's documents into the platform document store, by the Celery task, with
ids only; what a draft and a completed LPA get; replacing an older set."""

import io
from unittest import mock

import pytest
from pypdf import PdfReader

from digital_services.documents.constants import DocumentKind
from digital_services.documents.selectors import document_list_about
from digital_services.documents.services import document_read
from lasting_power import services
from lasting_power.documents import (
    DocumentsNotAvailable,
    lpa_documents_current,
    lpa_documents_generate,
    lpa_documents_request,
    lpa_documents_requested,
)
from lasting_power.tasks import lpa_documents_generate_task

from .factories import lpa_answered

pytestmark = pytest.mark.django_db


def pdf_text(document) -> str:
    reader = PdfReader(io.BytesIO(document_read(document=document)))
    return "\n".join(page.extract_text() for page in reader.pages)


def complete(lpa, *, reduction: dict | None = None):
    services.lpa_fee_decide(lpa=lpa, cleaned_data=reduction or {"wanted": "no"})
    lpa.refresh_from_db()
    return services.lpa_complete(lpa=lpa, method="cheque", actor=lpa.user)


def test_a_created_lpa_gets_a_draft_lp1_owned_by_its_account_and_filed_under_it():
    lpa = lpa_answered(attorneys=2, notify=1)
    [document] = lpa_documents_generate(lpa_id=lpa.pk)
    assert document.owner == lpa.user
    assert document.kind == DocumentKind.LPA_FORM
    assert document.case == lpa
    assert document.filename.startswith("LP1F-") and document.filename.endswith("-draft.pdf")
    text = pdf_text(document)
    assert "DRAFT" in text
    assert "Dorothy" in text and "Attya" in text and "Attyb" in text and "Cyril" in text
    assert lpa.reference_display in text


def test_a_completed_lpa_gets_the_final_lp1_an_lp3_each_and_the_lpa120():
    lpa = complete(
        lpa_answered(lpa_type="health-and-welfare", notify=2),
        reduction={
            "wanted": "yes",
            "benefits": ["housing-benefit"],
            "damages_over_limit": False,
            "income_under_limit": False,
        },
    )
    documents = lpa_documents_generate(lpa_id=lpa.pk)
    assert [d.filename.split("-")[0] for d in documents] == ["LP1H", "LP3", "LP3", "LPA120"]
    lp1 = pdf_text(documents[0])
    assert "DRAFT" not in lp1
    assert "Notia" in pdf_text(documents[1]) and "Notib" in pdf_text(documents[2])
    assert "Housing Benefit" in pdf_text(documents[3])


def test_a_completed_lpa_without_people_to_notify_or_reduction_gets_the_lp1_only():
    lpa = complete(lpa_answered())
    assert [d.filename.split("-")[0] for d in lpa_documents_generate(lpa_id=lpa.pk)] == ["LP1F"]


def test_making_them_again_replaces_the_older_set():
    lpa = lpa_answered()
    first = lpa_documents_generate(lpa_id=lpa.pk)
    second = lpa_documents_generate(lpa_id=lpa.pk)
    stored = list(document_list_about(case=lpa))
    assert [d.pk for d in stored] == [d.pk for d in second]
    assert not set(d.pk for d in first) & set(d.pk for d in stored)


def test_a_set_is_current_until_the_lpa_changes():
    lpa = lpa_answered()
    lpa_documents_generate(lpa_id=lpa.pk)
    lpa.refresh_from_db()
    assert len(lpa_documents_current(lpa=lpa)) == 1
    services.lpa_answer_save(
        lpa=lpa, step="instructions", cleaned_data={"preferences": "Tea", "instructions": ""}
    )
    lpa.refresh_from_db()
    assert lpa_documents_current(lpa=lpa) == []


def test_an_lpa_not_created_yet_has_nothing_to_print():
    lpa = lpa_answered(stop_before="instructions")
    with pytest.raises(DocumentsNotAvailable):
        lpa_documents_generate(lpa_id=lpa.pk)
    with pytest.raises(DocumentsNotAvailable):
        lpa_documents_request(lpa=lpa)
    assert lpa_documents_generate_task.run(lpa.pk) == 0


def test_the_task_returns_quietly_for_an_lpa_that_is_gone():
    assert lpa_documents_generate_task.run(987654321) == 0


def test_the_task_makes_the_documents_and_says_how_many():
    lpa = complete(lpa_answered(notify=1))
    assert lpa_documents_generate_task.run(lpa.pk) == 2


def test_asking_enqueues_the_task_with_the_id_only_after_the_commit(
    django_capture_on_commit_callbacks,
):
    lpa = lpa_answered()
    with mock.patch.object(lpa_documents_generate_task, "delay") as delay:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            lpa_documents_request(lpa=lpa)
        delay.assert_not_called()
        assert lpa_documents_requested(lpa=lpa)
        for callback in callbacks:
            callback()
    delay.assert_called_once_with(lpa.pk)


def test_the_request_mark_is_cleared_when_the_documents_are_made():
    lpa = lpa_answered()
    with mock.patch.object(lpa_documents_generate_task, "delay"):
        lpa_documents_request(lpa=lpa)
    lpa_documents_generate(lpa_id=lpa.pk)
    assert not lpa_documents_requested(lpa=lpa)
