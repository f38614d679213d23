"""Corrections on the case page: undo a wrong 'niet verschenen', correct a verslag (earlier
versions kept), remove a document uploaded by mistake. Each needs a reason and writes an
event."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from aanvragen import documentgebruik
from aanvragen.documentverwijdering import verwijder_document
from aanvragen.forms import DocumentVerwijderenForm
from aanvragen.permissions import mag_document_verwijderen
from loopbaangesprekken import forms_gesprekken as forms
from loopbaangesprekken import permissions
from loopbaangesprekken.selectors import gesprekken as selectors
from loopbaangesprekken.services import gesprekken as services
from loopbaangesprekken.views.gesprekken import _AanvraagActie, _GesprekActie
from tfvv.events import registreer_inzage
from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin


class GesprekNietVerschenenHerstellenView(_GesprekActie):
    transitie = "niet_verschenen_herstellen"
    form_class = forms.NietVerschenenHerstellenForm
    titel = _("Registratie 'niet verschenen' herstellen")
    knop = _("Herstellen")
    melding = _("De registratie 'niet verschenen' is hersteld; het gesprek staat weer gepland.")

    def uitvoeren(self, data, form):
        services.herstel_niet_verschenen(gesprek=self.gesprek, actor=self.request.user,
                                         reden=data["reden"])


class VerslagCorrigerenView(_GesprekActie):
    """A new version of the verslag; the earlier ones stay (VerslagversiesView)."""

    form_class = forms.VerslagCorrigerenForm
    titel = _("Verslag corrigeren")
    knop = _("Correctie opslaan")
    melding = _("Het verslag is gecorrigeerd; de vorige versie is bewaard.")

    def toegang_gesprek(self, user):
        return permissions.mag_verslag_corrigeren(user, self.gesprek)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "huidig": self.gesprek.verslag}

    def get_initial(self):
        return {"verslag": self.gesprek.verslag}

    def uitvoeren(self, data, form):
        services.corrigeer_verslag(gesprek=self.gesprek, actor=self.request.user,
                                   verslag=data["verslag"], reden=data["reden"])


class VerslagversiesView(RolVereistMixin, TemplateView):
    """The current verslag of a gesprek and every earlier version, newest first."""

    rollen = (Rol.CONSULENT,)
    template_name = "loopbaangesprekken/verslagversies.html"

    def get_context_data(self, **kwargs):
        gesprek = selectors.gesprek_van(self.request.user, kwargs["pk"])
        if gesprek is None:
            raise Http404
        registreer_inzage(gebruiker=self.request.user, handeling="bekeken",
                          onderdeel="verslag (eerdere versies)", dossier_id=gesprek.aanvraag_id,
                          betrokkene_id=gesprek.aanvraag.aanvrager_id, pad=self.request.path)
        return super().get_context_data(gesprek=gesprek, aanvraag=gesprek.aanvraag,
                                        versies=selectors.verslagversies(gesprek), **kwargs)


class DocumentVerwijderenView(_AanvraagActie):
    """Remove a document uploaded on the case by mistake (by the resident or a consulent)."""

    form_class = DocumentVerwijderenForm
    titel = _("Document verwijderen")
    knop = _("Document verwijderen")
    melding = _("Het document is verwijderd; naam, soort en reden staan in de tijdlijn.")

    def laad(self, user, pk):
        self.document = selectors.document_van(user, pk)
        if self.document is None:
            raise Http404
        self.aanvraag = self.document.aanvraag
        self._controleer(mag_document_verwijderen(
            user, self.document, vastgelegd_tot=documentgebruik.vastgelegd_tot(self.aanvraag)))

    @property
    def uitleg(self):
        return _("U verwijdert %(soort)s ‘%(naam)s’. Het bestand wordt gewist; dat kan niet "
                 "ongedaan worden gemaakt.") % {"soort": self.document.get_soort_display(),
                                                 "naam": self.document.originele_naam}

    def uitvoeren(self, data, form):
        verwijder_document(document=self.document, actor=self.request.user,
                           reden=data["reden"])
