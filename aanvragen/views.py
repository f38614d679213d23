"""Views of the aanmelding and the resident portal: parse, call a service, render."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from aanvragen import inwoneraccount, portaal, selectors, services
from aanvragen.documentverwijdering import verwijderbaar
from aanvragen.forms import (
    AanmeldForm,
    ContactgegevensForm,
    DocumentForm,
    InloglinkForm,
    IntrekkenForm,
    WijzigingForm,
)
from aanvragen.models import Aanvraag, Document
from aanvragen.permissions import is_eigenaar, mag_aanvraag_zien
from aanvragen.workflow import aanvraag_statusmachine
from tfvv import ratelimit
from tfvv.events import registreer_inzage
from tfvv.roles import Organisatie, Rol
from tfvv.views.base import RolVereistMixin

HONEYPOT = "website"
# The confirmation page reads what it shows from a short-lived signed cookie: an anonymous
# visitor then never gets a database session (4 statements less per submission). The
# cookie holds only the loket the form leads to: no e-mail address, no reference, and the
# same for a new aanmelding and for an address that already has an open aanvraag.
ONTVANGEN_COOKIE = "tfvv_ontvangen"
ONTVANGEN_SALT = "aanvragen.ontvangen"
ONTVANGEN_SECONDEN = 3600


def _binnen_limiet(naam: str, sleutel: str) -> bool:
    limiet, venster = getattr(settings, naam)
    return ratelimit.toegestaan(naam, sleutel, limiet=limiet, venster=venster)


# --- the public form --------------------------------------------------------------------


_LEGE_FORMULIEREN: dict[str, str] = {}


def _leeg_formulier() -> str:
    """The unbound aanmeldformulier's fields as HTML, rendered once per process and language:
    identical for every visitor (the CSRF token is outside it), and the opening rush GETs
    it thousands of times. Not kept with DEBUG on, so template edits show at once."""
    taal = get_language() or ""
    html = _LEGE_FORMULIEREN.get(taal)
    if html is None:
        html = render_to_string("aanvragen/aanmelden_velden.html", {"form": AanmeldForm()})
        if not settings.DEBUG:
            _LEGE_FORMULIEREN[taal] = html
    return html


class AanmeldenView(View):
    template_name = "aanvragen/aanmelden.html"

    def get(self, request):
        return render(request, self.template_name, {"leeg_formulier": _leeg_formulier()})

    def post(self, request):
        if request.POST.get(HONEYPOT):
            # a robot filled in the invisible field: answer politely, store nothing
            return _naar_ontvangen({})
        form = AanmeldForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        if not (_binnen_limiet("TFVV_LIMIET_AANMELDEN_IP", ratelimit.ip_adres(request))
                and _binnen_limiet("TFVV_LIMIET_AANMELDEN_EMAIL", form.cleaned_data["email"])):
            form.add_error(None, _("Er zijn vanaf dit adres of voor dit e-mailadres veel "
                                   "aanmeldingen gedaan. Probeer het over een uur opnieuw, of "
                                   "bel ons als het niet lukt."))
            return render(request, self.template_name, {"form": form}, status=429)
        oordeel = form.postcodeoordeel
        resultaat = services.dien_aanmelding_in(
            gegevens=form.cleaned_data, gemeente=oordeel.gemeente,
            postcodecontrole=oordeel.controle)
        # the same answer whether or not this address has an open aanvraag: the mail to
        # the address tells its owner which it was
        return _naar_ontvangen({"loket": resultaat.loket})


def _naar_ontvangen(ontvangen: dict) -> HttpResponse:
    antwoord = redirect("aanvragen:ontvangen")
    antwoord.set_cookie(
        ONTVANGEN_COOKIE, signing.dumps(ontvangen, salt=ONTVANGEN_SALT),
        max_age=ONTVANGEN_SECONDEN, path=reverse("aanvragen:ontvangen"), httponly=True,
        secure=settings.SESSION_COOKIE_SECURE, samesite="Lax")
    return antwoord


def ontvangen(request):
    try:
        gegevens = signing.loads(request.COOKIES[ONTVANGEN_COOKIE], salt=ONTVANGEN_SALT,
                                 max_age=ONTVANGEN_SECONDEN)
    except (KeyError, signing.BadSignature):
        return redirect("aanvragen:aanmelden")
    loket = gegevens.get("loket") if isinstance(gegevens, dict) else None
    return render(request, "aanvragen/ontvangen.html", {
        "loket": Organisatie(loket).label if loket in Organisatie.values else None})


# --- logging in with a link ---------------------------------------------------------------


def _terug_naar(request) -> str:
    """`?next=`: the page on this site to return to after logging in (a resident who
    opened a document link while logged out is sent here with it), or ""."""
    volgende = request.GET.get("next", "")
    if (volgende.startswith("/") and len(volgende) <= 500
            and url_has_allowed_host_and_scheme(volgende, allowed_hosts=None)):
        return volgende
    return ""


class InloggenView(View):
    """Ask for a new login link. The answer never tells whether the address is known.
    A `?next=` page (kept by the form, which posts to this URL) goes into the link."""

    template_name = "aanvragen/inloggen.html"

    def toon(self, request, form, status=200):
        # a staff member who opened a document link logs in on the staff page instead
        return render(request, self.template_name,
                      {"form": form, "terug_naar": _terug_naar(request)}, status=status)

    def get(self, request):
        return self.toon(request, InloglinkForm())

    def post(self, request):
        form = InloglinkForm(request.POST)
        if not form.is_valid():
            return self.toon(request, form)
        if not _binnen_limiet("TFVV_LIMIET_INLOGLINK_IP", ratelimit.ip_adres(request)):
            form.add_error(None, _("U heeft vaak een inloglink aangevraagd. Probeer het over "
                                   "een uur opnieuw."))
            return self.toon(request, form, status=429)
        email = form.cleaned_data["email"]
        # per address: silently send nothing more, so the answer stays the same
        if _binnen_limiet("TFVV_LIMIET_INLOGLINK_EMAIL", email):
            services.vraag_inloglink_aan(email=email, terug_naar=_terug_naar(request))
        return redirect("aanvragen:link-verstuurd")


def link_verstuurd(request):
    return render(request, "aanvragen/link_verstuurd.html",
                  {"uren": settings.TFVV_INLOGLINK_UREN})


@method_decorator(never_cache, name="dispatch")
class InloglinkView(View):
    """GET shows a button, POST uses the link: mail scanners that open links do not spend it.
    After login the resident goes to the link's `?next=` page, else to Mijn aanvraag."""

    template_name = "aanvragen/inloglink.html"

    def get(self, request, token):
        return render(request, self.template_name)

    def post(self, request, token):
        gebruiker = authenticate(request, inloglink_token=token)
        if gebruiker is None:
            return render(request, "aanvragen/inloglink_ongeldig.html",
                          {"form": InloglinkForm(), "terug_naar": _terug_naar(request)},
                          status=410)
        # the link proved control of the address: this aanmelding may now join the account
        # that proved the same address before (aanvragen.inwoneraccount)
        gebruiker = inwoneraccount.koppel_na_bewijs(gebruiker=gebruiker)
        login(request, gebruiker, backend="aanvragen.auth.InlogLinkBackend")
        return redirect(_terug_naar(request) or "aanvragen:mijn-aanvraag")


