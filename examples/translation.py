from modeltranslation.translator import TranslationOptions, register

from examples.models import PracticeExample


@register(PracticeExample)
class PracticeExampleTranslationOptions(TranslationOptions):
    fields = ("description",)
    required_languages = ("nl",)
