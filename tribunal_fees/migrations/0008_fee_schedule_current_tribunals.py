"""Seeds the fees of the tribunals that charge them today, beside the 2013–2017 employment fees.

Each row cites its statutory instrument and the day it came into force; amounts in pence.
A frozen copy, as data migrations must keep: later changes are made in the admin (or a
new migration), never by editing this one. Figures that could not be confirmed from the
instrument itself are left out (docs/fees.md says which, and why).

First-tier Tribunal (Immigration and Asylum Chamber): the First-tier Tribunal (Immigration
and Asylum Chamber) Fees Order 2011 (SI 2011/2841), article 3, in force 19 December 2011:
£80 for an appeal decided without a hearing, £140 at a hearing. The increase to £490 and
£800 by SI 2016/928 (in force 10 October 2016) was suspended on 25 November 2016 and the
difference refunded; the instrument restoring the 2011 amounts could not be confirmed, so
the 2016 figures are not seeded and the 2011 rows stay open (GOV.UK guidance T495 gives
£80 and £140 today).

First-tier Tribunal (Property Chamber), residential property and leasehold cases
(England): Schedule 1 to the First-tier Tribunal (Property Chamber) Fees Order 2013
(SI 2013/1179) as substituted by SI 2016/807, article 5(7) and Schedule, in force 25 July
2016: fee 1.1, £100 on filing an application or appeal. SI 2025/351 amended that Order's
fees from 8 April 2025 with figures we could not confirm, so the row ends on 7 April 2025.
The hearing fee (fee 2) is not seeded: its amount could not be confirmed from the
instrument's text.
"""

import datetime

from django.db import migrations

IAC_2011 = "SI 2011/2841 art. 3, in force 19 December 2011"
PC_2016 = "SI 2013/1179 Sch. 1 fee 1.1 (substituted by SI 2016/807), in force 25 July 2016"

# (jurisdiction, kind, pence, from, to, source)
ROWS = [
    ("IAC", "iac_papers", 8000, datetime.date(2011, 12, 19), None, IAC_2011),
    ("IAC", "iac_hearing", 14000, datetime.date(2011, 12, 19), None, IAC_2011),
    (
        "PC",
        "pc_application",
        10000,
        datetime.date(2016, 7, 25),
        datetime.date(2025, 4, 7),
        PC_2016,
    ),
]


def schedule_seed(apps, schema_editor):
    FeeSchedule = apps.get_model("tribunal_fees", "FeeSchedule")
    db = schema_editor.connection.alias
    for jurisdiction, kind, pence, first, last, source in ROWS:
        FeeSchedule.objects.using(db).get_or_create(
            jurisdiction=jurisdiction,
            kind=kind,
            claim_type="any",
            claimant_band="any",
            effective_from=first,
            defaults={"amount_pence": pence, "effective_to": last, "notes": source},
        )


def schedule_unseed(apps, schema_editor):
    FeeSchedule = apps.get_model("tribunal_fees", "FeeSchedule")
    FeeSchedule.objects.using(schema_editor.connection.alias).filter(
        notes__in=[IAC_2011, PC_2016]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("tribunal_fees", "0007_tribunals_and_untyped_fees")]

    operations = [migrations.RunPython(schedule_seed, schedule_unseed)]
