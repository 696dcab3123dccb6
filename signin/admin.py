"""Two-step login in the admin: on the users list, whether each set it up, and a reset.

django-otp's own device pages are not shown: they speak only English and offer fields (clock
drift, tolerance) nobody here should change. A superuser resets an editor who lost their phone
with the action below, or with `manage.py resettwofactor USERNAME`.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from signin import devices

User = get_user_model()

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


class TwoStepLoginUserAdmin(UserAdmin):
    actions = [*(UserAdmin.actions or []), "reset_two_step_login"]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "has_app"]

    def get_queryset(self, request):
        apps = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_app=Exists(apps))

    @admin.display(description=_("Two-step login"), boolean=True, ordering="has_app")
    def has_app(self, user):
        return user.has_app

    def has_reset_permission(self, request):
        return request.user.is_superuser

    @admin.action(description=_("Reset two-step login"), permissions=["reset"])
    def reset_two_step_login(self, request, queryset):
        for user in queryset:
            devices.reset(user)
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "Two-step login reset for %(count)s user: they set up an app at their next login.",
                "Two-step login reset for %(count)s users: they set up an app at their next login.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


admin.site.unregister(User)
admin.site.register(User, TwoStepLoginUserAdmin)
