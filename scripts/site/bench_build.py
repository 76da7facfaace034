"""Time ``mkdocs build`` (real site, x10 data, plain mkdocs-material) and the serve edit loop.

Usage: ``atlas bench-build [--runs N] [--factor 10] [--no-profile] [--no-edit-loop]``. Every
variant is built from its own temporary copy of the project, ``--runs`` times, alternating
variants so that a slow stretch of a shared machine hits all of them; each round also times one
data edit under ``mkdocs serve`` (``edit_loop.py``) in another copy. Wall and CPU times, medians
and ratios go to ``reports/build-time.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from macros.checks.build import build, build_env
from macros.checks.project import copy_project, make_plain, multiply_entities
from scripts.site.edit_loop import ENTITY, EditLoop

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "reports" / "build-time.md"
HISTORY = "## Before and after"
"""Heading of the report's hand-written part, which a new run keeps (up to the profile)."""
BENCH_ENV = {"PYTHONDONTWRITEBYTECODE": ""}
"""Builds may cache bytecode, as on a developer's machine (some CI images turn that off)."""


@dataclass
class Variant:
    """One project copy to build, and its timings."""

    name: str
    project: Path
    strict: bool = True
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    pages: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        """The fastest run: on a shared machine, the least disturbed one."""
        return min(self.times)

    @property
    def cpu_median(self) -> float:
        """Median CPU time (user + system): less disturbed by other load than wall time."""
        return statistics.median(self.cpu)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def prepare(work: Path, factor: int) -> list[Variant]:
    """The three project copies: real, xfactor data, plain Material."""
    real = copy_project(ROOT, work / "real")
    scaled = copy_project(ROOT, work / "scaled")
    added = multiply_entities(scaled / "data", factor)
    plain = copy_project(ROOT, work / "plain")
    make_plain(plain)
    print(f"x{factor} copy: {added} synthetic entities added", flush=True)
    return [
        Variant("real site", real),
        Variant(f"x{factor} data", scaled),
        Variant("plain Material (no macros/hooks)", plain, strict=False),
    ]


def measure(variants: list[Variant], runs: int, edit: EditLoop | None = None) -> None:
    """Build each variant ``runs`` times, interleaved, after one untimed warm-up build each
    (it writes the bytecode caches a developer's machine already has); with ``edit``, time one
    data edit under ``mkdocs serve`` in every round too (the server idles between them)."""
    for variant in variants:
        build(variant.project, variant.project / "site-out", strict=variant.strict, env=BENCH_ENV)
    if edit is not None:
        edit.start()
    for run in range(runs):
        order = variants if run % 2 == 0 else list(reversed(variants))
        for variant in order:
            dest = variant.project / "site-out"
            cpu = _children_cpu()
            seconds = build(variant.project, dest, strict=variant.strict, env=BENCH_ENV)
            variant.cpu.append(_children_cpu() - cpu)
            variant.times.append(seconds)
            variant.pages = sum(1 for _ in dest.rglob("*.html"))
            print(f"run {run + 1}: {variant.name}: {seconds:.2f} s", flush=True)
        if edit is not None:
            print(f"run {run + 1}: edit loop: {edit.measure():.2f} s", flush=True)


def profile(project: Path, top: int = 25) -> list[str]:
    """cProfile one build of ``project``; the top functions by cumulative and own time."""
    out = project / "build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build"]
    command += ["--strict", "-d", str(project / "site-prof")]
    subprocess.run(command, cwd=project, env=build_env(), check=True, capture_output=True)
    entries = pstats.Stats(str(out)).stats.items()  # type: ignore[attr-defined]
    ours = [e for e in entries if "/macros/" in e[0][0]]
    tables = [
        ("Our code (macros/), by cumulative time", sorted(ours, key=lambda e: -e[1][3])),
        ("Everything, by own time", sorted(entries, key=lambda e: -e[1][2])),
    ]
    total = max(e[1][3] for e in entries)
    lines = [f"cProfile, one build; {total:.1f} s in all under the profiler (slower than real)."]
    for title, rows in tables:
        lines += ["", f"{title} (s):", "", "| function | calls | own | cumulative |"]
        lines += ["| --- | ---: | ---: | ---: |"]
        for (filename, line, name), (_, calls, own, cum, _) in rows[:top]:
            short = _short_path(filename)
            lines.append(f"| `{short}:{line}({name})` | {calls} | {own:.2f} | {cum:.2f} |")
    return lines


def _short_path(filename: str) -> str:
    """A profile entry's file, relative to site-packages or the project copy."""
    for marker in ("site-packages/", "/macros/", "/scripts/"):
        if marker in filename:
            _, _, tail = filename.partition(marker)
            return tail if marker == "site-packages/" else marker.strip("/") + "/" + tail
    return filename


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def _runs(values: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in values)


