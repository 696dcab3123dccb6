from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

GROUP = "Gemeenteredacteur"
PERMISSIONS = {
    "contacts.contact": ["add", "change", "delete", "view"],
    "gemeenten.gemeente": ["change", "view"],
    "gemeenten.host": ["view"],
}


def create_group(apps, schema_editor):
    # Only this migration's apps: making content types for every app here would create the
    # wijkscan's before its own migration moves them (wijkscan 0002).
    for label in ('contacts', 'gemeenten'):
        app_config = apps.get_app_config(label)
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # National editors ("Redacteur", content/0001) keep every gemeente's layer, like all content.
    national = Group.objects.filter(name="Redacteur").first()
    if national is not None:
        national.permissions.add(
            *Permission.objects.filter(content_type__app_label__in=["contacts", "gemeenten"])
        )
    group, _ = Group.objects.get_or_create(name=GROUP)
    for label, actions in PERMISSIONS.items():
        app_label, _, model = label.partition(".")
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("gemeenten", "0001_initial"),
        ("contacts", "0001_initial"),
        ("content", "0001_editor_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="gemeente",
            name="editors",
            field=models.ManyToManyField(
                blank=True,
                help_text=(
                    "Accounts that edit this gemeente's layer only (its contacts, examples and "
                    "shared examples). Editors who are in no gemeente edit everything, the "
                    "national content included."
                ),
                related_name="edited_gemeenten",
                to=settings.AUTH_USER_MODEL,
                verbose_name="editors",
            ),
        ),
        # Removing the migration keeps the group: editors may be in it.
        migrations.RunPython(create_group, migrations.RunPython.noop),
    ]
