"""The beschikking and cheque PDFs for the resident and staff, logged as AVG inzage."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from cheques.models import Beschikking
from cheques.permissions import mag_document_zien
from tfvv.events import registreer_inzage
from tfvv.roles import Rol


def _document(request, pk, *, cheque: bool):
    beschikking = get_object_or_404(
        Beschikking.objects.select_related("plan__aanvraag"), pk=pk)
    toegang = mag_document_zien(request.user, beschikking, cheque=cheque)
    if not toegang:
        user = request.user
        if not user.is_authenticated:
            # the links are the resident's (timeline, mail): their login page, where they
            # can ask for a new login link that brings them back here; it links staff on
            # to the staff login with the same `next`
            return redirect_to_login(request.get_full_path(), reverse("aanvragen:inloggen"))
        if user.is_medewerker and not user.is_verified():
            return redirect_to_login(request.get_full_path(),
                                     reverse("tfvv:inloggen-medewerker"))
        # another resident, or a consulent of the other loket (beschikking): as if it did
        # not exist, like every other record of someone else's case
        ander_loket = not cheque and user.heeft_rol(Rol.CONSULENT) and user.is_verified()
        if not user.is_medewerker or ander_loket:
            raise Http404
        raise PermissionDenied(toegang.reden)
    if cheque:
        bestand = beschikking.cheque.pdf if hasattr(beschikking, "cheque") else None
    else:
        bestand = beschikking.brief
    if not bestand:
        raise Http404(_("Het document is nog niet klaar."))
    aanvraag = beschikking.plan.aanvraag
    if request.user.pk != aanvraag.aanvrager_id:
        registreer_inzage(gebruiker=request.user, handeling="gedownload",
                          onderdeel="scholingscheque" if cheque else "beschikking",
                          dossier_id=aanvraag.pk, betrokkene_id=aanvraag.aanvrager_id,
                          pad=request.path)
    naam = (f"{beschikking.cheque.nummer}.pdf" if cheque
            else f"beschikking-{aanvraag.referentie}.pdf")
    return FileResponse(bestand.open("rb"), as_attachment=True, filename=naam,
                        content_type="application/pdf")


def beschikking_pdf(request, pk):
    return _document(request, pk, cheque=False)


def cheque_pdf(request, pk):
    return _document(request, pk, cheque=True)
