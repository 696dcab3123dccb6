"""A participant's pages: answer the wijkscan (all questions on one form, or one at a time),
send the answers with a role and a line, and change them later with one's own link."""

from urllib.parse import urlencode

from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from buurtoverleg import limits
from buurtoverleg.forms import ParticipantForm
from buurtoverleg.http import UnknownLink, capability_page
from buurtoverleg.models import MAX_PARTICIPANTS, Overleg, Response, ResponseAnswer
from buurtoverleg.tokens import new_token, token_hash
from buurtoverleg.views.lookup import by_participant_token, scan_questions
from core.htmx import render_page, wants_fragment
from phases.models import Phase
from wijkscan.forms import STEP_PARAMETER, ScanForm
from wijkscan.scoring import score

SAVED_PARAMETER = "opgeslagen"


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
            "round": overleg.current_round(),
            **extra,
        },
        status=status,
    )


def _refused(request, overleg, reason, status):
    """The participant page with why the answers were not taken, and no form."""
    return render_page(
        request,
        "buurtoverleg/participate.html",
        {"overleg": overleg, "refused": reason, "max_participants": MAX_PARTICIPANTS},
        status=status,
    )


def _too_many(request, overleg):
    return _refused(request, overleg, "rate", 429)


def _is_full(overleg):
    """The current round has as many participants as a buurtoverleg may have."""
    return overleg.current_round().responses.count() >= MAX_PARTICIPANTS


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
    overleg = by_participant_token(request, token)
    questions = scan_questions()
    if request.method == "POST":
        # Counted atomically, so of many posts at once no more than the limit pass.
        if not limits.count(request):
            return _too_many(request, overleg)
        form = ParticipantForm(questions, data=request.POST)
        if not form.is_valid():
            return _participant_form_page(request, overleg, form, status=400)
        edit_token = new_token()
        with transaction.atomic():
            # The row lock makes answers that arrive together wait their turn at the cap.
            Overleg.objects.select_for_update().filter(pk=overleg.pk).first()
            if _is_full(overleg):
                return _refused(request, overleg, "full", 409)
            response = Response.objects.create(
                overleg=overleg,
                round=overleg.current_round(),
                edit_token_hash=token_hash(edit_token),
                role=form.cleaned_data["role"],
                observation=form.cleaned_data["observation"],
            )
            _save_answers(response, form)
            overleg.touch()
        url = reverse("buurtoverleg:change", kwargs={"token": token, "response_token": edit_token})
        return redirect(f"{url}?{SAVED_PARAMETER}=1")

    if _is_full(overleg):
        return _refused(request, overleg, "full", 200)
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
    overleg = by_participant_token(request, token)
    questions = scan_questions()
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
    overleg = by_participant_token(request, token)
    response = Response.objects.select_related("role").for_edit_token(overleg, response_token)
    if response is None:
        raise UnknownLink("No response with this link.")
    current = overleg.current_round()
    if response.round_id != current.pk:
        # Answers of an earlier round stay as they were: they are what the rounds are compared by.
        return render(
            request,
            "buurtoverleg/round_closed.html",
            {"overleg": overleg, "round": current},
            status=200 if request.method != "POST" else 409,
        )
    questions = scan_questions()
    if request.method == "POST":
        # Counted atomically, so of many posts at once no more than the limit pass.
        if not limits.count(request):
            return _too_many(request, overleg)
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
