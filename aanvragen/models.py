import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tfvv.models import Gemeente
from tfvv.roles import Organisatie


class Opleidingsniveau(models.TextChoices):
    GEEN = "geen", _("geen afgeronde opleiding")
    VMBO = "vmbo", _("vmbo")
    MBO1 = "mbo-1", _("mbo-1")
    MBO2 = "mbo-2", _("mbo-2")
    MBO3 = "mbo-3", _("mbo-3")
    MBO4 = "mbo-4", _("mbo-4")
    HAVO = "havo", _("havo")
    VWO = "vwo", _("vwo")
    HBO = "hbo", _("hbo")
    WO = "wo", _("wo")


HOGER_OPGELEID = frozenset({Opleidingsniveau.HBO, Opleidingsniveau.WO})


class Arbeidssituatie(models.TextChoices):
    LOONDIENST = "loondienst", _("werkend in loondienst")
    ZZP = "zzp", _("zelfstandige (zzp)")
    WW = "ww", _("werkzoekend met WW-uitkering")
    BIJSTAND = "bijstand", _("werkzoekend met bijstand of een andere uitkering")
    ZONDER_UITKERING = "zonder_uitkering", _("werkzoekend zonder uitkering")


class VoorkeurLoket(models.TextChoices):
    LEERWERKLOKET = Organisatie.LEERWERKLOKET.value, Organisatie.LEERWERKLOKET.label
    LOOPBAANSTATION = Organisatie.LOOPBAANSTATION.value, Organisatie.LOOPBAANSTATION.label
    GEEN = "geen", _("geen voorkeur")


class Bron(models.TextChoices):
    IKBINDR = "ikbindr", _("IKBINDR-campagne")
    WERKGEVER = "werkgever", _("via mijn werkgever")
    UWV = "uwv", _("UWV")
    GEMEENTE = "gemeente", _("gemeente")
    OPLEIDER = "opleider", _("opleider")
    SOCIAL_MEDIA = "social_media", _("social media")
    ANDERS = "anders", _("anders")


class Postcodecontrole(models.TextChoices):
    NIET_NODIG = "niet_nodig", _("niet nodig")
    TE_CONTROLEREN = "te_controleren", _("adres controleren (grenspostcode)")
    BEVESTIGD = "bevestigd", _("woont in Twente: bevestigd")
    AFGEKEURD = "afgekeurd", _("woont niet in Twente")


class AanvraagStatus(models.TextChoices):
    AANGEMELD = "aangemeld", _("aangemeld")
    IN_BEHANDELING = "in_behandeling", _("in gesprek met consulent")
    SCHOLINGSPLAN = "scholingsplan", _("scholingsplan in voorbereiding")
    INGEDIEND = "ingediend", _("ingediend bij gemeente Enschede")
    TOEGEKEND = "toegekend", _("toegekend")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    BUITEN_BEHANDELING = "buiten_behandeling", _("buiten behandeling gesteld")
    DOORVERWEZEN = "doorverwezen", _("doorverwezen")
    GEEN_VERVOLG = "geen_vervolg", _("geen vervolg")
    INGETROKKEN = "ingetrokken", _("ingetrokken")
    AFGEROND = "afgerond", _("afgerond")
    # the cheque's end when the scholing was not completed (set by the cheques stage)
    VERVALLEN = "vervallen", _("cheque vervallen")
    SUBSIDIE_INGETROKKEN = "subsidie_ingetrokken", _("subsidie ingetrokken")


OPEN_STATUSSEN = (
    AanvraagStatus.AANGEMELD, AanvraagStatus.IN_BEHANDELING, AanvraagStatus.SCHOLINGSPLAN,
    AanvraagStatus.INGEDIEND,
)


