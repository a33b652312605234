"""Event mentions: which time expressions date an event, what happened, who says so.

A time expression becomes a mention when it dates a trigger in its own clause; durations,
frequencies, vague references, covered periods ("for the fourth quarter of 2023") and
future dates do not. Anchored expressions ("two days after the raid", "the same month")
are resolved against the earlier mention they point to. Claims of responsibility and
confirmations are tied (`follows`) to the mention they respond to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from sitegen.extract.anchors import AnchorMatch, find_anchors_in, resolve
from sitegen.extract.attach import attach, consequence
from sitegen.extract.clauses import clause_of, clause_spans
from sitegen.extract.dates import mention_date
from sitegen.extract.entities import DEMONYM, REFERENCE
from sitegen.extract.figures import find_figures_in
from sitegen.extract.speakers import speaker
from sitegen.extract.summary import summarize
from sitegen.extract.triggers import Trigger, find_triggers_in, lexicon
from sitegen.model.entity import EntityRef
from sitegen.model.event import Figure, Mention
from sitegen.model.text import Span
from sitegen.model.time import DateValue, Precision, Timex
from sitegen.temporal.dates import date_value
from sitegen.temporal.tagger import past_form_in
from sitegen.text.tables import compile_pattern, read_rows, resource

_RECALL_AFTER = timedelta(days=45)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}$")  # "the attack", "this week's raid"
_RELATIVE = re.compile(r"[\s,]*(?:that|which|who)\s+", re.IGNORECASE)  # "the war that began ..."
# a subject a relative clause can tell of: a noun phrase with its article ("The war"), so
# that "We want to ensure that ..." (a verb's complement) is none
_DETERMINERS = r"(?:the|a|an|this|these|those|its|his|her|their|our)"
_NOUN_PHRASE = re.compile(_DETERMINERS + r"\s+[\w\s'’-]+", re.IGNORECASE)
_MAX_HEAD_WORDS = 6  # the noun phrase a relative clause tells of ("The war", "The 2003 invasion")
_FIGURE_REACH = 4  # sentences an untimed casualty sentence may be from its event
_UNIT_PRECISION = {"day": Precision.DAY, "week": Precision.WEEK, "month": Precision.MONTH,
                   "year": Precision.YEAR}
_MODALITY = {"claim": "claimed", "statement": "announced", "announcement": "announced", "report": "reported"}


@dataclass
class _Draft:
    """A mention under construction (mutable until every rule has run)."""

    id: str
    index: int
    sentence: Span
    timex: Timex
    date: DateValue
    trigger: Trigger
    type: str
    modality: str = "happened"
    claimed_by: str | None = None
    anchor: str | None = None
    follows: str | None = None
    figures: list[Figure] = field(default_factory=list)
    extra: list[EntityRef] = field(default_factory=list)  # from untimed sentences about it
    # the words that tell it when the sentence tells more: (start, end, and the subject
    # written before them), see `_own_words`
    words: tuple[int, int, str] | None = None

    @property
    def kind(self) -> str:
        return lexicon().type_class(self.type)


@cache
def _contexts() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    rules = []
    for row in read_rows(resource("events", "contexts.tsv"), 3, 3):
        name, side, regex = row.fields
        if side not in ("before", "after", "self", "sentence"):
            raise row.fail(f"side must be before, after, self or sentence, not {side!r}")
        rules.append((name, side, compile_pattern(row, regex, re.IGNORECASE)))
    return tuple(rules)


def not_event_reason(text: str, timex: Timex, published: date | None,
                     sentence: Span | None = None) -> str | None:
    """Why a time expression dates no event (None when it may): its type, value or context."""
    if timex.type not in ("DATE", "TIME") or timex.date is None:
        return f"{timex.type.lower()} is not a date"
    if "REF" in timex.value:
        return "vague reference"
    if timex.value.startswith("XXXX-XX-XXT"):
        # "at night", "night-time assaults": a time of some day the text does not name
        return "time of no day"
    before, after = text[max(0, timex.start - 60):timex.start], text[timex.end:timex.end + 30]
    around = before + "<T>" + after
    if sentence is not None:
        around = text[sentence.start:timex.start] + "<T>" + text[timex.end:sentence.end]
    for name, side, pattern in _contexts():
        target = {"before": before, "after": after, "self": timex.text, "sentence": around}[side]
        if pattern.search(target):
            return name
    if published is not None and timex.date.start is not None and timex.date.start > published:
        return "future date"
    return None


def _after_place(text: str, trig: Trigger, refs: list[EntityRef], kind_of: Callable[[str], str]) -> bool:
    """Whether a place's name stands right before `trig` ("Baghdad fell")."""
    return any(r.end <= trig.start and not text[r.end:trig.start].strip() and trig.start - r.end <= 2
               and kind_of(r.entity_id) == "place" for r in refs)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _weekday_gone_by(text: str, sentence: Span, tx: Timex, published: date | None,
                     triggers: list[Trigger]) -> Timex | None:
    """"Gunmen abducted three engineers in Kirkuk on Sunday" in a Saturday report: the
    tagger reads a weekday named alone as the coming one when no past form stands right
    before it; the event's own verb in a past form says it is the one gone by."""
    if tx.rule != "weekday" or tx.date is None or tx.date.start is None or published is None \
            or not 0 < (tx.date.start - published).days < 7:
        return None
    trig = attach(text, sentence, tx.start, tx.end, triggers)
    if trig is None or trig.word.pos != "verb" or not past_form_in(text, trig.start, trig.end):
        return None
    day = tx.date.start - timedelta(days=7)
    return replace(tx, value=day.isoformat(), date=date_value(day.isoformat(), tx.mod))


