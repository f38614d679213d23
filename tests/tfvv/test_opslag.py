"""No file without its record (issue 15, item 5): a write that fails removes its files."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from aanvragen import services
from aanvragen.models import Document
from tests.aanvragen.bestanden import PDF, upload
from tests.aanvragen.factories import AanvraagFactory
from tfvv.opslag import atomic_met_bestanden

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eigen_map(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES,
                         "default": {"BACKEND": "tfvv.opslag.Opslag",
                                     "OPTIONS": {"location": str(tmp_path)}}}
    return tmp_path


def bestanden(map_) -> list:
    return [p for p in map_.rglob("*") if p.is_file()]


def test_crash_midden_in_upload_laat_geen_bestand_achter(eigen_map, monkeypatch):
    aanvraag = AanvraagFactory()

    def crash(**kwargs):
        raise RuntimeError("stroom uitgevallen")

    monkeypatch.setattr(services, "registreer_gebeurtenis", crash)
    with pytest.raises(RuntimeError):
        services.voeg_document_toe(aanvraag=aanvraag, soort="offerte",
                                   bestand=upload("offerte.pdf", PDF), mime="application/pdf",
                                   actor=aanvraag.aanvrager)
    assert not Document.objects.exists()
    assert bestanden(eigen_map) == []


def test_geslaagde_upload_houdt_het_bestand(eigen_map):
    aanvraag = AanvraagFactory()
    document = services.voeg_document_toe(
        aanvraag=aanvraag, soort="offerte", bestand=upload("offerte.pdf", PDF),
        mime="application/pdf", actor=aanvraag.aanvrager)
    assert [p.name for p in bestanden(eigen_map)] == [document.bestand.name.rsplit("/", 1)[-1]]


def test_binnenste_blok_dat_faalt_ruimt_alleen_eigen_bestanden_op(eigen_map):
    with atomic_met_bestanden():
        buiten = default_storage.save("buiten.txt", ContentFile(b"a"))
        with pytest.raises(ValueError), atomic_met_bestanden():
            default_storage.save("binnen.txt", ContentFile(b"b"))
            raise ValueError
    assert [p.name for p in bestanden(eigen_map)] == [buiten]


def test_buitenste_blok_dat_faalt_ruimt_ook_geslaagde_binnenblokken_op(eigen_map):
    with pytest.raises(ValueError), atomic_met_bestanden():
        with atomic_met_bestanden():
            default_storage.save("binnen.txt", ContentFile(b"b"))
        raise ValueError
    assert bestanden(eigen_map) == []
