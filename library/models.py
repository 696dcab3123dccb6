from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from activities.models import Guidance
from core.text import domain, lines, validate_web_url


class PublicationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_list(self):
        return self.order_by("position", "title")

    def for_detail(self):
        """One publication with the guidance that rests on it, ready for links."""
        return self.prefetch_related(
            models.Prefetch(
                "guidances",
                queryset=Guidance.objects.published().in_phase_order(),
            )
        )


class Publication(models.Model):
    """Background knowledge in the library: a study, a guide, an instrument or a theory."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order in the library.")
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("The publication's own title; not translated.")
    )
    kind = models.CharField(
        _("kind"), max_length=80, help_text=_("E.g. 'Handreiking', 'Onderzoek', 'Theorie'.")
    )
    authors = models.CharField(_("authors"), max_length=200, blank=True)
    publisher = models.CharField(_("publisher"), max_length=150, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    url = models.URLField(_("link to the source"), blank=True)
    summary = models.TextField(
        _("summary"), help_text=_("What it is and why it matters, in our own words.")
    )
    key_points = models.TextField(_("key points"), blank=True, help_text=_("One point per line."))
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published publications are shown on the site. New ones start as drafts."),
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("library:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        try:
            validate_web_url(self.url)
        except ValidationError as error:
            raise ValidationError({"url": error}) from None

    @property
    def key_point_list(self):
        return lines(self.key_points)

    @property
    def url_domain(self):
        return domain(self.url)
