"""What the export for an auditor holds of one dossier (docs/controle.md).

Every source in `STUKBRONNEN` turns the loaded dossier into `Stuk`ken: the decision
letters, the cheque, the evidence the case rests on (the resident's uploads, the plan's
evidence, the signed consent form, the opleider's invoices and completion proofs). A
later kind of document is one more source, not a change to the zip. Each source costs at
most one query, whatever the number of documents (the dossier itself has loaded the rest).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from cheques.dossier import Dossier
from cheques.models import (
    Afronding,
    Beschikking,
    Cofinancieringscorrectie,
    Cofinancieringsrealisatie,
    Declaratieindiening,
    Vervolgbesluit,
)
from loopbaangesprekken.models import Planakkoord
from tfvv.export import csv_bytes
from tfvv.models import Budgetboeking


@dataclass
class Stuk:
    """One file in the dossier's folder: a stored file, or bytes made for the export."""

    naam: str
    omschrijving: str
    datum: datetime.date | None
    bestand: FieldFile | None = None
    maak: Callable[[], bytes] | None = None


def _datum(moment) -> datetime.date | None:
    if moment is None or isinstance(moment, datetime.date) and not isinstance(
            moment, datetime.datetime):
        return moment
    return timezone.localdate(moment)


def _extensie(bestand: FieldFile) -> str:
    naam = bestand.name.rsplit("/", 1)[-1]
    return naam.rsplit(".", 1)[-1].lower() if "." in naam else "bin"


def _brieven(dossier: Dossier) -> list[Stuk]:
    stukken = []
    plannen = [p.plan for p in dossier.plannen]
    for b in Beschikking.objects.filter(plan__in=plannen).exclude(brief="").order_by(
            "besloten_op", "pk"):
        uitkomst = b.get_uitkomst_display()
        stukken.append(Stuk(f"besluiten/beschikking-{b.pk}.pdf",
                            _("Beschikking (%(uitkomst)s)") % {"uitkomst": uitkomst},
                            _datum(b.verzonden_op or b.besloten_op), bestand=b.brief))
    for v in Vervolgbesluit.objects.filter(beschikking__plan__in=plannen).exclude(
            brief="").order_by("genomen_op", "pk"):
        stukken.append(Stuk(f"besluiten/{v.soort}-{v.pk}.pdf",
                            _("Brief: %(soort)s") % {"soort": v.get_soort_display()},
                            v.verzonden_op, bestand=v.brief))
    return stukken


def _cheques(dossier: Dossier) -> list[Stuk]:
    return [Stuk(f"cheque/{c.nummer}.pdf", _("Scholingscheque %(nummer)s") % {"nummer": c.nummer},
                 c.uitgegeven_op, bestand=c.pdf)
            for c in dossier.cheques if c.pdf]


def _documenten(dossier: Dossier) -> list[Stuk]:
    return [Stuk(f"bewijs/aanvraag/document-{d.pk}-{get_valid_filename(d.originele_naam)}",
                 _("Document van de inwoner: %(soort)s") % {"soort": d.get_soort_display()},
                 _datum(d.geupload_op), bestand=d.bestand)
            for d in dossier.documenten]


def _planbewijs(dossier: Dossier) -> list[Stuk]:
    stukken = []
    for regel in dossier.plannen:
        plan = regel.plan
        if plan.arbeidsmarktperspectief_bewijs:
            b = plan.arbeidsmarktperspectief_bewijs
            stukken.append(Stuk(f"bewijs/plan-{plan.pk}/arbeidsmarktperspectief.{_extensie(b)}",
                                _("Bewijs arbeidsmarktperspectief (scholingsplan)"),
                                _datum(plan.aangemaakt_op), bestand=b))
        for r in plan.cofinanciering.all():
            if r.bewijs:
                stukken.append(Stuk(
                    f"bewijs/plan-{plan.pk}/cofinanciering-{r.pk}.{_extensie(r.bewijs)}",
                    _("Bewijs cofinanciering: %(partij)s") % {"partij": r.partij},
                    _datum(plan.aangemaakt_op), bestand=r.bewijs))
    return stukken


def _akkoordformulieren(dossier: Dossier) -> list[Stuk]:
    plannen = [p.plan for p in dossier.plannen]
    return [Stuk(f"bewijs/plan-{a.plan_id}/akkoordformulier-{a.pk}.{_extensie(a.formulier)}",
                 _("Ondertekend akkoord op het scholingsplan"), _datum(a.op), bestand=a.formulier)
            for a in Planakkoord.objects.filter(plan__in=plannen).exclude(formulier="")
            .order_by("op", "pk")]


def _declaraties(dossier: Dossier) -> list[Stuk]:
    return [Stuk(f"bewijs/{c.nummer}/declaratie-{d.pk}.{_extensie(d.bewijs)}",
                 _("Factuur %(nummer)s en bewijs van start") % {"nummer": d.factuurnummer},
                 d.factuurdatum, bestand=d.bewijs)
            for c in dossier.cheques for d in c.declaraties.all() if d.bewijs]