class Aanvraag(models.Model):
    """One person's request to the fund, from aanmelding to the end of the cheque.

    Its status is changed only through aanvragen.workflow (see AANVRAAG_TRANSITIES).
    """

    Status = AanvraagStatus
    OPEN_STATUSSEN = OPEN_STATUSSEN

    referentie = models.CharField(_("referentie"), max_length=20, unique=True)
    aanvrager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="aanvragen",
        verbose_name=_("aanvrager"),
    )
    status = models.CharField(_("status"), max_length=24, choices=Status.choices,
                              default=Status.AANGEMELD, db_index=True)
    aanvraagdatum = models.DateField(_("aanvraagdatum"), db_index=True)
    ontvangen_op = models.DateTimeField(_("ontvangen op"), auto_now_add=True)

    voornaam = models.CharField(_("voornaam"), max_length=100)
    achternaam = models.CharField(_("achternaam"), max_length=150)
    geboortedatum = models.DateField(_("geboortedatum"))
    email = models.EmailField(_("e-mailadres"), db_index=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=6)  # normalised: 7511AB
    huisnummer = models.PositiveIntegerField(_("huisnummer"))
    toevoeging = models.CharField(_("toevoeging"), max_length=10, blank=True)
    # For the address block of decision letters; blank on aanvragen from before they were asked.
    straat = models.CharField(_("straat"), max_length=150, blank=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=80, blank=True)
    # Awb 2:14: decisions go electronically only to a resident who said so; otherwise every
    # letter is printed and posted (cheques: the print-and-post worklist).
    besluiten_elektronisch = models.BooleanField(_("besluiten digitaal ontvangen"),
                                                 default=True)
    gemeente = models.ForeignKey(Gemeente, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="aanvragen", verbose_name=_("gemeente"))
    postcodecontrole = models.CharField(_("adrescontrole"), max_length=16,
                                        choices=Postcodecontrole.choices,
                                        default=Postcodecontrole.NIET_NODIG)

    opleidingsniveau = models.CharField(_("hoogst afgeronde opleiding"), max_length=8,
                                        choices=Opleidingsniveau.choices)
    arbeidssituatie = models.CharField(_("arbeidssituatie"), max_length=20,
                                       choices=Arbeidssituatie.choices)
    huidig_beroep = models.CharField(_("huidig (of laatste) beroep"), max_length=150, blank=True)
    huidige_sector = models.CharField(_("sector"), max_length=100, blank=True)
    scholingswens = models.TextField(_("scholingswens"), max_length=2000)
    voorkeur_loket = models.CharField(_("voorkeur loket"), max_length=16,
                                      choices=VoorkeurLoket.choices, default=VoorkeurLoket.GEEN)
    voorkeur_locatie = models.CharField(_("voorkeur locatie"), max_length=64, blank=True)
    bron = models.CharField(_("hoe kent u het fonds"), max_length=16, choices=Bron.choices)
    privacy_akkoord_op = models.DateTimeField(_("akkoord privacyverklaring op"))
    # consent to the follow-up questionnaire (rapportage.vervolgvragen); empty: no consent
    toestemming_vervolgvragen_op = models.DateTimeField(
        _("toestemming vragen na de opleiding op"), null=True, blank=True)

    loket = models.CharField(_("loket"), max_length=16,
                             choices=[(o.value, o.label) for o in
                                      (Organisatie.LEERWERKLOKET, Organisatie.LOOPBAANSTATION)],
                             db_index=True)
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="caseload", verbose_name=_("consulent"),
    )
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        ordering = ["ontvangen_op", "id"]
        indexes = [
            models.Index(fields=["loket", "status", "ontvangen_op"]),
            models.Index(fields=["email", "geboortedatum"]),
            # the consulent's queue: open cases oldest first, read a page at a time
            models.Index(fields=["ontvangen_op", "id"], name="aanvraag_open_wachtrij_idx",
                         condition=models.Q(status__in=OPEN_STATUSSEN)),
            # the queue's tab counts (nieuw / mijn / open) from the index alone
            models.Index(fields=["loket", "status"], include=["consulent"],
                         name="aanvraag_loket_status_cons_idx"),
        ]

    def __str__(self):
        return self.referentie

    @property
    def naam(self) -> str:
        return f"{self.voornaam} {self.achternaam}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSSEN

    @property
    def adresregels(self) -> list[str]:
        """The postal address block (PostNL: postcode, two spaces, place in capitals). An
        aanvraag from before street and city were asked falls back to the gemeente of its
        postcode (tfvv PC4 reference data); the street is then missing, see
        docs/aanmelding.md."""
        huis = f"{self.huisnummer}{(' ' + self.toevoeging) if self.toevoeging else ''}"
        plaats = self.woonplaats or (self.gemeente.naam if self.gemeente_id else "")
        postcode = f"{self.postcode[:4]} {self.postcode[4:]}".strip()
        return [self.naam, f"{self.straat} {huis}".strip(),
                f"{postcode}  {plaats.upper()}".strip()]


