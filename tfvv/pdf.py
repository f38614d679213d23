"""PDF rendering with WeasyPrint: the shipped font, tagged PDF/UA output.

WeasyPrint is imported at module level so a worker pays the import once.

The HTML holds text typed by people. WeasyPrint's default URL fetcher would follow any
URL in it (file:///etc/passwd, http://169.254.169.254/, an internal service), so every
document and stylesheet uses `AlleenEigenBestanden`: the project's own static files and
data: URIs, nothing else.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

FONTS = settings.BASE_DIR / "static" / "fonts"


class AlleenEigenBestanden(URLFetcher):
    """Serves data: URIs and files under the static directories; refuses everything else
    (WeasyPrint then leaves the resource out and logs a warning)."""

    def __init__(self):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self.mappen = [Path(m).resolve() for m in (*settings.STATICFILES_DIRS,
                                                   settings.STATIC_ROOT)]

    def fetch(self, url, headers=None):
        delen = urlsplit(url)
        if delen.scheme == "file":
            pad = Path(unquote(delen.path)).resolve()  # resolves ../ and symlinks
            if delen.netloc not in ("", "localhost") or not any(
                    pad.is_relative_to(map_) for map_ in self.mappen):
                raise ValueError(f"PDF: bestand buiten de statische bestanden geweigerd: {url}")
        elif delen.scheme != "data":
            raise ValueError(f"PDF: URL geweigerd: {url}")
        return super().fetch(url, headers)


_url_fetcher = AlleenEigenBestanden()
_font_config = FontConfiguration()
_HUISSTIJL = CSS(
    string=f"""
    @font-face {{ font-family: "TFvV"; src: url("file://{FONTS / 'DejaVuSans.ttf'}"); }}
    @font-face {{ font-family: "TFvV"; font-weight: bold;
                  src: url("file://{FONTS / 'DejaVuSans-Bold.ttf'}"); }}
    @page {{ size: A4; margin: 2cm; }}
    body {{ font-family: "TFvV", sans-serif; font-size: 10.5pt; line-height: 1.4; }}
    """,
    font_config=_font_config,
    url_fetcher=_url_fetcher,
)


def html_naar_pdf(html: str) -> bytes:
    """Render HTML (with <html lang> and <title>) to a tagged PDF/UA-1 document."""
    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_url_fetcher)
    return document.write_pdf(
        stylesheets=[_HUISSTIJL], font_config=_font_config, pdf_variant="pdf/ua-1"
    )


def render_pdf(template: str, context: dict) -> bytes:
    return html_naar_pdf(render_to_string(template, context))
