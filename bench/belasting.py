"""A closed-loop load generator: N threads, each a stream of new visitors who GET a form
(CSRF cookie + token) and POST it, for a fixed duration.

Stdlib only (http.client): one fresh connection per request, as separate residents would
have. The form is parsed once (bench.formulier); per visit only the CSRF token is taken
from the page, so the generator spends little CPU on the 2 cores it shares with the server.
"""

import http.client
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from bench import formulier as fm
from bench.meten import percentielen

TIMEOUT = 30


@dataclass
class Antwoord:
    status: int
    locatie: str
    tekst: str
    cookies: dict


def verzoek(host: str, poort: int, methode: str, pad: str, *, cookies: dict,
            data: list[tuple[str, str]] | None = None) -> Antwoord:
    verbinding = http.client.HTTPConnection(host, poort, timeout=TIMEOUT)
    try:
        koppen = {"Connection": "close", "User-Agent": "tfvv-bench"}
        if cookies:
            koppen["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        lichaam = None
        if data is not None:
            lichaam = urlencode(data).encode()
            koppen["Content-Type"] = "application/x-www-form-urlencoded"
        verbinding.request(methode, pad, body=lichaam, headers=koppen)
        r = verbinding.getresponse()
        tekst = r.read().decode("utf-8", "replace")
        nieuw = dict(cookies)
        for kop in r.headers.get_all("Set-Cookie") or []:
            naam, _, rest = kop.partition("=")
            nieuw[naam.strip()] = rest.split(";", 1)[0]
        return Antwoord(r.status, r.headers.get("Location", ""), tekst, nieuw)
    finally:
        verbinding.close()


@dataclass
class Uitkomst:
    geaccepteerd: bool
    soort: str  # "geaccepteerd" or the kind of error
    detail: str = ""


def verstuur(host: str, poort: int, pad: str, formulier: fm.Formulier, persoon: fm.Persoon,
             tijden: dict[str, list[float]] | None = None) -> Uitkomst:
    """One visitor: GET the form, POST it; follow at most 4 form steps (a wizard)."""
    t0 = time.perf_counter()
    pagina = verzoek(host, poort, "GET", pad, cookies={})
    t1 = time.perf_counter()
    if pagina.status != 200:
        return Uitkomst(False, f"GET {pagina.status}")
    html, cookies, doel = pagina.tekst, pagina.cookies, pad
    for _stap in range(4):
        token = fm.csrf_token(html)
        if token is None:
            return Uitkomst(False, "geen CSRF-token")
        data = [(k, v) for k, v in fm.vul_in(formulier, persoon) if k != "csrfmiddlewaretoken"]
        data.append(("csrfmiddlewaretoken", token))
        doel = urlsplit(formulier.actie).path or doel
        t2 = time.perf_counter()
        antwoord = verzoek(host, poort, "POST", doel, cookies=cookies, data=data)
        t3 = time.perf_counter()
        if tijden is not None:
            tijden["get"].append(t1 - t0)
            tijden["post"].append(t3 - t2)
            tijden["inzending"].append(t3 - t0)
        if antwoord.status in (301, 302, 303):
            if urlsplit(antwoord.locatie).path == doel:
                return Uitkomst(False, "terug naar formulier")
            return Uitkomst(True, "geaccepteerd")
        if antwoord.status != 200:
            return Uitkomst(False, f"POST {antwoord.status}", antwoord.tekst[:300])
        fouten = fm.foutmeldingen(antwoord.tekst)
        if fouten:
            return Uitkomst(False, "validatiefout", "; ".join(fouten[:5]))
        volgende = fm.lees_formulier(antwoord.tekst)
        if volgende is None or not [v for v in volgende.velden if v.soort != "hidden"]:
            return Uitkomst(True, "geaccepteerd")  # confirmation rendered in place
        formulier, html, cookies = volgende, antwoord.tekst, antwoord.cookies
        t0 = t1 = time.perf_counter()
    return Uitkomst(False, "te veel formulierstappen")


@dataclass
class Resultaat:
    duur_s: float
    geaccepteerd: int
    fouten: Counter = field(default_factory=Counter)
    voorbeeldfouten: dict = field(default_factory=dict)
    tijden: dict = field(default_factory=dict)
    client_cpu_s: float = 0.0

    def als_dict(self) -> dict:
        return {
            "duur_s": round(self.duur_s, 2),
            "geaccepteerd": self.geaccepteerd,
            "geaccepteerd_per_s": round(self.geaccepteerd / self.duur_s, 1),
            "fouten": sum(self.fouten.values()),
            "fouten_per_soort": dict(self.fouten),
            "voorbeeldfouten": self.voorbeeldfouten,
            "latentie_ms": {k: percentielen(v) for k, v in self.tijden.items()},
            "client_cpu_s": round(self.client_cpu_s, 2),
        }


def belast(*, host: str, poort: int, pad: str, formulier: fm.Formulier, run: str,
           clients: int, duur: float, postcodes: list[str]) -> Resultaat:
    """`clients` threads submit the form over and over for `duur` seconds."""
    slot = threading.Lock()
    teller = iter(range(10**9))
    geaccepteerd = 0
    fouten: Counter = Counter()
    voorbeelden: dict = {}
    tijden = {"get": [], "post": [], "inzending": []}
    einde = time.perf_counter() + duur

    def client(nummer: int):
        nonlocal geaccepteerd
        rnd = random.Random(f"{run}-{nummer}")
        eigen = {"get": [], "post": [], "inzending": []}
        while time.perf_counter() < einde:
            with slot:
                volgnummer = next(teller)
            persoon = fm.Persoon(run=run, volgnummer=volgnummer, rnd=rnd, postcodes=postcodes)
            try:
                uitkomst = verstuur(host, poort, pad, formulier, persoon, eigen)
            except (OSError, http.client.HTTPException) as fout:
                uitkomst = Uitkomst(False, type(fout).__name__, str(fout))
            with slot:
                if uitkomst.geaccepteerd:
                    geaccepteerd += 1
                else:
                    fouten[uitkomst.soort] += 1
                    voorbeelden.setdefault(uitkomst.soort, uitkomst.detail[:300])
        with slot:
            for k, v in eigen.items():
                tijden[k].extend(v)

    cpu0, t0 = time.process_time(), time.perf_counter()
    draden = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(duur + 2 * TIMEOUT)
    return Resultaat(duur_s=time.perf_counter() - t0, geaccepteerd=geaccepteerd, fouten=fouten,
                     voorbeeldfouten=voorbeelden, tijden=tijden,
                     client_cpu_s=time.process_time() - cpu0)
