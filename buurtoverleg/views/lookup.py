"""What the buurtoverleg's views look up first: the buurtoverleg a link opens, the scan's
questions. A link that opens nothing is UnknownLink: a 404 that says what still works
(buurtoverleg.http.capability_page renders it)."""

from django.db.models import CharField, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.http import Http404

from buurtoverleg.http import UnknownLink
from buurtoverleg.models import Overleg
from pagecache.models import ContentVersion
from pagecache.version import ROW
from wijkscan.models import ScanQuestion


def _with_content_version(overlegs):
    """Read the content version (pagecache.version.current's format) in the same query."""
    row = ContentVersion.objects.filter(pk=ROW)
    number = Subquery(row.annotate(text=Cast("number", CharField())).values("text")[:1])
    token = Subquery(row.values("token")[:1])
    return overlegs.annotate(
        content_version=Coalesce(
            Concat(number, Value("-"), token, output_field=CharField()), Value("0")
        )
    )


def _in_layer(request):
    """The buurtoverleggen of the layer the request is for: one started on a gemeente's host opens
    on that gemeente's hosts only, one started on the national site on the national hosts only.
    Elsewhere its link opens nothing, as an unknown one, so no gemeente's help box, contacts or
    plan shows on another's host (README, Gemeenten)."""
    local = getattr(request, "gemeente", None)
    return Overleg.objects.filter(gemeente_id=local.pk if local else None)


def by_manage_token(request, token):
    overleg = _with_content_version(_in_layer(request)).for_manage_token(token)
    if overleg is None:
        raise UnknownLink("No buurtoverleg with this manage link.")
    return overleg


def by_participant_token(request, token):
    overleg = _in_layer(request).select_related("agreed_phase").filter(participant_token=token)
    overleg = overleg.first()
    if overleg is None:
        raise UnknownLink("No buurtoverleg with this participant link.")
    return overleg


def scan_questions():
    questions = list(ScanQuestion.objects.for_scan())
    if not questions:
        raise Http404("The wijkscan has no questions yet.")
    return questions
