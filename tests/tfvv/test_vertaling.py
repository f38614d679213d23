"""Guard: every visible text in the project's templates goes through Django's translation
machinery ({% translate %} / {% blocktranslate %}), so the house rule "every user-facing text
via gettext" also holds for templates.

The check is a heuristic on the template source, not a render: it strips everything that is
not visible text (comments, translation constructs, other template tags and variables,
<script>/<style> content, HTML tags) while keeping the values of the attributes a user or a
screen reader gets to read (title, aria-label, alt, placeholder). What remains may contain
punctuation, digits and symbols (€, –, ·, →), but no word outside ALLOWED_WORDS. Literal
fallbacks in variables (`{{ x|default:"onbekend" }}`) are visible text too and are flagged.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Words that may stand outside translation tags. Keep this short; justify every entry.
# Link texts such as "PDF"/"CSV" and the fund's name go through {% translate %} like any
# other text; what is allowed here is not language.
ALLOWED_WORDS = frozenset({
    "csv",  # the extension of a download's file name: `{{ batch }}.csv` (cheques/financien)
})

# Directories never walked: tooling and dependencies, not project templates.
SKIPPED_DIRS = {".git", ".venv", ".bootstrap", "node_modules", "var", "__pycache__"}
# Project template directories deliberately left out, with the reason.
SKIPPED_TEMPLATE_DIRS = {
    # The benchmark baseline (bench/README.md): a bare Django form that is only installed
    # with TFVV_BENCH_BASELINE, never served to users; it stays minimal to be a baseline.
    "bench/basislijn/templates",
}

COMMENT = re.compile(r"\{%\s*comment\b.*?%\}.*?\{%\s*endcomment\s*%\}|\{#.*?#\}|<!--.*?-->", re.S)
BLOCKTRANSLATE = re.compile(
    r"\{%\s*blocktrans(?:late)?\b.*?%\}.*?\{%\s*endblocktrans(?:late)?\s*%\}", re.S
)
TRANSLATE = re.compile(r"\{%\s*trans(?:late)?\s.*?%\}", re.S)
SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
# an HTML tag; template constructs inside it may contain ">"
HTML_TAG = re.compile(r"<[A-Za-z!/?](?:\{\{.*?\}\}|\{%.*?%\}|[^>])*>", re.S)
READ_ATTRIBUTE = re.compile(
    r"""\s(?:title|aria-label|alt|placeholder)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I
)
VARIABLE = re.compile(r"\{\{.*?\}\}", re.S)
TAG = re.compile(r"\{%.*?%\}", re.S)
LITERAL_FALLBACK = re.compile(r"""\|\s*default(?:_if_none)?\s*:\s*(?:"([^"]*)"|'([^']*)')""")
ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
WORD = re.compile(r"[^\W\d_]+")


def untranslated_text(source: str) -> list[str]:
    """The visible words in a template source that are not inside a translation tag."""
    text = COMMENT.sub(" ", source)
    text = BLOCKTRANSLATE.sub(" ", text)
    text = TRANSLATE.sub(" ", text)
    text = SCRIPT_STYLE.sub(" ", text)
    text = HTML_TAG.sub(
        lambda tag: " ".join(
            ["", *(a or b for a, b in READ_ATTRIBUTE.findall(tag.group())), ""]
        ),
        text,
    )
    found = []
    for variable in VARIABLE.findall(text):
        for a, b in LITERAL_FALLBACK.findall(variable):
            found += WORD.findall(a or b)
    text = VARIABLE.sub(" ", text)
    text = TAG.sub(" ", text)
    text = ENTITY.sub(" ", text)
    found += WORD.findall(text)
    return [word for word in found if word not in ALLOWED_WORDS]


def project_templates() -> list[Path]:
    """Every file under a `templates` directory of the project, relative to the root."""
    found = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED_DIRS)
        relative = Path(folder).relative_to(ROOT)
        if "templates" not in relative.parts:
            continue
        if any(relative.as_posix().startswith(skipped) for skipped in SKIPPED_TEMPLATE_DIRS):
            continue
        found += [relative / name for name in sorted(files)]
    return found


