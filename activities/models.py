from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class BindingRung(models.Model):
    """A rung of the bindingsladder: the higher, the more lasting and intensive the contact."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("rung of the binding ladder")
        verbose_name_plural = _("rungs of the binding ladder")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=4), name="binding_rung_one_to_four"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"


class ActivityType(models.Model):
    """A kind of activity, such as 'Dialoog', that can serve one or more phases."""

    class Effort(models.TextChoices):
        LOW = "low", _("low")
        MEDIUM = "medium", _("medium")
        HIGH = "high", _("high")

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_(
            "The last part of the address, e.g. 'elkaar-helpen'. Shared links use it: "
            "change it only with good reason."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_(
            "Order on the binding ladder page among activity types on the same rung. Phase "
            "pages order their activity types by rung first, then by the guidance's position."
        ),
    )
    name = models.CharField(_("name"), max_length=120)
    summary = models.CharField(
        _("summary"),
        max_length=250,
        help_text=_("One sentence on what this kind of activity is, shown in lists of activities."),
    )
    rung = models.ForeignKey(
        BindingRung,
        verbose_name=_("rung of the binding ladder"),
        on_delete=models.PROTECT,
        related_name="activity_types",
        null=True,
        blank=True,
        help_text=_("How lasting and intensive the contact is that this activity creates."),
    )
    off_ladder = models.BooleanField(
        _("not on the binding ladder"),
        default=False,
        help_text=_(
            "Tick this for an activity that does not itself create contact between groups, such "
            "as restoring safety; leave the rung empty. Pages say it is not on the ladder."
        ),
    )
    effort_time = models.CharField(
        _("time to prepare"),
        max_length=10,
        choices=Effort,
        blank=True,
        help_text=_("How much time preparing and running it takes, compared with the others."),
    )
    effort_people = models.CharField(
        _("people needed"),
        max_length=10,
        choices=Effort,
        blank=True,
        help_text=_("How many organisers, volunteers or partners it needs."),
    )
    effort_money = models.CharField(
        _("money needed"),
        max_length=10,
        choices=Effort,
        blank=True,
        help_text=_("How much budget it usually needs."),
    )

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(off_ladder=True, rung__isnull=False),
                name="activity_type_off_ladder_has_no_rung",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def efforts(self):
        """(label, level, level label) for each effort that is filled in, for cards and pages."""
        fields = [
            (_("time"), self.effort_time, self.get_effort_time_display()),
            (_("people"), self.effort_people, self.get_effort_people_display()),
            (_("money"), self.effort_money, self.get_effort_money_display()),
        ]
        return [(label, level, shown) for label, level, shown in fields if level]


def _published_related(model, name):
    related = model._meta.get_field(name).related_model
    return models.Prefetch(name, queryset=related.objects.published())


TOP_EXAMPLES = 3


class GuidanceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_phase_page(self):
        """The guidances listed on a phase page, with what their links and cards show."""
        return self.select_related("activity_type__rung").order_by(
            models.F("activity_type__rung__number").asc(nulls_last=True), "position"
        )

    def in_phase_order(self):
        """Guidance of every phase, by phase and then as editors placed them."""
        return self.select_related("phase", "activity_type").order_by(
            "phase__position", "position", "id"
        )

    def for_detail(self, local=None):
        """One guidance with everything its page shows, in a fixed number of queries.

        Examples and sources live in apps above this one: they are reached through the relation
        (never imported), and only their published rows are shown; on a gemeente's host
        (`local`) the examples counted are the national ones and its own.
        """
        counted = models.Q(examples__is_published=True)
        if local is not None:
            counted &= models.Q(examples__gemeente__isnull=True) | models.Q(
                examples__gemeente=local.pk
            )
        return (
            self.select_related("phase", "activity_type__rung")
            .prefetch_related("tips", _published_related(self.model, "sources"))
            .annotate(example_count=models.Count("examples", filter=counted, distinct=True))
        )


class Guidance(models.Model):
    """The advice for one activity type within one phase: intro, tips and examples."""

    phase = models.ForeignKey(
        "phases.Phase",
        verbose_name=_("phase"),
        on_delete=models.PROTECT,
        related_name="guidances",
    )
    activity_type = models.ForeignKey(
        ActivityType,
        verbose_name=_("activity type"),
        on_delete=models.PROTECT,
        related_name="guidances",
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_(
            "Order on the phase page among activity types on the same rung of the binding "
            "ladder: the page lists them by rung first (lowest first, those not on the ladder "
            "last), then by this number."
        ),
    )
    introduction = models.TextField(
        _("introduction"),
        help_text=_(
            "What this activity is for in this phase and how it works. Separate "
            "paragraphs with an empty line."
        ),
    )
    target_group_advice = models.TextField(
        _("target-group advice"),
        blank=True,
        help_text=_("Who is involved and how to reach them in this phase; shown as its own block."),
    )
    sources = models.ManyToManyField(
        "library.Publication",
        verbose_name=_("sources"),
        related_name="guidances",
        blank=True,
        help_text=_("The publications this advice rests on."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("The date an editor last checked this advice; shown on the page."),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_(
            "Only published guidance is shown on the site. New guidance starts as a draft."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = GuidanceQuerySet.as_manager()

    class Meta:
        # Lists of guidance state their own order (by phase, by rung): see the QuerySet.
        ordering = ["position", "id"]
        verbose_name = _("guidance")
        verbose_name_plural = pgettext_lazy("plural", "guidance")
        constraints = [
            models.UniqueConstraint(
                fields=["phase", "activity_type"], name="one_guidance_per_activity_type_and_phase"
            ),
        ]

    def __str__(self):
        return f"{self.activity_type} · {self.phase}"

    def get_absolute_url(self):
        return reverse(
            "activities:detail",
            kwargs={"phase_slug": self.phase.slug, "slug": self.activity_type.slug},
        )

    @property
    def works(self):
        return [tip for tip in self.tips.all() if tip.kind == Tip.Kind.WORKS]

    @property
    def does_not_work(self):
        return [tip for tip in self.tips.all() if tip.kind == Tip.Kind.DOES_NOT_WORK]

    def top_examples(self, limit=TOP_EXAMPLES, local=None):
        """The best `limit` published examples of this guidance, in one query: on a gemeente's
        host (`local`) its own first, then those that name their place (a reader asks
        "where?"), then the most recently checked, then by name. (The examples live in an app
        above this one: reached through the relation.)"""
        has_no_place = models.ExpressionWrapper(
            models.Q(place=""), output_field=models.BooleanField()
        )
        examples = (
            self.examples.published()
            .in_layer(local)
            .own_first(
                local,
                has_no_place.asc(),
                models.F("checked_on").desc(nulls_last=True),
                "name",
                "pk",
            )
        )
        return list(examples[:limit])


class Tip(models.Model):
    """One 'dit werkt wel' or 'dit werkt niet' point of a guidance."""

    class Kind(models.TextChoices):
        WORKS = "works", _("This works")
        DOES_NOT_WORK = "does_not_work", _("This does not work")

    guidance = models.ForeignKey(
        Guidance, verbose_name=_("guidance"), on_delete=models.CASCADE, related_name="tips"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.WORKS)
    text = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("tip")
        verbose_name_plural = _("tips")

    def __str__(self):
        return self.text[:60]
