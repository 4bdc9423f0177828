"""The operator guide's deployment, followed for real on loopback.

As docs/operator-guide.md tells an operator, and with the files it ships:

* the server is installed from the source release (``uv build --sdist``) into a virtualenv of
  its own, without the desktop's Qt (``uv sync --no-install-package ...``, as the container
  recipe does);
* PostgreSQL gets a role and a database it owns (made here, dropped afterwards);
* the settings come from ``packaging/server/crmdesk-server.env`` (only the database URL changed);
* ``crmdesk-server migrate``, ``create-team``, ``create-user --password-stdin``;
* two server processes started with the command line of the systemd unit
  ``packaging/server/systemd/crmdesk-server@.service`` (instances = ports);
* Debian's nginx with ``packaging/server/nginx/crmdesk.conf`` (only the ports, addresses and
  certificate paths changed), TLS from a CA made with openssl.

Then real devices (encrypted books, the real sync client, trusting the CA file) sync through
nginx: a push larger than nginx's default body limit, a long poll parked on one process woken by
a push through the other, an idle long poll answered at its timeout, a process stopped in the
middle of a long poll (as an upgrade one at a time would), and syncing on with one process down.

Needs nginx (Debian: ``apt-get install nginx-light``), openssl, uv and the test run's own
PostgreSQL (``tests/postgres.py``).
"""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import signal
import ssl
import subprocess
import tarfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
import pytest

from crmdesk.db.models import Contact
from tests import http_calls, postgres
from tests.server.live import free_port, pg_admin
from tests.sync.helpers import Device, add_contact, edit, open_device

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "packaging" / "server"
UNIT = SERVER / "systemd" / "crmdesk-server@.service"
ENV_FILE = SERVER / "crmdesk-server.env"
SITE = SERVER / "nginx" / "crmdesk.conf"
INSTALLED_BINARY = "/opt/crmdesk-server/venv/bin/crmdesk-server"
PASSWORD = "a long passphrase for rep one"
QT_PACKAGES = ("pyside6-essentials", "pyside6-addons", "shiboken6")

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
pytestmark = [
    pytest.mark.skipif(
        NGINX is None, reason="nginx is not installed (Debian: apt-get install nginx-light)"
    ),
    pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed"),
    pytest.mark.skipif(shutil.which("uv") is None, reason="uv is not installed"),
]


# -- the operator's steps -----------------------------------------------------------------------


def install_server(tmp: Path) -> Path:
    """The server's virtualenv, made as the guide says: from the source release (sdist), the
    locked dependencies, without Qt. Returns its ``crmdesk-server``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("UV_", "VIRTUAL_ENV"))}
    built = subprocess.run(
        ["uv", "build", "--sdist", "-o", str(tmp / "sdist")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr[-3000:]
    (sdist,) = (tmp / "sdist").glob("crmdesk-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp / "release", filter="data")
    (src,) = (tmp / "release").iterdir()
    venv = tmp / "venv"
    # The guide's command but --compile-bytecode: compiling the whole environment (14 s of CPU)
    # costs more than the few server starts here save (test_server_image holds the guide to it).
    command = ["uv", "sync", "--locked", "--no-dev", "--no-editable"]
    for package in QT_PACKAGES:
        command += ["--no-install-package", package]
    env["UV_PROJECT_ENVIRONMENT"] = str(venv)
    done = subprocess.run(command, cwd=src, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    qt = subprocess.run([str(venv / "bin" / "python"), "-c", "import PySide6"], capture_output=True)
    assert qt.returncode != 0, "the server's environment has Qt in it"
    return venv / "bin" / "crmdesk-server"


def read_env_file(path: Path) -> dict[str, str]:
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def unit_command(binary: Path, port: int, env: dict[str, str]) -> list[str]:
    """The unit's ExecStart for instance ``port``, as systemd would expand it."""
    lines = [ln for ln in UNIT.read_text().splitlines() if ln.startswith("ExecStart=")]
    assert len(lines) == 1, lines
    words = shlex.split(lines[0].removeprefix("ExecStart="))
    assert words[0] == INSTALLED_BINARY, words
    expanded = []
    for word in words[1:]:
        word = word.replace("%i", str(port))
        for name in re.findall(r"\$\{(\w+)\}", word):
            assert name in env, f"the unit uses ${{{name}}}, which the env file does not set"
            word = word.replace(f"${{{name}}}", env[name])
        expanded.append(word)
    return [str(binary), *expanded]


