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
