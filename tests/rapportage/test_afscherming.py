"""Suppression across filters (rapportage.afscherming): no pair of filter selections the
dashboard offers can be subtracted to give a group of 1 to 4."""

import datetime
import itertools

import pytest

from aanvragen.models import Aanvraag
from rapportage import selectors
from rapportage.afscherming import toonbaar
from rapportage.services import ververs_samenvattingen
from rapportage.tabellen import AFGESCHERMD_TEKEN, ONDERDRUKT, is_klein
from rapportage.uitsplitsingen import GROEP_TITELS, STANDAARD
from tests.aanvragen.factories import AanvraagFactory, InwonerFactory
from tests.rapportage.factories import maak_dataset
from tests.rapportage.factories_vervolg import voeg_uitkomsten_toe
from tfvv.models import Gemeente
from tfvv.roles import LOKETTEN

pytestmark = pytest.mark.django_db
VAN, TOT = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)
ONAFHANKELIJK = {"doelen", "budget", "budget_bronnen"}  # fund-wide: no filter applies


def _selectie(gemeente_id, loket) -> set:
    """The (gemeente, loket) detail cells a filter selection covers."""
    gemeenten = [gemeente_id] if gemeente_id else [None, *Gemeente.objects.values_list(
        "pk", flat=True)]
    lokketten = [loket] if loket else [o.value for o in LOKETTEN]
    return set(itertools.product(gemeenten, lokketten))


def _getallen(tabel) -> dict:
    """{(row label, column): count} of the integer cells (counts) that are shown."""
    return {(rij[0].tekst, k): cel.waarde for rij in tabel.alle_rijen
            for k, cel in enumerate(rij[1:], 1) if isinstance(cel.waarde, int)}


@pytest.fixture
def gegevens(db):
    maak_dataset(150, seed=11)
    voeg_uitkomsten_toe(seed=11)  # the outcome tables and their breakdowns too
    ververs_samenvattingen()


def _weergaven(**extra) -> dict:
    """The dashboard for every gemeente × loket filter selection."""
    gemeenten = [None, *Gemeente.objects.order_by("pk").values_list("pk", flat=True)]
    lokketten = ["", *(o.value for o in LOKETTEN)]
    return {(g, lo): selectors.dashboard(selectors.Filters(van=VAN, tot=TOT, gemeente_id=g,
                                                           loket=lo, **extra))
            for g in gemeenten for lo in lokketten}


@pytest.fixture
def weergaven(gegevens):
    return _weergaven()


def _verschillen(weergaven, kies=lambda sleutel: True) -> tuple[int, int]:
    """Every pair of nested selections (a coarser minus a finer one), every table `kies`
    accepts, every count shown in both: the difference is 0 or at least 5. Returns the
    number of pairs and of counts compared."""
    paren = vergeleken = 0
    for (a, b) in itertools.permutations(weergaven, 2):
        if not _selectie(*b) < _selectie(*a):
            continue
        paren += 1
        for sleutel, tabel in weergaven[a]["tabellen"].items():
            if sleutel in ONAFHANKELIJK or not kies(sleutel):
                continue
            groot, klein = _getallen(tabel), _getallen(weergaven[b]["tabellen"][sleutel])
            for cel in groot.keys() & klein.keys():
                vergeleken += 1
                verschil = groot[cel] - klein[cel]
                assert not is_klein(verschil), (a, b, sleutel, cel, groot[cel], klein[cel])
    return paren, vergeleken


def test_geen_filterpaar_geeft_een_kleine_groep_prijs(weergaven):
    paren, vergeleken = _verschillen(weergaven)
    assert paren >= 50
    assert vergeleken > 1000
    _, uitsplitsing = _verschillen(weergaven, lambda s: s.startswith(("voltooid_", "na_")))
    assert uitsplitsing > 50


def test_ook_bij_elke_uitsplitsing_van_de_uitkomsten(gegevens):
    """The outcome breakdowns show one group at a time: the same check for the others."""
    for groep in GROEP_TITELS:
        if groep == STANDAARD:
            continue  # in the test above
        _, vergeleken = _verschillen(_weergaven(uitsplitsing=groep),
                                     lambda s, g=groep: s.endswith(f"_{g}"))
        assert vergeleken > 0, groep


