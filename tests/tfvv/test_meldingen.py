"""Meldingen in tfvv: four-eyes requests, the Meldingen page (list, mark read, e-mail
preference, badge), and the warning to beheerders before the regeling or the budget period
ends (idempotent, also as a banner on the beheer pages)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.cheques.factories import maak_periode
from tests.conftest import huidige_code
from tfvv import gebruikersbeheer, herinneringen, meldingen
from tfvv.models import Melding, Regeling
from tfvv.models.gebruiker import Meldingsmail
from tfvv.roles import Organisatie, Rol

pytestmark = pytest.mark.django_db


def maak_melding(user, tekst="Scholingsplan ingediend", link="/beoordeling/"):
    return Melding.objects.create(ontvanger=user, soort="indienen", tekst=tekst, link=link)


def test_vierogen_naar_goedkeurders_nooit_aanvrager_of_betrokkene(
        maak_gebruiker, django_capture_on_commit_callbacks):
    a, b, c = (maak_gebruiker(Rol.BEHEERDER, Organisatie.PROJECTBUREAU, username=f"beheer-{x}")
               for x in "abc")
    maak_gebruiker(Rol.CONSULENT, Organisatie.LEERWERKLOKET, username="geen-goedkeurder")
    with django_capture_on_commit_callbacks(execute=True):
        verzoek = gebruikersbeheer.vraag_rollen_aan(
            actor=a, code=huidige_code(a.totp_device), gebruiker=c,
            rollen=[Rol.BEHEERDER, Rol.FINANCIEEL], toelichting="test")
    melding = Melding.objects.get()
    assert melding.ontvanger == b  # not a (asked), not c (the change is about c)
    assert melding.link == reverse("tfvv:goedkeuring", kwargs={"pk": verzoek.pk})
    assert "Rollen van een medewerker" in melding.tekst


@pytest.mark.parametrize("besluit", ["goedkeuren", "afwijzen"])
def test_vierogen_besluit_naar_de_aanvrager(maak_gebruiker, django_capture_on_commit_callbacks,
                                          besluit):
    """The requester hears that a colleague decided (not the reason: a melding may go by
    e-mail); the colleague who decided is not told of their own decision."""
    from tfvv import vierogen

    a, b, c = (maak_gebruiker(Rol.BEHEERDER, Organisatie.PROJECTBUREAU, username=f"beheer-{x}")
               for x in "abc")
    verzoek = gebruikersbeheer.vraag_rollen_aan(
        actor=a, code=huidige_code(a.totp_device), gebruiker=c, rollen=[Rol.BEHEERDER],
        toelichting="test")
    Melding.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        if besluit == "goedkeuren":
            vierogen.keur_goed(verzoek=verzoek, actor=b, code=huidige_code(b.totp_device))
        else:
            vierogen.wijs_af(verzoek=verzoek, actor=b, code=huidige_code(b.totp_device),
                             reden="Geen reden voor een tweede rol")
    melding = Melding.objects.get(ontvanger=a)
    assert melding.link == reverse("tfvv:goedkeuringen")
    assert melding.tekst == (f"Een collega heeft uw verzoek "
                             f"{'goedgekeurd' if besluit == 'goedkeuren' else 'afgewezen'}: "
                             f"Rollen van een medewerker.")
    assert not Melding.objects.filter(ontvanger=b).exists()
    assert "Geen reden" not in melding.tekst


def test_pagina_lijst_gelezen_en_badge(client_als, medewerkers):
    ik = medewerkers["beoordelaar"]
    eerste, tweede = maak_melding(ik, "Eerste melding"), maak_melding(ik, "Tweede melding")
    maak_melding(medewerkers["beoordelaar2"], "Van een ander")
    client = client_als("beoordelaar")
    html = client.get(reverse("tfvv:meldingen")).content.decode()
    assert "Eerste melding" in html and "Tweede melding" in html
    assert "Van een ander" not in html
    assert '2<span class="visually-hidden"> ongelezen' in html  # the badge in the header
    # open: marked read and on to the page it is about
    antwoord = client.post(reverse("tfvv:melding-gelezen", kwargs={"pk": eerste.pk}),
                           {"openen": "1"})
    assert antwoord.status_code == 302 and antwoord["Location"] == "/beoordeling/"
    eerste.refresh_from_db()
    assert eerste.gelezen_op is not None
    assert '1<span class="visually-hidden"> ongelezen' in client.get(
        reverse("tfvv:meldingen")).content.decode()
    client.post(reverse("tfvv:meldingen"))  # all read
    tweede.refresh_from_db()
    assert tweede.gelezen_op is not None
    assert "ongelezen" not in client.get(reverse("tfvv:meldingen")).content.decode()


def test_melding_van_een_ander_bestaat_niet(client_als, medewerkers):
    andere = maak_melding(medewerkers["beoordelaar2"])
    antwoord = client_als("beoordelaar").post(
        reverse("tfvv:melding-gelezen", kwargs={"pk": andere.pk}), {"openen": "1"})
    assert antwoord.status_code == 404
    andere.refresh_from_db()
    assert andere.gelezen_op is None


def test_externe_link_wordt_niet_gevolgd(client_als, medewerkers):
    melding = maak_melding(medewerkers["beoordelaar"], link="https://elders.example/")
    antwoord = client_als("beoordelaar").post(
        reverse("tfvv:melding-gelezen", kwargs={"pk": melding.pk}), {"openen": "1"})
    assert antwoord["Location"] == reverse("tfvv:meldingen")


def test_voorkeur_opslaan_en_fout_bij_het_veld(client_als, medewerkers):
    client = client_als("consulent_lwl")
    antwoord = client.post(reverse("tfvv:meldingen-voorkeur"), {"meldingen_mail": "vaak"})
    assert antwoord.status_code == 400
    assert "Kies een van de mogelijkheden." in antwoord.content.decode()
    client.post(reverse("tfvv:meldingen-voorkeur"), {"meldingen_mail": Meldingsmail.GEEN})
    medewerkers["consulent_lwl"].refresh_from_db()
    assert medewerkers["consulent_lwl"].meldingen_mail == Meldingsmail.GEEN
    html = client.get(reverse("tfvv:meldingen")).content.decode()
    assert 'value="geen" checked' in html


def test_aantal_queries_onafhankelijk_van_aantal_meldingen(client_als, medewerkers):
    client = client_als("beoordelaar")

    def meet():
        with CaptureQueriesContext(connection) as q:
            assert client.get(reverse("tfvv:meldingen")).status_code == 200
        return len(q)

    maak_melding(medewerkers["beoordelaar"])
    klein = meet()
    for n in range(30):
        maak_melding(medewerkers["beoordelaar"], f"Melding {n}")
    assert meet() == klein


def test_geen_badge_voor_inwoner_of_bezoeker(client):
    assert "Meldingen" not in client.get(reverse("tfvv:home")).content.decode()


# --- the regeling and the budget period ending ---------------------------------------------

def bevries(time_machine, dag):
    # 23:30 UTC: already the next day in the Netherlands
    time_machine.move_to(datetime.datetime.combine(dag - datetime.timedelta(days=1),
                                                   datetime.time(23, 30), tzinfo=datetime.UTC),
                         tick=False)


def test_beheerders_gewaarschuwd_drie_maanden_voor_het_einde(time_machine, medewerkers,
                                                             client_als):
    maak_periode()  # 2023–2026, as the regeling 2023–2026: both end 31 December 2026
    bevries(time_machine, datetime.date(2026, 9, 30))
    assert herinneringen.beheerwaarschuwingen() == []
    assert herinneringen.waarschuw_beheerders() == 0
    bevries(time_machine, datetime.date(2026, 10, 1))
    waarschuwingen = herinneringen.beheerwaarschuwingen()
    assert [w.sleutel.split(":")[0] for w in waarschuwingen] == ["regeling", "begrotingsperiode"]
    assert "31 december 2026" in waarschuwingen[0].tekst
    assert herinneringen.waarschuw_beheerders() == 2
    assert herinneringen.waarschuw_beheerders() == 0  # idempotent
    bevries(time_machine, datetime.date(2026, 10, 2))
    assert herinneringen.waarschuw_beheerders() == 0
    assert set(Melding.objects.values_list("ontvanger__username", flat=True)) == {"beheerder"}
    html = client_als("beheerder").get(reverse("tfvv:beheer")).content.decode()
    assert "loopt af op 31 december 2026" in html
    assert "loopt af op" in client_als("beheerder").get(reverse("tfvv:regelingen")).content.decode()


def test_geen_waarschuwing_als_een_volgende_versie_klaarstaat(time_machine, medewerkers):
    bevries(time_machine, datetime.date(2026, 11, 1))
    huidige = Regeling.objects.get(geldig_van__year=2023)
    Regeling.objects.create(**{**{f.name: getattr(huidige, f.name)
                                  for f in Regeling._meta.concrete_fields if f.name != "id"},
                               "code": "2027", "geldig_van": datetime.date(2027, 1, 1),
                               "geldig_tot": datetime.date(2030, 12, 31)})
    assert herinneringen.beheerwaarschuwingen() == []


def test_maak_met_sleutel_eenmaal_per_persoon(medewerkers):
    ids = [medewerkers["beoordelaar"].pk, medewerkers["beoordelaar2"].pk]
    assert len(meldingen.maak(ontvangers=ids, soort="x", tekst="t", sleutel="k")) == 2
    assert meldingen.maak(ontvangers=ids, soort="x", tekst="t", sleutel="k") == []


def test_nooit_naar_inwoner_of_uitgezette_medewerker(medewerkers):
    from tests.aanvragen.factories import InwonerFactory

    inwoner = InwonerFactory()
    weg = medewerkers["financieel2"]
    weg.is_active = False
    weg.save(update_fields=["is_active"])
    gemaakt = meldingen.maak(ontvangers=[inwoner.pk, weg.pk, medewerkers["financieel"].pk],
                             soort="x", tekst="t")
    assert [m.ontvanger for m in gemaakt] == [medewerkers["financieel"]]
