import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from buurtoverleg.models import Overleg, Response, ResponseAnswer

pytestmark = pytest.mark.django_db


def _overleg(name, days_ago):
    overleg = Overleg.start(name)[0]
    Overleg.objects.filter(pk=overleg.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return overleg


def test_expiry_deletes_overleggen_unchanged_for_longer_than_the_setting_and_nothing_else(
    capsys, scan
):
    old = _overleg("Oud", 366)
    recent = _overleg("Recent", 364)
    answer = scan["questions"][0].answers.first()
    for overleg in (old, recent):
        response = Response.objects.create(
            overleg=overleg, round=overleg.current_round(), edit_token_hash=f"{overleg.pk:064}"
        )
        ResponseAnswer.objects.create(response=response, question=answer.question, answer=answer)

    call_command("expirebuurtoverleggen")

    assert list(Overleg.objects.values_list("name", flat=True)) == ["Recent"]
    assert list(Response.objects.values_list("overleg__name", flat=True)) == ["Recent"]
    assert ResponseAnswer.objects.count() == 1
    assert (
        "Deleted 1 buurtoverleg(gen) not changed in 365 days (1 responses)"
        in capsys.readouterr().out
    )


def test_the_retention_period_is_a_setting(settings):
    settings.BUURTOVERLEG_RETENTION_DAYS = 30
    _overleg("Maand oud", 31)
    _overleg("Week oud", 7)

    call_command("expirebuurtoverleggen")

    assert list(Overleg.objects.values_list("name", flat=True)) == ["Week oud"]
