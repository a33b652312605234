"""Write a synthetic corpus of news articles shaped like the seeds, for build benchmarks.

Usage: python benchmarks/make_corpus.py N OUT [--seed S]

Writes OUT/articles/*.md (YAML front matter + raw article text with page furniture) and a
marker OUT/.synthetic-corpus.json. The output depends only on N and the seed: all choices
come from one `random.Random(seed)`, never from the clock. Vocabulary, templates, places and
name parts live in `benchmarks/corpus_data/*.yaml`; this module only combines them.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import random
import re
import string
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "corpus_data"
MARKER = ".synthetic-corpus.json"
FIRST_DAY = date(2014, 1, 1)
LAST_DAY = date(2024, 12, 31)
MIN_WORDS, MAX_WORDS = 300, 600
MAX_DATED = 8  # dated events an original story reports at most


# --- tables -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tables:
    """The data files, parsed: calendar words and date forms, places, people, sources, events."""

    calendar: dict
    places: dict
    people: dict
    sources: dict
    events: dict


def load_tables(data_dir: Path = DATA_DIR) -> Tables:
    """Read the generator's data files; a missing or malformed file stops with its name."""
    parts = {}
    for name in ("calendar", "places", "people", "sources", "events"):
        path = data_dir / f"{name}.yaml"
        try:
            parts[name] = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise SystemExit(f"{path}: {exc}") from exc
        if not isinstance(parts[name], dict):
            raise SystemExit(f"{path}: expected a mapping at the top level")
    return Tables(**parts)


# --- the cast and the pool of underlying events -----------------------------------------------

@dataclass(frozen=True)
class Person:
    """One person of the corpus's cast: the name as first written, and the role given with it."""

    name: str
    full: str  # with the rank spelled out ("Colonel Khalid al-Lami")
    short: str  # with the abbreviated rank ("Col Khalid al-Lami")
    last: str
    role: str


@dataclass(frozen=True)
class PoolEvent:
    """An underlying event several articles may report, each in its own words and figures."""

    id: int
    kind: str
    day: date
    country: str
    province: str
    town: str
    town2: str
    region: str
    base: str
    operation: str
    killed: int
    wounded: int
    officer: Person
    spokesman: Person
    official: Person
    leader: Person
    claim_delay: int  # days between the event and the group's claim


@dataclass
class World:
    """The fixed background a corpus shares: cast by province and kind, and the event pool."""

    officers: dict[str, list[Person]] = field(default_factory=dict)
    officials: dict[str, list[Person]] = field(default_factory=dict)
    spokesmen: list[Person] = field(default_factory=list)
    westerners: list[Person] = field(default_factory=list)
    militants: list[Person] = field(default_factory=list)
    pool: list[PoolEvent] = field(default_factory=list)
    pool_days: list[date] = field(default_factory=list)


def _provinces(tables: Tables, country: str) -> list[str]:
    return list(tables.places[country])


def _person(rng: random.Random, firsts: list, families: list, role: str,
            rank: list | None = None) -> Person:
    first = rng.choice(firsts)
    if rng.random() < 0.3:
        first = f"{first} {rng.choice(firsts)}"
    last = rng.choice(families)
    name = f"{first} {last}"
    if rank is None:
        return Person(name, name, name, last, role)
    return Person(name, f"{rank[0]} {name}", f"{rank[1]} {name}", last, role)


def _fill_role(rng: random.Random, template: str, tables: Tables, province: str) -> str:
    country = "Syria" if province in tables.places["Syria"] else "Iraq"
    towns = tables.places[country][province]
    return template.format(province=province, town=rng.choice(towns),
                           unit=rng.choice(tables.people["unit_names"]))


