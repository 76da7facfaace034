"""A throwaway PostgreSQL cluster for the database tests and benchmarks.

``initdb`` refuses to run as root, so when we are root the cluster is made and run by the
``postgres`` user that Debian's ``postgresql`` package creates (``runuser -u postgres --``), in a
temporary folder that user owns. The server listens on 127.0.0.1 only (and a UNIX socket in that
folder), trusts local connections, and is stopped and deleted when the context manager exits,
whatever happened inside it. The database is seeded from ``benchmarks/db/seed.sql``: ``world``
(10,000 rows) and ``fortune`` (TechEmpower's 12 rows).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from macros.apps.runs import PROJECT_ROOT

SEED_SQL = PROJECT_ROOT / "benchmarks" / "db" / "seed.sql"
DATABASE = "hello_world"
USER = "postgres"


class PostgresMissing(RuntimeError):
    """PostgreSQL's server binaries (or the user to run them as) are not on this machine."""


@dataclass(frozen=True)
class Cluster:
    """A running cluster: where it listens and the URL an app connects with."""

    host: str
    port: int
    database: str = DATABASE
    user: str = USER
    folder: Path | None = None

    @property
    def url(self) -> str:
        """``postgresql://user@host:port/database`` (trust authentication, no password)."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}"

    def env(self, pool_size: int) -> dict[str, str]:
        """Environment variables the examples read: ``DATABASE_URL`` and ``DATABASE_POOL_SIZE``."""
        return {"DATABASE_URL": self.url, "DATABASE_POOL_SIZE": str(pool_size)}

    def rows(self, sql: str) -> list[list[str]]:
        """The rows ``sql`` returns, each a list of column texts (read with ``psql``)."""
        argv = [str(bin_dir() / "psql"), "-X", "-A", "-t", "-F", "\t", self.url, "-c", sql]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30, check=True)
        return [line.split("\t") for line in done.stdout.splitlines() if line]


def bin_dir() -> Path:
    """Folder of ``initdb``/``pg_ctl``: ``$ATLAS_PG_BIN``, Debian's newest, or the ``PATH``."""
    configured = os.environ.get("ATLAS_PG_BIN")
    if configured:
        return Path(configured)
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
    if debian:
        return Path(debian[-1]).parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise PostgresMissing("PostgreSQL is not installed (no initdb; apt-get install postgresql)")


def _version_key(path: str) -> tuple[int, ...]:
    part = Path(path).parent.parent.name
    return tuple(int(p) for p in part.split(".") if p.isdigit())


def why_unavailable() -> str | None:
    """Why a cluster cannot be started here, or ``None`` if it can."""
    try:
        bin_dir()
    except PostgresMissing as exc:
        return str(exc)
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: initdb cannot run"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user for initdb"
    return None


def _as_owner(argv: list[str]) -> list[str]:
    """``argv`` run as the postgres user when we are root (initdb refuses root)."""
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _run(argv: list[str], timeout: float = 60.0) -> None:
    done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{Path(argv[-1] if argv else '').name}: {done.stderr.strip()[-500:]}")


@contextlib.contextmanager
def pg_cluster(
    max_connections: int = 200, seed: Path = SEED_SQL, cpus: list[int] | None = None
) -> Iterator[Cluster]:
    """Start a seeded throwaway cluster for the ``with`` block; always stop and delete it.

    ``cpus``: pin the server (and every backend it forks) to these cores with ``taskset``.
    """
    binaries = bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="atlas-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    folder.chmod(0o700)
    port = _free_port()
    started = False
    try:
        initdb = [str(binaries / "initdb"), "-D", str(data), "-U", USER, "-A", "trust"]
        _run(_as_owner([*initdb, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]))
        options = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} "
            f"-c max_connections={max_connections} -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off"
        )
        pin = ["taskset", "-c", ",".join(map(str, cpus))] if cpus else []
        log = str(folder / "server.log")
        ctl = [str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", log]
        _run(pin + _as_owner([*ctl, "-w", "-t", "30", "start"]))
        started = True
        cluster = Cluster("127.0.0.1", port, folder=folder)
        psql = [str(binaries / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1"]
        psql += ["-h", "127.0.0.1", "-p", str(port), "-U", USER]
        _run([*psql, "-d", "postgres", "-c", f"CREATE DATABASE {DATABASE}"])
        _run([*psql, "-d", DATABASE, "-f", str(seed)])
        yield cluster
    finally:
        if started:
            with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                stop = [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate"]
                _run(_as_owner([*stop, "-w", "-t", "30", "stop"]))
        shutil.rmtree(folder, ignore_errors=True)
