from django.urls import path

from library import views

app_name = "library"
urlpatterns = [
    path("bibliotheek/", views.publication_list, name="list"),
    path("bibliotheek/<slug:slug>/", views.publication_detail, name="detail"),
]
