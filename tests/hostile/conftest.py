"""The hostile corpus copied to a temporary folder and built once for all the tests that read it."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitegen.build import BuildReport, build_site

HOSTILE = Path(__file__).resolve().parent / "content"


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` with the sha256 of its bytes (folders: "dir")."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file()
            else "dir" for p in sorted(folder.rglob("*"))}


@dataclass(frozen=True)
class HostileBuild:
    """The content folder built, its digest before the build, the site and the build's report."""

    content: Path
    before: dict[str, str]
    site: Path
    report: BuildReport


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory) -> HostileBuild:
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(HOSTILE, content)
    before = tree_digest(content)
    site = root / "out" / "site"
    report = build_site(content, site, jobs=1, cache_dir=root / "cache")
    return HostileBuild(content, before, site, report)
