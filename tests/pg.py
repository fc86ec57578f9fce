"""A throwaway PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster in a
temporary folder listening only on a unix socket there, a fresh database per test, and the
server stopped and its folder removed at the end of the session.

PostgreSQL refuses to run as root, and the tests run as root here and in CI: then `initdb` and
`pg_ctl` run as an unprivileged user (`postgres` when Debian's package made it, else one created
for the purpose), through `runuser`. As a normal user they run as that user. When PostgreSQL
cannot be found or started, `PostgresUnavailable` says why: the fixture turns it into a test
failure, never a skip (scripts/test.sh installs the package).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

BINARIES = ("initdb", "pg_ctl")
DEBIAN_BIN_GLOB = "/usr/lib/postgresql/*/bin"
SUPERUSER = "postgres"  # the cluster's own superuser role (trust auth on its socket)
PORT = 5432  # only names the socket file: the folder is new, so no other server shares it
SERVICE_USER = "dashboard-pg"  # created when running as root and there is no `postgres` user
START_TIMEOUT = 60  # seconds for pg_ctl -w


class PostgresUnavailable(RuntimeError):
    """PostgreSQL could not be found or started; the message says what to do."""


def find_bin_dir() -> Path:
    """The folder holding initdb and pg_ctl: on PATH, else the newest Debian version."""
    on_path = [shutil.which(name) for name in BINARIES]
    if all(on_path):
        return Path(os.path.realpath(on_path[0] or "")).parent
    candidates = sorted(
        (Path(d) for d in glob.glob(DEBIAN_BIN_GLOB)),
        key=lambda d: _version_key(d.parent.name),
        reverse=True,
    )
    for directory in candidates:
        if all((directory / name).is_file() for name in BINARIES):
            return directory
    raise PostgresUnavailable(
        "PostgreSQL's initdb/pg_ctl were not found (on PATH or under "
        f"{DEBIAN_BIN_GLOB}); install Debian's `postgresql` package: scripts/test.sh does."
    )


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _service_user() -> str | None:
    """Who runs the server: None for the current user, else an unprivileged user (as root)."""
    if os.geteuid() != 0:
        return None
    for name in (SUPERUSER, SERVICE_USER):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    created = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],
        capture_output=True,
        text=True,
    )
    if created.returncode != 0:
        raise PostgresUnavailable(
            f"running as root, and no unprivileged user to run PostgreSQL: useradd "
            f"{SERVICE_USER} failed: {created.stderr.strip()}"
        )
    return SERVICE_USER


@dataclass
class PostgresServer:
    """One running cluster; `database()` makes a fresh database and returns its URL."""

    bin_dir: Path
    root: Path  # the temporary folder: data/, the socket and the log
    user: str | None  # the OS user running the server (None: the current one)
    _databases: list[str] = field(default_factory=list)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3) reaching `database` through the socket folder."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.root}&port={PORT}"

    def _run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / argv[0]), *argv[1:]]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=START_TIMEOUT + 30)

    def start(self) -> None:
        if self.user is not None:
            shutil.chown(self.root, user=self.user)
        init = self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",  # byte order, like SQLite's, for ORDER BY on text
            "--no-sync",
        )
        if init.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {init.stderr.strip() or init.stdout}")
        # Throwaway data: durability settings off make the tests several times faster.
        options = (
            f"-k {self.root} -p {PORT} -c listen_addresses='' -c max_connections=300 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        started = self._run(
            "pg_ctl",
            "-D",
            str(self.data_dir),
            "-l",
            str(self.log_file),
            "-o",
            options,
            "-w",
            "-t",
            str(START_TIMEOUT),
            "start",
        )
        if started.returncode != 0:
            log = self.log_file.read_text("utf-8", "replace") if self.log_file.exists() else ""
            raise PostgresUnavailable(
                f"pg_ctl start failed: {started.stderr.strip() or started.stdout}\n{log[-2000:]}"
            )

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def _admin(self, sql: str) -> None:
        import psycopg  # the `postgres` extra; imported here so SQLite-only runs need it not

        with psycopg.connect(
            host=str(self.root), port=PORT, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def database(self) -> str:
        """A new empty database; its URL."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        self._admin(f'CREATE DATABASE "{name}"')
        self._databases.append(name)
        return self.url(name)

    def drop(self, url: str) -> None:
        """Drop a database made by `database()`, closing whatever is still connected to it."""
        name = url.split("@/", 1)[1].split("?", 1)[0]
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self._databases:
            self._databases.remove(name)

    def execute(self, url: str, sql: str) -> None:
        """Run one statement as the superuser in the database of `url` (autocommit)."""
        import psycopg

        name = url.split("@/", 1)[1].split("?", 1)[0]
        with psycopg.connect(
            host=str(self.root), port=PORT, user=SUPERUSER, dbname=name, autocommit=True
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]


def start_server() -> PostgresServer:
    """Find PostgreSQL and psycopg, and start a cluster in a new temporary folder."""
    try:
        import psycopg  # noqa: F401
    except ImportError as error:
        raise PostgresUnavailable(
            "psycopg is not installed: install the project with its `postgres` extra "
            "(scripts/test.sh installs .[test,postgres])"
        ) from error
    bin_dir = find_bin_dir()
    user = _service_user()
    # Not under pytest's tmp_path: that folder is private to root, and the server's user must
    # reach its own data and socket.
    root = Path(tempfile.mkdtemp(prefix="dashboard-pg-"))
    server = PostgresServer(bin_dir, root, user)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