# --- Mijn aanvraag ------------------------------------------------------------------------


class InwonerMixin(RolVereistMixin):
    rollen = (Rol.INWONER,)

    def aanvraag(self):
        return selectors.aanvraag_van_inwoner(self.request.user, self.kwargs["pk"])


class MijnAanvraagView(InwonerMixin, View):
    def get(self, request):
        aanvragen = selectors.aanvragen_van(request.user)
        if len(aanvragen) == 1:
            return redirect("aanvragen:aanvraag", pk=aanvragen[0].pk)
        return render(request, "aanvragen/mijn_aanvraag.html", {"aanvragen": aanvragen})


class AanvraagView(InwonerMixin, View):
    def get(self, request, pk):
        aanvraag = self.aanvraag()
        return render(request, "aanvragen/aanvraag.html", {
            "aanvraag": aanvraag,
            "tijdlijn": selectors.tijdlijn(aanvraag),
            "taken": portaal.taken(aanvraag),
            "documenten": selectors.documenten_van(aanvraag),
            "kan_intrekken": aanvraag_statusmachine.toegestaan(aanvraag, "intrekken"),
            "kan_wijzigen": aanvraag.status == Aanvraag.Status.TOEGEKEND,
        })


class DocumentenView(InwonerMixin, View):
    template_name = "aanvragen/documenten.html"

    def _render(self, aanvraag, form, status=200):
        documenten = selectors.documenten_van(aanvraag)
        return render(self.request, self.template_name, {
            "aanvraag": aanvraag, "form": form, "documenten": documenten,
            "verwijderbaar": verwijderbaar(self.request.user, aanvraag, documenten)},
            status=status)

    def get(self, request, pk):
        return self._render(self.aanvraag(), DocumentForm())

    def post(self, request, pk):
        aanvraag = self.aanvraag()
        form = DocumentForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(aanvraag, form)
        try:
            services.voeg_document_toe(aanvraag=aanvraag, soort=form.cleaned_data["soort"],
                                       bestand=form.cleaned_data["bestand"], mime=form.mime,
                                       actor=request.user)
        except services.AanvraagGesloten:
            form.add_error(None, _("Uw aanvraag is afgesloten. U kunt geen documenten meer "
                                   "toevoegen."))
            return self._render(aanvraag, form, status=409)
        messages.success(request, _("Uw document is toegevoegd."))
        return redirect("aanvragen:documenten", pk=aanvraag.pk)


