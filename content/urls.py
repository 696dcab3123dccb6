from django.urls import path

from content import views

app_name = "content"
urlpatterns = [
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/<slug:name>.<slug:fmt>", views.open_data_file, name="open_data_file"),
]
