from urllib.parse import urlencode

from django.db import transaction
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from activities.models import Guidance
from buurtoverleg.analysis import Participant, overview
from buurtoverleg.forms import (
    AgreementForm,
    ParticipantForm,
    PlanChoiceForm,
    PlanItemForm,
    StartForm,
)
from buurtoverleg.http import capability_page
from buurtoverleg.models import Overleg, PlanItem, Response, ResponseAnswer, retention
from buurtoverleg.tokens import new_token, token_hash
from core.htmx import render_page, wants_fragment
from phases.models import Phase
from wijkscan.forms import STEP_PARAMETER, ScanForm
from wijkscan.models import ScanQuestion
from wijkscan.scoring import score

SAVED_PARAMETER = "opgeslagen"
# The overview's live part asks again this often (see templates/buurtoverleg/manage.html).
POLL_SECONDS = 10


def _managed(token):
    overleg = Overleg.objects.for_manage_token(token)
    if overleg is None:
        raise Http404("No buurtoverleg with this manage link.")
    return overleg


def _participated(token):
    overleg = Overleg.objects.select_related("agreed_phase")
    return get_object_or_404(overleg, participant_token=token)


def _questions():
    questions = list(ScanQuestion.objects.for_scan())
    if not questions:
        raise Http404("The wijkscan has no questions yet.")
    return questions


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
    """The analysis of the team's answers, and the responses; a fixed number of queries."""
    questions = _questions()
    phases = list(Phase.objects.for_overview())
    responses = list(overleg.responses.select_related("role"))
    answer_rows = ResponseAnswer.objects.filter(response__overleg=overleg).values_list(
        "response_id", "question_id", "answer_id"
    )
    team = overview(questions, phases, _participants(responses, answer_rows, questions))
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


# Manage: overview, agreement, plan


def _manage_context(request, overleg, token):
    team, responses = _team_overview(overleg)
    return {
        "overleg": overleg,
        "token": token,
        "team": team,
        "observations": [response for response in responses if response.observation],
        "poll_seconds": POLL_SECONDS,
        "participant_url": request.build_absolute_uri(overleg.participant_url()),
    }


@require_safe
@capability_page
def manage(request, token):
    """The team's overview: how many answered, the phases, where the team differs; what next."""
    overleg = _managed(token)
    context = _manage_context(request, overleg, token)
    return render_page(request, "buurtoverleg/manage.html", context)


@require_safe
@capability_page
def live(request, token):
    """The overview's live part, which the page asks for again while it is visible."""
    overleg = _managed(token)
    return render(
        request, "buurtoverleg/manage.html#live", _manage_context(request, overleg, token)
    )


@require_http_methods(["GET", "HEAD", "POST"])
@capability_page
def agreement(request, token):
    """Record what the team agrees on: the phase, the dividing lines, groups and places."""
    overleg = _managed(token)
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


def _plan_context(request, overleg):
    items = list(overleg.plan_items.for_plan())
    return {
        "overleg": overleg,
        "items": items,
        "shared_plan_url": request.build_absolute_uri(overleg.shared_plan_url()),
    }


def _choice_form(overleg, items, data=None):
    if overleg.agreed_phase is None:
        return None
    chosen = [item.guidance_id for item in items]
    guidances = (
        Guidance.objects.published()
        .filter(phase=overleg.agreed_phase)
        .exclude(pk__in=chosen)
        .for_phase_page()
    )
    return PlanChoiceForm(guidances, data=data)


@require_safe
@capability_page
def plan(request, token):
    """The plan: the agreements, the chosen activities with who, when and how, and checklists."""
    overleg = _managed(token)
    context = _plan_context(request, overleg)
    return render(
        request,
        "buurtoverleg/plan.html",
        {
            **context,
            "token": token,
            "editable": True,
            "choice_form": _choice_form(overleg, context["items"]),
        },
    )


