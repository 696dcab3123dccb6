from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SitePage(models.Model):
    """One of the pages every footer links to. Editors write its text in Dutch and English."""

    class Slug(models.TextChoices):
        ABOUT = "over", _("About")
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacy")
        ACCESSIBILITY = "toegankelijkheid", _("Accessibility")

    slug = models.SlugField(
        _("page"),
        max_length=40,
        unique=True,
        choices=Slug,
        help_text=_("Which footer page this is; its address is /<page>/ in both languages."),
    )
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain text. Separate paragraphs with an empty line; a single line break stays a "
            "line break. No HTML."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})
