"""A bulk file of declaraties from an opleider (docs/opleiders.md, "Declareren in bulk"):
a CSV with one declaratie per row plus one zip with the PDFs the rows name.

Checked row by row with a Dutch message per line and column, then all or nothing: one
wrong row and nothing is saved (and no file is left behind). The same CSV twice (its
SHA-256) is refused. The checks are the single form's (cheques.declaratieregels), on the
cheques of the file loaded in one query: validating 2,000 rows costs a constant number
of queries. A cheque of another opleider is "onbekend", never revealed."""

import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError
from django.utils import timezone
from django.utils.translation import gettext as _

from cheques.declaratieregels import (
    ALGEMEEN,
    Gegevens,
    fouten_in,
    onbekend_chequenummer,
    vraagt_factuur,
)
from cheques.forms import PDF_MAX
from cheques.models import Cheque, Declaratiebestand
from cheques.selectors_opleiderdeclaraties import cheques_met_stand, stand
from cheques.services.opleiderdeclaraties import (
    Bestandsregel,
    dien_bestand_in,
    factuurnummers_van,
)
from tfvv.formvelden import Bedragveld, Datumveld

KOLOMMEN = ("chequenummer", "factuurnummer", "factuurdatum", "bedrag", "bewijssoort",
            "aanwezigheid_procent", "gestopt_op", "reden_gestopt", "factuur_pdf", "bewijs_pdf")
MAX_REGELS = 5000
MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_ZIP_UITGEPAKT = 500 * 1024 * 1024  # a zip bomb stops here
# a message about the cheque itself is shown at the cheque number's column
KOLOM_VAN = {ALGEMEEN: "chequenummer", "factuur": "factuur_pdf", "bewijs": "bewijs_pdf"}


@dataclass(frozen=True)
class Fout:
    regel: int  # the line in the CSV (the header is line 1)
    kolom: str
    tekst: str

    def __str__(self):
        if not self.regel:
            return self.tekst
        if not self.kolom:
            return _("Regel %(regel)s: %(tekst)s") % {"regel": self.regel, "tekst": self.tekst}
        return _("Regel %(regel)s, kolom %(kolom)s: %(tekst)s") % {
            "regel": self.regel, "kolom": self.kolom, "tekst": self.tekst}


class Bestandsfout(Exception):
    def __init__(self, fouten: list[Fout]):
        super().__init__(fouten)
        self.fouten = fouten


@dataclass(frozen=True)
class Regel:
    regel: int
    cheque: Cheque
    gegevens: Gegevens
    factuur_pdf: str
    bewijs_pdf: str


def sjabloon_regels() -> list[list[str]]:
    """Example rows of the downloadable template: a start and a completion."""
    return [["TFV-2026-000123", "2026-0042", "04-12-2026", "1.234,50", "start", "", "", "",
             "factuur-2026-0042.pdf", "startbewijs-000123.pdf"],
            ["TFV-2026-000124", "2026-0043", "04-12-2026", "1500,00", "aanwezigheid", "85",
             "", "", "factuur-2026-0043.pdf", "presentie-000124.pdf"]]


