from modeltranslation.translator import TranslationOptions, register

from contacts.models import Contact


@register(Contact)
class ContactTranslationOptions(TranslationOptions):
    fields = ("name", "description", "hours")
    required_languages = ("nl",)