def test_totaal_min_getoonde_rijen_geeft_niets_prijs(weergaven):
    """Within one view: a shown total minus the shown rows is 0 or at least 5."""
    for weergave in weergaven.values():
        for sleutel, tabel in weergave["tabellen"].items():
            if sleutel in ONAFHANKELIJK or not tabel.totaal:
                continue
            for k, cel in enumerate(tabel.totaal[1:], 1):
                if not isinstance(cel.waarde, int) or sleutel == "gemeenten" and k < 3:
                    continue
                zichtbaar = sum(r[k].waarde for r in tabel.rijen if isinstance(r[k].waarde, int))
                assert not is_klein(cel.waarde - zichtbaar), (sleutel, k)


def test_dashboard_zonder_filter_blijft_bruikbaar(weergaven):
    trechter = weergaven[(None, "")]["tabellen"]["trechter"]
    assert trechter.rijen[0][1].waarde == Aanvraag.objects.filter(
        aanvraagdatum__range=(VAN, TOT)).count()


def test_loket_min_ander_loket(db):
    """The finding: 3 at one loket and 20 at the other; the other loket's 20 would give the
    3 away next to the unfiltered 23, so it is hidden (as "x": it is not small)."""
    inwoner = InwonerFactory()
    deventer = Gemeente.objects.order_by("pk").first()
    lwl, lbs = (o.value for o in LOKETTEN)
    for i, loket in enumerate([lwl] * 3 + [lbs] * 20):
        AanvraagFactory(aanvrager=inwoner, aanvraagdatum=datetime.date(2024, 3, 1),
                        gemeente=deventer, loket=loket, referentie=f"TF-2024-{i:06d}")
    ververs_samenvattingen()

    def aanmeldingen(loket):
        d = selectors.dashboard(selectors.Filters(van=VAN, tot=TOT, loket=loket))
        return d["tabellen"]["trechter"].rijen[0][1]

    assert aanmeldingen("").waarde == 23
    assert aanmeldingen(lwl).tekst == ONDERDRUKT
    assert aanmeldingen(lbs).tekst == AFGESCHERMD_TEKEN


def test_toonbaar():
    # a detail cell of 3: hidden in filtered views, whatever the sum
    assert toonbaar([{(1, "a"): 3, (1, "b"): 40}, {(2, "a"): 10}]) == [False, True]
    # all detail cells 0 or >= 5 and shown unfiltered: shown
    assert toonbaar([{(1, "a"): 5, (1, "b"): 0}, {(2, "a"): 10}]) == [True, True]


def test_mediaan_van_kleine_groep_is_x_geen_kleiner_dan_5(db):
    inwoner = InwonerFactory()
    AanvraagFactory(aanvrager=inwoner, aanvraagdatum=datetime.date(2024, 3, 1),
                    referentie="TF-2024-000001")
    ververs_samenvattingen()
    d = selectors.dashboard(selectors.Filters(van=VAN, tot=TOT))
    for rij in d["tabellen"]["doorlooptijden"].rijen:
        assert rij[2].tekst in (AFGESCHERMD_TEKEN, "—")


def test_cofinancieringsbedragen_volgen_hun_aantallen(weergaven):
    """The co-financing tables are filterable: the count differences above cover them, and
    an amount is shown only with its count, in a filtered view only where the unfiltered
    view shows it too (so no amount of a small group follows from a difference)."""
    kolommen = {"cofinanciering": (3, 4, 5), "ikbindr_cofinanciering": (3,),
                "ikbindr_cheques": (3,)}
    getoond = 0
    ongefilterd = weergaven[(None, "")]["tabellen"]
    for (gemeente, loket), weergave in weergaven.items():
        for sleutel, bedragkolommen in kolommen.items():
            tabel = weergave["tabellen"][sleutel]
            basis = {r[0].tekst: r for r in ongefilterd[sleutel].alle_rijen}
            for rij in tabel.alle_rijen:
                for k in bedragkolommen:
                    if rij[k].waarde is None:
                        continue
                    getoond += 1
                    assert isinstance(rij[1].waarde, int), (sleutel, rij[0].tekst, k)
                    assert basis[rij[0].tekst][k].waarde is not None, (
                        gemeente, loket, sleutel, rij[0].tekst, k)
    assert getoond > 20
