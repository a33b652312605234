"""Writing a site atomically: build into a temporary sibling folder, then swap it into place.

A failed or interrupted build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from sitegen.errors import SitegenError

MARKER = ".sitegen-site"


def check_output_dir(out_dir: Path, content_dir: Path) -> None:
    """Refuse an output folder that would overwrite content or a folder sitegen did not make."""
    out, content = out_dir.resolve(), content_dir.resolve()
    if out == content or out in content.parents or content in out.parents:
        raise SitegenError(
            f"The output folder {out_dir} overlaps the content folder {content_dir}. "
            "Choose an output folder outside the content, e.g. -d site."
        )
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise SitegenError(
            f"The output folder {out_dir} is not empty and was not made by sitegen; "
            "refusing to replace it. Choose another folder with -d, or empty it first."
        )


def read_stamp(out_dir: Path) -> dict:
    """What the build that wrote `out_dir` recorded about itself (its input key, its counts)."""
    try:
        stamp = json.loads((out_dir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stamp if isinstance(stamp, dict) else {}


_REMOVING: list[int] = []  # pids of background removals, reaped on the next call


def _remove_later(folder: Path) -> None:
    """Delete a replaced site without making the build wait for it: on a slow disk, removing
    tens of thousands of files takes longer than writing the new site."""
    for pid in list(_REMOVING):
        try:
            if os.waitpid(pid, os.WNOHANG)[0]:
                _REMOVING.remove(pid)
        except ChildProcessError:
            _REMOVING.remove(pid)
    rm = shutil.which("rm") if os.name == "posix" else None
    if rm is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    _REMOVING.append(os.posix_spawn(rm, [rm, "-rf", "--", str(folder)], dict(os.environ)))


class SiteFiles:
    """Writes the files of a site into `root`. A file whose bytes equal those of the same
    file in `previous` (the site being replaced, if any) is hard-linked from it instead of
    written: nothing is written twice, the file keeps its modification time (so deploy
    tools that compare times skip it), and removing the old site frees little. The old
    site's files are never opened for writing, so it stays intact until it is swapped out.

    With `staged`, `root` is a staging folder for bringing `previous` up to date in place
    (see `SiteUpdate`): unchanged files are neither written nor linked, only changed ones
    are written to `root`.

    Picklable and safe to use from forked workers (each writes its own files)."""

    def __init__(self, root: Path, previous: Path | None = None, *, staged: bool = False):
        self.root = Path(root)
        self.previous = Path(previous) if previous is not None else None
        self.staged = staged and self.previous is not None

    def _unchanged(self, rel: str, data: bytes) -> Path | None:
        """The previous site's copy of `rel` when it holds exactly `data`."""
        if self.previous is None:
            return None
        old = self.previous / rel
        try:
            if old.stat().st_size != len(data):
                return None
            with old.open("rb") as fh:
                return old if fh.read() == data else None
        except OSError:
            return None

    def _link(self, old: Path, target: Path) -> bool:
        try:
            os.link(old, target)
            return True
        except OSError:  # no hard links here (another file system, or none supported)
            return False

    def put(self, rel: str, data: bytes | str) -> None:
        """Write `data` (text is written as UTF-8) to `rel`, a `/`-separated path in the site."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        target = self.root / rel
        old = self._unchanged(rel, data)
        if old is not None and self.staged:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        if old is None or not self._link(old, target):
            target.write_bytes(data)

    def keep(self, rel: str) -> None:
        """The previous site's file `rel`, unchanged: linked (or copied where links fail)."""
        assert self.previous is not None
        if self.staged:
            return
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not self._link(self.previous / rel, target):
            shutil.copyfile(self.previous / rel, target)

    def relink(self, rel: str) -> None:
        """The file `rel`, already written (by another program), is replaced by a link to the
        previous site's copy when that holds the same bytes."""
        if self.previous is None or self.staged:
            return
        target = self.root / rel
        old = self._unchanged(rel, target.read_bytes())
        if old is not None:
            fresh = target.with_name(f".{target.name}.link")
            if self._link(old, fresh):
                os.replace(fresh, target)


class NewSite:
    """A fresh folder beside `out_dir` to write a whole site into, swapped into place by
    `publish()`; removed, leaving the previous site as it was, if anything fails first.

    Use it as a context manager: `with NewSite(out_dir) as site: fill(site.path); site.publish()`.
    """

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir.absolute()
        self.path: Path | None = None
        self.published = False

    def __enter__(self) -> NewSite:
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.new-", dir=self.out_dir.parent))
        return self

    def __exit__(self, *exc) -> None:
        if not self.published and self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)

    def publish(self, stamp: dict | None = None) -> None:
        """Record `stamp` in the site's marker file (so the next build can tell whether anything
        it would write has changed) and swap the new folder into `out_dir`."""
        assert self.path is not None and not self.published
        note = {"note": "This folder is generated by sitegen; it is replaced on every build."}
        (self.path / MARKER).write_text(json.dumps({**note, **(stamp or {})}, indent=1), encoding="utf-8")
        os.chmod(self.path, 0o755)  # mkdtemp makes it private; a published site is world-readable
        old = None
        if self.out_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.old-", dir=self.out_dir.parent))
            os.replace(self.out_dir, old / "site")
        os.replace(self.path, self.out_dir)
        self.published = True
        if old is not None:
            _remove_later(old)



class SiteUpdate:
    """Brings a published site up to date in place: the changed files are written to a
    staging folder beside `out_dir`, then moved into place one by one (each move is atomic)
    and the files the new site no longer has are removed. Much faster than a fresh folder
    when an edit changes a few of many pages (no folder is made for an unchanged page), but
    readers may see the site half-updated for a moment: for a site only its own process
    serves (`sitegen serve`). `old_files` lists every file of the published site. As with
    `NewSite`, a failure before `publish()` leaves the published site as it was."""

    def __init__(self, out_dir: Path, old_files: set[str]):
        self.out_dir = out_dir.absolute()
        self.old_files = old_files
        self.path: Path | None = None
        self.published = False

    def __enter__(self) -> SiteUpdate:
        self.path = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.update-", dir=self.out_dir.parent))
        return self

    def __exit__(self, *exc) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)

    def publish(self, stamp: dict | None, files: set[str]) -> None:
        """Move the staged files into the site, remove those not in `files` (every file of
        the new site), and record `stamp` in the marker file."""
        assert self.path is not None and not self.published
        for folder, _, names in os.walk(self.path):
            for name in names:
                source = Path(folder) / name
                target = self.out_dir / source.relative_to(self.path)
                try:
                    os.replace(source, target)
                except FileNotFoundError:  # a page in a folder the site did not have
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(source, target)
        for rel in sorted(self.old_files - files - {MARKER}):
            target = self.out_dir / rel
            target.unlink(missing_ok=True)
            for parent in target.parents:  # folders left empty go too
                if parent == self.out_dir:
                    break
                try:
                    parent.rmdir()
                except OSError:
                    break
        note = {"note": "This folder is generated by sitegen; it is replaced on every build."}
        fresh = self.out_dir / f".{MARKER}.new"
        fresh.write_text(json.dumps({**note, **(stamp or {})}, indent=1), encoding="utf-8")
        os.replace(fresh, self.out_dir / MARKER)
        self.published = True
