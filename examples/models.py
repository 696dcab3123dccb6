from django.conf import settings as site_settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Guidance
from core.text import domain, validate_web_url
from gemeenten.models import Gemeente

# Addresses under /voorbeelden/ that are pages of their own, so no example may take them as slug.
RESERVED_SLUGS = ["delen", "resultaten"]
# The years an example can have started or taken place. The database refuses anything outside
# FIRST_YEAR to LAST_YEAR; the form also refuses a year after next year (a project may be announced
# before it starts, not decades before).
FIRST_YEAR = 1900
LAST_YEAR = 2100
YEARS_AHEAD = 1


class FilterChoice(models.Model):
    """A choice of one of the example filters, editable by editors; its slug is in the address."""

    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Used in the filter's address. Change it only with good reason."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        abstract = True
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name


class DividingLine(FilterChoice):
    """A line between groups that an example bridges: young and old, newcomers and others..."""

    class Meta(FilterChoice.Meta):
        verbose_name = _("target group / dividing line")
        verbose_name_plural = _("target groups / dividing lines")


class Setting(FilterChoice):
    """Where an example takes place: a city, a village, a street, a school, a sports club…"""

    class Meta(FilterChoice.Meta):
        verbose_name = _("setting")
        verbose_name_plural = _("settings")


class Province(models.TextChoices):
    NATIONWIDE = "landelijk", _("Nationwide")
    DRENTHE = "drenthe", "Drenthe"
    FLEVOLAND = "flevoland", "Flevoland"
    FRIESLAND = "friesland", "Fryslân"
    GELDERLAND = "gelderland", "Gelderland"
    GRONINGEN = "groningen", "Groningen"
    LIMBURG = "limburg", "Limburg"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    OVERIJSSEL = "overijssel", "Overijssel"
    UTRECHT = "utrecht", "Utrecht"
    ZEELAND = "zeeland", "Zeeland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"


def _validate_web_urls(obj, names):
    """Only plain http(s) addresses, parsed the way the site will link them (core.text)."""
    errors = {}
    for name in names:
        try:
            validate_web_url(getattr(obj, name))
        except ValidationError as error:
            errors[name] = error
    if errors:
        raise ValidationError(errors)


class PracticeExampleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_cards(self):
        """Examples with what a card shows: phases and activity types, without extra queries."""
        return self.select_related("gemeente").prefetch_related(
            models.Prefetch("guidances", queryset=Guidance.objects.published().in_phase_order())
        )

    def for_detail(self):
        return self.for_cards().prefetch_related("dividing_lines", "settings")

    def in_layer(self, local):
        """What the pages of a layer show: on a gemeente's host (`local`, a gemeenten.local.Local)
        the national examples and its own, never another gemeente's; on the national site all of
        them (a local one names its gemeente)."""
        if local is None:
            return self
        return self.filter(models.Q(gemeente__isnull=True) | models.Q(gemeente_id=local.pk))

    def own_first(self, local, *ordering):
        """`ordering` (or the model's), with the gemeente's own examples first on its host."""
        ordering = ordering or self.query.order_by or self.model._meta.ordering
        if local is None:
            return self.order_by(*ordering)
        own = models.Case(
            models.When(gemeente_id=local.pk, then=models.Value(0)), default=models.Value(1)
        )
        return self.alias(not_own=own).order_by("not_own", *ordering)


