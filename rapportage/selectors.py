"""Reads for the adviesgroep dashboard: only the summary tables, a fixed number of queries.

No personal data: the summary tables hold counts and sums per month, gemeente and loket.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone

from aanvragen.models import Arbeidssituatie, Bron
from aanvragen.models import Opleidingsniveau as NiveauAanvrager
from cheques.models import Beschikking
from loopbaangesprekken.models import Gesprek, Sector
from loopbaangesprekken.models.scholingsplan import Opleidingsniveau as NiveauOpleiding
from loopbaangesprekken.models.scholingsplan import Route
from rapportage import budget, cofinanciering, perioden, uitkomsten, uitsplitsingen
from rapportage.afscherming import Afscherming, toonbaar
from rapportage.models import Telling, Verversing
from rapportage.samenvatting import LEEFTIJDSKLASSEN, TRECHTER
from rapportage.tabellen import (
    LEEG,
    Grafiek,
    Tabel,
    aantal,
    bedrag,
    decimaal,
    is_klein,
    procent,
    tekst,
    verberg,
)
from rapportage.verdeling import verdeling
from tfvv.models import Gemeente, Regeling
from tfvv.roles import LOKETTEN

PROGRAMMA_VAN = datetime.date(2023, 1, 1)
PROGRAMMA_TOT = datetime.date(2026, 12, 31)
DOELEN = {  # dimension: (label, per year, programme 2023-2026)
    "cheque": ("Cheques", 625, 2500),
    "gesprek": ("LLO-gesprekken", 1375, 5500),
}
BESLISTERMIJN_DAGEN = 56  # Awb 4:13: eight weeks
TRECHTER_LABELS = {
    "aanmelding": "Aanmeldingen",
    "gesprek": "Met gevoerd loopbaangesprek",
    "scholingsplan": "Met ingediend scholingsplan",
    "toekenning": "Toegekend",
    "afgerond": "Afgerond",
}
LOKET_LABELS = {o.value: o.label for o in LOKETTEN}


@dataclass(frozen=True)
class Filters:
    van: datetime.date
    tot: datetime.date
    gemeente_id: int | None = None
    loket: str = ""
    uitsplitsing: str = uitsplitsingen.STANDAARD  # the group of "Uitkomsten per groep"

    @property
    def maanden(self) -> tuple[datetime.date, datetime.date]:
        return self.van.replace(day=1), self.tot.replace(day=1)


def _niveau_en_groep(niveau: Telling.Niveau, filters: Filters) -> Q:
    """The rows of `niveau` plus the breakdown rows of the one group the dashboard shows."""
    return Q(niveau=niveau) | Q(niveau=niveau.uitsplitsing,
                                dimensie__in=uitsplitsingen.dimensies(filters.uitsplitsing))


def _gefilterd(filters: Filters, per_gemeente: bool = False):
    """The summary rows of the period at the one level that answers the filters."""
    van, tot = filters.maanden
    N = Telling.Niveau
    if per_gemeente or filters.gemeente_id:
        niveau = N.DETAIL if filters.loket else N.GEMEENTE
    else:
        niveau = N.LOKET if filters.loket else N.TOTAAL
    qs = Telling.objects.filter(_niveau_en_groep(niveau, filters), perioden.over(van, tot))
    if filters.gemeente_id:
        qs = qs.filter(gemeente_id=filters.gemeente_id)
    if filters.loket:
        qs = qs.filter(loket=filters.loket)
    return qs


def _per_dimensie(filters: Filters) -> dict:
    """{dimensie: {waarde: (aantal, bedrag)}} for the filtered period: one query."""
    uit: dict = defaultdict(dict)
    rijen = (_gefilterd(filters).values("dimensie", "waarde")
             .annotate(n=Sum("aantal"), s=Sum("bedrag")).order_by())
    for r in rijen:
        uit[r["dimensie"]][r["waarde"]] = (r["n"], r["s"])
    return uit


def _per_gemeente(filters: Filters) -> dict:
    """{gemeente_id: {"aanmelding"|"gesprek"|"cheque": aantal}}: one query."""
    uit: dict = defaultdict(lambda: defaultdict(int))
    rijen = (_gefilterd(filters, per_gemeente=True)
             .filter(Q(dimensie="trechter", waarde="aanmelding")
                     | Q(dimensie__in=("gesprek", "cheque")))
             .values("dimensie", "waarde", "gemeente_id").annotate(n=Sum("aantal")).order_by())
    for r in rijen:
        sleutel = r["waarde"] if r["dimensie"] == "trechter" else r["dimensie"]
        uit[r["gemeente_id"]][sleutel] += r["n"]
    return uit


def _afscherming(filters: Filters) -> Afscherming | None:
    """The detail cells of the period for a filtered view (one query); None without a
    gemeente or loket filter (rapportage.afscherming)."""
    if not (filters.gemeente_id or filters.loket):
        return None
    van, tot = filters.maanden
    return Afscherming(
        Telling.objects.filter(_niveau_en_groep(Telling.Niveau.DETAIL, filters),
                               perioden.over(van, tot))
        .values("dimensie", "waarde", "gemeente_id", "loket").annotate(n=Sum("aantal"))
        .order_by().values_list("dimensie", "waarde", "gemeente_id", "loket", "n"))


def _doelen(filters: Filters, vandaag: datetime.date) -> Tabel:
    """Realised vs expected to date, fund-wide (gemeente and loket filters do not apply)."""
    per_maand = (Telling.objects.filter(niveau=Telling.Niveau.TOTAAL, dimensie__in=DOELEN,
                                        maanden=Telling.Duur.MAAND, maand__gte=PROGRAMMA_VAN)
                 .values("dimensie", "maand").annotate(n=Sum("aantal")).order_by())
    van_m, tot_m = filters.maanden
    gerealiseerd = defaultdict(int)
    for r in per_maand:
        if r["maand"] <= PROGRAMMA_TOT:
            gerealiseerd[(r["dimensie"], "programma")] += r["n"]
        if van_m <= r["maand"] <= tot_m:
            gerealiseerd[(r["dimensie"], "periode")] += r["n"]

    def verstreken(van, tot) -> Decimal:
        eind = min(tot, vandaag)
        return Decimal(max((eind - van).days + 1, 0))

    tabel = Tabel("doelen", "Doelen: gerealiseerd tegenover verwacht tot en met vandaag",
                  ["Doel", "Gerealiseerd", "Verwacht tot nu", "Doel voor de periode",
                   "Gerealiseerd als % van verwacht"],
                  toelichting="Voor het hele fonds (filters op gemeente en loket gelden hier "
                              "niet). Verwacht = doel naar rato van de verstreken dagen.",
                  grafiek=Grafiek("Gerealiseerd als % van verwacht", 4))
    dagen_periode = Decimal((filters.tot - filters.van).days + 1)
    dagen_programma = Decimal((PROGRAMMA_TOT - PROGRAMMA_VAN).days + 1)
    for dimensie, (label, per_jaar, programma) in DOELEN.items():
        doel_periode = Decimal(per_jaar) * dagen_periode / Decimal("365.25")
        for sleutel, wat, doel, verwacht in (
            ("periode", f"{label} in de gekozen periode", doel_periode,
             doel_periode * verstreken(filters.van, filters.tot) / dagen_periode),
            ("programma", f"{label} 2023–2026", Decimal(programma),
             programma * verstreken(PROGRAMMA_VAN, PROGRAMMA_TOT) / dagen_programma),
        ):
            n = gerealiseerd[(dimensie, sleutel)]
            tabel.rijen.append([tekst(wat), aantal(n), decimaal(verwacht, 0), decimaal(doel, 0),
                                procent(n, verwacht, verborgen=is_klein(n))])
    return tabel


def _trechter(d: dict, af: Afscherming | None) -> Tabel:
    tabel = Tabel("trechter", "Trechter: aanmeldingen in de periode en hoe ver zij kwamen",
                  ["Fase", "Aantal", "% van aanmeldingen"],
                  toelichting="Cohort: aanvragen met een aanvraagdatum in de periode.",
                  grafiek=Grafiek("Aantal per fase", 1))
    toon = af.per_waarde("trechter", met_totaal=False) if af else {}
    basis = d["trechter"].get("aanmelding", (0, 0))[0]
    basis_weg = is_klein(basis) or not toon.get("aanmelding", True)
    for fase in TRECHTER:
        n = d["trechter"].get(fase, (0, 0))[0]
        weg = not toon.get(fase, True)
        tabel.rijen.append([tekst(TRECHTER_LABELS[fase]), aantal(n, weg),
                            procent(n, basis, verborgen=weg or is_klein(n) or basis_weg)])
    return tabel


def _per_1000(n: int, inwoners: int | None, verborgen: bool):
    if not inwoners:
        return LEEG
    return decimaal(Decimal(n) * 1000 / inwoners, 2, verborgen=verborgen or is_klein(n))


def _gemeenten(per_gemeente: dict, gemeenten: list, af: Afscherming | None) -> Tabel:
    tabel = Tabel("gemeenten", "Per gemeente", [
        "Gemeente", "Inwoners", "Risicoaandeel", "Aanmeldingen", "Aanmeldingen per 1.000 inw.",
        "LLO-gesprekken", "Cheques", "Cheques per 1.000 inw."],
        toelichting="Risicoaandeel: aandeel van de gemeente in het inwonertal van Twente.",
        grafiek=Grafiek("Aanmeldingen per 1.000 inwoners", 4))
    totaal_inwoners = sum(g.inwoners for g in gemeenten)
    rijen = [(g.naam, g.inwoners, per_gemeente.get(g.pk, {})) for g in gemeenten]
    if None in per_gemeente:
        rijen.append(("onbekend", None, per_gemeente[None]))
    soorten = ("aanmelding", "gesprek", "cheque")
    kolommen = {k: [r[2].get(k, 0) for r in rijen] for k in soorten}
    if af is None:
        weg = {k: verberg(v) for k, v in kolommen.items()}
    else:  # rows as in the unfiltered table: every gemeente and the unknown one
        ids = [g.pk for g in gemeenten] + [None]
        delen = {"aanmelding": af.deel("trechter", lambda w: w == "aanmelding"),
                 "gesprek": af.deel("gesprek"), "cheque": af.deel("cheque")}
        weg = {k: [not t for t in af.per_gemeente(ids, delen[k])][:len(rijen)]
               for k in soorten}
    gefilterd = af is not None
    totaal_weg = {k: gefilterd and any(weg[k]) for k in soorten}

    for i, (naam, inwoners, _) in enumerate(rijen):
        a, g, c = (kolommen[k][i] for k in soorten)
        tabel.rijen.append([
            tekst(naam), aantal(inwoners) if inwoners else LEEG,
            procent(inwoners, totaal_inwoners) if inwoners else LEEG,
            aantal(a, weg["aanmelding"][i]),
            _per_1000(a, inwoners, weg["aanmelding"][i]),
            aantal(g, weg["gesprek"][i]),
            aantal(c, weg["cheque"][i]),
            _per_1000(c, inwoners, weg["cheque"][i]),
        ])
    ta, tg, tc = (sum(kolommen[k]) for k in soorten)
    tabel.totaal = [tekst("Twente"), aantal(totaal_inwoners), procent(1, 1),
                    aantal(ta, totaal_weg["aanmelding"]),
                    _per_1000(ta, totaal_inwoners, totaal_weg["aanmelding"]),
                    aantal(tg, totaal_weg["gesprek"]),
                    aantal(tc, totaal_weg["cheque"]),
                    _per_1000(tc, totaal_inwoners, totaal_weg["cheque"])]
    return tabel


def _opleiders(waarden: dict, af: Afscherming | None, top: int = 10) -> Tabel:
    tabel = Tabel("opleiders", f"Top {top} opleiders naar aantal cheques",
                  ["Opleider", "Cheques", "Totaal chequebedrag"],
                  grafiek=Grafiek("Cheques per opleider", 1))
    toon = af.per_waarde("opleider", met_totaal=False) if af else {}
    for naam, (n, s) in sorted(waarden.items(), key=lambda kv: (-kv[1][0], kv[0]))[:top]:
        weg = not toon.get(naam, True)
        tabel.rijen.append([tekst(naam), aantal(n, weg),
                            bedrag(s, verborgen=weg or is_klein(n))])
    return tabel


def _chequebedrag(d: dict, maximum, af: Afscherming | None) -> Tabel:
    n, s = d["cheque"].get("", (0, Decimal(0)))
    weg = af is not None and not af.per_waarde("cheque", met_totaal=False).get("", True)
    klein = weg or is_klein(n)  # amounts and the average of a group under 5 stay hidden
    gemiddeld = (Decimal(s) / n) if n else None
    tabel = Tabel("chequebedrag", "Gemiddeld chequebedrag tegenover het maximum",
                  ["Omschrijving", "Cheques", "Totaal", "Gemiddeld", "Maximum per persoon per jaar",
                   "Gemiddeld als % van maximum"])
    tabel.rijen.append([
        tekst("Uitgegeven cheques"), aantal(n, weg), bedrag(s, verborgen=klein),
        bedrag(gemiddeld, verborgen=klein) if gemiddeld is not None else LEEG,
        bedrag(maximum) if maximum else LEEG,
        procent(gemiddeld, maximum, verborgen=klein) if gemiddeld is not None else LEEG,
    ])
    return tabel


def percentiel(histogram: dict[int, int], p: float) -> int | None:
    """Nearest-rank percentile of a {days: count} histogram."""
    n = sum(histogram.values())
    if not n:
        return None
    rang, cumulatief = max(1, -(-int(p * n * 1000) // 1000)), 0
    for dagen in sorted(histogram):
        cumulatief += histogram[dagen]
        if cumulatief >= rang:
            return dagen
    return None


def _doorlooptijden(d: dict, af: Afscherming | None) -> Tabel:
    tabel = Tabel("doorlooptijden", "Doorlooptijden in dagen", [
        "Traject", "Aantal", "Mediaan", "90e percentiel", "Binnen beslistermijn",
        "Beslistermijn overschreden"],
        toelichting="Beslistermijn: 8 weken (56 dagen) vanaf indiening, exclusief de tijd dat "
                    "een aanvulling werd afgewacht. Percentielen: nearest-rank.")
    for dimensie, label, termijn in (
        ("dagen_tot_gesprek", "Aanmelding → eerste loopbaangesprek", False),
        ("dagen_tot_beschikking", "Indiening scholingsplan → beschikking", True),
    ):
        histogram = {int(w): n for w, (n, _) in d[dimensie].items()}
        n = sum(histogram.values())
        n_weg = af is not None and not toonbaar([af.deel(dimensie)], met_totaal=False)[0]
        klein = n_weg or is_klein(n)  # a median or percentile of fewer than 5: hidden
        rij = [tekst(label), aantal(n, n_weg),
               decimaal(percentiel(histogram, 0.5), 0, klein),
               decimaal(percentiel(histogram, 0.9), 0, klein)]
        if termijn:
            over = sum(k for dagen, k in histogram.items() if dagen > BESLISTERMIJN_DAGEN)
            if af is None:
                weg = verberg([n - over, over])
            else:  # with n shown, one part would give the other away: both or neither
                weg = [not all(toonbaar([
                    af.deel(dimensie, lambda w: int(w) <= BESLISTERMIJN_DAGEN),
                    af.deel(dimensie, lambda w: int(w) > BESLISTERMIJN_DAGEN)]))] * 2
            rij += [aantal(n - over, weg[0]),
                    aantal(over, weg[1])]
        else:
            rij += [LEEG, LEEG]
        tabel.rijen.append(rij)
    return tabel


def laatste_verversing() -> Verversing | None:
    return Verversing.objects.filter(status=Verversing.Status.KLAAR).first()


def dashboard(filters: Filters, vandaag: datetime.date | None = None) -> dict:
    """Everything the adviesgroep dashboard, its exports and the PDF show."""
    vandaag = vandaag or timezone.localdate()
    d = defaultdict(dict, _per_dimensie(filters))
    af = _afscherming(filters)

    def toon(dimensie):
        return af.per_waarde(dimensie) if af else None
    gemeenten = list(Gemeente.objects.only("pk", "naam", "inwoners"))
    kansrijk = {s.naam: ("ja" if s.kansrijk else "nee") for s in Sector.objects.only(
        "naam", "kansrijk")}
    regeling = Regeling.objects.filter(geldig_van__lte=vandaag).order_by("-geldig_van").first()
    secties = [
        ("Doelen en trechter", [
            _doelen(filters, vandaag),
            _trechter(d, af),
            verdeling("doorverwijzingen", "Doorverwijzingen naar bestemming",
                      d["doorverwijzing"], dict(Gesprek.Doorverwijzing.choices),
                      toon=toon("doorverwijzing")),
            verdeling("beschikkingen", "Beschikkingen naar uitkomst", d["beschikking"],
                      dict(Beschikking.Uitkomst.choices), toon=toon("beschikking")),
        ]),
        ("Budget", budget.tabellen(vandaag)),
        ("Wie bereikt het fonds", [
            _gemeenten(_per_gemeente(filters), gemeenten, af),
            verdeling("leeftijd", "Leeftijd bij aanmelding", d["leeftijd"],
                      {k: k for k, _, _ in LEEFTIJDSKLASSEN}, toon=toon("leeftijd")),
            verdeling("arbeidssituatie", "Arbeidssituatie", d["arbeidssituatie"],
                      dict(Arbeidssituatie.choices), toon=toon("arbeidssituatie")),
            verdeling("niveau_aanvrager", "Opleidingsniveau aanvrager", d["opleidingsniveau"],
                      dict(NiveauAanvrager.choices), toon=toon("opleidingsniveau")),
            verdeling("bron", "Hoe kent de aanvrager het fonds", d["bron"], dict(Bron.choices),
                      grafiek=False, toon=toon("bron")),
        ]),
        ("Scholing", [
            verdeling("routes", "Route van het scholingsplan", d["route"], dict(Route.choices),
                      toelichting="Intersectorale mobiliteit is de route 'van werk naar werk "
                                  "in een andere sector'.", toon=toon("route")),
            verdeling("sectorovergangen", "Van sector → naar sector", d["sectorovergang"],
                      grafiek=False, toon=toon("sectorovergang")),
            verdeling("doelsectoren", "Doelsector (kansrijke sectoren)", d["doelsector"],
                      extra=("Kansrijk", kansrijk), toon=toon("doelsector")),
            verdeling("niveau_opleiding", "Niveau van de opleiding", d["opleiding_niveau"],
                      dict(NiveauOpleiding.choices), toon=toon("opleiding_niveau")),
            _opleiders(d["opleider"], af),
            _chequebedrag(d, regeling.maximum_per_jaar if regeling else None, af),
            _doorlooptijden(d, af),
        ]),
        ("Cofinanciering", cofinanciering.tabellen(d, af)),
        ("Uitkomsten", uitkomsten.tabellen(d, toon)),
        ("Uitkomsten per groep", uitsplitsingen.tabellen(
            d, toon, {str(g.pk): g.naam for g in gemeenten}, filters.uitsplitsing)),
    ]
    return {
        "filters": filters,
        "secties": secties,
        "tabellen": {t.sleutel: t for _, tabellen in secties for t in tabellen},
        "verversing": laatste_verversing(),
    }

