"""`sitegen serve`: build, serve on localhost, rebuild when content or theme change, reload pages.

The reload script is added to HTML responses by the server only; built files stay clean.
"""

from __future__ import annotations

import http.server
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from sitegen.collector import collect_between_builds

RELOAD_PATH = "/__sitegen/generation"
RELOAD_SCRIPT = (
    "<script>(function(){var g=null;function poll(){fetch('" + RELOAD_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(t){if(g!==null&&t!==g){location.reload()}g=t;"
    "setTimeout(poll,700)}).catch(function(){setTimeout(poll,2000)})}poll()})();</script>"
)


def snapshot(folders: Iterable[Path]) -> dict[str, float]:
    """Modification times of every file below the watched folders (read with `os.scandir`:
    a corpus of 10,000 files is polled several times a second)."""
    seen: dict[str, float] = {}
    todo = [str(folder) for folder in folders if folder.exists()]
    while todo:
        folder = todo.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            todo.append(entry.path)
                        elif entry.is_file():
                            seen[entry.path] = entry.stat().st_mtime_ns
                    except FileNotFoundError:  # removed while we looked
                        pass
        except (FileNotFoundError, NotADirectoryError):
            pass
    return seen


class _State:
    generation = 0


def _handler(root: Path, state: _State):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass

        def do_GET(self):
            if self.path == RELOAD_PATH:
                body = str(state.generation).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?", 1)[0].endswith("/"):
                    return super().do_GET()  # redirects to the slash form, so relative links work
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                body = path.read_bytes().replace(b"</body>", RELOAD_SCRIPT.encode() + b"</body>", 1)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

    return Handler


def serve(out_dir: Path, watch: list[Path], rebuild: Callable[[], Callable[[], None] | None], *,
          host: str = "127.0.0.1", port: int = 8000, interval: float = 0.4) -> None:
    """Serve `out_dir` and call `rebuild()` whenever a file under `watch` changes. What
    `rebuild()` returns, if anything, is called once the new pages are announced to the
    browser: work the pages need not wait for (the search index)."""
    state = _State()
    server = http.server.ThreadingHTTPServer((host, port), _handler(out_dir, state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(f"Serving on http://{host}:{server.server_address[1]}/ (Ctrl+C to stop)", file=sys.stderr)
    before = snapshot(watch)
    try:
        while True:
            time.sleep(interval)
            now = snapshot(watch)
            if now != before:
                before = now
                started = time.perf_counter()
                try:
                    follow_up = rebuild()
                except Exception as err:  # keep serving the previous site; say what went wrong
                    print(f"Rebuild failed, still serving the previous site:\n{err}", file=sys.stderr)
                    continue
                state.generation += 1
                print(f"Rebuilt in {time.perf_counter() - started:.2f}s", file=sys.stderr)
                if follow_up is not None:
                    try:
                        follow_up()
                    except Exception as err:  # the pages are new; only search lags behind
                        print(f"The search index was not updated: {err}", file=sys.stderr)
                collect_between_builds()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()

