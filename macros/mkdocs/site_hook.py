"""MkDocs hooks (``hooks:`` in ``mkdocs.yml``; they run after every plugin's handler).

Per build: load the data once (a data problem stops the build with its ``file:line`` list),
add one generated page per entity and the JSON API files, give entity pages their title and
description, and put the stashed HTML of the macros back into each rendered page.

Set ``ATLAS_DATA_DIR`` to build from another data folder (the tests use this).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by file path, not as part of the package
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros.data import memo  # noqa: E402
from macros.data.loader import load_dataset  # noqa: E402
from macros.data.problems import DataError  # noqa: E402
from macros.mkdocs import build_cache, macro_cache  # noqa: E402
from macros.mkdocs import state as site_state  # noqa: E402
from macros.pages.api_export import api_documents  # noqa: E402
from macros.pages.html_text import esc  # noqa: E402
from macros.pages.side_by_side import (  # noqa: E402
    CAMP_PAGES,
    camp_page_markdown,
    camps_with_examples,
)

DATA_DIR_ENV = "ATLAS_DATA_DIR"
log = logging.getLogger("mkdocs.hooks.atlas")

_page_entities: dict[str, str] = {}
"""Source path of each generated page -> entity id (rebuilt by every build)."""


def data_dir() -> Path:
    """The data folder: ``$ATLAS_DATA_DIR`` if set, else ``data/`` next to ``mkdocs.yml``."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override).resolve() if override else ROOT / "data"


def on_startup(command: str, dirty: bool) -> None:
    """Once per process, before the first build."""
    build_cache.startup(command)


def on_shutdown() -> None:
    """``mkdocs serve`` stops: keep the caches for the next process."""
    build_cache.save()


def on_config(config: Any) -> None:
    """Start from a clean state: ``mkdocs serve`` keeps modules alive between rebuilds.

    Only the content-keyed caches of ``build_cache.py`` carry over, and only what they hold for
    inputs that did not change."""
    build_cache.start_build()
    _page_entities.clear()
    site_state.reset(
        site_state.SiteSettings(
            use_directory_urls=bool(config.use_directory_urls),
            edit_base_url=config.extra.get("edit_base_url") or None,
            site_url=config.site_url or None,
        )
    )


def on_pre_build(config: Any) -> None:
    """Load and check the data; a data problem ends the build with one line per problem."""
    state = site_state.current()
    try:
        state.dataset = load_dataset(data_dir())
    except DataError as error:
        raise PluginError("The data has problems; nothing was built.\n" + error.report()) from None
    if memo.is_enabled():
        state.inputs = macro_cache.inputs_key(data_dir(), state.settings)


def on_files(files: Files, config: Any) -> Files:
    """Add a page per entity and a side-by-side page per camp (macro calls only: data never
    passes through Markdown or Jinja), and the JSON API."""
    state = site_state.current()
    dataset = site_state.dataset()
    for entity in sorted(dataset.entities.values(), key=lambda e: (type(e).directory, e.id)):
        src_uri = f"{type(entity).directory}/{entity.id}.md"
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} would hide the generated page of {entity.id!r}")
        content = f'{{{{ entity_page("{entity.id}") }}}}\n'
        page_file = File.generated(config, src_uri, content=content)
        files.append(page_file)
        state.entity_urls[entity.id] = page_file.url
        _page_entities[src_uri] = entity.id
    for camp in camps_with_examples(dataset):
        src_uri = f"{CAMP_PAGES}/{camp}.md"
        files.append(File.generated(config, src_uri, content=camp_page_markdown(camp)))
    for path, text in sorted(_api_documents(state).items()):
        files.append(File.generated(config, path, content=text))
    return files


_API: memo.Memo[dict[str, str]] = memo.Memo("api", persist=True)


def _api_documents(state: site_state.BuildState) -> dict[str, str]:
    """The JSON API files, kept while the inputs and the page URLs stay the same."""
    dataset, urls, site_url = site_state.dataset(), state.entity_urls, state.settings.site_url
    if not state.inputs:
        return api_documents(dataset, urls, site_url)
    key = (state.inputs, tuple(sorted(urls.items())), site_url)
    return _API.get(key, lambda: api_documents(dataset, urls, site_url))


def on_env(env: Any, config: Any, files: Files) -> Any:
    """Let the theme's templates compile once per process (see ``build_cache.py``)."""
    return build_cache.theme_env(env)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Title and description of entity pages (escaped: the theme prints them as they are)."""
    entity_id = _page_entities.get(page.file.src_uri)
    if entity_id is not None:
        entity = site_state.dataset().entities[entity_id]
        page.meta["title"] = esc(entity.name)
        page.meta["description"] = esc(entity.summary)
    elif not page.meta.get("description"):
        log.warning(
            "%s: add a `description:` to the front matter (search engines show it)",
            page.file.src_uri,
        )
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    """Put the macros' HTML into the rendered page."""
    try:
        return site_state.restore(html)
    except KeyError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


def on_post_page(output: str, page: Any, config: Any) -> str:
    """A placeholder left in a page means lost content: fail rather than publish it."""
    if site_state.has_placeholders(output):
        raise PluginError(f"{page.file.src_uri}: stashed HTML was not restored")
    return output


def on_post_build(config: Any) -> None:
    """Keep the caches for the next build (see ``build_cache.py``)."""
    build_cache.end_build()
