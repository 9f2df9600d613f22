"""The CKAN client against a real HTTP server on the loopback address that replays responses.

The responses are the package_show fixture's records (English, and Traditional Chinese from its
``locales.tc``) in the portal's envelope; faults are scripted per request: HTTP 500, a reply slower
than the client's timeout, malformed JSON, a CKAN error reply.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from plan_extract.cli import main
from plan_extract.tracking import ckan
from plan_extract.tracking.ckan import CkanClient, CkanError, fetch_catalogue
from plan_extract.tracking.snapshots import SnapshotError, load_snapshot

FIXTURE = Path(__file__).parent / "fixtures" / "catalogue" / "package-show-2026-08-27.jsonl"


def _records() -> dict[str, dict[str, dict[str, Any]]]:
    lines = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    records = [r for r in lines if "name" in r]
    english = {r["name"]: {k: v for k, v in r.items() if k != "locales"} for r in records}
    chinese = {r["name"]: {**english[r["name"]], **r["locales"]["tc"]} for r in records}
    return {"en": english, "tc": chinese}


class Portal:
    """What the server serves, the faults still to play, and every request seen."""

    def __init__(self) -> None:
        self.records = _records()
        self.faults: dict[tuple[str, str], list[str]] = {}
        self.requests: list[tuple[str, str, str]] = []
        self.lock = threading.Lock()

    def fault(self, language: str, key: str) -> str | None:
        with self.lock:
            queue = self.faults.get((language, key))
            return queue.pop(0) if queue else None


def _handler(portal: Portal) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep pytest's output clean
            pass

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            url = urlparse(self.path)
            language, _, _, _, action = url.path.strip("/").split("/")
            language = language.removesuffix("-data")
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            key = query.get("id", action)
            with portal.lock:
                portal.requests.append((language, action, key))
            fault = portal.fault(language, key)
            if fault == "500":
                return self._send(500, b"<html>Internal Server Error</html>")
            if fault == "malformed":
                return self._send(200, b'{"success": true, "result": {"name": ')
            if fault == "slow":
                time.sleep(1.0)
            if fault == "refused":
                body = {
                    "success": False,
                    "error": {"message": "Not found", "__type": "Not Found Error"},
                }
                return self._send(200, json.dumps(body).encode())
            records = portal.records[language]
            if action == "package_list":
                offset, limit = int(query.get("offset", 0)), int(query.get("limit", 10**6))
                result: Any = sorted(records)[offset : offset + limit]
            else:
                result = records[key]
            self._send(
                200, json.dumps({"success": True, "result": result}, ensure_ascii=False).encode()
            )

    return Handler


@pytest.fixture
def portal() -> Iterator[tuple[Portal, str]]:
    state = Portal()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _client(base: str, sleeps: list[float] | None = None) -> CkanClient:
    record = sleeps if sleeps is not None else []
    return CkanClient(base, timeout=0.3, retries=3, backoff=0.5, sleep=record.append)


def test_fetch_retries_through_500_timeout_and_malformed_json(
    portal: tuple[Portal, str], tmp_path: Path
) -> None:
    state, base = portal
    state.faults = {
        ("en", "package_list"): ["500"],
        ("en", "hk-dpo-als_01-als"): ["slow", "malformed"],
        ("tc", "hk-oro-oro-spending-data"): ["500", "500"],
    }
    sleeps: list[float] = []
    out = tmp_path / "catalogue.jsonl"
    outcome = fetch_catalogue(_client(base, sleeps), out, workers=3)
    assert (outcome.complete, outcome.records, outcome.failed) == (True, 16, [])
    assert sorted(sleeps) == [0.5, 0.5, 0.5, 1.0, 1.0]  # back-off doubles per attempt
    snapshot = load_snapshot(out)
    assert snapshot.shape == "package_show" and len(snapshot.entries) == 16
    oro = next(e for e in snapshot.entries if e.catalogue_id == "hk-oro-oro-spending-data")
    assert oro.title_zh == "總目116－破產管理署項下的政府一般收入帳目開支數據"
    assert oro.update_frequency_raw == "Quarterly"


def test_an_unfinished_fetch_is_marked_and_resumed(
    portal: tuple[Portal, str], tmp_path: Path
) -> None:
    state, base = portal
    state.faults = {("en", "hk-dpo-als_01-als"): ["500"] * 4}  # fails every one of 4 attempts
    out = tmp_path / "catalogue.jsonl"
    first = fetch_catalogue(_client(base), out, workers=2)
    assert not first.complete and first.records == 15
    assert [name for name, _ in first.failed] == ["hk-dpo-als_01-als"]
    assert "HTTP 500 after 4 attempts" in first.failed[0][1]
    with pytest.raises(SnapshotError, match="did not finish"):
        load_snapshot(out)
    with out.open("a", encoding="utf-8") as handle:
        handle.write('{"name": "hk-cut-')  # an interrupted write
    state.requests.clear()
    second = fetch_catalogue(_client(base), out, workers=2)
    assert (second.complete, second.records) == (True, 16)
    shown = [(lang, key) for lang, action, key in state.requests if action == "package_show"]
    assert sorted(shown) == [("en", "hk-dpo-als_01-als"), ("tc", "hk-dpo-als_01-als")]
    assert len(load_snapshot(out).entries) == 16
    state.requests.clear()
    assert fetch_catalogue(_client(base), out).complete  # finished: nothing is fetched again
    assert state.requests == []


def test_package_list_is_paged(portal: tuple[Portal, str], monkeypatch: pytest.MonkeyPatch) -> None:
    state, base = portal
    monkeypatch.setattr(ckan, "PAGE_SIZE", 5)
    names = _client(base).package_list()
    assert names == sorted(state.records["en"]) and len(names) == 16
    assert [k for _, a, k in state.requests if a == "package_list"] == ["package_list"] * 4


def test_a_ckan_error_reply_is_not_retried(portal: tuple[Portal, str]) -> None:
    state, base = portal
    state.faults = {("en", "nope"): ["refused"]}
    sleeps: list[float] = []
    with pytest.raises(CkanError, match="Not found"):
        _client(base, sleeps).package_show("nope")
    assert sleeps == []


def test_the_command_line(
    portal: tuple[Portal, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state, base = portal
    out = tmp_path / "catalogue.jsonl"
    assert main(["catalogue", "fetch", "--base-url", base, "--out", str(out), "--limit", "4"]) == 0
    assert len(load_snapshot(out).entries) == 4
    assert "4 datasets, 0 failed" in capsys.readouterr().err
    state.faults = {("en", "package_list"): ["refused"]}
    assert main(["catalogue", "fetch", "--base-url", base, "--out", str(tmp_path / "x.jsonl")]) == 2
    assert "replied with an error" in capsys.readouterr().err
