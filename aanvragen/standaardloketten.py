"""The shipped default loket per gemeente (editable afterwards by the functioneel beheerder).

The north-west of Twente (Almelo and surroundings) goes to Loopbaanstation, the rest to
Leerwerkloket Twente; see docs/aanmelding.md.
"""

LOOPBAANSTATION = {"GM0141", "GM0163", "GM1742", "GM0183", "GM1700", "GM0189"}


def vul(Gemeente, StandaardLoket) -> None:
    for gemeente in Gemeente.objects.all():
        loket = "loopbaanstation" if gemeente.code in LOOPBAANSTATION else "leerwerkloket"
        StandaardLoket.objects.get_or_create(gemeente=gemeente, defaults={"loket": loket})


def zorg_voor_standaardloketten(**kwargs):
    """After every migrate or flush: fill an empty table with the shipped defaults."""
    from aanvragen.models import StandaardLoket
    from tfvv.models import Gemeente

    if not StandaardLoket.objects.exists():
        vul(Gemeente, StandaardLoket)
