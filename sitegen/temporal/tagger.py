"""The temporal tagger: finds time expressions in text and normalises them to TIMEX3.

All rules are combined into one regular expression scanned once over the text; each match
is checked against the negative rules, then normalised in text order so that expressions
like "the same month" can refer back to the last time the text set.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from sitegen.model import Precision, Timex
from sitegen.temporal import values
from sitegen.temporal.dates import date_value
from sitegen.temporal.fields import collect
from sitegen.temporal.firstchars import ALPHABET, first_chars, first_strings, fits, prefix_key, prefix_pattern
from sitegen.temporal.resources import Resources, Rule, default_resources, field_name

DOMAINS = ("news", "narratives")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_WORD = re.compile(r"\w+")


_Entry = tuple[re.Pattern[str], Rule]  # a rule and its matcher (see `Rule.matcher`)
_Prefixes = re.Pattern[str] | None  # a rule's `firstchars.prefix_pattern`
# Characters of the text that choose the rules tried there. Longer prefixes rule out more
# ("the c" is no "the same") but take longer to work out when the rules are loaded, which
# every worker process pays: 6 tagged 20% faster than 3 but took 0.5 s more to load.
PREFIX = 3
_MAX_PREFIXES = 50_000  # keys `Compiled.rules_at` remembers before starting afresh


@dataclass(slots=True)
class Compiled:
    """The rules of one domain, each compiled on its own and grouped by how a match can begin.

    `rules_at(key)` lists, in rule order, the rules whose match can begin where the text
    begins with `key`, its next `PREFIX` characters (built on first use): those whose match
    can begin with the first character of `key`, narrowed by the prefixes the rule can begin
    with ("the" leaves out "to", "two", "today"). Trying them one by one and keeping the
    first that matches gives what one alternation of them would match (an alternation takes
    its first branch that matches), and measured about 40% faster than one alternation of
    them per character. Narrowing by prefix lists 0.6 million rules at the candidate words
    of 1,000 news articles instead of 1.5 million, and tags them about 15% faster.
    """

    bodies: tuple[tuple[Rule, frozenset[str] | None, _Prefixes], ...]  # first characters, prefixes
    future: re.Pattern[str]
    past: re.Pattern[str] | None = None
    deadline: re.Pattern[str] | None = None
    told: re.Pattern[str] | None = None  # a verb in the past tense ("said", "was")
    span_end: re.Pattern[str] | None = None  # a word making the date a span's end ("to")
    aside: re.Pattern[str] | None = None  # an aside in a history ("planned", "as against", "since")
    series: re.Pattern[str] | None = None  # text between two dates of one series
    time_day: re.Pattern[str] | None = None  # text between a time of day and its day
    by_char: dict[str, tuple[int, ...]] = field(default_factory=dict)
    by_prefix: dict[str, tuple[_Entry, ...]] = field(default_factory=dict)
    singles: dict[int, _Entry] = field(default_factory=dict)

    def rules_at(self, key: str) -> tuple[_Entry, ...]:
        """The rules worth trying where the text begins with `key` (as written)."""
        found = self.by_prefix.get(key)
        if found is None:
            if len(self.by_prefix) >= _MAX_PREFIXES:
                self.by_prefix.clear()  # a long-lived process that has tagged very varied text
            folded = prefix_key(key)
            found = self.by_prefix[key] = tuple(self._single(i) for i in self._by_first(key[0].lower())
                                                if fits(self.bodies[i][2], folded))
        return found

    def _by_first(self, c: str) -> tuple[int, ...]:
        """The indices of the rules whose match can begin with character `c`."""
        key = c if c in ALPHABET else ""
        found = self.by_char.get(key)
        if found is None:
            found = self.by_char[key] = tuple(i for i, b in enumerate(self.bodies)
                                              if b[1] is None or key in b[1])
        return found

    def _single(self, i: int) -> _Entry:
        entry = self.singles.get(i)
        if entry is None:
            rule = self.bodies[i][0]
            assert rule.matcher is not None, "rules come from `resources.load`, which compiles them"
            entry = self.singles[i] = (rule.matcher, rule)
        return entry


def compile_rules(res: Resources, domain: str = "news") -> Compiled:
    """The domain's rules, ready to scan."""
    bodies = []
    for rule in (r for r in res.rules if domain in r.domains):
        bodies.append((rule, first_chars(rule.pattern), prefix_pattern(first_strings(rule.pattern, PREFIX))))
    tables = res.tables
    future = _words(tables.get("future_cues", {})) or re.compile(r"(?!)")  # (?!): never
    return Compiled(tuple(bodies), future, _words(tables.get("past_cues", {})),
                    _words(tables.get("deadline_words", {}), r"\s+$"),
                    _past_tense(tables),
                    _words(tables.get("span_end_words", {}), r"\s+$"),
                    _words(tables.get("aside_cues", {})),
                    _between(tables.get("series_connectors", {})),
                    _between(tables.get("time_day_links", {})))


