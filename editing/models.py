from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SlugHistoryQuerySet(models.QuerySet):
    def for_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))


class SlugHistory(models.Model):
    """A slug an object had before an editor renamed it: its old links redirect to the new one.

    Any app's model can keep its old slugs here (see editing.slugs); the row names the object by
    content type and id, so this floor needs to know none of the apps above it.
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    old_slug = models.SlugField(_("old slug"), max_length=100)
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    objects = SlugHistoryQuerySet.as_manager()

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("old slug")
        verbose_name_plural = _("old slugs")
        indexes = [models.Index(fields=["content_type", "old_slug"], name="slug_history_lookup")]

    def __str__(self):
        return self.old_slug


class DraftChangeQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        )

    def due(self, now):
        """Scheduled drafts whose time has come (or passed: a missed run catches up)."""
        return self.filter(publish_at__lte=now).order_by("publish_at", "id")


class DraftChange(models.Model):
    """A change to published content, saved but not yet published (editing.drafts).

    The public site, open data and exports never read this table: the content stays as it is
    until the draft is published, now or at `publish_at`. The draft is the item and the rows
    it keeps with it (a guidance's tips), serialized as django-reversion serializes a version.
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    object_repr = models.CharField(_("item"), max_length=200)
    serialized_data = models.TextField(_("serialized data"))
    # The item as it was stored when the draft was made, and as the draft has it (the shape of
    # editing.revisions.object_state): publishing applies only what the draft changed.
    base_state = models.JSONField(_("state it was made on"), default=dict)
    draft_state = models.JSONField(_("state of the draft"), default=dict)
    comment = models.CharField(_("comment"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now=True)
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("scheduled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = DraftChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-saved_at", "-id"]
        verbose_name = _("draft change")
        verbose_name_plural = _("draft changes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_draft_change_per_item"
            ),
        ]

    def __str__(self):
        return self.object_repr
