"""Reads of the aanvraag for views and later stages; query counts independent of data size."""

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.utils import timezone

from aanvragen import inzage
from aanvragen.auth import hash_token
from aanvragen.models import (
    Aanvraag,
    Document,
    EmailWijziging,
    InlogLink,
    StandaardLoket,
    VoorkeurLoket,
)
from tfvv.models import Gebeurtenis, Gebruiker, Inzage
from tfvv.roles import Rol


def loket_voor(voorkeur: str, gemeente) -> str:
    """The resident's choice, else the default loket of their gemeente (data, see admin)."""
    if voorkeur != VoorkeurLoket.GEEN:
        return voorkeur
    loket = (StandaardLoket.objects.filter(gemeente=gemeente)
             .values_list("loket", flat=True).first())
    return loket or StandaardLoket.STANDAARD_LOKET


def accounts_met_adres(email: str):
    """The active resident accounts with this e-mail address (more than one while an
    aanmelding waits for its holder to prove the address, see aanvragen.inwoneraccount)."""
    return Gebruiker.objects.filter(email__iexact=email, groups__name=Rol.INWONER,
                                    is_active=True)


def _met_bewijs(accounts):
    """Annotate `bewezen`: the account's holder once used a link mailed to its address."""
    return accounts.annotate(bewezen=Exists(InlogLink.objects.filter(
        gebruiker=OuterRef("pk"), gebruikt_op__isnull=False)))


def bewezen_account(email: str, *, behalve) -> Gebruiker | None:
    """The oldest other account with this address whose holder proved it, or None."""
    return (_met_bewijs(accounts_met_adres(email).exclude(pk=behalve.pk))
            .filter(bewezen=True).order_by("pk").first())


def account_voor_inloglink(email: str) -> Gebruiker | None:
    """Whom a requested login link is for: the account that proved this address, else the
    oldest one with an aanvraag (its holder proves the address by using the link)."""
    return (_met_bewijs(accounts_met_adres(email).filter(aanvragen__isnull=False))
            .order_by("-bewezen", "pk").first())


def emailwijziging_met_link(gebruiker, token: str) -> EmailWijziging | None:
    """This resident's open request behind a confirmation link; None for a used, replaced
    or expired link, and for another account's link."""
    return (EmailWijziging.objects.filter(token_hash=hash_token(token), gebruiker=gebruiker,
                                          bevestigd_op__isnull=True,
                                          verloopt_op__gt=timezone.now()).first())


def openstaande_emailwijziging(gebruiker) -> EmailWijziging | None:
    """The new e-mail address still waiting for confirmation, if any."""
    return (EmailWijziging.objects.filter(gebruiker=gebruiker, bevestigd_op__isnull=True,
                                          verloopt_op__gt=timezone.now())
            .order_by("-pk").first())


def aanvragen_van(gebruiker) -> list[Aanvraag]:
    return list(Aanvraag.objects.filter(aanvrager=gebruiker).order_by("-ontvangen_op", "-pk"))


def aanvraag_van_inwoner(gebruiker, pk: int) -> Aanvraag:
    """The resident's own aanvraag; someone else's gives 404, as if it did not exist."""
    return get_object_or_404(Aanvraag.objects.select_related("gemeente"),
                             pk=pk, aanvrager=gebruiker)


def veilige_links(gegevens: dict) -> list[dict]:
    """Only same-site links from the event log reach the page (no javascript: or other hosts)."""
    links = gegevens.get("links") if isinstance(gegevens, dict) else None
    if not isinstance(links, list):
        return []
    return [
        {"label": str(link["label"]), "url": link["url"]}
        for link in links
        if isinstance(link, dict) and isinstance(link.get("url"), str)
        and link["url"].startswith("/") and not link["url"].startswith("//")
        and link.get("label")
    ]


