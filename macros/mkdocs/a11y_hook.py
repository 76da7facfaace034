"""MkDocs hook: accessibility fixes to the theme's own HTML that no setting of the theme offers.

Material renders its search as ``<div class="md-search" ... role="dialog">`` without a name,
so assistive technology announces an unnamed dialog (Lighthouse: ``aria-dialog-name``). The
label is added to the finished page; ``tests/quality`` checks that every built page has it.
"""

from __future__ import annotations

import re
from typing import Any

SEARCH_DIALOG = re.compile(r'<div class="md-search"([^>]*?) role="dialog"(?![^>]*aria-label)')
SEARCH_LABEL = "Search this site"


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Name the search dialog."""
    return SEARCH_DIALOG.sub(
        rf'<div class="md-search"\1 role="dialog" aria-label="{SEARCH_LABEL}"', output, count=1
    )
