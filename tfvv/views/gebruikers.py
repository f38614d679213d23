"""Staff accounts for the functioneel beheerder (never residents, never superusers)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from tfvv import gebruikersbeheer, vierogen
from tfvv.forms import VerseCodeForm
from tfvv.forms_beheer import MedewerkerForm, RollenForm, ToelichtingCodeForm
from tfvv.roles import Rol
from tfvv.views.base import RolVereistMixin
from tfvv.views.vierogen import StapFormView

QR_SLEUTEL = "tfvv_toon_qr"
WACHTWOORD_SLEUTEL = "tfvv_eenmalig_wachtwoord"


class GebruikersView(RolVereistMixin, TemplateView):
    rollen = (Rol.BEHEERDER,)
    template_name = "tfvv/gebruikers.html"

    def get_context_data(self, **kwargs):
        gebruikers = list(gebruikersbeheer.medewerkers())
        for g in gebruikers:
            g.rollen_tekst = gebruikersbeheer.rol_labels(gebruikersbeheer.rollen_van(g))
        return super().get_context_data(gebruikers=gebruikers, **kwargs)


class MedewerkerMixin:
    rollen = (Rol.BEHEERDER,)

    def medewerker(self):
        if not hasattr(self, "_medewerker"):
            self._medewerker = get_object_or_404(gebruikersbeheer.medewerkers(),
                                                 pk=self.kwargs["pk"])
        return self._medewerker

    def terug_url(self):
        return reverse("tfvv:gebruiker", kwargs={"pk": self.medewerker().pk})


class GebruikerView(MedewerkerMixin, RolVereistMixin, TemplateView):
    template_name = "tfvv/gebruiker.html"

    def get_context_data(self, **kwargs):
        m = self.medewerker()
        sleutel = f"gebruiker:{m.pk}"
        return super().get_context_data(
            medewerker=m, rollen_tekst=gebruikersbeheer.rol_labels(gebruikersbeheer.rollen_van(m)),
            open_rollen=vierogen.open_verzoek(gebruikersbeheer.SOORT_ROLLEN, sleutel),
            open_factor=vierogen.open_verzoek(gebruikersbeheer.SOORT_TWEEDE_FACTOR, sleutel),
            is_zelf=m.pk == self.request.user.pk, **kwargs)


class MedewerkerNieuwView(StapFormView):
    rollen = (Rol.BEHEERDER,)
    form_class = MedewerkerForm
    titel = gettext_lazy("Nieuwe medewerker")
    uitleg = gettext_lazy("U maakt een account met een eenmalig wachtwoord en een tweede factor. "
                          "De rollen gelden pas als een tweede beheerder ze goedkeurt.")
    knop = gettext_lazy("Account maken")

    def terug_url(self):
        return reverse("tfvv:gebruikers")

    def voer_uit(self, form):
        d = form.cleaned_data
        gebruiker, wachtwoord = gebruikersbeheer.maak_medewerker(
            actor=self.request.user, code=d["code"], username=d["username"],
            voornaam=d["voornaam"], achternaam=d["achternaam"], email=d["email"],
            organisatie=d["organisatie"], rollen=d["rollen"])
        self.request.session[QR_SLEUTEL] = gebruiker.pk
        self.request.session[WACHTWOORD_SLEUTEL] = wachtwoord
        return redirect("tfvv:gebruiker-qr", pk=gebruiker.pk)


class QrView(MedewerkerMixin, RolVereistMixin, TemplateView):
    """The new second factor (and first password), shown once right after it was made."""

    template_name = "tfvv/gebruiker_qr.html"

    def get(self, request, *args, **kwargs):
        m = self.medewerker()
        if request.session.get(QR_SLEUTEL) != m.pk:
            messages.info(request, _("De QR-code wordt maar één keer getoond. Vraag zo nodig "
                                     "een nieuwe tweede factor aan."))
            return redirect(self.terug_url())
        del request.session[QR_SLEUTEL]
        apparaat = m.totpdevice_set.get()
        return self.render_to_response(self.get_context_data(
            medewerker=m, qr=gebruikersbeheer.otpauth_qr_svg(apparaat),
            wachtwoord=request.session.pop(WACHTWOORD_SLEUTEL, "")))


class RollenView(MedewerkerMixin, StapFormView):
    form_class = RollenForm
    titel = gettext_lazy("Rollen wijzigen")
    knop = gettext_lazy("Wijziging aanvragen")

    def get_initial(self):
        return {"rollen": gebruikersbeheer.rollen_van(self.medewerker())}

    def get_context_data(self, **kwargs):
        m = self.medewerker()
        return super().get_context_data(uitleg=_(
            "Nieuwe rollen voor %(naam)s. Een tweede beheerder moet de wijziging goedkeuren.")
            % {"naam": m.get_full_name() or m.username}, **kwargs)

    def voer_uit(self, form):
        gebruikersbeheer.vraag_rollen_aan(
            actor=self.request.user, code=form.cleaned_data["code"], gebruiker=self.medewerker(),
            rollen=form.cleaned_data["rollen"], toelichting=form.cleaned_data["toelichting"])
        messages.success(self.request, _("Aangevraagd. Een tweede beheerder moet de wijziging "
                                         "nu goedkeuren."))


class TweedeFactorView(MedewerkerMixin, StapFormView):
    form_class = ToelichtingCodeForm
    titel = gettext_lazy("Nieuwe tweede factor aanvragen")
    uitleg = gettext_lazy("Bijvoorbeeld bij een verloren telefoon. De oude code werkt niet meer "
                          "zodra een tweede beheerder de aanvraag goedkeurt; die beheerder ziet "
                          "dan de nieuwe QR-code.")
    knop = gettext_lazy("Aanvragen")

    def voer_uit(self, form):
        gebruikersbeheer.vraag_nieuwe_tweede_factor_aan(
            actor=self.request.user, code=form.cleaned_data["code"], gebruiker=self.medewerker(),
            toelichting=form.cleaned_data["toelichting"])
        messages.success(self.request, _("Aangevraagd. Een tweede beheerder moet het nu "
                                         "goedkeuren."))


class UitzettenView(MedewerkerMixin, StapFormView):
    form_class = VerseCodeForm
    titel = gettext_lazy("Account uitzetten")
    uitleg = gettext_lazy("De medewerker kan daarna niet meer inloggen. Gegevens en "
                          "gebeurtenissen blijven bewaard.")
    knop = gettext_lazy("Account uitzetten")

    def voer_uit(self, form):
        gebruikersbeheer.deactiveer(actor=self.request.user, code=form.cleaned_data["code"],
                                    gebruiker=self.medewerker())
        messages.success(self.request, _("Het account is uitgezet."))
