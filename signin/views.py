"""The admin's sign-in: password, then a code from an app or a recovery code (README, Signing in).

/admin/login/ checks the password as the admin always did. For a user who needs a second factor
it logs nobody in yet: it notes who is signing in (signin.pending) and sends them to the code
page, or, at their first login, to set up an app. Only an accepted code logs them in.

Every code that does not sign in counts as a failed login for django-axes, as a wrong password
does: five, of either kind, lock that user name from that address for 15 minutes.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from signin import devices, pending
from signin.forms import AppCodeForm, RecoveryCodeForm

FRESH_CODES_KEY = "signin_fresh_recovery_codes"


class PasswordStep(LoginView):
    """The admin's login page; a user who needs a second factor goes on to give a code."""

    form_class = AdminAuthenticationForm
    template_name = "admin/login.html"

    def dispatch(self, request, *args, **kwargs):
        request.current_app = admin.site.name
        if request.method == "GET" and admin.site.has_permission(request):
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_default_redirect_url(self):
        return reverse("admin:index")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **admin.site.each_context(self.request),
            title=_("Log in"),
            subtitle=None,
            app_path=self.request.get_full_path(),
            username=self.request.user.get_username(),
            next=self.get_success_url(),
            **kwargs,
        )

    def form_valid(self, form):
        user = form.get_user()
        if not devices.second_factor_required(user):
            return super().form_valid(form)
        pending.start(self.request, user, self.get_success_url())
        if devices.confirmed_app(user) is None:
            return redirect("signin:enrol")
        return redirect("signin:code")


def _step(view):
    """A step of a login under way: no caching, CSRF checked, the typed code kept out of logs."""
    view = require_http_methods(["GET", "POST"])(view)
    view = sensitive_post_parameters("code")(view)
    return never_cache(csrf_protect(view))


def _start_again(request):
    messages.warning(request, _("Your login was not finished in time. Please log in again."))
    return redirect("admin:login")


def _locked_out(request, credentials):
    """Let django-axes answer, as it does for a password: its middleware writes the page."""
    request.axes_locked_out = True
    request.axes_credentials = credentials


def _failed(request, credentials):
    """One failed login for django-axes; at the fifth it marks the request locked out."""
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)


def _check_code(request, user, device, form, wrong_message):
    """The device that accepted the form's code, or None with the reason on the form.

    Refuses without looking at the code when axes has locked this user name out (then the
    caller's response is replaced by axes' lockout page), or when django-otp makes the device
    wait after wrong codes in a row.
    """
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        _locked_out(request, credentials)
        return None
    if form.is_valid():
        if device is None:
            form.add_error("code", wrong_message)
        else:
            with transaction.atomic():
                # Locked, so two requests with one code cannot both use it.
                device = type(device).objects.select_for_update().filter(pk=device.pk).first()
                allowed, _details = device.verify_is_allowed() if device else (True, None)
                if device is None:  # reset by a superuser a moment ago
                    form.add_error("code", wrong_message)
                elif not allowed:
                    form.add_error(
                        "code",
                        _("After a wrong code, wait a few seconds before you try again."),
                    )
                elif device.verify_token(form.cleaned_data["code"]):
                    return device
                else:
                    form.add_error("code", wrong_message)
    _failed(request, credentials)
    return None


def _render_step(request, template, context):
    context = {
        **admin.site.each_context(request),
        "subtitle": None,
        "app_path": request.get_full_path(),
        **context,
    }
    status = 200
    form = context.get("form")
    if form is not None and form.errors:
        status = 400
    return render(request, template, context, status=status)


@_step
def app_code(request):
    """Second step: the 6 digits from the authenticator app."""
    user = pending.pending_user(request)
    if user is None:
        return _start_again(request)
    device = devices.confirmed_app(user)
    if device is None:
        return redirect("signin:enrol")
    form = AppCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        wrong = _("This code is wrong or has expired. Enter the code your app shows now.")
        verified = _check_code(request, user, device, form, wrong)
        if getattr(request, "axes_locked_out", False):
            return HttpResponse(status=429)
        if verified is not None:
            return redirect(pending.finish(request, user, verified))
    return _render_step(
        request, "admin/signin/app_code.html", {"title": _("Code from your app"), "form": form}
    )


