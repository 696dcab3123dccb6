from django.urls import path

from examples import views

app_name = "examples"
urlpatterns = [
    path("voorbeelden/", views.example_list, name="list"),
    # "delen" is reserved: no example can take it as slug (RESERVED_SLUGS).
    path("voorbeelden/delen/", views.submit, name="submit"),
    path("voorbeelden/delen/bedankt/", views.thanks, name="thanks"),
    path("voorbeelden/<slug:slug>/", views.example_detail, name="detail"),
]
