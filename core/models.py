from django.db import models
from django.utils.translation import gettext_lazy as _


class RateLimitCount(models.Model):
    """How often one client did one limited thing in one window (core.ratelimit).

    Used when no Redis is configured; rows of windows that no longer count are deleted.
    """

    name = models.CharField(_("limit"), max_length=50)
    key = models.CharField(_("client"), max_length=64)
    window = models.BigIntegerField(_("window"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("rate limit count")
        verbose_name_plural = _("rate limit counts")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "key", "window"], name="core_ratelimit_one_row_per_window"
            )
        ]
        indexes = [models.Index(fields=["name", "window"], name="core_ratelimit_window")]

    def __str__(self):
        return f"{self.name} {self.key} {self.window}: {self.count}"
