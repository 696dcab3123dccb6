from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities.models import Tip
from buurtoverleg.models import (
    MAX_PLAN_ITEMS,
    PRIVACY_HELP,
    Overleg,
    ParticipantRole,
    PlanItem,
    Round,
)
from core.forms import ComponentFieldsMixin
from wijkscan.forms import ScanForm

# Keys a POSTed participant form may carry besides the questions and the form's own fields.
FORM_KEYS = {"csrfmiddlewaretoken"}


def private(help_text=None):
    """A free-text field's help text, ending with what not to write (names, religion, ...)."""
    if help_text is None:
        return PRIVACY_HELP
    return format_lazy("{} {}", help_text, PRIVACY_HELP)


# The error of a text over its limit (MaxLengthValidator fills in the numbers).
TOO_LONG = _("This text is too long: at most %(limit_value)d characters, it has %(show_value)d.")


class StartForm(ComponentFieldsMixin, forms.Form):
    name = forms.CharField(
        label=_("Name of the buurtoverleg"),
        help_text=private(
            _("For example the neighbourhood and the month: “Overvecht-Noord, maart”.")
        ),
        max_length=100,
        error_messages={
            "required": _("Please give the buurtoverleg a name."),
            "max_length": TOO_LONG,
        },
    )


class ParticipantForm(ScanForm):
    """The wijkscan's questions (all required: each has a 'weet ik niet'), a role and a line.

    It is the wijkscan's own ScanForm, so the questions, answers and checks are the same; the
    form's CSRF token is the one extra key it accepts.
    """

    def __init__(self, questions, *args, data=None, **kwargs):
        if data is not None:
            data = data.copy()
            for key in FORM_KEYS:
                data.pop(key, None)
        super().__init__(questions, *args, data=data, require_all=True, **kwargs)
        roles = ParticipantRole.objects.all()
        self.fields["role"] = forms.ModelChoiceField(
            roles,
            # With no roles in the database (editors removed them all), nobody is kept out.
            required=roles.exists(),
            label=_("Your role"),
            widget=forms.RadioSelect,
            empty_label=None,
            error_messages={
                "required": _("Please choose your role."),
                "invalid_choice": _("This role is not one of the choices; choose again."),
            },
        )
        self.fields["observation"] = forms.CharField(
            label=_("What do you see? (optional)"),
            help_text=private(_("One line.")),
            max_length=280,
            required=False,
            error_messages={"max_length": TOO_LONG},
        )


class AgreementForm(ComponentFieldsMixin, forms.ModelForm):
    class Meta:
        model = Overleg
        fields = ["agreed_phase", "dividing_lines", "groups", "places"]
        labels = {
            "agreed_phase": _("Which phase do you agree the neighbourhood is in?"),
            "dividing_lines": _("Dividing lines: between whom does it chafe?"),
            "groups": _("Groups involved"),
            "places": _("Places"),
        }
        help_texts = {
            "dividing_lines": private(
                _("E.g. old and new residents, young and old, tenants and owners.")
            ),
            "groups": private(_("Describe groups, never individual people.")),
            "places": private(_("Streets, squares, buildings where it happens or could happen.")),
        }
        error_messages = {
            name: {"max_length": TOO_LONG} for name in ("dividing_lines", "groups", "places")
        }
        widgets = {
            "agreed_phase": forms.RadioSelect,
            "dividing_lines": forms.Textarea(attrs={"rows": 3}),
            "groups": forms.Textarea(attrs={"rows": 3}),
            "places": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, counts=None, **kwargs):
        """`counts` ({phase pk: participants}) stand beside each phase; nothing is pre-chosen."""
        super().__init__(*args, **kwargs)
        counts = counts or {}
        field = self.fields["agreed_phase"]
        field.empty_label = None
        field.required = True
        field.error_messages["required"] = _("Please choose a phase.")

        def label(phase):
            count = counts.get(phase.pk, 0)
            pointed = ngettext("%(count)d participant", "%(count)d participants", count) % {
                "count": count
            }
            return f"{phase.name}: {phase.current_quote} ({pointed})"

        field.label_from_instance = label


