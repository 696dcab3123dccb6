import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

from content.editors import EDITOR_GROUP, grant_content_permissions


class Command(BaseCommand):
    help = (
        f"Add an editor: a staff account in the group “{EDITOR_GROUP}”, which may edit all "
        "content but no accounts. Asks for a password (checked by the password validators)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Ask for no password: the editor sets one through “Forgot your password” or "
            "`manage.py changepassword`.",
        )

    def handle(self, *args, username, email, interactive, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already an account named {username}.")
        group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
        # New content apps get their permissions too.
        grant_content_permissions(group, Permission)
        user = User(username=username, email=email, is_staff=True, is_superuser=False)
        if interactive:
            user.set_password(self._ask_password(user))
        else:
            user.set_unusable_password()
        user.save()
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Editor {username} added to “{EDITOR_GROUP}”."))
        if not interactive:
            self.stdout.write(f"Set a password with: manage.py changepassword {username}")

    def _ask_password(self, user):
        while True:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                self.stderr.write("The passwords differ; try again.")
                continue
            try:
                validate_password(password, user)
            except ValidationError as error:
                self.stderr.write("\n".join(error.messages))
                continue
            return password