def _afrondingen(dossier: Dossier) -> list[Stuk]:
    return [Stuk(f"bewijs/{a.cheque.nummer}/afronding.{_extensie(a.bewijs)}",
                 _("Bewijs van afronding: %(soort)s") % {"soort": a.get_soort_display()},
                 _datum(a.geregistreerd_op), bestand=a.bewijs)
            for a in Afronding.objects.filter(cheque__in=dossier.cheques).select_related("cheque")
            if a.bewijs]


def _opleiderdeclaraties(dossier: Dossier) -> list[Stuk]:
    """What the opleider submitted in its portal: the invoice and the proof, also of a
    declaratie finance returned or the opleider withdrew (the auditor sees what was asked)."""
    stukken = []
    for i in (Declaratieindiening.objects.filter(cheque__in=dossier.cheques)
              .select_related("cheque").order_by("ingediend_op", "pk")):
        map_ = f"bewijs/{i.cheque.nummer}/opleiderdeclaratie-{i.pk}"
        status = i.get_status_display()
        if i.factuur:
            stukken.append(Stuk(f"{map_}-factuur.{_extensie(i.factuur)}",
                                _("Factuur %(nummer)s van de opleider (%(status)s)")
                                % {"nummer": i.factuurnummer, "status": status},
                                i.factuurdatum or _datum(i.ingediend_op), bestand=i.factuur))
        if i.bewijs:
            stukken.append(Stuk(f"{map_}-bewijs.{_extensie(i.bewijs)}",
                                _("Bewijs van de opleider: %(soort)s (%(status)s)")
                                % {"soort": i.get_bewijssoort_display(), "status": status},
                                _datum(i.ingediend_op), bestand=i.bewijs))
    return stukken


def _cofinancieringsbewijs(dossier: Dossier) -> list[Stuk]:
    """The evidence finance recorded that the co-financing was paid (at the vaststelling)."""
    return [Stuk(f"bewijs/{r.cheque.nummer}/cofinanciering-betaald-{r.pk}.{_extensie(r.bewijs)}",
                 _("Bewijs betaalde cofinanciering: %(partij)s") % {"partij": r.regel.partij},
                 r.datum, bestand=r.bewijs)
            for r in Cofinancieringsrealisatie.objects.filter(cheque__in=dossier.cheques)
            .select_related("cheque", "regel").order_by("pk") if r.bewijs]


def _correctiebewijs(dossier: Dossier) -> list[Stuk]:
    """The evidence of every correction asked for that realisation, approved or not (the
    ledger of decisions shows which one holds)."""
    return [Stuk(f"bewijs/{c.realisatie.cheque.nummer}/cofinanciering-correctie-{c.pk}."
                 f"{_extensie(c.bewijs)}",
                 _("Bewijs correctie cofinanciering (%(besluit)s): %(partij)s") % {
                     "partij": c.realisatie.regel.partij,
                     "besluit": c.verzoek.get_uitkomst_display()},
                 c.datum, bestand=c.bewijs)
            for c in Cofinancieringscorrectie.objects
            .filter(realisatie__cheque__in=dossier.cheques)
            .select_related("realisatie__cheque", "realisatie__regel", "verzoek").order_by("pk")
            if c.bewijs]


GROOTBOEKKOLOMMEN = ("tijdstip", "periode", "soort", "bedrag", "referentie", "omschrijving",
                     "door", "financieringsbronnen")


def grootboekregels(nummers: list[str]) -> list[list]:
    """The ledger entries of these cheques, oldest first, with the bronnen they were
    charged to (two queries)."""
    regels = []
    for b in (Budgetboeking.objects.filter(referentie__in=nummers)
              .select_related("periode", "door").prefetch_related("bronlasten__bron")
              .order_by("tijdstip", "id")):
        bronnen = "; ".join(f"{last.bron.naam}: {last.bedrag}" for last in b.bronlasten.all())
        regels.append([timezone.localtime(b.tijdstip).strftime("%Y-%m-%d %H:%M:%S"),
                       b.periode.naam, b.get_soort_display(), b.bedrag, b.referentie,
                       b.omschrijving, b.door.get_full_name() if b.door else "", bronnen])
    return regels


def _grootboek(dossier: Dossier) -> list[Stuk]:
    if not dossier.cheques:
        return []
    regels = grootboekregels([c.nummer for c in dossier.cheques])
    return [Stuk("grootboek.csv", _("Boekingen in het grootboek van de cheque(s)"),
                 timezone.localdate(), maak=lambda: csv_bytes(GROOTBOEKKOLOMMEN, regels))]


# A source: the loaded dossier -> its files (at most one query of its own each).
STUKBRONNEN: list[Callable[[Dossier], list[Stuk]]] = [
    _brieven, _cheques, _documenten, _planbewijs, _akkoordformulieren, _declaraties,
    _afrondingen, _opleiderdeclaraties, _cofinancieringsbewijs, _correctiebewijs, _grootboek,
]


def stukken(dossier: Dossier) -> list[Stuk]:
    return [stuk for bron in STUKBRONNEN for stuk in bron(dossier)]
