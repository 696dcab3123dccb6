import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_RELATED = 12
WORD_LENGTH = 60
SEPARATOR = re.compile(r"[,\n;]")


def related_words(text):
    """The related words of a stored list: split on commas, stripped, lower case, each once."""
    words = (word.strip().lower() for word in SEPARATOR.split(text or ""))
    return list(dict.fromkeys(word for word in words if word))


class RelatedTermQuerySet(models.QuerySet):
    def for_words(self, words, code):
        """{word: [related words]} for these (lower-case) words in language `code`: one query."""
        field = f"word_{code}"
        rows = self.filter(**{f"{field}__in": list(words)}).values_list(field, f"related_{code}")
        found = {}
        for word, related in rows:
            found.setdefault(word, [])
            found[word] += [item for item in related_words(related) if item not in found[word]]
        return found


class RelatedTerm(models.Model):
    """A word visitors search for, and the words the examples use for the same thing.

    "hangjongeren" finds examples that speak of "jongeren", "overlast" or "jongerenwerk". One
    way only: searching a related word does not bring in the search word's other relations.
    """

    word = models.CharField(
        _("search word"),
        max_length=WORD_LENGTH,
        help_text=_("One word or a short phrase, in lower case, as a visitor would type it."),
    )
    related = models.CharField(
        _("related words"),
        max_length=500,
        help_text=_(
            "Separated by commas, e.g. “jongeren, overlast, jongerenwerk”. A search for the word "
            "also finds examples with any of these; at most 12."
        ),
    )

    objects = RelatedTermQuerySet.as_manager()

    class Meta:
        ordering = ["word"]
        verbose_name = _("related search words")
        verbose_name_plural = _("related search words")
        constraints = [
            models.UniqueConstraint(
                "word_nl",
                name="related_term_word_nl_unique",
                violation_error_message=_("This search word already has a list."),
            ),
        ]

    def __str__(self):
        return f"{self.word} → {self.related}"

    def clean(self):
        super().clean()
        errors = {}
        for code in ("nl", "en"):
            word = (getattr(self, f"word_{code}") or "").strip().lower()
            setattr(self, f"word_{code}", word)
            words = related_words(getattr(self, f"related_{code}"))
            setattr(self, f"related_{code}", ", ".join(words))
            if word and not words:
                errors[f"related_{code}"] = _("Give at least one related word.")
            elif words and not word:
                errors[f"word_{code}"] = _("Give the search word these words belong to.")
            elif len(words) > MAX_RELATED:
                errors[f"related_{code}"] = _("At most %(count)d related words.") % {
                    "count": MAX_RELATED
                }
            elif any(len(item) > WORD_LENGTH for item in words):
                errors[f"related_{code}"] = _("Each related word is at most %(count)d letters.") % {
                    "count": WORD_LENGTH
                }
            elif word in words:
                errors[f"related_{code}"] = _("The search word itself need not be in the list.")
        if self.word_en and (
            RelatedTerm.objects.filter(word_en=self.word_en).exclude(pk=self.pk).exists()
        ):
            errors.setdefault("word_en", _("This search word already has a list."))
        if errors:
            raise ValidationError(errors)
