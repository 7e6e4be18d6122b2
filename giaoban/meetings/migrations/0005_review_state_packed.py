"""The live review's counts stored as compressed bytes with a revision (models_review.py).

The states are derived data (every one is counted again from the assignments when missing), so
the old rows are deleted rather than converted: the next read of each briefing counts again.
"""

from django.db import migrations, models


def forget_states(apps, schema_editor):
    # TRUNCATE on PostgreSQL: a DELETE would leave the foreign keys' deferred checks pending,
    # and PostgreSQL refuses to alter a table with pending trigger events
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("TRUNCATE meetings_reviewstateunit, meetings_reviewstate")
    else:
        schema_editor.execute("DELETE FROM meetings_reviewstateunit")
        schema_editor.execute("DELETE FROM meetings_reviewstate")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_review_storage"),
    ]

    operations = [
        migrations.RunPython(forget_states, migrations.RunPython.noop, elidable=True),
        migrations.RemoveField(model_name="reviewstate", name="counts"),
        migrations.AddField(
            model_name="reviewstate",
            name="counts",
            field=models.BinaryField(default=b"", verbose_name="counts"),
        ),
        migrations.AddField(
            model_name="reviewstate",
            name="revision",
            field=models.PositiveIntegerField(default=0, verbose_name="revision"),
        ),
    ]
