"""The clinic calendar's bank holidays against an independent oracle: the `holidays` package's
United Kingdom lists (England, Scotland, Northern Ireland) for 2026–2030, asked of a fresh server
through `GET /api/calendar/holidays`. The server computes them by rule; one-off proclaimed days
are no rule (the clinic enters them as closed dates), so the oracle's one-offs are listed here
and must be exactly these."""
import os
import subprocess
import tempfile
from datetime import date

import holidays
import pytest
import requests

from conftest import running_server

YEARS = range(2026, 2031)
REGIONS = {"englandAndWales": "ENG", "scotland": "SCT", "northernIreland": "NIR"}
# Days in the published lists that no rule gives (the clinic enters them as closed dates).
ONE_OFFS = {"scotland": {date(2026, 6, 15)}}  # Scotland at the FIFA World Cup, proclaimed February 2026


@pytest.fixture(scope="module")
def clinic(binary):
    """A server on a fresh database with one admin, and the admin's bearer header."""
    with tempfile.TemporaryDirectory(prefix="tenderpoint-holidays-") as data:
        environment = dict(os.environ, TENDERPOINT_DATA_DIR=data, LOG_LEVEL="warning")
        subprocess.run([str(binary), "user", "create", "admin", "--role", "admin"], input="holiday admin password\n",
                       text=True, env=environment, check=True, capture_output=True, timeout=120)
        with running_server(binary, data, wait=120) as (base, _):
            token = requests.post(base + "/api/auth/token", json={"username": "admin", "password": "holiday admin password"},
                                  timeout=10).json()["token"]
            yield base, {"Authorization": f"Bearer {token}"}


def server_holidays(clinic, year, region=None):
    base, headers = clinic
    query = {"year": year} | ({"region": region} if region else {})
    reply = requests.get(base + "/api/calendar/holidays", params=query, headers=headers, timeout=30)
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["year"] == year
    return body


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("year", YEARS)
def test_the_bank_holidays_match_the_holidays_package(clinic, region, year):
    oracle = holidays.UK(subdiv=REGIONS[region], years=year)
    body = server_holidays(clinic, year, region)
    assert body["region"] == region
    served = body["holidays"]
    observed = [date.fromisoformat(h["observed"]) for h in served]
    days = {date.fromisoformat(h["date"]) for h in served}
    one_offs = ONE_OFFS.get(region, set()) if year == 2026 else set()
    # The published list: the weekdays taken off (the oracle also lists a weekend holiday's own day).
    published = sorted(d for d in oracle if d.weekday() < 5)
    assert observed == sorted(observed)
    assert observed == [d for d in published if d not in one_offs]
    assert all(d.weekday() < 5 for d in observed)
    # Every day the clinic closes for a holiday — the observed day and the day itself — is the oracle's.
    assert days | set(observed) == set(oracle) - one_offs
    # The one-offs listed here are really in the oracle (and nothing else is left over).
    assert one_offs <= set(oracle)


def test_the_clinics_region_is_the_default_and_a_setting(clinic):
    base, headers = clinic
    settings = requests.get(base + "/api/settings", headers=headers, timeout=30).json()
    assert settings["holidayRegion"] == "englandAndWales"
    assert server_holidays(clinic, 2027)["region"] == "englandAndWales"
    changed = requests.put(base + "/api/settings/calendar", json={"holidayRegion": "northernIreland"}, headers=headers,
                           timeout=30)
    assert changed.status_code == 200, changed.text
    body = server_holidays(clinic, 2027)
    assert body["region"] == "northernIreland"
    oracle = holidays.UK(subdiv="NIR", years=2027)
    assert [date.fromisoformat(h["observed"]) for h in body["holidays"]] == sorted(d for d in oracle if d.weekday() < 5)
    refused = requests.put(base + "/api/settings/calendar", json={"holidayRegion": "wales"}, headers=headers, timeout=30)
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "holidayRegion"
    assert requests.put(base + "/api/settings/calendar", json={"holidayRegion": "englandAndWales"}, headers=headers,
                        timeout=30).status_code == 200


def test_no_region_has_no_holidays_and_years_are_bounded(clinic):
    assert server_holidays(clinic, 2026, "none")["holidays"] == []
    base, headers = clinic
    for year in ("1999", "2101", "1e3", "99999999999999999999"):
        reply = requests.get(base + "/api/calendar/holidays", params={"year": year}, headers=headers, timeout=30)
        assert reply.status_code == 422, year
        assert reply.json()["error"]["field"] == "year"
