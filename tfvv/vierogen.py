"""Four-eyes: a change that waits until a second person approves it, with a fresh code.

Every step (asking and deciding) needs a TOTP code typed for that step in the form
itself; the 10-minute step-up of tfvv.stepup does not count. The code is checked with
django-otp against the person's own device, so a code that was already used (at
login, or for the previous step) or an old one is refused. The person who decides is
never the person who asked (also a CheckConstraint on `Goedkeuringsverzoek`), and a
change about a person (their roles, their second factor) is never asked or decided by
that person. Every step writes an event (tfvv.events) on the request.

Register a kind of change once, when the app is ready (`AppConfig.ready`):

    from tfvv import vierogen

    vierogen.registreer(vierogen.Soort(
        naam="opleider_iban",
        label=_("IBAN van een opleider"),
        aanvragers=(Rol.BEHEERDER,),
        goedkeurders=(Rol.BEHEERDER, Rol.FINANCIEEL),
        uitvoeren=zet_iban,              # (verzoek, actor) -> None, in the approval's transaction
        betrokkene=lambda payload: None, # id of the user the change is about, if any
        details=lambda payload: None,    # url of the evidence for the approver, if any
    ))

Then, from a service or a thin view (the form has a `code` field: `VerseCodeForm`):

    verzoek = vierogen.vraag_aan(soort="opleider_iban", actor=user, code=form.cleaned_data["code"],
                                 sleutel=f"opleider:{opleider.pk}", omschrijving="...",
                                 payload={"opleider_id": opleider.pk, "iban": iban})
    vierogen.keur_goed(verzoek=verzoek, actor=collega, code=...)     # runs `uitvoeren`
    vierogen.wijs_af(verzoek=verzoek, actor=collega, code=..., reden="...")

Each raises `VierOgenFout` (a ValidationError: `fout.veld` names the form field it
belongs to, "code" for a wrong code) and changes nothing when a rule is broken. One
request per `sleutel` can be open at a time. Open requests are listed and decided on
the page tfvv:goedkeuringen; `uitvoeren` may raise a ValidationError (the situation
changed since the request), and then nothing is applied.

Also: `controleer_verse_code(user, code)` for a step of your own that needs a fresh code,
`maak_verzoek(...)` (as `vraag_aan`, for a service that checked that code itself because
its step does more than ask), `mag_aanvragen` / `mag_besluiten` (a `Toegang` for the
pages), `open_verzoek(soort, sleutel)` (show "waiting for approval"). Pages: a form based
on `tfvv.forms.VerseCodeForm` in a `tfvv.views.vierogen.StapFormView` puts the refusals
at the fields (status 400) and empties the code field.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import match_token

from tfvv.events import registreer_gebeurtenis
from tfvv.models import Goedkeuringsverzoek
from tfvv.permissions import TOEGESTAAN, Toegang, geweigerd


class VierOgenFout(ValidationError):
    def __init__(self, bericht, veld: str | None = None):
        super().__init__(str(bericht))
        self.veld = veld


@dataclass(frozen=True)
class Soort:
    naam: str
    label: str
    aanvragers: tuple[str, ...]
    goedkeurders: tuple[str, ...]
    uitvoeren: Callable[[Goedkeuringsverzoek, object], None]
    betrokkene: Callable[[dict], int | None] = lambda payload: None
    # the page where the approver sees the evidence of the change, if it has one
    details: Callable[[dict], str | None] = lambda payload: None


_SOORTEN: dict[str, Soort] = {}


def registreer(soort: Soort) -> None:
    _SOORTEN[soort.naam] = soort


def soort(naam: str) -> Soort:
    return _SOORTEN[naam]


def controleer_verse_code(user, code: str) -> None:
    """A code from the person's own authenticator app, not used before (django-otp)."""
    if not code or match_token(user, code.strip()) is None:
        raise VierOgenFout(gettext_lazy("Deze code klopt niet of is al gebruikt. Wacht op "
                                        "de volgende code in uw app en vul die in."), "code")


def mag_aanvragen(user, naam: str, payload: dict | None = None) -> Toegang:
    s = soort(naam)
    if not any(user.heeft_rol(r) for r in s.aanvragers):
        return geweigerd(_("U mag deze wijziging niet aanvragen."))
    if payload is not None and s.betrokkene(payload) == user.pk:
        return geweigerd(_("U kunt deze wijziging niet voor uzelf aanvragen."))
    return TOEGESTAAN


def mag_besluiten(user, verzoek: Goedkeuringsverzoek) -> Toegang:
    s = soort(verzoek.soort)
    if not verzoek.is_open:
        return geweigerd(_("Over dit verzoek is al besloten."))
    if not any(user.heeft_rol(r) for r in s.goedkeurders):
        return geweigerd(_("U mag over dit verzoek niet besluiten."))
    if verzoek.aangevraagd_door_id == user.pk:
        return geweigerd(_("Een collega moet dit verzoek goedkeuren: u heeft het zelf "
                           "aangevraagd."))
    if s.betrokkene(verzoek.payload) == user.pk:
        return geweigerd(_("Dit verzoek gaat over uzelf: een collega moet erover besluiten."))
    return TOEGESTAAN