def _lees_csv(inhoud: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number, {column: value}) per row; Bestandsfout when the file is unreadable."""
    if len(inhoud) > MAX_CSV_BYTES:
        raise Bestandsfout([Fout(0, "", _("Het CSV-bestand is groter dan 5 MB. Verdeel de "
                                          "declaraties over meer bestanden."))])
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = inhoud.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    try:
        kop = [k.strip().lower() for k in next(lezer, [])]
        ontbreekt = [k for k in KOLOMMEN if k not in kop]
        onbekend = [k for k in kop if k and k not in KOLOMMEN]
        if ontbreekt or onbekend:
            raise Bestandsfout([Fout(1, "", _(
                "De eerste regel moet de kolomnamen van het sjabloon bevatten. Ontbreekt: "
                "%(ontbreekt)s. Onbekend: %(onbekend)s.") % {
                "ontbreekt": ", ".join(ontbreekt) or "-",
                "onbekend": ", ".join(onbekend) or "-"})])
        rijen = []
        for rij in lezer:
            if not any(v.strip() for v in rij):
                continue  # an empty line (Excel adds them at the end)
            if len(rijen) == MAX_REGELS:
                raise Bestandsfout([Fout(0, "", _(
                    "Het bestand heeft meer dan %(max)s regels. Verdeel de declaraties over "
                    "meer bestanden.") % {"max": MAX_REGELS})])
            rijen.append((lezer.line_num, {k: (rij[i].strip() if i < len(rij) else "")
                                           for i, k in enumerate(kop) if k}))
    except csv.Error as fout:
        raise Bestandsfout([Fout(lezer.line_num, "", _("De CSV is niet te lezen (%(fout)s).")
                                 % {"fout": fout})]) from fout
    if not rijen:
        raise Bestandsfout([Fout(0, "", _("Het bestand bevat geen declaraties."))])
    return rijen


def _pdfs_in(archief: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The zip's files by their name without folders; Bestandsfout when it is too large."""
    infos = [i for i in archief.infolist() if not i.is_dir()]
    if sum(i.file_size for i in infos) > MAX_ZIP_UITGEPAKT:
        raise Bestandsfout([Fout(0, "", _("De zip is uitgepakt te groot."))])
    return {i.filename.rsplit("/", 1)[-1]: i for i in infos}


def _pdf_fout(archief, pdfs, naam: str) -> str:
    info = pdfs.get(naam)
    if info is None:
        return _("Het bestand %(naam)s staat niet in de zip.") % {"naam": naam}
    if info.file_size > PDF_MAX:
        return _("Het bestand %(naam)s is groter dan 10 MB.") % {"naam": naam}
    with archief.open(info) as f:
        if f.read(5) != b"%PDF-":
            return _("Het bestand %(naam)s is geen PDF-bestand.") % {"naam": naam}
    return ""


def _waarde(veld, tekst: str, kolom: str, regel: int, fouten: list):
    try:
        return veld.clean(tekst)
    except ValidationError as fout:
        fouten.append(Fout(regel, kolom, fout.messages[0]))
        return None


