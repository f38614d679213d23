"""Test-only Celery task, loaded by the test worker through CELERY_IMPORTS (settings_test)."""

import os
import time
from pathlib import Path

from tfvv.mail import verstuur
from tfvv.outbox import outbox_taak
from tfvv.volgnummers import volgende


@outbox_taak()
def trage_bevestiging(*, pidbestand: str, seconden: float, aan: str) -> int:
    """Note the worker process, take a while (the test kills the process meanwhile),
    then count in the database and send one e-mail."""
    with Path(pidbestand).open("a") as f:
        f.write(f"{os.getpid()}\n")
    time.sleep(seconden)
    nummer = volgende("trage-bevestiging")
    verstuur(aan=[aan], onderwerp="Bevestiging", tekst=f"Bevestiging {nummer}")
    return nummer
