"""The preview server of `sitegen serve`: what it answers, and that a busy build does not
keep the browser waiting."""

from __future__ import annotations

import ctypes
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from sitegen.serve import RELOAD_PATH, RELOAD_SCRIPT, PageServer, ServeError


def _get(url: str, timeout: float = 5) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "events" / "raid").mkdir(parents=True)
    (root / "index.html").write_text("<html><body><h1>Timeline</h1></body></html>", encoding="utf-8")
    (root / "events" / "raid" / "index.html").write_text("<html><body>Raid</body></html>", encoding="utf-8")
    (root / "events.json").write_text('{"events": []}', encoding="utf-8")
    return root


def test_pages_get_the_reload_script_and_the_generation_counts_builds(site):
    server = PageServer(site, port=0)
    try:
        base = f"http://127.0.0.1:{server.port}"
        # before the first build is published, any page says it is being built, and reloads
        status, body = _get(base + "/events/raid/")
        assert status == 503 and b"Building the site" in body and RELOAD_SCRIPT.encode() in body
        assert _get(base + RELOAD_PATH) == (200, b"0")
        server.published()
        status, body = _get(base + "/events/raid/")
        assert status == 200 and body.startswith(b"<html><body>Raid") and RELOAD_SCRIPT.encode() in body
        assert b"<script>" not in (site / "events" / "raid" / "index.html").read_bytes()  # files stay clean
        assert _get(base + "/events.json") == (200, b'{"events": []}')  # not HTML: served as it is
        assert _get(base + "/missing/")[0] == 404
        server.published()
        assert _get(base + RELOAD_PATH) == (200, b"2")
    finally:
        server.close()
    with pytest.raises(OSError):
        _get(base + RELOAD_PATH, timeout=2)  # closed with the preview


def test_a_port_in_use_is_an_error_that_says_what_to_do(site):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=rf"127\.0\.0\.1:{port}.*--port"):
            PageServer(site, port=port)


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="holds the interpreter lock with libc's sleep, found this way on Linux")
def test_the_server_answers_while_the_building_process_holds_the_interpreter_lock(site):
    # After a rebuild, serve parses all of events.json for the search index: at 10,000
    # articles one call that holds the interpreter's lock for a second or more. A server
    # thread in that process could not answer meanwhile, and the browser saw its new pages
    # seconds late. A client asks for the generation while this process holds the lock.
    server = PageServer(site, port=0)
    try:
        server.published()
        client = subprocess.Popen([sys.executable, "-c", (
            "import time, urllib.request\n"
            "time.sleep(0.7)\n"
            "started = time.perf_counter()\n"
            f"url = 'http://127.0.0.1:{server.port}{RELOAD_PATH}'\n"
            "body = urllib.request.urlopen(url, timeout=10).read()\n"
            "print(body.decode(), time.perf_counter() - started)\n")],
            stdout=subprocess.PIPE, text=True)
        ctypes.PyDLL(None).sleep(3)  # a C call made with the lock held, as json.loads is
        generation, seconds = client.communicate(timeout=30)[0].split()
        assert generation == "1"
        assert float(seconds) < 1.5, f"the generation took {seconds} s while the builder held the lock"
    finally:
        server.close()


def test_the_server_stops_when_the_process_that_started_it_is_gone(site, tmp_path):
    # a preview killed without the chance to clean up must not leave its port taken
    script = tmp_path / "start.py"
    script.write_text(
        "import sys, pathlib\n"
        "from sitegen.serve import PageServer\n"
        "if __name__ == '__main__':\n"
        f"    server = PageServer(pathlib.Path({str(site)!r}), port=0)\n"
        "    print(server.port, flush=True)\n"
        "    sys.stdin.read()\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    port = int(parent.stdout.readline())
    assert _get(f"http://127.0.0.1:{port}{RELOAD_PATH}") == (200, b"0")
    parent.kill()
    parent.communicate()  # waits, and closes the pipes
    for _ in range(50):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                pass
        except OSError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"port {port} still answers after the preview was killed")
