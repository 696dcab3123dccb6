"""The second step's forms: six digits from the app, or one recovery code."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

APP_CODE = re.compile(r"\d{6}")
RECOVERY_CODE = re.compile(r"[a-z2-7]{8}")


def _code_field(label, help_text, max_length, required_message, **attrs):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "spellcheck": "false",
                **attrs,
            }
        ),
        error_messages={"required": required_message},
    )


class _CodeForm(forms.Form):
    """One code, typed with or without spaces and dashes; `pattern` says what a code looks like."""

    pattern = None
    format_message = None

    def normalise(self, code):
        return code

    def clean_code(self):
        code = self.normalise(re.sub(r"[\s-]", "", self.cleaned_data["code"]))
        if not self.pattern.fullmatch(code):
            raise forms.ValidationError(self.format_message, code="format")
        return code


class AppCodeForm(_CodeForm):
    pattern = APP_CODE
    format_message = _("Enter the 6 digits from your authenticator app.")
    code = _code_field(
        _("Code from your app"),
        _("The 6 digits your authenticator app shows now."),
        20,
        format_message,
        inputmode="numeric",
        size=8,
    )


class RecoveryCodeForm(_CodeForm):
    pattern = RECOVERY_CODE
    format_message = _("A recovery code is 8 letters and digits, such as abcd 2345.")
    code = _code_field(
        _("Recovery code"),
        _("One of the ten codes you stored when you set up two-step login."),
        30,
        _("Enter one of your recovery codes."),
        autocapitalize="none",
        size=12,
    )

    def normalise(self, code):
        return code.lower()
