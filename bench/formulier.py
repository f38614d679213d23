"""Read an HTML form and fill it like a resident would, so the rush keeps working while
the aanmeldformulier evolves.

`lees_formulier(html)` finds the POST form with the most fields and describes each field
(name, kind, required, options, hidden from users = honeypot). `vul_in(formulier, persoon)`
turns it into POST data: every required field gets valid random data, hidden inputs keep
their value, honeypot fields stay empty, optional free-text fields stay empty.
"""

import random
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
# Classes that hide an element from every user (a honeypot must be hidden from all users).
VERBERGENDE_KLASSEN = {"d-none", "visually-hidden", "visually-hidden-focusable", "sr-only",
                       "honeypot", "hp", "hp-veld", "verborgen"}
CSRF_RE = re.compile(
    r'name="csrfmiddlewaretoken"\s+value="([^"]+)"|value="([^"]+)"\s+name="csrfmiddlewaretoken"')


@dataclass
class Veld:
    naam: str
    soort: str  # input type, "select" or "textarea"
    verplicht: bool = False
    waarde: str = ""
    aangevinkt: bool = False
    verborgen: bool = False  # hidden from users: a honeypot, stays empty
    autocomplete: str = ""
    minimum: str = ""
    maximum: str = ""
    opties: list[tuple[str, bool]] = field(default_factory=list)  # select: (value, selected)


@dataclass
class Formulier:
    actie: str
    velden: list[Veld]

    def namen(self) -> list[str]:
        return sorted({v.naam for v in self.velden})

    def honeypots(self) -> list[str]:
        return sorted({v.naam for v in self.velden if v.verborgen})


class _Lezer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stapel: list[tuple[str, bool]] = []  # (tag, hidden)
        self.formulieren: list[tuple[str, str, list[Veld]]] = []  # (method, action, fields)
        self._in_form = False
        self._select: Veld | None = None

    def _verborgen(self, attrs: dict) -> bool:
        klassen = set((attrs.get("class") or "").split())
        return ("hidden" in attrs or attrs.get("aria-hidden") == "true"
                or bool(klassen & VERBERGENDE_KLASSEN))

    def handle_starttag(self, tag, attrs_lijst):
        attrs = dict(attrs_lijst)
        ouder_verborgen = bool(self.stapel) and self.stapel[-1][1]
        verborgen = ouder_verborgen or self._verborgen(attrs)
        if tag not in VOID:
            self.stapel.append((tag, verborgen))
        if tag == "form":
            self._in_form = True
            self.formulieren.append(((attrs.get("method") or "get").lower(),
                                     attrs.get("action") or "", []))
            return
        if not self._in_form:
            return
        velden = self.formulieren[-1][2]
        naam = attrs.get("name")
        if tag == "option" and self._select is not None:
            self._select.opties.append((attrs.get("value") or "", "selected" in attrs))
            return
        if not naam or tag not in ("input", "select", "textarea"):
            return
        soort = tag if tag != "input" else (attrs.get("type") or "text").lower()
        if soort in ("submit", "button", "reset", "image"):
            return
        veld = Veld(
            naam=naam, soort=soort, verplicht="required" in attrs,
            waarde=attrs.get("value") or "", aangevinkt="checked" in attrs,
            verborgen=soort != "hidden" and (verborgen or attrs.get("tabindex") == "-1"),
            autocomplete=(attrs.get("autocomplete") or "").lower(),
            minimum=attrs.get("min") or "", maximum=attrs.get("max") or "",
        )
        velden.append(veld)
        if tag == "select":
            self._select = veld

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "form":
            self._in_form = False
        for i in range(len(self.stapel) - 1, -1, -1):
            if self.stapel[i][0] == tag:
                del self.stapel[i:]
                break


def lees_formulier(html: str) -> Formulier | None:
    """The POST form with the most fields, or None when the page has none."""
    lezer = _Lezer()
    lezer.feed(html)
    kandidaten = [(len(v), a, v) for m, a, v in lezer.formulieren if m == "post" and v]
    if not kandidaten:
        return None
    _, actie, velden = max(kandidaten, key=lambda k: k[0])
    return Formulier(actie=actie, velden=velden)


def csrf_token(html: str) -> str | None:
    """The form's CSRF token, found without parsing the whole page (cheap per request)."""
    gevonden = CSRF_RE.search(html)
    return (gevonden.group(1) or gevonden.group(2)) if gevonden else None


