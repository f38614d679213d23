"""Scenario subsidietoets: cases per second through the pure rule engine
(`loopbaangesprekken.subsidietoets.toets(casus)`), over a generated mix of frozen cases
that exercises every rule and every outcome."""

import random
import time
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

STANDAARD_AANTAL = 20_000


def _regelingen(casus_mod):
    p = casus_mod.RegelingParameters
    return [
        p(code="pilot-2019-2022", naam="Pilot 2019–2022", geldig_van=date(2019, 1, 1),
          geldig_tot=date(2022, 12, 31), minimumleeftijd=18,
          cofinanciering_aandeel=Decimal("0.000"), maximum_per_jaar=Decimal("2500.00"),
          niveauregel="pilot"),
        p(code="2023-2026", naam="Regeling 2023–2026", geldig_van=date(2023, 1, 1),
          geldig_tot=date(2026, 12, 31), minimumleeftijd=18,
          cofinanciering_aandeel=Decimal("0.500"), maximum_per_jaar=Decimal("2500.00"),
          niveauregel="2023"),
    ]


def gevallen(casus_mod, aantal: int, seed: int = 1) -> list:
    """`aantal` varied cases: a mix that reaches every rule and every outcome."""
    r = random.Random(seed)
    regelingen = _regelingen(casus_mod)
    gevallen = []
    for _ in range(aantal):
        regeling = r.choice(regelingen)
        aanvraagdatum = regeling.geldig_van + timedelta(days=r.randrange(
            (regeling.geldig_tot - regeling.geldig_van).days))
        start = aanvraagdatum + timedelta(days=r.randint(-20, 0) if r.random() < 0.05
                                          else r.randint(1, 120))
        kosten = Decimal(r.randrange(80_000, 900_000)) / 100
        aandeel = r.choices(["0.5", "0.6", "0.7", "0.4"], [50, 25, 20, 5])[0]
        cofi = (kosten * Decimal(aandeel)).quantize(Decimal("0.01"))
        bronnen = casus_mod.COFINANCIERINGSBRONNEN
        gevallen.append(casus_mod.Casus(
            regeling=regeling, aanvraagdatum=aanvraagdatum,
            geboortedatum=aanvraagdatum - timedelta(days=r.randint(17 * 365, 64 * 365)
                                                    if r.random() < 0.02
                                                    else r.randint(19 * 365, 64 * 365)),
            postcode=f"{r.choice(['7511', '7551', '7601', '7693', '7440', '8011'])}AB",  # R1
            postcodesoort=r.choices(["woon", "grens", "postbus", None], [90, 4, 2, 4])[0],
            opleidingsniveau=r.choice(casus_mod.NIVEAUS_AANVRAGER),
            scholingsniveau=r.choices(casus_mod.NIVEAUS_SCHOLING,
                                      [5, 15, 25, 35, 5, 5, 2, 8])[0],
            startdatum=start, einddatum=start + timedelta(days=r.randint(30, 700)),
            opleider_erkend=r.random() < 0.95, totale_kosten=kosten,
            op_kansberoepenlijst=r.random() < 0.8, perspectief_onderbouwd=r.random() < 0.5,
            cofinanciering=tuple(
                casus_mod.Cofinanciering(bron=b, bedrag=(cofi / 2).quantize(Decimal("0.01")),
                                         toegezegd=r.random() < 0.9)
                for b in r.sample(bronnen, 2)),
            gevraagd_bedrag=min(kosten - cofi, Decimal("2500.00")),
            eerder_toegekend_dit_jaar=r.choice([Decimal("0.00")] * 8 + [Decimal("1500.00")]),
            beschikbaar_budget=r.choices([Decimal("500000.00"), Decimal("100.00"), None],
                                         [95, 4, 1])[0],
            open_cheque_zelfde_opleiding=r.random() < 0.02,
        ))
    return gevallen


def run(ctx) -> dict:
    from loopbaangesprekken.subsidietoets import casus as casus_mod
    from loopbaangesprekken.subsidietoets import toets

    aantal = ctx.aantal or STANDAARD_AANTAL
    lijst = gevallen(casus_mod, aantal)
    for casus in lijst[:200]:  # warm-up
        toets(casus)
    uitkomsten: Counter = Counter()
    t0 = time.perf_counter()
    for casus in lijst:
        uitkomsten[toets(casus).uitkomst] += 1
    duur = time.perf_counter() - t0
    return {
        "status": "gemeten",
        "cijfers": {"casussen": aantal, "duur_s": round(duur, 3),
                    "casussen_per_s": round(aantal / duur),
                    "us_per_casus": round(1e6 * duur / aantal, 1),
                    "uitkomsten": dict(uitkomsten)},
        "doelen": [],
        "toelichting": "Eén proces, één kern; de toets is puur (geen database), dus dit is "
                       "de bovengrens van de regelmotor zelf.",
    }