class IntrekkenView(InwonerMixin, View):
    template_name = "aanvragen/intrekken.html"

    def get(self, request, pk):
        return render(request, self.template_name,
                      {"aanvraag": self.aanvraag(), "form": IntrekkenForm()})

    def post(self, request, pk):
        aanvraag = self.aanvraag()
        form = IntrekkenForm(request.POST)
        if not aanvraag_statusmachine.toegestaan(aanvraag, "intrekken"):
            messages.info(request, _("Deze aanvraag is al afgesloten."))
            return redirect("aanvragen:aanvraag", pk=aanvraag.pk)
        if not form.is_valid():
            return render(request, self.template_name, {"aanvraag": aanvraag, "form": form})
        services.trek_in(aanvraag=aanvraag, actor=request.user)
        messages.success(request, _("Uw aanvraag is ingetrokken."))
        return redirect("aanvragen:aanvraag", pk=aanvraag.pk)


class WijzigingView(InwonerMixin, View):
    """After the grant: ask to change the opleiding, the dates or the amount."""

    template_name = "aanvragen/wijziging.html"

    def get(self, request, pk):
        return render(request, self.template_name,
                      {"aanvraag": self.aanvraag(), "form": WijzigingForm()})

    def post(self, request, pk):
        aanvraag = self.aanvraag()
        form = WijzigingForm(request.POST)
        if form.is_valid():
            try:
                services.vraag_wijziging(aanvraag=aanvraag, actor=request.user,
                                         **form.cleaned_data)
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, _("Uw verzoek om wijziging is verstuurd."))
                return redirect("aanvragen:aanvraag", pk=aanvraag.pk)
        return render(request, self.template_name, {"aanvraag": aanvraag, "form": form},
                      status=400)


