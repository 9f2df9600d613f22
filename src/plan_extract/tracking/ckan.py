"""A small CKAN client for DATA.GOV.HK in ckanapi's shape, and a resumable catalogue fetch.

One client object, one method per action, retries and paging inside, plain dicts out. The portal
serves each language under its own path (``/en-data/api/3/action/…``, ``/tc-data/…``), so every
call names its language. Server errors (5xx), timeouts, dropped connections and malformed JSON are
retried with exponential back-off; a CKAN error reply (``success: false``, 4xx) is not.

``fetch_catalogue`` writes JSON lines: a ``{"_snapshot": {...}}`` header with the date, one
``package_show`` record per dataset (English, with the Traditional Chinese fields under
``locales.tc``), and a ``{"_snapshot_end": {...}}`` line only when every dataset was fetched. Run it
again with the same file to fetch what is missing; a file without the end line is refused by
:func:`~.snapshots.load_snapshot`.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import PlanExtractError
from .snapshots import SNAPSHOT_END, SNAPSHOT_HEADER

DEFAULT_PORTAL = "https://data.gov.hk"
PAGE_SIZE = 1000
LOCALE_FIELDS = ("title", "notes", "organization", "groups", "update_frequency")


class CkanError(PlanExtractError):
    """The portal refused a request, or kept failing after every retry."""


class _RetryableError(Exception):
    """A failure worth another try (server error, timeout, malformed reply)."""


class CkanClient:
    """``package_list`` and ``package_show`` of a CKAN portal with per-language API paths."""

    def __init__(
        self,
        base_url: str = DEFAULT_PORTAL,
        *,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep

    def _url(self, language: str, action: str, params: dict[str, Any]) -> str:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return f"{self.base_url}/{language}-data/api/3/action/{action}{query}"

    def _get_once(self, url: str) -> Any:
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as reply:
                body = reply.read()
        except urllib.error.HTTPError as error:
            if error.code >= 500 or error.code == 429:
                raise _RetryableError(f"HTTP {error.code}") from None
            raise CkanError(f"{url}: HTTP {error.code}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
            raise _RetryableError(str(getattr(error, "reason", error))) from None
        try:
            return json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise _RetryableError("malformed JSON") from None

    def action(self, language: str, action: str, **params: Any) -> Any:
        """Call an action and return its ``result``; retried with back-off on transient failures."""
        url = self._url(language, action, params)
        for attempt in range(self.retries + 1):
            try:
                reply = self._get_once(url)
            except _RetryableError as error:
                if attempt == self.retries:
                    raise CkanError(f"{url}: {error} after {self.retries + 1} attempts") from None
                self._sleep(self.backoff * 2**attempt)
                continue
            if not isinstance(reply, dict) or not reply.get("success"):
                message = reply.get("error") if isinstance(reply, dict) else reply
                raise CkanError(f"{url}: the portal replied with an error: {message}")
            return reply.get("result")
        raise CkanError(f"{url}: no attempt made")  # only when retries < 0

    def package_list(self, language: str = "en") -> list[str]:
        """Every dataset name, page by page."""
        names: list[str] = []
        while True:
            page = self.action(language, "package_list", limit=PAGE_SIZE, offset=len(names))
            if not isinstance(page, list):
                raise CkanError("package_list did not return a list")
            new = [n for n in page if isinstance(n, str)]
            if names and new and new[0] == names[0]:  # a portal that ignores offset
                break
            names += new
            if len(page) < PAGE_SIZE:
                break
        return names

    def package_show(self, name: str, language: str = "en") -> dict[str, Any]:
        """One dataset's metadata in one language."""
        result = self.action(language, "package_show", id=name)
        if not isinstance(result, dict):
            raise CkanError(f"package_show {name}: the result is not an object")
        return result


def bilingual_record(english: dict[str, Any], chinese: dict[str, Any]) -> dict[str, Any]:
    """The English record with the Traditional Chinese fields under ``locales.tc``."""
    record = dict(english)
    record["locales"] = {"tc": {k: chinese.get(k) for k in LOCALE_FIELDS}}
    return record


@dataclass
class FetchOutcome:
    records: int
    failed: list[tuple[str, str]] = field(default_factory=list)
    complete: bool = False


def _resume(path: Path) -> tuple[dict[str, Any] | None, list[dict[str, Any]], bool]:
    """Header, records and completeness of a previous run; a truncated last line is dropped."""
    if not path.exists():
        return None, [], False
    header, records, complete = None, [], False
    for line in path.read_text("utf-8").splitlines():
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue  # the line an interrupted run was writing; it will be fetched again
        if isinstance(value, dict) and SNAPSHOT_HEADER in value:
            header = value[SNAPSHOT_HEADER]
        elif isinstance(value, dict) and SNAPSHOT_END in value:
            complete = True
        elif isinstance(value, dict) and value.get("name"):
            records.append(value)
    return header, records, complete


def _line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) + "\n"


def fetch_catalogue(
    client: CkanClient, out: Path, *, workers: int = 4, limit: int | None = None
) -> FetchOutcome:
    """Fetch (or finish fetching) a snapshot into ``out``."""
    header, records, complete = _resume(out)
    if complete and header:
        return FetchOutcome(len(records), [], True)
    names = client.package_list()[:limit]
    header = header or {
        "date": datetime.now(timezone.utc).date().isoformat(),
        "source": client.base_url,
    }
    header["expected"] = len(names)
    done = {r["name"] for r in records}
    todo = [n for n in names if n not in done]
    outcome = FetchOutcome(len(records))
    lock = threading.Lock()
    with out.open("w", encoding="utf-8") as handle:
        handle.write(_line({SNAPSHOT_HEADER: header}))
        handle.writelines(_line(r) for r in records)

        def one(name: str) -> None:
            record = bilingual_record(client.package_show(name), client.package_show(name, "tc"))
            with lock:
                handle.write(_line(record))
                handle.flush()
                outcome.records += 1

        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            futures = {pool.submit(one, name): name for name in todo}
            for future in as_completed(futures):
                error = future.exception()
                if error is not None:
                    outcome.failed.append((futures[future], str(error)))
        if not outcome.failed:
            handle.write(_line({SNAPSHOT_END: {"records": outcome.records}}))
            outcome.complete = True
    outcome.failed.sort()
    return outcome