@pytest.mark.parametrize("path", project_templates(), ids=lambda p: p.as_posix())
def test_template_has_no_untranslated_text(path):
    words = untranslated_text((ROOT / path).read_text(encoding="utf-8"))
    assert not words, f"{path}: text outside {{% translate %}}/{{% blocktranslate %}}: {words}"


def test_the_walk_finds_the_templates_of_every_app():
    paths = {p.as_posix() for p in project_templates()}
    assert len(paths) >= 50
    for expected in (
        "templates/base.html",
        "tfvv/templates/tfvv/home.html",
        "aanvragen/templates/aanvragen/mail/inloglink.txt",
        "loopbaangesprekken/templates/loopbaangesprekken/mail/gesprek.txt",
        "rapportage/templates/rapportage/voortgangsrapportage_pdf.html",
        "cheques/templates/cheques/pdf/cheque.html",
    ):
        assert expected in paths
    assert not any(p.startswith((".venv/", "node_modules/")) for p in paths)


@pytest.mark.parametrize(
    "source, words",
    [
        ("<h1>Aanvraag intrekken</h1>", ["Aanvraag", "intrekken"]),
        ("{% block title %}Geen toegang{% endblock %}", ["Geen", "toegang"]),
        ("<p>{% translate 'Hallo' %}, welkom</p>", ["welkom"]),
        ("Beste inwoner,\n\n{{ link }}\n", ["Beste", "inwoner"]),
        ('<nav aria-label="Hoofdmenu">', ["Hoofdmenu"]),
        ('<img src="x.png" alt="Logo van het fonds">', ["Logo", "van", "het", "fonds"]),
        ("<input placeholder='Zoek op naam'>", ["Zoek", "op", "naam"]),
        ('<abbr title="Algemene verordening">AVG</abbr>', ["Algemene", "verordening", "AVG"]),
        ('<td>{{ a.gemeente|default:"onbekend" }}</td>', ["onbekend"]),
        ("<svg><title>Staafdiagram</title></svg>", ["Staafdiagram"]),
        ("<title>{% block title %}{% endblock %} – Twents Fonds</title>", ["Twents", "Fonds"]),
    ],
)
def test_heuristic_flags_visible_text(source, words):
    assert untranslated_text(source) == words


@pytest.mark.parametrize(
    "source",
    [
        '{% load i18n %}<h1>{% translate "Aanvraag intrekken" %}</h1>',
        "<p>{% blocktranslate trimmed with naam=a.voornaam %}\n  Beste {{ naam }},\n"
        "  welkom.\n{% endblocktranslate %}</p>",
        "{% blocktranslate count n=aantal %}{{ n }} regel{% plural %}{{ n }} regels"
        "{% endblocktranslate %}",
        '<nav aria-label="{% translate \'Hoofdmenu\' %}" class="navbar navbar-light">',
        '<a class="nav-link{% if a > b %} active{% endif %}" href="?lijst=nieuw"'
        ' aria-labelledby="kop">',
        '<div class="alert-{{ message.tags|default:\'info\' }}">{{ message }}</div>',
        "{% comment %}Uitleg voor ontwikkelaars{% endcomment %}{# opmerking #}<!-- html -->",
        "<script>const tekst = 'geen vertaling nodig';</script><style>p { color: red; }</style>",
        '<td>{{ plan.ingediend_op|date:"j F Y" }} – € {{ bedrag|floatformat:"2g" }}'
        ' · {{ x|default:"–" }}</td>',
        "<p>&lsquo;&lt;5&rsquo; &amp; &#8364;</p>",
        "{% if soort == 'uitnodiging' %}{% url 'aanvragen:inloggen' as url %}{% endif %}",
        "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"></html>",
    ],
)
def test_heuristic_accepts_translated_or_invisible_text(source):
    assert untranslated_text(source) == []
