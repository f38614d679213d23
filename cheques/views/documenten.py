"""The beschikking, cheque and decision-letter PDFs for the resident and staff, logged as
AVG inzage."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from cheques.models import Beschikking, Vervolgbesluit
from cheques.permissions import mag_document_zien
from tfvv.events import registreer_inzage
from tfvv.roles import Rol


def _weiger(request, toegang, *, cheque: bool):
    user = request.user
    if not user.is_authenticated:
        # the links are the resident's (timeline, mail): their login page, where they
        # can ask for a new login link that brings them back here; it links staff on
        # to the staff login with the same `next`
        return redirect_to_login(request.get_full_path(), reverse("aanvragen:inloggen"))
    if user.is_medewerker and not user.is_verified():
        return redirect_to_login(request.get_full_path(), reverse("tfvv:inloggen-medewerker"))
    # another resident, or a consulent of the other loket (letters): as if it did
    # not exist, like every other record of someone else's case
    ander_loket = not cheque and user.heeft_rol(Rol.CONSULENT) and user.is_verified()
    if not user.is_medewerker or ander_loket:
        raise Http404
    raise PermissionDenied(toegang.reden)


def _lever(request, beschikking: Beschikking, bestand, *, cheque: bool, onderdeel: str,
           naam: str):
    toegang = mag_document_zien(request.user, beschikking, cheque=cheque)
    if not toegang:
        return _weiger(request, toegang, cheque=cheque)
    if not bestand:
        raise Http404(_("Het document is nog niet klaar."))
    aanvraag = beschikking.plan.aanvraag
    if request.user.pk != aanvraag.aanvrager_id:
        registreer_inzage(gebruiker=request.user, handeling="gedownload", onderdeel=onderdeel,
                          dossier_id=aanvraag.pk, betrokkene_id=aanvraag.aanvrager_id,
                          pad=request.path)
    return FileResponse(bestand.open("rb"), as_attachment=True, filename=naam,
                        content_type="application/pdf")


def beschikking_pdf(request, pk):
    beschikking = get_object_or_404(Beschikking.objects.select_related("plan__aanvraag"), pk=pk)
    return _lever(request, beschikking, beschikking.brief, cheque=False,
                  onderdeel="beschikking",
                  naam=f"beschikking-{beschikking.plan.aanvraag.referentie}.pdf")


def cheque_pdf(request, pk):
    beschikking = get_object_or_404(Beschikking.objects.select_related("plan__aanvraag"), pk=pk)
    cheque = getattr(beschikking, "cheque", None)
    return _lever(request, beschikking, cheque.pdf if cheque else None, cheque=True,
                  onderdeel="scholingscheque", naam=f"{cheque.nummer if cheque else pk}.pdf")


def besluit_pdf(request, pk):
    besluit = get_object_or_404(
        Vervolgbesluit.objects.select_related("beschikking__plan__aanvraag"), pk=pk)
    return _lever(request, besluit.beschikking, besluit.brief, cheque=False,
                  onderdeel=str(besluit.get_soort_display()),
                  naam=f"{besluit.soort}-{besluit.beschikking.plan.aanvraag.referentie}.pdf")
