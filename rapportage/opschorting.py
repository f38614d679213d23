"""Days the beslistermijn of a plan stood still (Awb 4:15), as correlated subqueries, so
the reports count them as `cheques.selectors.beslistermijn` does for the beoordelaar."""

from django.db.models import CharField, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Cast, Coalesce

from loopbaangesprekken.selectors.scholingsplan import PLAN_OBJECTTYPE
from rapportage.sql import DagenTussen
from tfvv.models import Gebeurtenis


def dagen_teruggestuurd(plan: OuterRef) -> Coalesce:
    """The days between each return for changes (`terugsturen`) of `plan` and the next
    submission (`indienen`); 0 when the plan was never returned. A return not yet
    resubmitted adds nothing (the plan is then not in a queue)."""
    weer_ingediend = (Gebeurtenis.objects
                      .filter(objecttype=PLAN_OBJECTTYPE, object_id=OuterRef("object_id"),
                              actie="indienen", tijdstip__gte=OuterRef("tijdstip"))
                      .order_by("tijdstip").values("tijdstip")[:1])
    per_plan = (Gebeurtenis.objects
                .filter(objecttype=PLAN_OBJECTTYPE, actie="terugsturen",
                        object_id=Cast(plan, CharField()))
                .annotate(d=DagenTussen(Subquery(weer_ingediend), "tijdstip"))
                .values("object_id").annotate(s=Sum("d")).values("s")[:1])
    return Coalesce(Subquery(per_plan, output_field=IntegerField()), 0)
