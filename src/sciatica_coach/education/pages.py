"""Education pages: Markdown files with TOML front matter, written for this project in plain words.

Pages are data (``pages/*.md``); this loader checks every field once, at first use, and renders the
Markdown to HTML with commonmark rules. HTML inside the Markdown is turned off: the pages are ours,
but nothing in them should ever be able to run a script.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Final

from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.engine.vocabulary import CONDITION_ORDER

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

FRONT: Final = "+++"


class PageError(Exception):
    """A page file is broken: a bug in the shipped content, caught by the tests."""


@dataclass(frozen=True, slots=True)
class Page:
    slug: str
    title: str
    summary: str
    order: int
    reading_minutes: int
    related_conditions: tuple[str, ...]
    related_exercises: tuple[str, ...]
    sources: tuple[str, ...]
    html: str


def _renderer() -> "MarkdownIt":
    # Imported here, when the pages are first read: most requests never render Markdown.
    from markdown_it import MarkdownIt

    # Links between pages are written as bare slugs, e.g. [bed rest](bed-rest): rewrite them
    # to the page's URL so the Markdown stays readable on its own.
    md = MarkdownIt("commonmark", {"html": False, "typographer": True})

    def link_open(self, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        href = str(tokens[idx].attrGet("href") or "")
        if href and "/" not in href and ":" not in href and not href.startswith("#"):
            tokens[idx].attrSet("href", f"../{href}/")
        return self.renderToken(tokens, idx, options, env)

    md.add_render_rule("link_open", link_open)
    return md


def parse_page(name: str, text: str) -> Page:
    if not text.startswith(FRONT):
        raise PageError(f"{name}: no front matter")
    _, front, body = text.split(FRONT, 2)
    meta = tomllib.loads(front)
    known = load_catalog()
    for field in ("slug", "title", "summary", "order", "reading_minutes", "sources"):
        if field not in meta:
            raise PageError(f"{name}: {field} is missing")
    for condition in meta.get("related_conditions", []):
        if condition not in CONDITION_ORDER:
            raise PageError(f"{name}: unknown condition {condition!r}")
    for exercise in meta.get("related_exercises", []):
        if exercise not in known:
            raise PageError(f"{name}: unknown exercise {exercise!r}")
    return Page(
        slug=meta["slug"],
        title=meta["title"],
        summary=meta["summary"],
        order=int(meta["order"]),
        reading_minutes=int(meta["reading_minutes"]),
        related_conditions=tuple(meta.get("related_conditions", [])),
        related_exercises=tuple(meta.get("related_exercises", [])),
        sources=tuple(meta["sources"]),
        html=_renderer().render(body),
    )


@cache
def all_pages() -> tuple[Page, ...]:
    folder = resources.files("sciatica_coach.education").joinpath("pages")
    pages = [
        parse_page(entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".md")
    ]
    return tuple(sorted(pages, key=lambda page: (page.order, page.slug)))


def page_get(slug: str) -> Page | None:
    return next((page for page in all_pages() if page.slug == slug), None)


def pages_related(*, conditions: set[str], exercises: set[str], limit: int = 3) -> list[Page]:
    """Pages worth reading for this person: their causes first, then their exercises."""
    ranked = []
    for page in all_pages():
        score = 2 * len(conditions & set(page.related_conditions)) + len(
            exercises & set(page.related_exercises)
        )
        if score:
            ranked.append((-score, page.order, page))
    return [page for _, _, page in sorted(ranked, key=lambda r: (r[0], r[1]))][:limit]
