from modeltranslation.translator import TranslationOptions, register

from phases.models import Phase


@register(Phase)
class PhaseTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "title",
        "headline",
        "current_quote",
        "current_text",
        "desired_quote",
        "desired_text",
        "signals",
        "worsening_signals",
        "improving_signals",
        "urgent_help",
        "call_to_action",
    )
    required_languages = ("nl",)
