"""Filters for what people typed inside mails, PDFs and calendar texts (see tfvv.tekst)."""

from django import template

from tfvv import tekst

register = template.Library()

register.filter("mailveilig", tekst.mailveilig)
register.filter("citeer", tekst.citeer)
