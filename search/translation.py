from modeltranslation.translator import TranslationOptions, register

from search.models import RelatedTerm


@register(RelatedTerm)
class RelatedTermTranslationOptions(TranslationOptions):
    fields = ("word", "related")
    required_languages = ("nl",)
