"""ScanForm builds its question fields for each form: nothing is kept between forms."""

import pytest
from django.utils import translation

from tests.factories import ScanAnswerFactory, ScanQuestionFactory
from wijkscan.forms import ScanForm
from wijkscan.models import ScanQuestion


@pytest.fixture
def questions(db):
    question = ScanQuestionFactory(
        slug="contact", text_nl="Contact?", text_en="Contact, in English?"
    )
    ScanAnswerFactory(question=question, slug="veel", text_nl="Veel", text_en="A lot")
    return list(ScanQuestion.objects.for_scan())


def test_two_forms_from_one_question_list_do_not_share_fields(questions):
    first, second = ScanForm(questions), ScanForm(questions, require_all=False, stepwise=True)

    assert first.fields["contact"] is not second.fields["contact"]
    assert first.fields["contact"].widget is not second.fields["contact"].widget
    assert first.fields["contact"].required
    assert not second.fields["contact"].required


def test_fields_follow_the_language_of_the_form_built_from_the_same_list(questions):
    with translation.override("en"):
        english = ScanForm(questions)
    with translation.override("nl"):
        dutch = ScanForm(questions)

    assert english.fields["contact"].label == "Contact, in English?"
    assert list(english.fields["contact"].choices) == [("veel", "A lot")]
    assert dutch.fields["contact"].label == "Contact?"
    assert list(dutch.fields["contact"].choices) == [("veel", "Veel")]
