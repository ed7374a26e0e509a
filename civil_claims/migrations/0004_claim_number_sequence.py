"""The claim-number sequence: citizen claim numbers NNNMCNNN come from it.

PostgreSQL gets a real sequence (``nextval`` never hands the same number out twice,
even to concurrent transactions, and never goes back on a rollback). Other databases
(SQLite for ``make run``) use the one-row ``ClaimNumberCounter`` table instead, which
is seeded here.
"""

from django.db import migrations

SEQUENCE = "civil_claims_claim_number_seq"


def sequence_create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE} START 1 MAXVALUE 999999")
        return
    counter = apps.get_model("civil_claims", "ClaimNumberCounter")
    counter.objects.using(schema_editor.connection.alias).get_or_create(pk=1)


def sequence_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP SEQUENCE IF EXISTS {SEQUENCE}")


class Migration(migrations.Migration):
    dependencies = [("civil_claims", "0003_claims_parties_and_responses")]

    operations = [migrations.RunPython(sequence_create, sequence_drop)]
