"""Pages for every staff member: their meldingen (list, mark read, e-mail preference) and
their open deadlines, their own and their team's (tfvv.meldingen, tfvv.termijnoverzicht)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from tfvv import meldingen, termijnoverzicht
from tfvv.forms import MeldingvoorkeurForm
from tfvv.herinneringen import dagen_over_tekst
from tfvv.roles import MEDEWERKERSROLLEN
from tfvv.views.base import RolVereistMixin

PER_PAGINA = 25


class MeldingenView(RolVereistMixin, TemplateView):
    """GET: the list, newest first, a page at a time. POST: mark all read."""

    rollen = MEDEWERKERSROLLEN
    template_name = "tfvv/meldingen.html"

    def get_context_data(self, form=None, **kwargs):
        pagina = Paginator(meldingen.van(self.request.user), PER_PAGINA).get_page(
            self.request.GET.get("pagina"))
        form = form or MeldingvoorkeurForm(
            initial={"meldingen_mail": self.request.user.meldingen_mail})
        return super().get_context_data(pagina=pagina, form=form, **kwargs)

    def post(self, request, *args, **kwargs):
        aantal = meldingen.markeer_gelezen(gebruiker=request.user)
        if aantal:
            messages.success(request, _("Alle meldingen zijn als gelezen gemarkeerd."))
        return redirect("tfvv:meldingen")


class MeldingGelezenView(RolVereistMixin, View):
    """POST: mark one melding read; with `openen`, go on to the page it is about."""

    rollen = MEDEWERKERSROLLEN

    def post(self, request, pk):
        melding = meldingen.van(request.user).filter(pk=pk).first()
        if melding is None:
            raise Http404
        meldingen.markeer_gelezen(gebruiker=request.user, melding_id=melding.pk)
        if "openen" in request.POST and url_has_allowed_host_and_scheme(
                melding.link, allowed_hosts={request.get_host()}):
            return redirect(melding.link or "tfvv:meldingen")
        return redirect("tfvv:meldingen")


class MeldingvoorkeurView(MeldingenView):
    """POST: the e-mail preference; a wrong choice is shown at the field (400)."""

    def post(self, request, *args, **kwargs):
        form = MeldingvoorkeurForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        meldingen.zet_voorkeur(gebruiker=request.user,
                               meldingen_mail=form.cleaned_data["meldingen_mail"])
        messages.success(request, _("Uw keuze voor e-mail bij meldingen is opgeslagen."))
        return redirect("tfvv:meldingen")

    def get(self, request, *args, **kwargs):
        return self.http_method_not_allowed(request, *args, **kwargs)


class TermijnenView(RolVereistMixin, TemplateView):
    """Open deadlines, earliest first, with the days left: the person's own ("Mijn
    termijnen") or, with `team`, those of their team."""

    rollen = MEDEWERKERSROLLEN
    template_name = "tfvv/termijnen.html"
    team = False

    def get_context_data(self, **kwargs):
        vandaag = timezone.localdate()
        alle = termijnoverzicht.alle(vandaag)
        user = self.request.user
        termijnen = (termijnoverzicht.van_team(user, alle) if self.team
                     else termijnoverzicht.van_persoon(user, alle))
        regels = [(t, t.dagen_over(vandaag), dagen_over_tekst(t.dagen_over(vandaag)))
                  for t in termijnen]
        return super().get_context_data(
            regels=regels, team=self.team, vandaag=vandaag,
            heeft_team=bool(termijnoverzicht.mag_team_zien(user)), **kwargs)


class TeamtermijnenView(TermijnenView):
    rollen = termijnoverzicht.TEAMROLLEN
    team = True
