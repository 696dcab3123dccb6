from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Gemeenteredacteur"
PERMISSIONS = {
    "practiceexample": ["add", "change", "delete", "view"],
    "examplesubmission": ["change", "view"],
}


def grant(apps, schema_editor):
    """A gemeente's editors handle its own examples and the shares made on its hosts."""
    # Only this migration's apps: making content types for every app here would create the
    # wijkscan's before its own migration moves them (wijkscan 0002).
    for label in ('examples',):
        app_config = apps.get_app_config(label)
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for model, actions in PERMISSIONS.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="examples",
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("examples", "0007_local_examples"),
        ("gemeenten", "0002_editors_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
