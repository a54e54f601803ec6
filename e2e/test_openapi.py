"""docs/openapi.yaml is valid OpenAPI, up to date with its parts, and describes exactly the
routes the server registers under /api (and /health)."""
import os
import re
import subprocess
import sys
import tempfile

import yaml
from openapi_spec_validator import validate

from conftest import ROOT

SPEC = ROOT / "docs" / "openapi.yaml"


def spec() -> dict:
    return yaml.safe_load(SPEC.read_text())


def test_the_spec_is_valid_openapi():
    validate(spec())


def test_the_spec_is_built_from_its_parts():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "openapi"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def registered_routes(binary) -> set:
    with tempfile.TemporaryDirectory() as data:
        output = subprocess.run([str(binary), "routes"], env=dict(os.environ, TENDERPOINT_DATA_DIR=data),
                                capture_output=True, text=True, check=True).stdout
    routes = set()
    for line in output.splitlines():
        match = re.match(r"\|\s*(\w+)\s*\|\s*(\S+)\s*\|", line)
        if match:
            method, path = match.groups()
            path = re.sub(r":(\w+)", r"{\1}", path)
            if path.startswith("/api") or path == "/health":
                routes.add((method.lower(), path))
    return routes


def documented_routes() -> set:
    methods = {"get", "put", "post", "patch", "delete"}
    return {(method, path) for path, item in spec()["paths"].items() for method in item if method in methods}


def test_every_registered_route_is_documented_and_nothing_else(binary):
    registered = registered_routes(binary)
    documented = documented_routes()
    assert registered, "no routes were listed"
    assert sorted(registered - documented) == [], "routes missing from docs/openapi.yaml"
    assert sorted(documented - registered) == [], "documented routes the server does not have"
