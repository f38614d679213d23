"""The frozen facts the subsidietoets judges: built by a selector from the database or
parsed from JSON by `manage.py subsidietoets`. Nothing here touches the database."""

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

VOLDAAN = "voldaan"
NIET_VOLDAAN = "niet voldaan"
HANDMATIG = "handmatig beoordelen"
UITKOMSTEN = (VOLDAAN, NIET_VOLDAAN, HANDMATIG)

# Education levels. Applicant: aanvragen.models.Opleidingsniveau; training: the plan's levels.
NIVEAUS_AANVRAGER = ("geen", "vmbo", "mbo-1", "mbo-2", "mbo-3", "mbo-4", "havo", "vwo",
                     "hbo", "wo")
HOGER_OPGELEID = frozenset({"hbo", "wo"})
NIVEAUS_SCHOLING = ("mbo-1", "mbo-2", "mbo-3", "mbo-4", "hbo-ad", "hbo", "wo", "overig")
SCHOLING_TOT_MBO4 = frozenset({"mbo-1", "mbo-2", "mbo-3", "mbo-4", "overig"})

# What the Twente postcode list says about a PC4 (tfvv.models.Postcodegebied.Soort);
# None: not on the list, i.e. outside Twente.
POSTCODESOORTEN = ("woon", "grens", "postbus")

COFINANCIERINGSBRONNEN = ("werkgever", "uwv", "gemeente", "oo_fonds", "eigen_bijdrage")


@dataclass(frozen=True)
class RegelingParameters:
    """The parameters of one tfvv.models.Regeling version."""

    code: str
    naam: str
    geldig_van: date
    geldig_tot: date
    minimumleeftijd: int
    cofinanciering_aandeel: Decimal  # 0.500 = 50 %
    maximum_per_jaar: Decimal
    niveauregel: str  # "pilot" or "2023"


@dataclass(frozen=True)
class Cofinanciering:
    bron: str
    bedrag: Decimal
    toegezegd: bool = True  # False: only applied for ("aangevraagd")


@dataclass(frozen=True)
class Casus:
    regeling: RegelingParameters
    aanvraagdatum: date
    geboortedatum: date
    postcode: str  # normalised: 7511AB
    postcodesoort: str | None  # see POSTCODESOORTEN; None = outside Twente
    opleidingsniveau: str  # applicant, see NIVEAUS_AANVRAGER
    scholingsniveau: str  # training, see NIVEAUS_SCHOLING
    startdatum: date
    einddatum: date
    opleider_erkend: bool  # a recognition valid on the start date
    totale_kosten: Decimal
    op_kansberoepenlijst: bool
    perspectief_onderbouwd: bool
    cofinanciering: tuple[Cofinanciering, ...]
    gevraagd_bedrag: Decimal
    eerder_toegekend_dit_jaar: Decimal
    beschikbaar_budget: Decimal | None  # None: no budget period for the aanvraagdatum
    open_cheque_zelfde_opleiding: bool
    adres_bevestigd: bool | None = None  # a human's verdict on a border postcode

    @property
    def totaal_cofinanciering(self) -> Decimal:
        return sum((c.bedrag for c in self.cofinanciering), Decimal("0.00"))

    @property
    def toegezegde_cofinanciering(self) -> Decimal:
        return sum((c.bedrag for c in self.cofinanciering if c.toegezegd), Decimal("0.00"))


@dataclass(frozen=True)
class Regeluitkomst:
    id: str
    uitkomst: str
    uitleg: str
    grondslag: str


@dataclass(frozen=True)
class Toetsuitslag:
    regeling: str
    uitkomst: str
    regels: tuple[Regeluitkomst, ...]

    def als_dict(self) -> dict:
        return {
            "regeling": self.regeling,
            "uitkomst": self.uitkomst,
            "regels": [{"id": r.id, "uitkomst": r.uitkomst, "uitleg": r.uitleg,
                        "grondslag": r.grondslag} for r in self.regels],
        }

    @classmethod
    def uit_dict(cls, data: dict) -> "Toetsuitslag":
        return cls(
            regeling=data["regeling"], uitkomst=data["uitkomst"],
            regels=tuple(Regeluitkomst(r["id"], r["uitkomst"], r["uitleg"], r.get("grondslag", ""))
                         for r in data["regels"]),
        )


def _json(waarde):
    if isinstance(waarde, Decimal | date):
        return str(waarde)
    if isinstance(waarde, dict):
        return {k: _json(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple):
        return [_json(v) for v in waarde]
    return waarde


def casus_als_dict(casus: Casus) -> dict:
    """The facts of a case as JSON-ready data (amounts and dates as strings)."""
    return _json(asdict(casus))
