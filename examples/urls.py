from django.urls import path

from examples import views

app_name = "examples"
urlpatterns = [
    path("voorbeelden/", views.example_list, name="list"),
    # The list's results alone, for htmx (its own address, so a cache can never mix the two).
    path("voorbeelden/resultaten/", views.example_results, name="results"),
    # "delen" and "resultaten" are reserved: no example can take them as slug (RESERVED_SLUGS).
    path("voorbeelden/delen/", views.submit, name="submit"),
    path("voorbeelden/delen/bedankt/", views.thanks, name="thanks"),
    path("voorbeelden/<slug:slug>/", views.example_detail, name="detail"),
]
