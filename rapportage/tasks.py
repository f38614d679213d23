from celery import shared_task

from rapportage import services, verantwoordingsrapport, vervolgvragen
from tfvv.outbox import outbox_taak


@shared_task
def ververs_samenvattingen() -> int:
    return services.ververs_samenvattingen().pk


@outbox_taak(acks_late=True)
def maak_voortgangsrapportage(*, rapportage_id: int) -> int:
    return services.maak_voortgangsrapportage(rapportage_id=rapportage_id).pk


@outbox_taak(acks_late=True)
def maak_verantwoordingsrapport(*, rapport_id: int) -> int:
    return verantwoordingsrapport.maak_verantwoordingsrapport(rapport_id=rapport_id).pk


@shared_task
def maandelijkse_rapportage() -> int:
    return services.maandelijkse_rapportage().pk


@shared_task
def verstuur_vervolgvragen() -> tuple[int, int]:
    return vervolgvragen.verstuur_vervolgvragen()
