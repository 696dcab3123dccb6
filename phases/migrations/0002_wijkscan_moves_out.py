"""The wijkscan's models now belong to the wijkscan app (wijkscan.0001 took them over).

State only: the tables and their rows stay; wijkscan.0002 gives them the new app's names.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('phases', '0001_initial'),
        ('wijkscan', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='ScanWeight'),
                migrations.DeleteModel(name='ScanAnswer'),
                migrations.DeleteModel(name='ScanQuestion'),
            ],
        ),
    ]
