"""A self-contained HTML page of every exercise's moving picture and print strip, for review."""

from xml.sax.saxutils import escape

from sciatica_coach.engine.catalog import load_catalog
from sciatica_coach.illustration.api import illustrate

STYLE = (
    "body{font:15px/1.4 system-ui,sans-serif;margin:16px;background:#faf8f4;color:#1d2b36}"
    "h1{font-size:20px}main{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));"
    "gap:14px}figure{margin:0;padding:8px;background:#fff;border:1px solid #ddd6c8;"
    "border-radius:8px}figure>svg{display:block;width:100%;height:170px}"
    "figcaption{font-weight:600}small{display:block;color:#5b6770;font-weight:400}"
    "figure .strip svg{width:100%;height:70px}"
)


def gallery_html() -> str:
    cards = []
    for exercise in load_catalog().exercises:
        cards.append(
            f'<figure id="{exercise.id}">{illustrate(exercise.id)}'
            f"<figcaption>{escape(exercise.name)}<small>{exercise.id} · {exercise.position}"
            f"</small></figcaption>"
            f'<div class="strip">{illustrate(exercise.id, mode="strip")}</div></figure>'
        )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Sciatica Coach: exercise illustrations</title>"
        f"<style>{STYLE}</style></head><body><h1>Exercise illustrations</h1>"
        f"<main>{''.join(cards)}</main></body></html>"
    )
