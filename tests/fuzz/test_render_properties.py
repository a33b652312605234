"""Any text in a timeline (titles, publishers, addresses, sentences, names, ids, era and site
titles) reaches the rendered site only as text: no tag, attribute, script address or JSON-LD
break-out it carries takes effect, and no id puts a file outside the site folder."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

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
from sitegen.render.environment import theme_dir
from tests.fuzz.strategies import PAYLOADS, hostile_text
from tests.hostile.scan import scan_site

DAY = date(2024, 5, 1)
WHEN = DateValue("2024-05-01", Precision.DAY, DAY, DAY)
text_or_payload = st.one_of(hostile_text, st.sampled_from(PAYLOADS))


def timeline_of(s: dict[str, str]) -> Timeline:
    """One article, one event, one entity and one era, every free-text field taken from `s`."""
    head = s["before"] + " "
    text = f"{head}on 1 May 2024 {s['name']} killed 4 soldiers {s['after']}"
    timex_start = len(head)
    timex = Timex(timex_start, timex_start + 13, "on 1 May 2024", "DATE", "2024-05-01", date=WHEN)
    name_start = timex.end + 1
    ref = EntityRef(s["entity_id"], name_start, name_start + len(s["name"]), s["name"])
    figure_start = text.index("4 soldiers", ref.end)
    figure = Figure("killed", 4, 4, None, "soldiers", "4 soldiers", figure_start, figure_start + 10,
                    claimed_by=s["claimed_by"])
    sentence = Span(0, len(text))
    article = Article(id=s["article_id"], path=f"articles/{s['article_id']}.md", title=s["title"],
                      publisher=s["publisher"], url=s["url"], published=DAY, text=text,
                      blocks=(Block(0, len(text), 6),), meta={"author": [s["name"]], "archive_url": s["url"]})
    mention = Mention(f"{article.id}/0-{timex.start}", article.id, sentence, text, timex, WHEN, "attack",
                      s["summary"], claimed_by=s["claimed_by"], trigger="killed", entities=(ref,),
                      figures=(figure,))
    event = Event(s["event_id"], s["event_title"], s["summary"], "attack", WHEN, (mention,),
                  people=(s["entity_id"],), notes=(s["note"],), independent_sources=1)
    entity = Entity(s["entity_id"], EntityKind.PERSON, s["name"], (s["alias"],), (s["alias"],),
                    description=s["note"])
    era = Era(s["era_id"], s["era_title"], date(2024, 1, 1), None, s["era_summary"])
    analysis = Analysis(article.id, (sentence,), (), (timex,), (ref,), (mention,))
    return Timeline((article,), {article.id: analysis}, (event,), {entity.id: entity}, (era,))


FIELDS = ("before", "after", "name", "entity_id", "claimed_by", "article_id", "title", "publisher", "url",
          "summary", "event_id", "event_title", "note", "alias", "era_id", "era_title", "era_summary",
          "site_title", "description")
NON_EMPTY_IDS = {"entity_id", "article_id", "event_id", "era_id", "name", "title", "publisher",
                 "event_title", "era_title", "site_title"}


PATH_IDS = {"entity_id", "article_id", "event_id", "era_id"}
PATH_ID_BYTES = 120  # ids longer than a file name may be are an open defect, tested in tests/hostile


def _short(text: str) -> str:
    return text.encode("utf-8")[:PATH_ID_BYTES].decode("utf-8", "ignore")


def field_strategy(name: str):
    strategy = text_or_payload.map(_short) if name in PATH_IDS else text_or_payload
    return strategy.filter(str.strip) if name in NON_EMPTY_IDS else strategy


# No shrinking: a failure is reported with the example as generated, in seconds, not minutes.
RENDER = settings(derandomize=True, max_examples=30, deadline=None, phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=[HealthCheck.too_slow])


def render_and_scan(fields: dict[str, str]) -> None:
    timeline = timeline_of(fields)
    settings_ = RenderSettings(title=fields["site_title"], description=fields["description"])
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        site.mkdir()
        render_site(timeline, site, settings_, jobs=1)
        findings = scan_site(site, theme_dir(None), csv_formulas=False, timelinejs_markup=False)
        assert findings == [], "\n".join(map(str, findings))
        assert sorted(p.name for p in Path(folder).iterdir()) == ["site"]


@RENDER
@given(st.fixed_dictionaries({name: field_strategy(name) for name in FIELDS}))
@example({**{name: "x" for name in FIELDS},
          "title": "</script><script>alert(1)</script>", "url": " javascript:alert(1)",
          "name": "<img src=x onerror=alert(1)>", "entity_id": "../../etc", "article_id": "CON",
          "event_id": "/abs/../..", "era_id": "..", "site_title": '" onload="alert(1)'})
def test_no_text_in_a_timeline_takes_effect_in_the_site(fields):
    render_and_scan(fields)


@pytest.mark.parametrize("bad", ["\x0c", "\x1b[31m", "\uffff", "\x00"])
def test_control_characters_keep_feeds_well_formed(bad):
    fields = {name: f"x{bad}y" for name in FIELDS}
    render_and_scan(fields | {"entity_id": "e", "article_id": "a", "event_id": "v", "era_id": "r"})
