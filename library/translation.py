from modeltranslation.translator import TranslationOptions, register

from library.models import Publication


@register(Publication)
class PublicationTranslationOptions(TranslationOptions):
    fields = ("kind", "summary", "key_points")
    required_languages = ("nl",)
