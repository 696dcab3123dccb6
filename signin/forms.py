"""The second step's forms: six digits from the app, or one recovery code."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

APP_CODE = re.compile(r"\d{6}")
RECOVERY_CODE = re.compile(r"[a-z2-7]{8}")


class AppCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your app"),
        help_text=_("The 6 digits your authenticator app shows now."),
        max_length=20,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "spellcheck": "false",
                "size": 8,
            }
        ),
        error_messages={"required": _("Enter the 6 digits from your authenticator app.")},
    )

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not APP_CODE.fullmatch(code):
            raise forms.ValidationError(
                _("Enter the 6 digits from your authenticator app."), code="format"
            )
        return code


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Recovery code"),
        help_text=_("One of the ten codes you stored when you set up two-step login."),
        max_length=30,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "autofocus": True,
                "spellcheck": "false",
                "size": 12,
            }
        ),
        error_messages={"required": _("Enter one of your recovery codes.")},
    )

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()
        if not RECOVERY_CODE.fullmatch(code):
            raise forms.ValidationError(
                _("A recovery code is 8 letters and digits, such as abcd 2345."), code="format"
            )
        return code
