"""The "Redacteur" group: editors who may edit all content, but not users or groups."""

from django.conf import settings
from django.db.models import Q

EDITOR_GROUP = "Redacteur"
# Besides the content (settings.CONTENT_MODELS), editors handle shared examples awaiting
# moderation and the buurtoverleggen; accounts (auth) and login records (axes) are not theirs.
ALSO_HANDLED = ["examples.examplesubmission", "buurtoverleg"]


def grant_content_permissions(group, permission_model):
    """Give `group` every permission on the content and what editors handle, nothing else."""
    wanted = Q(pk__in=[])
    for labels in (*settings.CONTENT_MODELS.values(), ALSO_HANDLED):
        for label in labels:
            app_label, _, model = label.partition(".")
            part = Q(content_type__app_label=app_label)
            wanted |= part & Q(content_type__model=model) if model else part
    permissions = permission_model.objects.filter(wanted)
    group.permissions.set(permissions)
    return permissions
