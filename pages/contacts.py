"""How to reach whoever runs the site: the contact page and security.txt read it from settings."""

from django.conf import settings


def security_contacts():
    """The security.txt contacts as URIs: a bare address becomes a mailto: link."""
    return [
        contact if ":" in contact else f"mailto:{contact}" for contact in settings.SECURITY_CONTACT
    ]


def site_contact():
    """What the contact page shows: the organisation, its address, or the security contact.

    The security contact is shown only when there is no general address, so a visitor always has
    a way to reach a person when either is configured.
    """
    email = settings.CONTACT_EMAIL
    return {
        "organisation": settings.CONTACT_ORGANISATION,
        "email": email,
        "security": [] if email else [_link(uri) for uri in security_contacts()],
    }


def _link(uri):
    text = uri.removeprefix("mailto:")
    return {"href": uri, "text": text}
