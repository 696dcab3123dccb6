"""The coordinator's pages: start a buurtoverleg; with its manage link, the team's overview
(live while it is open), the agreements, and deleting it. The plan is in views.plan."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from buurtoverleg import pdf
from buurtoverleg.analysis import Participant, compare_rounds, overview
from buurtoverleg.forms import AgreementForm, MeetingDateForm, StartForm
from buurtoverleg.http import UnknownLink, capability_page
from buurtoverleg.models import (
    MAX_PARTICIPANTS,
    MAX_ROUNDS,
    Overleg,
    ParticipantRole,
    ResponseAnswer,
    retention,
)
from buurtoverleg.safety import threat_reports
from buurtoverleg.views.lookup import by_manage_token
from core.htmx import render_page
from pagecache.keys import make_key
from pagecache.objects import shared
from phases.shared import overview as phase_overview
from wijkscan.models import ScanQuestion

# The overview's live part asks again this often (see templates/buurtoverleg/manage.html).
POLL_SECONDS = 10
# How long a rendered overview is kept: a meeting's length. Its key names the buurtoverleg's last
# change, so a new answer is shown at the next poll; the short life keeps a deleted team's lines
# out of the cache soon after (the overview holds the participants' own lines).
OVERVIEW_CACHE_SECONDS = 15 * 60


class _Weights(list):
    def all(self):
        return self


@dataclass(frozen=True)
class _Answer:
    """A scan answer as the scoring reads it, with its weights in a plain list.

    At 200 participants the scoring asks for `answer.weights.all()` some 60,000 times; Django's
    related manager costs more than the sum itself (benchmarks/buurtoverleg.py: the overview's
    first render after a change went from 234 ms to 115 ms).
    """

    pk: int
    text: str
    needs_urgent_help: bool
    weights: _Weights


def _participants(responses, answer_rows, questions):
    """The team's responses as the analysis needs them: each with its (question, answer)s."""
    questions_by_id = {question.pk: question for question in questions}
    answers_by_id = {
        answer.pk: _Answer(
            answer.pk, answer.text, answer.needs_urgent_help, _Weights(answer.weights.all())
        )
        for q in questions
        for answer in q.answers.all()
    }
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


@dataclass(frozen=True)
class _Response:
    """A response as the overview shows it: no token hash, no dates; read as plain rows."""

    pk: int
    role: object
    observation: str
    round_id: int


def _team_overview(overleg):
    """The analysis of the current round's answers (with every round compared, from the second
    round on), and that round's responses; a fixed number of queries.

    The questions and phases are the ones the wijkscan shares per content version.
    """
    version = overleg.content_version
    questions = shared(version, "scan-questions", lambda: list(ScanQuestion.objects.for_scan()))
    if not questions:
        raise Http404("The wijkscan has no questions yet.")
    phases = phase_overview(version)
    rounds = list(overleg.rounds.all()) or [overleg.current_round()]
    roles = {role.pk: role for role in ParticipantRole.objects.all()}
    responses = [
        _Response(pk, roles.get(role_id), observation, round_id)
        for pk, role_id, observation, round_id in overleg.responses.values_list(
            "pk", "role_id", "observation", "round_id"
        )
    ]
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
    """Start a buurtoverleg, then send the coordinator to its manage address (post/redirect/get).

    The manage page shows the "bewaar deze link" panel the first time it is opened; a reload of
    that page is a GET of the manage address, so it never starts a second buurtoverleg.
    """
    if request.method != "POST":
        return redirect("buurtoverleg:start")
    form = StartForm(request.POST)
    if not form.is_valid():
        return render(request, "buurtoverleg/start.html", _start_context(form), status=400)
    local = getattr(request, "gemeente", None)
    _overleg, manage_token = Overleg.start(
        form.cleaned_data["name"], gemeente_id=local.pk if local else None
    )
    response = redirect("buurtoverleg:manage", token=manage_token)
    response.status_code = 303  # See Other: the browser GETs the manage page
    return response


# Manage: overview, agreement, delete


