"""Retention: a case with an open bezwaar or beroep is held (tfvv.bewaartermijnen)."""

from cheques.services.bezwaar import dossiers_in_bezwaar
from tfvv.bewaartermijnen import registreer_blokkade

registreer_blokkade("cheques.bezwaar", dossiers=dossiers_in_bezwaar)
