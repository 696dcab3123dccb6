"""The "Redacteur" group: editors who may edit all content, but not users or groups."""

EDITOR_GROUP = "Redacteur"
# The apps whose content editors edit; accounts (auth) and login records (axes) are not among them.
CONTENT_APPS = ["pages", "phases", "activities", "examples", "library", "wijkscan", "buurtoverleg"]


def grant_content_permissions(group, permission_model):
    """Give `group` every permission on the content apps' models, and nothing else."""
    permissions = permission_model.objects.filter(content_type__app_label__in=CONTENT_APPS)
    group.permissions.set(permissions)
    return permissions
