from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "Redacteur"


def grant_editors(apps, schema_editor):
    """Editors keep the list of related search words, like the rest of the content."""
    app_config = apps.get_app_config("search")
    previous = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = previous
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="search", content_type__model="relatedterm"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("search", "0001_related_terms"),
    ]

    # Reversing keeps the permissions: the model's own removal takes them away.
    operations = [migrations.RunPython(grant_editors, migrations.RunPython.noop)]
