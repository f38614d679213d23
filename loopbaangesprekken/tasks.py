from smtplib import SMTPException

from loopbaangesprekken import uitnodiging
from tfvv.outbox import outbox_taak


@outbox_taak(acks_late=True, autoretry_for=(SMTPException, OSError), retry_backoff=30,
             retry_backoff_max=1800, max_retries=8)
def verstuur_gespreksmail(*, gesprek_id: int, soort: str) -> None:
    """Invitation, change or cancellation of a gesprek, with the .ics, to the resident."""
    uitnodiging.verstuur(gesprek_id, soort)
