"""People and services a reader can turn to in a phase: the warm hand-off to local help."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import validate_web_url
from gemeenten.models import Gemeente

phone_number = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{1,28}[0-9]$",
    _("Enter a phone number of digits, spaces, hyphens and brackets, such as 030 123 45 67."),
)


class ContactQuerySet(models.QuerySet):
    def for_phase(self, phase_pk, gemeente_pk=None):
        """A gemeente's own contacts for the phase first, then the national ones."""
        layer = models.Q(gemeente__isnull=True)
        if gemeente_pk is not None:
            layer |= models.Q(gemeente_id=gemeente_pk)
        return (
            self.filter(layer, phases=phase_pk)
            .order_by(models.F("gemeente").asc(nulls_last=True), "position", "name")
            .distinct()
        )


class Contact(models.Model):
    """A service or person to contact, tied to the phases where it helps."""

    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("municipality"),
        help_text=_("Empty for a national contact, shown on every site after the local ones."),
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(
        _("what they do"),
        max_length=600,
        help_text=_("One or two sentences: what they do and when to call them."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[phone_number])
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    website = models.URLField(
        _("website"), max_length=500, blank=True, validators=[validate_web_url]
    )
    hours = models.CharField(
        _("when to reach them"),
        max_length=150,
        blank=True,
        help_text=_("E.g. 'Workdays 9 to 17'."),
    )
    phases = models.ManyToManyField(
        "phases.Phase",
        verbose_name=_("phases"),
        related_name="contacts",
        help_text=_("The phases in which this contact helps; shown on those pages."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["gemeente__name", "position", "name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name

    @property
    def phone_uri(self):
        digits = "".join(sign for sign in self.phone if sign.isdigit() or sign == "+")
        return f"tel:{digits}" if digits else ""
