from modeltranslation.translator import TranslationOptions, register

from wijkscan.models import ScanAnswer, ScanQuestion


@register(ScanQuestion)
class ScanQuestionTranslationOptions(TranslationOptions):
    fields = ("text", "explanation")
    required_languages = ("nl",)


@register(ScanAnswer)
class ScanAnswerTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("nl",)
