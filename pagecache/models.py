from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row that changes whenever any content changes (see pagecache.version).

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
