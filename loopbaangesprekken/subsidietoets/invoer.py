"""Reading a case from plain data (the JSON of `manage.py subsidietoets`) into a `Casus`.

Every wrong field is reported at once, by its path (``scholing.startdatum``), in Dutch.
The two facts that need reference data come in as functions, so this module stays
free of the database: `regeling_op(datum)` and `postcodesoort(pc4)`.
"""

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from loopbaangesprekken.subsidietoets.casus import (
    COFINANCIERINGSBRONNEN,
    NIVEAUS_AANVRAGER,
    NIVEAUS_SCHOLING,
    Casus,
    Cofinanciering,
    RegelingParameters,
)
from loopbaangesprekken.subsidietoets.opmaak import datum as datum_nl

POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")
BEDRAG = re.compile(r"^[0-9]{1,9}(\.[0-9]{1,2})?$")


class OngeldigeInvoer(Exception):
    def __init__(self, fouten: dict[str, str]):
        self.fouten = fouten
        super().__init__("; ".join(f"{k}: {v}" for k, v in fouten.items()))


def normaliseer_postcode(tekst: str) -> str | None:
    """'7511 ab' -> '7511AB'; None when it is not a Dutch postcode."""
    m = POSTCODE.match(tekst.strip()) if isinstance(tekst, str) else None
    return f"{m.group(1)}{m.group(2).upper()}" if m else None


class _Lezer:
    def __init__(self):
        self.fouten: dict[str, str] = {}

    def fout(self, pad: str, tekst: str):
        if any(pad.startswith((k + ".", k + "[")) for k in self.fouten):
            return  # the enclosing object is already wrong
        self.fouten.setdefault(pad, tekst)

    def object(self, data, pad: str) -> dict:
        if isinstance(data, dict):
            return data
        self.fout(pad or "invoer", "moet een JSON-object zijn.")
        return {}

    def veld(self, data: dict, sleutel: str, pad: str):
        if data.get(sleutel) is None:
            self.fout(pad, "ontbreekt.")
            return None
        return data[sleutel]

    def deelobject(self, data: dict, sleutel: str) -> dict:
        waarde = self.veld(data, sleutel, sleutel)
        return {} if waarde is None else self.object(waarde, sleutel)

    def datum(self, data: dict, sleutel: str, pad: str) -> date | None:
        waarde = self.veld(data, sleutel, pad)
        if waarde is None:
            return None
        try:
            if not isinstance(waarde, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde):
                raise ValueError
            return date.fromisoformat(waarde)
        except ValueError:
            self.fout(pad, "moet een geldige datum zijn in de vorm JJJJ-MM-DD.")
            return None

    def bedrag(self, data: dict, sleutel: str, pad: str) -> Decimal | None:
        waarde = self.veld(data, sleutel, pad)
        if waarde is None:
            return None
        if not isinstance(waarde, str) or not BEDRAG.match(waarde):
            self.fout(pad, 'moet een bedrag als tekst zijn, niet negatief, met ten hoogste twee '
                           'decimalen en een punt als decimaalteken, bijvoorbeeld "2000.00".')
            return None
        try:
            return Decimal(waarde).quantize(Decimal("0.01"))
        except InvalidOperation:  # pragma: no cover - the pattern already excludes this
            self.fout(pad, "is geen geldig bedrag.")
            return None

    def ja_nee(self, data: dict, sleutel: str, pad: str) -> bool | None:
        waarde = self.veld(data, sleutel, pad)
        if waarde is None:
            return None
        if not isinstance(waarde, bool):
            self.fout(pad, "moet true of false zijn.")
            return None
        return waarde

    def keuze(self, data: dict, sleutel: str, pad: str, keuzes) -> str | None:
        waarde = self.veld(data, sleutel, pad)
        if waarde is None:
            return None
        if not isinstance(waarde, str) or waarde not in keuzes:
            self.fout(pad, "moet een van deze waarden zijn: " + ", ".join(keuzes) + ".")
            return None
        return waarde


