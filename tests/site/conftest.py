"""Fixtures of the site tests: the site built once per session from the project's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data.loader import Dataset, load_dataset
from tests.site.sitebuild import (
    add_fixture_entities,
    build_or_fail,
    cached_build,
    copy_project_data,
    project_data_dir,
)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from ``data/``."""
    return cached_build(tmp_path_factory.getbasetemp(), "main")


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The data the site was built from."""
    return load_dataset(project_data_dir())


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's data plus fixture entities whose text tries to break out of HTML/JSON/Jinja."""
    data = copy_project_data(tmp_path_factory.mktemp("hostile"))
    add_fixture_entities(data, "hostile")
    return data


@pytest.fixture(scope="session")
def hostile_site(hostile_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the hostile data."""
    return build_or_fail(tmp_path_factory.mktemp("hostile-site") / "out", hostile_data)
