"""Steps of the money chain for tests: declare, record completion, pay in a batch with
four-eyes (the second financieel medewerker types the current code of their device)."""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from cheques import services
from cheques.models import Afronding

D = Decimal


def pdf(naam="bewijs.pdf"):
    return ContentFile(b"%PDF-1.4 bewijs", name=naam)


def ken_toe(plan, beoordelaar, bedrag="1500.00"):
    return services.toekennen(plan=plan, door=beoordelaar, bedrag=D(bedrag),
                              motivering="Voldoet aan alle voorwaarden.").cheque


def declareer(cheque, door, bedrag="1500.00", factuurdatum=None):
    return services.registreer_declaratie(
        cheque=cheque, door=door, factuurnummer="F-1", bewijs=pdf(), bedrag=D(bedrag),
        factuurdatum=factuurdatum or timezone.localdate())


def rond_af(cheque, door, soort=Afronding.Soort.DIPLOMA, **velden):
    return services.registreer_afronding(cheque=cheque, door=door, soort=soort, bewijs=pdf(),
                                         **velden)


def stel_vast(cheque, door, bedrag="1500.00", motivering="Diploma behaald."):
    return services.vaststellen(cheque=cheque, door=door, bedrag=D(bedrag),
                                motivering=motivering)


def betaal(opsteller, goedkeurder, betaaldatum=None):
    """Prepare a batch of everything due and approve it; returns the batch."""
    from tests.conftest import huidige_code

    batch = services.stel_betaalbatch_op(door=opsteller,
                                         betaaldatum=betaaldatum or timezone.localdate())
    return services.keur_betaalbatch_goed(batch=batch, door=goedkeurder,
                                          code=huidige_code(goedkeurder.totp_device))
