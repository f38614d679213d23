"""Meldingen of this stage (tfvv.meldingen): who hears of a submitted plan, a grant waiting
for co-signing, an aanvulling answered by the resident, a bezwaar, and what an opleider's
own beheerder changed in its accounts (no four-eyes of the fund there: the fund's
beheerders hear of each step)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cheques.models import Aanvulverzoek
from loopbaangesprekken.meldingen import PLAN_TYPE, consulent_van_zaak, referentie
from loopbaangesprekken.models import Opleider, Scholingsplan
from tfvv import meldingen
from tfvv.models import Gebruiker
from tfvv.roles import Rol


def _plan_voor_beoordelaars(gebeurtenis):
    """Every beoordelaar (the actor, e.g. the proposer of a grant, is never notified)."""
    return [(meldingen.met_rol(Rol.BEOORDELAAR),
             reverse("cheques:plan", kwargs={"plan_id": gebeurtenis.object_id}))]


def _ingediend(gebeurtenis) -> str:
    if gebeurtenis.van_status == Scholingsplan.Status.TERUG:
        tekst = _("Het aangepaste scholingsplan van aanvraag %(ref)s is opnieuw ingediend.")
    else:
        tekst = _("Een scholingsplan van aanvraag %(ref)s is ingediend en wacht op "
                  "beoordeling.")
    return tekst % {"ref": referentie(gebeurtenis)}


def _aanvulling_beantwoord(gebeurtenis):
    """The case's consulent and the beoordelaar who asked for the aanvulling."""
    verzoeken = Aanvulverzoek.objects.filter(plan__aanvraag_id=gebeurtenis.dossier_id)
    if gebeurtenis.objecttype == "cheques.aanvulverzoek":
        verzoeken = verzoeken.filter(pk=gebeurtenis.object_id)
    verzoek = verzoeken.order_by("-gevraagd_op", "-pk").only("plan_id", "gevraagd_door_id").first()
    ontvangers = consulent_van_zaak(gebeurtenis)
    if verzoek is not None:
        ontvangers.append(([verzoek.gevraagd_door_id],
                           reverse("cheques:plan", kwargs={"plan_id": verzoek.plan_id})))
    return ontvangers


meldingen.registreer(
    "indienen", objecttype=PLAN_TYPE, soort=gettext_lazy("Scholingsplan ingediend"),
    tekst=_ingediend, ontvangers=_plan_voor_beoordelaars)
meldingen.registreer(
    "toekenning_voorstellen", objecttype=PLAN_TYPE,
    soort=gettext_lazy("Toekenning wacht op medeondertekening"),
    tekst=lambda g: _("Een toekenning in aanvraag %(ref)s wacht op uw medeondertekening.")
    % {"ref": referentie(g)},
    ontvangers=_plan_voor_beoordelaars)
meldingen.registreer(
    "aanvulling_beantwoord_door_inwoner", soort=gettext_lazy("Aanvulling ontvangen"),
    tekst=lambda g: _("De inwoner van aanvraag %(ref)s heeft de gevraagde aanvulling "
                      "gegeven.") % {"ref": referentie(g)},
    ontvangers=_aanvulling_beantwoord)
meldingen.registreer(
    "bezwaar_ontvangen", objecttype="cheques.bezwaar", soort=gettext_lazy("Bezwaar ontvangen"),
    tekst=lambda g: _("Er is een bezwaar ontvangen in aanvraag %(ref)s.")
    % {"ref": referentie(g)},
    ontvangers=lambda g: [(meldingen.met_rol(Rol.BEOORDELAAR),
                           reverse("cheques:bezwaar", kwargs={"pk": g.object_id}))])


def _collega_tekst(tekst):
    def maak(gebeurtenis) -> str:
        opleider = Opleider.objects.filter(pk=gebeurtenis.gegevens.get("opleider")).first()
        account = Gebruiker.objects.filter(pk=gebeurtenis.object_id).first()
        return tekst % {"opleider": opleider.naam if opleider else "",
                        "naam": account.get_full_name() if account else ""}
    return maak


def _voor_beheerders(gebeurtenis):
    return [(meldingen.met_rol(Rol.BEHEERDER),
             reverse("cheques:opleider-accounts",
                     kwargs={"pk": gebeurtenis.gegevens.get("opleider")}))]


for actie, soort, tekst in (
        ("collega_uitgenodigd", gettext_lazy("Opleider nodigde een collega uit"),
         gettext_lazy("%(opleider)s heeft %(naam)s uitgenodigd voor het opleidersportaal.")),
        ("collega_beheerder_gemaakt", gettext_lazy("Opleider maakte een beheerder"),
         gettext_lazy("%(opleider)s heeft %(naam)s beheerder van de opleider gemaakt.")),
        ("collega_geen_beheerder", gettext_lazy("Opleider nam een beheerdersrol af"),
         gettext_lazy("%(opleider)s heeft %(naam)s de rol beheerder van de opleider "
                      "afgenomen.")),
        ("collega_uitgezet", gettext_lazy("Opleider zette een account uit"),
         gettext_lazy("%(opleider)s heeft het account van %(naam)s uitgezet."))):
    meldingen.registreer(actie, objecttype="tfvv.gebruiker", soort=soort,
                         tekst=_collega_tekst(tekst), ontvangers=_voor_beheerders)
def _voor_financien(gebeurtenis):
    """Every financieel medewerker, with a link to the declaratie in their queue."""
    return [(meldingen.met_rol(Rol.FINANCIEEL),
             reverse("cheques:financien-declaratie", kwargs={"pk": gebeurtenis.object_id}))]


# a row of a bulk file is announced once, by the file's own event
meldingen.registreer(
    "opleiderdeclaratie_ingediend", objecttype="cheques.declaratieindiening",
    soort=gettext_lazy("Declaratie van een opleider"),
    tekst=lambda g: _("De opleider heeft een declaratie ingediend voor cheque %(nummer)s.")
    % {"nummer": g.gegevens["cheque"]},
    ontvangers=lambda g: [] if g.gegevens.get("bestand") else _voor_financien(g))
meldingen.registreer(
    "opleiderdeclaratie_bericht", objecttype="cheques.declaratieindiening",
    soort=gettext_lazy("Bericht van een opleider"),
    tekst=lambda g: _("De opleider heeft een bericht gestuurd over de declaratie voor cheque "
                      "%(nummer)s.") % {"nummer": g.gegevens["cheque"]},
    ontvangers=lambda g: _voor_financien(g) if g.gegevens.get("van_opleider") else [])
meldingen.registreer(
    "declaratiebestand_ingediend", objecttype="cheques.declaratiebestand",
    soort=gettext_lazy("Declaraties van een opleider"),
    tekst=lambda g: _("%(opleider)s heeft een bestand met %(aantal)s declaraties ingediend.")
    % {"opleider": g.gegevens["opleider"], "aantal": g.gegevens["aantal"]},
    ontvangers=lambda g: [(meldingen.met_rol(Rol.FINANCIEEL),
                           reverse("cheques:financien-declaraties"))])
