"""What the buurtoverleg's views look up first: the buurtoverleg a link opens, the scan's
questions. Anything else is a 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from buurtoverleg.models import Overleg
from wijkscan.models import ScanQuestion


def by_manage_token(token):
    overleg = Overleg.objects.for_manage_token(token)
    if overleg is None:
        raise Http404("No buurtoverleg with this manage link.")
    return overleg


def by_participant_token(token):
    overleg = Overleg.objects.select_related("agreed_phase")
    return get_object_or_404(overleg, participant_token=token)


def scan_questions():
    questions = list(ScanQuestion.objects.for_scan())
    if not questions:
        raise Http404("The wijkscan has no questions yet.")
    return questions
