"""Who an opleider user is, and how they log in: the identity seam of the opleider portal.

Today: a personal e-mail link (first factor, single use, expiring) plus the six-digit
code of an authenticator app (second factor, django-otp TOTP, as staff use). The first
link after an invitation also enrols the app: its page shows the QR code until the
first code is accepted.

The rest of the portal knows only `opleider_van(user)` (the organisation the user acts
for) and `meld_aan(request, gebruiker, apparaat)` (a login with a verified second factor).
eHerkenning (e.g. django-digid-eherkenning, as Open Forms uses) would replace the link
and code pages: its SAML response asserts a KvK number at a trust level that counts as
two factors; the backend finds the `Opleider` by `kvk_nummer`, the account by the
asserted person, and calls `meld_aan`. Nothing in the selectors or pages changes.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import login
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from aanvragen.auth import hash_token
from cheques.models import Opleideraccount, Opleiderlink
from tfvv import ratelimit

BACKEND = "django.contrib.auth.backends.ModelBackend"
# wrong codes on one link before it stops working (a new link can be asked for)
MAX_FOUTE_CODES = 5
VENSTER_FOUTE_CODES = 24 * 3600


def account_van(user) -> Opleideraccount | None:
    """The account of `user` at an active opleider, or None (not an opleider user)."""
    if not user.is_authenticated or not user.is_opleider:
        return None
    return (Opleideraccount.objects.select_related("opleider")
            .filter(gebruiker=user, opleider__actief=True).first())


def opleider_van(user):
    """The opleider organisation `user` acts for, or None (not an opleider user)."""
    account = account_van(user)
    return account.opleider if account else None


def maak_link(*, gebruiker, uren: int) -> str:
    """A new single-use link for `gebruiker`, valid `uren` hours; the full URL."""
    token = secrets.token_urlsafe(32)
    Opleiderlink.objects.create(gebruiker=gebruiker, token_hash=hash_token(token),
                                verloopt_op=timezone.now() + timedelta(hours=uren))
    return settings.SITE_URL + reverse("cheques:opleider-link", kwargs={"token": token})


def geldige_link(token: str) -> Opleiderlink | None:
    """The unused, unexpired link of an active opleider user (nothing is used up)."""
    link = (Opleiderlink.objects.select_related("gebruiker")
            .filter(token_hash=hash_token(token), gebruikt_op__isnull=True,
                    verloopt_op__gt=timezone.now()).first())
    if link is None or not link.gebruiker.is_active or not link.gebruiker.is_opleider:
        return None
    if ratelimit.geblokkeerd("opleiderlink", link.token_hash, limiet=MAX_FOUTE_CODES,
                             venster=VENSTER_FOUTE_CODES):
        return None
    return link


def van_uitgezet_account(token: str) -> bool:
    """The link (used or not) belongs to a deactivated account: its page says so, rather
    than "expired" (the holder of the link is the account's owner)."""
    return Opleiderlink.objects.filter(token_hash=hash_token(token),
                                       gebruiker__is_active=False).exists()


def apparaat(gebruiker) -> TOTPDevice:
    """The user's authenticator (made at the invitation; unconfirmed until the first code)."""
    return TOTPDevice.objects.filter(user=gebruiker).order_by("-confirmed", "-id").first() \
        or TOTPDevice.objects.create(user=gebruiker, name="authenticator", confirmed=False)


def controleer_code(link: Opleiderlink, code: str) -> TOTPDevice | None:
    """The device when `code` is right (an unconfirmed one is confirmed by it); a wrong
    code counts towards the link's limit."""
    device = apparaat(link.gebruiker)
    if device.verify_token(code.strip()):
        if not device.confirmed:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        return device
    ratelimit.tel_mislukt("opleiderlink", link.token_hash, venster=VENSTER_FOUTE_CODES)
    return None


def meld_aan(request, *, link: Opleiderlink, apparaat: TOTPDevice) -> bool:
    """Use the link up and log its user in with a verified second factor; False when the
    link was used meanwhile (a second tab)."""
    with transaction.atomic():
        gebruikt = (Opleiderlink.objects.filter(pk=link.pk, gebruikt_op__isnull=True)
                    .update(gebruikt_op=timezone.now()))
    if not gebruikt:
        return False
    login(request, link.gebruiker, backend=BACKEND)
    otp_login(request, apparaat)
    return True
