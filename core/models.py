from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SlugHistoryQuerySet(models.QuerySet):
    def for_model(self, model):
        return self.filter(content_type=ContentType.objects.get_for_model(model))


class SlugHistory(models.Model):
    """A slug an object had before an editor renamed it: its old links redirect to the new one.

    Any app's model can keep its old slugs here (see core.slugs); the row names the object by
    content type and id, so the ground floor needs to know none of the apps above it.
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


class ContentVersion(models.Model):
    """One row that changes whenever any content changes (see core.content_version).

    It lives in the database because that is the one thing every worker, every app server and
    every `manage.py shell` shares, whatever the cache backend. Cache keys and ETags include it, so
    a cached page is never served after an edit and nothing has to be deleted.
    """

    number = models.PositiveBigIntegerField(_("number"), default=0)
    # A fresh random token on every change: after a database restore brings back an old number,
    # the next change still gets keys that were never used before.
    token = models.CharField(_("token"), max_length=32, blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self):
        return f"{self.number}-{self.token}"
