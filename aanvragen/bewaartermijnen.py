"""Retention of the aanvraag (registered with tfvv.bewaartermijnen).

Due when the case is closed and its period has passed, counted from the moment it
reached its final state (the event log) or `afgesloten_op` when set:
- geen vervolg / doorverwezen / ingetrokken: `zonder_vervolg` after closing;
- afgewezen / buiten behandeling: `afgewezen` after the bezwaartermijn ended;
- afgerond, cheque vervallen, subsidie ingetrokken (every end of a granted case):
  `toegekend` (financial retention) after that end.
"""

from django.db.models import CharField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce

from aanvragen.models import Aanvraag
from tfvv import bewaartermijnen as bt
from tfvv.models import Gebeurtenis

S = Aanvraag.Status
UITKOMSTEN = {
    "zonder_vervolg": (S.GEEN_VERVOLG, S.DOORVERWEZEN, S.INGETROKKEN),
    "afgewezen": (S.AFGEWEZEN, S.BUITEN_BEHANDELING),
    "toegekend": (S.AFGEROND, S.VERVALLEN, S.SUBSIDIE_INGETROKKEN),
}


def verlopen_aanvragen(nu):
    laatste_overgang = (
        Gebeurtenis.objects.filter(objecttype="aanvragen.aanvraag",
                                   object_id=Cast(OuterRef("pk"), CharField()),
                                   naar_status=OuterRef("status"))
        .order_by("-tijdstip").values("tijdstip")[:1]
    )
    voorwaarde = Q()
    for soort, statussen in UITKOMSTEN.items():
        grens = nu - bt.termijn(soort)
        if soort == "afgewezen":
            grens -= bt.bezwaartermijn()
        voorwaarde |= Q(status__in=statussen, afgesloten__lte=grens)
    return (
        Aanvraag.objects.filter(geanonimiseerd_op__isnull=True)
        .annotate(afgesloten=Coalesce("afgesloten_op", Subquery(laatste_overgang)))
        .filter(voorwaarde)
    )


def anonimiseer_aanvraag(aanvraag: Aanvraag, nu) -> None:
    bt.verwijder_bestanden(aanvraag)
    bt.anonimiseer_gebeurtenissen(aanvraag.pk)
    aanvraag.voornaam = ""
    aanvraag.achternaam = ""
    aanvraag.email = ""
    aanvraag.telefoon = ""
    aanvraag.geboortedatum = bt.geboortejaar(aanvraag.geboortedatum)
    aanvraag.postcode = bt.pc4(aanvraag.postcode)
    aanvraag.huisnummer = 0
    aanvraag.toevoeging = ""
    aanvraag.straat = ""
    aanvraag.woonplaats = ""
    aanvraag.scholingswens = ""
    aanvraag.geanonimiseerd_op = nu
    aanvraag.save()
    bt.dossier_geanonimiseerd.send(sender=Aanvraag, dossier_id=aanvraag.pk)
    aanvrager = aanvraag.aanvrager
    andere = Aanvraag.objects.filter(aanvrager=aanvrager, geanonimiseerd_op__isnull=True)
    if not andere.exclude(pk=aanvraag.pk).exists():
        aanvrager.inloglinks.all().delete()
        aanvrager.emailwijzigingen.all().delete()  # they hold an e-mail address
        bt.deactiveer_account(aanvrager)


bt.registreer("aanvragen.aanvraag", te_anonimiseren=verlopen_aanvragen,
              anonimiseer=anonimiseer_aanvraag, dossier_veld="pk")
