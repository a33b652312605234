"""One article file -> `Article`: bytes, front matter and body checked together, all problems kept."""

from __future__ import annotations

from pathlib import Path

from sitegen.errors import ContentError, Problem
from sitegen.load.frontmatter import parse_front_matter, split_front_matter
from sitegen.load.markdown import to_plain_text
from sitegen.load.source import SourceText, read_source
from sitegen.model.article import Article


def load_article(path: Path, root: Path) -> Article:
    """The article in `path`; `Article.path` is relative to `root`.

    Raises `ContentError` with every error found in the file (warnings alone do not raise;
    use `read_article` to get them).
    """
    article, problems = read_article(path, root)
    if article is None:
        raise ContentError(problems)
    return article


def read_article(path: Path, root: Path, memo: dict | None = None,
                 digest: str | None = None) -> tuple[Article | None, list[Problem]]:
    """The article (None when it has errors) and every problem found in its file.

    Problems name the file as `path` was given, so they can be opened from where sitegen runs.
    `memo`, kept by the caller between loads of the same corpus, holds what the last call
    found for each file with the hash of its bytes: a file that did not change is not parsed
    again (loading is a pure function of the bytes, the path and `root`). `digest`, when the
    caller knows the SHA-256 of the file's bytes, spares reading a file the memo holds.
    """
    shown = str(path)
    if memo is not None and digest is not None:
        known = memo.get((shown, str(root)))
        if known is not None and known[0] == digest:
            article, found = known[1]
            return article, list(found)
    source, problems = read_source(path, shown)
    if source is None:
        return None, problems
    if memo is None:
        return _parse(path, root, shown, source, problems)
    key = (shown, str(root))
    known = memo.get(key)
    if known is None or known[0] != source.digest:
        known = memo[key] = (source.digest, _parse(path, root, shown, source, problems))
    article, found = known[1]
    return article, list(found)


def _parse(path: Path, root: Path, shown: str, source: SourceText,
           problems: list[Problem]) -> tuple[Article | None, list[Problem]]:
    split, split_problems = split_front_matter(source.text, shown)
    front, front_problems = parse_front_matter(split, shown)
    problems += split_problems + front_problems
    plain = to_plain_text(split.body, split.body_first_line)
    if not plain.text.strip() and split.yaml_text is not None:
        if split.body.strip():  # words are there, but nested beyond what the parser keeps
            problems.append(Problem(shown, split.body_first_line,
                                    "the article's text is nested too deep (quotes or lists inside one "
                                    "another, hundreds of levels) to be read",
                                    "Remove the leading '>' or list markers: article text is plain "
                                    "paragraphs."))
        else:
            problems.append(Problem(shown, split.body_first_line,
                                    "the article has no text after its front matter",
                                    "Paste the article's text below the closing '---' line."))
    if front is None or any(p.is_error for p in problems):
        return None, problems
    article = Article(
        id=path.stem, path=_relative(path, root), title=front.title, publisher=front.publisher,
        url=front.url, published=front.published, text=plain.text, blocks=plain.blocks,
        updated=front.updated, published_inferred=front.published_inferred, meta=dict(front.meta),
        digest=source.digest)
    return article, problems


def _relative(path: Path, root: Path) -> str:
    """`path` relative to `root` in forward-slash form, or its name when it is not under root."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name
