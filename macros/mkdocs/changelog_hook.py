"""MkDocs hook that publishes the data changelog as an Atom feed (``changelog.xml``).

Listed after ``site_hook.py`` in ``mkdocs.yml``: it uses the data and page URLs that hook set up.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by file path, not as part of the package
    sys.path.insert(0, str(ROOT))

from mkdocs.structure.files import File, Files  # noqa: E402

from macros.mkdocs import state as site_state  # noqa: E402
from macros.pages.changelog import FEED_PATH, atom_feed, changelog_entries  # noqa: E402


def on_files(files: Files, config: Any) -> Files:
    """Add the feed file, built from the data of this build."""
    state = site_state.current()
    entries = changelog_entries(site_state.dataset())
    feed = atom_feed(entries, state.settings.site_url, state.entity_urls)
    files.append(File.generated(config, FEED_PATH, content=feed))
    return files
