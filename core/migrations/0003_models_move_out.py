"""The content version now belongs to `pagecache`, old slugs to `editing` (their 0001 took them).

State only: the tables and their rows stay; pagecache.0002 and editing.0002 give them the new
apps' names and move their content types along.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_content_version'),
        ('editing', '0001_initial'),
        ('pagecache', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='ContentVersion'),
                migrations.DeleteModel(name='SlugHistory'),
            ],
        ),
    ]
