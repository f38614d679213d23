from django.conf import settings
from django.db import models
from django.db.models.functions import Trim
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from aanvragen.models import Aanvraag
from loopbaangesprekken.models.referentie import Kansberoep, Opleider, Sector, Werkgever
from tfvv.models import Regeling


class Opleidingsniveau(models.TextChoices):
    MBO1 = "mbo-1", _("mbo-1")
    MBO2 = "mbo-2", _("mbo-2")
    MBO3 = "mbo-3", _("mbo-3")
    MBO4 = "mbo-4", _("mbo-4")
    HBO_AD = "hbo-ad", _("hbo associate degree")
    HBO = "hbo", _("hbo")
    WO = "wo", _("wo")
    OVERIG = "overig", _("overig (cursus zonder formeel niveau, telt als tot en met mbo-4)")


class Route(models.TextChoices):
    SKILLS = "skills", _("geen verandering van werk: skills versterken")
    BINNEN_SECTOR = "binnen_sector", _("van werk naar werk binnen de sector")
    ANDERE_SECTOR = "andere_sector", _("van werk naar werk in een andere sector")
    GEEN_WERK = "geen_werk", _("van geen werk naar werk")


class Scholingsplan(models.Model):
    """The consulent's training plan with arbeidsmarkttoets; judged by the subsidietoets."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        INGEDIEND = "ingediend", _("ingediend")
        TERUG = "terug", _("terug voor aanpassing")
        AANVULLING = "aanvulling", _("aanvulling gevraagd")
        BESLOTEN = "besloten", _("besloten")
        INGETROKKEN = "ingetrokken", _("ingetrokken door de aanvrager")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE,
                                 related_name="scholingsplannen")
    consulent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="scholingsplannen")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.CONCEPT, db_index=True)

    opleiding_naam = models.CharField(_("naam opleiding"), max_length=200)
    opleiding_niveau = models.CharField(_("niveau opleiding"), max_length=8,
                                        choices=Opleidingsniveau.choices)
    opleider = models.ForeignKey(Opleider, on_delete=models.PROTECT,
                                 related_name="scholingsplannen")
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))
    route = models.CharField(_("route"), max_length=16, choices=Route.choices)
    huidig_beroep = models.CharField(_("huidig beroep"), max_length=150, blank=True)
    huidige_sector = models.ForeignKey(Sector, null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("huidige sector"))
    doelberoep = models.CharField(_("doelberoep"), max_length=150)
    doelsector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("doelsector"))
    kansberoep = models.ForeignKey(Kansberoep, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+",
                                   verbose_name=_("beroep op de kansberoepenlijst"))
    arbeidsmarktperspectief = models.TextField(
        _("onderbouwing arbeidsmarktperspectief"), blank=True,
        help_text=_("Verplicht als het doelberoep niet op de kansberoepenlijst staat (art. 4.2)."),
    )
    arbeidsmarktperspectief_bewijs = models.FileField(
        _("bewijs arbeidsmarktperspectief"), upload_to="arbeidsmarkt/%Y/", blank=True,
        help_text=_("Bijvoorbeeld een vacatureoverzicht of een intentieverklaring van een "
                    "werkgever (pdf, jpg of png)."),
    )
    gevraagd_bedrag = models.DecimalField(_("gevraagd bedrag"), max_digits=9, decimal_places=2)
    advies = models.TextField(_("advies consulent"), blank=True)

    # the received date (Awb 4:13: the beslistermijn runs from here): the first submission,
    # kept when the plan is resubmitted after a return for changes or an aanvulling
    ingediend_op = models.DateTimeField(_("ontvangen op (eerste indiening)"), null=True,
                                        blank=True, db_index=True)
    laatst_ingediend_op = models.DateTimeField(_("laatst ingediend op"), null=True, blank=True)
    regeling = models.ForeignKey(Regeling, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")
    toets_snapshot = models.JSONField(_("subsidietoets bij indiening"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("scholingsplan")
        verbose_name_plural = _("scholingsplannen")
        ordering = ["aangemaakt_op", "id"]

    def __str__(self):
        return f"{self.aanvraag}: {self.opleiding_naam}"

    @property
    def opnieuw_ingediend_op(self):
        """The latest submission when the plan was submitted more than once, else None."""
        if self.laatst_ingediend_op and self.laatst_ingediend_op != self.ingediend_op:
            return self.laatst_ingediend_op
        return None


class Kostenregel(models.Model):
    class Soort(models.TextChoices):
        CURSUSGELD = "cursusgeld", _("cursusgeld")
        EXAMENGELD = "examengeld", _("examengeld")
        LESMATERIAAL = "lesmateriaal", _("lesmateriaal")
        OVERIG = "overig", _("overig")

    plan = models.ForeignKey(Scholingsplan, on_delete=models.CASCADE, related_name="kosten")
    soort = models.CharField(_("soort"), max_length=16, choices=Soort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    bedrag = models.DecimalField(_("bedrag"), max_digits=9, decimal_places=2)

    class Meta:
        verbose_name = _("kostenregel")
        verbose_name_plural = _("kostenregels")

    def __str__(self):
        return f"{self.get_soort_display()}: € {self.bedrag}"


class Toezeggingsstand(models.TextChoices):
    GEVRAAGD = "gevraagd", _("gevraagd")
    BEVESTIGD = "bevestigd", _("bevestigd")
    AFGEWEZEN = "afgewezen", _("afgewezen")


class Cofinancieringsregel(models.Model):
    class Bron(models.TextChoices):
        WERKGEVER = "werkgever", _("werkgever")
        UWV = "uwv", _("UWV")
        GEMEENTE = "gemeente", _("gemeente")
        OO_FONDS = "oo_fonds", _("O&O-fonds")
        EIGEN_BIJDRAGE = "eigen_bijdrage", _("eigen bijdrage")

    class Status(models.TextChoices):
        TOEGEZEGD = "toegezegd", _("toegezegd")
        AANGEVRAAGD = "aangevraagd", _("aangevraagd")

    plan = models.ForeignKey(Scholingsplan, on_delete=models.CASCADE,
                             related_name="cofinanciering")
    bron = models.CharField(_("bron"), max_length=16, choices=Bron.choices)
    partij = models.CharField(_("partij"), max_length=200)
    bedrag = models.DecimalField(_("bedrag"), max_digits=9, decimal_places=2)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    bewijs = models.FileField(_("bewijs"), upload_to="cofinanciering/%Y/", blank=True)
    bewijs_reden = models.CharField(
        _("waarom volstaat dit bewijs?"), max_length=500, blank=True,
        help_text=_("Bijvoorbeeld: getekende werkgeversverklaring van 3 maart. Zonder digitale "
                    "toezegging telt de bijdrage alleen mee met bewijs én deze toelichting."))
    werkgever = models.ForeignKey(Werkgever, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="cofinancieringsregels",
                                  verbose_name=_("werkgever uit het register"))
    contact_email = models.EmailField(
        _("e-mailadres voor de toezegging"), blank=True,
        help_text=_("Leeg bij een werkgever: dan het e-mailadres uit het werkgeversregister."))

    # the party's answer to "Toezeggingsstand vragen" (services.toezegging); cleared when the
    # consulent changes the party or the amount
    toezegging = models.CharField(_("toezegging"), max_length=12, choices=Toezeggingsstand.choices,
                                  blank=True)
    toezegging_bedrag = models.DecimalField(_("toegezegd bedrag"), max_digits=9,
                                            decimal_places=2, null=True, blank=True)
    toezegging_naam = models.CharField(_("bevestigd door"), max_length=150, blank=True)
    toezegging_functie = models.CharField(_("functie"), max_length=150, blank=True)
    toezegging_reden = models.CharField(_("reden van afwijzing"), max_length=1000, blank=True)
    toezegging_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    toezegging_ip = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)

    # the resident's declaration in the portal that they will pay their own contribution
    # (services.eigen_bijdrage); cleared when the consulent changes the amount
    verklaard_op = models.DateTimeField(_("eigen bijdrage bevestigd op"), null=True, blank=True)
    verklaard_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+",
                                       verbose_name=_("eigen bijdrage bevestigd door"))

    class Meta:
        verbose_name = _("cofinancieringsregel")
        verbose_name_plural = _("cofinancieringsregels")

    def __str__(self):
        return f"{self.get_bron_display()} {self.partij}: € {self.bedrag}"

    @property
    def door_aanvrager(self) -> bool:
        return self.bron == self.Bron.EIGEN_BIJDRAGE

    @property
    def telt_mee(self) -> bool:
        """Counts as committed for R5: the applicant's own contribution declared by them in
        the portal, a party's digital confirmation of at least this amount, or (either)
        evidence with the consulent's reason, such as a signed paper declaration."""
        if self.door_aanvrager and self.verklaard_op is not None:
            return True
        if (self.toezegging == Toezeggingsstand.BEVESTIGD and self.toezegging_bedrag is not None
                and self.toezegging_bedrag >= self.bedrag):
            return True
        return bool(self.bewijs and self.bewijs_reden.strip())

    @property
    def stand(self) -> str:
        """What the plan page shows: bevestigd / afgewezen / gevraagd / met bewijs / "";
        for the own contribution: bevestigd door de aanvrager / met bewijs / nog niet
        bevestigd."""
        if self.door_aanvrager:
            if self.verklaard_op is not None:
                return _("bevestigd door de aanvrager op %(datum)s") % {
                    "datum": date_format(timezone.localtime(self.verklaard_op), "j F Y")}
            if self.bewijs and self.bewijs_reden.strip():
                return str(_("met bewijs"))
            return str(_("nog niet bevestigd door de aanvrager"))
        if self.toezegging in (Toezeggingsstand.BEVESTIGD, Toezeggingsstand.AFGEWEZEN):
            return self.get_toezegging_display()
        if self.bewijs and self.bewijs_reden.strip():
            return str(_("met bewijs"))
        return self.get_toezegging_display()


