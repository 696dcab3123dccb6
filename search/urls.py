from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("zoeken/", views.site_search, name="search"),
]