class PlanChoiceForm(ComponentFieldsMixin, forms.Form):
    guidances = forms.ModelMultipleChoiceField(
        queryset=None,
        label=_("Activities to add to the plan"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one activity.")},
    )

    def __init__(self, guidances, *args, in_plan=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.in_plan = in_plan
        self.fields["guidances"].queryset = guidances
        self.fields["guidances"].label_from_instance = lambda g: g.activity_type.name

    def options(self):
        """Each checkbox with its guidance, so the page can show the activity's card beside it."""
        return [(choice, choice.data["value"].instance) for choice in self["guidances"].subwidgets]

    def clean_guidances(self):
        chosen = self.cleaned_data["guidances"]
        room = MAX_PLAN_ITEMS - self.in_plan
        if len(chosen) > room:
            raise forms.ValidationError(
                _(
                    "A plan holds at most %(limit)d activities, and this one has %(count)d. "
                    "Choose %(room)d or fewer, or remove one from the plan first."
                ),
                params={"limit": MAX_PLAN_ITEMS, "count": self.in_plan, "room": max(room, 0)},
            )
        return chosen


class PlanItemForm(ComponentFieldsMixin, forms.ModelForm):
    """An activity of the plan; its tips as two checklists, 'doen' and 'vermijden'.

    Both lists are stored in `checked_tips`: a 'dit werkt wel' tip is ticked when the team has
    taken care of it, a 'dit werkt niet' tip when the team has made sure to avoid it.
    """

    tips_do = forms.ModelMultipleChoiceField(
        queryset=Tip.objects.none(),
        label=_("Do (this works): what we have taken care of"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    tips_avoid = forms.ModelMultipleChoiceField(
        queryset=Tip.objects.none(),
        label=_("Avoid (this does not work): what we make sure not to do"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = PlanItem
        fields = ["goal", "who", "partners", "date", "measure"]
        labels = {
            "goal": _("Goal"),
            "who": _("Who does what"),
            "partners": _("Partners"),
            "date": _("Date"),
            "measure": _("How do we know it works?"),
        }
        help_texts = {name: private() for name in ("goal", "who", "partners", "measure")}
        error_messages = {
            name: {"max_length": TOO_LONG} for name in ("goal", "who", "partners", "measure")
        }
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 2}),
            "who": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.Textarea(attrs={"rows": 2}),
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "measure": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tips = self.instance.guidance.tips.all()
        checked = list(self.instance.checked_tips.values_list("pk", flat=True))
        for name, kind in (
            ("tips_do", Tip.Kind.WORKS),
            ("tips_avoid", Tip.Kind.DOES_NOT_WORK),
        ):
            self.fields[name].queryset = tips.filter(kind=kind)
            self.fields[name].label_from_instance = lambda tip: tip.text
            self.fields[name].initial = checked

    def save(self, commit=True):
        item = super().save(commit=commit)
        if commit:
            item.checked_tips.set([*self.cleaned_data["tips_do"], *self.cleaned_data["tips_avoid"]])
        return item


class OutcomeForm(ComponentFieldsMixin, forms.ModelForm):
    """'Heeft het gewerkt?' for one activity of the plan: one of four answers, and one line."""

    outcome = forms.ChoiceField(
        choices=PlanItem.Outcome.choices,
        label=_("Did it work?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose an answer."),
            "invalid_choice": _("This answer is not one of the choices; choose again."),
        },
    )

    class Meta:
        model = PlanItem
        fields = ["outcome", "outcome_note"]
        labels = {"outcome_note": _("In one line: what did you see? (optional)")}
        help_texts = {"outcome_note": PRIVACY_HELP}


class MeetingDateForm(ComponentFieldsMixin, forms.ModelForm):
    """The day the team meets for a round; printed on the plan."""

    class Meta:
        model = Round
        fields = ["meeting_date"]
        labels = {"meeting_date": _("Date of the meeting")}
        help_texts = {"meeting_date": _("It is printed on the plan.")}
        widgets = {
            "meeting_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {"meeting_date": {"invalid": _("Enter a date, e.g. 2027-03-01.")}}
