"""Contacts per phase and layer, built once per content version (pagecache.objects)."""

from pagecache import version as content_version
from pagecache.objects import shared


def contacts_for_phase(request, phase_pk, local=None):
    gemeente_pk = local.pk if local else None

    def build():
        from contacts.models import Contact

        return list(Contact.objects.for_phase(phase_pk, gemeente_pk).select_related("gemeente"))

    version = content_version.current(request)
    return shared(version, f"contacts:{phase_pk}:{gemeente_pk}", build)
