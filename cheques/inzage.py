"""The decisions, the cheque and its money of a resident in their AVG inzage export
(`aanvragen.inzage`). Each part costs one or two queries, whatever the number of records."""

from django.db.models import F

from aanvragen import inzage
from cheques.models import (
    Aanvulverzoek,
    Afronding,
    Beschikking,
    Betaling,
    Bezwaar,
    Cheque,
    Cofinancieringscorrectie,
    Cofinancieringsrealisatie,
    Declaratie,
    Declaratieindiening,
    Terugvordering,
    Vervolgbesluit,
)


def _per_aanvraag(model, pad: str, referenties: dict):
    """The records of `model` whose aanvraag (reached through `pad`) is the resident's."""
    return (model.objects.filter(**{f"{pad}__in": referenties})
            .annotate(aanvraag_ref=F(pad)).order_by("pk"))


def _rijen(model, pad: str, referenties: dict) -> list[dict]:
    return [inzage.rij(obj, aanvraag=referenties[obj.aanvraag_ref])
            for obj in _per_aanvraag(model, pad, referenties)]


def aanvulverzoeken(referenties: dict) -> list[dict]:
    qs = _per_aanvraag(Aanvulverzoek, "plan__aanvraag_id", referenties).prefetch_related(
        "antwoorden")
    return [inzage.rij(v, aanvraag=referenties[v.aanvraag_ref], extra={
        "antwoorden": [inzage.rij(a, aanvraag=referenties[v.aanvraag_ref])
                       for a in v.antwoorden.all()]}) for v in qs]


def cheques(referenties: dict) -> list[dict]:
    qs = _per_aanvraag(Cheque, "beschikking__plan__aanvraag_id", referenties).select_related(
        "opleider")
    return [inzage.rij(c, aanvraag=referenties[c.aanvraag_ref],
                       extra={"opleider": c.opleider.naam}) for c in qs]


def terugvorderingen(referenties: dict) -> list[dict]:
    qs = _per_aanvraag(Terugvordering, "cheque__beschikking__plan__aanvraag_id",
                       referenties).prefetch_related("stappen")
    return [inzage.rij(t, aanvraag=referenties[t.aanvraag_ref], extra={
        "stappen": [inzage.rij(s, aanvraag=referenties[t.aanvraag_ref])
                    for s in t.stappen.all()]}) for t in qs]


def cofinancieringscorrecties(referenties: dict) -> list[dict]:
    qs = _per_aanvraag(Cofinancieringscorrectie,
                       "realisatie__cheque__beschikking__plan__aanvraag_id",
                       referenties).select_related("verzoek")
    return [inzage.rij(c, aanvraag=referenties[c.aanvraag_ref],
                       extra={"reden van de correctie": c.verzoek.toelichting}) for c in qs]



def _via_cheque(model):
    return lambda referenties: _rijen(model, "cheque__beschikking__plan__aanvraag_id",
                                      referenties)


inzage.registreer("aanvullingsverzoeken", aanvulverzoeken)
inzage.registreer("beschikkingen", lambda r: _rijen(Beschikking, "plan__aanvraag_id", r))
inzage.registreer("vervolgbesluiten",
                  lambda r: _rijen(Vervolgbesluit, "beschikking__plan__aanvraag_id", r))
inzage.registreer("bezwaren", lambda r: _rijen(Bezwaar, "dossier_id", r))
inzage.registreer("cheques", cheques)
inzage.registreer("declaraties_van_de_opleider", _via_cheque(Declaratie))
inzage.registreer("declaraties_in_het_opleidersportaal", _via_cheque(Declaratieindiening))
inzage.registreer("afronding_van_de_opleiding", _via_cheque(Afronding))
inzage.registreer("betalingen_aan_de_opleider", _via_cheque(Betaling))
inzage.registreer("terugvorderingen", terugvorderingen)
inzage.registreer("cofinanciering_betaald", _via_cheque(Cofinancieringsrealisatie))


inzage.registreer("cofinanciering_gecorrigeerd", cofinancieringscorrecties)
