"""Finance's reads of the declaraties submitted by opleiders (docs/opleiders.md, "Declaraties
afhandelen"): the worklist, one indiening with what finance needs to judge it, and the
indieningen on a cheque. Unlike cheques.selectors_opleiderdeclaraties (always ONE opleider),
finance sees every opleider's."""

from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from cheques.models import Declaratiebericht, Declaratieindiening
from loopbaangesprekken.models import Opleider

ST = Declaratieindiening.Status

# the sort keys of the worklist (whitelist); open ones always come first
SORTERINGEN = {
    "ingediend_op": ("ingediend_op", "id"), "-ingediend_op": ("-ingediend_op", "-id"),
    "cheque": ("cheque__nummer", "id"), "-cheque": ("-cheque__nummer", "-id"),
    "opleider": ("opleider__naam", "ingediend_op", "id"),
    "-opleider": ("-opleider__naam", "ingediend_op", "id"),
    "bedrag": ("bedrag", "ingediend_op", "id"), "-bedrag": ("-bedrag", "ingediend_op", "id"),
}
STANDAARD = "ingediend_op"  # the oldest open one first: it has waited longest


def werkvoorraad(*, status: str = "", opleider_id: int | None = None,
                 sorteer: str = STANDAARD):
    """A queryset for a Paginator: a count and one page of rows with the cheque, the
    opleider and the holder (the aanvraag) joined, whatever the size of the data."""
    qs = (Declaratieindiening.objects
          .select_related("opleider", "cheque__beschikking__plan__aanvraag")
          .annotate(open_eerst=Case(When(status=ST.INGEDIEND, then=Value(0)), default=Value(1),
                                    output_field=IntegerField()))
          .order_by("open_eerst", *SORTERINGEN.get(sorteer, SORTERINGEN[STANDAARD])))
    if status:
        qs = qs.filter(status=status)
    if opleider_id:
        qs = qs.filter(opleider_id=opleider_id)
    return qs


def aantal_open() -> int:
    return Declaratieindiening.objects.filter(status=ST.INGEDIEND).count()


def opleiders_met_indieningen():
    """The opleiders to filter on: those that ever submitted a declaratie."""
    return (Opleider.objects.filter(declaratieindieningen__isnull=False).distinct()
            .order_by("naam").only("pk", "naam"))


def dagen_wachtend(indiening: Declaratieindiening) -> int | None:
    """Calendar days since submission, for an open one (None once judged or withdrawn)."""
    if indiening.status != ST.INGEDIEND:
        return None
    return (timezone.localdate() - timezone.localdate(indiening.ingediend_op)).days


def indiening(pk: int) -> Declaratieindiening:
    berichten = Declaratiebericht.objects.select_related("door").order_by("op", "id")
    return get_object_or_404(
        Declaratieindiening.objects.select_related(
            "opleider", "ingediend_door", "beoordeeld_door", "declaratie",
            "cheque__beschikking__plan__aanvraag")
        .prefetch_related(Prefetch("berichten", queryset=berichten)), pk=pk)


def van_cheque(cheque, *, behalve: int | None = None) -> list[Declaratieindiening]:
    """The indieningen on a cheque, the newest first (the cheque page and the history on
    an indiening's page)."""
    return list(Declaratieindiening.objects.filter(cheque=cheque).exclude(pk=behalve)
                .order_by("-ingediend_op", "-id"))
