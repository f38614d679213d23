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

Breakdowns (docs/uitkomsten.md, "Uitkomsten per groep"); `<groep>` is a key of `GROEPEN`,
waarde "<group value>|<class>":
- "voltooid_<groep>": month of recording; class ja / nee.
- "na_<moment>_<groep>", 6 and 12 months: month the questions were sent; class one of
  `UITKOMSTEN` — every sent questionnaire once, so non-response is part of the table.
"""

from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Concat

from cheques.models import Afronding
from rapportage.leeftijd import leeftijdsklasse_sql
from rapportage.models import Telling, Vervolgmeting

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
PLAN = "cheque__beschikking__plan"
# The groups of the breakdowns, as SQL on a model with a `cheque` (Afronding, Vervolgmeting).
GROEPEN = {
    "niveau": F(f"{AANVRAAG}__opleidingsniveau"),
    "leeftijd": leeftijdsklasse_sql(f"{AANVRAAG}__geboortedatum", f"{AANVRAAG}__aanvraagdatum"),
    "gemeente": Coalesce(Cast(f"{AANVRAAG}__gemeente_id", CharField()), Value(ONBEKEND)),
    "loket": F(f"{AANVRAAG}__loket"),
    "opleider": F("cheque__opleider__naam"),
    "kansrijk": Case(When(**{f"{PLAN}__doelsector__kansrijk": True}, then=Value("ja")),
                     default=Value("nee"), output_field=CharField()),
}
# The outcome of one sent questionnaire, most specific first: an occupation on the
# Kansberoepenlijst counts as such even outside a kansrijke sector.
UITKOMSTEN = {
    "kansberoep": "werkt in een beroep van de Kansberoepenlijst",
    "kansrijke_sector": "werkt in een kansrijke sector (ander beroep)",
    "ander_werk": "werkt, niet in een kansrijke sector of kansberoep",
    "geen_werk": "heeft geen werk",
    "geen_antwoord": "geen antwoord (niet beantwoord of gestopt)",
}


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


def uitkomstklasse():
    """The `UITKOMSTEN` class of a sent Vervolgmeting, in SQL."""
    return Case(
        When(ingevuld_op__isnull=True, then=Value("geen_antwoord")),
        When(~Q(werksituatie__in=WERKEND), then=Value("geen_werk")),
        When(kansberoep__isnull=False, then=Value("kansberoep")),
        When(sector__kansrijk=True, then=Value("kansrijke_sector")),
        default=Value("ander_werk"), output_field=CharField())


def _per_groep(groep: str, klasse):
    return Concat(GROEPEN[groep], Value("|"), klasse, output_field=CharField())


def vul_uitsplitsingen(voeg_in, afrondingen, verstuurd) -> None:
    """The breakdowns per group; `afrondingen` annotated with `klasse`."""
    voltooid = Case(When(klasse__in=VOLTOOID, then=Value("ja")), default=Value("nee"),
                    output_field=CharField())
    niveau = Telling.Niveau.DETAIL_UITSPLITSING
    for groep in GROEPEN:
        voeg_in(afrondingen, f"voltooid_{groep}", plek=(*PLEK, "geregistreerd_op"),
                waarde=_per_groep(groep, voltooid), niveau=niveau)
        for moment in NA_MAANDEN:
            voeg_in(verstuurd.filter(moment=moment), f"na_{moment}_{groep}",
                    plek=(*PLEK, "verstuurd_op"), waarde=_per_groep(groep, uitkomstklasse()),
                    niveau=niveau)


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
    vul_uitsplitsingen(voeg_in, afrondingen, verstuurd)
