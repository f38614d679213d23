"""Read pip-audit's JSON report (argument 1) and decide the outcome of the static check.

Exit 1 when a pinned package has a known vulnerability. When the vulnerability service
(PyPI's JSON API) could not be asked about some or all packages, say so plainly and do
not fail: an unreachable service is not a finding.
"""

import json
import sys
from pathlib import Path


def main(pad: str) -> int:
    try:
        rapport = json.loads(Path(pad).read_text() or "{}")
    except json.JSONDecodeError:
        rapport = {}
    pakketten = rapport.get("dependencies", [])
    if not pakketten:
        print("pip-audit: LET OP — geen rapport: de kwetsbaarhedendienst (PyPI JSON-API) is "
              "niet bereikbaar. Niet gecontroleerd; de run gaat door.")
        return 0
    kwetsbaar = [(p["name"], p.get("version"), v["id"], v.get("fix_versions", []))
                 for p in pakketten for v in p.get("vulns", [])]
    overgeslagen = [p["name"] for p in pakketten if p.get("skip_reason")]
    for naam, versie, vuln, fix in kwetsbaar:
        print(f"pip-audit: KWETSBAAR {naam} {versie}: {vuln} (opgelost in {', '.join(fix) or '?'})")
    gecontroleerd = len(pakketten) - len(overgeslagen)
    if overgeslagen:
        print(f"pip-audit: LET OP — {len(overgeslagen)} van {len(pakketten)} pakketten niet "
              "gecontroleerd: de kwetsbaarhedendienst (PyPI JSON-API) gaf geen gegevens "
              f"(bijv. {', '.join(overgeslagen[:5])}). Dat is geen bevinding; de run gaat door.")
    print(f"pip-audit: {gecontroleerd} pakketten gecontroleerd, {len(kwetsbaar)} kwetsbaarheden.")
    return 1 if kwetsbaar else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