def _words(words: dict, after: str = r"(?!\w)") -> re.Pattern[str] | None:
    """Any one of `words`, as whole words, case ignored, followed by `after` (by default,
    the end of the word; a pattern ending in "$": the last word of the text)."""
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alts + ")" + after, re.IGNORECASE)


def _past_tense(tables: dict) -> re.Pattern[str] | None:
    """A verb in the past tense: a listed form ("said", "fell"), or a regular one (a word
    ending in a listed ending, "arrested") that no auxiliary of the present comes before
    ("is expected") and that is not a word that only ends like one ("hundred")."""
    listed = _words(tables.get("past_tense_words", {}))
    endings = tables.get("past_tense_endings", {})
    if not endings:
        return listed
    not_verbs = "|".join(map(re.escape, sorted(tables.get("not_past_tense", {}), key=len, reverse=True)))
    auxiliaries = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in tables.get("present_auxiliaries", {}))
    regular = "|".join(rf"[a-z]{{{max(int(n) - len(e), 1)},}}{re.escape(e)}" for e, n in endings.items())
    pattern = rf"(?<![\w'’-]){auxiliaries}(?-i:(?!(?:{not_verbs or '(?!)'})\b)(?:{regular}))(?![\w'’-])"
    return re.compile(pattern + (f"|{listed.pattern}" if listed else ""), re.IGNORECASE)


def _between(words: dict) -> re.Pattern[str] | None:
    """The text that may stand between two expressions: one of `words`, or punctuation."""
    if not words:
        return None
    alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"\s*(?:[,–—/-]\s*)?(?:(?:" + alts + r")\s+)?", re.IGNORECASE)


@cache
def _compiled_default(domain: str) -> Compiled:
    return compile_rules(default_resources(), domain)


def _clause(text: str, start: int) -> tuple[str, int, int]:
    """The few words leading up to `start` in its clause, as the text and the window's
    bounds (searched in place, so that a word cut by the window is seen whole): where a
    future tense shows ("will meet on Monday"); further back, cues belong to other verbs."""
    lo = max(0, start - 30)
    cut = max((m.end() for m in _CLAUSE_END.finditer(text, lo, start)), default=lo)
    return text, cut, start


_CLAUSE_AFTER_END = re.compile(r"[.!?;:\n]|\s(?:and|but|while|when|after|before|because|since|until)\s")


def _opens_clause(text: str, clause: tuple[str, int, int]) -> bool:
    """Whether at most a preposition comes between the clause's start and the expression."""
    return len(text[clause[1]:clause[2]].split()) <= 1


def _clause_after(text: str, end: int, reach: int = 40) -> tuple[str, int, int]:
    """The words after `end` in its clause, past a comma ("On Monday, the army ...")."""
    hi = min(len(text), end + reach)
    stop = _CLAUSE_AFTER_END.search(text, end, hi)
    return text, end, stop.start() if stop else hi


# a line of a few words without a full stop: a heading (or a date line) in plain text
_HEADING = re.compile(r"^[^\S\n]*[^\s.!?][^\n.!?]{0,59}(?<![.!?:;,])[^\S\n]*$", re.MULTILINE)
_SECTION_PRECISIONS = frozenset({Precision.YEAR, Precision.MONTH, Precision.SEASON, Precision.QUARTER})


def _heading_starts(text: str) -> list[int]:
    """Where the lines that look like headings start."""
    return [m.start() for m in _HEADING.finditer(text)] if "\n" in text else []


