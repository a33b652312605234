"""Reading a content file's bytes into text: UTF-8 only (a BOM is accepted), never binary.

Problems name the byte offset and the line, so a user can find a stray byte in an editor.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sitegen.errors import Problem

_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SAVE_AS_UTF8 = ("Save the file as UTF-8 (without NUL bytes); "
                 "most editors offer it under 'Save as' or 'Encoding'.")


@dataclass(frozen=True, slots=True)
class SourceText:
    """A file's text with newlines normalised to "\\n", and the sha256 of its bytes."""

    text: str
    digest: str


def read_source(path: Path, shown: str) -> tuple[SourceText | None, list[Problem]]:
    """Read `path` as UTF-8 text; `shown` is how problems name the file."""
    try:
        data = path.read_bytes()
    except OSError as err:
        return None, [Problem(shown, 1, f"cannot read the file: {err.strerror or err}")]
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(_UTF16_32_BOMS):
        return None, [Problem(shown, 1, "the file is UTF-16 or UTF-32 text, not UTF-8", _SAVE_AS_UTF8)]
    nul = data.find(b"\0")
    if nul >= 0:
        line, col = _position(data, nul)
        return None, [Problem(shown, line, f"binary file: NUL byte at byte offset {nul}",
                              "Articles are UTF-8 text files; remove the file or save it as text.",
                              col=col)]
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start + (len(data) - len(body))
        line, col = _position(data, offset)
        return None, [Problem(shown, line, f"not valid UTF-8: byte 0x{data[offset]:02x} at byte offset "
                                           f"{offset}", _SAVE_AS_UTF8, col=col)]
    return SourceText(text.replace("\r\n", "\n").replace("\r", "\n"), digest), []


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and byte column of `offset` in `data`."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1
