"""Old slugs move here from the core app, with their rows.

The table already exists (core.0001 created it): this migration only tells Django's state that
the model now belongs to this app, still under its old table name; 0002 renames it.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0002_content_version'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='SlugHistory',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField(verbose_name='object id')),
                        ('old_slug', models.SlugField(max_length=100, verbose_name='old slug')),
                        ('changed_at', models.DateTimeField(auto_now_add=True, verbose_name='changed at')),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype', verbose_name='content type')),
                    ],
                    options={
                        'verbose_name': 'old slug',
                        'verbose_name_plural': 'old slugs',
                        'ordering': ['-changed_at', '-id'],
                        'indexes': [models.Index(fields=['content_type', 'old_slug'], name='slug_history_lookup')],
                        'db_table': 'core_slughistory',
                    },
                ),
            ],
        ),
    ]
