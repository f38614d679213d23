"""Geometry of server-rendered SVG bar charts (no JavaScript, no inline styles)."""

from dataclasses import dataclass

from rapportage.tabellen import Tabel

BREEDTE = 640
LABEL_BREEDTE = 230
WAARDE_BREEDTE = 90
RIJ_HOOGTE = 26
BALK_HOOGTE = 18


@dataclass(frozen=True)
class Balk:
    label: str
    tekst: str
    y: int
    breedte: float
    tekst_y: int


@dataclass(frozen=True)
class Staafdiagram:
    sleutel: str
    titel: str
    breedte: int
    hoogte: int
    balk_x: int
    waarde_x: int
    balken: list[Balk]


def staafdiagram(tabel: Tabel) -> Staafdiagram | None:
    """Bars for the chart column of `tabel`'s rows; suppressed values get no bar."""
    if tabel.grafiek is None or not tabel.rijen:
        return None
    kolom = tabel.grafiek.kolom
    waarden = [rij[kolom].waarde for rij in tabel.rijen]
    grootste = max((float(w) for w in waarden if w is not None and w > 0), default=0.0)
    ruimte = BREEDTE - LABEL_BREEDTE - WAARDE_BREEDTE
    balken = []
    for i, rij in enumerate(tabel.rijen):
        w = rij[kolom].waarde
        lengte = (float(w) / grootste * ruimte) if (w is not None and w > 0 and grootste) else 0
        y = i * RIJ_HOOGTE + 4
        balken.append(Balk(label=rij[0].tekst[:34], tekst=rij[kolom].tekst, y=y,
                           breedte=round(lengte, 1), tekst_y=y + BALK_HOOGTE - 4))
    return Staafdiagram(
        sleutel=tabel.sleutel, titel=tabel.grafiek.titel, breedte=BREEDTE,
        hoogte=len(balken) * RIJ_HOOGTE + 8, balk_x=LABEL_BREEDTE,
        waarde_x=BREEDTE - WAARDE_BREEDTE + 6, balken=balken,
    )
