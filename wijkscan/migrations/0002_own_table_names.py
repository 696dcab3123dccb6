"""Rename the moved tables to this app's names and move their content types along.

Moving the content types (instead of letting Django create new ones) keeps the admin's history
and any permissions given on scan questions, answers and weights.
"""

from django.db import migrations

MODELS = ['scanquestion', 'scananswer', 'scanweight']


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    db = schema_editor.connection.alias
    for model in MODELS:
        if not ContentType.objects.using(db).filter(app_label='wijkscan', model=model).exists():
            ContentType.objects.using(db).filter(app_label='phases', model=model).update(
                app_label='wijkscan'
            )


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    db = schema_editor.connection.alias
    for model in MODELS:
        if not ContentType.objects.using(db).filter(app_label='phases', model=model).exists():
            ContentType.objects.using(db).filter(app_label='wijkscan', model=model).update(
                app_label='phases'
            )


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('phases', '0002_wijkscan_moves_out'),
        ('wijkscan', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='scanquestion', table=None),
        migrations.AlterModelTable(name='scananswer', table=None),
        migrations.AlterModelTable(name='scanweight', table=None),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
