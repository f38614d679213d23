"""Completions (Afronding rows) for the follow-up questionnaire tests: a plan, a beschikking,
a cheque and its afronding, recorded at a chosen moment."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from cheques.models import Afronding, Beschikking, Cheque
from loopbaangesprekken.models import Kansberoep, Kansberoepenlijst, Sector
from rapportage.models import Vervolgmeting
from tests.cheques.factories import ScholingsplanFactory, maak_periode
from tfvv.models import Begrotingsperiode, Gebruiker

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


def voeg_uitkomsten_toe(seed: int = 5) -> None:
    """For most cheques of `tests.rapportage.factories.maak_dataset`: an afronding and the
    three follow-up moments in random states (sent, stopped, answered with a work situation,
    sector and sometimes a kansberoep), bulk-created with their own timestamps."""
    from tests.rapportage.factories import eigen_tijdstippen
    from tests.tijd import middag

    rnd = random.Random(seed)
    S, M, W = Afronding.Soort, Vervolgmeting.Moment, Vervolgmeting.Werksituatie
    financieel = Gebruiker.objects.create(username=f"financieel-uitkomsten-{seed}")
    sectoren = list(Sector.objects.order_by("pk"))
    lijst = Kansberoepenlijst.objects.create(
        naam=f"Kansberoepen Twente {seed}", gepubliceerd_op=datetime.date(2023, 1, 1),
        geldig_van=datetime.date(2023, 1, 1), geldig_tot=datetime.date(2026, 12, 31))
    beroepen = [Kansberoep.objects.create(lijst=lijst, naam=naam, sector=rnd.choice(sectoren))
                for naam in ("Verpleegkundige", "Elektromonteur")]
    afrondingen, metingen = [], []
    for cheque in Cheque.objects.filter(afronding__isnull=True).order_by("pk"):
        if rnd.random() < 0.15:
            continue
        soort = rnd.choice([S.DIPLOMA, S.CERTIFICAAT, S.AANWEZIGHEID, S.AANWEZIGHEID, S.GESTOPT])
        dag = cheque.uitgegeven_op + datetime.timedelta(days=rnd.randrange(20, 150))
        afrondingen.append(Afronding(
            cheque=cheque, soort=soort, bewijs="afrondingen/bewijs.pdf",
            aanwezigheid_procent=rnd.choice([60, 79, 80, 95]) if soort == S.AANWEZIGHEID
            else None, gestopt_op=dag if soort == S.GESTOPT else None,
            reden_gestopt="Ziek" if soort == S.GESTOPT else "", geregistreerd_door=financieel,
            geregistreerd_op=middag(dag)))
        for moment, dagen in ((M.EINDE, 0), (M.ZES_MAANDEN, 182), (M.TWAALF_MAANDEN, 365)):
            verstuurd = dag + datetime.timedelta(days=dagen)
            staat = rnd.choice(["open", "gestopt", "ingevuld", "ingevuld", "ingevuld"])
            werk = rnd.choice(W.values) if staat == "ingevuld" else ""
            werkt = werk in (W.ZELFDE_WERK, W.ANDER_WERK, W.ZELFSTANDIG)
            metingen.append(Vervolgmeting(
                cheque=cheque, moment=moment, gepland_op=verstuurd,
                verstuurd_op=middag(verstuurd),
                gestopt_op=middag(verstuurd) if staat == "gestopt" else None,
                ingevuld_op=middag(verstuurd + datetime.timedelta(days=3))
                if staat == "ingevuld" else None,
                werksituatie=werk, sector=rnd.choice(sectoren) if werkt else None,
                kansberoep=rnd.choice(beroepen) if werkt and rnd.random() < 0.4 else None))
    with eigen_tijdstippen(Afronding):
        Afronding.objects.bulk_create(afrondingen)
    Vervolgmeting.objects.bulk_create(metingen)
