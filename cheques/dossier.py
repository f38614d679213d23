"""The whole dossier of one aanvraag: everything a decision rests on, across all stages.

It lives in the cheques stage because that is the latest stage it reads (aanvraag,
gesprekken, scholingsplan, beschikking, cheque, payments); rapportage holds no personal
data. A fixed number of queries, whatever the size of the dossier or of the database.

Decisions are listed generically (`Besluit`): every source in `BESLUITBRONNEN` turns the
dossier's plans into decision records, so a later kind of decision (vaststelling,
intrekking, bezwaar …) is one more source, not a change to the page.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag, Document
from aanvragen.workflow import AANVRAAG_TRANSITIES
from cheques import selectors, toets
from cheques.models import Aanvulverzoek, Beschikking, Betaling, Cheque, Declaratie
from cheques.workflow import BESCHIKKING_TRANSITIES, CHEQUE_TRANSITIES
from loopbaangesprekken.models import Gesprek, Scholingsplan
from loopbaangesprekken.selectors.gesprekken import ACTIES as GESPREK_ACTIES
from loopbaangesprekken.selectors.gesprekken import documenten as documenten_van
from loopbaangesprekken.workflow import PLAN_TRANSITIES
from tfvv.models import Gebeurtenis

NUL = Decimal("0.00")

# Dutch labels of the events a dossier can hold; an unknown action falls back to its name
# without underscores (never a raw state name: see `label`).
LABELS = {
    **GESPREK_ACTIES,
    **{t.naam: t.label for t in AANVRAAG_TRANSITIES},
    **{t.naam: t.label for t in PLAN_TRANSITIES},
    **{t.naam: t.label for t in BESCHIKKING_TRANSITIES},
    **{t.naam: t.label for t in CHEQUE_TRANSITIES},
    "aangemeld": _("aanmelding ontvangen"),
    "dubbele_aanmelding": _("dubbele aanmelding"),
    "document_toegevoegd": _("document toegevoegd"),
    "documenten_verzonden": _("documenten verzonden"),
    "contactgegevens_gewijzigd": _("contactgegevens gewijzigd"),
    "plan_aangemaakt": _("scholingsplan opgesteld"),
    "aanvulling_beantwoord_door_inwoner": _("aanvulling gestuurd door de inwoner"),
    "toekenning_voorstellen": _("toekenning voorgesteld (wacht op tweede beoordelaar)"),
    "toekenning_niet_medeondertekend": _("toekenning niet medeondertekend"),
    "toekennen": _("toegekend"),
    "uitgeven": _("cheque uitgegeven"),
    "cheque_vervallen": _("cheque vervallen"),
    "cheque_ingetrokken": _("cheque ingetrokken"),
    "cheque_hersteld": _("cheque hersteld na bezwaar"),
    "plan_gewijzigd_na_besluit": _("scholingsplan gewijzigd (wijzigingsbeschikking)"),
    "invordering_vordering_vervallen": _("terugvordering vervallen na bezwaar"),
    "dossier_geexporteerd": _("dossier geëxporteerd voor controle"),
}


def label(actie: str) -> str:
    return str(LABELS.get(actie, actie.replace("_", " ")))


# --- decisions, generically --------------------------------------------------------------


@dataclass
class Besluit:
    soort: str
    datum: datetime.date | None
    uitkomst: str
    status: str
    bedrag: Decimal | None
    motivering: str
    door: str
    pdf_url: str | None = None
    plan_id: int | None = None


def _beschikkingen(plannen: list[Scholingsplan]) -> list[Besluit]:
    besluiten = []
    for b in (Beschikking.objects.filter(plan__in=plannen)
              .select_related("beoordelaar", "medeondertekenaar").order_by("besloten_op")):
        door = b.beoordelaar.get_full_name() or b.beoordelaar.username
        if b.medeondertekenaar_id:
            door += " / " + (b.medeondertekenaar.get_full_name() or b.medeondertekenaar.username)
        besluiten.append(Besluit(
            soort=str(_("beschikking op het scholingsplan")),
            datum=b.verzonden_op or timezone.localdate(b.besloten_op),
            uitkomst=b.get_uitkomst_display(),
            status=b.get_status_display(), bedrag=b.bedrag, motivering=b.motivering, door=door,
            pdf_url=(reverse("cheques:beschikking-pdf", kwargs={"pk": b.pk})
                     if b.brief else None), plan_id=b.plan_id))
    return besluiten


# A source: plans of the dossier -> decision records (one query each).
BESLUITBRONNEN: list[Callable[[list[Scholingsplan]], list[Besluit]]] = [_beschikkingen]


# --- the dossier ---------------------------------------------------------------------------


@dataclass
class Planregel:
    plan: Scholingsplan
    totale_kosten: Decimal
    cofinanciering: Decimal
    toets: dict | None
    verdict: str


@dataclass
class Dossier:
    aanvraag: Aanvraag
    gesprekken: list[Gesprek]
    documenten: list[Document]
    plannen: list[Planregel]
    besluiten: list[Besluit]
    cheques: list[Cheque]
    gebeurtenissen: list[Gebeurtenis]
    aanvulverzoeken: list[Aanvulverzoek] = field(default_factory=list)

    @property
    def bewijsstukken(self) -> int:
        """The plan's evidence files (arbeidsmarkt and co-financing)."""
        return sum(bool(p.plan.arbeidsmarktperspectief_bewijs)
                   + sum(bool(r.bewijs) for r in p.plan.cofinanciering.all())
                   for p in self.plannen)


