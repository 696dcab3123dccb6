"""What an editor does with a shared practice example: approve it (publish) or reject it."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from activities.models import Guidance
from examples.models import RESERVED_SLUGS, ExampleSubmission, PracticeExample

SLUG_LENGTH = PracticeExample._meta.get_field("slug").max_length
TEXT_FIELDS = ("description", "what_worked", "what_did_not_work")


def _free_slug(name):
    base = (slugify(name) or "voorbeeld")[: SLUG_LENGTH - 4].strip("-")
    slug, number = base, 2
    while slug in RESERVED_SLUGS or PracticeExample.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def approve(submission):
    """Publish the submission as a local example, linked to the guidance it names."""
    if submission.status == ExampleSubmission.Status.APPROVED and submission.example_id:
        return submission.example
    today = timezone.localdate()
    language = submission.language if submission.language in {"nl", "en"} else "nl"
    texts = {field: getattr(submission, field) for field in TEXT_FIELDS}
    example = PracticeExample(
        slug=_free_slug(submission.name),
        name=submission.name,
        organisation=submission.organisation,
        place=submission.place,
        province=submission.province,
        website=submission.website,
        gemeente_id=submission.gemeente_id,
        origin=PracticeExample.Origin.LOCAL,
        written_in=language,
        shared_on=today,
        is_published=True,
    )
    for field, text in texts.items():
        # Dutch is required: an example shared in English shows its English text on both sites,
        # marked lang="en" on the Dutch ones (`written_in`), until an editor translates it
        # (checkcontent lists the gap). One shared in Dutch has no
        # English yet: the English pages show the Dutch text marked lang="nl", and the editor who
        # approved it is asked for the English (missing_english).
        setattr(example, f"{field}_nl", text)
        if language == "en":
            setattr(example, f"{field}_en", text)
    example.save()
    example.dividing_lines.set(submission.dividing_lines.all())
    example.guidances.set(
        Guidance.objects.filter(
            phase__in=submission.phases.all(), activity_type__in=submission.activity_types.all()
        )
    )
    submission.status = ExampleSubmission.Status.APPROVED
    submission.decided_at = timezone.now()
    submission.example = example
    submission.save(update_fields=["status", "decided_at", "example"])
    return example


def missing_english(example):
    """The texts of the example that the English pages show in Dutch, for want of English."""
    return [
        field
        for field in TEXT_FIELDS
        if getattr(example, f"{field}_nl", "") and not getattr(example, f"{field}_en", "")
    ]


def reject(submission, reason):
    """Keep the submission, marked rejected with the editor's reason; nothing is published."""
    submission.status = ExampleSubmission.Status.REJECTED
    submission.rejection_reason = reason
    submission.decided_at = timezone.now()
    submission.save(update_fields=["status", "rejection_reason", "decided_at"])