def telt_mee_sql() -> models.Q:
    """Cofinancieringsregel.telt_mee as a filter, for counts in SQL (the adviesgroep
    dashboard); tests/rapportage keeps the two in step."""
    eigen = models.Q(bron=Cofinancieringsregel.Bron.EIGEN_BIJDRAGE)
    return ((eigen & models.Q(verklaard_op__isnull=False))
            | models.Q(toezegging=Toezeggingsstand.BEVESTIGD,
                       toezegging_bedrag__gte=models.F("bedrag"))
            | (~models.Q(bewijs="") & ~models.Q(Exact(Trim("bewijs_reden"), ""))))


class Toezeggingsverzoek(models.Model):
    """A single-use link mailed to the party of a co-financing line. Only a hash is stored;
    the link is made by the mail task, so the outbox never holds a usable token."""

    regel = models.ForeignKey(Cofinancieringsregel, on_delete=models.CASCADE,
                              related_name="toezeggingsverzoeken")
    email = models.EmailField(_("e-mailadres"))
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    gevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verloopt_op = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)
    # the daily job (services.toezegging_herinnering): one reminder, one melding on expiry
    herinnerd_op = models.DateTimeField(null=True, blank=True)
    verloop_gemeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("toezeggingsverzoek")
        verbose_name_plural = _("toezeggingsverzoeken")

    def __str__(self):
        return f"toezeggingsverzoek {self.pk} (regel {self.regel_id})"
