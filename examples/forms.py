from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import ActivityType
from core.forms import ComponentFieldsMixin
from examples.models import DividingLine, ExampleSubmission, PracticeExample, Province
from phases.models import Phase

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FILTER = 20


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Checkboxes from the query string: unknown values (a renamed slug, a typo) are dropped.

    A shared link with an old slug then still shows a list instead of an error. Repeating a value
    is harmless; an absurd number of values is an error (400).
    """

    def to_python(self, value):
        values = super().to_python(value)
        if len(values) > MAX_VALUES_PER_FILTER:
            raise forms.ValidationError(_("Too many choices in one filter."), code="too_many")
        known = {str(key) for key, _label in self.choices}
        return list(dict.fromkeys(v for v in values if v in known))

    def validate(self, value):
        pass


class ExampleFilterForm(ComponentFieldsMixin, forms.Form):
    """The list's query string: ?q=…&fase=…&activiteit=…&groep=…&omgeving=…&soort=…&pagina=N."""

    q = forms.CharField(
        label=_("Search the examples"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={"max_length": _("The search text is too long; use fewer words.")},
    )
    fase = LenientMultipleChoiceField(label=_("Phase"), required=False)
    activiteit = LenientMultipleChoiceField(label=_("Activity type"), required=False)
    groep = LenientMultipleChoiceField(label=_("Target group / dividing line"), required=False)
    omgeving = LenientMultipleChoiceField(label=_("Setting"), required=False)
    soort = LenientMultipleChoiceField(
        label=_("Kind of example"), required=False, choices=PracticeExample.Origin.choices
    )

    SINGLE_VALUED = ("q", "pagina")

    def __init__(self, *args, phases, activity_types, dividing_lines, settings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fase"].choices = [(p.slug, p.name) for p in phases]
        self.fields["activiteit"].choices = [(a.slug, a.name) for a in activity_types]
        self.fields["groep"].choices = [(d.slug, d.name) for d in dividing_lines]
        self.fields["omgeving"].choices = [(s.slug, s.name) for s in settings]

    def clean(self):
        cleaned = super().clean()
        for key in self.SINGLE_VALUED:
            if len(self.data.getlist(key)) > 1:
                self.add_error(None, _("The link gives “%s” more than once.") % key)
        return cleaned

    def filters(self):
        """The valid choices, as {parameter: [values]}; empty when the form is not valid."""
        if not self.is_valid():
            return {}
        return {
            name: self.cleaned_data[name]
            for name in ("fase", "activiteit", "groep", "omgeving", "soort")
        }

    @property
    def query(self):
        return (self.cleaned_data.get("q") or "").strip() if self.is_valid() else ""


# What a sender tells about the example; the admin shows the same fields to review them.
EXAMPLE_FIELDS = [
    "name",
    "organisation",
    "place",
    "province",
    "phases",
    "activity_types",
    "dividing_lines",
    "target_group",
    "description",
    "what_worked",
    "what_did_not_work",
    "website",
]


class SubmissionForm(ComponentFieldsMixin, forms.ModelForm):
    """ "Deel jouw praktijkvoorbeeld": what a resident or professional tells us about their project.

    `homepage` is a honeypot: hidden from people by CSS and from assistive technology, it is left
    empty by people and filled in by most spam robots.
    """

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = ExampleSubmission
        fields = [*EXAMPLE_FIELDS, "email"]
        labels = {
            "name": _("Name of the initiative"),
            "organisation": _("Organisation (if any)"),
            "place": _("Place"),
            "province": _("Province"),
            "phases": _("In which situation did you use it?"),
            "activity_types": _("What kind of activity was it?"),
            "dividing_lines": _("Which groups did it bring together?"),
            "target_group": _("Target group, in your own words"),
            "description": _("What did you do?"),
            "what_worked": _("What worked?"),
            "what_did_not_work": _("What did not work?"),
            "website": _("Website of the initiative"),
            "email": _("Your e-mail address"),
        }
        help_texts = {
            "name": "",
            "phases": _("Tick one or more."),
            "activity_types": _("Tick one or more."),
            "dividing_lines": _("Tick one or more, if any fit."),
            "target_group": _("Describe groups, never individual people."),
            "description": _(
                "A few sentences: who took part, where and how often. No names of people."
            ),
            "website": _("The page about the initiative itself, if there is one."),
            "email": _(
                "Only the editors see it, to ask you a question about your example. It is never "
                "shown on the site."
            ),
        }
        widgets = {
            "phases": forms.CheckboxSelectMultiple,
            "activity_types": forms.CheckboxSelectMultiple,
            "dividing_lines": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
            "what_worked": forms.Textarea(attrs={"rows": 3}),
            "what_did_not_work": forms.Textarea(attrs={"rows": 3}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phases"].queryset = Phase.objects.for_overview()
        self.fields["activity_types"].queryset = ActivityType.objects.order_by("position", "slug")
        self.fields["dividing_lines"].queryset = DividingLine.objects.all()
        self.fields["province"].choices = [("", _("(choose)")), *Province.choices]
        for name in ("phases", "activity_types"):
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = _("Tick at least one.")

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("homepage"))