class InlogLink(models.Model):
    """A personal, expiring, single-use login link for a resident. Only a hash is stored."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="inloglinks")
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verloopt_op = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("inloglink")
        verbose_name_plural = _("inloglinks")

    def __str__(self):
        return f"inloglink {self.pk} ({self.gebruiker_id})"


class StandaardLoket(models.Model):
    """Which loket receives an aanmelding without a preference, per gemeente.

    Data, not code: the functional administrator changes it in the admin. A
    gemeente without a row goes to STANDAARD_LOKET.
    """

    STANDAARD_LOKET = Organisatie.LEERWERKLOKET

    gemeente = models.OneToOneField(Gemeente, on_delete=models.CASCADE,
                                    related_name="standaard_loket", verbose_name=_("gemeente"))
    loket = models.CharField(_("loket"), max_length=16,
                             choices=[(o.value, o.label) for o in
                                      (Organisatie.LEERWERKLOKET, Organisatie.LOOPBAANSTATION)])

    class Meta:
        verbose_name = _("standaardloket per gemeente")
        verbose_name_plural = _("standaardloketten per gemeente")
        ordering = ["gemeente__naam"]

    def __str__(self):
        return f"{self.gemeente}: {self.get_loket_display()}"


def _documentpad(document, bestandsnaam: str) -> str:
    # never the resident's file name in the path: only the aanvraag and a random name
    extensie = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
    return f"aanvragen/{document.aanvraag_id}/{uuid.uuid4().hex}.{extensie[document.mime]}"


class Document(models.Model):
    """A file the resident uploaded to their aanvraag; stored in private storage."""

    class Soort(models.TextChoices):
        OFFERTE = "offerte", _("offerte van de opleider")
        WERKGEVERSVERKLARING = "werkgeversverklaring", _("werkgeversverklaring")
        DIPLOMA = "diploma", _("diploma of certificaat")
        ANDERS = "anders", _("ander document")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="documenten",
                                 verbose_name=_("aanvraag"))
    soort = models.CharField(_("soort document"), max_length=24, choices=Soort.choices)
    bestand = models.FileField(_("bestand"), upload_to=_documentpad, max_length=200)
    originele_naam = models.CharField(_("bestandsnaam"), max_length=200)
    mime = models.CharField(_("bestandstype"), max_length=32)
    grootte = models.PositiveIntegerField(_("grootte (bytes)"))
    geupload_op = models.DateTimeField(_("geüpload op"), auto_now_add=True)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                      on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["geupload_op", "id"]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.originele_naam}"


class EmailWijziging(models.Model):
    """A resident's request to use a new e-mail address, waiting for the new address to
    confirm it. Until then the old address stays in use; only a hash of the link is stored."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="emailwijzigingen")
    nieuw_email = models.EmailField(_("nieuw e-mailadres"))
    # set by the mail task that makes the link (aanvragen.inwoneraccount.maak_bevestigingslink)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verloopt_op = models.DateTimeField()
    bevestigd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("wijziging van e-mailadres")
        verbose_name_plural = _("wijzigingen van e-mailadres")

    def __str__(self):
        return f"e-mailwijziging {self.pk} ({self.gebruiker_id})"


class Wijzigingsverzoek(models.Model):
    """The resident asks, after the grant, to change the opleiding, the dates or the amount
    (obligation 4 of the beschikking). The cheques stage decides on it with a
    wijzigingsbeschikking and stamps `afgehandeld_op`."""

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE,
                                 related_name="wijzigingsverzoeken")
    opleiding_naam = models.CharField(_("andere opleiding"), max_length=200, blank=True)
    startdatum = models.DateField(_("nieuwe startdatum"), null=True, blank=True)
    einddatum = models.DateField(_("nieuwe einddatum"), null=True, blank=True)
    bedrag = models.DecimalField(_("nieuw bedrag"), max_digits=9, decimal_places=2, null=True,
                                 blank=True)
    toelichting = models.TextField(_("toelichting"), max_length=4000)
    ingediend_op = models.DateTimeField(auto_now_add=True)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True,
                                          db_index=True)

    class Meta:
        verbose_name = _("wijzigingsverzoek")
        verbose_name_plural = _("wijzigingsverzoeken")
        ordering = ["ingediend_op", "pk"]

    def __str__(self):
        return f"Wijzigingsverzoek {self.pk} ({self.aanvraag})"