def make_certificates(tls: Path) -> Path:
    """A CA and a certificate for localhost/127.0.0.1 signed by it (openssl, as in the guide)."""
    tls.mkdir()

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=tls, check=True, capture_output=True, timeout=60)

    openssl(
        "req", "-x509", "-new", "-nodes", "-newkey", "rsa:2048", "-days", "2",
        "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=crmdesk test CA",
    )  # fmt: skip
    openssl(
        "req", "-new", "-nodes", "-newkey", "rsa:2048", "-keyout", "privkey.pem",
        "-out", "server.csr", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    )  # fmt: skip
    openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-days", "2", "-copy_extensions", "copy", "-out", "fullchain.pem",
    )  # fmt: skip
    return tls / "ca.pem"


def replace_exactly(text: str, old: str, new: str, count: int) -> str:
    found = text.count(old)
    assert found == count, f"expected {old!r} {count} times in {SITE.name}, found {found}"
    return text.replace(old, new)


def site_for_loopback(tls: Path, http: int, https: int, ports: tuple[int, int]) -> str:
    """The shipped site, with only what differs on a test machine changed."""
    site = SITE.read_text()
    site = replace_exactly(site, "    listen [::]:80;\n", "", 1)
    site = replace_exactly(site, "    listen [::]:443 ssl http2;\n", "", 1)
    site = replace_exactly(site, "listen 80;", f"listen 127.0.0.1:{http};", 1)
    site = replace_exactly(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;", 1)
    site = replace_exactly(site, "/etc/crmdesk/tls/", f"{tls}/", 2)
    site = replace_exactly(site, "server 127.0.0.1:8001 ", f"server 127.0.0.1:{ports[0]} ", 1)
    site = replace_exactly(site, "server 127.0.0.1:8002 ", f"server 127.0.0.1:{ports[1]} ", 1)
    return site


def nginx_main_conf(tmp: Path, site: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf provides around a site, in the test's folder."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must reach the test's folder
    temp = "\n".join(
        f"    {kind}_temp_path {tmp}/{kind}_temp;"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
daemon off;
events {{ worker_connections 256; }}
http {{
    log_format upstream '$request_method $uri $status $upstream_addr $request_length';
    access_log {tmp}/access.log upstream;
{temp}
    include {site};
}}
"""


def wait_for(url: str, process: subprocess.Popen[bytes], log: Path, **kw: object) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{url}: exited {process.returncode}: {log.read_text()[-3000:]}")
        try:
            if http_calls.get(url, timeout=2, **kw).status_code in (200, 301):  # type: ignore[arg-type]
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not answer: {log.read_text()[-3000:]}")


# -- the deployment -----------------------------------------------------------------------------


@dataclass
class Instance:
    port: int
    command: list[str]
    env: dict[str, str]
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                self.command, env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        assert self.process is not None
        wait_for(f"http://127.0.0.1:{self.port}/api/v1/health", self.process, self.log)

    def stop(self, timeout: float = 45) -> int | None:
        """As ``systemctl stop`` does: SIGTERM, then wait (TimeoutStopSec)."""
        if self.process is None or self.process.poll() is not None:
            return None if self.process is None else self.process.returncode
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise


@dataclass
class Deployment:
    url: str
    http_url: str
    ca: Path
    instances: list[Instance]
    access_log: Path
    tmp: Path
    devices: list[Device] = field(default_factory=list)

    def trust(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca))

    def upstreams(self, path: str) -> list[str]:
        """The server process (address) nginx sent each request for ``path`` to, in order."""
        lines = self.access_log.read_text().splitlines()
        return [ln.split()[3] for ln in lines if ln.split()[1] == path]

    def device(self, name: str) -> Device:
        d = open_device(self.tmp / f"{name}.crmdesk")
        d.client.enrol(self.url, "rep1", PASSWORD, device_name=name, ca_file=str(self.ca))
        self.devices.append(d)
        return d


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    tmp = tmp_path_factory.mktemp("deploy")
    binary = install_server(tmp)

    suffix = secrets.token_hex(5)
    role, dbname = f"crmdesk_op_{suffix}", f"crmdesk_op_{suffix}"
    with psycopg.connect(pg_admin(), autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
        conn.execute(f'CREATE DATABASE "{dbname}" OWNER "{role}"')
    processes: list[subprocess.Popen[bytes]] = []
    instances: list[Instance] = []
    deploy: Deployment | None = None
    try:
        settings = read_env_file(ENV_FILE)
        settings["CRMDESK_SERVER_DATABASE_URL"] = postgres.cluster().url(dbname, role)
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp), "LANG": "C.UTF-8", **settings}

        def admin(*args: str, stdin: str | None = None) -> str:
            done = subprocess.run(
                [str(binary), *args], env=env, input=stdin, capture_output=True, text=True,
                timeout=120,
            )  # fmt: skip
            assert done.returncode == 0, f"crmdesk-server {args}: {done.stderr}"
            return done.stdout

        assert "database is current" in admin("migrate")
        admin("create-team", "华东区")
        admin("create-user", "rep1", "--role", "rep", "--team", "华东区", "--password-stdin",
              stdin=PASSWORD + "\n")  # fmt: skip
        assert "rep1" in admin("list-users")

        for n in (1, 2):
            port = free_port()
            instance = Instance(
                port, unit_command(binary, port, settings), env, tmp / f"server{n}.log"
            )
            instances.append(instance)
            instance.start()

        ca = make_certificates(tmp / "tls")
        http, https = free_port(), free_port()
        site = tmp / "crmdesk.conf"
        site.write_text(
            site_for_loopback(tmp / "tls", http, https, (instances[0].port, instances[1].port))
        )
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (tmp / f"{kind}_temp").mkdir()
        conf = tmp / "nginx.conf"
        conf.write_text(nginx_main_conf(tmp, site))
        assert NGINX is not None
        nginx = [NGINX, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(conf)]
        checked = subprocess.run([*nginx, "-t"], capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0, checked.stderr
        proxy = subprocess.Popen(nginx, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(proxy)
        url = f"https://127.0.0.1:{https}"
        trust = ssl.create_default_context(cafile=str(ca))
        wait_for(url + "/api/v1/health", proxy, tmp / "error.log", verify=trust)
        deploy = Deployment(url, f"http://127.0.0.1:{http}", ca, instances, tmp / "access.log", tmp)
        yield deploy
    finally:
        if deploy is not None:
            for d in deploy.devices:
                d.close()
        for p in processes:
            p.send_signal(signal.SIGQUIT)  # nginx: graceful stop
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        for instance in instances:
            instance.stop(timeout=60)
        with psycopg.connect(pg_admin(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


# -- what a client sees -------------------------------------------------------------------------


def test_tls_is_verified_and_plain_http_redirects(deployment: Deployment) -> None:
    r = http_calls.get(deployment.url + "/api/v1/health", verify=deployment.trust(), timeout=10)
    assert r.status_code == 200 and r.json()["protocol"] >= 1
    with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
        http_calls.get(deployment.url + "/api/v1/health", verify=ssl.create_default_context())
    r = http_calls.get(deployment.http_url + "/api/v1/health", timeout=10)
    assert r.status_code == 301
    assert r.headers["location"].startswith("https://")
    r = http_calls.get(deployment.url + "/", verify=deployment.trust(), timeout=10)
    assert r.status_code == 404  # nothing but the API is served


def test_both_processes_serve_and_a_large_push_passes(deployment: Deployment) -> None:
    desk, laptop = deployment.device("desk"), deployment.device("laptop")
    # 30 contacts with 40,000 characters of notes each: one push of ~3.6 MB, over nginx's
    # default body limit of 1 MB.
    note = "客户喜欢喝龙井茶，周末打高尔夫。" * 2500
    names = [f"客户{i:02d}" for i in range(30)]
    for name in names:
        add_contact(desk.book, None, name, notes=note)
    report = desk.client.sync_once()
    assert report.pushed == 30
    pushes = [ln for ln in deployment.access_log.read_text().splitlines() if "/sync/push" in ln]
    assert any(int(ln.split()[4]) > 1_000_000 for ln in pushes), pushes

    assert laptop.client.sync_once().pulled >= 30
    with laptop.book.sessions() as s:
        got = {c.name: c.notes for c in s.query(Contact).filter(Contact.name.in_(names))}
    assert got == dict.fromkeys(names, note)

    used = set(deployment.upstreams("/api/v1/sync/pull")) | set(
        deployment.upstreams("/api/v1/sync/push")
    )
    assert {f"127.0.0.1:{i.port}" for i in deployment.instances} <= used, used


def test_a_long_poll_on_one_process_is_woken_by_a_push_through_the_other(
    deployment: Deployment,
) -> None:
    desk, laptop = deployment.device("desk2"), deployment.device("laptop2")
    laptop.client.sync_once()
    answer: list[tuple[bool, float]] = []

    def wait() -> None:
        start = time.monotonic()
        answer.append((laptop.client.wait_for_change(timeout=20), time.monotonic() - start))

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(1.0)  # parked on one process; least_conn sends the push to the other
    add_contact(desk.book, None, "王伟")
    desk.client.sync_once()
    waiter.join(timeout=30)
    assert answer, "the long poll did not come back"
    changed, _seconds = answer[0]
    assert changed, answer  # woken by the push; an idle poll answers False at its timeout
    wait_on = deployment.upstreams("/api/v1/sync/wait")[-1]
    pushed_to = deployment.upstreams("/api/v1/sync/push")[-1]
    assert wait_on != pushed_to, (wait_on, pushed_to)


def test_an_idle_long_poll_is_answered_at_its_timeout(deployment: Deployment) -> None:
    laptop = deployment.device("laptop3")
    laptop.client.sync_once()
    start = time.monotonic()
    assert laptop.client.wait_for_change(timeout=3) is False
    assert time.monotonic() - start > 2.5  # it waited; a loaded machine only makes it longer


def test_stopping_one_process_keeps_clients_working(deployment: Deployment) -> None:
    """An upgrade one process at a time: stop one during a long poll, sync on, start it again."""
    desk, laptop = deployment.device("desk4"), deployment.device("laptop4")
    laptop.client.sync_once()
    answer: list[bool] = []
    waiter = threading.Thread(target=lambda: answer.append(laptop.client.wait_for_change(5)))
    waiter.start()
    time.sleep(1.0)
    parked = deployment.upstreams("/api/v1/sync/wait")[-1]
    stopped = next(i for i in deployment.instances if parked.endswith(f":{i.port}"))
    # uvicorn answers the long poll, then exits; since 0.29 it re-raises the SIGTERM it caught,
    # which systemd counts as a clean stop.
    assert stopped.stop() in (0, -signal.SIGTERM)
    waiter.join(timeout=30)
    assert answer == [False]  # answered at its timeout, not cut off

    contact = add_contact(desk.book, None, "李娜")
    assert desk.client.sync_once().pushed == 1
    edit(desk.book, Contact, contact, title="总经理")
    assert desk.client.sync_once().pushed == 1
    assert laptop.client.sync_once().pulled >= 1
    with laptop.book.sessions() as s:
        got = s.get(Contact, contact)
        assert got is not None and got.title == "总经理"

    stopped.start()
    r = http_calls.get(deployment.url + "/api/v1/health", verify=deployment.trust(), timeout=10)
    assert r.status_code == 200
