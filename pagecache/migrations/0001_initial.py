"""The content version moves here from the core app, with its row.

The table already exists (core.0002 created it): this migration only tells Django's state that
the model now belongs to this app, still under its old table name; 0002 renames it.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('core', '0002_content_version'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ContentVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveBigIntegerField(default=0, verbose_name='number')),
                        ('token', models.CharField(blank=True, max_length=32, verbose_name='token')),
                        ('changed_at', models.DateTimeField(auto_now=True, verbose_name='changed at')),
                    ],
                    options={
                        'verbose_name': 'content version',
                        'verbose_name_plural': 'content versions',
                        'db_table': 'core_contentversion',
                    },
                ),
            ],
        ),
    ]
