import re

import pytest

from buurtoverleg.models import Overleg
from tests.factories import (
    ParticipantRoleFactory,
    PhaseFactory,
    ScanAnswerFactory,
    ScanQuestionFactory,
)


@pytest.fixture
def scan(db):
    """Two phases and two questions, each with a calm, a tense and a 'weet niet' answer."""
    calm = PhaseFactory(slug="in-rust", name_nl="Rust", name_en="Calm", colour="green")
    tense = PhaseFactory(
        slug="bij-spanningen", name_nl="Spanning", name_en="Tension", colour="pink"
    )
    questions = []
    for slug in ("contact", "sfeer"):
        question = ScanQuestionFactory(slug=slug)
        ScanAnswerFactory(question=question, slug="rustig", weights={calm: 3})
        ScanAnswerFactory(question=question, slug="gespannen", weights={tense: 3})
        ScanAnswerFactory(question=question, slug="weet-niet")
        questions.append(question)
    return {"calm": calm, "tense": tense, "questions": questions}


@pytest.fixture
def roles(db):
    return [ParticipantRoleFactory(name_nl="Wijkagent"), ParticipantRoleFactory(name_nl="School")]


@pytest.fixture
def overleg(client, scan, roles):
    """A buurtoverleg started through its page: the object, its manage and participant paths."""
    manage = start(client, "Overvecht-Noord, maart")
    html = client.get(manage).content.decode()
    participant = re.search(r"(/buurtoverleg/d/[A-Za-z0-9_-]{43}/)", html).group(1)
    return {"object": Overleg.objects.get(), "manage": manage, "participant": participant}


def start(client, name):
    """Start a buurtoverleg through the start form; returns its manage path (a 303 to it)."""
    response = client.post("/buurtoverleg/nieuw/", {"name": name})
    assert response.status_code == 303
    return response["Location"]


def answer(client, participant_path, role, *, contact="rustig", sfeer="rustig", line=""):
    """POST one participant's answers; returns the response (a redirect to the edit link)."""
    data = {"contact": contact, "sfeer": sfeer, "role": role.pk, "observation": line}
    return client.post(participant_path, data)
