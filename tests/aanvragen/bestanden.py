"""Small real files for upload tests: the first bytes are what libmagic looks at."""

import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile


def _png() -> bytes:
    def blok(soort, data):
        return (struct.pack(">I", len(data)) + soort + data
                + struct.pack(">I", zlib.crc32(soort + data) & 0xFFFFFFFF))
    kop = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + blok(b"IHDR", kop)
            + blok(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + blok(b"IEND", b""))


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
PNG = _png()
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
HTML = b"<!doctype html><html><script>alert(1)</script></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40


def upload(naam: str, inhoud: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(naam, inhoud, content_type=content_type)