class PracticeExample(models.Model):
    """A project from practice that shows an activity type at work."""

    class Origin(models.TextChoices):
        CURATED = "redactie", _("Selected by the editors")
        LOCAL = "lokaal", _("Local example")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(
        _("name"), max_length=150, help_text=_("The project's own name; not translated.")
    )
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    place = models.CharField(
        _("place"), max_length=100, blank=True, help_text=_("Town or city, where known.")
    )
    province = models.CharField(
        _("province"),
        max_length=20,
        choices=Province,
        blank=True,
        help_text=_("The province, or 'nationwide' for a project that runs across the country."),
    )
    description = models.TextField(_("description"))
    what_worked = models.TextField(_("what worked"), blank=True)
    what_did_not_work = models.TextField(_("what did not work"), blank=True)
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_(
            "The page about the project itself; the organisation's home page only if there is none."
        ),
    )
    contact_url = models.URLField(
        _("contact page"),
        blank=True,
        help_text=_("Where to reach the organisation: its contact page."),
    )
    source_url = models.URLField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("Where the editors read about the example: a report, article or page."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
        help_text=_("The year it started or took place, when the source says so."),
    )
    is_running = models.BooleanField(
        _("still running"),
        null=True,
        blank=True,
        help_text=_("Leave unknown unless you have checked it; then set the date below."),
    )
    checked_on = models.DateField(
        _("checked on"),
        null=True,
        blank=True,
        help_text=_("The date an editor last checked that the project runs and the links work."),
    )
    guidances = models.ManyToManyField(
        "activities.Guidance",
        verbose_name=_("guidance"),
        related_name="examples",
        blank=True,
        help_text=_("The activity types, per phase, that this example illustrates."),
    )
    dividing_lines = models.ManyToManyField(
        DividingLine,
        verbose_name=_("target groups / dividing lines"),
        related_name="examples",
        blank=True,
    )
    settings = models.ManyToManyField(
        Setting, verbose_name=_("settings"), related_name="examples", blank=True
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="examples",
        verbose_name=_("municipality"),
        help_text=_(
            "Empty for a national example. A gemeente's example comes first on its host names, "
            "with a badge; on the national site it names the gemeente; other gemeenten's hosts "
            "do not show it."
        ),
    )
    written_in = models.CharField(
        _("written in"),
        max_length=2,
        choices=site_settings.LANGUAGES,
        default="nl",
        help_text=_(
            "The language the example was shared in. While its Dutch texts are the same as its "
            "English ones (not translated yet), the Dutch pages mark them as English, so that "
            "screen readers read them as English."
        ),
    )
    origin = models.CharField(
        _("origin"),
        max_length=10,
        choices=Origin,
        default=Origin.CURATED,
        help_text=_("Local examples were shared through the site and approved by an editor."),
    )
    shared_on = models.DateField(
        _("shared on"),
        null=True,
        blank=True,
        help_text=_("For a local example: the date it was approved."),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published examples are shown on the site. New ones start as drafts."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Kept current by examples.search (on save and when the guidance links change).
    search_nl = SearchVectorField(null=True, editable=False, serialize=False)
    search_en = SearchVectorField(null=True, editable=False, serialize=False)

    objects = PracticeExampleQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("practice example")
        verbose_name_plural = _("practice examples")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(slug__in=RESERVED_SLUGS),
                name="example_slug_not_reserved",
                violation_error_message=_(
                    "This slug is the address of another page; choose another."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(year__isnull=True)
                | models.Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                name="example_year_in_range",
                violation_error_message=_("Enter a year between 1900 and 2100."),
            ),
        ]
        # GIN on PostgreSQL; SQLite makes these plain (unused, harmless) indexes.
        indexes = [
            GinIndex(fields=["search_nl"], name="example_search_nl"),
            GinIndex(fields=["search_en"], name="example_search_en"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("examples:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        _validate_web_urls(self, ["website", "contact_url", "source_url"])
        latest = timezone.localdate().year + YEARS_AHEAD
        if self.year and self.year > latest:
            raise ValidationError(
                {"year": _("Enter a year no later than %(year)s.") % {"year": latest}}
            )

    @property
    def website_domain(self):
        """The website's host without 'www.', the way the link names it."""
        return domain(self.website)

    @property
    def contact_domain(self):
        return domain(self.contact_url)

    @property
    def source_domain(self):
        return domain(self.source_url)

    @property
    def is_local(self):
        return self.origin == self.Origin.LOCAL

    def phases(self):
        """The phases this example illustrates, in order, each once (from prefetched guidance)."""
        seen = {}
        for guidance in self.guidances.all():
            seen.setdefault(guidance.phase_id, guidance.phase)
        return sorted(seen.values(), key=lambda phase: phase.position)

    def activity_types(self):
        seen = {}
        for guidance in self.guidances.all():
            seen.setdefault(guidance.activity_type_id, guidance.activity_type)
        return sorted(seen.values(), key=lambda activity: (activity.position, activity.slug))


class ExampleSubmissionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ExampleSubmission.Status.NEW)

    def decided_before(self, moment):
        return self.exclude(status=ExampleSubmission.Status.NEW).filter(decided_at__lt=moment)


class ExampleSubmission(models.Model):
    """A practice example shared through the site, waiting for an editor's decision.

    Approving it makes a published PracticeExample; a rejected one is kept with its reason. The
    e-mail address is for editors only and is erased some months after the decision
    (`manage.py erasesubmissionemails`).
    """

    class Status(models.TextChoices):
        NEW = "new", _("New: waiting for an editor")
        APPROVED = "approved", _("Approved and published")
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("name of the initiative"), max_length=150)
    place = models.CharField(_("place"), max_length=100)
    province = models.CharField(_("province"), max_length=20, choices=Province, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    phases = models.ManyToManyField(
        "phases.Phase", verbose_name=_("phases"), related_name="+", blank=True
    )
    activity_types = models.ManyToManyField(
        "activities.ActivityType", verbose_name=_("activity types"), related_name="+", blank=True
    )
    dividing_lines = models.ManyToManyField(
        DividingLine, verbose_name=_("target groups / dividing lines"), related_name="+", blank=True
    )
    target_group = models.CharField(
        _("target group, in their own words"), max_length=300, blank=True
    )
    description = models.TextField(_("what they did"))
    what_worked = models.TextField(_("what worked"), blank=True)
    what_did_not_work = models.TextField(_("what did not work"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(
        _("e-mail address"),
        blank=True,
        help_text=_("For editors only, to ask questions. Never shown on the site."),
    )
    language = models.CharField(_("language"), max_length=5, default="nl", editable=False)
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="submissions",
        verbose_name=_("municipality"),
        help_text=_("The gemeente whose host it was shared on: its editors decide on it."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.NEW)
    rejection_reason = models.TextField(
        _("reason for rejecting"), blank=True, help_text=_("Required when you reject.")
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    example = models.OneToOneField(
        PracticeExample,
        verbose_name=_("published example"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="submission",
    )

    objects = ExampleSubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("shared practice example")
        verbose_name_plural = _("shared practice examples")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(rejection_reason=""),
                name="rejected_submission_has_reason",
                violation_error_message=_("Give the reason for rejecting."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.place})"

    def clean(self):
        super().clean()
        _validate_web_urls(self, ["website"])


def _example_link_str(link):
    """'Beter Buren · Aanpakken en handhaven · Verbinden bij incidenten', not 'object (23)'."""
    return f"{link.practiceexample} · {link.guidance}"


# The admin names the example-guidance links (the inline on a guidance, its history) by this.
PracticeExample.guidances.through.__str__ = _example_link_str
