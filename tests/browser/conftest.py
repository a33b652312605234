"""Fixtures for the browser tests: the built site with search, served from 127.0.0.1 by a
thread, and headless Chromium driven by Playwright.

Without Chromium, Playwright or axe-core the browser tests skip with the reason; with
SITEGEN_REQUIRE_BROWSER=1 (set by CI) they fail instead, so CI cannot pass without them.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

HERE = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("SITEGEN_CHROMIUM", "/usr/bin/chromium"))
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = HERE.parents[1] / "test-artifacts" / "screenshots"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def missing(reason: str) -> None:
    """Skip for a developer without the browser tools; fail in CI, where they must be present."""
    if os.environ.get("SITEGEN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (SITEGEN_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site(built_site) -> Path:
    """The repository's built site: the build renders the search page and its Pagefind index."""
    from sitegen.search import BUNDLE_DIR, SEARCH_PAGE

    assert (built_site / SEARCH_PAGE).is_file()
    if not (built_site / BUNDLE_DIR).is_dir():
        missing("the build wrote no search index: install 'pagefind[bin]'")
    return built_site


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def server(site):
    """The site served over http://127.0.0.1:<free port>/ from a thread; yields the base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser(site):
    """Headless Chromium from the system, with a fresh profile; skipped or failed when absent."""
    if not CHROMIUM.is_file():
        missing(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python is not installed (pip install playwright)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()


class Recorder:
    """Every URL a page asked for, so a test can assert none left 127.0.0.1."""

    def __init__(self):
        self.urls: list[str] = []

    def __call__(self, request) -> None:
        self.urls.append(request.url)

    def foreign(self, base: str) -> list[str]:
        host = urlsplit(base).netloc
        return [u for u in self.urls if urlsplit(u).scheme not in {"data", "blob", "about"}
                and urlsplit(u).netloc != host]


@pytest.fixture
def page(browser, server):
    """A fresh browser context and page; its requests are recorded on `page.requests`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    pg = context.new_page()
    pg.requests = Recorder()
    pg.on("request", pg.requests)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors
    yield pg
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        missing("axe-core is not installed (cd tests/browser && npm ci)")
    return AXE.read_text(encoding="utf-8")
