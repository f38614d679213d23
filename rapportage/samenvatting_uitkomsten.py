"""Summary rows for the outcome figures (docs/uitkomsten.md), set-based like
`rapportage.samenvatting`: completion per afronding, response per questionnaire moment, and
the answers at 6 and 12 months (work situation per route, sector from → to).

Dimensions (`Telling.dimensie`):
- "afronding": month of recording; waarde diploma / presentie / niet_voltooid / gestopt.
- "voltooid": the same afrondingen; waarde ja / nee (the completion rate).
- "respons_<moment>": month the questions were sent; waarde beantwoord / gestopt /
  niet_beantwoord (sent, no answer, not stopped).
- "werk_<moment>": month answered, 6 and 12 months; waarde "<route>|<werksituatie>".
- "sector_<moment>": month answered, 6 and 12 months; waarde "<sector before> → <sector now>"
  (the plan's huidige sector; "geen werk" when the person does not work now).
"""

from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Coalesce, Concat

from cheques.models import Afronding
from rapportage.models import Vervolgmeting

M = Vervolgmeting.Moment
AANVRAAG = "cheque__beschikking__plan__aanvraag"
PLEK = (f"{AANVRAAG}__gemeente_id", f"{AANVRAAG}__loket")
ONBEKEND = "onbekend"
GEEN_WERK = "geen werk"
WERKEND = (Vervolgmeting.Werksituatie.ZELFDE_WERK, Vervolgmeting.Werksituatie.ANDER_WERK,
           Vervolgmeting.Werksituatie.ZELFSTANDIG)
AFRONDING_LABELS = {
    "diploma": "Afgerond met diploma of certificaat",
    "presentie": "Afgerond met presentie van 80 % of meer",
    "niet_voltooid": "Presentie onder 80 %",
    "gestopt": "Gestopt",
}
VOLTOOID = ("diploma", "presentie")
VOLTOOID_LABELS = {"ja": "Voltooid", "nee": "Niet voltooid (gestopt of presentie onder 80 %)"}
RESPONS_LABELS = {"beantwoord": "Beantwoord", "niet_beantwoord": "Niet beantwoord",
                  "gestopt": "Gestopt op verzoek"}
NA_MAANDEN = (M.ZES_MAANDEN, M.TWAALF_MAANDEN)


def afrondingsklasse():
    """The completion class in SQL, as `Afronding.voltooid` decides it in Python."""
    S = Afronding.Soort
    return Case(
        When(soort__in=(S.DIPLOMA, S.CERTIFICAAT), then=Value("diploma")),
        When(soort=S.AANWEZIGHEID,
             aanwezigheid_procent__gte=Afronding.VOLTOOID_VANAF_PROCENT,
             then=Value("presentie")),
        When(soort=S.AANWEZIGHEID, then=Value("niet_voltooid")),
        default=Value("gestopt"), output_field=CharField())


def vul_uitkomsten(voeg_in) -> None:
    """`voeg_in` is `rapportage.samenvatting._voeg_in` (passed to keep one writer)."""
    afrondingen = Afronding.objects.annotate(klasse=afrondingsklasse())
    plek = (*PLEK, "geregistreerd_op")
    voeg_in(afrondingen, "afronding", plek=plek, waarde=F("klasse"))
    voeg_in(afrondingen, "voltooid", plek=plek, waarde=Case(
        When(klasse__in=VOLTOOID, then=Value("ja")), default=Value("nee"),
        output_field=CharField()))
    metingen = Vervolgmeting.objects.all()
    verstuurd = metingen.filter(verstuurd_op__isnull=False)
    respons = Case(When(ingevuld_op__isnull=False, then=Value("beantwoord")),
                    When(gestopt_op__isnull=False, then=Value("gestopt")),
                    default=Value("niet_beantwoord"), output_field=CharField())
    for moment in M.values:
        voeg_in(verstuurd.filter(moment=moment), f"respons_{moment}",
                plek=(*PLEK, "verstuurd_op"), waarde=respons)
    ingevuld = metingen.filter(ingevuld_op__isnull=False)
    sector_nu = Case(When(Q(werksituatie__in=WERKEND),
                           then=Coalesce("sector__naam", Value(ONBEKEND))),
                      default=Value(GEEN_WERK), output_field=CharField())
    for moment in NA_MAANDEN:
        qs = ingevuld.filter(moment=moment)
        plek = (*PLEK, "ingevuld_op")
        voeg_in(qs, f"werk_{moment}", plek=plek, waarde=Concat(
            F("cheque__beschikking__plan__route"), Value("|"), F("werksituatie"),
            output_field=CharField()))
        voeg_in(qs, f"sector_{moment}", plek=plek, waarde=Concat(
            Coalesce("cheque__beschikking__plan__huidige_sector__naam", Value(ONBEKEND)),
            Value(" → "), sector_nu, output_field=CharField()))
