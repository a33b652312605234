"""Per-article extraction cache, keyed by the article's content hash and the code's version.

An entry is trusted only if it unpickles to the expected header; anything else (a
truncated entry, another version's format) is discarded and recomputed, never used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from contextlib import suppress
from functools import lru_cache
from pathlib import Path

import sitegen

FORMAT = 1
# seconds to wait for another build writing to the same cache (it writes in short
# transactions); past that, this build goes on without the cache
LOCK_WAIT = 60.0
_HEADER = b"sitegen-cache"


def tree_digest(root: Path, digest, skip: frozenset[str] = frozenset(), known: dict | None = None) -> None:
    """Feed every file below `root` into `digest`: its path, then the SHA-256 of its bytes,
    in path order. `known`, kept by a process that digests the same tree again and again
    (`sitegen serve`), holds each file's SHA-256 (hex) with its size, modification time and inode;
    a file whose three are unchanged is not read again (as the watcher that started the
    rebuild saw no change in it either). It is left holding the files of this tree only."""
    seen: dict = {}
    for rel, path in _files_below(root, skip):
        stat = os.stat(path)
        stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
        last = known.get(path) if known is not None else None
        if last is not None and last[0] == stamp:
            file_digest = last[1]
        else:
            with open(path, "rb") as fh:
                file_digest = hashlib.sha256(fh.read()).hexdigest()
        seen[path] = (stamp, file_digest)
        digest.update(f"{rel}\0{file_digest}\0".encode())
    if known is not None:
        for path in [p for p in known if p.startswith(str(root) + os.sep) and p not in seen]:
            del known[path]
        known.update(seen)


def _files_below(root: Path, skip: frozenset[str]) -> list[tuple[str, str]]:
    """(path below `root`, path) of every file below it, sorted; linked folders are not
    entered, top-level names in `skip`, `__pycache__` folders and `.pyc` files are left out."""
    found: list[tuple[str, str]] = []
    folders = [(str(root), "")] if root.is_dir() else []  # a missing folder has no files
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if (not prefix and entry.name in skip) or entry.name == "__pycache__":
                    continue
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, f"{prefix}{entry.name}/"))
                elif entry.is_file() and not entry.name.endswith(".pyc"):
                    found.append((f"{prefix}{entry.name}", entry.path))
    return sorted(found)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of sitegen's extraction code and language resources: editing a rule invalidates
    the cache. The theme and the renderer do not change what extraction finds."""
    digest = hashlib.sha256(f"{sitegen.__version__}/{FORMAT}".encode())
    tree_digest(Path(sitegen.__file__).parent, digest, frozenset({"theme", "render"}))
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def site_code_fingerprint() -> str:
    """A hash of all of sitegen, theme included: what a rendered site depends on besides content."""
    digest = hashlib.sha256(f"{sitegen.__version__}/{FORMAT}".encode())
    tree_digest(Path(sitegen.__file__).parent, digest)
    return digest.hexdigest()[:16]


