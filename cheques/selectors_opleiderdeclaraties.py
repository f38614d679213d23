"""Reads of the opleider's declaraties: always of ONE opleider, so another opleider's
cheque or declaratie does not exist for it (404)."""

from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone

from cheques.declaratieregels import Stand, declarabel
from cheques.models import Afronding, Cheque, Declaratiebericht, Declaratieindiening


def cheques_met_stand(opleider, nummers) -> dict[str, Cheque]:
    """`opleider`'s cheques among `nummers`, with what the rules need (`stand`), in ONE
    query."""
    qs = (Cheque.objects.filter(opleider=opleider, nummer__in=nummers)
          .annotate(heeft_afronding=Exists(Afronding.objects.filter(cheque=OuterRef("pk"))),
                    open_indiening=Exists(Declaratieindiening.objects.filter(
                        cheque=OuterRef("pk"), status=Declaratieindiening.Status.INGEDIEND))))
    return {c.nummer: c for c in qs}


def stand(cheque: Cheque) -> Stand:
    """The Stand of a cheque from `cheques_met_stand`."""
    return Stand(heeft_afronding=cheque.heeft_afronding, open_indiening=cheque.open_indiening)


def declarabele(opleider, nummers) -> set[str]:
    """Which of `nummers` the opleider can declare now (the "Declareren" action)."""
    vandaag = timezone.localdate()
    return {nummer for nummer, cheque in cheques_met_stand(opleider, nummers).items()
            if not declarabel(cheque, stand(cheque), vandaag=vandaag)}


def cheque_van(opleider, nummer: str) -> Cheque:
    return get_object_or_404(Cheque.objects.select_related("beschikking__plan__aanvraag"),
                             opleider=opleider, nummer=nummer)


def indieningen_van(opleider):
    return (Declaratieindiening.objects.filter(opleider=opleider).select_related("cheque")
            .order_by("-ingediend_op", "-id"))


def indiening_van(opleider, pk: int) -> Declaratieindiening:
    berichten = Declaratiebericht.objects.select_related("door").order_by("op", "id")
    return get_object_or_404(
        indieningen_van(opleider).prefetch_related(Prefetch("berichten", queryset=berichten)),
        pk=pk)
