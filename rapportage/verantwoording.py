"""Verantwoording per financieringsbron: the participants a public bron paid for in a
period, pseudonymised, with the amounts charged to it and a reconciliation to the ledger.

The amounts come from the charges (tfvv.models.Bronlast, see tfvv.oormerk), one row per
cheque. The reconciliation proves, per ledger kind and to the cent, that the ledger of the
period (Budgetboeking) equals what is charged to this bron + to the other bronnen + what
was booked before earmarking existed (uncharged); the difference must be € 0,00.

Participants appear under a pseudonym: an HMAC of the aanvraag with a key derived from the
secret key and the bron, so the fund can re-identify (for an audit) and two funders cannot
link their lists. No name, address, date of birth, e-mail or cheque number: the age at the
start of the training as an ESF+ band, education and labour-market position at the
aanvraag (as the resident gave them), the route and the cheque's state. Per participant
also the co-financing of the plan (promised / confirmed / realised, cheques.cofinanciering;
the plan's full amounts, also when a cheque is charged to more than one bron) and the
outcome: the completion (cheques.Afronding) and the work situation 6 months later where the
participant answered the follow-up questionnaire (rapportage.Vervolgmeting).
"""

import hashlib
import hmac
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aanvragen.models import Arbeidssituatie, Opleidingsniveau
from cheques import cofinanciering
from cheques.models import Afronding, Cheque
from loopbaangesprekken.models.scholingsplan import Route
from rapportage.models import Vervolgmeting
from tfvv import export
from tfvv.models import Begrotingsperiode, Bronlast, Budgetboeking, Financieringsbron

S = Budgetboeking.Soort
NUL = Decimal("0.00")

# ESF+ common indicators (Regulation (EU) 2021/1057, annex I) group education by ISCED.
ISCED = {
    Opleidingsniveau.GEEN: "ISCED 0–2", Opleidingsniveau.VMBO: "ISCED 0–2",
    Opleidingsniveau.MBO1: "ISCED 0–2", Opleidingsniveau.MBO2: "ISCED 3–4",
    Opleidingsniveau.MBO3: "ISCED 3–4", Opleidingsniveau.MBO4: "ISCED 3–4",
    Opleidingsniveau.HAVO: "ISCED 3–4", Opleidingsniveau.VWO: "ISCED 3–4",
    Opleidingsniveau.HBO: "ISCED 5–8", Opleidingsniveau.WO: "ISCED 5–8",
}
WERKEND = frozenset({Arbeidssituatie.LOONDIENST, Arbeidssituatie.ZZP})


def pseudoniem(*, bron_id: int, aanvraag_id: int | str) -> str:
    sleutel = hashlib.sha256(f"verantwoording:{settings.SECRET_KEY}".encode()).digest()
    return "P-" + hmac.new(sleutel, f"{bron_id}:{aanvraag_id}".encode(),
                           hashlib.sha256).hexdigest()[:12].upper()


LEEFTIJDSKLASSEN = ((30, gettext_noop("jonger dan 30")), (55, gettext_noop("30 tot 55")),
                    (None, gettext_noop("55 of ouder")))


def leeftijdsklasse(geboortedatum, peildatum, labels: dict | None = None) -> str:
    """The ESF+ age band at `peildatum`; `labels` (the bands translated once) for a long
    list: a gettext per row is most of the report's time at 100k aanvragen."""
    leeftijd = peildatum.year - geboortedatum.year - (
        (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day))
    band = next(b for grens, b in LEEFTIJDSKLASSEN if grens is None or leeftijd < grens)
    return labels[band] if labels is not None else _(band)


# the amounts per participant and in the totals: name -> the ledger kinds it sums
BEDRAGEN = {"toegekend": (S.RESERVERING,), "vrijgevallen": (S.VRIJVAL,),
            "uitbetaald": (S.REALISATIE, S.VOORSCHOT), "teruggevorderd": (S.TERUGVORDERING,),
            "terugontvangen": (S.ONTVANGST,)}


