from django import forms
from django.utils.translation import gettext_lazy as _

STEP_PARAMETER = "stap"
MAX_KEY_SHOWN = 40


class ScanForm(forms.Form):
    """The wijkscan's answers as they travel in the query string: ?<question>=<answer>&...

    Built from the questions in the database. Anything else in the query string (an unknown
    question, a repeated one) is reported, never silently ignored.
    """

    def __init__(self, questions, *args, require_all=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.slug] = forms.ChoiceField(
                label=question.text,
                help_text=question.explanation,
                choices=[(answer.slug, answer.text) for answer in question.answers.all()],
                widget=forms.RadioSelect,
                required=require_all,
                error_messages={
                    "required": _("Please answer this question."),
                    "invalid_choice": _("This answer is not one of the choices; choose again."),
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

    def answers(self):
        """The valid answers given so far, as {question slug: answer slug}."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return {slug: value for slug, value in data.items() if value}

    def chosen(self):
        """(question, answer) pairs for the valid answers, in question order."""
        answers = self.answers()
        return [
            (question, answer)
            for question in self.questions
            for answer in question.answers.all()
            if answers.get(question.slug) == answer.slug
        ]


class StepForm(forms.Form):
    """Which question of the step-by-step scan to show: ?stap=<1..number of questions>."""

    def __init__(self, *args, total, **kwargs):
        super().__init__(*args, **kwargs)
        invalid = _("The step in the link does not exist.")
        self.fields[STEP_PARAMETER] = forms.IntegerField(
            min_value=1,
            max_value=total,
            error_messages={
                "required": invalid,
                "invalid": invalid,
                "min_value": invalid,
                "max_value": invalid,
            },
        )
