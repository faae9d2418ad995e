"""Publication dates as news articles write them, read into ISO form (YYYY-MM-DD).

Forms: 2025年9月3日 (also 号), 2025-09-03 (also with a time after it),
2025/9/3, 3 September 2025, September 3, 2025 (month names full or
abbreviated). Every match is checked as a calendar date: 2025-02-30 is no date.

Where the date of an article is looked for, and in which order, is
qa.ingest.corpus's business (a `date` line, the publisher's metadata, a
dateline near the top); this module only reads the forms.
"""

from __future__ import annotations

import datetime as _dt
import re

MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for m in names}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# (pattern, order of the groups: y m d)
FORMS = (
    (re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), "ymd"),
    (re.compile(r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(?<![\d.])(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)"), "ymd"),
    (re.compile(rf"(?<![\w])(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})(?!\d)", re.I), "dmy"),
    (re.compile(rf"(?<![\w])({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I), "mdy"),
)
PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")  # PDF metadata: D:20250903120000+00'00'
# Words that open a dateline's or byline's label rather than a title ("发布时间：", "By", "Updated:").
LABEL = re.compile(r"^(?:(?:发布|更新|发表|出版)?(?:时间|日期)|来源|作者|记者|编辑|本报|(?:published|updated|posted|date|by|source)\b)", re.I)
DATELINE_MAX = 80  # characters: a longer line is a paragraph, and a date in it an event's
SEPARATORS = " \t|·•-—–:：,，/()（）[]【】"


def _iso(y: str, m: str, d: str) -> str | None:
    try:
        return _dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the earliest valid date in `text`, in any form."""
    best = None
    for rx, order in FORMS:
        for m in rx.finditer(text):
            parts = dict(zip(order, m.groups()))
            month = parts["m"] if parts["m"].isdigit() else MONTHS[parts["m"].lower()]
            iso = _iso(parts["y"], month, parts["d"])
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
                break  # later matches of this form start later still
    return best


def parse_date(value: str) -> str | None:
    """A metadata value (`2025-09-03T08:00:00Z`, `D:20250903…`, `September 3, 2025`) as ISO."""
    value = (value or "").strip()
    m = PDF_DATE.match(value)
    if m:
        return _iso(*m.groups())
    found = find_date(value)
    return found[0] if found else None


def dateline(line: str) -> tuple[str, str, bool] | None:
    """(ISO date, the rest of the line, whether the rest is text) when `line`
    is a dateline: a short line that gives a date beside at most a label, a
    source or byline ("2025年9月3日 来源：新华网", "By Jane Doe | September 3,
    2025": the rest is not text) or a title ("2025-09-03 Rail deal signed":
    it is). A date that a sentence goes on from ("2025年9月3日，托卡耶夫…", "…
    signed on 3 September 2025.") is the date of an event, not of the article."""
    if len(line) > DATELINE_MAX:
        return None
    found = find_date(line)
    if not found:
        return None
    iso, start, end = found
    after = line[end:].lstrip()
    if re.match(r"[，,。.;；、]", after):
        return None
    rest = (line[:start].strip(SEPARATORS) + " " + after.strip(SEPARATORS)).strip()
    if not rest or LABEL.match(rest):
        return iso, rest, False
    if start > 0 and rest.endswith(tuple("。！？!?.")):
        return None
    if start == 0 and line[end:end + 1] not in SEPARATORS:  # "1992年10月15日正式建交": a sentence
        return None
    return iso, rest, True
