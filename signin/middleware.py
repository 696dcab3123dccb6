"""A session that owes its second factor is no session.

Logins that need a code only happen once the code is accepted (signin.views), so a logged-in
session without a verified device means the code was never given: a login from before
DJANGO_ADMIN_2FA was turned on, or one whose app a superuser has reset since
(`manage.py resettwofactor`). Such a session is logged out before any view sees it, so it can
neither open the admin nor preview drafts.
"""

from django.contrib.auth import logout

from core.visitors import is_editor
from signin.devices import second_factor_required


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # is_editor looks at the session only when there is a session cookie.
        if is_editor(request):
            user = request.user
            if second_factor_required(user) and not user.is_verified():
                logout(request)
        return self.get_response(request)
