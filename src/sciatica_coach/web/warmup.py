"""Load in the gunicorn master what every worker would otherwise load on its first requests.

With ``--preload`` and ``gc.freeze()`` in ``pre_fork``, whatever is loaded here is shared by the
workers and never walked by their garbage collector again: URL patterns, compiled templates, the
exercise catalog, translations. Full collections over those objects were what set the p99.
"""

from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, loader
from django.urls import get_resolver
from django.utils import translation

PACKAGE = Path(__file__).resolve().parents[1]


def warm_up() -> None:
    resolver = get_resolver()
    resolver.reverse_dict  # noqa: B018 - builds the reverse lookup tables
    translation.activate(settings.LANGUAGE_CODE)
    for template in sorted(PACKAGE.glob("*/templates/**/*.html")):
        parts = template.parts
        name = "/".join(parts[parts.index("templates") + 1 :])
        try:
            loader.get_template(name)
        except TemplateDoesNotExist:  # pragma: no cover - a template outside a templates dir
            continue
    from sciatica_coach.program.exercises import catalog_by_id
    from sciatica_coach.program.urls import urlpatterns  # noqa: F401 - imports every view

    catalog_by_id()
    translation.deactivate()
