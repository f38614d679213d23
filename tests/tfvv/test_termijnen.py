"""The Algemene termijnenwet: a deadline on a weekend or holiday moves to the next working day."""

import datetime

import pytest

from tfvv.termijnen import bezwaartermijn_einde, einde_termijn, is_werkdag

D = datetime.date


@pytest.mark.parametrize(("laatste", "einde"), [
    (D(2026, 12, 9), D(2026, 12, 9)),     # Wednesday: unchanged
    (D(2026, 12, 12), D(2026, 12, 14)),   # Saturday -> Monday
    (D(2026, 12, 13), D(2026, 12, 14)),   # Sunday -> Monday
    (D(2026, 12, 25), D(2026, 12, 28)),   # Eerste Kerstdag (Fri) -> past Tweede Kerstdag + weekend
    (D(2027, 4, 27), D(2027, 4, 28)),     # Koningsdag (Tue)
    (D(2026, 4, 25), D(2026, 4, 28)),     # Saturday before Koningsdag 2026 (Mon 27-04)
    (D(2027, 5, 5), D(2027, 5, 7)),       # Bevrijdingsdag (every year in the Atw), then Hemelvaart
    (D(2027, 3, 26), D(2027, 3, 26)),     # Goede Vrijdag: no Atw holiday
    (D(2027, 3, 29), D(2027, 3, 30)),     # Tweede Paasdag
    (D(2027, 1, 1), D(2027, 1, 4)),       # Nieuwjaarsdag (Fri) -> Monday
    (D(2027, 5, 6), D(2027, 5, 7)),       # Hemelvaartsdag 2027
])
def test_einde_termijn(laatste, einde):
    assert einde_termijn(laatste) == einde


def test_bezwaartermijn_six_weeks_from_the_day_after():
    # Sent Friday 4 December 2026: six weeks end on Friday 15 January 2027.
    assert bezwaartermijn_einde(D(2026, 12, 4)) == D(2027, 1, 15)
    # Sent Friday 13 November 2026: six weeks end on Christmas Day -> Monday 28 December.
    assert bezwaartermijn_einde(D(2026, 11, 13)) == D(2026, 12, 28)


def test_werkdag():
    assert is_werkdag(D(2026, 12, 4))
    assert not is_werkdag(D(2026, 12, 5))
    assert not is_werkdag(D(2026, 12, 26))