@require_POST
@capability_page
def plan_choose(request, token):
    overleg = _managed(token)
    context = _plan_context(request, overleg)
    form = _choice_form(overleg, context["items"], data=request.POST)
    if form is None:
        return redirect("buurtoverleg:agreement", token=token)
    if not form.is_valid():
        return render(
            request,
            "buurtoverleg/plan.html",
            {**context, "token": token, "editable": True, "choice_form": form},
            status=400,
        )
    start_at = (overleg.plan_items.aggregate(last=Max("position"))["last"] or 0) + 1
    PlanItem.objects.bulk_create(
        PlanItem(overleg=overleg, guidance=guidance, position=start_at + index)
        for index, guidance in enumerate(form.cleaned_data["guidances"])
    )
    overleg.touch()
    return redirect("buurtoverleg:plan", token=token)


def _plan_item(overleg, item):
    return get_object_or_404(
        PlanItem.objects.select_related("guidance__phase", "guidance__activity_type"),
        pk=item,
        overleg=overleg,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@capability_page
def plan_item(request, token, item):
    """Fill in one activity of the plan: goal, who does what, partners, date, how we know."""
    overleg = _managed(token)
    plan_item = _plan_item(overleg, item)
    if request.method == "POST":
        form = PlanItemForm(request.POST, instance=plan_item)
        if form.is_valid():
            form.save()
            overleg.touch()
            return redirect(f"{reverse('buurtoverleg:plan', kwargs={'token': token})}#item-{item}")
        status = 400
    else:
        form = PlanItemForm(instance=plan_item)
        status = 200
    return render(
        request,
        "buurtoverleg/plan_item.html",
        {"overleg": overleg, "token": token, "item": plan_item, "form": form},
        status=status,
    )


@require_POST
@capability_page
def plan_item_remove(request, token, item):
    overleg = _managed(token)
    _plan_item(overleg, item).delete()
    overleg.touch()
    return redirect("buurtoverleg:plan", token=token)


@require_safe
@capability_page
def plan_pdf(request, token):
    """The plan as a PDF rendered on the server (WeasyPrint), with QR codes to each page."""
    from weasyprint import HTML  # a heavy import that only this view needs

    overleg = _managed(token)
    html = render_to_string(
        "buurtoverleg/plan_pdf.html", {**_plan_context(request, overleg)}, request=request
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="buurtoverleg-plan.pdf"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@capability_page
def delete(request, token):
    """Delete the buurtoverleg with its answers and plan, at once."""
    overleg = _managed(token)
    if request.method == "POST":
        overleg.delete()
        return render(request, "buurtoverleg/deleted.html", {})
    return render(request, "buurtoverleg/delete.html", {"overleg": overleg, "token": token})


# Participate


def _step_url(token, step, answers):
    url = reverse("buurtoverleg:participate", kwargs={"token": token})
    return f"{url}?{urlencode({STEP_PARAMETER: step, **answers})}"


def _participant_form_page(request, overleg, form, *, status=200, response=None, **extra):
    """The whole form on one page: to answer, to correct an error, or to change one's answers."""
    return render_page(
        request,
        "buurtoverleg/participate.html",
        {
            "overleg": overleg,
            "form": form,
            "response": response,
            "edit_url": request.build_absolute_uri(request.path) if response else None,
            "first_step_url": None if response else _step_url(overleg.participant_token, 1, {}),
            **extra,
        },
        status=status,
    )


def _save_answers(response, form):
    ResponseAnswer.objects.filter(response=response).delete()
    ResponseAnswer.objects.bulk_create(
        ResponseAnswer(response=response, question=question, answer=answer)
        for question, answer in form.chosen()
    )


@require_http_methods(["GET", "HEAD", "POST"])
@capability_page
def participate(request, token):
    """A participant answers: the whole form, or one question at a time with ?stap=N."""
    overleg = _participated(token)
    questions = _questions()
    if request.method == "POST":
        form = ParticipantForm(questions, data=request.POST)
        if not form.is_valid():
            return _participant_form_page(request, overleg, form, status=400)
        edit_token = new_token()
        with transaction.atomic():
            response = Response.objects.create(
                overleg=overleg,
                edit_token_hash=token_hash(edit_token),
                role=form.cleaned_data["role"],
                observation=form.cleaned_data["observation"],
            )
            _save_answers(response, form)
            overleg.touch()
        url = reverse("buurtoverleg:change", kwargs={"token": token, "response_token": edit_token})
        return redirect(f"{url}?{SAVED_PARAMETER}=1")

    if STEP_PARAMETER not in request.GET:
        return _participant_form_page(request, overleg, ParticipantForm(questions))
    return _step(request, overleg, questions)


def _step(request, overleg, questions):
    """One question of the scan; the answers so far travel in the address, as in the wijkscan."""
    token = overleg.participant_token
    form = ScanForm(questions, data=request.GET, require_all=False, stepwise=True)
    if not form.is_valid():
        return _participant_form_page(request, overleg, ParticipantForm(questions), status=400)
    answers = form.answers()
    step, moved = form.step_shown()
    if moved and not wants_fragment(request):
        return redirect(_step_url(token, step, answers))
    question = questions[step - 1]
    is_last = step == len(questions)
    response = render_page(
        request,
        "buurtoverleg/participate_step.html",
        {
            "overleg": overleg,
            "question": question,
            "field": form[question.slug],
            "step": step,
            "total": len(questions),
            "is_last": is_last,
            "carried": {slug: value for slug, value in answers.items() if slug != question.slug},
            "next_step": None if is_last else step + 1,
            "back_url": _step_url(token, step - 1, answers)
            if step > 1
            else reverse("buurtoverleg:participate", kwargs={"token": token}),
        },
    )
    if moved:
        response["HX-Push-Url"] = _step_url(token, step, answers)
    return response


@require_safe
@capability_page
def finish(request, token):
    """After the last question: the role and a line, then the answers are sent."""
    overleg = _participated(token)
    questions = _questions()
    form = ScanForm(questions, data=request.GET, require_all=True)
    if not form.is_valid():
        return _participant_form_page(request, overleg, ParticipantForm(questions), status=400)
    return render_page(
        request,
        "buurtoverleg/participate_finish.html",
        {
            "overleg": overleg,
            "form": ParticipantForm(questions),
            "answers": form.answers(),
            "chosen": form.chosen(),
            "back_url": _step_url(token, len(questions), form.answers()),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@capability_page
def change(request, token, response_token):
    """A participant changes their own answers with the link they got after sending them."""
    overleg = _participated(token)
    response = Response.objects.select_related("role").for_edit_token(overleg, response_token)
    if response is None:
        raise Http404("No response with this link.")
    questions = _questions()
    if request.method == "POST":
        form = ParticipantForm(questions, data=request.POST)
        if not form.is_valid():
            return _participant_form_page(request, overleg, form, status=400, response=response)
        with transaction.atomic():
            response.role = form.cleaned_data["role"]
            response.observation = form.cleaned_data["observation"]
            response.save(update_fields=["role", "observation"])
            _save_answers(response, form)
            overleg.touch()
        return redirect(f"{request.path}?{SAVED_PARAMETER}=1")

    rows = ResponseAnswer.objects.filter(response=response).values_list("question_id", "answer_id")
    chosen = dict(rows)
    initial = {"role": response.role_id, "observation": response.observation}
    own = []
    for question in questions:
        for answer in question.answers.all():
            if chosen.get(question.pk) == answer.pk:
                initial[question.slug] = answer.slug
                own.append((question, answer))
    phases = list(Phase.objects.for_overview())
    return _participant_form_page(
        request,
        overleg,
        ParticipantForm(questions, initial=initial),
        response=response,
        saved=SAVED_PARAMETER in request.GET,
        own_result=score(own, phases),
    )


@require_safe
@capability_page
def shared_plan(request, token):
    """The plan for everyone with the participant link: to read and print, not to change."""
    overleg = _participated(token)
    return render(
        request,
        "buurtoverleg/plan.html",
        {**_plan_context(request, overleg), "editable": False, "choice_form": None},
    )
