"""The resident answers an aanvulverzoek in the portal: a text, documents, or both."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from aanvragen import services as aanvraag_services
from aanvragen.models import Aanvraag
from aanvragen.permissions import is_eigenaar
from cheques import selectors
from cheques.models import Aanvulantwoord, Aanvulverzoek
from loopbaangesprekken.models import Scholingsplan
from tfvv.events import registreer_gebeurtenis
from tfvv.opslag import atomic_met_bestanden

# the event a later notification to staff listens to (docs/beoordeling.md)
ACTIE = "aanvulling_beantwoord_door_inwoner"


def _gesloten() -> ValidationError:
    return ValidationError(_(
        "U kunt op dit verzoek om aanvulling niet meer reageren: uw consulent heeft de "
        "aanvulling al doorgestuurd, of er is al een besluit. Heeft u nog iets? Neem dan "
        "contact op met uw consulent."), code="gesloten")


@atomic_met_bestanden()  # the uploaded files go again when anything fails before the commit
def beantwoord_aanvulverzoek(*, verzoek: Aanvulverzoek, door, tekst: str,
                             bestanden: list[tuple[str, object, str]]) -> Aanvulantwoord:
    """Store the resident's answer; `bestanden` holds (soort, file, MIME type) of files
    already checked by aanvragen.bestanden. Several answers may come in while the request
    is open; one after the hersteltermijn is stored as late (Awb 4:5 lets the fund still
    consider it)."""
    # the aanvraag first: the order of the resident's withdrawal, so the two never deadlock
    aanvraag = Aanvraag.objects.select_for_update().get(pk=verzoek.plan.aanvraag_id)
    if not is_eigenaar(door, aanvraag):
        raise PermissionDenied(_("Dit is niet uw aanvraag."))
    plan = Scholingsplan.objects.select_for_update().get(pk=verzoek.plan_id)
    verzoek = Aanvulverzoek.objects.select_for_update().get(pk=verzoek.pk)
    verzoek.plan = plan
    if not selectors.aanvulverzoek_open(verzoek):
        raise _gesloten()
    tekst = tekst.strip()
    if not tekst and not bestanden:
        raise ValidationError({"tekst": _("Schrijf een antwoord of voeg een document toe "
                                          "(of allebei).")})
    te_laat = timezone.localdate() > verzoek.hersteltermijn_tot
    antwoord = Aanvulantwoord.objects.create(verzoek=verzoek, tekst=tekst, gegeven_door=door,
                                             te_laat=te_laat)
    documenten = []
    for soort, bestand, mime in bestanden:
        try:
            documenten.append(aanvraag_services.voeg_document_toe(
                aanvraag=aanvraag, soort=soort, bestand=bestand, mime=mime, actor=door))
        except aanvraag_services.AanvraagGesloten:
            raise _gesloten() from None
    antwoord.documenten.set(documenten)
    registreer_gebeurtenis(
        actor=door, obj=plan, actie=ACTIE, dossier_id=aanvraag.pk, reden=tekst,
        tekst_inwoner=_tekst_inwoner(len(documenten), te_laat),
        gegevens={"aanvulverzoek": verzoek.pk, "antwoord": antwoord.pk, "te_laat": te_laat,
                  # read by the consulent's plan page (loopbaangesprekken cannot import
                  # this stage) and the resident's timeline; cleared on anonymisation
                  "links": [{"label": f"{d.get_soort_display()}: {d.originele_naam}",
                             "url": reverse("aanvragen:document", kwargs={"pk": d.pk})}
                            for d in documenten]})
    return antwoord


def _tekst_inwoner(aantal: int, te_laat: bool) -> str:
    if aantal:
        tekst = ngettext("U heeft een aanvulling gestuurd met %(n)d document.",
                         "U heeft een aanvulling gestuurd met %(n)d documenten.",
                         aantal) % {"n": aantal}
    else:
        tekst = _("U heeft een aanvulling gestuurd.")
    tekst += " " + _("Uw consulent bekijkt haar en stuurt de aanvulling door naar gemeente "
                     "Enschede.")
    if te_laat:
        tekst += " " + _("De aanvulling kwam na de hersteltermijn. Zolang er nog geen besluit "
                         "is, kan gemeente Enschede haar nog meenemen (artikel 4:5 Awb).")
    return tekst
