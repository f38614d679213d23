from celery import shared_task
from django.db import transaction

from tfvv.volgnummers import volgende


@shared_task
def werker_hartslag() -> int:
    """Beat sends this every minute; the worker counts it in the database, so
    `Volgnummer "werker-hartslag"` shows that broker, worker and database work together."""
    with transaction.atomic():
        return volgende("werker-hartslag")
