"""No committed file names a package-registry host or records download addresses.

The host names are assembled from parts so that this file does not contain them either.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOSTS = [
    "pypi" + "." + "org",
    "files" + "." + "pythonhosted" + "." + "org",
    "registry" + "." + "npmjs" + "." + "org",
    "registry" + "." + "yarnpkg" + "." + "com",
    "deb" + "." + "debian" + "." + "org",
]
LOCK_FILES = re.compile(
    r"(^|/)(uv\.lock|poetry\.lock|pdm\.lock|pylock[^/]*\.toml|package-lock\.json)$"
)


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [ROOT / name for name in out.stdout.decode().split("\0") if name]


def test_no_registry_host_in_tracked_files() -> None:
    offenders = []
    for path in tracked_files():
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore").lower()
        offenders += [f"{path.relative_to(ROOT)}: {host}" for host in HOSTS if host in text]
    assert offenders == []


def test_no_lock_file_with_download_addresses_is_tracked() -> None:
    names = [str(p.relative_to(ROOT)) for p in tracked_files()]
    assert [n for n in names if LOCK_FILES.search(n)] == []
    assert "uv.lock" in (ROOT / ".gitignore").read_text().split()
