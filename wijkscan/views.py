from urllib.parse import urlencode

from django.http import Http404, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from core.htmx import render_page, wants_fragment
from editing.slugs import current_slug
from pagecache import version as content_version
from pagecache.objects import shared
from pagecache.pages import public_page
from phases.og import image_url
from phases.shared import overview, published_guidances
from wijkscan import shortlinks
from wijkscan.forms import DETAIL_PARAMETERS, STEP_PARAMETER, ScanForm
from wijkscan.models import ScanAnswer, ScanQuestion
from wijkscan.scoring import score


def _scan_questions(request):
    # Shared per content version by every step, outcome and language.
    questions = shared(
        content_version.current(request),
        "scan-questions",
        lambda: list(ScanQuestion.objects.for_scan()),
    )
    if not questions:
        raise Http404("The wijkscan has no questions yet.")
    return questions


MAX_SLUG = 100


def _renamed_answers_url(request, questions):
    """The same address with renamed questions and answers under their current slugs, or None.

    Shared outcome links carry the slugs of questions and answers; after an editor renames one,
    the old link redirects to the new one and gives the same outcome.
    """
    questions_by_slug = {question.slug: question for question in questions}
    pairs = []
    renamed = False
    for key, values in request.GET.lists():
        if key != STEP_PARAMETER and key not in questions_by_slug and len(key) <= MAX_SLUG:
            new_key = current_slug(ScanQuestion, key)
            if new_key in questions_by_slug:
                key, renamed = new_key, True
        question = questions_by_slug.get(key)
        for value in values:
            answers = {answer.slug for answer in question.answers.all()} if question else set()
            if question and value not in answers and len(value) <= MAX_SLUG:
                new_value = current_slug(ScanAnswer, value, question=question)
                if new_value:
                    value, renamed = new_value, True
            pairs.append((key, value))
    if not renamed:
        return None
    return f"{request.path}?{urlencode(pairs)}"


def _step_url(step, answers):
    return f"{reverse('wijkscan:scan')}?{urlencode({STEP_PARAMETER: step, **answers})}"


def _scan_form_page(request, form, *, status=200):
    """The scan's start: what it is, a link to go question by question, and the whole form."""
    return render_page(
        request,
        "wijkscan/scan_form.html",
        {"form": form, "first_step_url": _step_url(1, {})},
        status=status,
    )


@public_page
@require_safe
def scan(request):
    """The wijkscan: the whole form, or one question at a time with ?stap=N.

    The answers so far travel in the query string, so every step has its own address.
    """
    questions = _scan_questions(request)
    stepwise = STEP_PARAMETER in request.GET
    form = ScanForm(questions, data=request.GET or None, require_all=False, stepwise=stepwise)
    if not form.is_bound:
        return _scan_form_page(request, form)
    if not form.is_valid():
        if renamed := _renamed_answers_url(request, questions):
            return HttpResponsePermanentRedirect(renamed)
        return _scan_form_page(request, form, status=400)
    if not stepwise:
        return _scan_form_page(request, form)

    answers = form.query()
    step, moved = form.step_shown()
    if moved and not wants_fragment(request):
        # The address must name the question shown: send the browser to the earlier step.
        return redirect(_step_url(step, answers))
    question = questions[step - 1]
    is_last = step == len(questions)
    response = render_page(
        request,
        "wijkscan/scan_step.html",
        {
            "question": question,
            "field": form[question.slug],
            "step": step,
            "total": len(questions),
            "is_last": is_last,
            "missing_earlier": moved,
            "carried": {slug: value for slug, value in answers.items() if slug != question.slug},
            "next_step": None if is_last else step + 1,
            "back_url": _step_url(step - 1, answers) if step > 1 else reverse("wijkscan:scan"),
        },
    )
    if moved:
        # htmx swaps the earlier question in; this header makes it push that step's address.
        response["HX-Push-Url"] = _step_url(step, answers)
    return response


def _urgent_help_phase(phases):
    """The phase whose 'get help at once' text the outcome shows: the most serious one with it."""
    return next((phase for phase in reversed(phases) if phase.urgent_help), None)


@public_page
@require_safe
def scan_result(request):
    """The scan's outcome for the answers in the query string: shareable as a link.

    The page's canonical address keeps the answers (and the optional details), in a fixed order,
    so a link preview or a search engine lands on this outcome and not on an error.
    """
    questions = _scan_questions(request)
    form = ScanForm(questions, data=request.GET)
    if not form.is_valid():
        if renamed := _renamed_answers_url(request, questions):
            return HttpResponsePermanentRedirect(renamed)
        return _scan_form_page(request, form, status=400)
    phases = overview(content_version.current(request))
    chosen = form.chosen()
    result = score(chosen, phases)
    query = urlencode(form.query())
    request.canonical_query = query
    code = shortlinks.encode(chosen)
    short_url = None
    if code:
        short_url = reverse("wijkscan:short", kwargs={"code": code})
        if form.details():
            short_url += f"?{urlencode(form.details())}"
    return render_page(
        request,
        "wijkscan/scan_result.html",
        {
            "result": result,
            "phases": phases,
            "form": form,
            "details": form.cleaned_data,
            "answers": form.answers(),
            "guidances": published_guidances(content_version.current(request), result.phase)
            if result.phase
            else [],
            "urgent_phase": _urgent_help_phase(phases) if result.urgent else None,
            "short_url": short_url,
            "short_url_absolute": request.build_absolute_uri(short_url) if short_url else None,
            "detail_values": form.details(),
            **(
                {
                    "og_image_url": request.build_absolute_uri(
                        image_url(result.phase, get_language())
                    )
                }
                if result.phase
                else {}
            ),
            "edit_url": f"{reverse('wijkscan:scan')}?{query}#scan-form",
        },
    )


@require_safe
def short_link(request, code):
    """A short link to an outcome: the code names the answers; it redirects to the full address.

    A code that names two answers to one question is refused with the form and a message, as
    the full address with a repeated answer is: the outcome never silently takes one of them.
    """
    questions = _scan_questions(request)
    pairs = shortlinks.decode(code, questions)
    if pairs is None:
        raise Http404("No outcome has that code.")
    details = [(name, request.GET[name]) for name in DETAIL_PARAMETERS if request.GET.get(name)]
    query = urlencode(pairs + details)
    if len({slug for slug, _answer in pairs}) != len(pairs):
        form = ScanForm(questions, data=QueryDict(query))
        form.is_valid()  # reports the repeated question
        return _scan_form_page(request, form, status=400)
    return redirect(f"{reverse('wijkscan:result')}?{query}")