def make_world(rng: random.Random, tables: Tables, n_articles: int) -> World:
    """Cast people per province and draw the pool of underlying events the articles share."""
    people = tables.people
    roles = people["roles"]
    world = World()
    scale = 1 + n_articles // 1000
    kurdish = {"Erbil", "Sulaymaniyah", "Duhok", "Kirkuk"}
    for province in _provinces(tables, "Iraq"):
        world.officers[province] = [
            _person(rng, people["iraqi_first"], people["iraqi_family"],
                    _fill_role(rng, rng.choice(roles["iraqi_officer"]), tables, province),
                    rng.choice(people["military_ranks"] + people["police_ranks"]))
            for _ in range(3 * scale)]
        officials = []
        for _ in range(2 * scale):
            if province in kurdish and rng.random() < 0.6:
                officials.append(_person(rng, people["kurdish_first"], people["kurdish_family"],
                                         _fill_role(rng, rng.choice(roles["kurdish_official"]),
                                                    tables, province)))
            else:
                officials.append(_person(rng, people["iraqi_first"], people["iraqi_family"],
                                         _fill_role(rng, rng.choice(roles["iraqi_official"]),
                                                    tables, province)))
        world.officials[province] = officials
    for province in _provinces(tables, "Syria"):
        world.officials[province] = [
            _person(rng, people["syrian_first"], people["syrian_family"],
                    _fill_role(rng, rng.choice(roles["syrian_official"]), tables, province))
            for _ in range(2 * scale)]
        world.officers[province] = [
            _person(rng, people["syrian_first"], people["syrian_family"],
                    _fill_role(rng, rng.choice(roles["syrian_official"]), tables, province),
                    rng.choice(people["military_ranks"]))
            for _ in range(2 * scale)]
    world.spokesmen = [
        _person(rng, people["iraqi_first"], people["iraqi_family"], rng.choice(roles["iraqi_spokesman"]),
                rng.choice(people["military_ranks"][3:]) if rng.random() < 0.6 else None)
        for _ in range(6 * scale)]
    world.westerners = [
        _person(rng, people["western_first"], people["western_family"], role)
        for role in roles["western_official"] for _ in range(scale)]
    world.militants = []
    for _ in range(30 * scale):
        if rng.random() < 0.5:
            name = f"{rng.choice(people['kunya'])} {rng.choice(people['nisba'])}"
            last = name.split()[-1]
        else:
            person = _person(rng, people["iraqi_first"], people["iraqi_family"], "")
            name, last = person.name, person.last
        role = _fill_role(rng, rng.choice(roles["militant"]), tables, rng.choice(_provinces(tables, "Iraq")))
        world.militants.append(Person(name, name, name, last, role))

    kinds = tables.events["kinds"]
    kind_names = sorted(kinds)
    span = (LAST_DAY - FIRST_DAY).days - 7
    pool = []
    for i in range(max(10, n_articles // 3)):
        kind = rng.choice(kind_names)
        spec = kinds[kind]
        country = spec["country"] if spec["country"] != "any" else rng.choice(["Iraq", "Iraq", "Syria"])
        province = rng.choice(_provinces(tables, country))
        towns = tables.places[country][province]
        lo, hi = spec["killed"]
        wlo, whi = spec["wounded"]
        pool.append(PoolEvent(
            id=i, kind=kind, day=FIRST_DAY + timedelta(days=rng.randrange(span)),
            country=country, province=province, town=rng.choice(towns), town2=rng.choice(towns),
            region=rng.choice(tables.places["regions"][country]),
            base=rng.choice(tables.places["bases"]),
            operation=rng.choice(tables.events["operations"]),
            killed=rng.randint(lo, hi), wounded=rng.randint(wlo, whi),
            officer=rng.choice(world.officers[province]),
            spokesman=rng.choice(world.spokesmen if country == "Iraq" else world.officials[province]),
            official=rng.choice(world.officials[province]),
            leader=rng.choice(world.militants),
            claim_delay=rng.choice([0, 1, 1, 2])))
    pool.sort(key=lambda e: (e.day, e.id))
    world.pool = pool
    world.pool_days = [e.day for e in pool]
    return world


# --- date expressions ------------------------------------------------------------------------

def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def date_keys(family: str, day: date, pub: date) -> list[str]:
    """The keys of `calendar.yaml` forms of `family` that are true for `day` seen from `pub`."""
    delta = (pub - day).days
    keys: list[str] = []
    if family == "day":
        keys.append("absolute")
        if day.year == pub.year and delta >= 0:
            keys.append("same_year")
        if 2 <= delta <= 6:
            keys += ["this_week", "this_week"]
        if delta == 1:
            keys += ["yesterday", "this_week"]
        if delta == 0:
            keys.append("today")
        if 2 <= delta <= 9:
            keys.append("days_ago")
        if 13 <= delta <= 15:
            keys.append("weeks_ago")
    elif family == "month":
        keys.append("absolute")
        if day.year == pub.year and day.month < pub.month:
            keys.append("same_year")
        if day.year == pub.year and day.month == pub.month and delta > 0:
            keys.append("this_month")
        if _month_index(pub) - _month_index(day) == 1:
            keys.append("last_month")
        if day.year == pub.year - 1:
            keys.append("last_year")
    elif family == "year":
        keys.append("absolute")
        if day.year == pub.year - 1:
            keys.append("last_year")
        if day.year == pub.year and day.month < pub.month:
            keys.append("this_year")
    elif family == "year_end" and day.month >= 10:
        keys.append("absolute")
        if day.year == pub.year - 1:
            keys.append("last_year")
    elif family == "year_start" and day.month <= 3 and (day.year < pub.year or pub.month > 4):
        keys.append("absolute")
        if day.year == pub.year - 1:
            keys.append("last_year")
    elif family == "season" and day.month not in (12, 1, 2):
        if day.year < pub.year or pub.month > day.month + 3:
            keys.append("absolute")
    return keys


def date_phrase(rng: random.Random, tables: Tables, day: date, pub: date, families: list[str],
                prefer_relative: bool = False) -> str:
    """A written date for `day` in one of `families`, true when read on `pub`."""
    cal = tables.calendar
    options = [(f, k) for f in families for k in date_keys(f, day, pub)]
    if not options:
        options = [("year", "absolute")]
    if prefer_relative:
        relative = [o for o in options if o[1] != "absolute"]
        if relative and rng.random() < 0.8:
            options = relative
    family, key = rng.choice(options)
    template = rng.choice(cal["forms"][family][key])
    delta = (pub - day).days
    words = cal["number_words"]
    return template.format(
        Month=cal["months"][day.month - 1], d=day.day, yyyy=day.year,
        Weekday=cal["weekdays"][day.weekday()], season=cal["seasons"][day.month],
        n=words[delta] if 0 <= delta < len(words) else delta)


def interval_phrase(rng: random.Random, tables: Tables, start: date, end: date) -> str:
    """A written span of days ("between July 16 and 22")."""
    cal = tables.calendar
    key = "same_month" if start.month == end.month else "absolute"
    return rng.choice(cal["forms"]["interval"][key]).format(
        Month=cal["months"][start.month - 1], Month2=cal["months"][end.month - 1],
        d=start.day, d2=end.day, yyyy=end.year)


# --- sentences -------------------------------------------------------------------------------

_FIELD = re.compile(r"\{([A-Za-z_0-9]+)\}")
_CHOICE = re.compile(r"\[([^\[\]]*\|[^\[\]]*)\]")


def fill(rng: random.Random, template: str, slots: dict[str, str]) -> str:
    """Pick one of each `[a|b|c]`, fill `{slot}` placeholders (case-insensitive, `_cap` suffix
    ignored) and capitalise the first letter."""
    def one(match: re.Match) -> str:
        key = match.group(1).lower().removesuffix("_cap")
        if key not in slots:
            raise KeyError(f"unknown placeholder {{{match.group(1)}}} in template: {template}")
        return slots[key]
    chosen = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    text = _FIELD.sub(one, chosen)
    return text[:1].upper() + text[1:]


def _count(n: int, words: list[str]) -> str:
    return words[n] if 0 <= n < len(words) else str(n)


def _figures(rng: random.Random, tables: Tables, killed: int, wounded: int, victims: list[str]) -> dict:
    """Casualty phrases for one article: each source may give its own figure for an event."""
    words = tables.calendar["number_words"]
    killed = max(2, killed + rng.choice([0, 0, 0, 0, -1, 1, 2]))
    wounded = max(1, wounded + rng.choice([0, 0, 0, -1, 1, 3]))
    noun = rng.choice(victims)
    at_least = "at least " if rng.random() < 0.3 else ""
    others = killed - 1
    return {
        "killed": f"{at_least}{_count(killed, words)} {noun}",
        "killed_n": _count(killed, words), "killed_num": str(killed),
        "killed_minus": "one other" if others == 1 else f"{_count(others, words)} others",
        "killed_plus": _count(killed + 1, words),
        "wounded_n": _count(wounded, words), "wounded_num": str(wounded), "victims": noun,
    }


def event_slots(rng: random.Random, tables: Tables, event: PoolEvent, pub: date, families: list[str],
                prefer_relative: bool) -> dict[str, str]:
    """Everything a template about `event` may name, as written in one article on `pub`."""
    spec = tables.events["kinds"][event.kind]
    groups = tables.events["groups"]
    group = rng.choice(groups)
    short = rng.choice(["ISIS", "ISIS", "IS", "Islamic State"])
    claim_day = min(event.day + timedelta(days=event.claim_delay), pub)
    slots = {
        "group": group, "group_short": short,
        "when": date_phrase(rng, tables, event.day, pub, families, prefer_relative),
        "claim_when": date_phrase(rng, tables, claim_day, pub, ["day"], True),
        "town": event.town, "town2": event.town2, "province": event.province, "country": event.country,
        "region": event.region, "base": event.base, "operation": event.operation,
        "distance": str(20 + (event.id * 37) % 380),
        "officer": event.officer.short, "officer_full": event.officer.full,
        "officer_last": event.officer.last, "officer_role": event.officer.role,
        "spokesman": event.spokesman.short if rng.random() < 0.5 else event.spokesman.full,
        "spokesman_role": event.spokesman.role,
        "official": event.official.name, "official_role": event.official.role,
        "leader": event.leader.name, "leader_role": event.leader.role,
        "ministry": rng.choice(tables.events["ministries"]),
    }
    slots.update(_figures(rng, tables, event.killed, event.wounded, spec["victims"]))
    return slots


# --- articles --------------------------------------------------------------------------------

@dataclass(frozen=True)
class GeneratedArticle:
    """One synthetic article: its file name, front matter and raw text."""

    filename: str
    front_matter: dict
    body: str

    def markdown(self) -> str:
        head = yaml.safe_dump(self.front_matter, sort_keys=False, allow_unicode=True, width=1000)
        return f"---\n{head}---\n\n{self.body}\n"


_SLUG_CHARS = set(string.ascii_lowercase + string.digits)


def slugify(title: str, words: int = 8) -> str:
    cleaned = "".join(c if c in _SLUG_CHARS else " " for c in title.lower())
    return "-".join(cleaned.split()[:words]) or "article"


def _word_count(lines: list[str]) -> int:
    return sum(len(line.split()) for line in lines)


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    """Group sentences into paragraphs, one per paragraph or several, as the publisher's style."""
    if rng.random() < 0.6:
        return sentences
    out, i = [], 0
    while i < len(sentences):
        take = rng.randint(2, 4)
        out.append(" ".join(sentences[i:i + take]))
        i += take
    return out


@dataclass
class _Story:
    """An original story while it is written: kept so aggregators can reprint its text."""

    title: str
    pub: date
    text_lines: list[str]
    agency: str | None
    country: str


def _furniture(rng: random.Random, tables: Tables, pub: date,
               event: PoolEvent | None) -> tuple[list[str], list[str], datetime | None]:
    """Page furniture above and below the text, and the update time when the page shows one."""
    src = tables.sources
    cal = tables.calendar
    top: list[str] = []
    bottom: list[str] = []
    updated = None
    if rng.random() < 0.35:
        top.append(rng.choice(src["furniture_top"]).format(n=rng.randint(1, 4)))
    if event is not None and rng.random() < 0.35:
        top.append(rng.choice(src["captions"]).format(
            town=event.town, province=event.province, credit=rng.choice(src["photo_credits"]),
            Weekday=cal["weekdays"][event.day.weekday()]))
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        line = rng.choice(src["furniture_bottom"])
        if "{date_long}" in line:
            updated = datetime(pub.year, pub.month, pub.day) + timedelta(
                days=rng.choice([0, 1]), hours=rng.randint(0, 23), minutes=rng.randint(0, 59))
            hour = updated.hour % 12 or 12
            line = line.format(date_long=f"{cal['months'][updated.month - 1]} {updated.day}, {updated.year}",
                               time=f"{hour}:{updated.minute:02d} {'AM' if updated.hour < 12 else 'PM'}")
        else:
            line = line.format(yyyy=pub.year)
        if line not in bottom:
            bottom.append(line)
    return top, bottom, updated


def _recalled(rng: random.Random, world: World, pub: date, main: PoolEvent) -> list[PoolEvent]:
    """Earlier pool events a story recalls: often recent ones, sometimes years old."""
    k = bisect.bisect_left(world.pool_days, pub - timedelta(days=1))
    if k == 0:
        return []
    chosen: dict[int, PoolEvent] = {}
    for _ in range(rng.choice([1, 2, 2, 3, 4])):
        lo = max(0, k - 25) if rng.random() < 0.5 else 0
        event = world.pool[rng.randrange(lo, k)]
        if event.id != main.id:
            chosen[event.id] = event
    return sorted(chosen.values(), key=lambda e: e.day)


def write_story(rng: random.Random, tables: Tables, world: World, main: PoolEvent,
                pub: date) -> tuple[str, list[str], list[str], int]:
    """Title, standfirst-and-lead lines, body sentences of an original story about `main`, and
    how many dated events those sentences report (3 to MAX_DATED)."""
    events = tables.events
    spec = events["kinds"][main.kind]
    slots = event_slots(rng, tables, main, pub, ["day"], prefer_relative=True)
    title = fill(rng, rng.choice(spec["headline"]), slots)
    head: list[str] = []
    if rng.random() < 0.5:
        head.append(fill(rng, rng.choice(spec["standfirst"]), slots))
    lead_template = rng.choice(spec["lead"])
    lead = fill(rng, lead_template, slots)
    if rng.random() < 0.45:
        capital = tables.places[main.country][main.province][0].upper()
        dateline = rng.choice(tables.sources["datelines"][main.country] + [capital, capital])
        if rng.random() < 0.5:
            head.append(f"{dateline} –")
        else:
            lead = f"{dateline} – {lead}"
    head.append(lead)

    details = rng.sample(spec["details"], k=min(len(spec["details"]), rng.randint(3, 5)))
    must = [fill(rng, t, slots) for t in details]
    dated = 1 + any("{claim_when}" in t for t in [lead_template, *details])
    recalled = _recalled(rng, world, pub, main)[:MAX_DATED - dated - 2]
    dated += len(recalled)
    for event in recalled:
        families = ["day", "month", "month", "year"]
        rs = event_slots(rng, tables, event, pub, families, prefer_relative=True)
        must.append(fill(rng, rng.choice(events["kinds"][event.kind]["recall"]), rs))
    history = [h for h in events["history"] if h["date"] < pub]
    k = min(len(history), rng.choice([1, 1, 2, 3]), MAX_DATED - dated)
    dated += k
    for item in rng.sample(history, k=k):
        hs = dict(slots)
        hs["when"] = date_phrase(rng, tables, item["date"], pub, item["forms"])
        must.append(fill(rng, rng.choice(item["text"]), hs))
    if dated < MAX_DATED and (rng.random() < 0.3 or dated < 3):
        dated += 1
        end = pub - timedelta(days=rng.randint(3, 20))
        start = end - timedelta(days=6)
        ts = dict(slots, interval=interval_phrase(rng, tables, start, end), n=str(rng.randint(6, 40)))
        must.append(fill(rng, rng.choice(events["tallies"]), ts))
    return title, head, must, dated


def _extras(rng: random.Random, tables: Tables, world: World, main: PoolEvent, pub: date,
            room: int) -> list[str]:
    """Background sentences and quotes, shuffled, to bring a story to length; at most `room`
    of the quotes say when they were said (each is one more dated event)."""
    events = tables.events
    base = {"group": rng.choice(events["groups"]), "group_short": rng.choice(["ISIS", "IS"]),
            "province": main.province, "town": main.town, "yyyy_prev": str(pub.year - 1)}
    out = [fill(rng, t, base) for t in rng.sample(events["background"], k=min(14, len(events["background"])))]
    dated = [t for t in events["quotes"] if "{when}" in t]
    undated = [t for t in events["quotes"] if "{when}" not in t]
    for template in rng.sample(dated, k=min(room, rng.choice([0, 1, 1, 2]))) + rng.sample(undated, k=2):
        who = rng.choice([main.spokesman, main.official, rng.choice(world.westerners)])
        said = pub - timedelta(days=rng.randint(2, 150))
        when = date_phrase(rng, tables, said, pub, ["day", "month", "month"], prefer_relative=True)
        quote = fill(rng, template, dict(base, speaker=f"{who.full}, {who.role},", when=when))
        out.append(quote.replace(",,", ",").replace(",.", "."))
    rng.shuffle(out)
    return out


def compose(rng: random.Random, head: list[str], must: list[str], extras: list[str],
            top: list[str], bottom: list[str]) -> list[str]:
    """Lay out a story between its furniture at a length of 300-600 words."""
    target = rng.randint(MIN_WORDS + 20, MAX_WORDS - 20)
    fixed = _word_count(head) + _word_count(top) + _word_count(bottom)
    body = list(must)
    while body and fixed + _word_count(body) > MAX_WORDS:
        body.pop()
    pos = 0
    for sentence in extras:
        if fixed + _word_count(body) >= target:
            break
        if fixed + _word_count(body) + len(sentence.split()) > MAX_WORDS:
            continue
        pos = min(len(body), pos + rng.randint(1, 3))
        body.insert(pos, sentence)
    return top + head + _paragraphs(rng, body) + bottom


def generate(n: int, seed: int = 0, tables: Tables | None = None) -> list[GeneratedArticle]:
    """`n` synthetic articles, the same for the same `n` and `seed`."""
    tables = tables or load_tables()
    rng = random.Random(seed)
    world = make_world(rng, tables, n)
    src = tables.sources
    stories: list[_Story] = []
    wire_stories: list[_Story] = []
    used: set[str] = set()
    out: list[GeneratedArticle] = []
    for _ in range(n):
        if wire_stories and rng.random() < 0.08:
            article = _reprint(rng, tables, rng.choice(wire_stories))
        else:
            main = rng.choice(world.pool)
            pub = min(LAST_DAY, main.day + timedelta(days=rng.choice([0, 1, 1, 1, 2, 3, 6])))
            title, head, must, dated = write_story(rng, tables, world, main, pub)
            extras = _extras(rng, tables, world, main, pub, MAX_DATED - dated)
            publisher = rng.choice(src["publishers"])
            agency = rng.choice(src["wires"]) if rng.random() < 0.25 else None
            text = compose(rng, head, must, extras, [], [])
            story = _Story(title, pub, text, agency, main.country)
            stories.append(story)
            if agency:
                wire_stories.append(story)
            top, bottom, updated = _furniture(rng, tables, pub, main)
            if rng.random() < 0.4:
                top = [title] + top
            lines = top + text + bottom
            if _word_count(lines) > MAX_WORDS:
                lines = text
                updated = None
            article = _article(title, publisher["name"], publisher["domain"], publisher["path"],
                               pub, updated, agency, lines)
        name = article.filename
        stem = name.removesuffix(".md")
        k = 2
        while name in used:
            name = f"{stem}-{k}.md"
            k += 1
        used.add(name)
        out.append(GeneratedArticle(name, article.front_matter, article.body))
    return out


def _article(title: str, publisher: str, domain: str, path: str, pub: date, updated: datetime | None,
             agency: str | None, lines: list[str]) -> GeneratedArticle:
    slug = slugify(title)
    front: dict = {"title": title, "publisher": publisher,
                   "url": f"https://{domain}/{path}/{pub:%Y/%m/%d}/{slug}/", "published": pub}
    if updated is not None:
        front["updated"] = updated
    if agency:
        front["agency"] = agency
    return GeneratedArticle(f"{pub.isoformat()}-{slug}.md", front, "\n\n".join(lines))


def _reprint(rng: random.Random, tables: Tables, story: _Story) -> GeneratedArticle:
    """A wire story copied verbatim by an aggregator site, with that site's furniture."""
    site = rng.choice(tables.sources["aggregators"])
    title = story.title if rng.random() < 0.5 else f"{story.title} |"
    pub = story.pub + timedelta(days=rng.choice([0, 0, 1]))
    top, bottom, updated = _furniture(rng, tables, pub, None)  # updated on or after its own date
    if title.endswith("|"):
        top = [title] + top
    lines = top + story.text_lines + bottom
    if _word_count(lines) > MAX_WORDS:
        lines, updated = story.text_lines, None
    return _article(title.rstrip(" |"), site["name"], site["domain"], "news", pub, updated,
                    story.agency, lines)


def generator_digest() -> str:
    """A hash of this script and its data files: a corpus made by another version differs."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(DATA_DIR.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def corpus_marker(n: int, seed: int) -> dict:
    """What the marker file of a corpus of `n` articles from `seed` holds."""
    return {"articles": n, "seed": seed, "generator": generator_digest()}


def write_corpus(n: int, out: Path, seed: int = 0) -> list[Path]:
    """Write `n` articles to `out/articles/` (replacing a previous synthetic corpus there)."""
    articles_dir = out / "articles"
    marker = out / MARKER
    if articles_dir.is_dir() and any(articles_dir.glob("*.md")):
        if not marker.is_file():
            raise SystemExit(f"{articles_dir} already holds articles that this script did not write; "
                             "choose an empty folder")
        for old in articles_dir.glob("*.md"):
            old.unlink()
    articles_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in generate(n, seed):
        path = articles_dir / article.filename
        path.write_text(article.markdown(), encoding="utf-8")
        paths.append(path)
    marker.write_text(json.dumps(corpus_marker(n, seed)) + "\n", encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="output folder (articles go to OUT/articles/)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    paths = write_corpus(args.n, args.out, args.seed)
    print(f"wrote {len(paths)} articles to {args.out / 'articles'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
