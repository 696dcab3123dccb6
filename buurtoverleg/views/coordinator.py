"""The coordinator's pages: start a buurtoverleg; with its manage link, the team's overview
(live while it is open), the agreements, and deleting it. The plan is in views.plan."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from buurtoverleg import pdf
from buurtoverleg.analysis import Participant, compare_rounds, overview
from buurtoverleg.forms import AgreementForm, MeetingDateForm, StartForm
from buurtoverleg.http import capability_page
from buurtoverleg.models import MAX_ROUNDS, Overleg, ResponseAnswer, retention
from buurtoverleg.views.lookup import by_manage_token, scan_questions
from core.htmx import render_page
from phases.models import Phase

# The overview's live part asks again this often (see templates/buurtoverleg/manage.html).
POLL_SECONDS = 10


def _participants(responses, answer_rows, questions):
    """The team's responses as the analysis needs them: each with its (question, answer)s."""
    questions_by_id = {question.pk: question for question in questions}
    answers_by_id = {answer.pk: answer for q in questions for answer in q.answers.all()}
    order = {question.pk: index for index, question in enumerate(questions)}
    chosen = {}
    for response_id, question_id, answer_id in answer_rows:
        if question_id in questions_by_id and answer_id in answers_by_id:
            chosen.setdefault(response_id, []).append(
                (questions_by_id[question_id], answers_by_id[answer_id])
            )
    return [
        Participant(
            response.role,
            sorted(chosen.get(response.pk, []), key=lambda pair: order[pair[0].pk]),
        )
        for response in responses
    ]


def _team_overview(overleg):
    """The analysis of the current round's answers (with every round compared, from the second
    round on), and that round's responses; a fixed number of queries."""
    questions = scan_questions()
    phases = list(Phase.objects.for_overview())
    rounds = list(overleg.rounds.all()) or [overleg.current_round()]
    responses = list(overleg.responses.select_related("role"))
    answer_rows = ResponseAnswer.objects.filter(response__overleg=overleg).values_list(
        "response_id", "question_id", "answer_id"
    )
    by_round = {round_.pk: ([], []) for round_ in rounds}
    for response, participant in zip(
        responses, _participants(responses, answer_rows, questions), strict=True
    ):
        if response.round_id in by_round:
            by_round[response.round_id][0].append(response)
            by_round[response.round_id][1].append(participant)
    current = rounds[-1]
    responses, participants = by_round[current.pk]
    team = overview(questions, phases, participants)
    team.round = current
    if len(rounds) > 1:
        team.compared = compare_rounds(
            questions, phases, [(round_, by_round[round_.pk][1]) for round_ in rounds]
        )
    return team, responses


# Start


def _start_context(form):
    return {"form": form, "retention_days": retention().days}


@require_safe
def start(request):
    """What a buurtoverleg is, what it stores, and the form to start one."""
    return render(request, "buurtoverleg/start.html", _start_context(StartForm()))


@require_http_methods(["GET", "HEAD", "POST"])
@capability_page
def create(request):
    """Start a buurtoverleg; the answer shows its manage link, this once."""
    if request.method != "POST":
        return redirect("buurtoverleg:start")
    form = StartForm(request.POST)
    if not form.is_valid():
        return render(request, "buurtoverleg/start.html", _start_context(form), status=400)
    overleg, manage_token = Overleg.start(form.cleaned_data["name"])
    manage_url = reverse("buurtoverleg:manage", kwargs={"token": manage_token})
    return render(
        request,
        "buurtoverleg/created.html",
        {
            "overleg": overleg,
            "manage_url": request.build_absolute_uri(manage_url),
            "manage_path": manage_url,
            "participant_url": request.build_absolute_uri(overleg.participant_url()),
        },
        status=201,
    )


# Manage: overview, agreement, delete


def _manage_context(request, overleg, token, meeting_form=None):
    team, responses = _team_overview(overleg)
    return {
        "overleg": overleg,
        "token": token,
        "team": team,
        "meeting_form": meeting_form or MeetingDateForm(instance=team.round),
        "max_rounds": MAX_ROUNDS,
        "observations": [response for response in responses if response.observation],
        "poll_seconds": POLL_SECONDS,
        "participant_url": request.build_absolute_uri(overleg.participant_url()),
    }


@require_safe
@capability_page
def manage(request, token):
    """The team's overview: how many answered, the phases, where the team differs; what next."""
    overleg = by_manage_token(token)
    context = _manage_context(request, overleg, token)
    return render_page(request, "buurtoverleg/manage.html", context)


@require_safe
@capability_page
def live(request, token):
    """The overview's live part, which the page asks for again while it is visible."""
    overleg = by_manage_token(token)
    return render(
        request, "buurtoverleg/manage.html#live", _manage_context(request, overleg, token)
    )


@require_POST
@capability_page
def new_round(request, token):
    """Start the next round ("hoe staat het er nu voor?"); everyone answers again with the same
    participant link. Nothing happens while the current round has no answers yet."""
    overleg = by_manage_token(token)
    overleg.start_round()
    return redirect(f"{reverse('buurtoverleg:manage', kwargs={'token': token})}#rounds")


@require_POST
@capability_page
def meeting_date(request, token):
    """Record the day the team meets for the current round; it is printed on the plan."""
    overleg = by_manage_token(token)
    form = MeetingDateForm(request.POST, instance=overleg.current_round())
    if not form.is_valid():
        context = _manage_context(request, overleg, token, meeting_form=form)
        return render_page(request, "buurtoverleg/manage.html", context, status=400)
    form.save()
    overleg.touch()
    return redirect(f"{reverse('buurtoverleg:manage', kwargs={'token': token})}#rounds")


@require_http_methods(["GET", "HEAD", "POST"])
@capability_page
def agreement(request, token):
    """Record what the team agrees on: the phase, the dividing lines, groups and places."""
    overleg = by_manage_token(token)
    if request.method == "POST":
        form = AgreementForm(request.POST, instance=overleg)
        if form.is_valid():
            form.save()
            overleg.touch()
            return redirect("buurtoverleg:plan", token=token)
        status = 400
    else:
        initial = {}
        if overleg.agreed_phase is None:
            team, _responses = _team_overview(overleg)
            counted = [c for c in team.phases if c.count]
            if counted:
                initial["agreed_phase"] = max(counted, key=lambda c: c.count).phase
        form = AgreementForm(instance=overleg, initial=initial)
        status = 200
    return render(
        request,
        "buurtoverleg/agreement.html",
        {"overleg": overleg, "token": token, "form": form},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@capability_page
def delete(request, token):
    """Delete the buurtoverleg with its answers and plan, at once."""
    overleg = by_manage_token(token)
    if request.method == "POST":
        pdf.forget([overleg.pk])
        overleg.delete()
        return render(request, "buurtoverleg/deleted.html", {})
    return render(request, "buurtoverleg/delete.html", {"overleg": overleg, "token": token})
