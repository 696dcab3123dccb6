from django.db import models
from django.utils.translation import gettext_lazy as _

from phases.models import Phase


class ScanQuestionQuerySet(models.QuerySet):
    def for_scan(self):
        """All questions in order with their answers and the weight of each, in three queries."""
        return self.order_by("position", "slug").prefetch_related(
            models.Prefetch(
                "answers",
                queryset=ScanAnswer.objects.order_by("position", "id").prefetch_related(
                    models.Prefetch("weights", queryset=ScanWeight.objects.select_related("phase"))
                ),
            )
        )


class ScanQuestion(models.Model):
    """A question of the wijkscan about something a person can observe in the neighbourhood."""

    slug = models.SlugField(
        _("slug"),
        max_length=40,
        unique=True,
        help_text=_("Its name in the scan's shareable address; keep it short and stable."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("question"), max_length=200)
    explanation = models.CharField(
        _("explanation"),
        max_length=250,
        blank=True,
        help_text=_("Optional hint under the question."),
    )

    objects = ScanQuestionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("scan question")
        verbose_name_plural = _("scan questions")

    def __str__(self):
        return self.text


class ScanAnswer(models.Model):
    """One of the answers to a scan question; its weights say which phases it points to."""

    question = models.ForeignKey(
        ScanQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    slug = models.SlugField(
        _("slug"), max_length=40, help_text=_("Its value in the scan's shareable address.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.CharField(_("answer"), max_length=200)
    needs_urgent_help = models.BooleanField(
        _("reports threats or violence"),
        default=False,
        help_text=_(
            "Tick this for an answer that reports threats, violence or intimidation: its outcome "
            "then always shows when to get help at once, whichever phase it suggests."
        ),
    )

    class Meta:
        # Within one question; lists across questions order by question themselves.
        ordering = ["position", "id"]
        verbose_name = _("scan answer")
        verbose_name_plural = _("scan answers")
        constraints = [
            models.UniqueConstraint(fields=["question", "slug"], name="unique_answer_per_question"),
        ]

    def __str__(self):
        return self.text


class ScanWeight(models.Model):
    """How strongly an answer points to a phase."""

    answer = models.ForeignKey(
        ScanAnswer, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="weights"
    )
    phase = models.ForeignKey(
        Phase, verbose_name=_("phase"), on_delete=models.CASCADE, related_name="scan_weights"
    )
    points = models.PositiveSmallIntegerField(
        _("points"), help_text=_("1 is a weak signal of this phase, 5 a very strong one.")
    )

    class Meta:
        verbose_name = _("weight")
        verbose_name_plural = _("weights")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "phase"], name="one_weight_per_answer_and_phase"
            ),
            models.CheckConstraint(
                condition=models.Q(points__gte=1, points__lte=5), name="scan_weight_one_to_five"
            ),
        ]

    def __str__(self):
        return f"{self.phase}: {self.points}"
