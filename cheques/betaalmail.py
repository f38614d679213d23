"""The "betaald" mail to the opleider: when a payment batch is approved (booked), each
opleider with a payment in it gets ONE e-mail listing its cheques, amounts, the batch
reference and the payment date. Of the holder only initials and surname.

Planned in the approval's transaction through the outbox (tfvv.mail.plan_mail): sent
after commit, once per row; a batch is approved once (its status is locked), so it
mails once.
"""

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cheques.documenten import voorletters
from cheques.models import Betaalbatch, Betaling, Opleideraccount
from tfvv.mail import plan_mail
from tfvv.tekst import mailveilig
from tfvv.templatetags.bedragen import euro


def ontvangers(opleider) -> list[str]:
    """The active accounts of the opleider; without them the register's address."""
    adressen = sorted(Opleideraccount.objects.filter(
        opleider=opleider, gebruiker__is_active=True).values_list("gebruiker__email",
                                                                  flat=True))
    return adressen or ([opleider.email] if opleider.email else [])


def plan_betaalmails(batch: Betaalbatch) -> int:
    """One mail per opleider in `batch` (call in the approval's transaction); the number."""
    per_opleider = defaultdict(list)
    for betaling in (Betaling.objects.filter(batch=batch.nummer)
                     .select_related("cheque__opleider", "cheque__beschikking__plan__aanvraag")
                     .order_by("cheque__nummer")):
        per_opleider[betaling.cheque.opleider].append(betaling)
    gepland = 0
    for opleider, betalingen in per_opleider.items():
        aan = ontvangers(opleider)
        if aan:
            plan_mail(aan=aan, onderwerp=_("Betaling van het Twents Fonds, %(batch)s") % {
                "batch": batch.nummer}, tekst=_tekst(opleider, batch, betalingen))
            gepland += 1
    return gepland


def _regel(betaling: Betaling) -> str:
    aanvraag = betaling.cheque.beschikking.plan.aanvraag
    return _("- %(nummer)s, %(houder)s: %(bedrag)s (%(soort)s)") % {
        "nummer": betaling.cheque.nummer, "bedrag": euro(betaling.bedrag),
        "houder": mailveilig(f"{voorletters(aanvraag.voornaam)} {aanvraag.achternaam}"),
        "soort": betaling.get_soort_display()}


def _tekst(opleider, batch: Betaalbatch, betalingen: list[Betaling]) -> str:
    return _("Geachte opleider,\n\nGemeente Enschede heeft namens het Twents Fonds voor "
             "Vakmanschap op %(datum)s aan %(opleider)s betaald (betaalbatch %(batch)s):\n\n"
             "%(regels)s\n\nTotaal: %(totaal)s\n\nVermeld bij vragen het chequenummer en de "
             "betaalbatch. Per cheque ziet u de betalingen in het opleidersportaal: "
             "%(portaal)s\n\nMet vriendelijke groet,\nGemeente Enschede, namens het Twents "
             "Fonds voor Vakmanschap") % {
        "datum": date_format(batch.betaaldatum, "j F Y"), "opleider": mailveilig(opleider.naam),
        "batch": batch.nummer, "regels": "\n".join(_regel(b) for b in betalingen),
        "totaal": euro(sum((b.bedrag for b in betalingen), Decimal("0"))),
        "portaal": settings.SITE_URL + reverse("cheques:opleider-cheques")}
