"""The authorisation matrix: for every named URL of the project, what each role gets.

tests/test_autorisatiematrix.py enumerates all URL patterns; a URL name missing here
fails the suite. Add an entry when you add a URL:

    "cheques:cheque-pdf": Regel(
        {**ALLEEN_LOGIN, "inwoner": "ok", "beoordelaar": "ok"},   # outcomes per role
        kwargs=lambda o: {"pk": o.cheque_eigen.pk},              # objects: see Objecten
    ),

Outcomes: "ok" (2xx), "redirect" (3xx, not to a login page), "login" (redirect to
a login page), "403", "404", "405". Roles not named in a dict built with `wie(...)`
get the default of `wie`. Objects for URL kwargs come from `Objecten` in
tests/test_autorisatiematrix.py (add a property there for a new kind of record).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLLEN = (
    "anoniem", "inwoner", "consulent_lwl", "consulent_lbs", "consulent_manager",
    "beoordelaar", "financieel", "adviesgroep", "beheerder",
)
MEDEWERKERS = ROLLEN[2:]
UITKOMSTEN = frozenset({"ok", "redirect", "login", "403", "404", "405"})


def wie(standaard: str = "403", *, anoniem: str = "login", **per_rol: str) -> dict[str, str]:
    """Outcome per role: `per_rol` for the named roles, `standaard` for the other
    logged-in roles, `anoniem` for a visitor who is not logged in."""
    onbekend = set(per_rol) - set(ROLLEN)
    if onbekend:
        raise KeyError(f"Onbekende rol(len): {sorted(onbekend)}")
    return {"anoniem": anoniem, **dict.fromkeys(ROLLEN[1:], standaard), **per_rol}


def alleen(*rollen: str, anoniem: str = "login", anders: str = "403") -> dict[str, str]:
    """Only `rollen` get the page; other logged-in roles `anders`, visitors `anoniem`."""
    return wie(anders, anoniem=anoniem, **dict.fromkeys(rollen, "ok"))


IEDEREEN = wie("ok", anoniem="ok")


@dataclass(frozen=True)
class Regel:
    verwacht: dict[str, str]
    methode: str = "get"
    kwargs: Callable | dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)


MATRIX: dict[str, Regel] = {
    # --- tfvv ---------------------------------------------------------------------------
    "tfvv:home": Regel(IEDEREEN),
    "tfvv:privacy": Regel(IEDEREEN),
    "tfvv:toegankelijkheid": Regel(IEDEREEN),
    "tfvv:gezondheid": Regel(IEDEREEN),
    "tfvv:inloggen-medewerker": Regel(IEDEREEN),
    # start: every logged-in role is sent on to its own start page
    "tfvv:start": Regel(wie("redirect", anoniem="redirect")),
    # logging out is POST only; afterwards everyone lands on the home page
    "tfvv:uitloggen": Regel(wie("redirect", anoniem="redirect"), methode="post"),
    # step-up confirmation: staff only
    "tfvv:bevestigen": Regel(wie("ok", inwoner="403")),
    "tfvv:beheer": Regel(alleen("beheerder")),
    # the admin sends everyone without staff status to the staff login
    "admin:index": Regel(alleen("beheerder", anders="login")),
    # --- aanvragen ----------------------------------------------------------------------
    "aanvragen:aanmelden": Regel(IEDEREEN),
    "aanvragen:inloggen": Regel(IEDEREEN),
    "aanvragen:mijn-aanvraag": Regel(alleen("inwoner")),
    # --- loopbaangesprekken -------------------------------------------------------------
    "loopbaangesprekken:werkvoorraad": Regel(
        alleen("consulent_lwl", "consulent_lbs", "consulent_manager")),
    # --- cheques ------------------------------------------------------------------------
    "cheques:beoordelen": Regel(alleen("beoordelaar")),
    "cheques:financien": Regel(alleen("financieel")),
    "cheques:budget": Regel(alleen("financieel", "beheerder")),
    "cheques:controleren": Regel(IEDEREEN),
    # --- rapportage ---------------------------------------------------------------------
    "rapportage:dashboard": Regel(alleen("adviesgroep", "beheerder")),
    "rapportage:werkvoorraad": Regel(alleen("beoordelaar", "beheerder")),
}
