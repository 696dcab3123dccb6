"""The interface is complete in both catalogues, and no page mixes up its languages."""

import ast
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from activities.models import Guidance
from library.models import Publication
from phases.models import Phase
from wijkscan.models import ScanQuestion

LOCALE = Path(settings.LOCALE_PATHS[0])
# The language switcher names each language in that language, on purpose.
LANGUAGE_NAMES = {"Dutch", "English"}


def read_catalogue(language):
    """The (msgid, msgstr, flags) entries of a .po file; enough of the format for these checks."""
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text()
    entries = []
    for block in text.split("\n\n"):
        fields, key, flags = {}, None, ""
        for line in block.splitlines():
            if line.startswith("#,"):
                flags = line
            elif match := re.match(
                r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$', line
            ):
                key = match.group(1)
                fields[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += ast.literal_eval(line)
        if fields.get("msgid"):
            msgstr = fields.get("msgstr", fields.get("msgstr[0]", ""))
            entries.append((fields["msgid"], msgstr, flags))
    return entries


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_interface_string_is_translated_and_none_is_fuzzy(language):
    entries = read_catalogue(language)

    assert len(entries) > 100
    assert [msgid for msgid, msgstr, _ in entries if not msgstr] == []
    assert [msgid for msgid, _, flags in entries if "fuzzy" in flags] == []


def _page_paths():
    paths = [reverse("phases:list"), reverse("activities:ladder"), reverse("library:list")]
    paths += [reverse("wijkscan:scan"), reverse("wijkscan:scan") + "?stap=1"]
    first_answers = {q.slug: q.answers.all()[0].slug for q in ScanQuestion.objects.for_scan()}
    paths += [f"{reverse('wijkscan:result')}?{urlencode(first_answers)}"]
    paths += [phase.get_absolute_url() for phase in Phase.objects.all()]
    paths += [
        guidance.get_absolute_url()
        for guidance in Guidance.objects.select_related("phase", "activity_type")
    ]
    paths += [publication.get_absolute_url() for publication in Publication.objects.all()]
    return paths


def _other_language_strings(language):
    """Interface texts that belong to the other language only, long enough to be telling."""
    entries = [
        (msgid, msgstr)
        for msgid, msgstr, _ in read_catalogue("nl")
        if msgstr != msgid and msgid not in LANGUAGE_NAMES
    ]
    texts = [msgstr if language == "en" else msgid for msgid, msgstr in entries]
    return {text for text in texts if len(text) >= 8 and "%" not in text and "<" not in text}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_page_shows_an_interface_string_of_the_other_language(client, language):
    call_command("seed", verbosity=0)
    foreign = _other_language_strings(language)

    leaks = []
    with translation.override(language):
        for path in _page_paths():
            html = client.get(path).content.decode()
            leaks += [f"{path}: {text!r}" for text in foreign if f">{text}<" in html]

    assert leaks == []
