import datetime

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Tip
from buurtoverleg.tokens import matches, new_token, token_hash

DEFAULT_RETENTION_DAYS = 365
# Limits on what one buurtoverleg holds: enough for a real meeting, not for a flood.
MAX_PARTICIPANTS = 200
MAX_PLAN_ITEMS = 20
# Every free text a coordinator writes: a few paragraphs at most.
TEXT_LIMIT = 2000
PRIVACY_HELP = _("Do not name people, and write nothing about religion, origin or health.")
# A buurtoverleg comes back a few times a year at most; a limit keeps the overview's columns few.
MAX_ROUNDS = 12


def retention():
    """How long a buurtoverleg is kept after its last change (BUURTOVERLEG_RETENTION_DAYS)."""
    days = getattr(settings, "BUURTOVERLEG_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    return datetime.timedelta(days=days)


class ParticipantRole(models.Model):
    """A role a participant can name, such as 'wijkagent'; editors keep the list short."""

    name = models.CharField(_("name"), max_length=80)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("participant role")
        verbose_name_plural = _("participant roles")

    def __str__(self):
        return self.name


class OverlegQuerySet(models.QuerySet):
    def for_manage_token(self, token):
        """The buurtoverleg whose manage link carries `token`, or None."""
        overleg = self.select_related("agreed_phase").filter(manage_token_hash=token_hash(token))
        overleg = overleg.first()
        if overleg is None or not matches(token, overleg.manage_token_hash):
            return None
        return overleg

    def expired(self, now=None):
        """The overleggen whose last change is older than the retention period."""
        return self.filter(updated_at__lt=(now or timezone.now()) - retention())


class Overleg(models.Model):
    """A buurtoverleg: a team's shared look at one neighbourhood, and the plan it agrees on.

    It holds no personal data: a name the coordinator chooses, anonymous answers, and the plan.
    """

    name = models.CharField(
        _("name"), max_length=100, help_text=_("E.g. 'Overvecht-Noord, maart'.")
    )
    manage_token_hash = models.CharField(_("manage token (SHA-256)"), max_length=64, unique=True)
    participant_token = models.CharField(_("participant token"), max_length=43, unique=True)
    gemeente = models.ForeignKey(
        "gemeenten.Gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="overleggen",
        verbose_name=_("municipality"),
        help_text=_("Started on this gemeente's host: its help box names its contacts first."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), default=timezone.now, db_index=True)
    agreed_phase = models.ForeignKey(
        "phases.Phase",
        verbose_name=_("agreed phase"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    dividing_lines = models.TextField(_("dividing lines"), max_length=TEXT_LIMIT, blank=True)
    groups = models.TextField(_("groups involved"), max_length=TEXT_LIMIT, blank=True)
    places = models.TextField(_("places"), max_length=TEXT_LIMIT, blank=True)
    # False from the start until the manage page has shown its "bewaar deze link" panel once.
    link_panel_shown = models.BooleanField(_("manage link shown"), default=True)

    objects = OverlegQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("buurtoverleg")
        verbose_name_plural = _("buurtoverleggen")

    def __str__(self):
        return self.name

    @classmethod
    def start(cls, name, gemeente_id=None):
        """A new buurtoverleg and its manage token, which is not stored and shown only once;
        started on a gemeente's host (`gemeente_id`), its help box names that gemeente's
        contacts first."""
        manage_token = new_token()
        overleg = cls.objects.create(
            name=name,
            gemeente_id=gemeente_id,
            manage_token_hash=token_hash(manage_token),
            participant_token=new_token(),
            link_panel_shown=False,
        )
        Round.objects.create(overleg=overleg, number=1, started_at=overleg.created_at)
        return overleg, manage_token

    def start_round(self):
        """The next round, or None while the current one has no answers or at the last round."""
        current = self.current_round()
        if current.number >= MAX_ROUNDS or not current.responses.exists():
            return None
        try:
            with transaction.atomic():
                new = Round.objects.create(overleg=self, number=current.number + 1)
        except IntegrityError:  # a second click started it a moment ago
            return None
        self.touch()
        return new

    def show_link_panel_once(self):
        """True the first time it is asked after start(): the page then shows the manage link.

        One UPDATE decides it, so two requests at once cannot both show it.
        """
        if self.link_panel_shown:
            return False
        shown = type(self).objects.filter(pk=self.pk, link_panel_shown=False)
        self.link_panel_shown = True
        return bool(shown.update(link_panel_shown=True))

    def touch(self):
        """Record a change now: the expiry counts from the last change."""
        self.updated_at = timezone.now()
        type(self).objects.filter(pk=self.pk).update(updated_at=self.updated_at)

    @property
    def expires_at(self):
        return self.updated_at + retention()

    def current_round(self):
        """The round participants answer now: the newest (round 1 is made if there is none)."""
        latest = self.rounds.order_by("-number").first()
        if latest is None:
            latest, _created = Round.objects.get_or_create(overleg=self, number=1)
        return latest

    def participant_url(self):
        return reverse("buurtoverleg:participate", kwargs={"token": self.participant_token})

    def shared_plan_url(self):
        return reverse("buurtoverleg:shared_plan", kwargs={"token": self.participant_token})


class Round(models.Model):
    """One time the team answers the scan: the first meeting, and each return to it later."""

    overleg = models.ForeignKey(
        Overleg, verbose_name=_("buurtoverleg"), on_delete=models.CASCADE, related_name="rounds"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    meeting_date = models.DateField(
        _("date of the meeting"),
        null=True,
        blank=True,
        help_text=_("The day the team meets for this round; it is printed on the plan."),
    )

    class Meta:
        ordering = ["overleg", "number"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        constraints = [
            models.UniqueConstraint(fields=["overleg", "number"], name="one_round_per_number"),
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=MAX_ROUNDS),
                name="round_number_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.overleg} · {self.number}"


class ResponseQuerySet(models.QuerySet):
    def for_edit_token(self, overleg, token):
        response = self.filter(overleg=overleg, edit_token_hash=token_hash(token)).first()
        if response is None or not matches(token, response.edit_token_hash):
            return None
        return response


class Response(models.Model):
    """One participant's answers to the wijkscan, with their role: anonymous."""

    overleg = models.ForeignKey(
        Overleg, verbose_name=_("buurtoverleg"), on_delete=models.CASCADE, related_name="responses"
    )
    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="responses"
    )
    edit_token_hash = models.CharField(_("edit token (SHA-256)"), max_length=64, unique=True)
    role = models.ForeignKey(
        ParticipantRole,
        verbose_name=_("role"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
    )
    observation = models.CharField(_("what I see"), max_length=280, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return f"{self.overleg} #{self.pk}"


class ResponseAnswer(models.Model):
    """The answer one participant chose to one scan question."""

    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        "wijkscan.ScanQuestion",
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    answer = models.ForeignKey(
        "wijkscan.ScanAnswer", verbose_name=_("answer"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_answer_per_question_and_response"
            ),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.answer_id}"


class PlanItemQuerySet(models.QuerySet):
    def for_plan(self):
        """The plan's activities with their phase, activity type and tips."""
        return self.select_related("guidance__phase", "guidance__activity_type").prefetch_related(
            "guidance__tips", "checked_tips"
        )


class PlanItem(models.Model):
    """An activity type the team chose for its plan, with who does what and when."""

    class Outcome(models.TextChoices):
        WORKED = "worked", _("Yes")
        PARTLY = "partly", _("Partly")
        DID_NOT_WORK = "did_not_work", _("No")
        NOT_DONE = "not_done", _("Not done yet")

    overleg = models.ForeignKey(
        Overleg, verbose_name=_("buurtoverleg"), on_delete=models.CASCADE, related_name="plan_items"
    )
    guidance = models.ForeignKey(
        "activities.Guidance",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    goal = models.TextField(_("goal"), max_length=TEXT_LIMIT, blank=True)
    who = models.TextField(_("who does what"), max_length=TEXT_LIMIT, blank=True)
    partners = models.TextField(_("partners"), max_length=TEXT_LIMIT, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    measure = models.TextField(_("how do we know it works"), max_length=TEXT_LIMIT, blank=True)
    checked_tips = models.ManyToManyField(
        "activities.Tip", verbose_name=_("checked tips"), related_name="+", blank=True
    )
    outcome = models.CharField(_("did it work?"), max_length=20, choices=Outcome, blank=True)
    outcome_note = models.CharField(
        _("in one line"), max_length=200, blank=True, help_text=PRIVACY_HELP
    )
    outcome_recorded_on = models.DateField(_("outcome recorded on"), null=True, blank=True)

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("plan activity")
        verbose_name_plural = _("plan activities")
        constraints = [
            models.UniqueConstraint(
                fields=["overleg", "guidance"], name="one_plan_item_per_activity"
            ),
        ]

    def __str__(self):
        return str(self.guidance)

    @property
    def checklist(self):
        """The guidance's tips, each with whether the team has ticked it."""
        checked = {tip.pk for tip in self.checked_tips.all()}
        return [(tip, tip.pk in checked) for tip in self.guidance.tips.all()]

    @property
    def checklist_do(self):
        """The 'dit werkt wel' tips: ticked when the team has taken care of them."""
        return [(tip, checked) for tip, checked in self.checklist if tip.kind == Tip.Kind.WORKS]

    @property
    def checklist_avoid(self):
        """The 'dit werkt niet' tips: ticked when the team has made sure to avoid them."""
        return [(tip, checked) for tip, checked in self.checklist if tip.kind != Tip.Kind.WORKS]
