"""The files of an approved payment batch for the bank and the financial system: a SEPA
credit transfer (pain.001.001.03, built and validated against the schema by `sepaxml`)
and a CSV (through tfvv.export, the one CSV writer)."""

from django.conf import settings
from sepaxml import SepaTransfer

from cheques.models import Betaalbatch
from tfvv.export import csv_bytes

CSV_KOLOMMEN = ["batch", "chequenummer", "soort", "begunstigde", "iban", "bedrag", "betaaldatum",
                "begrotingsperiode"]


def _regels(batch: Betaalbatch):
    return batch.regels.select_related("cheque__periode").order_by("cheque__nummer")


def sepa_xml(batch: Betaalbatch) -> bytes:
    """pain.001 with the gemeente as debtor (settings TFVV_SEPA_*); raises
    sepaxml.validation.ValidationError if the file would not pass the schema."""
    config = {"name": settings.TFVV_SEPA_DEBITEUR_NAAM, "IBAN": settings.TFVV_SEPA_DEBITEUR_IBAN,
              "batch": True, "currency": "EUR"}
    if settings.TFVV_SEPA_DEBITEUR_BIC:
        config["BIC"] = settings.TFVV_SEPA_DEBITEUR_BIC
    bestand = SepaTransfer(config, clean=True)
    for regel in _regels(batch):
        bestand.add_payment({
            "name": regel.naam, "IBAN": regel.iban.replace(" ", ""),
            "amount": int(regel.bedrag * 100),  # in cents
            "execution_date": batch.betaaldatum,
            "description": f"TFVV {regel.cheque.nummer} {regel.get_soort_display()}"[:140],
            "endtoend_id": f"{batch.nummer}-{regel.cheque.nummer}"[:35],
        })
    return bestand.export(validate=True)


def betaal_csv(batch: Betaalbatch) -> bytes:
    return csv_bytes(CSV_KOLOMMEN, (
        [batch.nummer, r.cheque.nummer, r.get_soort_display(), r.naam, r.iban,
         f"{r.bedrag:.2f}", batch.betaaldatum, r.cheque.periode.naam] for r in _regels(batch)))