def _heading_between(headings: list[int], after: int, before: int) -> bool:
    """Whether a heading line starts after `after` and before `before`."""
    i = bisect_right(headings, after)
    return i < len(headings) and headings[i] < before


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """A time expression that is all its line says ("2014", "## June 2014")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return "\n" in text and not text[line_start:start].strip(" \t#*_") \
        and not text[end:len(text) if line_end < 0 else line_end].strip(" \t#*_:")


def _speaks_of_future(comp: Compiled, clause: tuple[str, int, int], deadline: bool = True) -> bool:
    """A future cue in the clause, or a deadline word just before a month ("by
    February"), and no cue of a past seen from the past ("had been scheduled to expire
    Friday" is over)."""
    if deadline and comp.deadline is not None and comp.deadline.search(*clause):
        return comp.past is None or not comp.past.search(*clause)
    if not comp.future.search(*clause):
        return False
    return comp.past is None or not comp.past.search(*clause)


def _speaks_of_past(comp: Compiled, clause: tuple[str, int, int]) -> bool:
    """A verb in the past tense in the clause ("was told Wednesday", "said Friday"): a
    weekday named there is one gone by, not tomorrow; but not before a word that makes the
    date the end of a span ("was extended to Nov. 16")."""
    return comp.told is not None and comp.told.search(*clause) is not None \
        and (comp.span_end is None or not comp.span_end.search(*clause))


def past_form_in(text: str, start: int, end: int) -> bool:
    """Whether a verb in the past tense ("abducted", "fell") stands in `text[start:end]`,
    as the tagger's tables of tense read it."""
    told = _compiled_default("news").told
    return told is not None and told.search(text, start, end) is not None


def _candidates(res: Resources, text: str) -> list[int]:
    """Word starts where a match may begin: start words up to `window` words before a trigger."""
    triggers, starts, window = res.triggers, res.starts, res.window
    words = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
    positions: set[int] = set()
    for k, (_, word) in enumerate(words):
        if word in triggers or not word.isalpha():
            for j in range(max(0, k - window), k + 1):
                pos, w = words[j]
                if w in starts or not w.isalpha():
                    positions.add(pos)
    return sorted(positions)


def _matches(comp: Compiled, res: Resources, text: str):
    """Leftmost non-overlapping matches of the rules, tried only at candidate starts, each
    with its rule."""
    end = 0
    for pos in _candidates(res, text):
        if pos < end:
            continue
        # a match may start just before the word (an apostrophe in "'80s")
        for start in ((pos - 1, pos) if pos and text[pos - 1] in "'’" else (pos,)):
            m = None
            for entry in comp.rules_at(text[start:start + PREFIX]):
                m = entry[0].match(text, start)
                if m:
                    end = m.end()
                    yield m, entry[1]
                    break
            if m:
                break


def _negated(res: Resources, text: str, start: int, end: int, domain: str) -> bool:
    span = text[start:end]
    for neg in res.negatives:
        if domain not in neg.domains or not neg.text.fullmatch(span):
            continue
        if neg.before is not None and not neg.before.search(text[max(0, start - 60):start]):
            continue
        if neg.after is not None and not neg.after.match(text[end:end + 60]):
            continue
        return True
    return False


def _looks_back(fields: dict, built: values.Built, domain: str) -> bool:
    """A time set before the story's time ("the previous year"), or in news before the
    time the report speaks from ("a year ago", "year-earlier"): a comparison, after which
    the text goes on about its own period."""
    if built.anchor != "previous" and domain != "news":
        return False
    return float(fields.get("rel", 0) or 0) < 0 or float(fields.get("dir", 0) or 0) < 0


def _updates_reference(value: str) -> bool:
    value = value.removeprefix("BC")
    return value[:1].isdigit() and "X" not in value and len(value.split("/")[0].split("T")[0]) >= 4


def tag(text: str, dct: date | None = None, *, domain: str = "news",
        resources: Resources | None = None) -> list[Timex]:
    """Time expressions in `text`, sorted by start and non-overlapping.

    `dct` is the document creation time deictic expressions are anchored on ("yesterday",
    "last month"); without it they stay unresolved. `domain` is "news" (partial dates
    anchored on the dct) or "narratives" (anchored on the last time the text set).
    A range ("between July 16 and 22") is one expression whose value is an interval.
    """
    return [t for t, _ in _tag(text, dct, domain, resources)]


def tag_timex3(text: str, dct: date | None = None, *, domain: str = "news") -> list[dict]:
    """The expressions as TIMEX3 records (start, end, text, type, value, mod) for TimeML tools.

    TIMEX3 has no value for an interval, and TimeML marks the two ends of a range as two
    expressions ("1955" and "1963" in "1955-1963"); ranges are split that way here.
    """
    out = []
    for t, parts in _tag(text, dct, domain, None):
        if not parts:
            out.append(t.to_json())
            continue
        for start, end, value in parts:
            out.append({"start": start, "end": end, "text": text[start:end], "type": t.type,
                        "value": value, "mod": t.mod})
    return out


def _range_parts(m: re.Match[str], value: str) -> tuple[tuple[int, int, str], ...]:
    """Spans and values of the two ends of a range match."""
    groups = [name for name in m.re.groupindex if m.group(name) is not None]
    end_starts = [m.start(name) for name in groups if field_name(name)[1] == "end"]
    if not end_starts or "/" not in value:
        return ()
    second = min(end_starts)
    first_ends = [m.end(name) for name in groups if field_name(name)[1] != "end" and m.start(name) < second]
    if not first_ends:
        return ()
    first_value, _, second_value = value.partition("/")
    return ((m.start(), max(first_ends), first_value), (second, m.end(), second_value))


def _tag(text: str, dct: date | None, domain: str,
         resources: Resources | None) -> list[tuple[Timex, tuple[tuple[int, int, str], ...]]]:
    if domain not in DOMAINS:
        raise ValueError(f"domain must be one of {', '.join(DOMAINS)}, not {domain!r}")
    res = resources or default_resources()
    comp = _compiled_default(domain) if resources is None else compile_rules(res, domain)
    out: list[tuple[Timex, tuple[tuple[int, int, str], ...]]] = []
    yearless: list[bool] = []  # a month or season written without a year
    dayless: list[bool] = []  # a time of day written without its day
    previous: str | None = None
    last_finer: str | None = None
    last_of: dict = {}
    said: str | None = None
    headings = _heading_starts(text)
    section: tuple[str, int] | None = None  # the value of a date heading in force, its line's start
    for m, rule in _matches(comp, res, text):
        start, end = m.span()
        if section is not None and _heading_between(headings, section[1], start):
            section = None  # another heading ("Background") ends the section
        if _negated(res, text, start, end, domain):
            continue
        fields, end_fields = collect(m.groupdict(), res)
        for key, value in rule.defaults:
            fields.setdefault(key, value)
        span_text = text[start:end]
        # "by Wednesday" is as often a past deadline as a coming one; "by February" is ahead
        clause = _clause(text, start)
        future = _speaks_of_future(comp, clause, "weekday" not in fields) if dct or previous else False
        told = not future and dct is not None and _speaks_of_past(comp, clause)
        if dct is not None and _opens_clause(text, clause):
            # "On Monday, the army launched ...", "Until Thursday, they had not called": the
            # verb comes after a date that opens its clause, and the tense it shows there
            # outweighs the preposition before the date; a past form outweighs a cue that
            # may be one too ("the government planned to pay"), while "is expected to" is no
            # past form
            after = _clause_after(text, end)
            told_after = _speaks_of_past(comp, after)
            future_after = not told_after and _speaks_of_future(comp, after, False)
            if told_after or future_after:
                told, future = told_after, future_after
        ctx = values.Context(dct, previous, domain, future, last_of, last_finer, told, said,
                             section[0] if section else None)
        try:
            built = _build(rule, fields, end_fields, ctx, span_text)
        except (OverflowError, ValueError):
            # the calendar ends at years 1 and 9999: past them the expression stays unresolved
            built = _build(rule, fields, end_fields, values.Context(None, None, domain, False), span_text)
        if built is None:
            continue
        bc = "bcyear" in fields or fields.get("era") == "BC" \
            or (previous or "").startswith("BC")
        if bc and built.type in ("DATE", "TIME") and built.value[:1] in "56789":
            built = replace(built, value=values.from_proxy(built.value))
        dv = date_value(built.value, built.mod, spread_days=built.spread_days) \
            if built.type in ("DATE", "TIME") else None
        timex = Timex(start, end, span_text, built.type, built.value, built.mod, dv, built.anchor, rule.name)
        # a month of the Islamic calendar ("the first day of Ramadan", "during Ramadan")
        # describes when, as a season does; the story does not go on from its last day
        concrete = built.type in ("DATE", "TIME") and _updates_reference(built.value) \
            and not ("hijri" in fields and "/" in built.value)
        if concrete:
            said = built.value.split("/")[-1]
        if concrete and domain == "news" and built.anchor == "absolute" and dv is not None \
                and dv.precision in _SECTION_PRECISIONS and _alone_on_its_line(text, start, end):
            # a heading "2014" or "June 2014": what follows is told under it
            section = (built.value.split("/")[0], text.rfind("\n", 0, start) + 1)
        parts = _range_parts(m, built.value) if end_fields else ()
        out.append((timex, parts))
        yearless.append(built.type == "DATE" and not end_fields and built.anchor != "absolute"
                        and ("month" in fields or "season" in fields)
                        and not fields.keys() & _YEAR_GIVEN)
        dayless.append(built.type == "TIME" and ("hour" in fields or "pod" in fields)
                       and not fields.keys() & _DAY_GIVEN)
        story = domain == "narratives" or section is not None
        if concrete and built.anchor != ("dct" if story else "previous") \
                and not _looks_back(fields, built, domain) and not _in_brackets(text, start, end) \
                and not (domain == "narratives" and built.anchor == "absolute" and comp.aside is not None
                         and comp.aside.search(*clause)):
            # in news, a time given relative to an earlier one ("a year earlier") does not
            # become the new reference: the article keeps talking about its own period;
            # in narratives, a time relative to the document date ("today") does not either,
            # and a look back from the story's time ("the previous year") does not move it;
            # nor does a time in brackets, which dates a name ("the Civil Constitution of
            # the Clergy (1790)"), not the story, nor a history's aside: a look ahead ("a
            # campaign planned for 1976"), a comparison ("as against 3,500 in January
            # 2007") or a look back ("the first incursion since 1995")
            # a story told through a span of days or months goes on from its end; a span
            # of years is mostly an aside ("his rule, 1955-1963, ..."), after which the
            # story resumes
            ends = built.value.split("/")
            previous = ends[-1] if len(ends[0]) >= 7 else ends[0]
            if dv is not None and not (domain == "news" and dct and dv.start and dv.start > dct
                                       and dv.precision is Precision.QUARTER):
                # a report compares the quarters it reports on, not those it forecasts
                last_of[dv.precision] = previous
                if dv.precision.rank <= Precision.MONTH.rank:
                    last_finer = previous
            for wider in _WIDER:  # "the decade" is now the one this time falls in
                last_of.pop(wider, None)
        elif dv is not None and dv.precision in _WIDER and built.anchor == "absolute" \
                and "/" not in built.value and not _in_brackets(text, start, end):
            last_of[dv.precision] = built.value  # "in the 1990s ... at the end of the decade"
    _share_with_next(comp, text, out, yearless, dayless)
    return out


_BRACKETS = {"(": ")", "[": "]"}
_WIDER = (Precision.DECADE, Precision.CENTURY)  # named without moving the reference time


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Whether the expression is all there is between a pair of brackets: "(1790)"."""
    opening = text[start - 1:start]
    return opening in _BRACKETS and text[end:end + 1] == _BRACKETS[opening]


_YEAR_GIVEN = frozenset({"year", "yearwords", "bcyear", "relyear", "rel"})
_DAY_GIVEN = frozenset({"day", "weekday", "dayrel", "month", "year", "rel"})
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _share_with_next(comp: Compiled, text: str, out: list, yearless: list[bool], dayless: list[bool]) -> None:
    """Complete an expression from the one right after it, as writers leave out what the
    next says: "June and July 2014" (June 2014), "at 11 pm on Saturday" (Saturday's 11 pm).
    Right to left, so that "June, July and August 2014" passes the year along the series."""
    passed: set[int] = set()  # expressions that took their year from the next
    for i in range(len(out) - 2, -1, -1):
        t, nxt = out[i][0], out[i + 1][0]
        gap = text[t.end:nxt.start]
        value = None
        # the year comes from one the text wrote ("July 2014"), not from one the tagger
        # worked out ("29 June, the first day of Ramadan")
        if yearless[i] and comp.series is not None and comp.series.fullmatch(gap) \
                and not yearless[i + 1] and (nxt.anchor == "absolute" or i + 1 in passed) \
                and nxt.type == "DATE" and nxt.value[:4].isdigit() \
                and nxt.value[4:5] == "-" and t.value[:4].isdigit():
            value = nxt.value[:4] + t.value[4:]
            if t.value[5:7].isdigit() and values.comes_after(value, nxt.value):
                value = f"{int(nxt.value[:4]) - 1:04d}{t.value[4:]}"  # "December and January 2015"
            yearless[i] = False
            passed.add(i)
        elif dayless[i] and comp.time_day is not None and comp.time_day.fullmatch(gap) \
                and _FULL_DAY.match(nxt.value):
            value = nxt.value[:10] + t.value[10:]
        if value is not None and value != t.value:
            out[i] = (replace(t, value=value, date=date_value(value, t.mod)), out[i][1])


def _build(rule: Rule, fields: dict, end_fields: dict, ctx: values.Context, text: str) -> values.Built | None:
    if rule.kind == "date":
        return values.build_date(rule, fields, end_fields, ctx)
    if rule.kind == "shift":
        return values.build_shift(rule, fields, ctx)
    if rule.kind == "offset":
        return values.build_offset(rule, fields, ctx)
    if rule.kind == "duration":
        return values.build_duration(rule, fields, ctx, text)
    if rule.kind == "set":
        return values.build_set(rule, fields)
    if rule.kind == "literal":
        return values.build_literal(rule, fields)
    return values.build_same(rule, fields, ctx)
