"""Why a page is slow: a few submissions in this process under cProfile (Django's test
client, same settings and database as the server), with queries counted per request.

Reports per submission: ms and queries for GET and POST, and the functions with the most
cumulative and own (self) time, so a report can say where the CPU goes.
"""

import cProfile
import pstats
import random
import time
from urllib.parse import urlencode

from bench import formulier as fm

TOP = 15
# Frames every request passes through (handler, middleware chain, test client): left out of
# the cumulative list so it shows the work itself (view, form, template, queries).
OMHULSELS = ("django/test/", "django/core/handlers/", "middleware", "django/utils/deprecation",
             "django/utils/decorators", "django/views/generic/base", "<built-in",
             "django/contrib/auth/decorators", "csp/", "axes/", "whitenoise/")


def _naam(sleutel) -> str:
    bestand, regel, functie = sleutel
    for knip in ("site-packages/", "/work/", "/tmp/"):
        if knip in bestand:
            bestand = bestand.split(knip, 1)[1]
    return f"{bestand}:{regel}({functie})" if regel else functie


def _top(stats: pstats.Stats, index: int, aantal: int, n: int) -> list[str]:
    rijen = [(k, v) for k, v in stats.stats.items()
             if index == 2 or not any(o in _naam(k) for o in OMHULSELS)]
    rijen = sorted(rijen, key=lambda kv: kv[1][index], reverse=True)[:n]
    return [f"{1000 * waarden[index] / aantal:8.2f} ms  {_naam(sleutel)}"
            for sleutel, waarden in rijen]


def profileer(pad: str, formulier: fm.Formulier, run: str, aantal: int = 20) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    postcodes = fm.twentse_postcodes()
    client = Client(HTTP_HOST="127.0.0.1")  # one handler: middleware is loaded once
    for i in range(3):  # warm-up: lazy imports, template and URL caches (GET and POST)
        client.cookies.clear()
        client.get(pad)
        client.post(pad, dict(fm.vul_in(formulier, fm.Persoon(
            run=f"{run}warm", volgnummer=i, rnd=random.Random(i), postcodes=postcodes))))
    profiel = cProfile.Profile()
    tijden = {"get": 0.0, "post": 0.0}
    queries = {"get": 0, "post": 0}
    geaccepteerd = 0
    for i in range(aantal):
        client.cookies.clear()  # a new visitor
        persoon = fm.Persoon(run=f"{run}prof", volgnummer=i, rnd=random.Random(i),
                             postcodes=postcodes)
        for soort in ("get", "post"):
            with CaptureQueriesContext(connection) as gevangen:
                t0 = time.perf_counter()
                profiel.enable()
                if soort == "get":
                    antwoord = client.get(pad)
                else:
                    data = dict(fm.vul_in(formulier, persoon))
                    data["csrfmiddlewaretoken"] = fm.csrf_token(
                        antwoord.content.decode()) or ""
                    # urlencoded like the load client (bench/belasting.py), not multipart
                    antwoord = client.post(pad, urlencode(data),
                                           content_type="application/x-www-form-urlencoded")
                profiel.disable()
                tijden[soort] += time.perf_counter() - t0
            queries[soort] += len(gevangen)
        geaccepteerd += antwoord.status_code in (301, 302, 303)
    stats = pstats.Stats(profiel)
    return {
        "inzendingen": aantal, "geaccepteerd": geaccepteerd,
        "ms_per_get": round(1000 * tijden["get"] / aantal, 1),
        "ms_per_post": round(1000 * tijden["post"] / aantal, 1),
        "queries_per_get": round(queries["get"] / aantal, 1),
        "queries_per_post": round(queries["post"] / aantal, 1),
        "top_cumulatief_per_inzending": _top(stats, 3, aantal, TOP),
        "top_eigen_tijd_per_inzending": _top(stats, 2, aantal, TOP),
    }
