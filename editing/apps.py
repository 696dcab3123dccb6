from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _initial_versions(sender, using="default", **kwargs):
    from editing.history import keep_initial_versions

    keep_initial_versions(using=using)


class EditingConfig(AppConfig):
    """Safe editing: revisions, merges, drafts and their preview, old slugs and the login limit."""

    name = "editing"
    verbose_name = _("Safe editing")

    def ready(self):
        # Content from before revisions were kept gets its first version (editing.history):
        # after every migrate, so a database built before this change is brought up to date.
        post_migrate.connect(_initial_versions, sender=self, dispatch_uid="editing-initial")
