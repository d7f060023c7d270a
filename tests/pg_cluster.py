"""A throwaway PostgreSQL cluster for tests and benchmarks of the DuckLake backend.

``initdb`` and ``pg_ctl`` from Debian's ``postgresql`` package (the Makefile
installs it), run as an unprivileged user: the ``postgres`` account when this runs
as root (PostgreSQL refuses to run as root), else the current user. The cluster
listens on 127.0.0.1 on a free port and on a Unix socket in its own folder, trusts
local connections, and is removed by :meth:`Cluster.stop`.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def pg_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None when PostgreSQL is missing."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[4]) if Path(p).parts[4].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A running PostgreSQL cluster; :meth:`address` gives DuckLake addresses into it."""

    def __init__(self) -> None:
        binary = pg_bin()
        if binary is None:
            raise RuntimeError("PostgreSQL is not installed (Debian package postgresql)")
        self.bin = binary
        self.user = "bma"
        self.root = Path(tempfile.mkdtemp(prefix="bma-etl-pg-"))
        self.root.chmod(0o755)
        self.data = self.root / "data"
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(self.root, account.pw_uid, account.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", self.user,
                  "--no-instructions", "-E", "UTF8", "--locale", "C")
        # One role must give its password (SCRAM), so that tests see it reach PostgreSQL.
        hba = self.data / "pg_hba.conf"
        hba.write_text(f"host all {self.PASSWORD_USER} 127.0.0.1/32 scram-sha-256\n"
                       + hba.read_text())
        options = (f"-k {self.root} -p {self.port} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.root / "log"), "-w", "start")
        self._databases = 0

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self._as, str(self.bin / tool), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    #: A role that logs in with a password only (:meth:`password_address`).
    PASSWORD_USER = "bma_pw"

    def create_database(self, owner: str | None = None) -> str:
        """A new empty database (owned by ``owner``, else the cluster's user); its name."""
        self._databases += 1
        name = f"lake{self._databases}"
        subprocess.run([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                        "-U", self.user, *(["-O", owner] if owner else []), name], check=True)
        return name

    def password_address(self, data_path: Path, password: str) -> str:
        """A DuckLake address, with ``password`` in it, of a new warehouse of a role that
        must give that password."""
        subprocess.run([str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U",
                        self.user, "-d", "postgres", "-qc",
                        f"DROP ROLE IF EXISTS {self.PASSWORD_USER}; CREATE ROLE "
                        f"{self.PASSWORD_USER} LOGIN PASSWORD '{password}'"], check=True)
        name = self.create_database(owner=self.PASSWORD_USER)
        return (f"ducklake:postgres://{self.PASSWORD_USER}:{password}@127.0.0.1:{self.port}/"
                f"{name}?data_path={data_path}")

    def kill(self) -> None:
        """Stop the server at once, as a crash would (``pg_ctl -m immediate``)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def address(self, data_path: Path) -> str:
        """A DuckLake address of a new, empty warehouse whose files go to ``data_path``."""
        name = self.create_database()
        return f"ducklake:postgres://{self.user}@127.0.0.1:{self.port}/{name}?data_path={data_path}"

    def size_mb(self) -> float:
        """Megabytes the newest database takes on disk (a DuckLake catalog)."""
        done = subprocess.run(
            [str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user,
             "-d", "postgres", "-Atc",
             f"SELECT pg_database_size('lake{self._databases}')"],
            check=True, capture_output=True, text=True)
        return int(done.stdout.strip() or 0) / 1e6

    def stop(self) -> None:
        """Stop the server and remove its files."""
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
