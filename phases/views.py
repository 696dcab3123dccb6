from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.htmx import render_page
from core.pagecache import public_page, shared
from phases.forms import STEP_PARAMETER, ScanForm, StepForm
from phases.models import Phase, ScanQuestion
from phases.scan import score


@public_page
@require_safe
def phase_list(request):
    """Home: what the tool is for, and the four phases to choose from."""
    return render(request, "phases/phase_list.html", {"phases": _phases(request)})


@public_page
@require_safe
def phase_detail(request, slug):
    phases = _phases(request)
    index = next((i for i, item in enumerate(phases) if item.slug == slug), None)
    if index is None:
        raise Http404("No phase with that slug.")
    phase = phases[index]
    return render_page(
        request,
        "phases/phase_detail.html",
        {
            "phase": phase,
            "phases": phases,
            "guidances": shared(
                request,
                f"phase-guidances:{phase.pk}",
                lambda: list(phase.guidances.published().for_phase_page()),
            ),
            "calmer_phase": phases[index - 1] if index > 0 else None,
            "worse_phase": phases[index + 1] if index + 1 < len(phases) else None,
        },
    )


def _phases(request):
    return shared(request, "phases", lambda: list(Phase.objects.for_overview()))


def _scan_questions(request):
    questions = shared(request, "scan-questions", lambda: list(ScanQuestion.objects.for_scan()))
    if not questions:
        raise Http404("The wijkscan has no questions yet.")
    return questions


def _scan_form_page(request, questions, form, *, status=200):
    """The scan's start: what it is, a link to go question by question, and the whole form."""
    return render_page(
        request,
        "phases/scan_form.html",
        {"form": form, "questions": questions, "first_step_url": _step_url(1, {})},
        status=status,
    )


def _step_url(step, answers):
    return f"{reverse('phases:scan')}?{urlencode({STEP_PARAMETER: step, **answers})}"


@public_page
@require_safe
def scan(request):
    """The wijkscan: the whole form, or one question at a time with ?stap=N.

    The answers so far travel in the query string, so every step has its own address.
    """
    questions = _scan_questions(request)
    form = ScanForm(questions, data=request.GET or None, require_all=False)
    if STEP_PARAMETER not in request.GET:
        if form.is_bound and not form.is_valid():
            return _scan_form_page(request, questions, form, status=400)
        return _scan_form_page(request, questions, form)

    step_form = StepForm(request.GET, total=len(questions))
    if not (form.is_valid() and step_form.is_valid()):
        for error in step_form.errors.get(STEP_PARAMETER, []):
            form.add_error(None, error)
        return _scan_form_page(request, questions, form, status=400)

    answers = form.answers()
    step = step_form.cleaned_data[STEP_PARAMETER]
    unanswered = [i for i, q in enumerate(questions[: step - 1], 1) if q.slug not in answers]
    if unanswered:
        step = unanswered[0]
    question = questions[step - 1]
    is_last = step == len(questions)
    return render_page(
        request,
        "phases/scan_step.html",
        {
            "form": form,
            "question": question,
            "field": form[question.slug],
            "step": step,
            "total": len(questions),
            "is_last": is_last,
            "missing_earlier": bool(unanswered),
            "carried": {slug: value for slug, value in answers.items() if slug != question.slug},
            "next_step": None if is_last else step + 1,
            "back_url": _step_url(step - 1, answers) if step > 1 else reverse("phases:scan"),
        },
    )


@public_page
@require_safe
def scan_result(request):
    """The scan's outcome for the answers in the query string: shareable as a link."""
    questions = _scan_questions(request)
    form = ScanForm(questions, data=request.GET)
    if not form.is_valid():
        return _scan_form_page(request, questions, form, status=400)
    phases = _phases(request)
    result = score(form.chosen(), phases)
    return render_page(
        request,
        "phases/scan_result.html",
        {
            "result": result,
            "phases": phases,
            "edit_url": f"{reverse('phases:scan')}?{urlencode(form.answers())}#scan-form",
        },
    )
