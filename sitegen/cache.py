"""Per-article extraction cache, keyed by the article's content hash and the code's version.

An entry is trusted only if it unpickles to the expected header; anything else (a
truncated file, another version's format) is discarded and recomputed, never used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

import sitegen

FORMAT = 1
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
    """A folder of pickled `Analysis` objects, one file per (article digest, code, context).

    `memory`, a dict kept by a long-running process between builds (`sitegen serve`), holds
    the entries in memory too, so a rebuild does not read them back from disk; after a build,
    `forget_unused()` leaves it holding only the entries that build used."""

    def __init__(self, folder: Path | None, context: str = "", memory: dict | None = None):
        self.folder = folder
        self.salt = f"{code_fingerprint()}/{context}"
        self.hits = 0
        self.misses = 0
        self.memory = memory
        self.used: set[str] = set()

    def forget_unused(self) -> None:
        if self.memory is not None:
            for key in [k for k in self.memory if k not in self.used]:
                del self.memory[key]

    def key(self, digest: str) -> str:
        return hashlib.sha256(f"{self.salt}/{digest}".encode()).hexdigest()

    def _path(self, digest: str) -> Path:
        key = self.key(digest)
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, digest: str):
        if self.memory is not None and digest:
            key = self.key(digest)
            if key in self.memory:
                self.hits += 1
                self.used.add(key)
                return self.memory[key]
        if self.folder is None or not digest:
            self.misses += 1
            return None
        path = self._path(digest)
        try:
            with path.open("rb") as fh:
                header, key, value = pickle.load(fh)
            if header != _HEADER or key != self.key(digest):
                raise ValueError("foreign entry")
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # a corrupt entry is discarded, never trusted
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        self.hits += 1
        self.remember(digest, value)
        return value

    def remember(self, digest: str, value) -> None:
        """Keep `value` in memory only (another process wrote it to the folder)."""
        if self.memory is not None and digest:
            key = self.key(digest)
            self.memory[key] = value
            self.used.add(key)

    def put(self, digest: str, value) -> None:
        self.remember(digest, value)
        if self.folder is not None and digest:
            self.write(digest, self.entry(digest, value))

    def entry(self, digest: str, value) -> bytes:
        """`value` as the bytes of its cache file: also how a worker process hands it back,
        so that it is pickled once for both."""
        return pickle.dumps((_HEADER, self.key(digest), value), protocol=pickle.HIGHEST_PROTOCOL)

    def value_of(self, digest: str, entry: bytes):
        """The value in an `entry` this cache made for `digest`."""
        header, key, value = pickle.loads(entry)
        if header != _HEADER or key != self.key(digest):
            raise ValueError(f"a cache entry for another article or version than {digest}")
        return value

    def write(self, digest: str, entry: bytes) -> None:
        """Store an `entry` in the folder (if there is one)."""
        if self.folder is None or not digest:
            return
        path = self._path(digest)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a crash never leaves a half-written entry under the real name.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(entry)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
