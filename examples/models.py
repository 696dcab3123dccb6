from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import domain


class PracticeExampleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class PracticeExample(models.Model):
    """A project from practice that shows an activity type at work."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(
        _("name"), max_length=150, help_text=_("The project's own name; not translated.")
    )
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    place = models.CharField(
        _("place"), max_length=100, blank=True, help_text=_("Town or city, where known.")
    )
    description = models.TextField(_("description"))
    website = models.URLField(
        _("website"), blank=True, help_text=_("The organisation's own page about the project.")
    )
    guidances = models.ManyToManyField(
        "activities.Guidance",
        verbose_name=_("guidance"),
        related_name="examples",
        blank=True,
        help_text=_("The activity types, per phase, that this example illustrates."),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published examples are shown on the site. New ones start as drafts."),
    )

    objects = PracticeExampleQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("practice example")
        verbose_name_plural = _("practice examples")

    def __str__(self):
        return self.name

    @property
    def website_domain(self):
        """The website's host without 'www.', the way the link names it."""
        return domain(self.website)


def _example_link_str(link):
    """'Beter Buren · Aanpakken en handhaven · Verbinden bij incidenten', not 'object (23)'."""
    return f"{link.practiceexample} · {link.guidance}"


# The admin names the example-guidance links (the inline on a guidance, its history) by this.
PracticeExample.guidances.through.__str__ = _example_link_str