def _pool(drafts: list[_Draft], item: AnchorMatch) -> list[_Draft]:
    """The mentions an anchored expression may point back to: "two days after a suicide
    bomber killed eight" counts from the event, not from a statement about it."""
    if item.rule == "event-earlier":
        return [d for d in drafts if d.kind != "communication"] or drafts
    return drafts


def _as_event_earlier(text: str, item: AnchorMatch, triggers: list[Trigger]) -> AnchorMatch:
    """"Three months after the group seized Mosul": no event noun after "after" but the
    subject of a clause, whose verb tells an event that long before the one just told (as
    "two days after a suicide bomber killed eight" does); the expression then ends with
    "after", the clause being the event's own words."""
    if item.rule != "event-offset" or item.noun is None or item.noun in lexicon().words:
        return item
    verb = next((t for t in triggers if t.start >= item.end), None)
    if verb is None or verb.word.pos != "verb" or len(text[item.end:verb.start].split()) > 2:
        return item
    if item.dir_end is None:
        return item
    return replace(item, end=item.dir_end, text=text[item.start:item.dir_end], rule="event-earlier",
                   amount=-item.amount, noun=None)


def _antecedent(drafts: list[_Draft], noun: str | None, unit: str | None = None) -> _Draft | None:
    """The latest earlier mention an anchored expression points to: by the noun's type
    ("after the raid"), else the latest dated at least as finely as the unit ("a day later"
    counts from a day, not from a month named in passing)."""
    dated = list(drafts)  # an undated antecedent gives an undated mention, never a guess
    if noun:
        word = lexicon().words.get(noun)
        if word is None:
            return None
        same = [d for d in dated if d.type == word.type or d.trigger.word.surface == noun]
        if not same:
            same = [d for d in dated if d.kind == lexicon().type_class(word.type)]
        return same[-1] if same else None
    if unit in _UNIT_PRECISION:
        fine = [d for d in dated if d.date.precision.rank <= _UNIT_PRECISION[unit].rank]
        if fine:
            return fine[-1]
    return dated[-1] if dated else None


def _content_trigger(text: str, sentence: Span, trig: Trigger, triggers: list[Trigger],
                     attached: set[int]) -> Trigger | None:
    """What a claim of responsibility is for, when that event has no date of its own."""
    clauses = clause_spans(text, sentence.start, sentence.end)
    own = clause_of(clauses, trig.start)
    for other in triggers:
        if other.start <= trig.start or lexicon().type_class(other.type) == "communication":
            continue
        if other.start in attached or clause_of(clauses, other.start) != own or other.start - trig.end > 60:
            return None
        return other
    return None


