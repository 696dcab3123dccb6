"""Rename the moved table to this app's name and move its content type along.

Moving the content type (instead of letting Django create a new one) keeps the admin's history
and any permission given on the model.
"""

from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label='pagecache', model='contentversion').exists():
        ContentType.objects.using(db).filter(app_label='core', model='contentversion').update(app_label='pagecache')


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label='core', model='contentversion').exists():
        ContentType.objects.using(db).filter(app_label='pagecache', model='contentversion').update(app_label='core')


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0003_models_move_out'),
        ('pagecache', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='contentversion', table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