def _weiger_zonder(toegang: Toegang) -> None:
    if not toegang:
        raise VierOgenFout(toegang.reden)


def vraag_aan(*, soort: str, actor, code: str, sleutel: str, omschrijving: str,
              payload: dict, toelichting: str = "") -> Goedkeuringsverzoek:
    _weiger_zonder(mag_aanvragen(actor, soort, payload))
    controleer_verse_code(actor, code)  # outside the transaction: a failed try still counts
    return maak_verzoek(soort=soort, actor=actor, sleutel=sleutel, omschrijving=omschrijving,
                        payload=payload, toelichting=toelichting)


def maak_verzoek(*, soort: str, actor, sleutel: str, omschrijving: str, payload: dict,
                 toelichting: str = "") -> Goedkeuringsverzoek:
    """`vraag_aan` without the code: only for a service that checked the code of this
    step itself (`controleer_verse_code`) because the step does more than ask."""
    _weiger_zonder(mag_aanvragen(actor, soort, payload))
    try:
        with transaction.atomic():
            verzoek = Goedkeuringsverzoek.objects.create(
                soort=soort, sleutel=sleutel, omschrijving=str(omschrijving)[:300],
                payload=payload, aangevraagd_door=actor, toelichting=toelichting)
            registreer_gebeurtenis(actor=actor, obj=verzoek, actie="vierogen_aangevraagd",
                                   dossier_id=None, naar_status=verzoek.uitkomst,
                                   reden=toelichting, gegevens={"soort": soort,
                                                                "sleutel": sleutel})
    except IntegrityError:
        raise VierOgenFout(gettext_lazy("Er staat al een verzoek open voor deze wijziging. "
                                        "Laat een collega daarover eerst besluiten.")) from None
    return verzoek


def _besluit(*, verzoek, actor, code: str, uitkomst: str, reden: str,
             uitvoeren: bool) -> Goedkeuringsverzoek:
    _weiger_zonder(mag_besluiten(actor, verzoek))
    controleer_verse_code(actor, code)
    with transaction.atomic():
        verzoek = Goedkeuringsverzoek.objects.select_for_update().get(pk=verzoek.pk)
        _weiger_zonder(mag_besluiten(actor, verzoek))  # decided meanwhile by someone else?
        verzoek.uitkomst, verzoek.besloten_door, verzoek.besloten_op = (
            uitkomst, actor, timezone.now())
        verzoek.reden = reden
        verzoek.save(update_fields=["uitkomst", "besloten_door", "besloten_op", "reden"])
        if uitvoeren:
            soort(verzoek.soort).uitvoeren(verzoek, actor)
        registreer_gebeurtenis(actor=actor, obj=verzoek, actie=f"vierogen_{uitkomst}",
                               dossier_id=None, van_status=Goedkeuringsverzoek.Uitkomst.OPEN,
                               naar_status=uitkomst, reden=reden,
                               gegevens={"soort": verzoek.soort, "sleutel": verzoek.sleutel})
    return verzoek


def keur_goed(*, verzoek: Goedkeuringsverzoek, actor, code: str) -> Goedkeuringsverzoek:
    return _besluit(verzoek=verzoek, actor=actor, code=code, reden="",
                    uitkomst=Goedkeuringsverzoek.Uitkomst.GOEDGEKEURD, uitvoeren=True)


def wijs_af(*, verzoek: Goedkeuringsverzoek, actor, code: str,
            reden: str) -> Goedkeuringsverzoek:
    if not reden.strip():
        raise VierOgenFout(gettext_lazy("Schrijf op waarom u het verzoek afwijst."), "reden")
    return _besluit(verzoek=verzoek, actor=actor, code=code, reden=reden.strip(),
                    uitkomst=Goedkeuringsverzoek.Uitkomst.AFGEWEZEN, uitvoeren=False)


# --- reads ----------------------------------------------------------------------------

def open_verzoek(soort: str, sleutel: str) -> Goedkeuringsverzoek | None:
    return Goedkeuringsverzoek.objects.filter(
        soort=soort, sleutel=sleutel, uitkomst=Goedkeuringsverzoek.Uitkomst.OPEN).first()


def open_verzoeken_voor(user):
    """Open requests of the kinds `user` may decide on (including their own, to show)."""
    soorten = [s.naam for s in _SOORTEN.values() if any(user.heeft_rol(r) for r in s.goedkeurders)]
    return (Goedkeuringsverzoek.objects.filter(uitkomst=Goedkeuringsverzoek.Uitkomst.OPEN,
                                               soort__in=soorten)
            .select_related("aangevraagd_door").order_by("aangevraagd_op", "id"))


def label(verzoek: Goedkeuringsverzoek) -> str:
    return str(soort(verzoek.soort).label)


def details(verzoek: Goedkeuringsverzoek) -> str | None:
    return soort(verzoek.soort).details(verzoek.payload)
