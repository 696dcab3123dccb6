from django.core.management import BaseCommand

from gemeenten import components
from gemeenten.themes import build_css, stylesheet_path, themes


class Command(BaseCommand):
    help = (
        "Build static/css/themes/<slug>.css for every theme in gemeenten/themes/ from its "
        "vendored NL Design System tokens, and static/css/components.css from the vendored NL "
        "Design System component CSS (gemeenten/components.py). Run after adding or changing a "
        "theme or a component package; commit the CSS."
    )

    def handle(self, *args, **options):
        built = [(stylesheet_path(theme), build_css(theme)) for theme in themes().values()]
        built.append((components.stylesheet_path(), components.build_css()))
        for path, css in built:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(css)
            self.stdout.write(f"Wrote {path.relative_to(components.static_root().parent)}")
