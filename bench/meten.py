"""Measuring helpers: percentiles, the machine, and a CPU profile per service (read from
/proc), which shows where the 2 cores went during a scenario."""

import os
import platform
import statistics
import time
from pathlib import Path

KLOKTIKKEN = os.sysconf("SC_CLK_TCK")


def percentielen(waarden: list[float]) -> dict:
    """p50/p95/p99/max in milliseconds (nearest-rank)."""
    if not waarden:
        return {"n": 0}
    w = sorted(waarden)

    def p(q):
        return round(w[min(len(w) - 1, max(0, int(round(q * len(w))) - 1))] * 1000, 1)

    return {"n": len(w), "p50": p(0.50), "p95": p(0.95), "p99": p(0.99),
            "max": round(w[-1] * 1000, 1), "gemiddeld": round(statistics.fmean(w) * 1000, 1)}


def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text(errors="replace")
    model = next((r.split(":", 1)[1].strip() for r in cpuinfo.splitlines()
                  if r.startswith("model name")), platform.processor() or "onbekend")
    meminfo = Path("/proc/meminfo").read_text()
    kb = int(next(r.split()[1] for r in meminfo.splitlines() if r.startswith("MemTotal")))
    return {"cores": os.cpu_count(), "geheugen_gb": round(kb / 1024 / 1024, 1),
            "cpu": model, "kernel": platform.release(), "python": platform.python_version()}


def _processen() -> dict[int, tuple[int, float]]:
    """pid -> (parent pid, CPU seconds used so far)."""
    processen = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        processen[int(pid)] = (int(velden[1]), (int(velden[11]) + int(velden[12])) / KLOKTIKKEN)
    return processen


def _cpu_per_groep(wortels: dict[str, int]) -> dict[str, float]:
    """CPU seconds of each process tree in `wortels` (group -> root pid), and this process."""
    processen = _processen()
    groep_van = {pid: groep for groep, pid in wortels.items()}
    groep_van[os.getpid()] = "bench-client"
    totaal: dict[str, float] = {}
    for pid, (_ouder, seconden) in processen.items():
        p, gezien = pid, 0
        while p not in groep_van and p in processen and gezien < 50:
            p, gezien = processen[p][0], gezien + 1
        if p in groep_van:
            totaal[groep_van[p]] = totaal.get(groep_van[p], 0.0) + seconden
    return totaal


class CpuProfiel:
    """Cores used per service (process tree) between start() and stop(), and how busy the
    whole machine was (other users of the machine show up there, not in the groups).

    Processes that end in between are lost; the services of a bench run live for the
    whole run, so this is exact for them."""

    def __init__(self, wortels: dict[str, int]):
        self.wortels = wortels

    def start(self):
        self._t0, self._cpu0 = time.perf_counter(), _cpu_per_groep(self.wortels)
        self._stat0 = self._idle()
        return self

    @staticmethod
    def _idle() -> tuple[int, int]:
        velden = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return velden[3] + velden[4], sum(velden)  # idle + iowait, total

    def stop(self) -> dict:
        wand = time.perf_counter() - self._t0
        cpu1 = _cpu_per_groep(self.wortels)
        idle1, tot1 = self._idle()
        idle = (idle1 - self._stat0[0]) / max(1, tot1 - self._stat0[1])
        groepen = {g: round(max(0.0, cpu1.get(g, 0) - self._cpu0.get(g, 0)) / wand, 2)
                   for g in sorted(set(cpu1) | set(self._cpu0))}
        bezet = (1 - idle) * (os.cpu_count() or 1)
        return {"kernen_gebruikt_per_groep": groepen,
                "machine_bezet_pct": round(100 * (1 - idle), 1),
                "kernen_door_andere_processen": round(max(0.0, bezet - sum(groepen.values())), 2)}
