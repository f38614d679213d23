from celery import shared_task

from rapportage import services


@shared_task
def ververs_samenvattingen() -> int:
    return services.ververs_samenvattingen().pk


@shared_task
def maak_voortgangsrapportage(rapportage_id: int) -> int:
    return services.maak_voortgangsrapportage(rapportage_id=rapportage_id).pk


@shared_task
def maandelijkse_rapportage() -> int:
    return services.maandelijkse_rapportage().pk
