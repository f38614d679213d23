"""A Celery task for the PDF scenario: render HTML with tfvv.pdf, store it in private
storage and record one row, the way a cheque task would (bench/scenario_pdf.py)."""

from celery import shared_task
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from bench.basislijn.models import Invoer
from tfvv.pdf import html_naar_pdf


@shared_task(name="bench.basislijn.render_pdf")
def render_pdf(html: str, kenmerk: str) -> None:
    pdf = html_naar_pdf(html)
    default_storage.save(f"bench/{kenmerk}.pdf", ContentFile(pdf))
    Invoer.objects.create(waarde=kenmerk)