def foutmeldingen(html: str) -> list[str]:
    """The field errors on a returned form (Bootstrap 5 / crispy markup and Django's own)."""
    meldingen = re.findall(r'class="[^"]*(?:invalid-feedback|errorlist)[^"]*"[^>]*>(.*?)</',
                           html, flags=re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", m).strip() for m in meldingen if m.strip()]


def twentse_postcodes() -> list[str]:
    """PC4 codes where residents live (no PO-box or border codes), from the reference data."""
    bestand = Path(__file__).resolve().parent.parent / "tfvv" / "data" / "postcodes_pc4.csv"
    codes = []
    for regel in bestand.read_text(encoding="utf-8").splitlines()[1:]:
        pc4, _code, _gemeente, opmerking = (regel.split(",", 3) + [""])[:4]
        if pc4.isdigit() and not opmerking.strip() and pc4 not in ("7693", "7694"):
            codes.append(pc4)
    return codes


@dataclass
class Persoon:
    """One made-up resident; `volgnummer` makes the e-mail address unique in the run."""

    run: str
    volgnummer: int
    rnd: random.Random
    postcodes: list[str]

    def __post_init__(self):
        r = self.rnd
        self.kenmerk = f"bench-{self.run}-{self.volgnummer}"
        self.email = f"{self.kenmerk}@example.org"
        self.geboortedatum = date(r.randint(1960, 2000), r.randint(1, 12), r.randint(1, 28))
        # letters: no SA, SD or SS (not used in Dutch postcodes), so no S first
        self.postcode = f"{r.choice(self.postcodes)} {r.choice('ABCEGHJKLMNPRTVWXZ')}" \
                        f"{r.choice('ABCEGHJKLMNPRSTVWXZ')}"
        self.telefoon = f"06 {r.randint(10_000_000, 99_999_999)}"
        self.voornaam = r.choice(["Anna", "Bram", "Daan", "Emma", "Fleur", "Joris", "Sanne"])
        self.achternaam = r.choice(["Bakker", "de Vries", "Jansen", "Kamphuis", "Nijhof"])


def _tekstwaarde(veld: Veld, p: Persoon) -> str:
    naam, ac = veld.naam.lower(), veld.autocomplete
    if veld.soort == "email" or "email" in naam or ac == "email":
        return p.email
    if veld.soort == "date":
        return p.geboortedatum.isoformat()
    if "geboorte" in naam or ac == "bday" or "datum" in naam:
        return p.geboortedatum.strftime("%d-%m-%Y")
    if "postcode" in naam or ac == "postal-code":
        return p.postcode
    if "huisnummer" in naam:
        return str(p.rnd.randint(1, 250))
    if veld.soort == "tel" or "telefoon" in naam or ac == "tel":
        return p.telefoon
    if "voornaam" in naam or ac == "given-name":
        return p.voornaam
    if "achternaam" in naam or ac == "family-name":
        return p.achternaam
    if veld.soort == "number":
        laag = int(float(veld.minimum)) if veld.minimum else 1
        hoog = int(float(veld.maximum)) if veld.maximum else laag + 100
        return str(p.rnd.randint(laag, max(laag, hoog)))
    if veld.soort == "textarea":
        return "Ik wil graag een opleiding volgen om in de zorg of de techniek te gaan werken."
    return p.kenmerk


def vul_in(formulier: Formulier, p: Persoon) -> list[tuple[str, str]]:
    """POST data for `formulier` as person `p` would fill it in."""
    data: list[tuple[str, str]] = []
    radio_gedaan: set[str] = set()
    for veld in formulier.velden:
        if veld.verborgen:
            data.append((veld.naam, ""))
        elif veld.soort == "hidden":
            data.append((veld.naam, veld.waarde))
        elif veld.soort == "radio":
            if veld.naam in radio_gedaan:
                continue
            groep = [v for v in formulier.velden if v.naam == veld.naam and v.soort == "radio"]
            gekozen = next((v for v in groep if v.aangevinkt), None)
            if gekozen is None and any(v.verplicht for v in groep):
                gekozen = groep[0]
            if gekozen is not None:
                data.append((veld.naam, gekozen.waarde))
            radio_gedaan.add(veld.naam)
        elif veld.soort == "checkbox":
            if veld.verplicht or veld.aangevinkt:
                data.append((veld.naam, veld.waarde or "on"))
        elif veld.soort == "select":
            gekozen = next((w for w, sel in veld.opties if sel and w), "")
            if not gekozen and veld.verplicht:
                gekozen = next((w for w, _sel in veld.opties if w), "")
            data.append((veld.naam, gekozen))
        elif veld.soort == "file":
            continue  # not supported: the scenario reports a required file field
        elif veld.verplicht:
            data.append((veld.naam, _tekstwaarde(veld, p)))
        else:
            data.append((veld.naam, veld.waarde))
    return data