def _row(name: str, pages: str, times: list[float], cpu: list[float]) -> str:
    cpu_text = f"{statistics.median(cpu):.2f}" if cpu else "?"
    return (
        f"| {name} | {pages} | {statistics.median(times):.2f} | {min(times):.2f} | "
        f"{cpu_text} | {_runs(times)} |"
    )


def report(
    variants: list[Variant],
    factor: int,
    runs: int,
    profile_lines: list[str],
    edit: EditLoop | None = None,
    load: str = "",
    history: str = "",
) -> str:
    """The Markdown report."""
    real, scaled, plain = variants
    lines = [
        "# Build time",
        "",
        f"Measured {dt.date.today().isoformat()} by `uv run atlas bench-build --runs {runs}` on "
        f"{os.cpu_count()} CPU(s){load}, Python {platform.python_version()}, mkdocs "
        f"{_version('mkdocs')}, mkdocs-material {_version('mkdocs-material')}, "
        f"mkdocs-macros-plugin {_version('mkdocs-macros-plugin')}. Wall time of "
        "`mkdocs build` in a fresh process (start-up included), variants interleaved; CPU is "
        "user + system time of the build, which other load on the machine disturbs less.",
        "",
        "| variant | pages | median (s) | fastest (s) | median CPU (s) | runs (s) |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    lines += [_row(v.name, str(v.pages), v.times, v.cpu) for v in variants]
    if edit is not None and edit.times:
        directory, entity_id = ENTITY
        name = f"edit `data/{directory}/{entity_id}.yaml` under `mkdocs serve`"
        lines.append(_row(name, "", edit.times, edit.cpu))
    scale = scaled.median / real.median
    overhead = real.median / plain.median
    cpu_overhead = real.cpu_median / plain.cpu_median
    lines += [
        "",
        f"- x{factor} data costs **x{scale:.2f}** the time of the real build on medians "
        f"(x{scaled.best / real.best:.2f} on the fastest runs; "
        f"{'within' if scale <= factor else 'OVER'} the x{factor} bound).",
        f"- Overhead against plain Material: our macros and hooks make the build "
        f"**x{overhead:.2f}** as long as plain mkdocs-material "
        f"(x{real.best / plain.best:.2f} on the fastest runs, "
        f"x{cpu_overhead:.2f} in CPU time) building the same Markdown: entity pages as plain "
        f"Markdown, no matrices, no JSON API (target x1.5: "
        f"{'met' if overhead <= 1.5 else 'missed'}).",
    ]
    if edit is not None and edit.times:
        loop = statistics.median(edit.times)
        cpu_ratio = (
            f", x{statistics.median(edit.cpu) / real.cpu_median:.2f} in CPU time"
            if edit.cpu
            else ""
        )
        lines.append(
            f"- Edit loop: a data edit shows in the browser after **{loop:.2f} s** (median; "
            f"fastest {min(edit.times):.2f} s): **x{loop / real.median:.2f}** the full build of "
            f"the real site in the same run{cpu_ratio}. It counts from the write to the first "
            "response with the new text: MkDocs' file polling (every 0.5 s), the in-process "
            f"rebuild and the request (target 3 s: {'met' if loop <= 3 else 'missed'})."
        )
    lines += [
        "- The machine is shared: runs of one variant can differ by a factor of two; the "
        "variants are interleaved so that a slow stretch hits all of them.",
        "",
        *([history.rstrip("\n"), ""] if history else []),
        "## Profile of the real build",
        "",
        "One more build of the real copy, as run above (build cache warm).",
        "",
        *profile_lines,
    ]
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's options."""
    parser.add_argument("--runs", type=int, default=3, help="builds per variant")
    parser.add_argument("--factor", type=int, default=10, help="data multiplier")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run")
    parser.add_argument(
        "--no-edit-loop", action="store_true", help="skip timing edits under mkdocs serve"
    )
    parser.add_argument("--output", type=Path, default=REPORT)


def _history(path: Path) -> str:
    """The hand-written "Before and after" part of the previous report, if any."""
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    start = old.find(HISTORY)
    if start < 0:
        return ""
    end = old.find("\n## Profile", start)
    return old[start : end if end >= 0 else None]


def run(args: argparse.Namespace) -> int:
    """Prepare the copies, time the builds, profile, write the report; 1 if xN is over xN."""
    load = " (load average {:.1f}, {:.1f}, {:.1f} at the start)".format(*os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="atlas-bench-build-") as tmp:
        variants = prepare(Path(tmp), args.factor)
        edit = None
        if not args.no_edit_loop:
            edit = EditLoop(copy_project(ROOT, Path(tmp) / "serve"), BENCH_ENV)
        try:
            measure(variants, args.runs, edit)
        finally:
            if edit is not None:
                edit.stop()
        profile_lines = [] if args.no_profile else profile(variants[0].project)
    text = report(
        variants, args.factor, args.runs, profile_lines, edit, load, _history(args.output)
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0 if variants[1].median / variants[0].median <= args.factor else 1
