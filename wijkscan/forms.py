from django import forms
from django.utils.translation import gettext_lazy as _

STEP_PARAMETER = "stap"
MAX_KEY_SHOWN = 40


class ScanForm(forms.Form):
    """The wijkscan's query string, ?<question>=<answer>&...[&stap=N], as one form.

    Built from the questions in the database. With `stepwise`, the answers so far are optional and
    `stap` (which question to show, 1..number of questions) is required. Anything else in the
    query string (an unknown question, a repeated one) is reported, never silently ignored.
    """

    def __init__(self, questions, *args, require_all=True, stepwise=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
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

    def first_unanswered_before(self, step):
        """The number of the first question before `step` without an answer, or None."""
        answers = self.answers()
        return next(
            (
                number
                for number, question in enumerate(self.questions[: step - 1], 1)
                if question.slug not in answers
            ),
            None,
        )

    def chosen(self):
        """(question, answer) pairs for the valid answers, in question order."""
        answers = self.answers()
        return [
            (question, answer)
            for question in self.questions
            for answer in question.answers.all()
            if answers.get(question.slug) == answer.slug
        ]
