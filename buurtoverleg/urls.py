from django.urls import path, register_converter

from buurtoverleg import views
from buurtoverleg.tokens import TOKEN_PATTERN


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
    path("buurtoverleg/", views.start, name="start"),
    path("buurtoverleg/nieuw/", views.create, name="create"),
    path("buurtoverleg/b/<token:token>/", views.manage, name="manage"),
    path("buurtoverleg/b/<token:token>/stand/", views.live, name="live"),
    path("buurtoverleg/b/<token:token>/afspraken/", views.agreement, name="agreement"),
    path("buurtoverleg/b/<token:token>/plan/", views.plan, name="plan"),
    path("buurtoverleg/b/<token:token>/plan/kiezen/", views.plan_choose, name="plan_choose"),
    path("buurtoverleg/b/<token:token>/plan/<int:item>/", views.plan_item, name="plan_item"),
    path(
        "buurtoverleg/b/<token:token>/plan/<int:item>/weghalen/",
        views.plan_item_remove,
        name="plan_item_remove",
    ),
    path("buurtoverleg/b/<token:token>/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("buurtoverleg/b/<token:token>/verwijderen/", views.delete, name="delete"),
    path("buurtoverleg/d/<token:token>/", views.participate, name="participate"),
    path("buurtoverleg/d/<token:token>/afronden/", views.finish, name="finish"),
    path("buurtoverleg/d/<token:token>/plan/", views.shared_plan, name="shared_plan"),
    path("buurtoverleg/d/<token:token>/<token:response_token>/", views.change, name="change"),
]
