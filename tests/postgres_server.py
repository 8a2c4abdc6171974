"""A throwaway PostgreSQL server for tests: ``initdb`` into a temporary folder, ``postgres``
on a free loopback port, stopped at the end. Real server, real client code, no network.

Debian's ``postgresql`` package provides the programs (``.ci/run`` installs it). Where they
are missing the tests that need the server skip, unless ``FOLLOWTHROUGH_REQUIRE_POSTGRES``
is set (as CI does), in which case they fail.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REQUIRE_ENV = "FOLLOWTHROUGH_REQUIRE_POSTGRES"


def postgres_bin() -> Path | None:
    """The folder with ``initdb`` and ``postgres``, if PostgreSQL is installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user() -> list[str]:
    """PostgreSQL refuses to run as root: run it as the ``postgres`` (or ``nobody``) user."""
    if os.geteuid() != 0:
        return []
    import pwd

    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"]
    raise RuntimeError("running as root and there is no 'postgres' or 'nobody' user to run PostgreSQL as")


@contextmanager
def postgres_server() -> Iterator[str]:
    """A running server; yields its URL (``postgresql://followthrough@127.0.0.1:PORT/postgres``)."""
    bindir = postgres_bin()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL is not installed (no initdb)")
    prefix = _as_server_user()
    folder = Path(tempfile.mkdtemp(prefix="followthrough-pg-"))
    data, sockets = folder / "data", folder / "run"
    sockets.mkdir()
    if prefix:
        import pwd

        entry = pwd.getpwnam(prefix[2])
        for path in (folder, sockets):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    subprocess.run(
        [*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "followthrough", "-E", "UTF8",
         "--locale=C", "--no-sync"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    port = _free_port()
    server = subprocess.Popen(
        [*prefix, str(bindir / "postgres"), "-D", str(data), "-k", str(sockets), "-h", "127.0.0.1", "-p", str(port),
         "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"postgresql://followthrough@127.0.0.1:{port}/postgres"
    try:
        import psycopg

        deadline = time.monotonic() + 60
        while True:
            try:
                psycopg.connect(url, connect_timeout=2).close()
                break
            except psycopg.OperationalError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("PostgreSQL did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server_url: str, name: str) -> str:
    """A new, empty database on the server; returns its URL."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return server_url.rsplit("/", 1)[0] + "/" + name
