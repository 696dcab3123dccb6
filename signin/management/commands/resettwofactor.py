"""manage.py resettwofactor USERNAME: forget a user's authenticator app and recovery codes.

For an editor who lost their phone and their recovery codes. At their next login they set up an
app again; any session that was verified with the old app ends (signin.middleware).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from signin.devices import reset


class Command(BaseCommand):
    help = "Forget a user's authenticator app and recovery codes; they set up a new app at login."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        removed = reset(user)
        if removed:
            self.stdout.write(
                f"Two-step login of {username} reset: they set up an app at their next login."
            )
        else:
            self.stdout.write(f"{username} had no app or recovery codes; nothing to reset.")
