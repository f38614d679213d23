"""The rules for a declaratie submitted by an opleider, without queries: the single form
(cheques.services.opleiderdeclaraties.dien_in, on a locked cheque) and the validation of a
bulk file (which loads what it needs of all its cheques in one query first) apply the
same function, so a row of a file is refused for exactly the reasons the form gives."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cheques.models import Cheque, Declaratieindiening
from cheques.services.financien import controleer_declaratie, datum

C = Cheque.Status
S = Declaratieindiening.Bewijssoort
ALGEMEEN = "__all__"  # the key of a message about the cheque rather than one field

# the cheque states in which the opleider can declare: the invoice (with a start or a
# completion proof) on an unused cheque, the completion proof after a voorschot
DECLARABEL = (C.UITGEGEVEN, C.VOORSCHOT_BETAALD)


@dataclass(frozen=True)
class Stand:
    """What the rules need to know of a cheque beyond its own row."""

    heeft_afronding: bool  # a completion proof was already recorded
    open_indiening: bool  # a declaratie of the opleider waits for finance


@dataclass(frozen=True)
class Gegevens:
    """One declaratie as typed in the form or read from a row of a file."""

    factuurnummer: str = ""
    factuurdatum: datetime.date | None = None
    bedrag: Decimal | None = None
    bewijssoort: str = ""
    aanwezigheid_procent: int | None = None
    gestopt_op: datetime.date | None = None
    reden_gestopt: str = ""


def vraagt_factuur(cheque: Cheque) -> bool:
    """After a voorschot the invoice is known (it was paid as the voorschot): only the
    completion proof is submitted then."""
    return cheque.status != C.VOORSCHOT_BETAALD


def onbekend_chequenummer(nummer: str) -> str:
    """Also for another opleider's cheque: its existence is never revealed."""
    return _("Onbekend chequenummer %(nummer)s.") % {"nummer": nummer or "-"}


def declarabel(cheque: Cheque, stand: Stand, *, vandaag: datetime.date) -> str:
    """Why the opleider cannot declare on `cheque` now; "" when it can."""
    if cheque.status not in DECLARABEL or (cheque.status == C.VOORSCHOT_BETAALD
                                           and stand.heeft_afronding):
        return _("Op cheque %(nummer)s kan nu geen declaratie worden ingediend (status: "
                 "%(status)s).") % {"nummer": cheque.nummer,
                                    "status": cheque.get_status_display()}
    if cheque.geldig_tot < vandaag:
        return _("Cheque %(nummer)s was geldig tot en met %(tot)s en is verlopen.") % {
            "nummer": cheque.nummer, "tot": datum(cheque.geldig_tot)}
    if stand.open_indiening:
        return _("Voor cheque %(nummer)s is al een declaratie ingediend die nog wordt "
                 "beoordeeld.") % {"nummer": cheque.nummer}
    return ""


def fouten_in(cheque: Cheque, stand: Stand, gegevens: Gegevens, *, vandaag: datetime.date,
              factuurnummer_bekend: bool) -> dict[str, str]:
    """A Dutch message per field (ALGEMEEN: about the cheque); empty when all is right.
    `factuurnummer_bekend`: the opleider used the invoice number before."""
    reden = declarabel(cheque, stand, vandaag=vandaag)
    if reden:
        return {ALGEMEEN: reden}
    fouten: dict[str, str] = {}
    if vraagt_factuur(cheque):
        try:
            controleer_declaratie(cheque=cheque, factuurnummer=gegevens.factuurnummer,
                                  factuurdatum=gegevens.factuurdatum or vandaag,
                                  bedrag=gegevens.bedrag)
        except ValidationError as fout:
            fouten.update({veld: berichten[0] for veld, berichten in fout.message_dict.items()})
        if gegevens.factuurdatum is None:
            fouten["factuurdatum"] = _("Vul de factuurdatum in.")
        if "factuurnummer" not in fouten and factuurnummer_bekend:
            fouten["factuurnummer"] = _("U heeft dit factuurnummer al eerder gedeclareerd.")
    elif gegevens.factuurnummer or gegevens.factuurdatum or gegevens.bedrag is not None:
        fouten[ALGEMEEN] = _(
            "Op cheque %(nummer)s is de factuur al als voorschot betaald; stuur alleen het "
            "bewijs van afronding, zonder factuurgegevens.") % {"nummer": cheque.nummer}
    fouten.update(_bewijsfouten(cheque, gegevens, vandaag=vandaag))
    return fouten


def _bewijsfouten(cheque: Cheque, gegevens: Gegevens, *, vandaag) -> dict[str, str]:
    soort = gegevens.bewijssoort
    if soort not in S.values:
        return {"bewijssoort": _("Kies het soort bewijs: start, aanwezigheid, diploma, "
                                 "certificaat of gestopt.")}
    if soort == S.START and cheque.status != C.UITGEGEVEN:
        return {"bewijssoort": _("Een bewijs van start kan alleen bij de eerste declaratie op "
                                 "een cheque; stuur nu het bewijs van afronding.")}
    fouten = {}
    if soort == S.AANWEZIGHEID and (gegevens.aanwezigheid_procent is None
                                    or not 0 <= gegevens.aanwezigheid_procent <= 100):
        fouten["aanwezigheid_procent"] = _("Vul het aanwezigheidspercentage in (0 tot en met "
                                           "100).")
    if soort == S.GESTOPT:
        if gegevens.gestopt_op is None:
            fouten["gestopt_op"] = _("Vul de datum in waarop de deelnemer is gestopt.")
        elif gegevens.gestopt_op > vandaag:
            fouten["gestopt_op"] = _("De datum ligt in de toekomst.")
        if not gegevens.reden_gestopt.strip():
            fouten["reden_gestopt"] = _("Vul de reden in waarom de deelnemer is gestopt.")
    return fouten
