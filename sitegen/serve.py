"""`sitegen serve`: build, serve on localhost, rebuild when content or theme change, reload pages.

The reload script is added to HTML responses by the server only; built files stay clean.
The server runs in a process of its own, so that builds never keep the browser waiting.
"""

from __future__ import annotations

import http.server
import multiprocessing
import multiprocessing.connection
import os
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from sitegen.collector import collect_between_builds, collector_on_call
from sitegen.errors import SitegenError


class ServeError(SitegenError):
    """The preview server could not start."""


RELOAD_PATH = "/__sitegen/generation"
RELOAD_SCRIPT = (
    "<script>(function(){var g=null;function poll(){fetch('" + RELOAD_PATH + "',{cache:'no-store'})"
    ".then(function(r){return r.text()}).then(function(t){if(g!==null&&t!==g){location.reload()}g=t;"
    "setTimeout(poll,700)}).catch(function(){setTimeout(poll,2000)})}poll()})();</script>"
)

# what a page asked for before the first build is done shows (it reloads when the site is ready)
BUILDING_PAGE = (b'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                 b'<title>Building the site</title></head>'
                 b'<body><p>Building the site; this page opens when it is ready.</p></body></html>')


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


class Watcher:
    """Tells when a file below the watched folders changed. Where the system reports changes
    (inotify and the like, through watchdog, which MkDocs' own serve uses) it wakes at once;
    a poll of the files' modification times decides, and runs now and then regardless, in
    case the system's reports are missing (some network and container file systems)."""

    SETTLE = 0.05  # after a report, for the rest of the save (editors write in steps)

    def __init__(self, folders: list[Path], interval: float = 0.4):
        self.folders = folders
        self.interval = interval
        self.last = snapshot(folders)
        self._woken = threading.Event()
        self._lock = threading.Lock()
        # the files the system reported since the last look; None among them: a folder was
        # made, removed or moved, so every file is looked at again
        self._reported: set[str | None] = set()
        self._observer = self._observe()

    def _observe(self):
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:  # polling alone still works
            return None
        woken, lock, reported = self._woken, self._lock, self._reported

        class Wake(FileSystemEventHandler):
            def on_any_event(self, event):
                if event.event_type in ("opened", "closed_no_write"):  # reading changes nothing
                    return
                with lock:
                    if not event.is_directory:
                        reported.add(event.src_path)
                        if getattr(event, "dest_path", None):
                            reported.add(event.dest_path)
                    elif event.event_type != "modified":  # a folder's own "modified" comes
                        reported.add(None)  # with the events of the files that changed in it
                woken.set()

        observer = Observer()
        try:
            for folder in self.folders:
                if folder.is_dir():
                    observer.schedule(Wake(), str(folder), recursive=True)
            observer.start()
        except OSError:  # no watches left, or none here: poll
            return None
        return observer

    def pending(self) -> bool:
        """Whether the system reported a change not yet taken by `changed` (without
        reports, polling alone, this is not known until then: False)."""
        return self._woken.is_set()

    def changed(self) -> bool:
        """Wait until the files changed (True) or a poll found nothing (False)."""
        # with reports coming, polling is only a safety net, so it can be slow
        woken = self._woken.wait(self.interval if self._observer is None else 5 * self.interval)
        if woken:
            time.sleep(self.SETTLE)
            self._woken.clear()
            with self._lock:
                reported = set(self._reported)
                self._reported.clear()
            if reported and None not in reported:  # only the files reported: not all 10,000
                return self._look_at(reported)
        now = snapshot(self.folders)
        if now == self.last:
            return False
        self.last = now
        return True

    def _look_at(self, paths: set) -> bool:
        """Whether any of `paths` changed since the last look (and remember it if so)."""
        changed = False
        for path in paths:
            try:
                status = os.stat(path)
                mtime = status.st_mtime_ns if stat.S_ISREG(status.st_mode) else None
            except OSError:
                mtime = None
            if mtime is None:
                changed |= self.last.pop(path, None) is not None
            elif self.last.get(path) != mtime:
                self.last[path] = mtime
                changed = True
        return changed

    def close(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(5)


def _handler(root: Path, generation):
    """Request handler serving `root`: the generation endpoint answers with
    `generation.value`, and HTML pages get the reload script."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass

        def do_GET(self):
            if self.path == RELOAD_PATH:
                body = str(generation.value).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            path = Path(self.translate_path(self.path))
            if generation.value == 0:  # the first build is still running
                self._send_html(BUILDING_PAGE, status=503)
                return
            if path.is_dir():
                if not self.path.split("?", 1)[0].endswith("/"):
                    return super().do_GET()  # redirects to the slash form, so relative links work
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                self._send_html(path.read_bytes())
                return
            super().do_GET()

        def _send_html(self, page: bytes, status: int = 200) -> None:
            body = page.replace(b"</body>", RELOAD_SCRIPT.encode() + b"</body>", 1)
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _run_server(root: str, host: str, port: int, generation, reply) -> None:
    """The server process: bind, say on which port (or why not) through `reply`, then
    serve until told to stop or until the process that started it is gone."""
    try:
        server = http.server.ThreadingHTTPServer((host, port), _handler(Path(root), generation))
    except OSError as err:
        reply.send(f"cannot serve on {host}:{port}: {err.strerror or err}. Choose another port with "
                   "--port, or stop what uses this one.")
        return
    reply.send(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:  # the parent's sentinel is ready when it exits, however it exits
        multiprocessing.connection.wait([multiprocessing.parent_process().sentinel])
    except KeyboardInterrupt:  # Ctrl+C reaches the whole process group; the parent says why
        pass
    finally:
        server.shutdown()
        server.server_close()


class PageServer:
    """The preview's web server, in a process of its own: a rebuild, or the work after it
    (the search index parses all of events.json in one call that holds the interpreter's
    lock for a second at 10,000 articles), never keeps the browser waiting for a page or
    for the news that there are new ones. `generation` counts the builds published."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 8000):
        ctx = multiprocessing.get_context("spawn")  # a small fresh process, not a copy of the model
        self._generation = ctx.Value("q", 0, lock=False)
        here, there = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_run_server, args=(str(root), host, port, self._generation, there),
                                    name="sitegen-serve", daemon=True)
        self._process.start()
        there.close()
        try:
            answer = here.recv()
        except EOFError:
            answer = "the preview server's process ended before it started serving; see its error above"
        finally:
            here.close()
        if isinstance(answer, str):
            self.close()
            raise ServeError(answer)
        self.port = answer

    def published(self) -> None:
        """New pages are out: pages open in a browser reload."""
        self._generation.value += 1

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join(5)


