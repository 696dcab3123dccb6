"""`{% contacts_for phase %}`: who to call in this phase, on this site (local first)."""

from django import template

from contacts.shared import contacts_for_phase

register = template.Library()


@register.inclusion_tag("contacts/contact_list.html", takes_context=True)
def contacts_for(context, phase, heading_level=2, gemeente=None, local_only=False):
    """`gemeente` (a Gemeente or gemeenten.local.Local) names the layer where the page's host
    does not: a buurtoverleg's pages and PDF show the contacts of the gemeente it started in.
    `local_only`: only the gemeente's own (where the national numbers are already in the text)."""
    request = context.get("request")
    local = gemeente if gemeente is not None else getattr(request, "gemeente", None)
    contacts = contacts_for_phase(request, phase.pk, local)
    if local_only:
        contacts = [contact for contact in contacts if contact.gemeente_id]
    return {
        "contacts": contacts,
        "gemeente": local,
        "phase": phase,
        "heading_level": heading_level,
    }
