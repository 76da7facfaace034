"""MkDocs hook of the benchmark pages: self-host plotly.js once, from the plotly package.

Only pages with a chart load it, lazily (``docs/assets/bench-charts.js``); the file is added to the
site here instead of being copied into the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

PLOTLY_DEST = "assets/vendor/plotly.min.js"


def plotly_js() -> Path:
    """The minified plotly.js bundled with the plotly Python package."""
    import plotly  # type: ignore[import-untyped]

    return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def on_files(files: Files, config: Any) -> Files:
    """Add ``assets/vendor/plotly.min.js`` to the site (once)."""
    if files.get_file_from_path(PLOTLY_DEST) is None:
        files.append(File.generated(config, PLOTLY_DEST, abs_src_path=str(plotly_js())))
    return files
