"""The package layout is the pipeline: each stage imports only stages below it, with no circle.

Also: ``macros/`` holds only packages (and a thin ``__init__``), no module is much over 300 lines
without a reason, and the renderers never import MkDocs.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAGES = {"data": 0, "apps": 1, "checks": 1, "pages": 2, "bench": 3, "mkdocs": 4}
"""Stage of each package of ``macros/``; a module may import its own stage or lower ones."""
LONG_MODULES_WITH_A_REASON: dict[str, str] = {
    "macros/bench/charts.py": "six chart builders sharing one layout; split with the chart rework",
    "scripts/bench/http.py": "the harness loop (start, rounds, windows, summary) in one place",
    "scripts/bench/micro_groups.py": "one function per micro-benchmark group, all alike",
}
"""Modules allowed past the limit (path -> why); keep it short."""
MAX_LINES = 330


def module_name(path: Path) -> str:
    """``macros/data/model.py`` -> ``macros.data.model``."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module of ours that ``path`` imports (including ones imported inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] in {"macros", "scripts"}}


def our_modules() -> dict[str, set[str]]:
    """Module name -> the modules of ours it imports, for ``macros/`` and ``scripts/``."""
    paths = [*ROOT.joinpath("macros").rglob("*.py"), *ROOT.joinpath("scripts").rglob("*.py")]
    modules = {module_name(p): imports_of(p) for p in paths}
    return {name: {d for d in deps if d in modules} for name, deps in modules.items()}


def stage(name: str) -> int | None:
    parts = name.split(".")
    return STAGES.get(parts[1]) if parts[0] == "macros" and len(parts) > 1 else None


def test_each_stage_imports_only_stages_below_it() -> None:
    wrong = []
    for name, deps in sorted(our_modules().items()):
        own = stage(name)
        for dep in sorted(deps):
            theirs = stage(dep)
            if own is None or theirs is None:
                continue
            if theirs > own or (theirs == own and dep.split(".")[1] != name.split(".")[1]):
                wrong.append(f"{name} imports {dep}")
    assert not wrong, "imports against the pipeline:\n" + "\n".join(wrong)


def test_no_import_circle() -> None:
    graph = our_modules()
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if dep == node or node.startswith(dep + "."):
                continue  # a module importing its own package's __init__ is no circle
            if state.get(dep) == 1:
                circles.append([*path[path.index(dep) :], dep] if dep in path else [node, dep])
            elif dep not in state:
                visit(dep, [*path, dep])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not circles, "import circles:\n" + "\n".join(" -> ".join(c) for c in circles)


def test_macros_top_level_holds_only_packages() -> None:
    loose = sorted(p.name for p in ROOT.joinpath("macros").glob("*.py") if p.name != "__init__.py")
    assert not loose, f"modules at the top of macros/ (move them into a stage package): {loose}"


def test_renderers_do_not_import_mkdocs() -> None:
    offenders = []
    for package in ("data", "apps", "checks", "pages", "bench"):
        for path in sorted(ROOT.joinpath("macros", package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else []
                )
                if any(n.split(".")[0] == "mkdocs" or n.startswith("macros.mkdocs") for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, f"only macros/mkdocs/ may import MkDocs: {sorted(set(offenders))}"


def test_modules_stay_small() -> None:
    paths = [*ROOT.joinpath("macros").rglob("*.py"), *ROOT.joinpath("scripts").rglob("*.py")]
    long = {
        str(p.relative_to(ROOT)): n
        for p in paths
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        and str(p.relative_to(ROOT)) not in LONG_MODULES_WITH_A_REASON
    }
    assert not long, f"modules over {MAX_LINES} lines (split them by job): {long}"
