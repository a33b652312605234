"""What a render kept from the last one in the same process may reuse."""

from __future__ import annotations

from sitegen.model import Entity, EntityKind
from sitegen.render.incremental import RenderMemory, same_entities


def test_equal_entities_are_taken_from_the_last_render_and_changed_ones_are_not():
    memory = RenderMemory()
    first = {"mosul": Entity("mosul", EntityKind.PLACE, "Mosul"),
             "abadi": Entity("abadi", EntityKind.PERSON, "Haider al-Abadi")}
    same_entities(first, memory)
    again = {"mosul": Entity("mosul", EntityKind.PLACE, "Mosul"),
             "abadi": Entity("abadi", EntityKind.PERSON, "Haidar al-Abadi"),  # respelled
             "hit": Entity("hit", EntityKind.PLACE, "Hit", parent="anbar")}
    same_entities(again, memory)
    assert again["mosul"] is first["mosul"]  # equal: the page records compare it by identity
    assert again["abadi"].name == "Haidar al-Abadi" and again["abadi"] is not first["abadi"]
    assert again["hit"].parent == "anbar"
    assert memory.entities is again


def _generated_corpus(folder):
    from tests.synthetic import write_corpus

    write_corpus(90, folder, seed=5)


def test_pages_vouched_for_without_their_records_read_what_they_read_before(tmp_path, monkeypatch):
    # After an edit, an event or source page whose event, neighbours, entities and articles
    # did not change takes its record of what it reads from the last render instead of
    # working it out again. Each time it does so, working it out must give the same record;
    # and the site must be the one a build from scratch makes.
    import hashlib
    from datetime import date, timedelta

    from sitegen.build import build_site
    from sitegen.pipeline import BuildMemory
    from sitegen.render import incremental, site

    content = tmp_path / "content"
    _generated_corpus(content)
    vouched, wrong = [], []
    fingerprint = incremental.fingerprint

    def checked(spec, last=None):
        made = fingerprint(spec, last)
        if last is not None and spec.same is not None and made[2] is last[2]:
            vouched.append(spec.path)
            if spec.deps() != last[2]:
                wrong.append(spec.path)
        return made

    monkeypatch.setattr(site, "fingerprint", checked)
    memory = BuildMemory()
    out = tmp_path / "site"
    build_site(content, out, jobs=1, memory=memory)
    files = sorted((content / "articles").glob("*.md"))
    texts = {p: p.read_text(encoding="utf-8") for p in files}
    def body(path):  # the first paragraphs of an article, after its front matter
        return "\n\n".join(texts[path].split("---", 2)[2].strip().split("\n\n")[:3])

    def redate(path, days):  # published a few days later: its relative dates move with it
        head, published, rest = texts[path].partition("published: ")
        moved = date.fromisoformat(rest[:10]) + timedelta(days=days)
        path.write_text(head + published + moved.isoformat() + rest[10:], encoding="utf-8")

    edits = [lambda: files[10].write_text(texts[files[10]] + "\n\n" + body(files[50]), encoding="utf-8"),
             lambda: files[20].unlink(),
             lambda: files[20].write_text(texts[files[20]], encoding="utf-8"),
             lambda: redate(files[40], 9),
             lambda: redate(files[60], -40),
             lambda: files[30].write_text(texts[files[30]].replace("title: ", "title: Updated: ", 1),
                                          encoding="utf-8"),
             lambda: files[10].write_text(texts[files[10]], encoding="utf-8")]
    for n, edit in enumerate(edits):
        edit()
        vouched.clear()
        build_site(content, out, jobs=1, memory=memory)
        assert not wrong, (n, wrong[:5])
        assert len(vouched) > len(files), n  # most event and source pages
    cold = tmp_path / "cold"
    build_site(content, cold, jobs=1)

    def digest(folder):
        return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).digest()
                for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).parts[0] != "pagefind"}

    assert digest(out) == digest(cold)


def test_an_entity_changed_renders_again_the_unchanged_pages_that_name_it(timeline, settings, tmp_path):
    # The events and articles are the very same objects; only entities they name are
    # others (one renamed, one now an organisation, so its address moves). Their pages must
    # show them as they are now, as a render from scratch does.
    from dataclasses import replace

    from sitegen.render import render_site

    memory = RenderMemory()
    first = tmp_path / "first"
    first.mkdir()
    done = render_site(timeline, first, settings, memory=memory)
    memory.commit("one", set(done.files), set(done.exported))
    entities = dict(timeline.entities)
    entities["abadi"] = replace(entities["abadi"], name="Haidar al-Abadi")
    entities["hawija"] = replace(entities["hawija"], kind=EntityKind.ORGANIZATION)
    renamed = replace(timeline, entities=entities)
    again = tmp_path / "again"
    again.mkdir()
    render_site(renamed, again, settings, memory=memory, previous=first)
    cold = tmp_path / "cold"
    cold.mkdir()
    render_site(renamed, cold, settings)
    naming = [e for e in timeline.events if "abadi" in e.people]
    assert naming
    for event in naming:
        page = f"events/{event.id}/index.html"
        assert "Haidar al-Abadi" in (again / page).read_text(encoding="utf-8")
        assert (again / page).read_bytes() == (cold / page).read_bytes()
    sources = [a for a in timeline.articles if any(r.entity_id == "hawija"
                                                   for r in timeline.analyses[a.id].entities)]
    assert sources
    for article in sources:
        page = f"sources/{article.id}/index.html"
        assert "organizations/hawija/" in (again / page).read_text(encoding="utf-8")
        assert (again / page).read_bytes() == (cold / page).read_bytes()
