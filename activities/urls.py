from django.urls import path

from activities import views

app_name = "activities"
urlpatterns = [
    path("bindingsladder/", views.binding_ladder, name="ladder"),
    path("verbinden/<slug:phase_slug>/<slug:slug>/", views.guidance_detail, name="detail"),
]
