from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Redacteur"
CONTENT_APPS = ["phases", "activities", "examples", "library", "wijkscan"]


def create_editor_group(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the group gets them.
    for app_config in apps.get_app_configs():
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("phases", "0002_wijkscan_moves_out"),
        ("activities", "0003_drafts"),
        ("examples", "0002_drafts"),
        ("library", "0002_drafts"),
        ("wijkscan", "0002_own_table_names"),
    ]

    # Removing the migration keeps the group: editors may be in it.
    operations = [migrations.RunPython(create_editor_group, migrations.RunPython.noop)]