@dataclass
class Deelnemer:
    pseudoniem: str
    leeftijdsklasse: str
    opleidingsniveau: str
    isced: str
    arbeidsmarktpositie: str
    route: str
    status: str
    bedragen: dict  # soort -> amount charged to the bron
    cofinanciering_toegezegd: Decimal = NUL
    cofinanciering_bevestigd: Decimal = NUL
    cofinanciering_gerealiseerd: Decimal = NUL
    afronding: str = ""
    werk_na_6_maanden: str = ""

    def bedrag(self, *soorten) -> Decimal:
        return sum((self.bedragen.get(s, NUL) for s in soorten), NUL)

    @property
    def toegekend(self):
        return self.bedrag(*BEDRAGEN["toegekend"])

    @property
    def vrijgevallen(self):
        return self.bedrag(*BEDRAGEN["vrijgevallen"])

    @property
    def uitbetaald(self):
        return self.bedrag(*BEDRAGEN["uitbetaald"])

    @property
    def teruggevorderd(self):
        return self.bedrag(*BEDRAGEN["teruggevorderd"])

    @property
    def terugontvangen(self):
        return self.bedrag(*BEDRAGEN["terugontvangen"])


@dataclass
class Aansluiting:
    """One ledger kind: the ledger total and where it went."""

    soort: str
    label: str
    grootboek: Decimal
    deze_bron: Decimal
    andere_bronnen: Decimal
    niet_toegerekend: Decimal

    @property
    def verschil(self) -> Decimal:
        return self.grootboek - self.deze_bron - self.andere_bronnen - self.niet_toegerekend


@dataclass
class Verantwoording:
    periode: Begrotingsperiode
    bron: Financieringsbron
    toegezegd: Decimal
    deelnemers: list[Deelnemer]
    aansluiting: list[Aansluiting]
    totalen: dict = field(default_factory=dict)  # the Deelnemer properties, summed
    # (label, number of participants) for the completion and the work situation at 6 months
    afrondingen: list = field(default_factory=list)
    werk_na_6_maanden: list = field(default_factory=list)

    @property
    def aantal_deelnemers(self) -> int:
        return len(self.deelnemers)

    @property
    def sluit(self) -> bool:
        return all(a.verschil == 0 for a in self.aansluiting) and all(
            a.deze_bron == self.totalen_per_soort.get(a.soort, NUL) for a in self.aansluiting)

    @property
    def totalen_per_soort(self) -> dict:
        uit = defaultdict(lambda: NUL)
        for d in self.deelnemers:
            for soort, bedrag in d.bedragen.items():
                uit[soort] += bedrag
        return uit


def _per_soort(qs) -> dict:
    return dict(qs.values("soort").annotate(s=Sum("bedrag")).values_list("soort", "s"))


def aansluiting(periode, bron) -> list[Aansluiting]:
    """Per ledger kind: ledger = this bron + other bronnen + uncharged (four queries)."""
    grootboek = _per_soort(Budgetboeking.objects.filter(periode=periode))
    lasten = Bronlast.objects.filter(periode=periode)
    deze = _per_soort(lasten.filter(bron=bron))
    andere = _per_soort(lasten.exclude(bron=bron))
    niet = _per_soort(Budgetboeking.objects.filter(periode=periode, bronlasten__isnull=True))
    return [Aansluiting(soort=s, label=str(S(s).label), grootboek=grootboek.get(s) or NUL,
                        deze_bron=deze.get(s) or NUL, andere_bronnen=andere.get(s) or NUL,
                        niet_toegerekend=niet.get(s) or NUL)
            for s in S.values if s in grootboek or s in deze]


def _labels(choices) -> dict:
    """code -> translated label, once per report (a model's get_FOO_display per row costs
    a gettext and a hash of the choices)."""
    return {code: str(label) for code, label in choices}


def afrondingstekst(afronding: Afronding | None, labels: dict) -> str:
    if afronding is None:
        return _("nog niet afgerond")
    tekst = labels[afronding.soort]
    if afronding.aanwezigheid_procent is not None:
        tekst += f" ({afronding.aanwezigheid_procent} %)"
    return tekst


