"""Seeds the money-claim issue fee bands of the Civil Proceedings Fees Order 2008 (SI
2008/1053), Schedule 1 fee 1.1, as read in the 27 November 2023 view of the Order.

One rate for online and paper claims. Edges in whole pence, both inclusive: £300.00
is in the first band and £300.01 in the second. Over £200,000 (and an amount not
given) the fee is £10,000. A frozen copy, as data migrations must keep: later fee
changes are new rows with a later valid_from (in the admin or a new migration).
"""

import datetime

from django.db import migrations

FROM = datetime.date(2023, 11, 27)
SOURCE = "Civil Proceedings Fees Order 2008, Sch. 1 fee 1.1 (27 Nov 2023 view)"

# (lower pence, upper pence or None, fixed fee pence or None, basis points or None, code)
BANDS = [
    (1, 30000, 3500, None, "FEE0202"),
    (30001, 50000, 5000, None, ""),
    (50001, 100000, 7000, None, ""),
    (100001, 150000, 8000, None, ""),
    (150001, 300000, 11500, None, ""),
    (300001, 500000, 20500, None, ""),
    (500001, 1000000, 45500, None, "FEE0208"),
    (1000001, 20000000, None, 500, "FEE0209"),
    (20000001, None, 1000000, None, "FEE0210"),
]


def bands_seed(apps, schema_editor):
    IssueFeeBand = apps.get_model("civil_claims", "IssueFeeBand")
    db = schema_editor.connection.alias
    for lower, upper, fee, basis_points, code in BANDS:
        IssueFeeBand.objects.using(db).get_or_create(
            valid_from=FROM,
            lower_pence=lower,
            defaults={
                "upper_pence": upper,
                "fee_pence": fee,
                "percent_basis_points": basis_points,
                "code": code,
                "notes": SOURCE,
            },
        )


def bands_unseed(apps, schema_editor):
    IssueFeeBand = apps.get_model("civil_claims", "IssueFeeBand")
    IssueFeeBand.objects.using(schema_editor.connection.alias).filter(
        valid_from=FROM, notes=SOURCE
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("civil_claims", "0001_issue_fee_bands")]

    operations = [migrations.RunPython(bands_seed, bands_unseed)]
