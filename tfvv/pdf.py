"""PDF rendering with WeasyPrint: the shipped font, tagged PDF/UA output.

WeasyPrint is imported at module level so a worker pays the import once.
"""

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

FONTS = settings.BASE_DIR / "static" / "fonts"
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
)


def html_naar_pdf(html: str) -> bytes:
    """Render HTML (with <html lang> and <title>) to a tagged PDF/UA-1 document."""
    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    return document.write_pdf(
        stylesheets=[_HUISSTIJL], font_config=_font_config, pdf_variant="pdf/ua-1"
    )


def render_pdf(template: str, context: dict) -> bytes:
    return html_naar_pdf(render_to_string(template, context))