def _claim_before(text: str, sentence: Span, trig: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """A claim verb governing `trig` ("ISIS claimed ... the murder of ..."), if any."""
    for other in triggers:
        if other.start < trig.start and other.has("claim"):
            return other
    return None


def find_mentions(article_id: str, text: str, published: date | None, sentences: list[Span],
                  timexes: list[Timex], refs: list[EntityRef],
                  kind_of: Callable[[str], str]) -> tuple[Mention, ...]:
    """Every event mention of an article, in text order."""
    drafts: list[_Draft] = []
    triggers_of = {i: [t for t in found if not t.has("place") or _after_place(text, t, refs, kind_of)]
                   for i, found in enumerate(find_triggers_in(text, sentences))}
    # an anchored date needs a trigger in its sentence to date anything
    with_triggers = [i for i, found in triggers_of.items() if found]
    anchors_of = dict.fromkeys(range(len(sentences)), [])
    anchors_of.update(zip(with_triggers, find_anchors_in(text, [sentences[i] for i in with_triggers]),
                          strict=True))
    for index, sentence in enumerate(sentences):
        triggers = triggers_of[index]
        anchors = anchors_of[index]
        items: list[tuple[int, int, object]] = [(a.start, a.end, a) for a in anchors]
        for tx in timexes:
            if sentence.start <= tx.start < sentence.end and not any(
                    _overlaps((tx.start, tx.end), (a.start, a.end)) for a in anchors):
                items.append((tx.start, tx.end, tx))
        here: list[_Draft] = []
        for start, end, item in sorted(items, key=lambda i: i[0]):
            anchor_id = antecedent = None
            if isinstance(item, AnchorMatch):
                item = _as_event_earlier(text, item, triggers)
                end = item.end
                antecedent = _antecedent(_pool(drafts + here, item), item.noun, item.unit)
                if antecedent is None:
                    # "In 2014, the group swept across Iraq. In June of that year, it seized
                    # Mosul": no event told before it, but the tagger read the time given
                    own = _around(timexes, start, end)
                    if own is None or own.type != "DATE":
                        continue
                    item, start, end = own, own.start, own.end
            if isinstance(item, Timex):
                reason = not_event_reason(text, item, published, sentence)
                if reason == "future date":
                    item = _weekday_gone_by(text, sentence, item, published, triggers)
                    reason = None if item is not None else reason
                if reason or item is None:
                    continue
                timex = item
                value = mention_date(item.date)  # type: ignore[arg-type]
            else:
                assert isinstance(item, AnchorMatch) and antecedent is not None  # see above
                value = resolve(item, antecedent.date)
                told = _around(timexes, start, end)
                words = item.text
                if told is not None and told.mod and told.value == value.value and value.mod is None:
                    # "later that month": the month's end, told by the words around the anchor
                    value = replace(value, mod=told.mod)
                    start, end, words = told.start, told.end, told.text
                elif told is not None and _finer_within(told, value):
                    # "October of that year": the month the words name, in the year of the
                    # event the anchor refers to
                    value = mention_date(date_value(value.value + told.value[len(value.value):], told.mod))
                    start, end, words = told.start, told.end, told.text
                anchor_id = antecedent.id
                timex = Timex(start, end, words, "DATE", value.value, value.mod,
                              value, "previous", f"event-anchor:{item.rule}")
            if isinstance(item, Timex) or item.rule != "event-earlier":
                trig = attach(text, sentence, start, end, triggers)
            else:  # "two days after a suicide bomber killed eight": the event told next
                trig = next((t for t in triggers if t.start >= end), None)
            if trig is None:
                continue
            draft = _Draft(f"{article_id}/{sentence.start}-{start}", index, sentence, timex, value,
                           trig, trig.type, anchor=anchor_id)
            here.append(draft)
        _settle_sentence(text, sentence, here, triggers, refs, kind_of)
        _own_words(text, here)
        drafts.extend(here)
    _link_follow_ups(text, drafts, triggers_of, refs)
    _attach_figures(text, published, sentences, drafts, refs, kind_of, triggers_of)
    spans: dict[int, list[tuple[int, int]]] = {}
    for d in drafts:
        spans.setdefault(d.index, []).append((d.timex.start, d.timex.end))
    return tuple(_finish(d, text, published, refs, spans[d.index]) for d in drafts)


def _around(timexes: list[Timex], start: int, end: int) -> Timex | None:
    """The tagger's expression holding `start:end` (an anchor's words), if any."""
    return next((tx for tx in timexes if tx.start <= start and end <= tx.end), None)


def _finer_within(told: Timex, value: DateValue) -> bool:
    """Whether the tagger's expression around an anchor ("October of that year" around
    "that year") names a finer part of the anchor's period, written the same way."""
    v, finer = value.value, told.value
    return told.type in ("DATE", "TIME") and v[:4].isdigit() and finer[:4].isdigit() \
        and len(finer) > len(v) and finer[len(v)] == "-" and finer[:len(v)].count("-") == v.count("-")


_AND = re.compile(r"\s+and\s+(?:then\s+|later\s+)?")
_MAX_SUBJECT_WORDS = 8


def _own_words(text: str, here: list[_Draft]) -> None:
    """The words each mention of a sentence is summarised from, where the sentence tells
    more than it: a relative clause after the subject or an object (`_relative_head`,
    `_relative_object`); two dated verbs sharing a subject ("Saddam was captured near Tikrit
    in December 2003 and hanged on December 30, 2006"), each kept to its own verb and date,
    the second with the subject before it ("Saddam was hanged"); a clause after "three
    months after", or after ", prompting", told apart from what comes before it."""
    for d in here:
        d.words = _relative_head(text, d) or _relative_object(text, d)
    verbs = sorted((d for d in here if d.trigger.word.pos == "verb" and d.trigger.start < d.timex.start
                    and d.sentence.start <= d.timex.start < d.sentence.end), key=lambda d: d.trigger.start)
    for first, second in zip(verbs, verbs[1:], strict=False):
        first_end = max(first.trigger.end, first.timex.end)
        if first_end > second.trigger.start or not _AND.fullmatch(text, first_end, second.trigger.start):
            continue
        subject = text[first.sentence.start:first.trigger.start].strip()
        if not subject or len(subject.split()) > _MAX_SUBJECT_WORDS or "," in subject:
            continue
        first.words = (first.sentence.start, first_end, "")
        second.words = (second.trigger.start, second.sentence.end, subject)
    for d in here:
        # "formed in September 2014, three months after the group seized Mosul": the event
        # counted back to is told by the clause after "after"
        if d.timex.rule == "event-anchor:event-earlier":
            _split_at(here, d, d.timex.start, d.timex.end)
            continue
        # "..., prompting retaliatory US strikes early the next month": what came of an
        # event told before the comma, summarised from the words after "prompting"
        lead = consequence().search(text, d.sentence.start, d.trigger.start)
        if lead is not None and d.timex.start >= lead.start():
            _split_at(here, d, lead.start(), lead.end(), only_after_another=True)


def _split_at(here: list[_Draft], d: _Draft, cut: int, own_start: int, *,
              only_after_another: bool = False) -> None:
    """`d` is told by the words from `own_start` to the end of its sentence, and the
    mentions told wholly before `cut` stop there (unless their words are chosen already);
    with `only_after_another`, only when such a mention exists."""
    before = [o for o in here if o is not d and max(o.trigger.end, o.timex.end) <= cut]
    if only_after_another and not before:
        return
    d.words = (own_start, d.sentence.end, "")
    for o in before:
        o.words = o.words or (o.sentence.start, cut, "")


def _settle_sentence(text: str, sentence: Span, here: list[_Draft], triggers: list[Trigger],
                     refs: list[EntityRef], kind_of: Callable[[str], str]) -> None:
    """Modality, claimant and claim content of the mentions of one sentence."""
    attached = {d.trigger.start for d in here}
    for draft in here:
        trig = draft.trigger
        if trig.has("claim"):
            content = _content_trigger(text, sentence, trig, triggers, attached)
            # the event claimed is dated in the sentence already when a mention of its kind
            # is there ("claimed on Thursday two explosions that killed 100 on Wednesday"):
            # the claim then stays a claim and follows it
            told = lexicon().type_class(content.type) if content is not None else None
            if content is not None and not any(d is not draft and (d.trigger is content or d.kind == told)
                                               for d in here):
                draft.claimed_by = speaker(text, sentence, trig, refs, kind_of)
                draft.trigger, draft.type, draft.modality = content, content.type, "claimed"
                continue
        if draft.kind == "communication":
            draft.modality = _MODALITY.get(draft.type, "announced")
            draft.claimed_by = speaker(text, sentence, trig, refs, kind_of)
            continue
        claim = _claim_before(text, sentence, trig, triggers)
        if claim is not None:
            draft.modality = "claimed"
            draft.claimed_by = speaker(text, sentence, claim, refs, kind_of)
    # "claimed on Tuesday responsibility for an attack on Monday", "gunmen killed three soldiers
    # on Monday, police said on Tuesday": the statement is about the event its sentence dates
    for draft in here:
        if draft.kind != "communication":
            continue
        reported = [d for d in here if d.kind != "communication"]
        if reported:
            draft.follows = min(reported, key=lambda d: abs(d.trigger.start - draft.trigger.start)).id


def _definite_event(text: str, sentence: Span, exclude: tuple[int, int],
                    triggers: list[Trigger]) -> str | None:
    """The class of an event named with a definite article in the sentence ("the attack")."""
    for trig in triggers:
        if exclude[0] <= trig.start < exclude[1] or lexicon().type_class(trig.type) == "communication":
            continue
        if trig.word.pos == "noun" and _DEFINITE.search(text[max(sentence.start, trig.start - 30):
                                                             trig.start]):
            return lexicon().type_class(trig.type)
    return None


def _names_in(span: Span, refs: list[EntityRef]) -> set[str]:
    return {r.entity_id for r in refs if span.start <= r.start < span.end and r.role != REFERENCE}


def _link_follow_ups(text: str, drafts: list[_Draft], triggers_of: dict[int, list[Trigger]],
                     refs: list[EntityRef]) -> None:
    """A confirmation or claim about "the attack" follows the earlier mention of that attack."""
    for i, draft in enumerate(drafts):
        if draft.follows or draft.kind != "communication":
            continue
        triggers = triggers_of[draft.index]
        responds = any(t.has("follow") or t.has("claim") for t in triggers)
        cls = _definite_event(text, draft.sentence, (draft.timex.start, draft.timex.end), triggers)
        if cls is None:
            continue
        earlier = [d for d in drafts[:i] if d.kind == cls and d.index < draft.index and not d.follows]
        if not earlier:
            continue
        names = _names_in(draft.sentence, refs)
        # "claimed the Sadr City attack": the earlier event sharing a name, else the article's
        # lead event (what "the attack" means when nothing narrows it)
        target = max(earlier, key=lambda d: len(names & _names_in(d.sentence, refs)))
        same_day = (target.date.precision.value == "day" and draft.date.precision.value == "day"
                    and target.date.value == draft.date.value)
        soon_after = (target.date.resolved and draft.date.resolved
                      and target.date.start <= draft.date.start  # type: ignore[operator]
                      and (draft.date.start - target.date.end).days <= 7)  # type: ignore[operator]
        if same_day or (responds and soon_after) or (responds and not draft.date.resolved):
            draft.follows = target.id


def _untimed_target(index: int, published: date | None, drafts: list[_Draft]) -> _Draft | None:
    """The violent event an untimed sentence most likely tells more about: the one told just
    before it (a story continues the event it has just named), else the next one, within a
    few sentences; between equally near ones, the current news before the recalled past."""
    near = [d for d in drafts if abs(d.index - index) <= _FIGURE_REACH and not d.follows
            and d.kind == "violence"]
    if not near:
        return None

    def recalled(d: _Draft) -> bool:
        return not (published is None or d.date.end is None or d.date.end >= published - _RECALL_AFTER)

    return min(near, key=lambda d: (d.index > index, abs(d.index - index), recalled(d)))


def _attach_figures(text: str, published: date | None, sentences: list[Span], drafts: list[_Draft],
                    refs: list[EntityRef], kind_of: Callable[[str], str],
                    triggers_of: dict[int, list[Trigger]]) -> None:
    """Figures go to the mention of their sentence, or to the nearest violent event nearby;
    an untimed sentence with casualties or naming "the attack" also lends it its entities."""
    by_index: dict[int, list[_Draft]] = {}
    for d in drafts:
        by_index.setdefault(d.index, []).append(d)
    # a sentence matters only with a mention of its own or a violent one within reach
    reach = set(by_index)
    for d in drafts:
        if not d.follows and d.kind == "violence":
            reach.update(range(d.index - _FIGURE_REACH, d.index + _FIGURE_REACH + 1))
    needed = [i for i in range(len(sentences)) if i in reach]
    figures_of = dict(zip(needed, find_figures_in(text, [sentences[i] for i in needed]), strict=True))
    for index in needed:
        sentence = sentences[index]
        figures = figures_of[index]
        triggers = triggers_of[index]
        own = by_index.get(index, [])
        if not own and _definite_event(text, sentence, (0, 0), triggers) == "violence" or (
                not own and any(f.kind not in ("fighters", "troops") for f in figures)):
            target = _untimed_target(index, published, drafts)
            if target is not None:
                target.extra.extend(r for r in refs if sentence.start <= r.start < sentence.end
                                    and r.role != REFERENCE)
        if not figures:
            continue
        claimant = None
        talk = [t for t in triggers if t.has("speech")]
        if talk:
            claimant = speaker(text, sentence, talk[0], refs, kind_of)
        for fig in figures:
            fig = replace(fig, claimed_by=claimant)
            if own:
                target = min(own, key=lambda d: abs(d.trigger.start - fig.start))
                if target.follows:
                    target = next((d for d in drafts if d.id == target.follows), target)
            else:
                if fig.kind in ("fighters", "troops"):
                    continue  # a standing strength ("there are 2,500 troops"), not an event's toll
                found = _untimed_target(index, published, drafts)
                if found is None:
                    continue
                target = found
            target.figures.append(fig)


def _clause_range(text: str, d: _Draft) -> tuple[int, int]:
    """The clauses holding the trigger and the time expression of a mention."""
    clauses = clause_spans(text, d.sentence.start, d.sentence.end)
    first = clause_of(clauses, min(d.trigger.start, d.timex.start))
    last = clause_of(clauses, max(d.trigger.start, d.timex.start))
    return clauses[first][0], clauses[last][1]


def _relative_head(text: str, d: _Draft) -> tuple[int, int, str] | None:
    """For a mention around a relative clause right after the sentence's subject, the words
    that tell it, as (start, end, subject): "The war that began on March 20, 2003 toppled
    ..." tells that the war began; in "The offensive, which began on 17 October 2016, ended
    in July 2017" the first date goes with "began" and the second with "ended"."""
    if not d.sentence.start <= d.timex.start < d.sentence.end:
        return None
    clauses = clause_spans(text, d.sentence.start, d.sentence.end)
    if len(clauses) < 2:
        return None
    rel = _RELATIVE.match(text, clauses[1][0])
    head = text[clauses[0][0]:clauses[0][1]].strip()
    if rel is None or not 1 <= len(head.split()) <= _MAX_HEAD_WORDS or not _NOUN_PHRASE.fullmatch(head) \
            or (lexicon().matcher.search(head) and not d.trigger.has("light")):
        return None
    first, last = sorted((d.trigger.start, d.timex.start))
    closing = text.find(",", rel.end(), clauses[1][1]) if text[clauses[1][0]] == "," else -1
    if closing < 0 or first < closing:  # the mention is told inside the relative clause
        inside = closing if closing >= 0 else clauses[1][1]
        if clause_of(clauses, first) != 1 or last >= inside or d.timex.start < d.trigger.start:
            return None
        return rel.end(), d.timex.end, head
    if clause_of(clauses, first) != 1:  # after it: the subject's own predicate
        return None
    return closing + 1, clauses[1][1], head


_DETERMINER = re.compile(_DETERMINERS, re.IGNORECASE)
_PREPOSITION = re.compile(r"(?:of|in|on|at|after|before|during|with|by|for|from|to|over|against|"
                          r"between|among|amid|about|into)", re.IGNORECASE)


def _looks_like_verb(word: str) -> bool:
    """A verb of the trigger lexicon ("said", "announced"), or a past form as the tagger's
    tense tables read it ("reached", "fell")."""
    entry = lexicon().words.get(word.lower())
    return (entry is not None and entry.pos == "verb") or past_form_in(word, 0, len(word))


def _relative_object(text: str, d: _Draft) -> tuple[int, int, str] | None:
    """For a mention told in a relative clause after a noun phrase further on in the
    sentence, the noun phrase and the clause: "agreed to set up a higher military commission,
    which met for the first time on Aug. 4" tells that the commission met; "after months of
    negotiations that began in January" that negotiations began."""
    if not d.sentence.start <= d.timex.start < d.sentence.end:
        return None
    clauses = clause_spans(text, d.sentence.start, d.sentence.end)
    k = clause_of(clauses, d.trigger.start)
    rel = _RELATIVE.match(text, clauses[k][0]) if k else None
    if rel is None or d.trigger.start < rel.end() or clause_of(clauses, d.timex.start) != k:
        return None
    words = text[clauses[k - 1][0]:clauses[k][0]].split()[-_MAX_HEAD_WORDS:]
    cut = max((i for i, w in enumerate(words) if _DETERMINER.fullmatch(w)), default=None)
    if cut is None:  # "months of negotiations that ...", but not "to ensure that ..."
        cut = max((i + 1 for i, w in enumerate(words) if _PREPOSITION.fullmatch(w) and w.lower() != "to"),
                  default=None)
    head = " ".join(words[cut:]) if cut is not None else ""
    if not head or not re.fullmatch(r"[\w\s'’-]+", head) \
            or head.split()[-1].lower() in ("it", "them", "him", "her", "which", "that") \
            or any(_looks_like_verb(w) for w in head.split()[1:]):
        return None  # "the ministry said that ...": a verb's complement, not a relative clause
    comma = text.find(",", d.trigger.end, clauses[k][1])  # where a relative clause closes
    return rel.end(), comma if comma >= 0 else clauses[k][1], head


def _finish(d: _Draft, text: str, published: date | None, refs: list[EntityRef],
            timex_spans: list[tuple[int, int]]) -> Mention:
    sentence_text = d.sentence.of(text)
    role = "report"
    if published is not None and d.date.end is not None and d.date.end < published - _RECALL_AFTER:
        role = "recall"
    start, end = _clause_range(text, d)
    entities = tuple(r for r in refs if start <= r.start < end)
    if all(r.role in (REFERENCE, DEMONYM) for r in entities):
        # the clause names no one (an adjective at most): the sentence's participants stand in
        entities = tuple(r for r in refs if d.sentence.start <= r.start < d.sentence.end)
    entities += tuple(r for r in d.extra if r not in entities)
    base = d.sentence.start
    subordinate = (start > d.sentence.start and len(text[start:end].split()) >= 5
                   and d.kind != "communication")
    if (len(timex_spans) > 1 or subordinate) and (end - start > 40 or text[start] == ";"):
        # several dates, or a recall in a subordinate clause: keep to this mention's clauses
        # (however short after a semicolon, which opens a sentence of its own)
        base = start + len(text[start:end]) - len(text[start:end].lstrip(" ,;:–—"))
    if d.words is not None:
        # the subject, then only the words of this mention's own predicate
        rest_start, rest_end, subject = d.words
        while rest_start < rest_end and text[rest_start].isspace():
            rest_start += 1
        shift = rest_start - len(subject) - 1  # where the piece would start in `text`
        piece = subject + " " + text[rest_start:rest_end]
        inside = rest_start <= d.timex.start and d.timex.end <= rest_end
        # a date counted from another event ("two days after ...") stands outside the words
        summary = summarize(piece, d.timex.start - shift, d.timex.end - shift) if inside \
            else summarize(piece, 0, 0)
    else:
        # the rest of the sentence dates something else ("..., and its leader declared a
        # caliphate later that month"): stop where this mention's clauses end
        several = end - start > 40 and any(a >= end for a, _ in timex_spans)
        piece = text[base:end if base != d.sentence.start or several else d.sentence.end]
        others = tuple((a - base, b - base) for a, b in timex_spans
                       if (a, b) != (d.timex.start, d.timex.end) and a >= base)
        summary = summarize(piece, d.timex.start - base, d.timex.end - base, others)
    return Mention(
        id=d.id, article_id=d.id.split("/")[0], sentence=d.sentence, sentence_text=sentence_text,
        timex=d.timex, date=d.date, type=d.type, summary=summary, modality=d.modality,
        claimed_by=d.claimed_by, trigger=text[d.trigger.start:d.trigger.end], entities=entities,
        figures=tuple(sorted(d.figures, key=lambda f: f.start)), role=role, anchor=d.anchor,
        follows=d.follows, trigger_start=d.trigger.start)