def werk_na_6_maanden(cheque_ids) -> dict:
    """cheque_id -> the work situation the participant gave 6 months on (one query)."""
    labels = _labels(Vervolgmeting.Werksituatie.choices)
    return {cheque_id: labels[werk] for cheque_id, werk in Vervolgmeting.objects.filter(
        cheque_id__in=cheque_ids, moment=Vervolgmeting.Moment.ZES_MAANDEN,
        ingevuld_op__isnull=False).exclude(werksituatie="").values_list("cheque_id",
                                                                         "werksituatie")}


def verantwoording(periode: Begrotingsperiode, bron: Financieringsbron) -> Verantwoording:
    """The report (seven queries plus the reconciliation's four, whatever the size)."""
    per_cheque = defaultdict(dict)
    for r in (Bronlast.objects.filter(periode=periode, bron=bron)
              .values("referentie", "soort").annotate(s=Sum("bedrag"))):
        per_cheque[r["referentie"]][r["soort"]] = r["s"]
    cheques = {c.nummer: c for c in Cheque.objects.filter(nummer__in=list(per_cheque))
               .select_related("beschikking__plan__aanvraag", "afronding")}
    cofin = cofinanciering.per_plan([c.beschikking.plan_id for c in cheques.values()])
    werk = werk_na_6_maanden([c.pk for c in cheques.values()])
    niveau, route = _labels(Opleidingsniveau.choices), _labels(Route.choices)
    status, afronding = _labels(Cheque.Status.choices), _labels(Afronding.Soort.choices)
    positie = {code: (_("werkend") if code in WERKEND else _("werkzoekend")) + " — " + str(label)
               for code, label in Arbeidssituatie.choices}
    leeftijden = {band: _(band) for _grens, band in LEEFTIJDSKLASSEN}
    deelnemers = []
    for referentie in sorted(per_cheque):
        cheque = cheques.get(referentie)
        if cheque is None:  # a charge under a referentie that is no cheque (never in practice)
            deelnemers.append(Deelnemer(pseudoniem=pseudoniem(bron_id=bron.pk,
                                                              aanvraag_id=f"ref:{referentie}"),
                                        leeftijdsklasse="",
                                        opleidingsniveau="", isced="", arbeidsmarktpositie="",
                                        route="", status="", bedragen=per_cheque[referentie]))
            continue
        plan = cheque.beschikking.plan
        aanvraag = plan.aanvraag
        deelnemers.append(Deelnemer(
            pseudoniem=pseudoniem(bron_id=bron.pk, aanvraag_id=aanvraag.pk),
            leeftijdsklasse=leeftijdsklasse(aanvraag.geboortedatum, plan.startdatum,
                                            leeftijden),
            opleidingsniveau=niveau.get(aanvraag.opleidingsniveau, aanvraag.opleidingsniveau),
            isced=ISCED.get(aanvraag.opleidingsniveau, ""),
            arbeidsmarktpositie=positie.get(aanvraag.arbeidssituatie, ""),
            route=route.get(plan.route, plan.route),
            status=status[cheque.status],
            bedragen=per_cheque[referentie],
            cofinanciering_toegezegd=cofin[plan.pk].toegezegd,
            cofinanciering_bevestigd=cofin[plan.pk].bevestigd,
            cofinanciering_gerealiseerd=cofin[plan.pk].gerealiseerd,
            afronding=afrondingstekst(getattr(cheque, "afronding", None), afronding),
            werk_na_6_maanden=werk.get(cheque.pk, "")))
    deelnemers.sort(key=lambda d: d.pseudoniem)
    toegezegd = (bron.toezeggingen.filter(periode=periode).aggregate(s=Sum("bedrag"))["s"]
                 or NUL)
    v = Verantwoording(periode=periode, bron=bron, toegezegd=toegezegd, deelnemers=deelnemers,
                       aansluiting=aansluiting(periode, bron))
    v.totalen = {naam: sum((getattr(d, naam) for d in deelnemers), NUL)
                 for naam in TOTALEN}
    v.afrondingen, v.werk_na_6_maanden = uitkomsten(periode, bron)
    return v


