"""Opleider users for tests: an account of an opleider with a confirmed authenticator,
and a client logged in as after e-mail link + code."""

from django.contrib.auth.models import Group
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from cheques.models import Opleideraccount
from tfvv.models import Gebruiker
from tfvv.roles import Rol


def maak_opleidergebruiker(opleider, beheerder, email=None, is_beheerder=False) -> Gebruiker:
    email = email or f"medewerker{Gebruiker.objects.count()}@opleider.example"
    gebruiker = Gebruiker.objects.create(username=f"opl-{email}", email=email,
                                         first_name="Olga", last_name="Opleider")
    gebruiker.groups.add(Group.objects.get(name=Rol.OPLEIDER))
    gebruiker.totp_device = TOTPDevice.objects.create(user=gebruiker, name="authenticator",
                                                      confirmed=True)
    Opleideraccount.objects.create(gebruiker=gebruiker, opleider=opleider,
                                   uitgenodigd_door=beheerder, goedgekeurd_door=beheerder,
                                   is_beheerder=is_beheerder)
    return gebruiker


def log_in_als_opleider(gebruiker, client=None) -> Client:
    client = client or Client()
    client.force_login(gebruiker, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["otp_device_id"] = gebruiker.totp_device.persistent_id
    session.save()
    return client
