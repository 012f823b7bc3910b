"""Blocks as one self-contained HTML document: inline CSS and SVG, no script, nothing fetched
from anywhere, laid out to print on A4 with each account on a page of its own."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from navsome.output.blocks import BarCell, Block, Fields, Grid, Picture
from navsome.output.escape import visible

if TYPE_CHECKING:
    from navsome.i18n import Words

STYLE = """
@page { size: A4; margin: 16mm 14mm; }
:root { color-scheme: light; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
  Arial, sans-serif; color: #111; background: #fff; max-width: 182mm; margin: 0 auto;
  padding: 10mm 8mm; }
h1 { font-size: 19pt; margin: 0 0 .4em; }
h2 { font-size: 14pt; margin: 1.4em 0 .4em; }
h2.new-page { break-before: page; }
h3 { font-size: 11.5pt; margin: 1.2em 0 .3em; }
dl { display: grid; grid-template-columns: max-content auto; gap: .15em 1.2em; margin: .3em 0; }
dt { color: #444; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .3em 0;
  font-variant-numeric: tabular-nums; }
th, td { padding: .2em .5em; border-bottom: 1px solid #d8d8d8; text-align: left;
  vertical-align: top; }
thead th { border-bottom: 1.5px solid #333; font-weight: 600; }
.num { text-align: right; }
.whole { white-space: nowrap; }
p.note { color: #444; font-size: 9pt; margin: .3em 0 .8em; }
figure { margin: .6em 0 .2em; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #444; font-size: 9pt; }
tr, figure, dl { break-inside: avoid; }
h2, h3 { break-after: avoid; }
@media print { body { max-width: none; padding: 0; } }
"""


def html_document(blocks: list[Block], *, words: Words) -> str:
    """The blocks as an HTML page in the words' language, titled by its first heading."""
    title = next((block.title for block in blocks if block.title), "navsome")
    parts = []
    drawn = None  # the title of the chart just drawn, which its table need not repeat
    for number, block in enumerate(blocks):
        if isinstance(block, Fields):
            parts.append(_fields(block, first=number == 0))
        elif isinstance(block, Picture):
            parts.append(_picture(block, f"chart{number}"))
        else:
            parts.append(_grid(block, titled=block.title != drawn))
        drawn = block.title if isinstance(block, Picture) else None
    body = "\n".join(part for part in parts if part)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{words.language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _text(text: str) -> str:
    return escape(visible(text))


def _fields(block: Fields, first: bool) -> str:
    tag = "h1" if first else "h2"
    page = ' class="new-page"' if block.new_page else ""
    items = "".join(
        f"<dt>{_text(label)}</dt><dd>{_text(value).replace(chr(10), '<br>')}</dd>"
        for label, value in block.items
    )
    listed = f"\n<dl>{items}</dl>" if items else ""
    return f"<{tag}{page}>{_text(block.title)}</{tag}>{listed}"


def _grid(block: Grid, titled: bool = True) -> str:
    if block.terminal_only:
        return ""
    # A bar column is the terminal's chart; the page has the picture drawn beside the table.
    shown = [index for index, column in enumerate(block.columns) if not column.bar]
    numeric = {index for index in shown if block.columns[index].justify == "right"}

    def cell(tag: str, index: int, text: str) -> str:
        scope = ' scope="col"' if tag == "th" else ""
        if index not in numeric:
            return f"<{tag}{scope}>{_text(text).replace(chr(10), '<br>')}</{tag}>"
        return f'<{tag} class="num"{scope}>{_unbroken(text)}</{tag}>'

    head = "".join(cell("th", i, block.columns[i].header) for i in shown)
    rows = "\n".join(
        "<tr>"
        + "".join(cell("td", i, "" if isinstance(row[i], BarCell) else str(row[i])) for i in shown)
        + "</tr>"
        for row in block.rows
    )
    title = f"<h3>{_text(block.title)}</h3>\n" if block.title and titled else ""
    caption = (
        f'\n<p class="note">{_text(block.caption).replace(chr(10), "<br>")}</p>'
        if block.caption
        else ""
    )
    table = f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
    return f"<section>\n{title}{table}{caption}\n</section>"


def _unbroken(text: str) -> str:
    """A figure that never breaks, though '45,100–45,600 (2024-12)' may before its date."""
    figure, space, date = text.partition(" (")
    parts = [figure] + ([f"({date}"] if space else [])
    return " ".join(f'<span class="whole">{_text(part)}</span>' for part in parts)


_ID = re.compile(r'\b(id|aria-labelledby|aria-describedby)="([^"]*)"')
_REFERENCE = re.compile(r"url\(#([^)]+)\)")


def _picture(block: Picture, prefix: str) -> str:
    """The chart inline, its ids made unique on the page (several charts each have a title)."""
    svg = block.draw()
    svg = svg[svg.index("<svg") :]  # an XML declaration has no place inside HTML
    svg = _ID.sub(
        lambda m: f'{m[1]}="{" ".join(f"{prefix}-{name}" for name in m[2].split())}"', svg
    )
    svg = _REFERENCE.sub(lambda m: f"url(#{prefix}-{m[1]})", svg)
    caption = f"\n<figcaption>{_text(block.description)}</figcaption>" if block.description else ""
    return f"<figure>\n{svg}{caption}\n</figure>"
