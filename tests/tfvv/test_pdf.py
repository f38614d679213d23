"""tfvv.pdf: WeasyPrint fetches only the project's own static files and data: URIs."""

import socket
import threading

import pytest
from pypdf import PdfReader

from tfvv import pdf

PIXEL = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
         "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def _html(*bronnen):
    beelden = "".join(f'<img src="{b}" alt="">' for b in bronnen)
    return (f'<html lang="nl"><head><title>Proef</title></head>'
            f'<body><p>Tekst</p>{beelden}</body></html>')


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "file:///etc/hostname",
    "http://127.0.0.1:1/geheim",
    "https://169.254.169.254/latest/meta-data/",
    "ftp://127.0.0.1:1/x",
    "static/../tfvv/settings.py",  # relative: resolves below BASE_DIR, outside static/
])
def test_vreemde_urls_geweigerd(url):
    with pytest.raises(ValueError):
        pdf._url_fetcher.fetch(_absoluut(url))


def _absoluut(url):
    from urllib.parse import urljoin

    from django.conf import settings

    return urljoin(settings.BASE_DIR.as_uri() + "/", url)


def test_eigen_statische_bestanden_en_data_toegestaan():
    lettertype = (pdf.FONTS / "DejaVuSans.ttf").as_uri()
    antwoord = pdf._url_fetcher.fetch(lettertype)
    assert antwoord.read(4)
    antwoord.close()
    assert pdf._url_fetcher.fetch(PIXEL).read()


def test_pdf_met_vreemde_bronnen_wordt_gemaakt_zonder_ze_op_te_halen(monkeypatch):
    """A template referring to file:///etc/passwd and a local port: the PDF is made,
    nothing is opened outside the static files, no connection is attempted."""
    verbindingen = []
    echt = socket.create_connection
    monkeypatch.setattr(socket, "create_connection",
                        lambda *a, **k: verbindingen.append(a) or echt(*a, **k))
    gelezen = []
    echte_open = open

    def bewaakte_open(pad, *args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            gelezen.append(str(pad))
        return echte_open(pad, *args, **kwargs)

    monkeypatch.setattr("builtins.open", bewaakte_open)
    inhoud = pdf.html_naar_pdf(_html("file:///etc/passwd", "http://127.0.0.1:1/x", PIXEL)
                               + '<link rel="stylesheet" href="file:///etc/passwd">')
    assert inhoud.startswith(b"%PDF")
    assert verbindingen == []
    assert not any("passwd" in p for p in gelezen)
    monkeypatch.undo()
    from io import BytesIO

    assert "Tekst" in PdfReader(BytesIO(inhoud)).pages[0].extract_text()
