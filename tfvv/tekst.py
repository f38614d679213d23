"""What people type, made safe to echo in the fund's own mails, PDFs and calendar files.

Two lines of defence against a resident who writes a message into a field ("Jan,\n\nLET OP:
uw aanvraag is AFGEWEZEN. Ga naar https://…"): the forms refuse line breaks, URLs and
implausible characters (the validators below), and whatever reaches a mail anyway is
flattened to one line with its links defused (`mailveilig`), or quoted (`citeer`).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# every line break and control character, including Unicode's line/paragraph separators
_BREUK = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u0085]+")
_SPATIES = re.compile(r"\s{2,}")
# a scheme, "www.", or a word.word that looks like a domain ("evil.example", "x.nl/pad")
URL = re.compile(r"[a-z][a-z0-9+.-]*://|\bwww\.|[^\W_]{2,}\.[^\W\d_]{2,}\b", re.IGNORECASE)
# names: letters (with accents) and the marks names have: space, hyphen, apostrophes, dot
NAAM = re.compile(r"^[ '’.\-]*[^\W\d_]+(?:[ '’.\-]+[^\W\d_]+)*[ '’.\-]*$")
# a short single-line answer (beroep, sector, plaats): names' marks plus digits, comma,
# slash, ampersand, parentheses and plus
KORTE_TEKST = re.compile(r"^[\w '’.,&/()+\-]*$")


def bevat_url(tekst: str) -> bool:
    return bool(URL.search(tekst or ""))


def enkele_regel(tekst) -> str:
    """One line: line breaks and control characters become a space, runs of spaces one."""
    return _SPATIES.sub(" ", _BREUK.sub(" ", str(tekst or ""))).strip()


def ontwapen_urls(tekst: str) -> str:
    """Links no mail program makes clickable: "https://a.example" -> "https[:]//a[.]example"."""
    tekst = re.sub(r"://", "[:]//", tekst)
    return re.sub(r"(?<=[^\W_])\.(?=[^\W\d_]{2,}\b)", "[.]", tekst)


def mailveilig(tekst) -> str:
    """A value typed by a person, safe inside a mail subject or sentence: one line, no links."""
    return ontwapen_urls(enkele_regel(tekst))


def citeer(tekst) -> str:
    """Free text echoed in a mail, visibly the sender's own words: every line after "> "."""
    regels = str(tekst or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(f"> {ontwapen_urls(enkele_regel(regel))}".rstrip() for regel in regels)


def _geen_breuk_of_url(waarde: str) -> None:
    if _BREUK.search(waarde):
        raise ValidationError(_("Gebruik geen regeleinden of andere onzichtbare tekens."),
                              code="regeleinde")
    if bevat_url(waarde):
        raise ValidationError(_("Een internetadres (link) kunt u hier niet invullen."),
                              code="url")


def valideer_naam(waarde: str) -> None:
    """Form validator for voornaam and achternaam."""
    _geen_breuk_of_url(waarde)
    if not NAAM.match(waarde.strip()):
        raise ValidationError(
            _("Gebruik alleen letters, spaties, een koppelteken (-), een apostrof (') of een "
              "punt."), code="naam")


def valideer_korte_tekst(waarde: str) -> None:
    """Form validator for a short single-line answer that may reach a mail or a PDF."""
    _geen_breuk_of_url(waarde)
    if not KORTE_TEKST.match(waarde):
        raise ValidationError(
            _("Gebruik alleen letters, cijfers, spaties en de tekens - ' . , & / ( ) +."),
            code="tekens")


def valideer_vrije_tekst(waarde: str) -> None:
    """Form validator for a longer text (several lines allowed): no links, no control
    characters other than line breaks and tabs."""
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", waarde):
        raise ValidationError(_("Deze tekst bevat onzichtbare tekens. Typ de tekst opnieuw."),
                              code="tekens")
    if bevat_url(waarde):
        raise ValidationError(_("Een internetadres (link) kunt u hier niet invullen."),
                              code="url")
