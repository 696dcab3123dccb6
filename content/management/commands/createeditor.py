import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

from content.editors import EDITOR_GROUP, grant_content_permissions
from gemeenten import editors as gemeente_editors
from gemeenten.models import Gemeente


class Command(BaseCommand):
    help = (
        f"Add an editor: a staff account in the group “{EDITOR_GROUP}”, which may edit all "
        "content but no accounts. Asks for a password (checked by the password validators)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--gemeente",
            metavar="SLUG",
            help="Make a gemeente editor, who edits only this gemeente's layer (its contacts, "
            f"examples and shared examples), in the group “{gemeente_editors.GROUP}”.",
        )
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Ask for no password: the editor sets one through “Forgot your password” or "
            "`manage.py changepassword`.",
        )

    def handle(self, *args, username, email, interactive, gemeente=None, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already an account named {username}.")
        local = None
        if gemeente is not None:
            local = Gemeente.objects.filter(slug=gemeente).first()
            if local is None:
                raise CommandError(f"There is no gemeente with the slug {gemeente!r}.")
            group, _ = Group.objects.get_or_create(name=gemeente_editors.GROUP)
            gemeente_editors.grant_gemeente_editor_permissions(group, Permission)
        else:
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
        if local is not None:
            local.editors.add(user)
        self.stdout.write(self.style.SUCCESS(f"Editor {username} added to “{group.name}”."))
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
