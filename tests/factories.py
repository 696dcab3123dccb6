import datetime

import factory
from django.utils.text import slugify

from activities.models import ActivityType, BindingRung, Guidance, Tip
from contacts.models import Contact
from examples.models import DividingLine, ExampleSubmission, PracticeExample, Setting
from gemeenten.models import Gemeente, Host
from library.models import Publication
from phases.models import Phase
from search.models import RelatedTerm
from wijkscan.models import ScanAnswer, ScanQuestion, ScanWeight


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase
        django_get_or_create = ["slug"]

    position = factory.Sequence(lambda n: n + 1)
    colour = factory.Iterator([c for c, _ in Phase.Colour.choices])
    name_nl = factory.Sequence(lambda n: f"Fase {n}")
    name_en = factory.Sequence(lambda n: f"Phase {n}")
    title_nl = factory.LazyAttribute(lambda o: f"Verbinden bij {o.name_nl.lower()}")
    title_en = factory.LazyAttribute(lambda o: f"Connecting in {o.name_en.lower()}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title_nl))
    headline_nl = factory.LazyAttribute(lambda o: f"Kop van {o.name_nl}")
    headline_en = factory.LazyAttribute(lambda o: f"Headline of {o.name_en}")
    current_quote_nl = "We leven langs elkaar"
    current_quote_en = "We live side by side"
    current_text_nl = "Bewoners hebben weinig contact."
    current_text_en = "Residents have little contact."
    desired_quote_nl = "We leven met elkaar"
    desired_quote_en = "We live together"
    desired_text_nl = "Bewoners kennen elkaar."
    desired_text_en = "Residents know each other."
    signals_nl = "Weinig contact\nNiemand voelt zich verantwoordelijk"
    signals_en = "Little contact\nNobody feels responsible"
    call_to_action_nl = "Zo werk je eraan:"
    call_to_action_en = "How to work on it:"


class BindingRungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BindingRung
        django_get_or_create = ["number"]

    number = 2
    name_nl = factory.LazyAttribute(lambda o: f"Trede {o.number}")
    name_en = factory.LazyAttribute(lambda o: f"Rung {o.number}")
    description_nl = "Wat deze trede betekent."
    description_en = "What this rung means."


class ActivityTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityType

    position = factory.Sequence(lambda n: n)
    name_nl = factory.Sequence(lambda n: f"Activiteit {n}")
    name_en = factory.Sequence(lambda n: f"Activity {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name_nl))
    summary_nl = "Een korte samenvatting."
    summary_en = "A short summary."
    rung = factory.SubFactory(BindingRungFactory)
    effort_time = ActivityType.Effort.LOW
    effort_people = ActivityType.Effort.MEDIUM
    effort_money = ActivityType.Effort.LOW


class GuidanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guidance
        skip_postgeneration_save = True

    class Params:
        unpublished = factory.Trait(is_published=False)

    phase = factory.SubFactory(PhaseFactory)
    activity_type = factory.SubFactory(ActivityTypeFactory)
    position = factory.Sequence(lambda n: n)
    is_published = True
    introduction_nl = "Waarom en hoe deze activiteit werkt in deze fase."
    introduction_en = "Why and how this activity works in this phase."
    last_reviewed = datetime.date(2026, 11, 1)

    @factory.post_generation
    def tips(self, create, extracted, **kwargs):
        """One tip of each kind by default; `tips=N` makes N of each kind, `tips=0` none."""
        if not create:
            return
        count = 1 if extracted is None else extracted
        for kind in (Tip.Kind.WORKS, Tip.Kind.DOES_NOT_WORK):
            TipFactory.create_batch(count, guidance=self, kind=kind)


class TipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tip

    guidance = factory.SubFactory(GuidanceFactory, tips=0)
    kind = Tip.Kind.WORKS
    text_nl = factory.Sequence(lambda n: f"Tip nummer {n}")
    text_en = factory.Sequence(lambda n: f"Tip number {n}")
    position = factory.Sequence(lambda n: n)


class PracticeExampleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeExample
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(is_published=False)

    name = factory.Sequence(lambda n: f"Voorbeeld {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    organisation = "Stichting Buurt"
    place = "Utrecht"
    description_nl = "Een voorbeeld uit de praktijk."
    description_en = "An example from practice."
    website = "https://www.example.org/project"
    is_published = True

    @factory.post_generation
    def guidances(self, create, extracted, **kwargs):
        if create and extracted:
            self.guidances.add(*extracted)

    @factory.post_generation
    def dividing_lines(self, create, extracted, **kwargs):
        if create and extracted:
            self.dividing_lines.add(*extracted)

    @factory.post_generation
    def settings(self, create, extracted, **kwargs):
        if create and extracted:
            self.settings.add(*extracted)


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    class Params:
        draft = factory.Trait(is_published=False)

    title = factory.Sequence(lambda n: f"Publicatie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind_nl = "Handreiking"
    kind_en = "Guide"
    authors = "A. Auteur"
    publisher = "KIS"
    year = 2020
    url = "https://www.example.org/publicatie"
    summary_nl = "Samenvatting van de publicatie."
    summary_en = "Summary of the publication."
    key_points_nl = "Eerste punt\nTweede punt"
    key_points_en = "First point\nSecond point"
    is_published = True


class ScanQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScanQuestion

    slug = factory.Sequence(lambda n: f"vraag-{n}")
    position = factory.Sequence(lambda n: n)
    text_nl = factory.Sequence(lambda n: f"Vraag {n}?")
    text_en = factory.Sequence(lambda n: f"Question {n}?")


class ScanAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScanAnswer
        skip_postgeneration_save = True

    question = factory.SubFactory(ScanQuestionFactory)
    slug = factory.Sequence(lambda n: f"antwoord-{n}")
    position = factory.Sequence(lambda n: n)
    text_nl = factory.Sequence(lambda n: f"Antwoord {n}")
    text_en = factory.Sequence(lambda n: f"Answer {n}")

    @factory.post_generation
    def weights(self, create, extracted, **kwargs):
        """`weights={phase: points, ...}`."""
        if create and extracted:
            for phase, points in extracted.items():
                ScanWeight.objects.create(answer=self, phase=phase, points=points)


class ParticipantRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "buurtoverleg.ParticipantRole"

    position = factory.Sequence(lambda n: n)
    name_nl = factory.Sequence(lambda n: f"Rol {n}")
    name_en = factory.Sequence(lambda n: f"Role {n}")


class DividingLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DividingLine
        django_get_or_create = ["slug"]

    name_nl = factory.Sequence(lambda n: f"Groep {n}")
    name_en = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name_nl))
    position = factory.Sequence(lambda n: n)


class SettingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Setting
        django_get_or_create = ["slug"]

    name_nl = factory.Sequence(lambda n: f"Omgeving {n}")
    name_en = factory.Sequence(lambda n: f"Setting {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name_nl))
    position = factory.Sequence(lambda n: n)


class ExampleSubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExampleSubmission
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Buurtinitiatief {n}")
    place = "Zwolle"
    province = "overijssel"
    description = "We koken elke maand samen met nieuwe en oude buren."
    what_worked = "Samen boodschappen doen."
    email = "initiatiefnemer@example.org"

    @factory.post_generation
    def phases(self, create, extracted, **kwargs):
        if create and extracted:
            self.phases.add(*extracted)

    @factory.post_generation
    def activity_types(self, create, extracted, **kwargs):
        if create and extracted:
            self.activity_types.add(*extracted)


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    host = factory.RelatedFactory(
        "tests.factories.HostFactory",
        factory_related_name="gemeente",
        name=factory.LazyAttribute(lambda o: f"{o.factory_parent.slug}.wijkverbinder.example"),
    )


class HostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Host

    gemeente = factory.SubFactory(GemeenteFactory, host=None)
    name = factory.Sequence(lambda n: f"host{n}.wijkverbinder.example")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact
        skip_postgeneration_save = True

    gemeente = None
    name_nl = factory.Sequence(lambda n: f"Buurtbemiddeling {n}")
    name_en = factory.Sequence(lambda n: f"Community mediation {n}")
    description_nl = "Helpt buren een conflict samen op te lossen."
    description_en = "Helps neighbours resolve a conflict together."
    phone = "030 123 45 67"

    @factory.post_generation
    def phases(self, create, extracted, **kwargs):
        if create and extracted:
            self.phases.set(extracted)


class RelatedTermFactory(factory.django.DjangoModelFactory):
    """A search word with its related words; `related_nl="a, b"` as an editor types them."""

    class Meta:
        model = RelatedTerm
        django_get_or_create = ["word_nl"]

    word_nl = factory.Sequence(lambda n: f"zoekwoord{n}")
    related_nl = "buren, buurt"
    word_en = factory.Sequence(lambda n: f"searchword{n}")
    related_en = "neighbours, neighbourhood"
