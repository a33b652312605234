"""`analyze(article, gazetteer)`: everything extraction finds in one article.

A pure function of its inputs returning only frozen, picklable values, so a build can
cache it per article digest and run it in worker processes.
"""

from __future__ import annotations

from sitegen.extract.entities import Gazetteer, find_entities
from sitegen.extract.mentions import find_mentions
from sitegen.model.article import Analysis, Article
from sitegen.temporal import tag
from sitegen.text.sentences import segment


def analyze(article: Article, gazetteer: Gazetteer) -> Analysis:
    """Sentences, furniture, time expressions, entities and event mentions of `article`.

    Without a publication date, expressions relative to it stay unresolved and their
    mentions end up undated, never on a guessed date.
    """
    text = article.text
    sentences, furniture = segment(text)
    spans = [span for span, _ in furniture]
    timexes = [t for t in tag(text, article.published)
               if not any(f.start <= t.start < f.end for f in spans)]
    # captions and datelines name places and people too: recognised, never evidence for events
    labelled = [span for span, kind in furniture if kind in ("caption", "dateline")]
    refs = find_entities(text, sorted(sentences + labelled, key=lambda s: s.start), gazetteer)

    def kind_of(entity_id: str) -> str:
        entity = gazetteer.entities.get(entity_id)
        return entity.kind.value if entity else "person"

    mentions = find_mentions(article.id, text, article.published, sentences, timexes, refs, kind_of)
    return Analysis(article_id=article.id, sentences=tuple(sentences), furniture=tuple(spans),
                    timexes=tuple(timexes), entities=tuple(refs), mentions=mentions)
