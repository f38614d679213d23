"""Completions (Afronding rows) for the follow-up questionnaire tests: a plan, a beschikking,
a cheque and its afronding, recorded at a chosen moment."""

import datetime
from decimal import Decimal

from django.utils import timezone

from cheques.models import Afronding, Beschikking, Cheque
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tfvv.models import Begrotingsperiode

_teller = iter(range(1, 1_000_000))


def maak_afronding(medewerkers, *, toestemming: bool = True, geregistreerd_op=None,
                   soort: str = Afronding.Soort.DIPLOMA, email: str = "",
                   procent: int = 90, aanvraag: dict | None = None, **plan) -> Afronding:
    periode = Begrotingsperiode.objects.first() or maak_periode()
    aanvraag_velden = {"aanvraag__toestemming_vervolgvragen_op":
                       timezone.now() if toestemming else None}
    if email:
        aanvraag_velden["aanvraag__email"] = email
    aanvraag_velden.update({f"aanvraag__{k}": v for k, v in (aanvraag or {}).items()})
    plan = ScholingsplanFactory(consulent=medewerkers["consulent_lwl"], **aanvraag_velden, **plan)
    beschikking = Beschikking.objects.create(
        plan=plan, uitkomst=Beschikking.Uitkomst.TOEKENNING, status=Beschikking.Status.VERZONDEN,
        bedrag=Decimal("1500.00"), motivering="Voldoet.", grondslag="Verordening",
        beoordelaar=medewerkers["beoordelaar"])
    cheque = Cheque.objects.create(
        nummer=f"TFV-2026-{next(_teller):06d}", beschikking=beschikking, periode=periode,
        opleider=plan.opleider, bedrag=Decimal("1500.00"), verificatiecode_hash="-",
        status=Cheque.Status.VASTGESTELD, uitgegeven_op=timezone.localdate(),
        geldig_tot=timezone.localdate() + datetime.timedelta(days=400))
    afronding = Afronding.objects.create(
        cheque=cheque, soort=soort, bewijs="afrondingen/bewijs.pdf",
        aanwezigheid_procent=procent if soort == Afronding.Soort.AANWEZIGHEID else None,
        gestopt_op=timezone.localdate() if soort == Afronding.Soort.GESTOPT else None,
        reden_gestopt="Ziek" if soort == Afronding.Soort.GESTOPT else "",
        geregistreerd_door=medewerkers["financieel"])
    if geregistreerd_op is not None:  # auto_now_add: set afterwards
        Afronding.objects.filter(pk=afronding.pk).update(geregistreerd_op=geregistreerd_op)
        afronding.refresh_from_db()
    return afronding
