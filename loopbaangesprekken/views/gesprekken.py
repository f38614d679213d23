"""The case page of the consulent and its actions (every change is a POST with CSRF)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from aanvragen.documentverwijdering import verwijderbaar
from aanvragen.models import Aanvraag
from loopbaangesprekken import forms_gesprekken as forms
from loopbaangesprekken import permissions
from loopbaangesprekken.models import Gesprek
from loopbaangesprekken.selectors import gesprekken as selectors
from loopbaangesprekken.services import gesprekken as services
from tfvv.events import registreer_inzage
from tfvv.roles import Organisatie, Rol
from tfvv.views.base import RolVereistMixin

GESPREK_ACTIES = ("verplaatsen", "annuleren", "niet_verschenen", "vastleggen",
                  "niet_verschenen_herstellen")


def scholingsplan_url(aanvraag: Aanvraag) -> str | None:
    """The scholingsplan form of the other team, when it is installed."""
    if aanvraag.status != Aanvraag.Status.SCHOLINGSPLAN:
        return None
    try:
        return reverse("loopbaangesprekken:scholingsplan-nieuw",
                       kwargs={"aanvraag_id": aanvraag.pk})
    except NoReverseMatch:
        return None


def dossier_url(aanvraag: Aanvraag) -> str | None:
    """The whole dossier, a page of the cheques stage (reversed by name: this stage does
    not import a later one)."""
    try:
        return reverse("cheques:dossier", kwargs={"aanvraag_id": aanvraag.pk})
    except NoReverseMatch:
        return None


def naar_scholingsplan_of(antwoord, form, aanvraag: Aanvraag):
    """After the outcome 'scholingsplan opstellen' go to the plan form when it exists."""
    if form.cleaned_data["uitkomst"] == Gesprek.Uitkomst.SCHOLINGSPLAN:
        aanvraag.refresh_from_db()
        url = scholingsplan_url(aanvraag)
        if url:
            return redirect(url)
    return antwoord


class AanvraagView(RolVereistMixin, TemplateView):
    rollen = (Rol.CONSULENT,)
    template_name = "loopbaangesprekken/aanvraag.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        aanvraag = selectors.aanvraag_van(user, kwargs["pk"])
        if aanvraag is None:
            raise Http404
        registreer_inzage(gebruiker=user, handeling="bekeken", onderdeel="aanvraag (consulent)",
                          dossier_id=aanvraag.pk, betrokkene_id=aanvraag.aanvrager_id,
                          pad=self.request.path)
        lijst = selectors.gesprekken(aanvraag)
        for gesprek in lijst:
            gesprek.aanvraag = aanvraag
            gesprek.acties = {naam: bool(permissions.mag_gesprek_wijzigen(user, gesprek, naam))
                              for naam in GESPREK_ACTIES}
            gesprek.acties["verslag_corrigeren"] = bool(
                permissions.mag_verslag_corrigeren(user, gesprek))
        gepland = any(g.status == Gesprek.Status.GEPLAND for g in lijst)
        documenten = selectors.documenten(aanvraag)
        mag_toewijzen = permissions.mag_toewijzen(user, aanvraag)
        return super().get_context_data(
            aanvraag=aanvraag, gesprekken=lijst, tijdlijn=selectors.tijdlijn(aanvraag),
            mag_claimen=permissions.mag_claimen(user, aanvraag),
            mag_toewijzen=mag_toewijzen,
            toewijzen_form=(forms.ToewijzenForm(collegas=selectors.collegas(aanvraag.loket))
                            if mag_toewijzen else None),
            mag_overdragen=permissions.mag_overdragen(user, aanvraag,
                                                      heeft_gepland_gesprek=gepland),
            ander_loket=Organisatie(services.ander_loket(aanvraag.loket)).label,
            mag_plannen=permissions.mag_gesprek_plannen(user, aanvraag),
            mag_adres_controleren=permissions.mag_adres_controleren(user, aanvraag),
            scholingsplan_url=scholingsplan_url(aanvraag),
            dossier_url=dossier_url(aanvraag), documenten=documenten,
            verwijderbaar=verwijderbaar(user, aanvraag, documenten), **kwargs,
        )


class _NaRolcontrole:
    """Placed after RolVereistMixin: load the record of the URL only for a consulent."""

    def dispatch(self, request, *args, **kwargs):
        self.laad(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class _AanvraagActie(RolVereistMixin, _NaRolcontrole, FormView):
    """An action on a case: 404 outside the user's loketten, 403 (with the reason) when
    the action's predicate refuses; a valid form calls the service and returns to the case."""

    rollen = (Rol.CONSULENT,)
    template_name = "loopbaangesprekken/actie.html"
    titel = ""
    knop = ""
    melding = ""
    gesprek = None

    def laad(self, user, pk):
        self.aanvraag = selectors.aanvraag_van(user, pk)
        if self.aanvraag is None:
            raise Http404
        self._controleer(self.toegang(user))

    @staticmethod
    def _controleer(toegang):
        if not toegang:
            raise PermissionDenied(toegang.reden)

    def terug(self):
        return redirect("loopbaangesprekken:aanvraag", pk=self.aanvraag.pk)

    uitleg = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(aanvraag=self.aanvraag, gesprek=self.gesprek,
                                        titel=self.titel, knop=self.knop, uitleg=self.uitleg,
                                        **kwargs)

    def form_valid(self, form):
        self.uitvoeren(form.cleaned_data, form)
        messages.success(self.request, self.melding)
        return self.terug()


