"""The public forms' text fields in the NL Design System's classes (README, Gemeenten: themes).

A text input gets `utrecht-textbox utrecht-textbox--html-input` and a text area
`utrecht-textarea utrecht-textarea--html-textarea` (static/css/components.css); their look comes
from the tokens site.css sets. The classes are added when a field is rendered, so fields a form
adds in its own __init__ get them too. Checkboxes, radio buttons and selects keep their own look.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.widgets import Input

NOT_TEXT = {"checkbox", "radio", "hidden", "file", "submit", "button", "image", "reset"}


def component_classes(widget):
    """The NL Design System classes for a widget, or "" for one that is not a text field."""
    if isinstance(widget, forms.Textarea):
        return "utrecht-textarea utrecht-textarea--html-textarea"
    if isinstance(widget, Input) and widget.input_type not in NOT_TEXT:
        return "utrecht-textbox utrecht-textbox--html-input"
    return ""


class ComponentBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        classes = component_classes(widget)
        if classes:
            # These attrs replace the widget's own, so keep a class the widget already has.
            own = attrs.get("class") or widget.attrs.get("class")
            attrs["class"] = f"{own} {classes}" if own else classes
        return attrs


class ComponentFieldsMixin:
    """Mix into a public form: its text inputs and text areas carry the component classes."""

    bound_field_class = ComponentBoundField
