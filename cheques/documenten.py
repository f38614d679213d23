"""The beschikking letter and the cheque as PDF, and the mails that announce them.

Idempotent: the rows are locked, a PDF is rendered only when none is stored, a mail is
sent only when none was recorded; a retry or a duplicate task therefore does nothing
that was already done.
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cheques import verificatie
from cheques.models import Beschikking, Cheque
from tfvv.events import registreer_gebeurtenis
from tfvv.mail import verstuur
from tfvv.opslag import atomic_met_bestanden
from tfvv.pdf import render_pdf
from tfvv.tekst import mailveilig
from tfvv.templatetags.bedragen import euro

ZENDER = gettext_lazy("College van burgemeester en wethouders van de gemeente Enschede")


def context(beschikking: Beschikking) -> dict:
    plan = beschikking.plan
    cheque = getattr(beschikking, "cheque", None)
    return {
        "beschikking": beschikking, "plan": plan, "aanvraag": plan.aanvraag, "cheque": cheque,
        "verificatiecode": (verificatie.opgemaakt(verificatie.code(
            nummer=cheque.nummer, zout=cheque.verificatiezout)) if cheque else ""),
        "zender": ZENDER,
        "controle_url": settings.SITE_URL + reverse("cheques:controleren"),
        "portaal_url": settings.SITE_URL + reverse("aanvragen:mijn-aanvraag"),
    }


def maak_documenten(*, beschikking_id: int) -> None:
    # a failing mail rolls the transaction back: the PDFs written in it go too (tfvv.opslag)
    with atomic_met_bestanden():
        beschikking = (Beschikking.objects.select_for_update(of=("self",))
                       .select_related("plan__aanvraag", "plan__opleider", "beoordelaar",
                                       "medeondertekenaar")
                       .get(pk=beschikking_id))
        if beschikking.status != Beschikking.Status.VERZONDEN:
            return
        cheque = (Cheque.objects.select_for_update(of=("self",)).select_related("opleider")
                  .filter(beschikking=beschikking).first())
        ctx = context(beschikking)
        if not beschikking.brief:
            pdf = render_pdf("cheques/pdf/beschikking.html", ctx)
            beschikking.brief.save(f"beschikking-{beschikking.pk}.pdf", ContentFile(pdf),
                                   save=False)
            beschikking.save(update_fields=["brief"])
        if cheque and not cheque.pdf:
            pdf = render_pdf("cheques/pdf/cheque.html", ctx)
            cheque.pdf.save(f"{cheque.nummer}.pdf", ContentFile(pdf), save=False)
            cheque.save(update_fields=["pdf"])
        if beschikking.mail_verzonden_op is None:
            _mail_inwoner(beschikking, cheque, ctx)
        if cheque and cheque.mail_verzonden_op is None:
            _mail_opleider(cheque, ctx)


def _mail_inwoner(beschikking: Beschikking, cheque: Cheque | None, ctx: dict):
    aanvraag = beschikking.plan.aanvraag
    links = [{"label": _("Beschikking (PDF)"),
              "url": reverse("cheques:beschikking-pdf", args=[beschikking.pk])}]
    if cheque:
        links.append({"label": _("Scholingscheque (PDF)"),
                      "url": reverse("cheques:cheque-pdf", args=[beschikking.pk])})
    links.append({"label": _("Bezwaar maken"), "url": reverse(
        "cheques:bezwaar-maken", kwargs={"pk": beschikking.pk})})
    verstuur(
        aan=[aanvraag.email],
        onderwerp=_("Besluit over uw aanvraag bij het Twents Fonds voor Vakmanschap"),
        tekst=_("Beste %(naam)s,\n\nEr is een besluit genomen over uw aanvraag %(ref)s "
                "(%(uitkomst)s). U vindt de beschikking%(cheque)s in uw persoonlijke omgeving:\n"
                "%(url)s\n\nMet vriendelijke groet,\nGemeente Enschede, namens het Twents Fonds "
                "voor Vakmanschap") % {
            "naam": mailveilig(aanvraag.voornaam), "ref": aanvraag.referentie,
            "uitkomst": beschikking.get_uitkomst_display(),
            "cheque": _(" en uw scholingscheque") if cheque else "",
            "url": ctx["portaal_url"]})
    beschikking.mail_verzonden_op = timezone.now()
    beschikking.save(update_fields=["mail_verzonden_op"])
    registreer_gebeurtenis(
        actor=None, obj=beschikking, actie="documenten_verzonden", dossier_id=aanvraag.pk,
        tekst_inwoner=_("Uw beschikking staat klaar om te downloaden."),
        gegevens={"links": links})


def voorletters(voornaam: str) -> str:
    return "".join(f"{deel[0].upper()}." for deel in voornaam.split() if deel)


def _mail_opleider(cheque: Cheque, ctx: dict):
    aanvraag, plan = ctx["aanvraag"], ctx["plan"]
    if cheque.opleider.email:
        verstuur(
            aan=[cheque.opleider.email],
            onderwerp=_("Scholingscheque %(nummer)s uitgegeven") % {"nummer": cheque.nummer},
            tekst=_("Geachte opleider,\n\nGemeente Enschede heeft namens het Twents Fonds "
                    "voor Vakmanschap een scholingscheque uitgegeven voor een opleiding bij "
                    "%(opleider)s.\n\nChequehouder: %(houder)s\nOpleiding: %(opleiding)s "
                    "(start %(start)s)\nChequenummer: %(nummer)s\nVerificatiecode: %(code)s\n"
                    "Bedrag: ten hoogste %(bedrag)s\nGeldig tot en met: %(tot)s\n\nControleer "
                    "de cheque op %(url)s.\n\nFactureren: stuur bij de start van de opleiding "
                    "één factuur op naam van gemeente Enschede, t.a.v. Twents Fonds voor "
                    "Vakmanschap, Postbus 20, 7500 AA Enschede, of als PDF aan %(factuuradres)s. "
                    "Vermeld het chequenummer en de naam van de chequehouder, en factureer niet "
                    "meer dan het bedrag van de cheque. Wij betalen de factuur als voorschot; na "
                    "afloop vragen wij u om het bewijs van afronding (diploma, certificaat of een "
                    "presentieverklaring van ten minste 80 %%).\n\nAl uw cheques, met hun "
                    "status en betalingen, ziet u in het opleidersportaal: %(portaal)s") % {
                "opleider": mailveilig(cheque.opleider.naam), "nummer": cheque.nummer,
                "houder": mailveilig(f"{voorletters(aanvraag.voornaam)} {aanvraag.achternaam}"),
                "opleiding": mailveilig(plan.opleiding_naam),
                "start": f"{plan.startdatum:%d-%m-%Y}",
                "code": ctx["verificatiecode"], "bedrag": euro(cheque.bedrag),
                "tot": f"{cheque.geldig_tot:%d-%m-%Y}", "url": ctx["controle_url"],
                "factuuradres": settings.FACTUUR_EMAIL,
                "portaal": settings.SITE_URL + reverse("cheques:opleider-cheques")})
    cheque.mail_verzonden_op = timezone.now()
    cheque.save(update_fields=["mail_verzonden_op"])
