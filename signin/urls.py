"""The sign-in pages, inside the admin's address (wijkverbinder/urls.py puts them before it)."""

from django.urls import path

from signin import views

app_name = "signin"
urlpatterns = [
    # The admin's own login address: this view answers it (README, Signing in).
    path("login/", views.password_step, name="login"),
    path("login/code/", views.app_code, name="code"),
    path("login/recovery-code/", views.recovery_code, name="recovery"),
    path("login/set-up/", views.enrol, name="enrol"),
    path("account/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("account/login/", views.account, name="account"),
]