def _cheques_van(periode, bron):
    return Cheque.objects.filter(nummer__in=Bronlast.objects.filter(
        periode=periode, bron=bron).values("referentie"))


def uitkomsten(periode, bron) -> tuple[list, list]:
    """(label, participants) per completion and per work situation at 6 months (answered
    only), counted in the database (two queries)."""
    cheques = _cheques_van(periode, bron)
    afronding = _labels(Afronding.Soort.choices)
    afrondingen = sorted(
        (afronding.get(soort) or _("nog niet afgerond"), n) for soort, n in
        cheques.values("afronding__soort").annotate(n=Count("id"))
        .values_list("afronding__soort", "n"))
    werk = _labels(Vervolgmeting.Werksituatie.choices)
    na_6 = sorted((werk[w], n) for w, n in Vervolgmeting.objects.filter(
        cheque__in=cheques, moment=Vervolgmeting.Moment.ZES_MAANDEN,
        ingevuld_op__isnull=False).exclude(werksituatie="").values("werksituatie")
        .annotate(n=Count("id")).values_list("werksituatie", "n"))
    return afrondingen, na_6


TOTALEN = ("toegekend", "vrijgevallen", "uitbetaald", "teruggevorderd", "terugontvangen",
           "cofinanciering_toegezegd", "cofinanciering_bevestigd",
           "cofinanciering_gerealiseerd")


def kolommen() -> list[str]:
    return [_("Pseudoniem"), _("Leeftijd bij start"), _("Hoogst afgeronde opleiding"),
            _("ISCED"), _("Arbeidsmarktpositie bij start"), _("Route"), _("Status cheque"),
            _("Toegekend (€)"), _("Vrijgevallen (€)"), _("Uitbetaald (€)"),
            _("Teruggevorderd (€)"), _("Terugontvangen (€)"),
            _("Cofinanciering toegezegd (€)"), _("Cofinanciering bevestigd (€)"),
            _("Cofinanciering gerealiseerd (€)"), _("Afronding"),
            _("Werksituatie na 6 maanden")]


def rijen(v: Verantwoording) -> list[list]:
    return [[d.pseudoniem, d.leeftijdsklasse, d.opleidingsniveau, d.isced,
             d.arbeidsmarktpositie, d.route, d.status, d.toegekend, d.vrijgevallen,
             d.uitbetaald, d.teruggevorderd, d.terugontvangen, d.cofinanciering_toegezegd,
             d.cofinanciering_bevestigd, d.cofinanciering_gerealiseerd, d.afronding,
             d.werk_na_6_maanden] for d in v.deelnemers]


def aansluiting_kolommen() -> list[str]:
    return [_("Soort boeking"), _("Grootboek periode (€)"), _("Deze bron (€)"),
            _("Andere bronnen (€)"), _("Niet toegerekend (€)"), _("Verschil (€)")]


def aansluiting_rijen(v: Verantwoording) -> list[list]:
    return [[a.label, a.grootboek, a.deze_bron, a.andere_bronnen, a.niet_toegerekend,
             a.verschil] for a in v.aansluiting]


def uitkomst_rijen(v: Verantwoording) -> list[list]:
    return ([[_("Afronding"), label, n] for label, n in v.afrondingen]
            + [[_("Werksituatie na 6 maanden"), label, n] for label, n in v.werk_na_6_maanden])


def xlsx_bytes(v: Verantwoording) -> bytes:
    return export.xlsx_bytes(_("Deelnemers"), kolommen(), rijen(v), extra_bladen=[
        (_("Aansluiting grootboek"), aansluiting_kolommen(), aansluiting_rijen(v)),
        (_("Uitkomsten"), [_("Onderdeel"), _("Uitkomst"), _("Deelnemers")],
         uitkomst_rijen(v))])
