"""Every write path a person has to the money records: the admin (even as superuser), the
ORM and, on PostgreSQL, the database itself. The screens are in test_plafond.py."""

import datetime
from decimal import Decimal as D

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse

from tests.cheques.factories import maak_periode
from tests.conftest import log_in_als_medewerker
from tfvv import budget
from tfvv.models import (
    Begrotingsperiode,
    Begrotingspost,
    Budgetboeking,
    Financieringsbron,
    Plafondbesluit,
    Toezegging,
)
from tfvv.roles import Rol

pytestmark = pytest.mark.django_db
alleen_postgresql = pytest.mark.skipif(connection.vendor != "postgresql",
                                       reason="de databasecontroles zijn er op PostgreSQL")


@pytest.fixture
def superuser(maak_gebruiker):
    user = maak_gebruiker(Rol.BEHEERDER, username="technisch-beheer")
    user.is_superuser = user.is_staff = True
    user.save()
    return user


@pytest.fixture
def admin_client(client, superuser):
    return log_in_als_medewerker(client, superuser)


@pytest.mark.parametrize("model", [Begrotingsperiode, Begrotingspost, Financieringsbron,
                                   Toezegging, Plafondbesluit, Budgetboeking])
def test_admin_is_alleen_lezen_ook_voor_een_superuser(model, admin_client, medewerkers):
    periode = maak_periode()
    if model is Budgetboeking:
        budget.reserveer(periode=periode, bedrag=D("10"), referentie="TFV-1", door=None)
    obj = {Begrotingsperiode: periode, Begrotingspost: periode.posten.first(),
           Financieringsbron: Financieringsbron.objects.first(),
           Toezegging: periode.toezeggingen.first(),
           Plafondbesluit: periode.plafondbesluiten.first(),
           Budgetboeking: Budgetboeking.objects.first()}[model]
    naam = f"admin:tfvv_{model._meta.model_name}"
    assert admin_client.get(reverse(f"{naam}_changelist")).status_code == 200
    assert admin_client.post(reverse(f"{naam}_add"), {"naam": "x", "bedrag": "1"}
                             ).status_code == 403
    assert admin_client.post(reverse(f"{naam}_change", args=[obj.pk]),
                             {"naam": "x", "bedrag": "1"}).status_code == 403
    assert admin_client.post(reverse(f"{naam}_delete", args=[obj.pk]),
                             {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()


def test_orm_grootboek_en_toezeggingen_alleen_toevoegen():
    periode = maak_periode()
    with transaction.atomic():
        boeking = budget.reserveer(periode=periode, bedrag=D("10"), referentie="x", door=None)
    for obj in (boeking, periode.toezeggingen.get()):
        with pytest.raises(PermissionError):
            obj.save()
        with pytest.raises(PermissionError):
            obj.delete()


def test_orm_negatieve_bedragen_geweigerd():
    periode = maak_periode()
    for maak in (lambda: Toezegging.objects.create(bron=Financieringsbron.objects.first(),
                                                   periode=periode, bedrag=D("-1"),
                                                   datum=periode.van),
                 lambda: Begrotingspost.objects.create(periode=periode, naam="min",
                                                       bedrag=D("-1")),
                 lambda: Budgetboeking.objects.create(periode=periode, soort="vrijval",
                                                      bedrag=D("-1"), referentie="x"),
                 lambda: Plafondbesluit.objects.create(
                     periode=periode, bedrag=D("-1"), besluitdatum=periode.van,
                     gepubliceerd_op=periode.van, toelichting="x")):
        with pytest.raises(IntegrityError), transaction.atomic():
            maak()


def test_overlap_geweigerd_door_model_clean():
    from django.core.exceptions import ValidationError

    maak_periode()
    with pytest.raises(ValidationError):
        Begrotingsperiode(naam="b", van=datetime.date(2026, 1, 1),
                          tot=datetime.date(2027, 1, 1)).full_clean()


# --- PostgreSQL: the database refuses what the app would never do ---------------------------

@alleen_postgresql
def test_database_weigert_overlappende_periode():
    maak_periode()
    with pytest.raises(IntegrityError), transaction.atomic():
        Begrotingsperiode.objects.create(naam="overlap", van=datetime.date(2026, 6, 1),
                                         tot=datetime.date(2027, 12, 31))
    Begrotingsperiode.objects.create(naam="daarna", van=datetime.date(2027, 1, 1),
                                     tot=datetime.date(2030, 12, 31))


@alleen_postgresql
def test_database_weigert_reservering_boven_plafond():
    periode = maak_periode(plafond=D("1000.00"))
    Budgetboeking.objects.create(periode=periode, soort="reservering", bedrag=D("600"),
                                 referentie="a")
    with pytest.raises(IntegrityError, match="subsidieplafond"), transaction.atomic():
        Budgetboeking.objects.create(periode=periode, soort="reservering", bedrag=D("400.01"),
                                     referentie="b")
    with pytest.raises(IntegrityError), transaction.atomic():  # one bulk statement
        Budgetboeking.objects.bulk_create([
            Budgetboeking(periode=periode, soort="reservering", bedrag=D("300"), referentie=r)
            for r in "cd"])
    Budgetboeking.objects.create(periode=periode, soort="reservering", bedrag=D("400"),
                                 referentie="e")


@alleen_postgresql
def test_database_telt_voorschotten_en_ontvangsten_mee():
    """A voorschot is paid money like a realisatie; money received back frees room."""
    periode = maak_periode(plafond=D("1000.00"))
    Budgetboeking.objects.create(periode=periode, soort="voorschot", bedrag=D("900"),
                                 referentie="a")
    with pytest.raises(IntegrityError, match="subsidieplafond"), transaction.atomic():
        Budgetboeking.objects.create(periode=periode, soort="voorschot", bedrag=D("100.01"),
                                     referentie="b")
    Budgetboeking.objects.create(periode=periode, soort="ontvangst", bedrag=D("200"),
                                 referentie="a")
    Budgetboeking.objects.create(periode=periode, soort="reservering", bedrag=D("300"),
                                 referentie="c")


@alleen_postgresql
def test_database_weigert_reservering_zonder_plafondbesluit():
    periode = Begrotingsperiode.objects.create(naam="leeg", van=datetime.date(2030, 1, 1),
                                               tot=datetime.date(2030, 12, 31))
    with pytest.raises(IntegrityError), transaction.atomic():
        Budgetboeking.objects.create(periode=periode, soort="reservering", bedrag=D("1"),
                                     referentie="a")


@alleen_postgresql
def test_database_weigert_wijzigen_en_wissen_van_het_grootboek():
    periode = maak_periode()
    Budgetboeking.objects.create(periode=periode, soort="reservering", bedrag=D("5"),
                                 referentie="a")
    for qs in (Budgetboeking.objects.all(), Toezegging.objects.all(),
               Plafondbesluit.objects.all()):
        with pytest.raises(DatabaseError), transaction.atomic():
            qs.update(bedrag=D("1"))
        with pytest.raises(DatabaseError), transaction.atomic():
            qs.delete()
    assert Budgetboeking.objects.get().bedrag == D("5")
