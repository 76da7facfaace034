"""Audit key pages with Lighthouse (mobile) and compare the scores with budgets/lighthouse.yaml.

Usage: ``atlas lighthouse [--site DIR] [--runs N]``. Builds the site into a temporary folder
unless ``--site`` names a built one, serves it on 127.0.0.1 (gzip, like a static host), runs
npm ``lighthouse`` (installed from package.json on first use) with Debian's Chromium, writes
``reports/lighthouse.json`` and exits 1 if a page scores below its budget. Runs on demand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from macros.checks.build import build
from macros.checks.serve import serve

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


class Minimums(BaseModel):
    """Lowest acceptable score per category."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    performance: int = Field(ge=0, le=100)
    accessibility: int = Field(ge=0, le=100)
    best_practices: int = Field(alias="best-practices", ge=0, le=100)
    seo: int = Field(ge=0, le=100)

    def of(self, category: str) -> int:
        """The minimum of a Lighthouse category id."""
        value: int = getattr(self, category.replace("-", "_"))
        return value


class AuditedPage(BaseModel):
    """A page to audit."""

    model_config = ConfigDict(extra="forbid")

    path: str
    name: str
    charts: bool = False
    optional: bool = False


class LighthouseBudget(BaseModel):
    """budgets/lighthouse.yaml."""

    model_config = ConfigDict(extra="forbid")

    minimums: Minimums
    charts: Minimums
    pages: list[AuditedPage] = Field(min_length=1)


def ensure_lighthouse() -> Path:
    """The lighthouse binary, installed with npm from package.json if missing."""
    if not LIGHTHOUSE.exists():
        if shutil.which("npm") is None:
            raise RuntimeError("needs Node.js and npm (apt-get install nodejs npm)")
        command = ["npm", "install", "--no-package-lock", "--no-audit", "--no-fund"]
        subprocess.run(command, cwd=ROOT, check=True, timeout=600)
    return LIGHTHOUSE


def run_lighthouse(url: str, output: Path) -> dict[str, Any]:
    """One mobile Lighthouse run of ``url``; the full JSON report is kept at ``output``."""
    command = [str(ensure_lighthouse()), url, "--quiet", "--output=json"]
    command += [f"--output-path={output}", f"--chrome-flags={CHROME_FLAGS}"]
    command += ["--only-categories=" + ",".join(CATEGORIES)]
    env = dict(os.environ, CHROME_PATH=CHROME)
    subprocess.run(command, env=env, check=True, timeout=300, capture_output=True)
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return report


def scores(report: dict[str, Any]) -> dict[str, int]:
    """Category scores 0-100 of one report."""
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def shown_value(audit: dict[str, Any]) -> str:
    """An audit's display value with plain spaces (Lighthouse uses no-break spaces)."""
    return str(audit.get("displayValue", "")).replace("\xa0", " ")


def failing_audits(report: dict[str, Any]) -> list[str]:
    """Audits that cost points: ``category/audit-id`` (with the value shown, if any)."""
    found = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = f" ({shown_value(audit)})" if audit.get("displayValue") else ""
                found.append(f"{category}/{ref['id']}{shown}")
    return found


def audit_page(base_url: str, page: AuditedPage, runs: int, raw_dir: Path) -> dict[str, Any]:
    """Run Lighthouse ``runs`` times on a page; the median score per category."""
    reports = []
    for run in range(runs):
        name = (page.path.strip("/").replace("/", "-") or "home") + f"-{run + 1}.json"
        reports.append(run_lighthouse(base_url + page.path, raw_dir / name))
    median = {c: round(statistics.median(scores(r)[c] for r in reports)) for c in CATEGORIES}
    last = reports[-1]
    metrics = {m: shown_value(last["audits"][m]) for m in METRICS}
    return {
        "path": "/" + page.path,
        "name": page.name,
        "runs": [scores(r) for r in reports],
        "cpu benchmark index per run": [r["environment"]["benchmarkIndex"] for r in reports],
        "scores": median,
        "metrics (last run)": metrics,
        "failing audits (last run)": failing_audits(last),
        "_versions": (last["lighthouseVersion"], last["environment"]["hostUserAgent"]),
    }


def below_budget(result: dict[str, Any], minimums: Minimums) -> list[str]:
    """One line per category under its minimum."""
    return [
        f"{result['path']}: {c} {result['scores'][c]} < {minimums.of(c)}"
        for c in CATEGORIES
        if result["scores"][c] < minimums.of(c)
    ]


def node_version() -> str:
    """``node --version`` (or "unknown")."""
    node = shutil.which("node")
    if node is None:
        return "unknown"
    return subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's options."""
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median is kept)")
    parser.add_argument("--budget", type=Path, default=ROOT / "budgets" / "lighthouse.yaml")
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "lighthouse.json")
    parser.add_argument("--raw-dir", type=Path, default=ROOT / "reports" / "lighthouse")
    parser.add_argument(
        "--page", action="append", help="audit only this budgeted path (repeatable), e.g. decide/"
    )


def audit_site(site: Path, budget: LighthouseBudget, args: argparse.Namespace) -> dict[str, Any]:
    """Serve ``site`` and audit every budgeted page that exists in it."""
    load_at_start = os.getloadavg()  # CPU-bound metrics (TBT) suffer on a busy machine
    args.raw_dir.mkdir(parents=True, exist_ok=True)
    results: list[dict[str, Any]] = []
    failures: list[str] = []
    skipped: list[str] = []
    with serve(site) as base_url:
        for page in budget.pages:
            if args.page and page.path not in args.page:
                continue
            if not (site / page.path / "index.html").is_file():
                (skipped if page.optional else failures).append(f"/{page.path}: not in the site")
                continue
            print(f"lighthouse /{page.path} ...", flush=True)
            result = audit_page(base_url, page, args.runs, args.raw_dir)
            failures += below_budget(result, budget.charts if page.charts else budget.minimums)
            results.append(result)
    versions = results[0].pop("_versions") if results else ("unknown", "unknown")
    for result in results:
        result.pop("_versions", None)
    return {
        "date": dt.date.today().isoformat(),
        "tool": f"lighthouse {versions[0]}, mobile preset, simulated throttling",
        "browser": versions[1],
        "node": node_version(),
        "served": "127.0.0.1, gzip level 6 for text files",
        "load average at start (1, 5, 15 min)": [round(x, 1) for x in load_at_start],
        "budget": "budgets/lighthouse.yaml",
        "pages": results,
        "skipped": skipped,
        "below budget": failures,
    }


def print_table(report: dict[str, Any]) -> None:
    """Scores per page, then what fell below budget."""
    print("\n| page | " + " | ".join(CATEGORIES) + " |")
    print("| --- |" + " ---: |" * len(CATEGORIES))
    for page in report["pages"]:
        print(
            f"| {page['path']} | " + " | ".join(str(page["scores"][c]) for c in CATEGORIES) + " |"
        )
    for line in report["skipped"]:
        print(f"skipped {line}")
    for line in report["below budget"]:
        print(f"below budget: {line}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Build (or take) the site, audit it, write the report; 1 if below budget."""
    budget = LighthouseBudget.model_validate(yaml.safe_load(args.budget.read_text("utf-8")))
    with tempfile.TemporaryDirectory(prefix="atlas-lighthouse-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            print(f"building the site into {site} ...", flush=True)
            build(ROOT, site)
        report = audit_site(site.resolve(), budget, args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_table(report)
    print(f"\nwrote {args.output}")
    return 1 if report["below budget"] else 0
