"""MkDocs hook: link the first use of each glossary term in the guide pages to its definition.

Listed before ``site_hook.py`` in ``hooks:``, so it sees a guide page's HTML while the data
tables and code blocks are still placeholders: only the page's own prose is linked. Text inside
links, code, headings, labels and tables is left alone.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by file path, not as part of the package
    sys.path.insert(0, str(ROOT))

from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from macros.mkdocs import state as site_state  # noqa: E402
from macros.pages.glossary_links import GlossaryLinker  # noqa: E402

GUIDES_DIR = "guides/"
GLOSSARY_PAGE = "guides/glossary.md"


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    """Link glossary terms in the prose of a guide page (not the glossary page itself)."""
    src = page.file.src_uri
    if not src.startswith(GUIDES_DIR) or src == GLOSSARY_PAGE:
        return html
    glossary = site_state.dataset().glossary
    target = files.get_file_from_path(GLOSSARY_PAGE)
    if glossary is None or target is None:
        return html
    url = get_relative_url(target.url, page.url)
    return GlossaryLinker(glossary, url).link(html)