def _live_parts(overleg):
    """The overview's rendered live part and its safety box, kept per change of the buurtoverleg.

    The key holds the content version (read with the buurtoverleg, see lookup.by_manage_token),
    the release, the buurtoverleg, its last change and the language; so a poll that finds it
    costs the one query that looks up the manage link. The cached HTML holds no link.
    """
    key = make_key(
        "buurtoverleg-live",
        overleg.content_version,
        overleg.pk,
        overleg.updated_at.isoformat(),
        get_language(),
    )
    cache = caches[settings.PAGE_CACHE_ALIAS]
    parts = cache.get(key)
    if parts is None:
        team, responses = _team_overview(overleg)
        context = {
            "overleg": overleg,
            "team": team,
            "threats": threat_reports(overleg),
            "observations": [response for response in responses if response.observation],
            "max_participants": MAX_PARTICIPANTS,
        }
        parts = {
            "live": render_to_string("buurtoverleg/overview_live.html", context),
            "threats": render_to_string("buurtoverleg/safety.html", context),
        }
        cache.set(key, parts, OVERVIEW_CACHE_SECONDS)
    return parts


def _manage_context(request, overleg, token, meeting_form=None):
    parts = _live_parts(overleg)
    current = overleg.current_round()
    return {
        "overleg": overleg,
        "token": token,
        "live_html": parts["live"],
        "threats_html": parts["threats"],
        "current_round": current,
        "round_answers": current.responses.count(),
        "meeting_form": meeting_form or MeetingDateForm(instance=current),
        "max_rounds": MAX_ROUNDS,
        "poll_seconds": POLL_SECONDS,
        "participant_url": request.build_absolute_uri(overleg.participant_url()),
    }


@require_safe
@capability_page
def manage(request, token):
    """The team's overview: how many answered, the phases, where the team differs; what next.

    The first time after starting, it opens with the manage link to keep ("bewaar deze link").
    """
    overleg = by_manage_token(request, token)
    context = _manage_context(request, overleg, token)
    if request.method == "GET" and overleg.show_link_panel_once():
        context["manage_url"] = request.build_absolute_uri()
        context["link_panel"] = True
    return render_page(request, "buurtoverleg/manage.html", context)


@require_safe
@capability_page
def live(request, token):
    """The overview's live part, which the page asks for again while it is visible.

    Its safety box rides along out of band (hx-swap-oob), so it stays at the top of the page.
    """
    overleg = by_manage_token(request, token)
    parts = _live_parts(overleg)
    html = render_to_string(
        "buurtoverleg/manage_live.html",
        {
            "token": token,
            "poll_seconds": POLL_SECONDS,
            "live_html": parts["live"],
            "threats_html": parts["threats"],
            "out_of_band": True,
        },
    )
    return HttpResponse(html)


@require_POST
@capability_page
def new_round(request, token):
    """Start the next round ("hoe staat het er nu voor?"); everyone answers again with the same
    participant link. Nothing happens while the current round has no answers yet."""
    overleg = by_manage_token(request, token)
    overleg.start_round()
    return redirect(f"{reverse('buurtoverleg:manage', kwargs={'token': token})}#rounds")


@require_POST
@capability_page
def meeting_date(request, token):
    """Record the day the team meets for the current round; it is printed on the plan."""
    overleg = by_manage_token(request, token)
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
    overleg = by_manage_token(request, token)
    team, _responses = _team_overview(overleg)
    counts = {count.phase.pk: count.count for count in team.phases}
    if request.method == "POST":
        form = AgreementForm(request.POST, instance=overleg, counts=counts)
        if form.is_valid():
            form.save()
            overleg.touch()
            return redirect("buurtoverleg:plan", token=token)
        status = 400
    else:
        # Nothing is chosen for the team (not even the phase most answers point to): the
        # counts stand beside each option, the choice is theirs.
        form = AgreementForm(instance=overleg, counts=counts)
        status = 200
    return render(
        request,
        "buurtoverleg/agreement.html",
        {
            "overleg": overleg,
            "token": token,
            "form": form,
            "team": team,
            "threats": threat_reports(overleg),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@capability_page
def delete(request, token):
    """Delete the buurtoverleg with its answers and plan, at once."""
    overleg = by_manage_token(request, token)
    if request.method == "POST":
        pdf.forget([overleg.pk])
        overleg.delete()
        return render(request, "buurtoverleg/deleted.html", {})
    return render(request, "buurtoverleg/delete.html", {"overleg": overleg, "token": token})


@require_safe
@capability_page
def unknown_link(request, rest):
    """A path under a link's prefix that is no link at all."""
    raise UnknownLink("Not a buurtoverleg link.")
