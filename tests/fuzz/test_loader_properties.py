"""Whatever a file holds, loading it gives an Article or a ContentError naming that file:
never another exception, and an Article's blocks always point inside its text."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sitegen.errors import ContentError
from sitegen.load.article import load_article
from sitegen.model import Article
from tests.fuzz.strategies import front_matter, hostile_text

FUZZ = settings(derandomize=True, max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def load_bytes(data: bytes, name: str = "2024-05-14-fuzz.md") -> tuple[Path, Article | ContentError]:
    """Write `data` as an article file and load it; the result or the ContentError raised."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles" / name
        path.parent.mkdir()
        path.write_bytes(data)
        try:
            return path, load_article(path, Path(folder))
        except ContentError as err:
            return path, err


def assert_clean(path: Path, result: Article | ContentError) -> None:
    if isinstance(result, ContentError):
        assert result.problems, "a ContentError with no problem"
        for problem in result.problems:
            assert problem.path == str(path), problem
            assert problem.line >= 1 and problem.col >= 1, problem
            assert problem.message.strip(), problem
        assert any(p.is_error for p in result.problems)
        return
    assert result.id == path.stem
    assert isinstance(result.title, str) and result.title.strip()
    assert isinstance(result.publisher, str) and result.publisher.strip()
    assert result.text.strip()
    for block in result.blocks:
        assert 0 <= block.start <= block.end <= len(result.text), block
        assert block.line >= 1
    assert [b.start for b in result.blocks] == sorted(b.start for b in result.blocks)


def dump(mapping: dict) -> str:
    return yaml.safe_dump(mapping, allow_unicode=True, default_flow_style=False, sort_keys=False)


@FUZZ
@given(front=front_matter, body=hostile_text)
def test_random_front_matter_loads_or_is_refused_with_the_file(front, body):
    text = f"---\n{dump(front)}---\n{body}\n"
    assert_clean(*load_bytes(text.encode("utf-8")))


@FUZZ
@given(title=hostile_text, publisher=hostile_text, body=hostile_text,
       published=st.one_of(st.dates(), st.text(max_size=30)))
@example(title='<b>"Headline"</b>', publisher="P", body="Militants attacked Hit on 1 May 2024.",
         published=date(2024, 5, 1))
def test_required_keys_with_hostile_values(title, publisher, body, published):
    front = {"title": title, "publisher": publisher, "published": published, "url": "https://example.org/"}
    path, result = load_bytes(f"---\n{dump(front)}---\n{body}\n".encode())
    assert_clean(path, result)
    if title == '<b>"Headline"</b>':
        assert isinstance(result, Article) and result.title == title


@FUZZ
@given(head=hostile_text, body=hostile_text)
def test_front_matter_that_is_not_yaml(head, body):
    assert_clean(*load_bytes(f"---\n{head}\n---\n{body}\n".encode()))


@FUZZ
@given(data=st.binary(max_size=400), prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"---\n", b"\xff\xfe"]))
def test_arbitrary_bytes(data, prefix):
    assert_clean(*load_bytes(prefix + data))


@settings(derandomize=True, max_examples=10, deadline=None)
@given(depth=st.integers(1, 3000), marker=st.sampled_from(["> ", "- ", "1. ", "* ", "[", "**", "`"]),
       width=st.sampled_from([10, 100_000]))
def test_deep_nesting_and_long_lines(depth, marker, width):
    body = marker * depth + "Militants attacked Hit on 1 May 2024 " + "x" * width
    front = "---\ntitle: T\npublisher: P\npublished: 2024-05-02\n---\n"
    assert_clean(*load_bytes((front + body + "\n").encode()))
