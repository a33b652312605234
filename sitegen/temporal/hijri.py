"""Islamic holidays in the Gregorian calendar: "Eid al-Adha", "Ramadan" fall about eleven
days earlier each year. Their days come from the Umm al-Qura calendar (`hijridate`), which
covers 1924 to 2077; outside it they stay unresolved. Observance in a country may differ
from it by a day."""

from __future__ import annotations

from datetime import date

from hijridate import Gregorian, Hijri


def occurrences(spec: str, around: date) -> list[tuple[date, date]]:
    """The (first day, last day) of the holiday `spec` in the Islamic years before, of and
    after the one `around` falls in, in order. `spec` is "MM-DD" for a day of the Islamic
    calendar or "MM" for a whole month ("09": Ramadan); empty out of the calendar's range."""
    month, _, day = spec.partition("-")
    try:
        year = Gregorian(around.year, around.month, around.day).to_hijri().year
    except (OverflowError, ValueError):
        return []
    found = []
    for y in (year - 1, year, year + 1):
        try:
            first = Hijri(y, int(month), int(day) if day else 1)
            last = first if day else Hijri(y, int(month), first.month_length())
            found.append((_plain(first), _plain(last)))
        except (OverflowError, ValueError):
            continue
    return found


def _plain(day: Hijri) -> date:
    g = day.to_gregorian()
    return date(g.year, g.month, g.day)
