"""Answers as the JSON contract of `qa ask --json` and as plain text."""

from __future__ import annotations

from qa.answer.decide import Answer


def answer_json(a: Answer) -> dict:
    return {
        "question": a.question,
        "answer": a.answer,
        "answer_en": a.answer_en,
        "abstained": a.abstained,
        # "span": the exact answer; "sentence": no span answers this question
        # (why, how, what is, yes/no), so the supporting sentence is the answer;
        # "comparison": each side's figure, each cited.
        "answer_kind": a.kind,
        "citations": [
            {
                "rank": i,
                "doc": h.passage.doc,
                "title": h.passage.title,
                "date": h.passage.date,
                "paragraph": h.passage.para_no,
                "text": h.passage.text,
                "sentence": h.sentence,
                "score": round(h.score, 4),
            }
            for i, h in enumerate(a.hits, start=1)
        ]
        if not a.abstained
        else [],
        "related": [
            {"doc": h.passage.doc, "title": h.passage.title, "date": h.passage.date, "paragraph": h.passage.para_no,
             "text": h.passage.text, "sentence": h.sentence, "score": round(h.score, 4)} for h in a.hits
        ]
        if a.abstained
        else [],
        "reason": a.reason or None,
        "confidence": round(a.confidence, 4),
    }


def answer_text(a: Answer) -> str:
    if a.abstained:
        lines = [f"Not found in these articles: {a.reason}."]
        if a.hits:
            lines.append("Possibly related (not an answer):")
            lines += [f"  - {h.passage.doc} ¶{h.passage.para_no}: {h.sentence}" for h in a.hits[:3]]
        return "\n".join(lines)
    head = a.answer or ""
    if a.kind == "sentence":
        head = f"The articles say: {head}"
    if a.answer_en:
        head += f"  (≈ {a.answer_en})"
    lines = [head, ""]
    for i, h in enumerate(a.hits, start=1):
        p = h.passage
        lines.append(f"[{i}] {p.title} — {p.doc}, {p.date or 'undated'}, paragraph {p.para_no} (score {h.score:.2f})")
        lines.append(f"    » {h.sentence}")
    return "\n".join(lines)
