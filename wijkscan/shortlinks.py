"""Short links to a wijkscan outcome, derived from the answers themselves: nothing is stored.

A code is the chosen answers' ids, each written as two base-36 characters, in question order:
twelve answers make a 24-character code. Ids stay the same when editors reorder, add or rename
questions and answers, so a code keeps meaning the same answers; a code naming an answer that no
longer exists is unknown (404). A code naming two answers to one question is refused (400).
"""

import re

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
WIDTH = 2
LARGEST_ID = len(DIGITS) ** WIDTH - 1
CODE = re.compile(rf"^(?:[{DIGITS}]{{{WIDTH}}})+$")


def _encode_id(number):
    chars = []
    for _position in range(WIDTH):
        number, digit = divmod(number, len(DIGITS))
        chars.append(DIGITS[digit])
    return "".join(reversed(chars))


def encode(chosen):
    """The code for `chosen`, a list of (question, answer) pairs; None if an id is too large."""
    ids = [answer.pk for _question, answer in chosen]
    if not ids or any(pk > LARGEST_ID for pk in ids):
        return None
    return "".join(_encode_id(pk) for pk in ids)


def decode(code, questions):
    """[(question slug, answer slug), ...] in question order, or None for an unknown code.

    `questions` are the scan's questions with their answers loaded. A code that is not made of
    known answer ids is unknown. A code that names an answer twice, or two answers to one
    question, decodes with every pair it names, so the view can refuse it and say why.
    """
    if not CODE.match(code):
        return None
    ids = [int(code[i : i + WIDTH], len(DIGITS)) for i in range(0, len(code), WIDTH)]
    by_id = {
        answer.pk: (question, answer) for question in questions for answer in question.answers.all()
    }
    if any(pk not in by_id for pk in ids):
        return None
    pairs = [by_id[pk] for pk in ids]
    order = {question.pk: index for index, question in enumerate(questions)}
    pairs.sort(key=lambda pair: order[pair[0].pk])
    return [(question.slug, answer.slug) for question, answer in pairs]
