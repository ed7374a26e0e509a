"""Seeds the fee schedule of the Employment Tribunals and EAT Fees Order 2013 (SI 2013/1893).

In force from 29 July 2013 until the Supreme Court's UNISON judgment on 26 July
2017. Amounts in pence; a frozen copy here, as data migrations must keep. Later
changes are made in the admin (or a new migration), never by editing this one.
"""

import datetime

from django.db import migrations

FROM = datetime.date(2013, 7, 29)
TO = datetime.date(2017, 7, 26)
SOURCE = "ET and EAT Fees Order 2013 (SI 2013/1893)"
BANDS = ("1", "2-10", "11-200", "201+")

# (jurisdiction, kind, claim type, band, pence)
ROWS = [
    *(("ET", "issue", "A", band, pence) for band, pence in zip(BANDS, (16000, 32000, 64000, 96000))),
    *(("ET", "issue", "B", band, pence) for band, pence in zip(BANDS, (25000, 50000, 100000, 150000))),
    *(("ET", "hearing", "A", band, pence) for band, pence in zip(BANDS, (23000, 46000, 92000, 138000))),
    *(("ET", "hearing", "B", band, pence) for band, pence in zip(BANDS, (95000, 190000, 380000, 570000))),
    ("ET", "reconsideration_default", "any", "any", 10000),
    ("ET", "reconsideration_final", "A", "any", 10000),
    ("ET", "reconsideration_final", "B", "any", 35000),
    ("ET", "dismissal_withdrawal", "any", "any", 6000),
    ("ET", "employer_contract_claim", "any", "any", 16000),
    ("ET", "judicial_mediation", "B", "any", 60000),
    ("EAT", "eat_lodge", "any", "any", 40000),
    ("EAT", "eat_hearing", "any", "any", 120000),
]


def schedule_seed(apps, schema_editor):
    FeeSchedule = apps.get_model("tribunal_fees", "FeeSchedule")
    db = schema_editor.connection.alias
    for jurisdiction, kind, claim_type, band, pence in ROWS:
        FeeSchedule.objects.using(db).get_or_create(
            jurisdiction=jurisdiction,
            kind=kind,
            claim_type=claim_type,
            claimant_band=band,
            effective_from=FROM,
            defaults={"amount_pence": pence, "effective_to": TO, "notes": SOURCE},
        )


def schedule_unseed(apps, schema_editor):
    FeeSchedule = apps.get_model("tribunal_fees", "FeeSchedule")
    FeeSchedule.objects.using(schema_editor.connection.alias).filter(
        effective_from=FROM, notes=SOURCE
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("tribunal_fees", "0001_initial")]

    operations = [migrations.RunPython(schedule_seed, schedule_unseed)]
