"""Time ``mkdocs build``: the real site, the site with x10 data, and plain mkdocs-material.

Usage: ``atlas bench-build [--runs N] [--factor 10] [--profile]``. Every variant is built from
its own temporary copy of the project, ``--runs`` times, alternating variants so that a slow
stretch of a shared machine hits all of them; medians and ratios go to ``reports/build-time.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from macros.checks.build import build, build_env
from macros.checks.project import copy_project, make_plain, multiply_entities

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "reports" / "build-time.md"
BENCH_ENV = {"PYTHONDONTWRITEBYTECODE": ""}
"""Builds may cache bytecode, as on a developer's machine (some CI images turn that off)."""


@dataclass
class Variant:
    """One project copy to build, and its timings."""

    name: str
    project: Path
    strict: bool = True
    times: list[float] = field(default_factory=list)
    pages: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        """The fastest run: on a shared machine, the least disturbed one."""
        return min(self.times)


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


def measure(variants: list[Variant], runs: int) -> None:
    """Build each variant ``runs`` times, interleaved, after one untimed warm-up build each
    (it writes the bytecode caches a developer's machine already has)."""
    for variant in variants:
        build(variant.project, variant.project / "site-out", strict=variant.strict, env=BENCH_ENV)
    for run in range(runs):
        order = variants if run % 2 == 0 else list(reversed(variants))
        for variant in order:
            dest = variant.project / "site-out"
            seconds = build(variant.project, dest, strict=variant.strict, env=BENCH_ENV)
            variant.times.append(seconds)
            variant.pages = sum(1 for _ in dest.rglob("*.html"))
            print(f"run {run + 1}: {variant.name}: {seconds:.2f} s", flush=True)


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


def report(variants: list[Variant], factor: int, runs: int, profile_lines: list[str]) -> str:
    """The Markdown report."""
    real, scaled, plain = variants
    lines = [
        "# Build time",
        "",
        f"Measured {dt.date.today().isoformat()} by `uv run atlas bench-build --runs {runs}` on "
        f"{os.cpu_count()} CPU(s), Python {platform.python_version()}, mkdocs "
        f"{_version('mkdocs')}, mkdocs-material {_version('mkdocs-material')}, "
        f"mkdocs-macros-plugin {_version('mkdocs-macros-plugin')}. Wall time of "
        "`mkdocs build` in a fresh process (start-up included), variants interleaved.",
        "",
        "| variant | pages | median (s) | fastest (s) | runs (s) |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for v in variants:
        runs_text = ", ".join(f"{t:.2f}" for t in v.times)
        lines.append(f"| {v.name} | {v.pages} | {v.median:.2f} | {v.best:.2f} | {runs_text} |")
    scale = scaled.median / real.median
    overhead = real.median / plain.median
    lines += [
        "",
        f"- x{factor} data costs **x{scale:.2f}** the time of the real build on medians "
        f"(x{scaled.best / real.best:.2f} on the fastest runs; "
        f"{'within' if scale <= factor else 'OVER'} the x{factor} bound).",
        f"- Our macros and hooks make the build **x{overhead:.2f}** as long as plain "
        f"mkdocs-material (x{real.best / plain.best:.2f} on the fastest runs) building the "
        "same Markdown: entity pages as plain Markdown, no matrices, no JSON API.",
        "- The machine is shared: runs of one variant can differ by a factor of two; the "
        "variants are interleaved so that a slow stretch hits all of them.",
        "",
        "## Profile of the real build",
        "",
        *profile_lines,
    ]
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's options."""
    parser.add_argument("--runs", type=int, default=3, help="builds per variant")
    parser.add_argument("--factor", type=int, default=10, help="data multiplier")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run")
    parser.add_argument("--output", type=Path, default=REPORT)


def run(args: argparse.Namespace) -> int:
    """Prepare the copies, time the builds, profile, write the report; 1 if xN is over xN."""
    with tempfile.TemporaryDirectory(prefix="atlas-bench-build-") as tmp:
        variants = prepare(Path(tmp), args.factor)
        measure(variants, args.runs)
        profile_lines = [] if args.no_profile else profile(variants[0].project)
    text = report(variants, args.factor, args.runs, profile_lines)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0 if variants[1].median / variants[0].median <= args.factor else 1
