"""Payment batches with four-eyes (separation of duties): one financieel medewerker
prepares a batch of voorschotten and payments after vaststelling, ANOTHER approves it with
a fresh code from their authenticator app; only the approval books the payments."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques.betaalmail import plan_betaalmails
from cheques.models import (
    Afronding,
    Betaalbatch,
    Betaalopdracht,
    Betaling,
    Cheque,
    Declaratie,
    Vervolgbesluit,
)
from cheques.permissions import mag_financieel_afhandelen
from cheques.services.financien import betaald, laatste_declaratie, rond_aanvraag_af
from cheques.services.gedeeld import NUL, C, dossier_van, eis
from cheques.workflow import cheque_statusmachine
from tfvv import budget
from tfvv.events import registreer_gebeurtenis
from tfvv.vierogen import VierOgenFout, controleer_verse_code
from tfvv.volgnummers import volgende

S = Betaling.Soort
B = Betaalbatch.Status


@dataclass(frozen=True)
class Voorstel:
    """What a new batch would pay, for the preview."""

    cheque: Cheque
    soort: str
    bedrag: Decimal
    sinds: datetime.date  # the declaratie (voorschot) or the vaststelling (payment)

    @property
    def soort_label(self):
        return S(self.soort).label


def _in_open_batch() -> set[int]:
    return set(Betaalopdracht.objects.filter(batch__status=B.OPGESTELD)
               .values_list("cheque_id", flat=True))


def te_betalen(*, vergrendel: bool = False) -> list[Voorstel]:
    """Voorschotten: declared cheques without a completion proof (an invoice at the start);
    payments: vastgestelde cheques with a remainder after the voorschot. Cheques already
    in a batch waiting for approval are left out."""
    qs = (Cheque.objects.filter(status__in=(C.GEDECLAREERD, C.VASTGESTELD))
          .exclude(pk__in=_in_open_batch())
          .select_related("opleider", "periode").order_by("nummer"))
    if vergrendel:
        qs = qs.select_for_update(of=("self",))
    met_afronding = set(Afronding.objects.values_list("cheque_id", flat=True))
    voorstellen = []
    for cheque in qs:
        if cheque.status == C.GEDECLAREERD:
            if cheque.pk in met_afronding:
                continue  # completion known: vaststellen first, then pay
            declaratie = laatste_declaratie(cheque)
            bedrag = min(declaratie.bedrag, cheque.bedrag)
            voorstellen.append(Voorstel(cheque, S.VOORSCHOT, bedrag,
                                        timezone.localdate(declaratie.geregistreerd_op)))
        else:
            bedrag = cheque.vastgesteld_bedrag - betaald(cheque)
            if bedrag > 0:
                voorstellen.append(Voorstel(cheque, S.EINDBETALING, bedrag,
                                            cheque.vastgesteld_op))
    return voorstellen


def totaal(regels) -> Decimal:
    return sum((r.bedrag for r in regels), NUL)


@transaction.atomic
def stel_betaalbatch_op(*, door, betaaldatum: datetime.date) -> Betaalbatch:
    """Prepare a batch of everything that is due; nothing is booked yet."""
    eis(mag_financieel_afhandelen(door))
    if betaaldatum > timezone.localdate():
        raise ValidationError({"betaaldatum": _("De betaaldatum ligt in de toekomst.")})
    voorstellen = te_betalen(vergrendel=True)
    if not voorstellen:
        raise ValidationError(_("Er is niets te betalen: geen voorschotten en geen "
                                "vastgestelde cheques die nog niet in een batch staan."))
    te_vroeg = [v for v in voorstellen if v.sinds and betaaldatum < v.sinds]
    if te_vroeg:
        raise ValidationError({"betaaldatum": _(
            "De betaaldatum ligt voor de declaratie of vaststelling van %(cheques)s; kies "
            "%(vanaf)s of later.") % {
                "cheques": ", ".join(v.cheque.nummer for v in te_vroeg),
                "vanaf": f"{max(v.sinds for v in te_vroeg):%d-%m-%Y}"}})
    nummer = f"BATCH-{betaaldatum:%Y%m%d}-{volgende(f'betaalbatch-{betaaldatum.year}'):04d}"
    batch = Betaalbatch.objects.create(nummer=nummer, betaaldatum=betaaldatum,
                                       opgesteld_door=door)
    Betaalopdracht.objects.bulk_create(
        Betaalopdracht(batch=batch, cheque=v.cheque, soort=v.soort, bedrag=v.bedrag,
                       iban=v.cheque.opleider.iban, naam=v.cheque.opleider.naam)
        for v in voorstellen)
    registreer_gebeurtenis(actor=door, obj=batch, actie="betaalbatch_opstellen",
                           dossier_id=None,
                           gegevens={"aantal": len(voorstellen),
                                     "totaal": str(totaal(voorstellen))})
    return batch


def _vaststellers(cheque_ids) -> set[int]:
    return set(Vervolgbesluit.objects.filter(cheque_id__in=cheque_ids,
                                             soort=Vervolgbesluit.Soort.VASTSTELLING)
               .values_list("genomen_door_id", flat=True))


def _declaranten(cheque_ids) -> set[int]:
    return set(Declaratie.objects.filter(cheque_id__in=cheque_ids)
               .values_list("geregistreerd_door_id", flat=True))


def _vergrendel_batch(batch: Betaalbatch) -> Betaalbatch:
    batch = Betaalbatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != B.OPGESTELD:
        raise ValidationError(_("Deze batch is al %(status)s.") % {
            "status": batch.get_status_display()})
    return batch


def _boek(regel: Betaalopdracht, cheque: Cheque, *, batch: Betaalbatch, door) -> None:
    Betaling.objects.create(cheque=cheque, bedrag=regel.bedrag, betaald_op=batch.betaaldatum,
                            batch=batch.nummer, soort=regel.soort, geregistreerd_door=door)
    omschrijving = _("%(soort)s %(batch)s") % {"soort": regel.get_soort_display(),
                                                "batch": batch.nummer}
    boeking = budget.betaal_voorschot if regel.soort == S.VOORSCHOT else budget.realiseer
    boeking(periode=cheque.periode, bedrag=regel.bedrag, referentie=cheque.nummer, door=door,
            omschrijving=omschrijving)
    transitie = "voorschot_betalen" if regel.soort == S.VOORSCHOT else "betalen"
    cheque_statusmachine.voer_uit(cheque, transitie, actor=door, dossier_id=dossier_van(cheque),
                                  gegevens={"bedrag": str(regel.bedrag), "batch": batch.nummer})
    if regel.soort == S.EINDBETALING:
        rond_aanvraag_af(cheque, door=door)


def keur_betaalbatch_goed(*, batch: Betaalbatch, door, code: str) -> Betaalbatch:
    """The second pair of eyes: not the preparer, not who registered a declaratie or took
    a vaststelling in the batch; a fresh TOTP code of the approver. Then book."""
    eis(mag_financieel_afhandelen(door))
    # Outside the booking transaction: a wrong code must still count towards django-otp's
    # throttling, which a rollback would undo.
    try:
        controleer_verse_code(door, code)
    except VierOgenFout as fout:
        raise ValidationError({"code": fout.messages}) from None
    return _keur_goed(batch=batch, door=door)


@transaction.atomic
def _keur_goed(*, batch: Betaalbatch, door) -> Betaalbatch:
    batch = _vergrendel_batch(batch)
    if batch.opgesteld_door_id == door.pk:
        raise ValidationError(_("U heeft deze batch zelf opgesteld. Een andere financieel "
                                "medewerker moet hem goedkeuren."))
    regels = list(batch.regels.all())
    cheque_ids = [r.cheque_id for r in regels]
    if door.pk in _declaranten(cheque_ids) | _vaststellers(cheque_ids):
        raise ValidationError(_(
            "U heeft een declaratie in deze batch geregistreerd of vastgesteld. Een andere "
            "financieel medewerker moet de betaling goedkeuren."))
    cheques = {c.pk: c for c in Cheque.objects.select_for_update(of=("self",))
               .select_related("periode", "beschikking__plan__aanvraag")
               .filter(pk__in=cheque_ids)}
    verwacht = {S.VOORSCHOT: C.GEDECLAREERD, S.EINDBETALING: C.VASTGESTELD}
    verouderd = [r for r in regels if cheques[r.cheque_id].status != verwacht[r.soort]]
    if verouderd:
        raise ValidationError(_(
            "De batch is niet meer actueel (%(cheques)s is intussen gewijzigd). Wijs hem af "
            "en stel een nieuwe op.") % {
                "cheques": ", ".join(cheques[r.cheque_id].nummer for r in verouderd)})
    for regel in regels:
        _boek(regel, cheques[regel.cheque_id], batch=batch, door=door)
    batch.status = B.GOEDGEKEURD
    batch.goedgekeurd_door = door
    batch.goedgekeurd_op = timezone.now()
    batch.save(update_fields=["status", "goedgekeurd_door", "goedgekeurd_op"])
    registreer_gebeurtenis(actor=door, obj=batch, actie="betaalbatch_goedkeuren",
                           dossier_id=None,
                           gegevens={"aantal": len(regels), "totaal": str(totaal(regels))})
    plan_betaalmails(batch)
    return batch


@transaction.atomic
def wijs_betaalbatch_af(*, batch: Betaalbatch, door, reden: str) -> Betaalbatch:
    """Nothing is booked; the cheques can go into a new batch."""
    eis(mag_financieel_afhandelen(door))
    batch = _vergrendel_batch(batch)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden van de afwijzing.")})
    batch.status = B.AFGEWEZEN
    batch.reden_afwijzing = reden.strip()
    batch.save(update_fields=["status", "reden_afwijzing"])
    registreer_gebeurtenis(actor=door, obj=batch, actie="betaalbatch_afwijzen",
                           dossier_id=None, reden=reden.strip())
    return batch
