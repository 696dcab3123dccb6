from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ComponentFieldsMixin

STEP_PARAMETER = "stap"
# Optional details that print with the outcome; they travel in the query string like the answers.
PLACE_PARAMETER = "wijk"
DATE_PARAMETER = "datum"
DETAIL_PARAMETERS = [PLACE_PARAMETER, DATE_PARAMETER]
MAX_PLACE_LENGTH = 80
MAX_KEY_SHOWN = 40


class ScanForm(ComponentFieldsMixin, forms.Form):
    """The wijkscan's query string, ?<question>=<answer>&...[&stap=N], as one form.

    Built from the questions in the database. With `stepwise`, the answers so far are optional and
    `stap` (which question to show, 1..number of questions) is required. Anything else in the
    query string (an unknown question, a repeated one) is reported, never silently ignored.
    """

    def __init__(self, questions, *args, require_all=True, stepwise=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        # Built afresh for each form: 0.5 ms with validation for the twelve seed questions
        # (benchmarks/memos.py). A per-process memo of built fields, copied per form, saved 0.2 ms
        # when the same question list object came back and cost 0.3 ms when it did not, as on
        # every buurtoverleg request (issue 16).
        for question in questions:
            self.fields[question.slug] = forms.ChoiceField(
                label=question.text,
                help_text=question.explanation,
                choices=[(answer.slug, answer.text) for answer in question.answers.all()],
                widget=forms.RadioSelect,
                required=require_all and not stepwise,
                error_messages={
                    "required": _("Please answer this question."),
                    "invalid_choice": _("This answer is not one of the choices; choose again."),
                },
            )
        self.fields[PLACE_PARAMETER] = forms.CharField(
            label=_("Neighbourhood"),
            help_text=_("For example the name of the neighbourhood or street. Optional."),
            max_length=MAX_PLACE_LENGTH,
            required=False,
            error_messages={
                "max_length": _(
                    "The neighbourhood name is too long: use at most %(limit_value)d characters."
                ),
            },
        )
        self.fields[DATE_PARAMETER] = forms.DateField(
            label=_("Date"),
            help_text=_("The day the scan was done. Optional."),
            required=False,
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": _("The date is not a valid date (year-month-day).")},
        )
        if stepwise:
            invalid = _("The step in the link does not exist.")
            self.fields[STEP_PARAMETER] = forms.IntegerField(
                min_value=1,
                max_value=len(questions),
                widget=forms.HiddenInput,
                error_messages={
                    "required": invalid,
                    "invalid": invalid,
                    "min_value": invalid,
                    "max_value": invalid,
                },
            )

    def clean(self):
        cleaned = super().clean()
        known = {*self.fields, STEP_PARAMETER}
        for key in self.data:
            shown = key[:MAX_KEY_SHOWN]
            if key not in known:
                self.add_error(
                    None, _("The link contains a question we do not know: “%s”.") % shown
                )
            elif len(self.data.getlist(key)) > 1:
                self.add_error(None, _("The link answers “%s” more than once.") % shown)
        return cleaned

    @property
    def question_fields(self):
        """The bound fields of the questions, in order (not the step)."""
        return [self[question.slug] for question in self.questions]

    @property
    def detail_fields(self):
        """The bound fields of the optional details that print with the outcome."""
        return [self[name] for name in DETAIL_PARAMETERS]

    @property
    def step(self):
        return self.cleaned_data.get(STEP_PARAMETER)

    def answers(self):
        """The valid answers given so far, as {question slug: answer slug}."""
        data = getattr(self, "cleaned_data", {})
        return {
            question.slug: data[question.slug]
            for question in self.questions
            if data.get(question.slug)
        }

    def details(self):
        """The valid details given, as query-string values: {"wijk": ..., "datum": "2026-11-22"}."""
        data = getattr(self, "cleaned_data", {})
        values = {name: data.get(name) for name in DETAIL_PARAMETERS}
        if values[DATE_PARAMETER]:
            values[DATE_PARAMETER] = values[DATE_PARAMETER].isoformat()
        return {name: value for name, value in values.items() if value}

    def query(self):
        """The answers in question order, then the details: one address per outcome."""
        return {**self.answers(), **self.details()}

    def step_shown(self):
        """(the step to show, whether it is an earlier one than the link asked for).

        A step is shown only once every question before it has an answer: otherwise the first
        one without an answer is shown instead.
        """
        answers = self.answers()
        missing = next(
            (
                number
                for number, question in enumerate(self.questions[: self.step - 1], 1)
                if question.slug not in answers
            ),
            None,
        )
        return (missing or self.step), missing is not None

    def chosen(self):
        """(question, answer) pairs for the valid answers, in question order."""
        answers = self.answers()
        return [
            (question, answer)
            for question in self.questions
            for answer in question.answers.all()
            if answers.get(question.slug) == answer.slug
        ]