class _GesprekActie(_AanvraagActie):
    transitie = ""

    def laad(self, user, pk):
        self.gesprek = selectors.gesprek_van(user, pk)
        if self.gesprek is None:
            raise Http404
        self.aanvraag = self.gesprek.aanvraag
        self._controleer(self.toegang_gesprek(user))

    def toegang_gesprek(self, user):
        return permissions.mag_gesprek_wijzigen(user, self.gesprek, self.transitie)


class ClaimenView(_AanvraagActie):
    http_method_names = ["post"]

    def toegang(self, user):
        return permissions.mag_claimen(user, self.aanvraag)

    def post(self, request, *args, **kwargs):
        services.claim(aanvraag=self.aanvraag, actor=request.user)
        messages.success(request, _("U heeft deze aanvraag in behandeling genomen."))
        return self.terug()


class ToewijzenView(_AanvraagActie):
    form_class = forms.ToewijzenForm
    titel = _("Aanvraag toewijzen")
    knop = _("Toewijzen")
    melding = _("De aanvraag is toegewezen.")

    def toegang(self, user):
        return permissions.mag_toewijzen(user, self.aanvraag)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "collegas": selectors.collegas(self.aanvraag.loket)}

    def uitvoeren(self, data, form):
        services.wijs_toe(aanvraag=self.aanvraag, consulent=data["consulent"],
                          actor=self.request.user)


class OverdragenView(_AanvraagActie):
    form_class = forms.OverdragenForm
    knop = _("Overdragen")
    melding = _("De aanvraag is overgedragen aan het andere loket.")

    @property
    def titel(self):
        return _("Overdragen aan %(loket)s") % {
            "loket": Organisatie(services.ander_loket(self.aanvraag.loket)).label}

    def toegang(self, user):
        gepland = self.aanvraag.gesprekken.filter(status=Gesprek.Status.GEPLAND).exists()
        return permissions.mag_overdragen(user, self.aanvraag, heeft_gepland_gesprek=gepland)

    def uitvoeren(self, data, form):
        services.draag_over(aanvraag=self.aanvraag, actor=self.request.user, reden=data["reden"])

    def form_valid(self, form):
        super().form_valid(form)
        # the case now belongs to the other loket: back to the queue, not to a 404
        if permissions.mag_aanvraag_zien(self.request.user,
                                         Aanvraag.objects.get(pk=self.aanvraag.pk)):
            return self.terug()
        return redirect("loopbaangesprekken:werkvoorraad")


class AdrescontroleView(_AanvraagActie):
    form_class = forms.AdrescontroleForm
    titel = _("Adres controleren (grenspostcode)")
    knop = _("Uitkomst vastleggen")
    melding = _("De uitkomst van de adrescontrole is vastgelegd.")

    def toegang(self, user):
        return permissions.mag_adres_controleren(user, self.aanvraag)

    def uitvoeren(self, data, form):
        services.controleer_adres(aanvraag=self.aanvraag, actor=self.request.user,
                                  uitkomst=data["uitkomst"], toelichting=data["toelichting"])