class _Announce:
    """Passed to a rebuild, to tell the browser once its pages are in place; remembers when."""

    def __init__(self, server: PageServer):
        self.server, self.started, self.seconds = server, time.perf_counter(), None

    def __call__(self) -> None:
        if self.seconds is None:
            self.server.published()
            self.seconds = time.perf_counter() - self.started


IDLE_COLLECT = 10.0  # seconds without an edit before the cycle collector walks the heap
MAX_UNCOLLECTED = 8  # builds after which it does regardless, to bound what cycles hold


def serve(out_dir: Path, watch: list[Path],
          rebuild: Callable[[Callable[[], None]], Callable[..., None] | None], *,
          first: Callable[[], object] | None = None,
          host: str = "127.0.0.1", port: int = 8000, interval: float = 0.4) -> None:
    """Serve `out_dir` and call `rebuild(published)` whenever a file under `watch` changes;
    it calls `published()` as soon as the new pages are in place, so the browser reloads
    while the build tidies up. What it returns, if anything, is called after that with a
    function that tells whether another edit came in meanwhile: work the pages need not
    wait for (the data exports, the search index, freeing memory), which stops when told
    so and leaves the rest to the next build. `first()` makes the first site, once the port
    is known to be free (a taken port fails at once, not after a long build); edits made
    meanwhile are rebuilt after it.

    Python's cycle collector walks every object the process holds (3 s at 10,000
    articles) to free the few cycles a build leaves: it runs once edits pause for
    `IDLE_COLLECT` seconds, or after `MAX_UNCOLLECTED` builds, and never by itself, so an
    edit saved soon after another does not wait for it."""
    with collector_on_call():
        _serve(out_dir, watch, rebuild, first, host, port, interval)


def _serve(out_dir: Path, watch: list[Path], rebuild: Callable, first: Callable[[], object] | None,
           host: str, port: int, interval: float) -> None:
    server = PageServer(out_dir, host, port)
    watcher = Watcher(watch, interval)
    uncollected, built = 0, time.monotonic()
    try:
        if first is not None:
            first()
            server.published()
            uncollected, built = 1, time.monotonic()
        print(f"Serving on http://{host}:{server.port}/ (Ctrl+C to stop)", file=sys.stderr)
        while True:
            if not watcher.changed():
                if uncollected and time.monotonic() - built >= IDLE_COLLECT:
                    collect_between_builds()
                    uncollected = 0
                continue
            announce = _Announce(server)
            try:
                follow_up = rebuild(announce)
            except Exception as err:  # keep serving the previous site; say what went wrong
                print(f"Rebuild failed, still serving the previous site:\n{err}", file=sys.stderr)
                continue
            announce()  # if the rebuild had nothing to publish (the site had not changed)
            print(f"Rebuilt in {announce.seconds:.2f}s", file=sys.stderr)
            if follow_up is not None:
                try:
                    follow_up(watcher.pending)
                except Exception as err:  # the pages are new; the rest is done next time
                    print(f"The data exports or the search index were not updated: {err}",
                          file=sys.stderr)
            uncollected, built = uncollected + 1, time.monotonic()
            if uncollected >= MAX_UNCOLLECTED and not watcher.pending():
                collect_between_builds()
                uncollected = 0
    except KeyboardInterrupt:
        pass
    finally:
        watcher.close()
        server.close()
