"""A login half done: the password was right, the second factor is still to come.

Until the code is accepted nobody is logged in: the session holds only who is signing in, the
backend that checked the password and a hash of it, for at most PENDING_SECONDS. Changing the
password in the meantime, or deactivating the account, ends the attempt.
"""

import time

import django_otp
from django.contrib.auth import get_user_model, login
from django.utils.crypto import constant_time_compare

PENDING_KEY = "signin_pending"
# Time to type a code, or to install an app and scan its QR code at a first login.
PENDING_SECONDS = 15 * 60


def start(request, user, redirect_to):
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": str(user.pk),
        "backend": user.backend,
        "hash": user.get_session_auth_hash(),
        "since": time.time(),
        "next": redirect_to,
    }


def pending_user(request):
    """The user whose password was accepted in this session, or None."""
    state = request.session.get(PENDING_KEY)
    if not isinstance(state, dict):
        return None
    if time.time() - state.get("since", 0) > PENDING_SECONDS:
        forget(request)
        return None
    user = get_user_model()._default_manager.filter(pk=state.get("user"), is_active=True).first()
    if user is None or not constant_time_compare(
        user.get_session_auth_hash(), state.get("hash", "")
    ):
        forget(request)
        return None
    user.backend = state.get("backend")
    return user


def redirect_to(request):
    return request.session.get(PENDING_KEY, {}).get("next", "")


def forget(request):
    request.session.pop(PENDING_KEY, None)


def finish(request, user, device):
    """Both factors passed: log the user in, remembering which device verified them."""
    next_url = redirect_to(request)
    forget(request)
    login(request, user, backend=user.backend)
    django_otp.login(request, device)
    return next_url
