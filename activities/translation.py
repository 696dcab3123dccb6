from modeltranslation.translator import TranslationOptions, register

from activities.models import ActivityType, BindingRung, Guidance, Tip


@register(ActivityType)
class ActivityTypeTranslationOptions(TranslationOptions):
    fields = ("name", "summary")
    required_languages = ("nl",)


@register(BindingRung)
class BindingRungTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("nl",)


@register(Guidance)
class GuidanceTranslationOptions(TranslationOptions):
    fields = ("introduction", "target_group_advice")
    required_languages = ("nl",)


@register(Tip)
class TipTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ("nl",)
