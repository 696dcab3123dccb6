from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.text import lines


class PhaseQuerySet(models.QuerySet):
    def for_overview(self):
        """The phases in order, as the home page and the phase bar show them."""
        return self.order_by("position")


class Phase(models.Model):
    """One of the four phases of polarisation a neighbourhood can be in."""

    class Colour(models.TextChoices):
        GREEN = "green", _("green")
        YELLOW = "yellow", _("yellow")
        PINK = "pink", _("pink")
        RED = "red", _("red")

    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_(
            "The last part of the address, e.g. 'in-rust'. Shared links use it: change it "
            "only with good reason."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), unique=True, help_text=_("Order on the site: 1 is calm, 4 is incidents.")
    )
    colour = models.CharField(_("colour"), max_length=10, choices=Colour, unique=True)
    name = models.CharField(
        _("name"), max_length=60, help_text=_("Short name on the phase tiles, e.g. 'Rust'.")
    )
    title = models.CharField(_("title"), max_length=100, help_text=_("E.g. 'Verbinden in rust'."))
    headline = models.CharField(
        _("headline"),
        max_length=200,
        help_text=_("The aim of this phase, shown as the page heading."),
    )
    current_quote = models.CharField(
        _("current situation (quote)"),
        max_length=120,
        help_text=_("What residents might say now, e.g. 'We leven langs elkaar'."),
    )
    current_text = models.TextField(_("current situation (description)"))
    desired_quote = models.CharField(
        _("desired situation (quote)"),
        max_length=120,
        help_text=_("What residents say once the aim is reached, e.g. 'We leven met elkaar'."),
    )
    desired_text = models.TextField(_("desired situation (description)"))
    signals = models.TextField(
        _("signals"),
        blank=True,
        help_text=_("What this phase looks like in practice: one observable signal per line."),
    )
    worsening_signals = models.TextField(
        _("signs that things are getting worse"),
        blank=True,
        help_text=_("Signals that the neighbourhood is moving to the next phase; one per line."),
    )
    improving_signals = models.TextField(
        _("signs of improvement"),
        blank=True,
        help_text=_("Signals that the neighbourhood is moving to a calmer phase; one per line."),
    )
    urgent_help = models.TextField(
        _("when to get help at once"),
        blank=True,
        help_text=_("When to call the police or the municipality; shown prominently."),
    )
    call_to_action = models.CharField(
        _("call to action"),
        max_length=150,
        help_text=_("The line above the activity types, e.g. 'Zo verminder je spanningen:'."),
    )

    objects = PhaseQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(position__gte=1), name="phase_position_from_one"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("phases:detail", kwargs={"slug": self.slug})

    @property
    def signal_list(self):
        return lines(self.signals)

    @property
    def worsening_signal_list(self):
        return lines(self.worsening_signals)

    @property
    def improving_signal_list(self):
        return lines(self.improving_signals)
