from django.core.management import BaseCommand

from gemeenten.themes import build_css, stylesheet_path, themes


class Command(BaseCommand):
    help = (
        "Build static/css/themes/<slug>.css for every theme in gemeenten/themes/ from its "
        "vendored NL Design System tokens. Run after adding or changing a theme; commit the CSS."
    )

    def handle(self, *args, **options):
        for theme in themes().values():
            path = stylesheet_path(theme)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(build_css(theme))
            self.stdout.write(f"Wrote {path.relative_to(path.parents[2])}")
