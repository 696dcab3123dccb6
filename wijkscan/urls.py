from django.urls import path

from wijkscan import views

app_name = "wijkscan"
urlpatterns = [
    path("wijkscan/", views.scan, name="scan"),
    path("wijkscan/resultaat/", views.scan_result, name="result"),
    path("wijkscan/r/<str:code>/", views.short_link, name="short"),
]
