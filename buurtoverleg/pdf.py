"""The plan as a PDF: tagged for screen readers (PDF/UA-1), rendered once per change of the plan.

Rendering costs WeasyPrint a second or more, so the PDF is kept in the `default` cache (never the
page cache, which is for public pages: pagecache/), following the site's one caching idea
(pagecache.keys): what the PDF is follows from its key. The key holds the release id and the
content version (the advice, tips and roles it prints), the plan's last change (`updated_at`,
which every change of answers, agreements, plan or rounds moves on), the language, the site
address its links and QR codes point to, and the print date it shows. A changed plan, a content
edit, a deploy or a new day simply makes a new key; nothing is ever stale.

Each buurtoverleg has one entry per language (the key's fingerprint is stored beside the PDF), so
a busy team replaces its PDF instead of adding entries that could push the share form's counters
out of the `default` cache; deleting a buurtoverleg (or its expiry) forgets its PDFs at once.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.utils.text import slugify

from pagecache.keys import make_key

logger = logging.getLogger(__name__)

# A day: the print date on the PDF changes then anyway.
TIMEOUT = 24 * 3600
# PDF/UA-1: a structure tree (headings, lists, tables, figures), the document's language and its
# title, so a screen reader reads the plan in order.
PDF_VARIANT = "pdf/ua-1"
FILENAME_SLUG_LENGTH = 60


def _cache():
    return caches["default"]


def _entry_key(overleg_pk, language):
    return f"buurtoverleg-pdf:{overleg_pk}:{language}"


def fingerprint(overleg, *, version, language, base_url, printed_on):
    """What this PDF is made of (see the module's docstring)."""
    return make_key(
        "plan-pdf",
        version,
        overleg.pk,
        overleg.updated_at.isoformat(),
        language,
        base_url,
        printed_on.isoformat(),
    )


def render(html, base_url):
    """Tagged PDF bytes of the plan's HTML (WeasyPrint)."""
    from weasyprint import HTML  # a heavy import that only the PDF needs

    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant=PDF_VARIANT)


def plan_pdf(overleg, *, version, language, base_url, printed_on, build_html):
    """The PDF from the cache, or rendered from `build_html()` and kept; a cache that is down costs
    a rendering, never the PDF."""
    key = _entry_key(overleg.pk, language)
    wanted = fingerprint(
        overleg, version=version, language=language, base_url=base_url, printed_on=printed_on
    )
    try:
        kept = _cache().get(key)
    except Exception:
        logger.warning("Cache unavailable; rendering the plan PDF", exc_info=True)
        kept = None
    if kept is not None and kept[0] == wanted:
        return kept[1]
    pdf = render(build_html(), base_url)
    try:
        _cache().set(key, (wanted, pdf), TIMEOUT)
    except Exception:
        logger.warning("Cache unavailable; not keeping the plan PDF", exc_info=True)
    return pdf


def forget(overleg_pks):
    """Drop the kept PDFs of these buurtoverleggen (deleted, or expired)."""
    languages = [code for code, _name in settings.LANGUAGES]
    keys = [_entry_key(pk, language) for pk in overleg_pks for language in languages]
    if not keys:
        return
    try:
        _cache().delete_many(keys)
    except Exception:
        logger.warning("Cache unavailable; kept plan PDFs expire on their own", exc_info=True)


def filename(overleg, printed_on):
    """`plan-<name as an ASCII slug>-<YYYY-MM-DD>.pdf`; only `plan-<date>.pdf` if nothing of the
    name is left (e.g. a name of only non-Latin letters)."""
    slug = slugify(overleg.name)[:FILENAME_SLUG_LENGTH].strip("-")
    parts = ["plan", slug, printed_on.isoformat()] if slug else ["plan", printed_on.isoformat()]
    return "-".join(parts) + ".pdf"