class GesprekPlannenView(_AanvraagActie):
    form_class = forms.GesprekPlanForm
    titel = _("Gesprek plannen")
    knop = _("Plannen en uitnodiging versturen")
    melding = _("Het gesprek is gepland; de inwoner krijgt een uitnodiging per e-mail.")

    def toegang(self, user):
        return permissions.mag_gesprek_plannen(user, self.aanvraag)

    def uitvoeren(self, data, form):
        services.plan_gesprek(aanvraag=self.aanvraag, actor=self.request.user,
                              gepland_op=form.moment(), vorm=data["vorm"],
                              locatie=data["locatie"])


class GesprekVerplaatsenView(_GesprekActie):
    transitie = "verplaatsen"
    form_class = forms.GesprekVerplaatsForm
    titel = _("Gesprek verplaatsen")
    knop = _("Verplaatsen en inwoner informeren")
    melding = _("Het gesprek is verplaatst; de inwoner krijgt een nieuwe uitnodiging.")

    def get_initial(self):
        moment = timezone.localtime(self.gesprek.gepland_op)
        return {"datum": moment.date(), "tijd": moment.time(), "vorm": self.gesprek.vorm,
                "locatie": self.gesprek.locatie}

    def uitvoeren(self, data, form):
        services.verplaats_gesprek(gesprek=self.gesprek, actor=self.request.user,
                                   gepland_op=form.moment(), vorm=data["vorm"],
                                   locatie=data["locatie"], reden=data["reden"])


class GesprekAnnulerenView(_GesprekActie):
    transitie = "annuleren"
    form_class = forms.GesprekAnnuleerForm
    titel = _("Gesprek annuleren")
    knop = _("Annuleren en inwoner informeren")
    melding = _("Het gesprek is geannuleerd; de inwoner krijgt bericht.")

    def uitvoeren(self, data, form):
        services.annuleer_gesprek(gesprek=self.gesprek, actor=self.request.user,
                                  reden=data["reden"])


class GesprekNietVerschenenView(_GesprekActie):
    transitie = "niet_verschenen"
    form_class = forms.NietVerschenenForm
    titel = _("Niet verschenen registreren")
    knop = _("Niet verschenen registreren")
    melding = _("Geregistreerd dat de inwoner niet is verschenen.")

    def uitvoeren(self, data, form):
        services.registreer_niet_verschenen(gesprek=self.gesprek, actor=self.request.user,
                                            toelichting=data["toelichting"])


class GesprekRegistrerenView(_AanvraagActie):
    form_class = forms.GesprekRegistrerenForm
    titel = _("Gevoerd gesprek zonder afspraak vastleggen")
    knop = _("Gesprek vastleggen")
    melding = _("Het gesprek is vastgelegd.")

    def toegang(self, user):
        return permissions.mag_gesprek_plannen(user, self.aanvraag)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "aanvraag": self.aanvraag}

    def get_initial(self):
        nu = timezone.localtime()
        return {"datum": nu.date(), "tijd": nu.time().replace(second=0, microsecond=0)}

    def uitvoeren(self, data, form):
        services.registreer_gevoerd_gesprek(
            aanvraag=self.aanvraag, actor=self.request.user, vorm=data["vorm"],
            locatie=data["locatie"], gevoerd_op=form.moment(),
            duur_minuten=data["duur_minuten"], onderwerpen=data["onderwerpen"],
            verslag=data["verslag"], uitkomst=data["uitkomst"],
            doorverwezen_naar=data["doorverwezen_naar"], toelichting=data["toelichting"],
        )

    def form_valid(self, form):
        return naar_scholingsplan_of(super().form_valid(form), form, self.aanvraag)


class GesprekVastleggenView(_GesprekActie):
    transitie = "vastleggen"
    form_class = forms.GesprekVastleggenForm
    titel = _("Gesprek vastleggen")
    knop = _("Gesprek vastleggen")
    melding = _("Het gesprek is vastgelegd.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "aanvraag": self.aanvraag}

    def get_initial(self):
        moment = timezone.localtime(self.gesprek.gepland_op)
        return {"datum": moment.date(), "tijd": moment.time(), "duur_minuten": 60}

    def uitvoeren(self, data, form):
        services.leg_gesprek_vast(
            gesprek=self.gesprek, actor=self.request.user, gevoerd_op=form.moment(),
            duur_minuten=data["duur_minuten"], onderwerpen=data["onderwerpen"],
            verslag=data["verslag"], uitkomst=data["uitkomst"],
            doorverwezen_naar=data["doorverwezen_naar"], toelichting=data["toelichting"],
        )

    def form_valid(self, form):
        return naar_scholingsplan_of(super().form_valid(form), form, self.aanvraag)
