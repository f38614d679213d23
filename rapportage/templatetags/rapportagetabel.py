"""The rows and bars of a rapportage table, one tag each.

A dashboard shows some 2,000 rows with five cells and a bar per row; through the template
engine (a `{% for %}` per row and per cell) that was a third of a cold request at 1M
aanvragen (bench scenario schaal). format_html escapes every value as the template would.
"""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

CEL = '<td class="text-end">{}</td>'
BALK = ('<text x="{}" y="{}" text-anchor="end" class="grafiek-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="18" class="grafiek-balk"/>'
        '<text x="{}" y="{}" class="grafiek-waarde">{}</text>')


@register.simple_tag
def tabelrij(rij, klasse: str = "") -> str:
    """One <tr>: the first cell a row header, the others right-aligned."""
    kop, *cellen = rij
    return format_html('<tr{}><th scope="row">{}</th>{}</tr>',
                       format_html(' class="{}"', klasse) if klasse else "", kop.tekst,
                       format_html_join("", CEL, ((c.tekst,) for c in cellen)))


@register.simple_tag
def tabelrijen(rijen) -> str:
    return format_html_join("", "{}", ((tabelrij(rij),) for rij in rijen))


@register.simple_tag
def balken(grafiek) -> str:
    """The label, bar and value of every bar of a Staafdiagram (numbers unlocalised, as
    SVG wants them)."""
    return format_html_join("", BALK, (
        (grafiek.balk_x - 8, b.tekst_y, b.label, grafiek.balk_x, b.y, b.breedte,
         grafiek.waarde_x, b.tekst_y, b.tekst) for b in grafiek.balken))
