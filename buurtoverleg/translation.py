from modeltranslation.translator import TranslationOptions, register

from buurtoverleg.models import ParticipantRole


@register(ParticipantRole)
class ParticipantRoleTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("nl",)
