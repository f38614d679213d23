"""The table per gemeente of the public results page (docs/uitkomsten.md): aanmeldingen,
LLO-gesprekken and cheques of the programme so far for each of the 14 Twente municipalities,
with the programme total of Twente.

Suppressed as the dashboard's unfiltered table per gemeente (`rapportage.selectors`): per
column with a total, so a hidden gemeente gets a complement; the row "onbekend" (no
gemeente known) takes part, or the total minus the gemeenten would give it away. The page
splits no gemeente further (no loket, no period), so the cross-filter rules of
`rapportage.afscherming` have nothing more to hide here.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, Sum

from rapportage.models import Telling
from rapportage.selectors import PROGRAMMA_TOT, PROGRAMMA_VAN
from rapportage.tabellen import LEEG, Tabel, aantal, decimaal, is_klein, tekst, verberg
from tfvv.models import Gemeente

SOORTEN = ("aanmelding", "gesprek", "cheque")


def _per_1000(n: int, inwoners: int | None, weg: bool):
    if not inwoners:
        return LEEG
    return decimaal(Decimal(n) * 1000 / inwoners, 2, verborgen=weg or is_klein(n))


def gemeenten(vandaag: datetime.date) -> Tabel:
    """Two queries: the summary rows per gemeente and the gemeenten."""
    per_gemeente: dict = defaultdict(lambda: defaultdict(int))
    rijen = (Telling.objects
             .filter(Q(dimensie="trechter", waarde="aanmelding")
                     | Q(dimensie__in=("gesprek", "cheque")),
                     niveau=Telling.Niveau.GEMEENTE, maanden=Telling.Duur.MAAND,
                     maand__gte=PROGRAMMA_VAN, maand__lte=min(vandaag, PROGRAMMA_TOT))
             .values("gemeente_id", "dimensie", "waarde").annotate(n=Sum("aantal")).order_by())
    for r in rijen:
        soort = r["waarde"] if r["dimensie"] == "trechter" else r["dimensie"]
        per_gemeente[r["gemeente_id"]][soort] += r["n"]
    regels = [(g.naam, g.inwoners, per_gemeente[g.pk])
              for g in Gemeente.objects.only("pk", "naam", "inwoners").order_by("naam")]
    if None in per_gemeente:
        regels.append(("onbekend", None, per_gemeente[None]))
    kolommen = {s: [r[2][s] for r in regels] for s in SOORTEN}
    weg = {s: verberg(kolommen[s]) for s in SOORTEN}

    tabel = Tabel("gemeenten", "Per gemeente, 2023 tot nu", [
        "Gemeente", "Inwoners", "Aanmeldingen", "LLO-gesprekken", "Cheques",
        "Cheques per 1.000 inwoners"],
        toelichting="Onbekend: de gemeente van de aanvrager is (nog) niet vastgesteld.")
    for i, (naam, inwoners, _) in enumerate(regels):
        a, g, c = (kolommen[s][i] for s in SOORTEN)
        tabel.rijen.append([
            tekst(naam), aantal(inwoners) if inwoners else LEEG,
            aantal(a, weg["aanmelding"][i]), aantal(g, weg["gesprek"][i]),
            aantal(c, weg["cheque"][i]), _per_1000(c, inwoners, weg["cheque"][i])])
    inwoners = sum(r[1] or 0 for r in regels)
    ta, tg, tc = (sum(kolommen[s]) for s in SOORTEN)
    tabel.totaal = [tekst("Twente"), aantal(inwoners), aantal(ta), aantal(tg), aantal(tc),
                    _per_1000(tc, inwoners, False)]
    return tabel
