"""The beschikking relies on the documents of the aanvraag uploaded before it was made
(aanvragen.documentgebruik): those can no longer be removed."""

from django.db.models import Min

from aanvragen import documentgebruik
from cheques.models import Beschikking


def eerste_besluit(aanvraag):
    return Beschikking.objects.filter(plan__aanvraag=aanvraag).aggregate(
        m=Min("besloten_op"))["m"]


documentgebruik.registreer("cheques.beschikking", eerste_besluit)
