"""Co-financing after the grant (reads): per line of a cheque's plan what was promised,
confirmed and realised, and finance's overview per bron and per werkgever
(docs/cofinanciering.md). Writes: cheques.services.cofinanciering.

Promised is the line's amount in the plan; confirmed is that amount when the line counts
for R5 (`Cofinancieringsregel.telt_mee`: the party's digital confirmation, documentary
evidence with the consulent's reason, or the applicant's own declared contribution);
realised is what finance recorded (Cofinancieringsrealisatie), or the latest correction of it
a second person approved (Cofinancieringscorrectie)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext as _

from cheques.models import Cheque, Cofinancieringscorrectie, Cofinancieringsrealisatie
from cheques.models.cofinanciering import Cofinancieringsbetaling
from loopbaangesprekken.models import Cofinancieringsregel
from tfvv.models import Goedkeuringsverzoek

NUL = Decimal("0.00")
Bron = Cofinancieringsregel.Bron
GOEDGEKEURD = Goedkeuringsverzoek.Uitkomst.GOEDGEKEURD


def _geldend(realisatie: Cofinancieringsrealisatie, correcties) -> Cofinancieringsbetaling:
    """The latest approved correction, else the realisation as first recorded."""
    goedgekeurd = [c for c in correcties if c.verzoek.uitkomst == GOEDGEKEURD]
    if not goedgekeurd:
        return realisatie
    return max(goedgekeurd, key=lambda c: (c.verzoek.besloten_op, c.pk))


def geldende_betaling(realisatie: Cofinancieringsrealisatie, *,
                      zonder: Cofinancieringscorrectie | None = None) -> Cofinancieringsbetaling:
    """What holds for one realisation now (`zonder`: leave out that correction)."""
    correcties = realisatie.correcties.select_related("verzoek")
    if zonder is not None:
        correcties = correcties.exclude(pk=zonder.pk)
    return _geldend(realisatie, correcties)


@dataclass
class Regelstand:
    regel: Cofinancieringsregel
    vastlegging: Cofinancieringsrealisatie | None  # as first recorded
    # what holds: the latest approved correction, else the realisation itself
    realisatie: Cofinancieringsbetaling | None = None
    correctie_open: Cofinancieringscorrectie | None = None  # waiting for a second person

    def __post_init__(self):
        if self.vastlegging is not None:
            correcties = self.vastlegging.alle_correcties
            self.realisatie = _geldend(self.vastlegging, correcties)
            self.correctie_open = next((c for c in correcties if c.verzoek.is_open), None)

    @property
    def gecorrigeerd(self) -> bool:
        return self.realisatie is not self.vastlegging

    @property
    def toegezegd(self) -> Decimal:
        return self.regel.bedrag

    @property
    def bevestigd(self) -> Decimal:
        return self.regel.bedrag if self.regel.telt_mee else NUL

    @property
    def gerealiseerd(self) -> Decimal | None:
        return self.realisatie.bedrag if self.realisatie else None

    @property
    def tekort(self) -> Decimal:
        """How much less was realised than promised (0 when not yet recorded)."""
        if self.realisatie is None:
            return NUL
        return max(self.regel.bedrag - self.realisatie.bedrag, NUL)

    @property
    def vast_te_leggen(self) -> bool:
        """A non-zero line whose realisation must be recorded before the vaststelling."""
        return self.realisatie is None and self.regel.bedrag > 0


def _met_realisatie(qs):
    """Lines with their realisation and its corrections (two queries, whatever the size)."""
    return qs.select_related("werkgever", "realisatie").prefetch_related(Prefetch(
        "realisatie__correcties", to_attr="alle_correcties",
        queryset=Cofinancieringscorrectie.objects.select_related(
            "verzoek__aangevraagd_door", "verzoek__besloten_door").order_by("id")),
    ).order_by("id")


def _stand(regel: Cofinancieringsregel) -> Regelstand:
    return Regelstand(regel, getattr(regel, "realisatie", None))


def regelstanden(cheque: Cheque) -> list[Regelstand]:
    """The co-financing lines of the cheque's plan with their realisation."""
    regels = _met_realisatie(Cofinancieringsregel.objects.filter(
        plan_id=cheque.beschikking.plan_id))
    return [_stand(r) for r in regels]


def tekort(standen: list[Regelstand]) -> Decimal:
    return sum((s.tekort for s in standen), NUL)


@dataclass
class Totaal:
    naam: str
    aantal: int = 0
    toegezegd: Decimal = NUL
    bevestigd: Decimal = NUL
    gerealiseerd: Decimal = NUL
    open: int = field(default=0)  # lines whose realisation is not recorded yet

    @property
    def verschil(self) -> Decimal:
        """Realised minus promised: negative when parties paid less than they promised."""
        return self.gerealiseerd - self.toegezegd

    def tel(self, stand: Regelstand) -> None:
        self.aantal += 1
        self.toegezegd += stand.toegezegd
        self.bevestigd += stand.bevestigd
        if stand.realisatie is None:
            self.open += 1
        else:
            self.gerealiseerd += stand.realisatie.bedrag


@dataclass
class Overzicht:
    per_bron: list[Totaal]
    per_werkgever: list[Totaal]
    totaal: Totaal


def overzicht() -> Overzicht:
    """Every co-financing line of a plan with a cheque that did not lapse unused, per bron
    and per werkgever from the register (one query, whatever the size)."""
    gebruikt = Cheque.objects.filter(beschikking__plan_id=OuterRef("plan_id")).exclude(
        status=Cheque.Status.VERVALLEN)
    regels = _met_realisatie(Cofinancieringsregel.objects.filter(Exists(gebruikt)))
    per_bron = {b: Totaal(str(label)) for b, label in Bron.choices}
    per_werkgever: dict = {}
    buiten_register = Totaal(_("Werkgevers buiten het register"))
    totaal = Totaal(_("Totaal"))
    for regel in regels.iterator(chunk_size=2000):
        stand = _stand(regel)
        totaal.tel(stand)
        per_bron[regel.bron].tel(stand)
        if regel.werkgever_id is not None:
            per_werkgever.setdefault(regel.werkgever_id, Totaal(regel.werkgever.naam)).tel(stand)
        elif regel.bron == Bron.WERKGEVER:
            buiten_register.tel(stand)
    werkgevers = sorted(per_werkgever.values(), key=lambda t: (t.naam.lower(), t.naam))
    if buiten_register.aantal:
        werkgevers.append(buiten_register)
    return Overzicht(per_bron=[t for t in per_bron.values() if t.aantal],
                     per_werkgever=werkgevers, totaal=totaal)


def kolommen(eerste: str) -> list[str]:
    return [eerste, _("Regels"), _("Toegezegd (€)"), _("Bevestigd (€)"),
            _("Gerealiseerd (€)"), _("Verschil (€)"), _("Nog vast te leggen")]


def rijen(totalen: list[Totaal]) -> list[list]:
    return [[t.naam, t.aantal, t.toegezegd, t.bevestigd, t.gerealiseerd, t.verschil, t.open]
            for t in totalen]


def per_plan(plan_ids) -> dict:
    """plan_id -> Totaal of its co-financing lines (one query), for the funder report."""
    uit = defaultdict(lambda: Totaal(""))
    for regel in _met_realisatie(Cofinancieringsregel.objects.filter(plan_id__in=plan_ids)):
        uit[regel.plan_id].tel(_stand(regel))
    return uit
