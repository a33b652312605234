"""A hand-made Timeline for the renderer tests: five articles, six events, two eras, an
undated event, disagreeing figures, and hostile strings (markup, quotes, javascript: URLs)
in titles, publishers, names and URLs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitegen.model import (
    Article,
    Block,
    DateValue,
    Entity,
    EntityKind,
    EntityRef,
    Era,
    Event,
    Figure,
    Mention,
    Precision,
    Span,
    Timeline,
    Timex,
)
from sitegen.model.article import Analysis
from sitegen.render import RenderSettings, render_site

HOSTILE_TITLE = '<script>alert("title")</script> Mosul "report"'
HOSTILE_PUBLISHER = 'Al "Quote" & <i>Co</i>'
HOSTILE_URL = "javascript:alert(1)"
HOSTILE_NAME = '<b>Bad</b> & "Co"'
HOSTILE_ALIAS = 'x" onmouseover="alert(1)'


def day(text: str) -> DateValue:
    d = date.fromisoformat(text)
    return DateValue(text, Precision.DAY, d, d)


class Writer:
    """Builds one article's text and records the offsets of what is written into it."""

    def __init__(self, article_id: str):
        self.id = article_id
        self.text = ""
        self.blocks: list[Block] = []
        self.sentences: list[Span] = []
        self.furniture: list[Span] = []
        self.timexes: list[Timex] = []
        self.refs: list[EntityRef] = []

    def block(self, kind: str, *sentences: str, furniture: bool = False) -> None:
        if self.text:
            self.text += "\n\n"
        start = len(self.text)
        for i, sentence in enumerate(sentences):
            if i:
                self.text += " "
            s_start = len(self.text)
            self.text += sentence
            (self.furniture if furniture else self.sentences).append(Span(s_start, len(self.text)))
        self.blocks.append(Block(start, len(self.text), len(self.blocks) * 2 + 1, kind))

    def find(self, needle: str, after: int = 0) -> tuple[int, int]:
        start = self.text.index(needle, after)
        return start, start + len(needle)

    def timex(self, words: str, value: str, dv: DateValue | None) -> Timex:
        start, end = self.find(words)
        t = Timex(start, end, words, "DATE", value, dv.mod if dv else None, dv)
        self.timexes.append(t)
        return t

    def ref(self, entity_id: str, words: str) -> EntityRef:
        start, end = self.find(words)
        r = EntityRef(entity_id, start, end, words)
        self.refs.append(r)
        return r

    def sentence_of(self, offset: int) -> Span:
        return next(s for s in self.sentences if s.start <= offset < s.end)

    def figure(self, words: str, kind: str, low: int, high: int | None, qualifier: str | None = None,
               group: str | None = "people", claimed_by: str | None = None) -> Figure:
        start, end = self.find(words)
        return Figure(kind, low, high, qualifier, group, words, start, end, claimed_by)

    def mention(self, timex: Timex, type_: str, summary: str, *, refs: tuple[EntityRef, ...] = (),
                figures: tuple[Figure, ...] = (), modality: str = "happened", role: str = "report",
                ) -> Mention:
        sentence = self.sentence_of(timex.start)
        return Mention(f"{self.id}/{sentence.start}-{timex.start}", self.id, sentence,
                       sentence.of(self.text), timex,
                       timex.date or DateValue("", Precision.UNKNOWN, None, None),
                       type_, summary, modality=modality, entities=refs, figures=figures, role=role)

    def analysis(self, mentions: tuple[Mention, ...]) -> Analysis:
        return Analysis(self.id, tuple(self.sentences), tuple(self.furniture), tuple(self.timexes),
                        tuple(self.refs), mentions)


