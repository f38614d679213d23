"""The open deadlines of this stage for tfvv.termijnoverzicht ("Mijn termijnen", the team
overview, the daily overview and the warnings): beslistermijnen of submitted plans (Awb
4:13, computed as on the work queue), hersteltermijnen of open aanvulverzoeken (4:5),
cheques that expire within 60 days, beslistermijnen of bezwaren (7:10) and payment
deadlines of terugvorderingen (4:57). Eight queries, whatever the number of cases."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cheques import selectors
from cheques.models import Bezwaar, Cheque, Terugvordering
from loopbaangesprekken.models import Scholingsplan
from tfvv import termijnoverzicht
from tfvv.roles import Rol
from tfvv.templatetags.bedragen import euro
from tfvv.termijnoverzicht import Termijn

CHEQUE_VERLOOPT_BINNEN = datetime.timedelta(days=60)
FINANCIEN = frozenset({Rol.FINANCIEEL})


def _zaak(plan) -> str:
    return f"{plan.aanvraag.referentie}: {plan.opleiding_naam}"


def _dossier(plan) -> str:
    """The case file: open to its consulent, the beoordelaars (with the way to decide) and
    finance, so one link serves everyone who sees the deadline."""
    return reverse("cheques:dossier", kwargs={"aanvraag_id": plan.aanvraag_id})


def _ids(*ids) -> frozenset[int]:
    return frozenset(i for i in ids if i is not None)


def _plannen(vandaag):
    for regel in selectors.regels_voor(selectors.werkvoorraad_plannen(), vandaag):
        plan = regel.plan
        verzoeken = list(plan.aanvulverzoeken.all())  # prefetched, oldest first
        if regel.termijn.einde is not None:  # None: suspended while an aanvulling is awaited
            yield Termijn(
                "beslistermijn", str(_("Beslistermijn scholingsplan")), _zaak(plan),
                regel.termijn.einde, _dossier(plan),
                f"plan:{plan.pk}",
                _ids(plan.consulent_id, regel.concept and regel.concept.beoordelaar_id,
                     *(v.gevraagd_door_id for v in verzoeken)),
                loket=plan.aanvraag.loket, waarschuwen=(Rol.BEOORDELAAR,))
        if plan.status == Scholingsplan.Status.AANVULLING and verzoeken:
            verzoek = verzoeken[-1]
            yield Termijn(
                "hersteltermijn", str(_("Hersteltermijn aanvulling")), _zaak(plan),
                verzoek.hersteltermijn_tot, _dossier(plan),
                f"aanvulverzoek:{verzoek.pk}", _ids(plan.consulent_id, verzoek.gevraagd_door_id),
                loket=plan.aanvraag.loket, waarschuwen=())


def _cheques(vandaag):
    for cheque in (Cheque.objects.filter(status=Cheque.Status.UITGEGEVEN,
                                         geldig_tot__gte=vandaag,
                                         geldig_tot__lte=vandaag + CHEQUE_VERLOOPT_BINNEN)
                   .select_related("beschikking__plan__aanvraag")):
        plan = cheque.beschikking.plan
        yield Termijn(
            "cheque", str(_("Cheque verloopt")), f"{cheque.nummer} – {_zaak(plan)}",
            cheque.geldig_tot, _dossier(plan),
            f"cheque:{cheque.pk}", _ids(plan.consulent_id), loket=plan.aanvraag.loket,
            teams=FINANCIEN)


def _bezwaren(vandaag):
    for bezwaar in (Bezwaar.objects.filter(uitkomst="")
                    .select_related("beschikking__plan__aanvraag")):
        yield Termijn(
            "bezwaar", str(_("Beslistermijn bezwaar")), _zaak(bezwaar.beschikking.plan),
            bezwaar.beslistermijn_tot, reverse("cheques:bezwaar", kwargs={"pk": bezwaar.pk}),
            f"bezwaar:{bezwaar.pk}", _ids(bezwaar.beschikking.beoordelaar_id),
            waarschuwen=(Rol.BEOORDELAAR,))


def _terugvorderingen(vandaag):
    for t in (Terugvordering.objects.filter(status__in=(Terugvordering.Status.OPEN,
                                                        Terugvordering.Status.BETALINGSREGELING))
              .select_related("cheque")):
        yield Termijn(
            "terugvordering", str(_("Betaaltermijn terugvordering")),
            f"{t.cheque.nummer}: {euro(t.bedrag)}", t.betalen_voor,
            reverse("cheques:terugvordering", kwargs={"pk": t.pk}), f"terugvordering:{t.pk}",
            _ids(t.aangemaakt_door_id), teams=FINANCIEN)


def open_termijnen(vandaag: datetime.date) -> list[Termijn]:
    return [*_plannen(vandaag), *_cheques(vandaag), *_bezwaren(vandaag),
            *_terugvorderingen(vandaag)]


termijnoverzicht.registreer("cheques", open_termijnen)
