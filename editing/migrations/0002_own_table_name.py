"""Rename the moved table to this app's name and move its content type along.

Moving the content type (instead of letting Django create a new one) keeps the admin's history
and any permission given on the model.
"""

from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label='editing', model='slughistory').exists():
        ContentType.objects.using(db).filter(app_label='core', model='slughistory').update(app_label='editing')


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label='core', model='slughistory').exists():
        ContentType.objects.using(db).filter(app_label='editing', model='slughistory').update(app_label='core')


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0003_models_move_out'),
        ('editing', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='slughistory', table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
