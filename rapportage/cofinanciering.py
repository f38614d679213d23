"""The co-financing tables of the adviesgroep dashboard (issue 19 item 7), from the summary
rows of `rapportage.samenvatting_cofinanciering`: no query of their own, no personal data,
the same suppression as every other breakdown (`rapportage.verdeling.verdeling`).

The confirmed amount per bron is shown only when both the confirmed and the unconfirmed
lines of that bron are 0 or at least 5 (in a filtered view: in every detail cell), since
promised minus confirmed would otherwise give the amount of a small group away; the total
confirmed only when every row's is shown.
"""

from decimal import Decimal

from loopbaangesprekken.models.scholingsplan import Cofinancieringsregel
from rapportage.afscherming import Afscherming, toonbaar
from rapportage.samenvatting_cofinanciering import GEEN_PARTNER, PARTNER
from rapportage.tabellen import bedrag, is_klein, procent
from rapportage.verdeling import verdeling

BRONNEN = dict(Cofinancieringsregel.Bron.choices)
IKBINDR_REGELS = {PARTNER: "IKBINDR-zakelijk partner", GEEN_PARTNER: "andere werkgever"}
IKBINDR_CHEQUES = {PARTNER: "met bijdrage van een IKBINDR-zakelijk partner",
                   GEEN_PARTNER: "zonder bijdrage van een IKBINDR-zakelijk partner"}


def _bevestigd_weg(bron: str, n: int, k: int, af: Afscherming | None) -> bool:
    """Hide the confirmed amount of `bron`: `n` lines, `k` of them confirmed."""
    if is_klein(k) or is_klein(n - k):
        return True
    if af is None:
        return False
    bevestigd = af.deel("cofinanciering_bevestigd", lambda w: w == bron)
    alle = af.deel("cofinanciering", lambda w: w == bron)
    return not all(toonbaar([bevestigd, alle - bevestigd], met_totaal=False))


def _ongefilterd_weg(af: Afscherming) -> bool:
    """A filtered view shows the total confirmed only where the unfiltered view does
    (afscherming rule 1): every bron's row there, also of a bron absent from the filter."""
    for bron, getoond in af.per_waarde("cofinanciering").items():
        n = sum(af.deel("cofinanciering", lambda w, b=bron: w == b).values())
        k = sum(af.deel("cofinanciering_bevestigd", lambda w, b=bron: w == b).values())
        if not getoond or _bevestigd_weg(bron, n, k, af):
            return True
    return False


def _per_bron(d: dict, af: Afscherming | None):

    toon = af.per_waarde("cofinanciering") if af else None
    tabel = verdeling(
        "cofinanciering", "Cofinanciering per bron", d["cofinanciering"], BRONNEN,
        toon=toon, bedragkolom="Toegezegd",
        toelichting="Regels cofinanciering in de ingediende scholingsplannen van de periode "
                    "(een afgewezen toezegging telt niet). Bevestigd: digitaal bevestigd door "
                    "de betaler, door de aanvrager bevestigd in Mijn aanvraag, of met bewijs "
                    "en toelichting van de consulent vastgelegd.")
    tabel.kolommen += ["Bevestigd", "Bevestigd als % van toegezegd"]
    volgorde = {BRONNEN.get(w, w or "onbekend"): w for w in d["cofinanciering"]}
    verborgen = False
    totaal_bevestigd = Decimal(0)
    for rij in tabel.rijen:
        bron = volgorde[rij[0].tekst]
        n, toegezegd = d["cofinanciering"][bron]
        k, bevestigd = d["cofinanciering_bevestigd"].get(bron, (0, Decimal(0)))
        weg = rij[1].onderdrukt or _bevestigd_weg(bron, n, k, af)
        verborgen |= weg
        totaal_bevestigd += bevestigd
        rij += [bedrag(bevestigd, verborgen=weg), procent(bevestigd, toegezegd, verborgen=weg)]
    totaal_toegezegd = sum((s for _, s in d["cofinanciering"].values()), Decimal(0))
    weg = verborgen or tabel.totaal[1].onderdrukt or (af is not None and _ongefilterd_weg(af))
    tabel.totaal += [bedrag(totaal_bevestigd, verborgen=weg),
                     procent(totaal_bevestigd, totaal_toegezegd, verborgen=weg)]
    return tabel


def tabellen(d: dict, af: Afscherming | None) -> list:
    """`d`: {dimensie: {waarde: (aantal, bedrag)}}; `af`: the filtered view's suppression
    or None (both as in `rapportage.selectors.dashboard`)."""

    def toon(dimensie):
        return af.per_waarde(dimensie) if af else None

    return [
        _per_bron(d, af),
        verdeling("ikbindr_cofinanciering",
                  "Werkgeversbijdragen: aandeel van IKBINDR-zakelijk partners",
                  d["cofinanciering_ikbindr"], IKBINDR_REGELS, bedragkolom="Toegezegd",
                  toon=toon("cofinanciering_ikbindr"),
                  toelichting="Regels cofinanciering van een werkgever in de ingediende "
                              "scholingsplannen; partner: de werkgever was op de datum van "
                              "indiening partner van IKBINDR zakelijk (werkgeversregister)."),
        verdeling("ikbindr_cheques", "Cheques met een bijdrage van een IKBINDR-zakelijk partner",
                  d["cheque_ikbindr"], IKBINDR_CHEQUES, bedragkolom="Chequebedrag",
                  toon=toon("cheque_ikbindr"),
                  toelichting="Uitgegeven cheques in de periode; met bijdrage: in het plan "
                              "betaalt een werkgever mee die op de datum van indiening "
                              "partner was van IKBINDR zakelijk."),
    ]