@_step
def recovery_code(request):
    """Second step without the phone: one of the recovery codes, each good once."""
    user = pending.pending_user(request)
    if user is None:
        return _start_again(request)
    form = RecoveryCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        wrong = _("This recovery code is wrong or has been used already.")
        verified = _check_code(request, user, devices.recovery_device(user), form, wrong)
        if getattr(request, "axes_locked_out", False):
            return HttpResponse(status=429)
        if verified is not None:
            next_url = pending.finish(request, user, verified)
            left = verified.token_set.count()
            messages.warning(
                request,
                ngettext(
                    "You logged in with a recovery code; %(left)s code is left. Make new "
                    "codes under “Two-step login” at the top of the page.",
                    "You logged in with a recovery code; %(left)s codes are left. Make new "
                    "codes under “Two-step login” at the top of the page.",
                    left,
                )
                % {"left": left},
            )
            return redirect(next_url)
    return _render_step(
        request, "admin/signin/recovery_code.html", {"title": _("Recovery code"), "form": form}
    )


@_step
def enrol(request):
    """First login: set up an authenticator app by scanning its QR code, then confirm a code."""
    user = pending.pending_user(request)
    if user is None:
        return _start_again(request)
    if devices.confirmed_app(user) is not None:
        return redirect("signin:code")
    device = devices.app_to_confirm(user)
    form = AppCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        wrong = _("This code is wrong or has expired. Enter the code your app shows now.")
        verified = _check_code(request, user, device, form, wrong)
        if getattr(request, "axes_locked_out", False):
            return HttpResponse(status=429)
        if verified is not None:
            TOTPDevice.objects.filter(pk=verified.pk).update(confirmed=True)
            verified.confirmed = True
            codes = devices.new_recovery_codes(user)
            next_url = pending.finish(request, user, verified)
            request.session[FRESH_CODES_KEY] = {"codes": codes, "next": next_url}
            return redirect("signin:recovery_codes")
    return _render_step(
        request,
        "admin/signin/enrol.html",
        {
            "title": _("Set up two-step login"),
            "form": form,
            "account": user.get_username(),
            "secret": devices.secret_text(device),
            "qr_code": devices.qr_code_svg(
                device, _("QR code to scan with your authenticator app")
            ),
        },
    )


@require_http_methods(["GET"])
def recovery_codes(request):
    """The new recovery codes, shown once: a second look finds them gone."""
    fresh = request.session.pop(FRESH_CODES_KEY, None)
    if not fresh:
        return redirect("signin:account")
    return render(
        request,
        "admin/signin/recovery_codes.html",
        {
            **admin.site.each_context(request),
            "title": _("Your recovery codes"),
            "codes": fresh["codes"],
            "next": fresh["next"] or reverse("admin:index"),
        },
    )


@require_http_methods(["GET", "POST"])
def account(request):
    """An editor's own sign-in settings: their app, and new recovery codes when they ask."""
    user = request.user
    app = devices.confirmed_app(user)
    if request.method == "POST":
        if app is None:
            messages.error(request, _("Set up an authenticator app first."))
            return redirect("signin:account")
        codes = devices.new_recovery_codes(user)
        request.session[FRESH_CODES_KEY] = {"codes": codes, "next": reverse("signin:account")}
        return redirect("signin:recovery_codes")
    return render(
        request,
        "admin/signin/account.html",
        {
            **admin.site.each_context(request),
            "title": _("Two-step login"),
            "required": devices.second_factor_required(user),
            "app": app,
            "codes_left": devices.recovery_codes_left(user),
        },
    )


password_step = method_decorator(never_cache, name="dispatch")(PasswordStep).as_view()
# Only for someone logged in to the admin (admin_view adds never_cache and CSRF protection).
recovery_codes = admin.site.admin_view(recovery_codes)
account = admin.site.admin_view(account)