class AnalysisCache:
    """Pickled `Analysis` objects, one per (article digest, code, context), kept in one SQLite
    file in `folder`.

    One file rather than one per article: creating a file costs far more than writing its
    bytes on many file systems (half a millisecond here, ten times the writing), and one
    file is also what a user expects to find, or delete, in a cache folder.
    Entries are written in transactions of `BATCH`; an interrupted build keeps those already
    committed. A file that is not a readable database is replaced by an empty one.

    `memory`, a dict kept by a long-running process between builds (`sitegen serve`), holds
    the entries in memory too, so a rebuild does not read them back from disk; after a build,
    `forget_unused()` leaves it holding only the entries that build used."""

    FILE = "analyses.sqlite"
    BATCH = 256  # entries per transaction: few commits, little held in memory

    def __init__(self, folder: Path | None, context: str = "", memory: dict | None = None):
        self.folder = folder
        self.salt = f"{code_fingerprint()}/{context}"
        self.hits = 0
        self.misses = 0
        self.memory = memory
        self.used: set[str] = set()
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, bytes]] = []

    def forget_unused(self) -> None:
        if self.memory is not None:
            for key in [k for k in self.memory if k not in self.used]:
                del self.memory[key]

    def key(self, digest: str) -> str:
        return hashlib.sha256(f"{self.salt}/{digest}".encode()).hexdigest()

    def _connection(self) -> sqlite3.Connection | None:
        """The open database, opened (and made, or remade if unreadable) on first use; None
        when there is no folder, or it cannot hold a database (the build goes on without)."""
        if self._db is None and self.folder is not None:
            path = self.folder / self.FILE
            for attempt in range(2):
                try:
                    self.folder.mkdir(parents=True, exist_ok=True)
                    made = not path.exists()
                    self._db = _open(path)
                    if made:
                        with suppress(OSError):
                            _remove_old_layout(self.folder)
                    break
                except sqlite3.OperationalError:
                    # locked by another build for a minute, or not openable: leave it be
                    self.folder = None
                    break
                except sqlite3.DatabaseError:  # not a database, or a damaged one
                    if attempt:
                        self.folder = None  # still unusable: no disk cache for this build
                        break
                    _remove_database(path)
                except OSError:
                    self.folder = None
                    break
        return self._db

    def get(self, digest: str):
        if self.memory is not None and digest:
            key = self.key(digest)
            if key in self.memory:
                self.hits += 1
                self.used.add(key)
                return self.memory[key]
        db = self._connection() if digest else None
        if db is None:
            self.misses += 1
            return None
        key = self.key(digest)
        try:
            row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:
            self._failed(exc)
            row = None
        if row is None:
            self.misses += 1
            return None
        try:
            value = self.value_of(digest, row[0])
        except Exception:  # a corrupt entry is discarded, never trusted
            with suppress(sqlite3.DatabaseError):
                db.execute("DELETE FROM entries WHERE key = ?", (key,))
            self.misses += 1
            return None
        self.hits += 1
        self.remember(digest, value)
        return value

    def remember(self, digest: str, value) -> None:
        """Keep `value` in memory only."""
        if self.memory is not None and digest:
            key = self.key(digest)
            self.memory[key] = value
            self.used.add(key)

    def put(self, digest: str, value) -> None:
        self.remember(digest, value)
        if self.folder is not None and digest:
            self.write(digest, self.entry(digest, value))

    def entry(self, digest: str, value) -> bytes:
        """`value` as the bytes of its cache entry: also how a worker process hands it back,
        so that it is pickled once for both."""
        return pickle.dumps((_HEADER, self.key(digest), value), protocol=pickle.HIGHEST_PROTOCOL)

    def value_of(self, digest: str, entry: bytes):
        """The value in an `entry` this cache made for `digest`."""
        header, key, value = pickle.loads(entry)
        if header != _HEADER or key != self.key(digest):
            raise ValueError(f"a cache entry for another article or version than {digest}")
        return value

    def write(self, digest: str, entry: bytes) -> None:
        """Store an `entry` (if there is a folder); it is committed with its batch, or by
        `flush()`."""
        if self.folder is None or not digest:
            return
        self._pending.append((self.key(digest), entry))
        if len(self._pending) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        """Commit the entries written so far."""
        pending, self._pending = self._pending, []
        db = self._connection() if pending else None
        if db is None:
            return
        try:
            with db:  # one transaction
                db.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", pending)
        except sqlite3.DatabaseError as exc:
            self._failed(exc)

    def close(self) -> None:
        """Commit what is pending and close the database."""
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None

    def _failed(self, exc: sqlite3.DatabaseError) -> None:
        """The database failed under us. This build goes on without it (what it would have
        read is computed again); a damaged one is removed, so that the next build starts an
        empty one, but one merely locked or unreachable is left as it is."""
        if self._db is not None:
            with suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        if self.folder is not None and not isinstance(exc, sqlite3.OperationalError):
            _remove_database(self.folder / self.FILE)
        self.folder = None


def _open(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=LOCK_WAIT)
    try:
        # WAL: a build reads while another writes; NORMAL: commits do not wait for the disk,
        # and a crash loses at most the last transactions, never the database
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        db.execute("SELECT count(*) FROM entries WHERE key = ''").fetchone()  # readable?
    except BaseException:
        db.close()
        raise
    return db


def _remove_old_layout(folder: Path) -> None:
    """Remove the entries earlier versions kept as one file each, in folders named by two
    hexadecimal digits: nothing reads them any more."""
    for sub in folder.iterdir():
        if len(sub.name) == 2 and all(c in "0123456789abcdef" for c in sub.name) and sub.is_dir() \
                and not sub.is_symlink():
            for entry in sub.iterdir():
                if entry.suffix in (".pickle", ".tmp") and entry.is_file():
                    entry.unlink(missing_ok=True)
            with suppress(OSError):
                sub.rmdir()  # only if nothing else was in it


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(OSError):  # then the next open fails again, and the build goes on without
            Path(f"{path}{suffix}").unlink(missing_ok=True)
