"""A gemeente that runs the site as its own, on host names of its own, beside the national site."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from gemeenten import logos, owntokens
from gemeenten.hostnames import normalise_host_name
from gemeenten.themes import theme_choices


class Gemeente(models.Model):
    """A municipality with a local layer over the national content."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("A short name for addresses and exports, e.g. 'utrecht'."),
    )
    theme = models.CharField(
        _("look"),
        max_length=40,
        blank=True,
        choices=theme_choices,
        help_text=_(
            "The house style on this gemeente's host names, from its NL Design System design "
            "tokens. Empty: the national look. The phase colours stay the same in every look."
        ),
    )
    # The logo in the header on its hosts (gemeenten.logos): a small PNG, kept in the database so
    # every app server has it at once; set through the admin's upload field.
    logo = models.BinaryField(_("logo"), blank=True, default=b"", editable=False)
    logo_digest = models.CharField(_("logo version"), max_length=16, blank=True, editable=False)
    logo_width = models.PositiveSmallIntegerField(_("logo width"), default=0, editable=False)
    logo_height = models.PositiveSmallIntegerField(_("logo height"), default=0, editable=False)
    # Its own design tokens, uploaded by its editors (gemeenten.owntokens): the site properties
    # read from them, which replace the look chosen above on its hosts.
    own_tokens = models.JSONField(_("own design tokens"), default=dict, blank=True, editable=False)
    own_tokens_digest = models.CharField(
        _("own design tokens version"), max_length=16, blank=True, editable=False
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editors"),
        related_name="edited_gemeenten",
        blank=True,
        help_text=_(
            "Accounts that edit this gemeente's layer only (its contacts, examples and shared "
            "examples). Editors who are in no gemeente edit everything, the national content "
            "included."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    def set_logo(self, data, width, height):
        """Keep `data`, a PNG from gemeenten.logos.prepare, as the logo (b"" removes it)."""
        self.logo = data
        self.logo_digest = logos.digest(data) if data else ""
        self.logo_width, self.logo_height = (width, height) if data else (0, 0)

    def set_own_tokens(self, properties):
        """Keep the site properties read from an uploaded tokens file ({} removes them)."""
        self.own_tokens = properties
        self.own_tokens_digest = (
            owntokens.digest(owntokens.stylesheet(properties)) if properties else ""
        )


class Host(models.Model):
    """A host name at which the site shows a gemeente's layer (e.g. wijkverbinder.utrecht.nl)."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.CASCADE, related_name="hosts", verbose_name=_("municipality")
    )
    name = models.CharField(
        _("host name"),
        max_length=253,
        unique=True,
        help_text=_(
            "Only the host name, without https:// or a path, e.g. wijkverbinder.utrecht.nl. "
            "Its DNS and certificate must point to this site."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("host name")
        verbose_name_plural = _("host names")
        constraints = [
            models.UniqueConstraint(Lower("name"), name="gemeente_host_name_unique_lower"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        try:
            self.name = normalise_host_name(self.name)
        except ValueError as error:
            raise ValidationError({"name": str(error)}) from error
