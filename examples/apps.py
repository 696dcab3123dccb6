from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_save
from django.utils.translation import gettext_lazy as _


class ExamplesConfig(AppConfig):
    name = "examples"
    verbose_name = _("Practice examples")

    def ready(self):
        # The stored search vectors include the example's guidance, settings and target groups,
        # so they are rebuilt when an example is saved, when those links change (from either
        # side), and when a setting or target group is renamed.
        from examples.models import DividingLine, PracticeExample, Setting

        post_save.connect(_example_saved, sender=PracticeExample, dispatch_uid="example-search")
        for relation in ("guidances", "settings", "dividing_lines"):
            m2m_changed.connect(
                _guidance_links_changed,
                sender=getattr(PracticeExample, relation).through,
                dispatch_uid=f"example-{relation}-search",
            )
        for model in (Setting, DividingLine):
            post_save.connect(
                _label_saved, sender=model, dispatch_uid=f"example-search-{model.__name__}"
            )

        from editing.slugs import keep_old_slugs, redirect_old_slugs

        keep_old_slugs(PracticeExample)
        # Renamed examples keep their old address (/voorbeelden/<old slug>/) as a redirect.
        redirect_old_slugs("examples:detail", slug="examples.PracticeExample")


def _example_saved(sender, instance, **kwargs):
    from examples.fulltext import update_search_vectors

    update_search_vectors(sender.objects.filter(pk=instance.pk))


def _label_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the examples that link to it are (re)built when they are saved
        return
    from examples.fulltext import update_search_vectors

    update_search_vectors(instance.examples.all())


def _guidance_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    from examples.fulltext import update_search_vectors
    from examples.models import PracticeExample

    if not reverse:
        update_search_vectors(PracticeExample.objects.filter(pk=instance.pk))
    elif pk_set:
        update_search_vectors(PracticeExample.objects.filter(pk__in=pk_set))
    else:  # a guidance's examples were cleared: those rows are gone from the link table already
        update_search_vectors(PracticeExample.objects.all())