def lees_casus(
    data,
    *,
    regeling_op: Callable[[date], RegelingParameters | None],
    postcodesoort: Callable[[str], str | None],
) -> Casus:
    """Validate `data` (parsed JSON) and build the frozen case; raise OngeldigeInvoer."""
    lees = _Lezer()
    data = lees.object(data, "")
    aanvraagdatum = lees.datum(data, "aanvraagdatum", "aanvraagdatum")

    aanvrager = lees.deelobject(data, "aanvrager")
    geboortedatum = lees.datum(aanvrager, "geboortedatum", "aanvrager.geboortedatum")
    postcode = None
    ruwe_postcode = lees.veld(aanvrager, "postcode", "aanvrager.postcode")
    if ruwe_postcode is not None:
        postcode = normaliseer_postcode(ruwe_postcode)
        if postcode is None:
            lees.fout("aanvrager.postcode", 'moet een Nederlandse postcode zijn, bijvoorbeeld '
                                            '"7511 AB".')
    opleidingsniveau = lees.keuze(aanvrager, "opleidingsniveau", "aanvrager.opleidingsniveau",
                                  NIVEAUS_AANVRAGER)
    adres_bevestigd = aanvrager.get("adres_bevestigd")
    if adres_bevestigd is not None and not isinstance(adres_bevestigd, bool):
        lees.fout("aanvrager.adres_bevestigd", "moet true, false of null zijn.")
        adres_bevestigd = None

    scholing = lees.deelobject(data, "scholing")
    niveau = lees.keuze(scholing, "niveau", "scholing.niveau", NIVEAUS_SCHOLING)
    startdatum = lees.datum(scholing, "startdatum", "scholing.startdatum")
    einddatum = lees.datum(scholing, "einddatum", "scholing.einddatum")
    if startdatum and einddatum and einddatum < startdatum:
        lees.fout("scholing.einddatum", "mag niet voor de startdatum liggen.")
    opleider_erkend = lees.ja_nee(scholing, "opleider_erkend", "scholing.opleider_erkend")
    totale_kosten = lees.bedrag(scholing, "totale_kosten", "scholing.totale_kosten")
    op_lijst = lees.ja_nee(scholing, "doelberoep_op_kansberoepenlijst",
                           "scholing.doelberoep_op_kansberoepenlijst")
    onderbouwd = lees.ja_nee(scholing, "arbeidsmarktperspectief_onderbouwd",
                             "scholing.arbeidsmarktperspectief_onderbouwd")

    regels = lees.veld(data, "cofinanciering", "cofinanciering")
    cofinanciering = []
    if regels is not None and not isinstance(regels, list):
        lees.fout("cofinanciering", "moet een lijst zijn (eventueel leeg).")
    for i, regel in enumerate(regels if isinstance(regels, list) else []):
        pad = f"cofinanciering[{i}]"
        regel = lees.object(regel, pad)
        bron = lees.keuze(regel, "bron", f"{pad}.bron", COFINANCIERINGSBRONNEN)
        bedrag = lees.bedrag(regel, "bedrag", f"{pad}.bedrag")
        status = regel.get("status", "toegezegd")
        if status not in ("toegezegd", "aangevraagd"):
            lees.fout(f"{pad}.status", "moet toegezegd of aangevraagd zijn.")
        if bron is not None and bedrag is not None:
            cofinanciering.append(Cofinanciering(bron, bedrag, status != "aangevraagd"))

    gevraagd = lees.bedrag(data, "gevraagd_bedrag", "gevraagd_bedrag")
    if gevraagd is not None and gevraagd <= 0:
        lees.fout("gevraagd_bedrag", "moet groter dan nul zijn.")
    eerder = lees.bedrag(data, "eerder_toegekend_dit_jaar", "eerder_toegekend_dit_jaar")
    budget = lees.bedrag(data, "beschikbaar_budget", "beschikbaar_budget")
    open_cheque = lees.ja_nee(data, "open_cheque_zelfde_opleiding",
                              "open_cheque_zelfde_opleiding")

    regeling = None
    if aanvraagdatum is not None:
        regeling = regeling_op(aanvraagdatum)
        if regeling is None:
            lees.fout("aanvraagdatum", f"op {datum_nl(aanvraagdatum)} is geen regeling van "
                                       "kracht.")
    if lees.fouten:
        raise OngeldigeInvoer(lees.fouten)
    return Casus(
        regeling=regeling, aanvraagdatum=aanvraagdatum, geboortedatum=geboortedatum,
        postcode=postcode, postcodesoort=postcodesoort(postcode[:4]),
        opleidingsniveau=opleidingsniveau, scholingsniveau=niveau, startdatum=startdatum,
        einddatum=einddatum, opleider_erkend=opleider_erkend, totale_kosten=totale_kosten,
        op_kansberoepenlijst=op_lijst, perspectief_onderbouwd=onderbouwd,
        cofinanciering=tuple(cofinanciering), gevraagd_bedrag=gevraagd,
        eerder_toegekend_dit_jaar=eerder, beschikbaar_budget=budget,
        open_cheque_zelfde_opleiding=open_cheque, adres_bevestigd=adres_bevestigd,
    )
