"""Old slugs keep working: a renamed object's old addresses redirect to its current one.

An app tells this module which of its models keep their old slugs (`keep_old_slugs`) and which
of its URL names carry such a slug (`redirect_old_slugs`), both from its AppConfig.ready(). The
middleware then answers a 404 whose address holds an old slug with a permanent redirect to the
same page under the current slugs, in the same language and with the same query string. Every
old slug points at the object, never at the next old slug, so a second rename makes no chain.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_save
from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from editing.models import SlugHistory

_URL_SLUGS = {}


def keep_old_slugs(model):
    """Record the slug an object had each time it is saved with another one."""
    pre_save.connect(
        _remember_old_slug, sender=model, dispatch_uid=f"old-slugs:{model._meta.label}"
    )


def _remember_old_slug(sender, instance, using, **kwargs):
    # Also for raw saves: a restored revision or a reloaded fixture can change a slug too.
    if instance.pk is None:
        return
    old = (
        sender._default_manager.using(using)
        .filter(pk=instance.pk)
        .values_list("slug", flat=True)
        .first()
    )
    if old and old != instance.slug:
        SlugHistory.objects.using(using).create(
            content_type=ContentType.objects.db_manager(using).get_for_model(sender),
            object_id=instance.pk,
            old_slug=old,
        )


def current_slug(model, old_slug, **within):
    """The current slug of the object that last had `old_slug`, or None.

    `within` narrows the objects (a scan answer's slug is unique only within its question).
    """
    object_ids = list(
        SlugHistory.objects.for_model(model)
        .filter(old_slug=old_slug)
        .values_list("object_id", flat=True)[:20]
    )
    if not object_ids:
        return None
    current = dict(
        model._default_manager.filter(pk__in=object_ids, **within).values_list("pk", "slug")
    )
    # The most recent rename wins when two objects once had the same slug.
    return next(
        (current[pk] for pk in object_ids if pk in current and current[pk] != old_slug), None
    )


def redirect_old_slugs(url_name, **slug_models):
    """Declare that the URL `url_name` carries slugs of these models in these arguments.

    E.g. redirect_old_slugs("activities:detail", phase_slug="phases.Phase",
    slug="activities.ActivityType").
    """
    _URL_SLUGS[url_name] = slug_models


def renamed_url(path):
    """The address `path` has under the current slugs, or None when nothing in it was renamed."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    slug_models = _URL_SLUGS.get(match.view_name)
    if not slug_models:
        return None
    kwargs = dict(match.kwargs)
    renamed = False
    for argument, label in slug_models.items():
        value = kwargs.get(argument)
        model = apps.get_model(label)
        if value is None or model._default_manager.filter(slug=value).exists():
            continue
        new = current_slug(model, value)
        if new:
            kwargs[argument] = new
            renamed = True
    if not renamed:
        return None
    try:
        return reverse(match.view_name, kwargs=kwargs)
    except NoReverseMatch:
        return None


class OldSlugRedirectMiddleware:
    """A page not found under an old slug redirects permanently to its current address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        url = renamed_url(request.path_info)
        if url is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
