# Possession claims (#16): the claim moves when a defendant responds (response or defence
# received); a caseworker decides a counterclaim's Help with Fees and issues or returns it,
# and decides general applications. Written by hand: only these models' changes.

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("civil_claims", "0016_directions_orders_and_counterclaim_hwf"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="possessionclaim",
            name="status",
            field=models.CharField(
                choices=[
                    ("awaiting_payment", "Waiting for the court fee"),
                    ("hwf_pending", "Help with Fees to decide"),
                    ("hwf_awaiting_claimant", "Waiting for the claimant after Help with Fees"),
                    ("issued", "Issued"),
                    ("closed_not_issued", "Closed without being issued"),
                    ("hearing_listed", "Hearing listed"),
                    ("hearing_adjourned", "Hearing adjourned"),
                    ("response_received", "Response received"),
                    ("defence_received", "Defence received"),
                    ("possession_ordered", "Outright possession order"),
                    ("order_suspended", "Suspended possession order"),
                    ("dismissed", "Claim dismissed"),
                    ("warrant_awaiting_payment", "Warrant asked for: waiting for the fee"),
                    ("warrant_hwf_pending", "Warrant: Help with Fees to decide"),
                    (
                        "warrant_hwf_awaiting_claimant",
                        "Warrant: waiting for the claimant after Help with Fees",
                    ),
                    ("warrant_requested", "Warrant asked for: to issue"),
                    ("warrant_issued", "Warrant issued"),
                ],
                default="awaiting_payment",
                max_length=30,
            ),
        ),
        migrations.AlterField(
            model_name="historicalpossessionclaim",
            name="status",
            field=models.CharField(
                choices=[
                    ("awaiting_payment", "Waiting for the court fee"),
                    ("hwf_pending", "Help with Fees to decide"),
                    ("hwf_awaiting_claimant", "Waiting for the claimant after Help with Fees"),
                    ("issued", "Issued"),
                    ("closed_not_issued", "Closed without being issued"),
                    ("hearing_listed", "Hearing listed"),
                    ("hearing_adjourned", "Hearing adjourned"),
                    ("response_received", "Response received"),
                    ("defence_received", "Defence received"),
                    ("possession_ordered", "Outright possession order"),
                    ("order_suspended", "Suspended possession order"),
                    ("dismissed", "Claim dismissed"),
                    ("warrant_awaiting_payment", "Warrant asked for: waiting for the fee"),
                    ("warrant_hwf_pending", "Warrant: Help with Fees to decide"),
                    (
                        "warrant_hwf_awaiting_claimant",
                        "Warrant: waiting for the claimant after Help with Fees",
                    ),
                    ("warrant_requested", "Warrant asked for: to issue"),
                    ("warrant_issued", "Warrant issued"),
                ],
                default="awaiting_payment",
                max_length=30,
            ),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="hwf_outcome",
            field=models.CharField(
                blank=True,
                choices=[
                    ("full", "Full remission"),
                    ("part", "Part remission"),
                    ("none", "No remission"),
                    ("more_info", "More information needed"),
                    ("invalid", "Invalid reference"),
                ],
                max_length=10,
                verbose_name="Help with Fees outcome",
            ),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="hwf_fee_remitted_pence",
            field=models.PositiveIntegerField(default=0, verbose_name="fee remitted"),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="hwf_amount_to_pay_pence",
            field=models.PositiveIntegerField(
                blank=True, null=True, verbose_name="still to pay after Help with Fees"
            ),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="hwf_note",
            field=models.TextField(blank=True, verbose_name="Help with Fees note to the defendant"),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="hwf_decided_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="hwf_decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="issued_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="issued_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="returned_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="returned_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="possessioncounterclaim",
            name="return_reason",
            field=models.TextField(
                blank=True,
                validators=[django.core.validators.MaxLengthValidator(2000)],
                verbose_name="why it was returned",
            ),
        ),
        migrations.AlterField(
            model_name="possessioncounterclaim",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending_issue", "Waiting for the fee"),
                    ("pending_review", "For a caseworker to review"),
                    ("issued", "Counterclaim issued"),
                    ("returned", "Returned to you"),
                ],
                default="pending_issue",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="possessionapplication",
            name="decision_reason",
            field=models.TextField(
                blank=True,
                validators=[django.core.validators.MaxLengthValidator(2000)],
                verbose_name="reasons for the decision",
            ),
        ),
        migrations.AddField(
            model_name="possessionapplication",
            name="decided_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="possessionapplication",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="possessionapplication",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending_issue", "Waiting for the fee"),
                    ("issued", "Received: for a caseworker"),
                    ("listed", "To be decided at a hearing"),
                    ("granted", "Granted"),
                    ("refused", "Refused"),
                ],
                default="pending_issue",
                max_length=20,
            ),
        ),
    ]
