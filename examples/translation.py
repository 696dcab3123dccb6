from modeltranslation.translator import TranslationOptions, register

from examples.models import DividingLine, PracticeExample, Setting


@register(PracticeExample)
class PracticeExampleTranslationOptions(TranslationOptions):
    fields = ("description", "what_worked", "what_did_not_work")
    required_languages = {"nl": ("description",)}


@register(DividingLine)
class DividingLineTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("nl",)


@register(Setting)
class SettingTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("nl",)
