from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def contact_configured(app_configs, **kwargs):
    """A public site says how to reach whoever runs it (`manage.py check --deploy`)."""
    if settings.CONTACT_EMAIL or settings.SECURITY_CONTACT:
        return []
    return [
        Warning(
            "The contact page names no way to reach whoever runs this site.",
            hint="Set DJANGO_CONTACT_EMAIL (and DJANGO_CONTACT_ORGANISATION), or at least "
            "DJANGO_SECURITY_CONTACT.",
            id="pages.W001",
        )
    ]
