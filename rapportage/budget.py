"""Budget figures per begrotingsperiode and per financieringsbron, from `Budgetstand`.

Ledger convention (tfvv.models.Budgetboeking): a grant books a reservering, a release a
vrijval, a payment a realisatie (or, before the vaststelling, a voorschot) plus a vrijval
of the same amount, money received back on a terugvordering an ontvangst (the claim itself
frees nothing; see tfvv.budget_selectors). Hence:
    gereserveerd = Σ reservering − Σ vrijval
    gerealiseerd = Σ realisatie + Σ voorschot − Σ ontvangst
    vrij         = toegezegd − gereserveerd − gerealiseerd
Per bron the dashboard shows what the earmarking charged it (tfvv.oormerk, Bronlast), as
stored at the refresh from tfvv.budget_selectors.bronstanden: the same figures as the staff
budget page. Entries booked before earmarking existed have no charge; they are shown on a
row of their own, never spread over the bronnen.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from rapportage.models import Budgetstand
from rapportage.tabellen import LEEG, Grafiek, Tabel, bedrag, procent, tekst
from tfvv.budget_selectors import Bronstand, NietToegerekend
from tfvv.models import Begrotingsperiode, Budgetboeking, Financieringsbron

S = Budgetboeking.Soort
TEMPO_MAANDEN = 6
NUL = Decimal("0.00")


@dataclass
class Stand:
    periode: Begrotingsperiode
    toegezegd: Decimal
    gereserveerd: Decimal
    gerealiseerd: Decimal
    per_maand: dict  # maand -> net use (reservations + realisations)
    bronnen: list = field(default_factory=list)  # Bronstand per public bron
    niet_toegerekend: NietToegerekend = NietToegerekend(NUL, NUL)

    @property
    def vrij(self) -> Decimal:
        return self.toegezegd - self.gereserveerd - self.gerealiseerd


def standen() -> list[Stand]:
    """One Stand per begrotingsperiode (three queries)."""
    totalen = defaultdict(lambda: defaultdict(Decimal))
    lasten = defaultdict(lambda: defaultdict(lambda: defaultdict(Decimal)))
    per_maand = defaultdict(lambda: defaultdict(Decimal))
    teken = {S.RESERVERING: 1, S.VRIJVAL: -1, S.REALISATIE: 1, S.VOORSCHOT: 1,
             S.ONTVANGST: -1}
    for r in Budgetstand.objects.all():
        if r.soort in PER_BRON:
            lasten[r.periode_id][r.bron_id][r.soort] += r.bedrag
            continue
        totalen[r.periode_id][r.soort] += r.bedrag
        if r.soort == Budgetstand.TOEGEZEGD:
            lasten[r.periode_id][r.bron_id][r.soort] += r.bedrag
        elif r.maand:
            per_maand[r.periode_id][r.maand] += teken.get(r.soort, 0) * r.bedrag
    bronnen = {b.pk: b for b in Financieringsbron.objects.all()}
    uit = []
    for periode in Begrotingsperiode.objects.all():
        t, per_bron = totalen[periode.pk], lasten[periode.pk]
        los = per_bron.get(None, {})
        uit.append(Stand(
            periode=periode, toegezegd=t[Budgetstand.TOEGEZEGD],
            gereserveerd=t[S.RESERVERING] - t[S.VRIJVAL],
            gerealiseerd=t[S.REALISATIE] + t[S.VOORSCHOT] - t[S.ONTVANGST],
            per_maand=per_maand[periode.pk],
            bronnen=sorted((Bronstand(bron=bronnen[bron_id], regel=None,
                                      toegezegd=s[Budgetstand.TOEGEZEGD],
                                      gereserveerd=s[Budgetstand.BRON_GERESERVEERD],
                                      gerealiseerd=s[Budgetstand.BRON_GEREALISEERD])
                            for bron_id, s in per_bron.items()
                            if Budgetstand.BRON_GERESERVEERD in s and bron_id in bronnen),
                           key=lambda b: b.bron.naam),
            niet_toegerekend=NietToegerekend(los.get(Budgetstand.LOS_GERESERVEERD, NUL),
                                             los.get(Budgetstand.LOS_GEREALISEERD, NUL)),
        ))
    return uit


# the rows the refresh stores per bron (and, without a bron, for uncharged entries)
PER_BRON = (Budgetstand.BRON_GERESERVEERD, Budgetstand.BRON_GEREALISEERD,
            Budgetstand.LOS_GERESERVEERD, Budgetstand.LOS_GEREALISEERD)


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
    periode = Tabel("budget", "Budget per begrotingsperiode", [
        "Periode", "Toegezegd", "Gereserveerd", "Gerealiseerd", "Vrij", "Benut",
        f"Tempo per maand (gem. {TEMPO_MAANDEN} mnd)", "Verwachte uitputting"],
        toelichting="Stand op het moment van verversen, voor het hele fonds (de filters "
                    "gelden hier niet). Toegezegd = gereserveerd + gerealiseerd + vrij.",
        grafiek=Grafiek("Benut (% van toegezegd)", 5))
    per_bron = Tabel("budget_bronnen", "Budget per financieringsbron (oormerking)", [
        "Periode", "Financieringsbron", "Toegezegd", "Geoormerkt (gereserveerd)",
        "Gerealiseerd", "Vrij"],
        toelichting="Wat elke publieke bron draagt volgens de oormerking van de toekenningen, "
                    "dezelfde cijfers als de budgetpagina. Boekingen van vóór de oormerking "
                    "zijn aan geen bron toegerekend en staan op een eigen regel.")
    for s in alle:
        periode.rijen.append([
            tekst(s.periode.naam), bedrag(s.toegezegd), bedrag(s.gereserveerd),
            bedrag(s.gerealiseerd), bedrag(s.vrij),
            procent(s.gereserveerd + s.gerealiseerd, s.toegezegd),
            bedrag(tempo(s, vandaag)), tekst(uitputting(s, vandaag)),
        ])
        for b in s.bronnen:
            per_bron.rijen.append([
                tekst(s.periode.naam), tekst(b.bron.naam), bedrag(b.toegezegd),
                bedrag(b.gereserveerd), bedrag(b.gerealiseerd), bedrag(b.vrij)])
        if s.niet_toegerekend:
            per_bron.rijen.append([
                tekst(s.periode.naam), tekst(NIET_TOEGEREKEND), LEEG,
                bedrag(s.niet_toegerekend.gereserveerd),
                bedrag(s.niet_toegerekend.gerealiseerd), LEEG])
    if not alle:
        periode.rijen.append([tekst("geen begrotingsperioden")] + [LEEG] * 7)
    return [periode, per_bron]


NIET_TOEGEREKEND = "niet toegerekend (geboekt vóór de oormerking)"
