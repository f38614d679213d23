"""The letter of a decision after the grant (Vervolgbesluit) as PDF, and the mail that
announces it. Idempotent like `cheques.documenten`: the row is locked, the PDF rendered
only when none is stored, the mail sent only when none was recorded."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques.documenten import ZENDER
from cheques.models import Vervolgbesluit
from tfvv.events import registreer_gebeurtenis
from tfvv.pdf import render_pdf


def context(besluit: Vervolgbesluit) -> dict:
    plan = besluit.beschikking.plan
    return {"besluit": besluit, "beschikking": besluit.beschikking, "cheque": besluit.cheque,
            "plan": plan, "aanvraag": plan.aanvraag, "zender": ZENDER,
            "portaal_url": settings.SITE_URL + reverse("aanvragen:mijn-aanvraag")}


def sjabloon(besluit: Vervolgbesluit) -> str:
    return f"cheques/pdf/besluit/{besluit.soort}.html"


def maak_brief(*, besluit_id: int) -> None:
    with transaction.atomic():
        besluit = (Vervolgbesluit.objects.select_for_update(of=("self",))
                   .select_related("beschikking__plan__aanvraag", "beschikking__plan__opleider",
                                   "cheque", "genomen_door")
                   .get(pk=besluit_id))
        ctx = context(besluit)
        if not besluit.brief:
            pdf = render_pdf(sjabloon(besluit), ctx)
            besluit.brief.save(f"{besluit.soort}-{besluit.pk}.pdf", ContentFile(pdf),
                               save=False)
            besluit.save(update_fields=["brief"])
        if besluit.mail_verzonden_op is None:
            _mail_inwoner(besluit, ctx)


def _mail_inwoner(besluit: Vervolgbesluit, ctx: dict):
    aanvraag = ctx["aanvraag"]
    gegevens = {"naam": aanvraag.voornaam, "ref": aanvraag.referentie,
                "soort": besluit.get_soort_display(), "url": ctx["portaal_url"]}
    if besluit.is_besluit:
        onderwerp = _("Besluit over uw scholingscheque bij het Twents Fonds voor Vakmanschap")
        tekst = _("Beste %(naam)s,\n\nEr is een besluit genomen over uw aanvraag %(ref)s "
                  "(%(soort)s). U vindt de brief in uw persoonlijke omgeving:\n%(url)s\n\n"
                  "Met vriendelijke groet,\nGemeente Enschede, namens het Twents Fonds voor "
                  "Vakmanschap") % gegevens
    else:
        onderwerp = _("Brief over uw scholingscheque bij het Twents Fonds voor Vakmanschap")
        tekst = _("Beste %(naam)s,\n\nWij hebben u een brief gestuurd over uw aanvraag "
                  "%(ref)s (%(soort)s). U vindt de brief in uw persoonlijke omgeving:\n"
                  "%(url)s\n\nMet vriendelijke groet,\nGemeente Enschede, namens het Twents "
                  "Fonds voor Vakmanschap") % gegevens
    send_mail(onderwerp, tekst, None, [aanvraag.email])
    besluit.mail_verzonden_op = timezone.now()
    besluit.save(update_fields=["mail_verzonden_op"])
    registreer_gebeurtenis(
        actor=None, obj=besluit, actie="documenten_verzonden", dossier_id=aanvraag.pk,
        tekst_inwoner=_("De brief over het besluit staat klaar om te downloaden."),
        gegevens={"links": [{"label": _("Brief (PDF)"),
                             "url": reverse("cheques:besluit-pdf", args=[besluit.pk])},
                            # a toekenning after a gegrond bezwaar comes with its cheque
                            *([{"label": _("Scholingscheque (PDF)"), "url": reverse(
                                "cheques:cheque-pdf", args=[besluit.beschikking_id])}]
                              if (besluit.gegevens.get("gevolgen") or {}).get("soort")
                              == "toekenning" else []),
                            *([{"label": _("Bezwaar maken"), "url": reverse(
                                "cheques:bezwaar-maken-besluit", args=[besluit.pk])}]
                              if besluit.bezwaartermijn_tot else [])]})
