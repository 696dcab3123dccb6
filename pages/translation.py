from modeltranslation.translator import TranslationOptions, register

from pages.models import SitePage


@register(SitePage)
class SitePageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("nl",)