def tijdlijn(aanvraag: Aanvraag) -> list[dict]:
    """What happened to the aanvraag, in the resident's wording, oldest first."""
    return [
        {"tijdstip": g.tijdstip, "tekst": g.tekst_inwoner, "links": veilige_links(g.gegevens)}
        for g in Gebeurtenis.objects.filter(dossier_id=aanvraag.pk).exclude(tekst_inwoner="")
        .only("tijdstip", "tekst_inwoner", "gegevens").order_by("tijdstip", "pk")
    ]


def documenten_van(aanvraag: Aanvraag) -> list[Document]:
    """The documents the resident uploaded, oldest first (for the consulent's views too)."""
    return list(Document.objects.filter(aanvraag=aanvraag).order_by("geupload_op", "pk"))


def inzage_export(gebruiker) -> dict:
    """Everything held about this resident (AVG art. 15), as plain data for a JSON file."""
    aanvragen = list(Aanvraag.objects.filter(aanvrager=gebruiker).select_related("gemeente")
                     .order_by("pk"))
    ids = [a.pk for a in aanvragen]
    velden = [f for f in Aanvraag._meta.concrete_fields
              if f.name not in ("id", "aanvrager", "consulent", "gemeente")]

    def waarde(obj, veld):
        v = getattr(obj, veld.attname)
        return v.isoformat() if hasattr(v, "isoformat") else v

    gebeurtenissen = Gebeurtenis.objects.filter(dossier_id__in=ids).order_by("tijdstip", "pk")
    documenten = Document.objects.filter(aanvraag_id__in=ids).order_by("pk")
    inzages = Inzage.objects.filter(dossier_id__in=ids).order_by("tijdstip", "pk")
    links = InlogLink.objects.filter(gebruiker=gebruiker).order_by("pk")
    wijzigingen = EmailWijziging.objects.filter(gebruiker=gebruiker).order_by("pk")
    referentie = {a.pk: a.referentie for a in aanvragen}
    return {
        "account": {"e-mailadres": gebruiker.email, "voornaam": gebruiker.first_name,
                    "achternaam": gebruiker.last_name,
                    "aangemaakt_op": gebruiker.date_joined.isoformat()},
        "aanvragen": [
            {**{str(v.verbose_name): waarde(a, v) for v in velden},
             "gemeente": a.gemeente.naam if a.gemeente else None}
            for a in aanvragen
        ],
        "gebeurtenissen": [
            {"aanvraag": referentie[g.dossier_id], "tijdstip": g.tijdstip.isoformat(),
             "actie": g.actie, "van_status": g.van_status, "naar_status": g.naar_status,
             "reden": g.reden, "tekst_voor_u": g.tekst_inwoner, "gegevens": g.gegevens}
            for g in gebeurtenissen
        ],
        "documenten": [
            {"aanvraag": referentie[d.aanvraag_id], "soort": d.get_soort_display(),
             "bestandsnaam": d.originele_naam, "bestandstype": d.mime, "grootte": d.grootte,
             "geupload_op": d.geupload_op.isoformat()}
            for d in documenten
        ],
        "inzage_door_medewerkers": [
            {"aanvraag": referentie.get(i.dossier_id), "tijdstip": i.tijdstip.isoformat(),
             "handeling": i.handeling, "onderdeel": i.onderdeel}
            for i in inzages
        ],
        "inloglinks": [
            {"aangemaakt_op": link.aangemaakt_op.isoformat(),
             "verloopt_op": link.verloopt_op.isoformat(),
             "gebruikt_op": link.gebruikt_op.isoformat() if link.gebruikt_op else None}
            for link in links
        ],
        "wijzigingen_emailadres": [
            {"nieuw_e-mailadres": w.nieuw_email, "aangevraagd_op": w.aangemaakt_op.isoformat(),
             "bevestigd_op": w.bevestigd_op.isoformat() if w.bevestigd_op else None}
            for w in wijzigingen
        ],
        **inzage.onderdelen(referentie),
    }
