"""core.queries.related_rows and prefetch_compiled: a case's one-to-many relations read with
their SQL built once per process, giving what Django's related manager gives.

Also the case pages' documents and messages (``documents_about``, ``messages_sent_table``),
read the same way."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext

from civil_claims.models import CaseNote, Claim
from digital_services.core import queries
from digital_services.core.admin_lists import messages_sent_table
from digital_services.core.queries import Related, prefetch_compiled, related_rows
from digital_services.documents.models import Document, DocumentKind
from digital_services.documents.selectors import document_list_about, documents_about
from digital_services.notifications.models import OutboundMessage
from tests.accounts.factories import UserFactory
from tests.civil_claims.factories import claim_issued
from tests.core.test_compiled_query import snapshot

pytestmark = pytest.mark.django_db


def _fresh(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


def _rows_of(instance, rows) -> list[dict]:
    """Each row's snapshot, its claim checked to be ``instance`` and then left out (the
    instance holds the rows kept, so its own snapshot would differ)."""
    assert all(row.claim is instance for row in rows)
    return [
        {**snapshot(row), "related": {**snapshot(row)["related"], "claim": None}} for row in rows
    ]


def _notes(claim, *texts, by=None):
    return [CaseNote.objects.create(claim=claim, text=text, created_by=by) for text in texts]


def test_it_gives_the_rows_the_related_manager_gives_in_its_order():
    claim = claim_issued()
    _notes(claim, "first", "second", "third")
    _notes(claim_issued(), "someone else's")

    django_instance, instance = _fresh(claim), _fresh(claim)
    expected = list(django_instance.notes.all())
    rows = related_rows(instance, "notes")

    assert len(expected) == 3
    assert _rows_of(instance, rows) == _rows_of(django_instance, expected)
    assert [n.text for n in rows] == ["third", "second", "first"]  # the model's ordering
    parties = related_rows(instance, "parties")
    assert _rows_of(instance, parties) == _rows_of(django_instance, django_instance.parties.all())
    assert len(parties) == 2


def test_the_sql_is_the_related_managers():
    claim = claim_issued()
    sql, params = _fresh(claim).notes.select_related("created_by").all().query.sql_with_params()
    with CaptureQueriesContext(connection) as ran:
        related_rows(_fresh(claim), Related("notes", "created_by"))
    compiled = queries._RELATIONS[(Claim, "notes", ("created_by",), ())][0]._compiled
    assert compiled.sql == sql
    assert params == (claim.pk,) and len(compiled.params) == 1  # the claim's id, its one slot
    assert sum("civil_claims_casenote" in q["sql"] for q in ran.captured_queries) == 1


def test_the_rows_point_at_the_instance_and_their_joins_need_no_query(
    django_assert_num_queries,
):
    author = UserFactory()
    claim = claim_issued()
    _notes(claim, "a", "b", by=author)
    instance = _fresh(claim)

    with django_assert_num_queries(1):
        rows = related_rows(instance, Related("notes", "created_by"))
        assert all(n.claim is instance for n in rows)
        assert {n.created_by.pk for n in rows} == {author.pk}


def test_the_relation_is_kept_as_prefetch_related_keeps_it(django_assert_num_queries):
    claim = claim_issued()
    _notes(claim, "a", "b")
    instance = _fresh(claim)
    rows = related_rows(instance, "notes")

    with django_assert_num_queries(0):
        assert list(instance.notes.all()) == rows
        assert related_rows(instance, "notes") == rows
    # Chained, the kept queryset still asks the database for this claim's rows only.
    assert list(instance.notes.filter(text="a")) == [n for n in rows if n.text == "a"]


def test_a_relation_already_prefetched_is_not_read_again(django_assert_num_queries):
    claim = claim_issued()
    _notes(claim, "a")
    instance = Claim.objects.prefetch_related("notes").get(pk=claim.pk)
    with django_assert_num_queries(0):
        assert [n.text for n in related_rows(instance, "notes")] == ["a"]


def test_each_instance_gets_its_own_rows_afresh():
    one, other = claim_issued(), claim_issued()
    _notes(one, "one's")
    assert [n.text for n in related_rows(_fresh(one), "notes")] == ["one's"]
    assert related_rows(_fresh(other), "notes") == []
    _notes(other, "new")
    assert [n.text for n in related_rows(_fresh(other), "notes")] == ["new"]


def test_the_sql_is_built_once_per_process(monkeypatch):
    claims = [claim_issued() for _ in range(3)]
    related_rows(_fresh(claims[0]), "amount_rows")  # built (perhaps by an earlier test)
    built = []
    as_sql = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda self, *a, **k: built.append(1) or as_sql(self, *a, **k)
    )
    for claim in claims:
        related_rows(_fresh(claim), "amount_rows")
    # Only the claims' own reads (``_fresh``) were compiled, not the relation's.
    assert len(built) == len(claims)


def test_prefetch_compiled_keeps_every_relation_it_is_given(django_assert_num_queries):
    claim = claim_issued()
    _notes(claim, "a")
    instance = _fresh(claim)
    with django_assert_num_queries(2):
        prefetch_compiled(instance, "notes", Related("parties"))
    with django_assert_num_queries(0):
        assert len(instance.parties.all()) == 2
        assert [n.text for n in instance.notes.all()] == ["a"]


def test_what_is_not_a_one_to_many_relation_is_refused():
    claim = _fresh(claim_issued())
    with pytest.raises(ImproperlyConfigured):
        related_rows(claim, "reference")
    with pytest.raises(ImproperlyConfigured):
        related_rows(claim, "no_such_relation")
    assert not any(key[1] in ("reference", "no_such_relation") for key in queries._RELATIONS)


def _document(case, filename):
    # A row only: these reads never open the file.
    return Document.objects.create(
        content_type=ContentType.objects.get_for_model(case),
        object_id=str(case.pk),
        filename=filename,
        kind=DocumentKind.LETTER,
        media_type="application/pdf",
        size=1,
        sha256="0" * 64,
        storage_name=f"letter/{case.pk}-{filename}",
    )


def test_documents_about_gives_what_document_list_about_gives():
    claim, other = claim_issued(), claim_issued()
    for name in ("b.pdf", "a.pdf", "c.pdf"):
        _document(claim, name)
    _document(other, "other.pdf")

    assert documents_about(case=claim) == list(document_list_about(case=claim))
    assert [d.filename for d in documents_about(case=claim, order_by=("filename",))] == [
        "a.pdf",
        "b.pdf",
        "c.pdf",
    ]
    assert [d.filename for d in documents_about(case=other)] == ["other.pdf"]


def test_messages_sent_lists_the_cases_own_messages_oldest_first():
    claim, other = claim_issued(), claim_issued()
    kind = ContentType.objects.get_for_model(Claim)
    OutboundMessage.objects.filter(content_type=kind).delete()
    for key in ("money_claims.first", "money_claims.second"):
        OutboundMessage.objects.create(
            service="money_claims",
            template_key=key,
            channel="email",
            content_type=kind,
            object_id=str(claim.pk),
        )
    OutboundMessage.objects.create(
        service="money_claims",
        template_key="money_claims.theirs",
        channel="email",
        content_type=kind,
        object_id=str(other.pk),
    )
    table = messages_sent_table(claim)
    assert table.index("first") < table.index("second")
    assert "theirs" not in table
    assert "theirs" in messages_sent_table(other)


def test_rows_in_another_order_are_neither_kept_nor_taken_from_what_is_kept(
    django_assert_num_queries,
):
    claim = claim_issued()
    _notes(claim, "b", "a", "c")
    instance = _fresh(claim)
    by_text = Related("notes", order_by=("text",))
    assert [n.text for n in related_rows(instance, by_text)] == ["a", "b", "c"]
    assert "notes" not in instance._prefetched_objects_cache
    related_rows(instance, "notes")
    with django_assert_num_queries(1):
        assert [n.text for n in related_rows(instance, by_text)] == ["a", "b", "c"]
    assert [n.text for n in instance.notes.all()] == ["c", "a", "b"]  # the model's order


def test_an_unsaved_instance_is_refused_without_its_text_in_the_message():
    claim = Claim(reference="MCTEST0001")
    with pytest.raises(ValueError, match="A Claim needs its id to read its notes") as refused:
        related_rows(claim, "notes")
    assert str(claim) not in str(refused.value)