def controleer(*, opleider, csv_inhoud: bytes, archief: zipfile.ZipFile) -> list[Regel]:
    """Every row checked; Bestandsfout with all messages, or the rows to submit."""
    rijen = _lees_csv(csv_inhoud)
    pdfs = _pdfs_in(archief)
    cheques = cheques_met_stand(opleider, {r["chequenummer"].upper() for _n, r in rijen})
    bekend = factuurnummers_van(opleider)
    vandaag = timezone.localdate()
    datumveld, bedragveld = Datumveld(required=False), Bedragveld(required=False)
    fouten: list[Fout] = []
    regels: list[Regel] = []
    gezien_cheques: dict[str, int] = {}
    gezien_facturen: dict[str, int] = {}
    for n, r in rijen:
        eigen: list[Fout] = []
        nummer = r["chequenummer"].upper()
        cheque = cheques.get(nummer)
        if cheque is None:
            fouten.append(Fout(n, "chequenummer", onbekend_chequenummer(r["chequenummer"])))
            continue
        if nummer in gezien_cheques:
            eigen.append(Fout(n, "chequenummer", _(
                "Cheque %(nummer)s staat al op regel %(regel)s; één declaratie per cheque.")
                % {"nummer": nummer, "regel": gezien_cheques[nummer]}))
        gezien_cheques.setdefault(nummer, n)
        factuurnummer = r["factuurnummer"]
        sleutel = factuurnummer.upper()
        if sleutel and sleutel in gezien_facturen:
            eigen.append(Fout(n, "factuurnummer", _(
                "Factuurnummer %(factuur)s staat al op regel %(regel)s.")
                % {"factuur": factuurnummer, "regel": gezien_facturen[sleutel]}))
        if sleutel:
            gezien_facturen.setdefault(sleutel, n)
        procent = None
        if r["aanwezigheid_procent"]:
            try:
                procent = int(r["aanwezigheid_procent"].rstrip("% "))
            except ValueError:
                eigen.append(Fout(n, "aanwezigheid_procent", _(
                    "Vul een heel getal van 0 tot en met 100 in.")))
        gegevens = Gegevens(
            factuurnummer=factuurnummer,
            factuurdatum=_waarde(datumveld, r["factuurdatum"], "factuurdatum", n, eigen),
            bedrag=_waarde(bedragveld, r["bedrag"], "bedrag", n, eigen),
            bewijssoort=r["bewijssoort"].lower(), aanwezigheid_procent=procent,
            gestopt_op=_waarde(datumveld, r["gestopt_op"], "gestopt_op", n, eigen),
            reden_gestopt=r["reden_gestopt"])
        al = {f.kolom for f in eigen}
        for veld, tekst in fouten_in(cheque, stand(cheque), gegevens, vandaag=vandaag,
                                     factuurnummer_bekend=sleutel in bekend).items():
            if KOLOM_VAN.get(veld, veld) not in al:
                eigen.append(Fout(n, KOLOM_VAN.get(veld, veld), tekst))
        for kolom, nodig in (("factuur_pdf", vraagt_factuur(cheque)), ("bewijs_pdf", True)):
            if nodig and not r[kolom]:
                eigen.append(Fout(n, kolom, _("Vul de bestandsnaam van de PDF in.")))
            elif nodig:
                tekst = _pdf_fout(archief, pdfs, r[kolom])
                if tekst:
                    eigen.append(Fout(n, kolom, tekst))
        fouten.extend(eigen)
        if not eigen:
            regels.append(Regel(n, cheque, gegevens, r["factuur_pdf"], r["bewijs_pdf"]))
    if fouten:
        raise Bestandsfout(fouten)
    return regels


def _pdf(archief: zipfile.ZipFile, paden: dict[str, str], naam: str) -> File | None:
    """The member as a file the storage streams from (never the whole zip in memory)."""
    return File(archief.open(paden[naam]), name=naam) if naam else None


def verwerk(*, opleider, door, naam: str, csv_inhoud: bytes, zip_bestand) -> Declaratiebestand:
    """Check the file and submit every row, or nothing (Bestandsfout with the messages)."""
    sha256 = hashlib.sha256(csv_inhoud).hexdigest()
    if Declaratiebestand.objects.filter(opleider=opleider, sha256=sha256).exists():
        raise Bestandsfout([Fout(0, "", _("Dit bestand heeft u al eerder ingediend."))])
    try:
        archief = zipfile.ZipFile(zip_bestand)
    except (zipfile.BadZipFile, OSError) as fout:
        raise Bestandsfout([Fout(0, "", _("Het bestand met de PDF's is geen zip-bestand."))]) \
            from fout
    with archief:
        regels = controleer(opleider=opleider, csv_inhoud=csv_inhoud, archief=archief)
        paden = {i.filename.rsplit("/", 1)[-1]: i.filename for i in archief.infolist()}
        try:
            return dien_bestand_in(opleider=opleider, door=door, naam=naam, sha256=sha256,
                                   regels=[Bestandsregel(
                                       regel=r.regel, nummer=r.cheque.nummer, gegevens=r.gegevens,
                                       factuur=_pdf(archief, paden, r.factuur_pdf)
                                       if vraagt_factuur(r.cheque) else None,
                                       bewijs=_pdf(archief, paden, r.bewijs_pdf))
                                       for r in regels])
        except ValidationError as fout:  # changed since the check (another tab, finance)
            raise Bestandsfout([Fout(f.params["regel"], KOLOM_VAN.get(f.code, f.code),
                                     f.message) for f in fout.error_list]) from fout
        except IntegrityError as fout:  # the same file at the same moment in another tab
            raise Bestandsfout([Fout(0, "", _("Dit bestand heeft u al eerder ingediend."))]) \
                from fout
