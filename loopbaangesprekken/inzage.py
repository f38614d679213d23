"""The gesprekken and scholingsplannen of a resident in their AVG inzage export
(`aanvragen.inzage`)."""

from aanvragen import inzage
from loopbaangesprekken.models import Gesprek, Planakkoord, Scholingsplan

# the employer's contact person is someone else's personal data (art. 15 lid 4 AVG)
CONTACTPERSOON = ("contact_email", "toezegging_naam", "toezegging_functie")


def gesprekken(referenties: dict) -> list[dict]:
    qs = (Gesprek.objects.filter(aanvraag_id__in=referenties)
          .prefetch_related("verslagversies").order_by("gepland_op", "pk"))
    return [inzage.rij(g, aanvraag=referenties[g.aanvraag_id], extra={
        "eerdere versies van het verslag": [
            inzage.rij(v, aanvraag=referenties[g.aanvraag_id]) for v in g.verslagversies.all()]})
        for g in qs]


def scholingsplannen(referenties: dict) -> list[dict]:
    qs = (Scholingsplan.objects.filter(aanvraag_id__in=referenties)
          .select_related("opleider", "huidige_sector", "doelsector", "kansberoep")
          .prefetch_related("kosten", "cofinanciering").order_by("pk"))
    uit = []
    for plan in qs:
        ref = referenties[plan.aanvraag_id]
        uit.append(inzage.rij(plan, aanvraag=ref, extra={
            "opleider": plan.opleider.naam,
            "huidige sector": str(plan.huidige_sector) if plan.huidige_sector else None,
            "doelsector": str(plan.doelsector),
            "kansberoep": str(plan.kansberoep) if plan.kansberoep else None,
            "kosten": [inzage.rij(k, aanvraag=ref) for k in plan.kosten.all()],
            "cofinanciering": [inzage.rij(c, aanvraag=ref, zonder=CONTACTPERSOON)
                               for c in plan.cofinanciering.all()],
        }))
    return uit


def akkoorden(referenties: dict) -> list[dict]:
    qs = (Planakkoord.objects.filter(plan__aanvraag_id__in=referenties)
          .select_related("plan").order_by("pk"))
    return [inzage.rij(a, aanvraag=referenties[a.plan.aanvraag_id]) for a in qs]


inzage.registreer("gesprekken", gesprekken)
inzage.registreer("scholingsplannen", scholingsplannen)
inzage.registreer("akkoorden_op_het_scholingsplan", akkoorden)
