"""Co-financing in the summary tables (dimensions of `Telling`, docs/rapportage.md):

- `cofinanciering`: per bron the lines of submitted plans and their amount (promised; a
  declined line is no co-financing);
- `cofinanciering_bevestigd`: the same lines that count for R5 (confirmed by the party,
  declared by the resident, or evidenced with a reason: Cofinancieringsregel.telt_mee);
- `cofinanciering_ikbindr`: the employers' lines, by whether the employer was an
  IKBINDR-zakelijk partner on the date the plan was submitted;
- `cheque_ikbindr`: cheques, by whether an IKBINDR partner co-finances their plan.

Placed like the other plan figures (month of submission, gemeente and loket of the
aanvraag); cheques like the cheques (month of issue).
"""

from django.db.models import Case, CharField, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import TruncDate

from cheques.models import Cheque
from loopbaangesprekken.models import Cofinancieringsregel
from loopbaangesprekken.models.scholingsplan import Toezeggingsstand, telt_mee_sql

PARTNER, GEEN_PARTNER = "partner", "geen_partner"
PLAN = ("plan__aanvraag__gemeente_id", "plan__aanvraag__loket", "plan__ingediend_op")
CHEQUE = ("beschikking__plan__aanvraag__gemeente_id", "beschikking__plan__aanvraag__loket",
          "uitgegeven_op")


def _partner_op_plandatum() -> Q:
    """The line's employer was an IKBINDR partner on the plan's submission date (the
    annotation `plandatum`; Werkgever.ikbindr_partner_op in SQL)."""
    return (Q(werkgever__ikbindr_van__lte=F("plandatum"))
            & (Q(werkgever__ikbindr_tot__isnull=True)
               | Q(werkgever__ikbindr_tot__gte=F("plandatum"))))


def vul_cofinanciering(voeg_in) -> None:
    regels = (Cofinancieringsregel.objects.filter(plan__ingediend_op__isnull=False)
              .exclude(toezegging=Toezeggingsstand.AFGEWEZEN))
    voeg_in(regels, "cofinanciering", plek=PLAN, waarde=F("bron"), bedrag="bedrag")
    voeg_in(regels.filter(telt_mee_sql()), "cofinanciering_bevestigd", plek=PLAN,
            waarde=F("bron"), bedrag="bedrag")
    werkgevers = regels.filter(bron=Cofinancieringsregel.Bron.WERKGEVER).annotate(
        plandatum=TruncDate("plan__ingediend_op"))
    voeg_in(werkgevers, "cofinanciering_ikbindr", plek=PLAN, bedrag="bedrag",
            waarde=Case(When(_partner_op_plandatum(), then=Value(PARTNER)),
                        default=Value(GEEN_PARTNER), output_field=CharField()))
    partner = (Cofinancieringsregel.objects
               .filter(plan=OuterRef("beschikking__plan"), bron=Cofinancieringsregel.Bron.WERKGEVER)
               .exclude(toezegging=Toezeggingsstand.AFGEWEZEN)
               .annotate(plandatum=TruncDate("plan__ingediend_op"))
               .filter(_partner_op_plandatum()))
    voeg_in(Cheque.objects.all(), "cheque_ikbindr", plek=CHEQUE, bedrag="bedrag",
            waarde=Case(When(Exists(partner), then=Value(PARTNER)),
                        default=Value(GEEN_PARTNER), output_field=CharField()))
