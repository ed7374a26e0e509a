# Visit references grow from 8 characters to 9 (8 random and a check character, made by
# digital_services/core/references.py); the 8-character ones already sent stay as they are.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("prison_visits", "0003_history"),
    ]

    operations = [
        migrations.AlterField(
            model_name="visit",
            name="reference",
            field=models.CharField(editable=False, max_length=12, unique=True),
        ),
        migrations.AlterField(
            model_name="historicalvisit",
            name="reference",
            field=models.CharField(db_index=True, editable=False, max_length=12),
        ),
    ]
