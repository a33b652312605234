"""Hypothesis strategies for hostile content: text mixing markup payloads, Unicode that
trips naive code (RTL overrides, combining marks, emoji, zero-width, NUL), date-like words,
Markdown structure, and front matter of every YAML shape."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import strategies as st

PAYLOADS = (
    "<script>alert(1)</script>", "</script><script>alert(2)</script>", "<img src=x onerror=alert(3)>",
    '" onmouseover="alert(4)', "' onfocus='alert(5)' autofocus '", "javascript:alert(6)",
    "data:text/html,<script>alert(7)</script>", "</style><style>*{x:expression(alert(8))}</style>",
    "<!--", "-->", "]]>", "<![CDATA[", "&lt;", "&amp;", "&#x3C;script&#x3E;", "{{ 7*7 }}", "{% raw %}",
    "${7*7}", "<svg/onload=alert(9)>", "<a href=javascript:alert(10)>x</a>", "\\u003c/script\\u003e",
    "=cmd|' /C calc'!A0", "@SUM(1+1)", "../../etc/passwd", "CON", "NUL", "%00", "\x00", "\\",
)
SPECIAL_CHARS = (
    "\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad",
    "\u0301", "\u0308\u0308\u0308", "\U0001f4a5", "\U0001f469\u200d\U0001f4bb", "\u0645\u0635\u062f\u0631",
    "\u05e9\u05dc\u05d5\u05dd", "\u4e2d\u6587", "\u2028", "\u2029", "\x85", "\r", "\t", "\x0b", "\x0c",
    "\x1b[31m", "\ufffd", "\uffff", "\U0010ffff",
)
DATE_WORDS = (
    "on 14 May 2024", "May 14, 2024", "2024-05-14", "last Tuesday", "yesterday", "in late 2017",
    "in the summer of 2014", "between 3 and 5 June", "on the 31st", "in 99999", "on 31 February 2024",
    "in the 1990s", "mid-June", "at 5:08 a.m.", "three days later", "Q3 2020", "2014-2016", "0000-00-00",
    "on Monday, 10 June 2014,", "10^400 killed", "at least 1,000,000,000,000,000 people were killed",
    "four soldiers were killed", "twenty-one were wounded", "May", "march", "Sept.", "2024",
)
MARKDOWN = ("\n\n", "\n", "# ", "## ", "> ", "- ", "1. ", "* ", "**", "_", "`", "```\n", "[", "](", ")",
            "![", "|", "---\n", "    ", "<", ">", "&", "\\")

hostile_text = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(PAYLOADS),
        st.sampled_from(SPECIAL_CHARS),
        st.sampled_from(DATE_WORDS),
        st.sampled_from(MARKDOWN),
        st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{1,8}){0,6}[.,]?", fullmatch=True),
    ),
    max_size=25,
).map("".join)
"""Text made of words, dates, figures, payloads, Markdown marks and odd Unicode."""

sentence_text = st.lists(
    st.one_of(st.sampled_from(DATE_WORDS), st.sampled_from(PAYLOADS), st.sampled_from(SPECIAL_CHARS),
              st.from_regex(r"[A-Z]?[a-z]{1,9}", fullmatch=True)),
    min_size=1, max_size=15,
).map(" ".join)
"""Text that looks more like prose, so extraction and date tagging have something to find."""

_TZ = st.builds(lambda m: timezone(timedelta(minutes=m)), st.integers(-23 * 60 - 59, 23 * 60 + 59))

date_like = st.one_of(
    st.dates(),
    st.datetimes(timezones=st.one_of(st.none(), _TZ)),
    st.dates().map(date.isoformat),
    st.dates().map(lambda d: d.strftime("%d %B %Y")),
    st.dates().map(lambda d: d.strftime("%B %d, %Y")),
    st.datetimes().map(lambda d: d.isoformat() + st_choice_suffix(d)),
    st.from_regex(r"\d{1,5}-\d{1,2}-\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?( ?[+-]\d{2}:?\d{2}|Z| UTC| EST)?",
                  fullmatch=True),
    st.from_regex(r"(\d{1,2} )?(January|Febr?|May|Sept\.|Dec|Foo) \d{1,2},? \d{0,5}", fullmatch=True),
    st.integers(),
    st.floats(allow_nan=True),
    hostile_text,
)
"""Values for date keys: real dates and times in many forms, impossible ones, and junk."""


def st_choice_suffix(moment: datetime) -> str:
    """A time-zone suffix chosen from the moment itself, so the strategy stays deterministic."""
    return ("", "Z", "+03:00", "-11:30", "+25:00", " Asia/Baghdad")[moment.microsecond % 6]


yaml_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), hostile_text, date_like,
)
yaml_value = st.recursive(
    yaml_scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12,
)
"""Any value YAML can hold: scalars, lists and nested mappings."""

KNOWN_KEYS = ("title", "publisher", "url", "published", "updated", "published_inferred", "author",
              "agency", "syndication_of", "language", "translated_from", "archive_url", "accessed", "notes")

front_matter = st.dictionaries(
    st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=15), st.sampled_from(PAYLOADS)),
    st.one_of(yaml_value, date_like, st.sampled_from(PAYLOADS)),
    max_size=10,
)
"""A front-matter mapping: known keys with values of any type, and unknown keys."""
