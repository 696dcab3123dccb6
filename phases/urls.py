from django.urls import path

from phases import views

app_name = "phases"
urlpatterns = [
    path("", views.phase_list, name="list"),
    path("verbinden/<slug:slug>/", views.phase_detail, name="detail"),
]