class ContactgegevensView(InwonerMixin, View):
    """Phone number at once; a new e-mail address after the new address confirms it."""

    template_name = "aanvragen/contactgegevens.html"

    def _render(self, request, form):
        return render(request, self.template_name, {
            "form": form,
            "wachtend": selectors.openstaande_emailwijziging(request.user)})

    def get(self, request):
        laatste = next(iter(selectors.aanvragen_van(request.user)), None)
        form = ContactgegevensForm(initial={"email": request.user.email,
                                            "telefoon": laatste.telefoon if laatste else ""})
        return self._render(request, form)

    def post(self, request):
        form = ContactgegevensForm(request.POST)
        if not form.is_valid():
            return self._render(request, form)
        if services.wijzig_contactgegevens(gebruiker=request.user, **form.cleaned_data):
            messages.info(request, _(
                "We hebben een e-mail met een bevestigingslink gestuurd naar %(email)s. Uw "
                "e-mailadres verandert pas als u die link gebruikt. Tot dan sturen we "
                "berichten naar %(oud)s.") % {"email": form.cleaned_data["email"],
                                              "oud": request.user.email})
        else:
            messages.success(request, _("Uw contactgegevens zijn opgeslagen."))
        return redirect("aanvragen:mijn-aanvraag")


@method_decorator(never_cache, name="dispatch")
class EmailadresBevestigenView(InwonerMixin, View):
    """The link mailed to a new address, used by the logged-in resident who asked for it
    (a visitor logs in first and comes back here). GET shows a button, POST confirms: mail
    scanners that open links do not spend it."""

    template_name = "aanvragen/emailadres_bevestigen.html"

    def ongeldig(self):
        # 404 like every other record of another resident; the page explains in Dutch
        return render(self.request, self.template_name, {"ongeldig": True}, status=404)

    def get(self, request, token):
        if selectors.emailwijziging_met_link(request.user, token) is None:
            return self.ongeldig()
        return render(request, self.template_name)

    def post(self, request, token):
        try:
            inwoneraccount.bevestig_emailwijziging(token=token, gebruiker=request.user)
        except inwoneraccount.LinkOngeldig:
            return self.ongeldig()
        except inwoneraccount.EmailInGebruik:
            return render(request, self.template_name, {"in_gebruik": True}, status=409)
        return render(request, self.template_name, {"bevestigd": True})


class MijnGegevensView(InwonerMixin, View):
    """AVG inzage: everything held about the resident, as a JSON file."""

    def get(self, request):
        inhoud = json.dumps(selectors.inzage_export(request.user), ensure_ascii=False,
                            indent=2, default=str)
        naam = f"mijn-gegevens-twents-fonds-{timezone.localdate():%Y-%m-%d}.json"
        return HttpResponse(inhoud, content_type="application/json; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{naam}"'})


# --- documents: resident owner and staff who may see the case ------------------------------


def document_downloaden(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("aanvragen:inloggen"))
    document = Document.objects.select_related("aanvraag").filter(pk=pk).first()
    if document is None:
        raise Http404
    aanvraag = document.aanvraag
    toegang = mag_aanvraag_zien(request.user, aanvraag)
    if not toegang:
        # a verified consulent refused here works at the other loket: like a resident,
        # they never learn that the document exists
        ander_loket = request.user.heeft_rol(Rol.CONSULENT) and request.user.is_verified()
        if request.user.is_medewerker and not ander_loket:
            raise PermissionDenied(toegang.reden)
        raise Http404
    if not is_eigenaar(request.user, aanvraag):
        registreer_inzage(gebruiker=request.user, handeling="gedownload",
                          onderdeel=f"document {document.get_soort_display()}",
                          dossier_id=aanvraag.pk, betrokkene_id=aanvraag.aanvrager_id,
                          pad=request.path)
    extensie = document.bestand.name.rsplit(".", 1)[-1]
    return FileResponse(document.bestand.open("rb"), as_attachment=True,
                        content_type=document.mime,
                        filename=f"{aanvraag.referentie}-{document.soort}-{document.pk}.{extensie}")
