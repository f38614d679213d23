"""One breakdown table of the dashboards (count, share, total, optional amount) with the
suppression of `rapportage.tabellen` or, in a filtered view, of `rapportage.afscherming`.
Used by the dashboard (`rapportage.selectors`) and by the tables it composes (outcomes,
breakdowns, co-financing)."""

from decimal import Decimal

from rapportage.tabellen import (
    LEEG,
    Grafiek,
    Tabel,
    aantal,
    bedrag,
    is_klein,
    procent,
    tekst,
    verberg,
)


def verdeling(sleutel: str, titel: str, waarden: dict, labels: dict | None = None,
              extra: tuple[str, dict] | None = None, toelichting: str = "",
              grafiek: bool = True, toon: dict[str, bool] | None = None,
              bedragkolom: str = "") -> Tabel:
    """A breakdown with count, share and total, suppressed per `tabellen.verberg`, or in a
    filtered view per `toon` (Afscherming.per_waarde), with the total and shares hidden
    when a row is. With `bedragkolom`, a column of the rows' amounts, hidden with the count.

    `labels` gives the order and names (values seen but not labelled follow, by count).
    """
    labels = labels or {}
    volgorde = [w for w in labels if w in waarden] + sorted(
        (w for w in waarden if w not in labels), key=lambda w: (-waarden[w][0], w))
    aantallen = [waarden[w][0] for w in volgorde]
    totaal = sum(aantallen)
    kolommen = (["Waarde", "Aantal", "Aandeel"] + ([extra[0]] if extra else [])
                + ([bedragkolom] if bedragkolom else []))
    tabel = Tabel(sleutel, titel, kolommen, toelichting=toelichting,
                  grafiek=Grafiek("Aantal", 1) if grafiek else None)
    gefilterd = toon is not None
    verborgen = [not toon.get(w, True) for w in volgorde] if gefilterd else verberg(aantallen)
    totaal_weg = gefilterd and any(verborgen)
    for w, n, weg in zip(volgorde, aantallen, verborgen, strict=True):
        rij = [tekst(labels.get(w, w or "onbekend")), aantal(n, weg),
               procent(n, totaal, verborgen=weg or is_klein(totaal) or totaal_weg)]
        if extra:
            rij.append(tekst(extra[1].get(w, "")))
        if bedragkolom:
            rij.append(bedrag(waarden[w][1], verborgen=weg or is_klein(n)))
        tabel.rijen.append(rij)
    tabel.totaal = [tekst("Totaal"), aantal(totaal, totaal_weg),
                    procent(totaal, totaal, verborgen=totaal_weg)] + ([LEEG] if extra else [])
    if bedragkolom:
        tabel.totaal.append(bedrag(sum((waarden[w][1] for w in volgorde), Decimal(0)),
                                   verborgen=totaal_weg or is_klein(totaal)))
    return tabel
