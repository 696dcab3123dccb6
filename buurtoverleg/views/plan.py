"""The plan: with the manage link the team chooses activities and fills them in, and prints it
as a PDF; with the participant link everyone reads it."""

from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from activities.models import Guidance
from buurtoverleg import pdf
from buurtoverleg.forms import OutcomeForm, PlanChoiceForm, PlanItemForm
from buurtoverleg.http import capability_page
from buurtoverleg.models import PlanItem
from buurtoverleg.safety import threat_reports
from buurtoverleg.views.lookup import by_manage_token, by_participant_token
from pagecache import version as content_version


def _plan_context(request, overleg):
    items = list(overleg.plan_items.for_plan())
    return {
        "overleg": overleg,
        "items": items,
        "shared_plan_url": request.build_absolute_uri(overleg.shared_plan_url()),
        "threats": threat_reports(overleg),
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
        .select_related("phase")
    )
    return PlanChoiceForm(guidances, data=data, in_plan=len(items))


@require_safe
@capability_page
def plan(request, token):
    """The plan: the agreements, the chosen activities with who, when and how, and checklists."""
    overleg = by_manage_token(request, token)
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
    overleg = by_manage_token(request, token)
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
    return _item_form_page(request, token, item, PlanItemForm, "buurtoverleg/plan_item.html")


@require_http_methods(["GET", "HEAD", "POST"])
@capability_page
def plan_item_outcome(request, token, item):
    """'Heeft het gewerkt?' for one activity: yes, partly, no or not done yet, and one line."""

    def save(form):
        recorded = form.save(commit=False)
        recorded.outcome_recorded_on = timezone.localdate()
        recorded.save(update_fields=["outcome", "outcome_note", "outcome_recorded_on"])

    return _item_form_page(
        request, token, item, OutcomeForm, "buurtoverleg/plan_outcome.html", save=save
    )


def _item_form_page(request, token, item, form_class, template, save=None):
    """One activity's form: shown, or saved (the change moves the expiry on) and back to the
    plan at that activity; a form with errors is shown again with status 400."""
    overleg = by_manage_token(request, token)
    plan_item = _plan_item(overleg, item)
    data = request.POST if request.method == "POST" else None
    form = form_class(data, instance=plan_item)
    if form.is_bound and form.is_valid():
        (save or (lambda valid: valid.save()))(form)
        overleg.touch()
        return redirect(f"{reverse('buurtoverleg:plan', kwargs={'token': token})}#item-{item}")
    return render(
        request,
        template,
        {"overleg": overleg, "token": token, "item": plan_item, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
@capability_page
def plan_item_remove(request, token, item):
    overleg = by_manage_token(request, token)
    _plan_item(overleg, item).delete()
    overleg.touch()
    return redirect("buurtoverleg:plan", token=token)


def _roles_taken_part(responses):
    """(role or None, how many) of a round's responses, in the roles' order."""
    counts = {}
    for response in responses:
        counts[response.role] = counts.get(response.role, 0) + 1
    return sorted(
        counts.items(),
        key=lambda item: (
            item[0] is None,
            getattr(item[0], "position", 0),
            getattr(item[0], "pk", 0),
        ),
    )


@require_safe
@capability_page
def plan_pdf(request, token):
    """The plan as a tagged PDF to hand out (buurtoverleg.pdf), with QR codes to each page;
    rendered once per change of the plan, then served from the cache."""
    overleg = by_manage_token(request, token)
    printed_on = timezone.localdate()

    def build_html():
        rounds = list(overleg.rounds.all()) or [overleg.current_round()]
        current = rounds[-1]
        responses = current.responses.select_related("role")
        context = {
            **_plan_context(request, overleg),
            "rounds": rounds,
            "round": current,
            "roles": _roles_taken_part(responses),
            "printed_on": printed_on,
        }
        return render_to_string("buurtoverleg/plan_pdf.html", context, request=request)

    document = pdf.plan_pdf(
        overleg,
        version=content_version.current(request),
        language=get_language(),
        base_url=request.build_absolute_uri("/"),
        printed_on=printed_on,
        build_html=build_html,
    )
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=pdf.filename(overleg, printed_on)
    )
    return response


@require_safe
@capability_page
def shared_plan(request, token):
    """The plan for everyone with the participant link: to read and print, not to change."""
    overleg = by_participant_token(request, token)
    return render(
        request,
        "buurtoverleg/plan.html",
        {**_plan_context(request, overleg), "editable": False, "choice_form": None},
    )
