from django import template

from examples.models import ExampleSubmission

register = template.Library()


@register.simple_tag
def pending_submission_count():
    """How many shared examples wait for an editor (shown on the admin index)."""
    return ExampleSubmission.objects.pending().count()
