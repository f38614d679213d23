"""Budget figures per begrotingsperiode and per financieringsbron, from `Budgetstand`.

Ledger convention (tfvv.models.Budgetboeking): a grant books a reservering, a release a
vrijval, a payment a realisatie (or, before the vaststelling, a voorschot) plus a vrijval
of the same amount, money received back on a terugvordering an ontvangst (the claim itself
frees nothing; see tfvv.budget_selectors). Hence:
    gereserveerd = Σ reservering − Σ vrijval
    gerealiseerd = Σ realisatie + Σ voorschot − Σ ontvangst
    vrij         = toegezegd − gereserveerd − gerealiseerd
These dashboard figures (from the summary table) still allocate spending to each bron pro
rata; the actual charge per bron (tfvv.oormerk, Bronlast) is in the budget page and the
funder report (rapportage.verantwoording). Pro rata
to its share of the period's toezeggingen (largest remainder on cents, so the parts add up
to the period's figures exactly).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from rapportage.models import Budgetstand
from rapportage.tabellen import LEEG, Grafiek, Tabel, bedrag, procent, tekst
from tfvv.models import Begrotingsperiode, Budgetboeking, Financieringsbron

S = Budgetboeking.Soort
CENT = Decimal("0.01")
TEMPO_MAANDEN = 6


@dataclass
class Stand:
    periode: Begrotingsperiode
    toegezegd: Decimal
    gereserveerd: Decimal
    gerealiseerd: Decimal
    per_bron: dict  # bron_id -> toegezegd
    per_maand: dict  # maand -> net use (reservations + realisations)

    @property
    def vrij(self) -> Decimal:
        return self.toegezegd - self.gereserveerd - self.gerealiseerd


def standen() -> list[Stand]:
    """One Stand per begrotingsperiode (two queries)."""
    totalen = defaultdict(lambda: defaultdict(Decimal))
    per_bron = defaultdict(dict)
    per_maand = defaultdict(lambda: defaultdict(Decimal))
    teken = {S.RESERVERING: 1, S.VRIJVAL: -1, S.REALISATIE: 1, S.VOORSCHOT: 1,
             S.ONTVANGST: -1}
    for r in Budgetstand.objects.all():
        totalen[r.periode_id][r.soort] += r.bedrag
        if r.soort == Budgetstand.TOEGEZEGD:
            per_bron[r.periode_id][r.bron_id] = r.bedrag
        elif r.maand:
            per_maand[r.periode_id][r.maand] += teken.get(r.soort, 0) * r.bedrag
    uit = []
    for periode in Begrotingsperiode.objects.all():
        t = totalen[periode.pk]
        uit.append(Stand(
            periode=periode, toegezegd=t[Budgetstand.TOEGEZEGD],
            gereserveerd=t[S.RESERVERING] - t[S.VRIJVAL],
            gerealiseerd=t[S.REALISATIE] + t[S.VOORSCHOT] - t[S.ONTVANGST],
            per_bron=per_bron[periode.pk], per_maand=per_maand[periode.pk],
        ))
    return uit


def verdeel(totaal: Decimal, gewichten: dict) -> dict:
    """Split `totaal` over the keys pro rata to `gewichten`, exact to the cent."""
    som = sum(gewichten.values())
    if not som:
        return {k: Decimal(0) for k in gewichten}
    ruw = {k: totaal * g / som for k, g in gewichten.items()}
    delen = {k: v.quantize(CENT, rounding=ROUND_DOWN) for k, v in ruw.items()}
    rest = int(((totaal - sum(delen.values())) / CENT).to_integral_value())
    for k in sorted(ruw, key=lambda k: ruw[k] - delen[k], reverse=True)[:abs(rest)]:
        delen[k] += CENT if rest > 0 else -CENT
    return delen


def tempo(stand: Stand, vandaag: datetime.date) -> Decimal:
    """Average net use per month over the TEMPO_MAANDEN calendar months before this one."""
    eind = vandaag.replace(day=1)
    maanden, m = [], eind
    for _ in range(TEMPO_MAANDEN):
        m = (m - datetime.timedelta(days=1)).replace(day=1)
        maanden.append(m)
    return sum((stand.per_maand.get(m, Decimal(0)) for m in maanden), Decimal(0)) / TEMPO_MAANDEN


def uitputting(stand: Stand, vandaag: datetime.date) -> str:
    if stand.periode.tot < vandaag:
        return "periode afgelopen"
    snelheid = tempo(stand, vandaag)
    if snelheid <= 0:
        return "niet in zicht"
    datum = vandaag + datetime.timedelta(days=int(stand.vrij / snelheid * Decimal("30.44")))
    if datum > stand.periode.tot:
        return "na einde periode"
    return datum.strftime("%d-%m-%Y")


def tabellen(vandaag: datetime.date) -> list[Tabel]:
    alle = standen()
    bronnen = {b.pk: b.naam for b in Financieringsbron.objects.all()}
    periode = Tabel("budget", "Budget per begrotingsperiode", [
        "Periode", "Toegezegd", "Gereserveerd", "Gerealiseerd", "Vrij", "Benut",
        f"Tempo per maand (gem. {TEMPO_MAANDEN} mnd)", "Verwachte uitputting"],
        toelichting="Stand op het moment van verversen, voor het hele fonds (de filters "
                    "gelden hier niet). Toegezegd = gereserveerd + gerealiseerd + vrij.",
        grafiek=Grafiek("Benut (% van toegezegd)", 5))
    per_bron = Tabel("budget_bronnen", "Budget per financieringsbron (naar rato)", [
        "Periode", "Financieringsbron", "Aandeel", "Toegezegd", "Gereserveerd",
        "Gerealiseerd", "Vrij"],
        toelichting="Uitgaven worden naar rato van het aandeel van elke bron in de "
                    "toezeggingen van de periode toegerekend.")
    for s in alle:
        periode.rijen.append([
            tekst(s.periode.naam), bedrag(s.toegezegd), bedrag(s.gereserveerd),
            bedrag(s.gerealiseerd), bedrag(s.vrij),
            procent(s.gereserveerd + s.gerealiseerd, s.toegezegd),
            bedrag(tempo(s, vandaag)), tekst(uitputting(s, vandaag)),
        ])
        res = verdeel(s.gereserveerd, s.per_bron)
        real = verdeel(s.gerealiseerd, s.per_bron)
        for bron_id, toegezegd in sorted(s.per_bron.items(),
                                         key=lambda kv: bronnen.get(kv[0], "")):
            per_bron.rijen.append([
                tekst(s.periode.naam), tekst(bronnen.get(bron_id, "onbekend")),
                procent(toegezegd, s.toegezegd), bedrag(toegezegd), bedrag(res[bron_id]),
                bedrag(real[bron_id]), bedrag(toegezegd - res[bron_id] - real[bron_id]),
            ])
    if not alle:
        periode.rijen.append([tekst("geen begrotingsperioden")] + [LEEG] * 7)
    return [periode, per_bron]