def planregel(plan: Scholingsplan) -> Planregel:
    """The plan with its totals, from its (prefetched) cost and co-financing lines."""
    return Planregel(plan=plan, totale_kosten=sum((r.bedrag for r in plan.kosten.all()), NUL),
                     cofinanciering=sum((r.bedrag for r in plan.cofinanciering.all()), NUL),
                     toets=toets.uitslag(plan.toets_snapshot),
                     verdict=toets.verdict(plan.toets_snapshot))


def weergave(user, aanvraag: Aanvraag, dossier_: Dossier | None = None) -> dict:
    """The template context of the dossier (page, PDF and the export's PDF) for `user`:
    what they may see of it. The caller has checked `mag_dossier_zien`."""
    from cheques.permissions import (
        mag_besluiten,
        mag_bewijs_downloaden,
        mag_cheque_downloaden,
        mag_dossier_exporteren,
        mag_dossierstukken_openen,
        mag_verslag_zien,
    )
    from tfvv.permissions import mag_loket_zien

    return {
        "dossier": dossier_ or dossier(aanvraag), "aanvraag": aanvraag,
        "toon_verslag": mag_verslag_zien(user),
        "toon_bewijs": mag_bewijs_downloaden(user),
        "toon_cheque_pdf": mag_cheque_downloaden(user),
        "toon_links": mag_dossierstukken_openen(user),
        "toon_export": bool(mag_dossier_exporteren(user)),
        "toon_beoordeling": bool(mag_besluiten(user)),
        "toon_zaak": bool(mag_loket_zien(user, aanvraag.loket)),
        "afgedrukt_op": timezone.localtime(),
        "afgedrukt_door": user.get_full_name() or user.username,
    }


def aanvraag_voor_dossier(pk: int) -> Aanvraag | None:
    return (Aanvraag.objects.select_related("gemeente", "consulent").filter(pk=pk).first())


def dossier(aanvraag: Aanvraag) -> Dossier:
    """Everything of one aanvraag, oldest first (events newest first); 15 queries."""
    gesprekken = list(Gesprek.objects.filter(aanvraag=aanvraag).select_related("consulent")
                      .order_by("gepland_op", "id"))
    documenten = documenten_van(aanvraag)
    plannen = list(
        Scholingsplan.objects.filter(aanvraag=aanvraag)
        .select_related("opleider", "consulent", "regeling", "doelsector", "huidige_sector",
                        "kansberoep")
        .prefetch_related("kosten", "cofinanciering",
                          selectors.aanvulverzoeken_met_antwoorden())
        .order_by("aangemaakt_op", "id"))
    besluiten = [b for bron in BESLUITBRONNEN for b in bron(plannen)]
    cheques = list(
        Cheque.objects.filter(beschikking__plan__in=plannen).select_related("opleider", "periode",
                                                                            "beschikking")
        .prefetch_related(
            Prefetch("declaraties", queryset=Declaratie.objects.order_by("factuurdatum", "id")),
            Prefetch("betalingen", queryset=Betaling.objects.order_by("betaald_op", "id")))
        .order_by("nummer"))
    gebeurtenissen = list(Gebeurtenis.objects.filter(dossier_id=aanvraag.pk)
                          .select_related("actor").order_by("-tijdstip", "-id"))
    for g in gebeurtenissen:
        g.label = label(g.actie)
    regels = [planregel(plan) for plan in plannen]
    return Dossier(
        aanvraag=aanvraag, gesprekken=gesprekken, documenten=documenten, plannen=regels,
        besluiten=besluiten, cheques=cheques, gebeurtenissen=gebeurtenissen,
        aanvulverzoeken=[v for p in plannen for v in p.aanvulverzoeken.all()])
