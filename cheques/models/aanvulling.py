"""The resident's answers to an aanvulverzoek (Awb 4:5), given in the portal."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Document
from cheques.models.beschikking import Aanvulverzoek


class Aanvulantwoord(models.Model):
    """One answer of the resident: a text, documents, or both. Several answers may come in
    until the consulent submits the aanvulling; one after the hersteltermijn is kept and
    marked late (the fund may still consider it, Awb 4:5)."""

    verzoek = models.ForeignKey(Aanvulverzoek, on_delete=models.CASCADE,
                                related_name="antwoorden", verbose_name=_("aanvulverzoek"))
    tekst = models.TextField(_("antwoord"), blank=True)
    documenten = models.ManyToManyField(Document, blank=True, related_name="+",
                                        verbose_name=_("documenten"))
    gegeven_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    gegeven_op = models.DateTimeField(_("gegeven op"), auto_now_add=True)
    te_laat = models.BooleanField(_("na de hersteltermijn"), default=False)

    class Meta:
        verbose_name = _("antwoord op een aanvulverzoek")
        verbose_name_plural = _("antwoorden op aanvulverzoeken")
        ordering = ["gegeven_op", "id"]

    def __str__(self):
        return f"{self.verzoek}: antwoord van {self.gegeven_op:%d-%m-%Y}"
