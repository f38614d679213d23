"""The opleider's own beheerder manages its organisation's accounts on the portal page
"Collega's": invite a colleague, make or unmake a colleague beheerder, deactivate one.

Four-eyes: the fund's rule (tfvv.vierogen) guards the fund's own authority. An opleider's
beheerder acts only within its own organisation: a new account sees only the cheques of
that opleider (the account is always made for the inviter's opleider; nothing else can be
granted), so no second beheerder of the fund approves it. Instead every step asks a fresh
code of the actor, writes an event, and tells the fund's beheerders (cheques.meldingen),
who see the accounts on the beheer page and can deactivate any of them.

An organisation keeps at least one active beheerder: its last one cannot remove their own
flag or deactivate themselves.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cheques.models import Opleideraccount
from cheques.permissions import mag_collegas_beheren
from cheques.services.opleideraccounts import maak_account, weiger_bezet_email, zet_uit
from tfvv import vierogen
from tfvv.events import registreer_gebeurtenis


def _eigen_account(actor) -> Opleideraccount:
    """The actor's account, locked, checked again inside the transaction (a beheerder who
    lost the flag meanwhile can no longer act)."""
    account = (Opleideraccount.objects.select_for_update().select_related("opleider")
               .filter(gebruiker=actor).first())
    toegang = mag_collegas_beheren(actor, account)
    if not toegang:
        raise PermissionDenied(toegang.reden)
    return account


def _collega(eigen: Opleideraccount, account: Opleideraccount) -> Opleideraccount:
    account = (Opleideraccount.objects.select_for_update().select_related("gebruiker")
               .get(pk=account.pk))
    if account.opleider_id != eigen.opleider_id:  # the view already answers 404
        raise PermissionDenied(_("Dit account hoort bij een andere opleider."))
    return account


def _gebeurtenis(actor, eigen, account, actie: str, reden: str = "") -> None:
    registreer_gebeurtenis(actor=actor, obj=account.gebruiker, actie=actie, dossier_id=None,
                           reden=reden, gegevens={"opleider": eigen.opleider_id,
                                                  "account": account.pk})


def _houdt_een_beheerder(opleider_id: int, zonder: Opleideraccount) -> None:
    """Refuse when no other active beheerder would remain (the rows are locked)."""
    anderen = (Opleideraccount.objects.select_for_update()
               .filter(opleider_id=opleider_id, is_beheerder=True, gebruiker__is_active=True)
               .exclude(pk=zonder.pk))
    if not anderen.exists():
        raise ValidationError(_("U bent de laatste beheerder van uw organisatie. Maak eerst "
                                "een collega beheerder."))


def nodig_collega_uit(*, actor, code: str, email: str, voornaam: str,
                      achternaam: str) -> Opleideraccount:
    """A new account of the actor's own opleider, made at once; the colleague gets the
    invitation mail after commit."""
    email = email.strip().lower()
    weiger_bezet_email(email)  # before the code: a refused address does not use it up
    vierogen.controleer_verse_code(actor, code)  # outside the transaction: a try counts
    with transaction.atomic():
        eigen = _eigen_account(actor)
        account = maak_account(opleider=eigen.opleider, email=email,
                               voornaam=voornaam, achternaam=achternaam, beheerder=False,
                               uitgenodigd_door=actor)
        _gebeurtenis(actor, eigen, account, "collega_uitgenodigd")
    return account


def zet_beheerder(*, actor, code: str, account: Opleideraccount, beheerder: bool) -> None:
    vierogen.controleer_verse_code(actor, code)
    with transaction.atomic():
        eigen = _eigen_account(actor)
        account = _collega(eigen, account)
        if account.is_beheerder == beheerder:
            raise ValidationError(_("Dit is al zo."))
        if not account.gebruiker.is_active:
            raise ValidationError(_("Dit account is uitgezet."))
        if not beheerder:
            _houdt_een_beheerder(eigen.opleider_id, zonder=account)
        account.is_beheerder = beheerder
        account.save(update_fields=["is_beheerder"])
        _gebeurtenis(actor, eigen, account, "collega_beheerder_gemaakt" if beheerder
                     else "collega_geen_beheerder")


def zet_collega_uit(*, actor, code: str, account: Opleideraccount, reden: str) -> None:
    if not reden.strip():
        raise ValidationError({"reden": gettext_lazy("Schrijf op waarom.")})
    vierogen.controleer_verse_code(actor, code)
    with transaction.atomic():
        eigen = _eigen_account(actor)
        account = _collega(eigen, account)
        if not account.gebruiker.is_active:
            raise ValidationError(_("Dit account is al uitgezet."))
        if account.is_beheerder:
            _houdt_een_beheerder(eigen.opleider_id, zonder=account)
        zet_uit(account=account, actor=actor, reden=reden.strip(), actie="collega_uitgezet")
