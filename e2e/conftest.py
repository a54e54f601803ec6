"""Shared fixtures: the built `tenderpoint` binary and a server started on a fresh database."""
import contextlib
import os
import pathlib
import socket
import subprocess
import tempfile
import time

import pytest
import requests

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARY = pathlib.Path(os.environ.get("TENDERPOINT_BINARY", ROOT / ".build" / "debug" / "tenderpoint"))


@pytest.fixture(scope="session")
def binary() -> pathlib.Path:
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: build first (scripts/test does)")
    return BINARY


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_server(binary, data, *arguments, wait=180):
    """`tenderpoint serve ARGUMENTS` on the SQLite database in `data`, on a free loopback port, until
    it answers /health; yields (base URL, process) and stops it afterwards."""
    port = free_port()
    environment = dict(os.environ, TENDERPOINT_DATA_DIR=data, LOG_LEVEL="warning")
    process = subprocess.Popen([str(binary), "serve", *arguments, "--port", str(port)], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + wait
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail("server exited: " + process.stderr.read().decode()[-2000:])
        try:
            if requests.get(base + "/health", timeout=1).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail(f"server did not answer /health within {wait} s")
    try:
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def demo_server(binary):
    """A server on a fresh SQLite database filled with the demo clinic (`serve --demo`)."""
    with tempfile.TemporaryDirectory(prefix="tenderpoint-e2e-") as data:
        with running_server(binary, data, "--demo") as (base, _):
            yield base


@pytest.fixture
def browser():
    """A headless Chromium at desktop size (browsing.py), closed after the test."""
    from browsing import start_browser
    driver = start_browser()
    yield driver
    driver.quit()