def build_timeline() -> Timeline:
    entities = {
        "isis": Entity("isis", EntityKind.ORGANIZATION, "ISIS", ("IS", "ISIL", "Daesh"), ("داعش",)),
        "iraq": Entity("iraq", EntityKind.PLACE, "Iraq", native_names=("العراق",), lat=33.0, lon=44.0),
        "mosul": Entity("mosul", EntityKind.PLACE, "Mosul", native_names=("الموصل",), parent="iraq",
                        lat=36.34, lon=43.13),
        "baghdad": Entity("baghdad", EntityKind.PLACE, "Baghdad", parent="iraq"),
        "hawija": Entity("hawija", EntityKind.PLACE, "Hawija", parent="iraq"),
        "abadi": Entity("abadi", EntityKind.PERSON, "Haider al-Abadi", ("al-Abadi",), ("حيدر العبادي",)),
        "evil": Entity("evil", EntityKind.ORGANIZATION, HOSTILE_NAME, (HOSTILE_ALIAS,)),
    }
    # Article 1: the fall of Mosul, a day-level date, an open casualty figure, furniture.
    a1 = Writer("2014-06-12-mosul-falls")
    a1.block("heading", "Mosul falls to ISIS")
    a1.block("paragraph", "ISIS fighters seized Mosul on 10 June 2014, officials said.",
             "At least 500 people were killed.")
    a1.block("paragraph", "Share this article.", furniture=True)
    t1 = a1.timex("10 June 2014", "2014-06-10", day("2014-06-10"))
    r1 = (a1.ref("isis", "ISIS fighters"), a1.ref("mosul", "Mosul on"))
    m1 = a1.mention(t1, "capture", "ISIS seized Mosul.", refs=r1,
                    figures=(a1.figure("At least 500 people", "killed", 500, None, "at least"),))
    # Article 2: hostile title, publisher and URL; a season; a second, different figure.
    a2 = Writer("2014-06-13-mosul-report")
    a2.block("paragraph", "In summer 2014 the <evil> group & \"friends\" advanced on Mosul.",
             "About 1,000 people were killed when Mosul fell on 10 June 2014.")
    t2a = a2.timex("summer 2014", "2014-SU",
                   DateValue("2014-SU", Precision.SEASON, date(2014, 6, 1), date(2014, 9, 22)))
    t2b = a2.timex("10 June 2014", "2014-06-10", day("2014-06-10"))
    r2 = (a2.ref("evil", "<evil> group"), a2.ref("mosul", "Mosul."))
    m2a = a2.mention(t2a, "offensive", 'The <evil> group advanced "north".', refs=r2)
    m2b = a2.mention(t2b, "capture", "Mosul fell.",
                     figures=(a2.figure("About 1,000 people", "killed", 1000, 1000, "about",
                                        claimed_by="officials"),))
    # Article 3: a day and a "late 2017" (year with END modifier); a person; Arabic name.
    a3 = Writer("2017-12-09-victory")
    a3.block("paragraph", "Iraq declared victory over ISIS on 9 December 2017.",
             "Fighting went on near Hawija until late 2017.", "Haider al-Abadi spoke in Baghdad.")
    t3a = a3.timex("9 December 2017", "2017-12-09", day("2017-12-09"))
    t3b = a3.timex("late 2017", "2017",
                   DateValue("2017", Precision.YEAR, date(2017, 1, 1), date(2017, 12, 31), mod="END"))
    r3 = (a3.ref("iraq", "Iraq"), a3.ref("abadi", "Haider al-Abadi"), a3.ref("baghdad", "Baghdad"),
          a3.ref("hawija", "Hawija"))
    m3a = a3.mention(t3a, "statement", "Iraq declared victory over ISIS.", refs=r3, modality="announced")
    m3b = a3.mention(t3b, "battle", "Fighting near Hawija.", refs=(r3[3],))
    # Article 4: no publication date; its event cannot be dated.
    a4 = Writer("undated-checkpoint")
    a4.block("paragraph", "Fighters attacked a checkpoint on Friday.")
    t4 = a4.timex("Friday", "XXXX-WXX-5", None)
    m4 = a4.mention(t4, "attack", "Fighters attacked a checkpoint.")
    # Article 5: an interval, outside every era.
    a5 = Writer("2020-07-23-drawdown")
    a5.block("paragraph", "Troops left the base between 16 and 22 July 2020, said Colonel Ray Smith.")
    t5 = a5.timex("between 16 and 22 July 2020", "2020-07-16/2020-07-22",
                  DateValue("2020-07-16/2020-07-22", Precision.INTERVAL,
                            date(2020, 7, 16), date(2020, 7, 22)))
    # "ray-smith" is named by the event but missing from the entities: it must still get a page
    m5 = a5.mention(t5, "withdrawal", "Troops left the base.", refs=(a5.ref("ray-smith", "Ray Smith"),))

    articles = (
        Article(a1.id, f"content/articles/{a1.id}.md", "Mosul falls to ISIS", "Reuters",
                "https://example.com/mosul?a=1&b=2", date(2014, 6, 12), a1.text, tuple(a1.blocks),
                meta={"agency": "Reuters"}),
        Article(a2.id, f"content/articles/{a2.id}.md", HOSTILE_TITLE, HOSTILE_PUBLISHER, HOSTILE_URL,
                date(2014, 6, 13), a2.text, tuple(a2.blocks)),
        Article(a3.id, f"content/articles/{a3.id}.md", "Iraq declares victory", "AP",
                "https://apnews.com/victory", date(2017, 12, 9), a3.text, tuple(a3.blocks)),
        Article(a4.id, f"content/articles/{a4.id}.md", "Checkpoint attacked", "Local Paper", None, None,
                a4.text, tuple(a4.blocks)),
        Article(a5.id, f"content/articles/{a5.id}.md", "Troops leave", "AFP", "http://afp.example/leave",
                date(2020, 7, 23), a5.text, tuple(a5.blocks)),
    )
    analyses = {
        a1.id: a1.analysis((m1,)), a2.id: a2.analysis((m2a, m2b)), a3.id: a3.analysis((m3a, m3b)),
        a4.id: a4.analysis((m4,)), a5.id: a5.analysis((m5,)),
    }
    events = (
        Event("2014-summer-offensive", 'The <evil> group advances "north"',
              'The <evil> group advanced "north".', "offensive", t2a.date, (m2a,), places=("mosul",),
              organizations=("evil",), independent_sources=1),
        Event("2014-06-10-mosul-captured", "ISIS captures Mosul", "ISIS seized Mosul.", "capture",
              day("2014-06-10"), (m1, m2b), places=("mosul",), organizations=("isis",),
              aliases=("2014-06-10-fall-of-mosul",), independent_sources=2),
        Event("2017-late-hawija-fighting", "Fighting near Hawija", "Fighting went on near Hawija.", "battle",
              t3b.date, (m3b,), places=("hawija",), independent_sources=1),
        Event("2017-12-09-victory", "Iraq declares victory", "Iraq declared victory over ISIS.", "statement",
              day("2017-12-09"), (m3a,), people=("abadi",), places=("baghdad", "iraq"),
              organizations=("isis",), modality="announced", independent_sources=1),
        Event("2020-07-drawdown", "Troops leave the base", "Troops left the base.", "withdrawal",
              t5.date, (m5,), people=("ray-smith",), independent_sources=1),
    )
    undated = (Event("undated-checkpoint-attack", "Checkpoint attacked", "Fighters attacked a checkpoint.",
                     "attack", m4.date, (m4,), independent_sources=1),)
    eras = (Era("rise", "Rise of ISIS", date(2013, 1, 1), date(2014, 12, 31), "The group takes territory."),
            Era("defeat", "Defeat", date(2015, 1, 1), date(2017, 12, 31)))
    return Timeline(articles, analyses, events, entities, eras, undated)


@pytest.fixture(scope="session")
def timeline() -> Timeline:
    return build_timeline()


@pytest.fixture(scope="session")
def pages_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    (folder / "about.md").write_text("---\ntitle: About <this> site\n---\n\nWritten by <b>hand</b>.\n\n"
                                     "## Scope\n\n[Home](../)\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def settings(pages_dir) -> RenderSettings:
    return RenderSettings(title='Iraq <war> "chronology"', description="Test & fixture",
                          base_url="https://user.github.io/repo/", pages_dir=pages_dir,
                          generator_note="Built by sitegen.")


@pytest.fixture(scope="session")
def site(timeline, settings, tmp_path_factory) -> Path:
    """The fixture timeline rendered once for the whole test session."""
    out = tmp_path_factory.mktemp("site")
    render_site(timeline, out, settings)
    return out
