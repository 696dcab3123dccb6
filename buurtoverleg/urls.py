from django.urls import path, register_converter

from buurtoverleg.tokens import TOKEN_PATTERN
from buurtoverleg.views import coordinator, participant, plan


class TokenConverter:
    """A capability token in a URL: 43 URL-safe characters; anything else does not match (404)."""

    regex = TOKEN_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TokenConverter, "token")

app_name = "buurtoverleg"
urlpatterns = [
    path("buurtoverleg/", coordinator.start, name="start"),
    path("buurtoverleg/nieuw/", coordinator.create, name="create"),
    path("buurtoverleg/b/<token:token>/", coordinator.manage, name="manage"),
    path("buurtoverleg/b/<token:token>/stand/", coordinator.live, name="live"),
    path("buurtoverleg/b/<token:token>/afspraken/", coordinator.agreement, name="agreement"),
    path("buurtoverleg/b/<token:token>/ronde/", coordinator.new_round, name="new_round"),
    path("buurtoverleg/b/<token:token>/datum/", coordinator.meeting_date, name="meeting_date"),
    path("buurtoverleg/b/<token:token>/plan/", plan.plan, name="plan"),
    path("buurtoverleg/b/<token:token>/plan/kiezen/", plan.plan_choose, name="plan_choose"),
    path("buurtoverleg/b/<token:token>/plan/<int:item>/", plan.plan_item, name="plan_item"),
    path(
        "buurtoverleg/b/<token:token>/plan/<int:item>/gewerkt/",
        plan.plan_item_outcome,
        name="plan_item_outcome",
    ),
    path(
        "buurtoverleg/b/<token:token>/plan/<int:item>/weghalen/",
        plan.plan_item_remove,
        name="plan_item_remove",
    ),
    path("buurtoverleg/b/<token:token>/plan.pdf", plan.plan_pdf, name="plan_pdf"),
    path("buurtoverleg/b/<token:token>/verwijderen/", coordinator.delete, name="delete"),
    path("buurtoverleg/d/<token:token>/", participant.participate, name="participate"),
    path("buurtoverleg/d/<token:token>/afronden/", participant.finish, name="finish"),
    path("buurtoverleg/d/<token:token>/plan/", plan.shared_plan, name="shared_plan"),
    path("buurtoverleg/d/<token:token>/<token:response_token>/", participant.change, name="change"),
    # Anything else under a link's prefix (a link cut short in a chat, a typo): the same 404.
    path("buurtoverleg/b/<path:rest>", coordinator.unknown_link, name="unknown_manage_link"),
    path("buurtoverleg/d/<path:rest>", coordinator.unknown_link, name="unknown_participant_link"),
]
