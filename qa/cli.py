"""Command line: `qa index`, `qa add`, `qa remove`, `qa list`, `qa ask`, `qa search`, `qa eval`, `qa serve`.

Every command takes --corpus DIR and --index DIR (defaults ./corpus and
./index). Errors a user can act on are printed as one line, exit code 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from qa.errors import QAError
from qa.settings import Settings


def _settings(args) -> Settings:
    s = Settings(corpus_dir=Path(args.corpus), index_dir=Path(args.index))
    if getattr(args, "encoders", None):
        s = replace(s, encoders=tuple(e.strip() for e in args.encoders.split(",") if e.strip()))
    if getattr(args, "k", None):
        s = replace(s, k=args.k)
    if getattr(args, "index_kind", None):
        s = replace(s, index_kind=args.index_kind)
    if getattr(args, "backend", None):
        s = replace(s, backend=args.backend)
    if getattr(args, "milvus_uri", None):
        s = replace(s, milvus_uri=args.milvus_uri, backend=args.backend or "milvus")
    return s


def _where(s: Settings) -> str:
    if s.backend == "faiss":
        return str(s.index_dir)
    from qa.index.backends import milvus_uri

    return f"Milvus at {milvus_uri(s)}"


def _progress_bar(total_hint: int | None):
    from tqdm import tqdm

    bar = tqdm(total=total_hint, unit="article", desc="embedding", file=sys.stderr, leave=False)

    def step(enc_id: str, doc: str) -> None:
        bar.set_postfix_str(f"{enc_id} {doc}")
        bar.update(1)

    return bar, step


def cmd_index(args) -> int:
    """Build or refresh the index (only changed articles are embedded)."""
    from qa.index.build import build_index
    from qa.ingest.journal import corpus_view

    s = _settings(args)
    bar, step = _progress_bar(len(corpus_view(s.corpus_dir)) * len(s.encoders))
    try:
        rep = build_index(s, step)
    finally:
        bar.close()
    _print_build(rep, _where(s))
    if args.index_kind and not rep.rebuilt and s.backend == "faiss":  # up to date, but perhaps built as another kind
        from qa.index.ann import change_kind

        changed = change_kind(s.index_dir, args.index_kind)
        if changed:
            print(f"rebuilt {len(changed)} FAISS indexes as {args.index_kind} from the stored vectors: {', '.join(changed)}")
    for doc, same in rep.duplicates.items():
        print(f"skipped {doc}: same content as {same}")
    for doc, why in rep.rejected:
        print(f"rejected {doc}: {why}")
    return 0


def _print_build(rep, index_dir) -> None:
    if rep is None:
        print("index unchanged (nothing new to add)")
    elif not rep.rebuilt:
        print(f"index up to date: {len(rep.indexed)} articles, {rep.n_passages} paragraphs in {index_dir} (embedded 0)")
    else:
        print(f"indexed {len(rep.indexed)} articles, {rep.n_passages} paragraphs into {index_dir} "
              f"(embedded {len(rep.embedded)}, reused {len(rep.indexed) - len(rep.embedded)})")


def cmd_add(args) -> int:
    """Add article files or folders (.txt, .md, .html, .pdf) to the library and index them.

    Each file is reported as added, updated, skipped (same content already in)
    or rejected (with the reason). Exit code 1 if any file was rejected."""
    from qa.library import add_paths

    s = _settings(args)
    bar, step = _progress_bar(None)
    try:
        rep = add_paths(s, [Path(p) for p in args.paths], progress=step)
    finally:
        bar.close()
    for line in rep.lines():
        print(line)
    _print_build(rep.build, _where(s))
    return 1 if rep.by_status("rejected") else 0


def cmd_remove(args) -> int:
    """Remove one article (by its file name, see `qa list`) from the library and the index."""
    from qa.library import remove_doc

    s = _settings(args)
    rep = remove_doc(s, args.doc)
    print(f"removed {args.doc}")
    _print_build(rep, _where(s))
    return 0


def cmd_list(args) -> int:
    """List the articles: title, date, paragraphs, when indexed, status."""
    import time as _time

    from qa.library import list_docs

    docs = list_docs(_settings(args))
    if args.json:
        print(json.dumps([d.__dict__ for d in docs], ensure_ascii=False, indent=1))
        return 0
    for d in docs:
        when = _time.strftime("%Y-%m-%d %H:%M", _time.localtime(d.indexed_at)) if d.indexed_at else "-"
        print(f"{d.doc}\t{d.date or 'undated'}\t{d.paragraphs} ¶\tindexed {when}\t{d.status}\t{d.title}")
    print(f"{len(docs)} files")
    return 0


def _engine(args):
    from qa.engine import Engine

    s = _settings(args)
    return Engine.open(s, progress=lambda enc, doc: print(f"first use: embedding {doc} ({enc})", file=sys.stderr))


def cmd_ask(args) -> int:
    """Answer one question with citations."""
    from qa.answer.report import answer_json, answer_text
    from qa.models.reader import preload

    preload()  # the reader (~2 s) loads while the index opens; `qa search` never loads it
    engine = _engine(args)
    a = engine.ask(args.question, args.k)
    fmt = "json" if args.json else args.format
    if fmt == "markdown":
        from qa.answer.provenance import provenance_markdown

        print(provenance_markdown(a, engine.settings.corpus_dir), end="")
    else:
        print(json.dumps(answer_json(a), ensure_ascii=False, indent=1) if fmt == "json" else answer_text(a))
    return 0


def cmd_search(args) -> int:
    """Ranked paragraphs for a keyword or phrase (either language), with filters; no abstention."""
    from qa.search.find import find, search_json

    engine = _engine(args)
    results = find(engine.retriever, engine.index.articles, args.query, args.k, args.article, args.since, args.until)
    if args.json:
        print(json.dumps(search_json(" ".join(args.query.split()), results), ensure_ascii=False, indent=1))
        return 0
    for i, r in enumerate(results, start=1):
        p = r.hit.passage
        print(f"[{i}] {p.title} — {p.doc}, {p.date or 'undated'}, paragraph {p.para_no} (score {r.hit.score:.2f})")
        print(f"    » {r.hit.sentence}")
        if r.matched:
            print(f"    matched: {', '.join(r.matched)}")
    print(f"{len(results)} paragraphs" if results else "no paragraphs pass these filters")
    return 0


def cmd_eval(args) -> int:
    """Score a question set (JSONL): recall@1/5, MRR, answer accuracy, abstention, latency."""
    from qa.evaluate import evaluate, read_questions

    items = read_questions(Path(args.file))
    rep = evaluate(_engine(args), items, args.k or 5)
    if args.json:
        print(json.dumps(rep, ensure_ascii=False, indent=1))
        return 0
    keys = ["recall_at_1", "recall_at_5", "mrr", "answer_accuracy", "abstain_precision", "abstain_recall", "latency_ms_p50", "latency_ms_p95", "n"]
    print("  ".join(f"{k}={rep[k]}" for k in keys))
    for lang, sub in rep["by_lang"].items():
        print(f"  [{lang}] " + "  ".join(f"{k}={sub[k]}" for k in keys))
    for m in rep["misses"]:
        print(f"  miss {m['id']}: rank={m['rank']} abstained={m['abstained']}  {m['question']}")
    return 0


def cmd_serve(args) -> int:
    """Start the web chat (127.0.0.1 unless --host; another address needs credentials)."""
    from qa.web.server import main as serve_main
    from qa.web.serving import load_users

    return serve_main(_settings(args), port=args.port, host=args.host, users=load_users(args.users))


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="qa", description="Offline question answering with citations over a folder of news articles.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", default="corpus", help="folder of articles (default ./corpus)")
    common.add_argument("--index", default="index", help="index folder (default ./index)")
    common.add_argument("--encoders", help="comma-separated encoders: e5, use, st:<model path> (default e5,use)")
    common.add_argument("--backend", choices=("faiss", "milvus"), help="where the index lives: faiss (default, in --index) or milvus")
    common.add_argument("--milvus-uri", metavar="URI", help="Milvus Lite file (ending in .db) or server (http://host:19530); "
                        "implies --backend milvus (default INDEX/milvus.db)")
    sub = p.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("index", parents=[common], help=cmd_index.__doc__, description=cmd_index.__doc__)
    from qa.index.ann import EXACT_MAX_VECTORS, KINDS

    sp.add_argument("--index-kind", choices=KINDS, default=None,
                    help=f"FAISS index: auto (default: exact up to {EXACT_MAX_VECTORS:,} vectors, IVF with exact re-scoring above), "
                         "flat (exact), ivf, ivfpq, hnsw; an up-to-date index is converted without re-embedding")
    sp.set_defaults(fn=cmd_index)
    sp = sub.add_parser("add", parents=[common], help=cmd_add.__doc__.split("\n")[0], description=cmd_add.__doc__)
    sp.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    sp.set_defaults(fn=cmd_add)
    sp = sub.add_parser("remove", parents=[common], help=cmd_remove.__doc__, description=cmd_remove.__doc__)
    sp.add_argument("doc", help="the article's file name, as `qa list` shows it")
    sp.set_defaults(fn=cmd_remove)
    sp = sub.add_parser("list", parents=[common], help=cmd_list.__doc__, description=cmd_list.__doc__)
    sp.add_argument("--json", action="store_true", help="print a JSON list")
    sp.set_defaults(fn=cmd_list)
    sp = sub.add_parser("ask", parents=[common], help=cmd_ask.__doc__, description=cmd_ask.__doc__)
    sp.add_argument("question")
    sp.add_argument("--k", type=int, default=5, help="how many paragraphs to cite (default 5)")
    sp.add_argument("--json", action="store_true", help="print one JSON object (same as --format json)")
    sp.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                    help="markdown: the answer with its citation and the character offsets of sentence and answer in the article file")
    sp.set_defaults(fn=cmd_ask)
    sp = sub.add_parser("search", parents=[common], help=cmd_search.__doc__, description=cmd_search.__doc__)
    sp.add_argument("query", help="words or a phrase, e.g. TRIPP, 哈萨克斯坦 小麦, \"Chinese investment\"")
    sp.add_argument("--k", type=int, default=20, help="how many paragraphs (default 20)")
    sp.add_argument("--article", metavar="DOC", help="only this article (its file name, see `qa list`)")
    sp.add_argument("--since", metavar="DATE", help="only articles dated on or after DATE (2025-09-03); leaves out undated ones")
    sp.add_argument("--until", metavar="DATE", help="only articles dated on or before DATE")
    sp.add_argument("--json", action="store_true", help='print {"query": ..., "results": [citations as in qa ask --json]}')
    sp.set_defaults(fn=cmd_search)
    sp = sub.add_parser("eval", parents=[common], help=cmd_eval.__doc__, description=cmd_eval.__doc__)
    sp.add_argument("file", help="question set, one JSON object per line")
    sp.add_argument("--k", type=int, default=5)
    sp.add_argument("--json", action="store_true", help="print one JSON object")
    sp.set_defaults(fn=cmd_eval)
    sp = sub.add_parser("serve", parents=[common], help=cmd_serve.__doc__, description=cmd_serve.__doc__)
    from qa.web.server import add_serve_args

    add_serve_args(sp)
    sp.set_defaults(fn=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "k", 1) is not None and getattr(args, "k", 1) < 1:
        print("qa: error: --k must be at least 1", file=sys.stderr)
        return 2
    try:
        return args.fn(args)
    except QAError as e:
        print(f"qa: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


# Commands that only read: once their answer is printed there is nothing to
# close or save, and the interpreter's teardown (PyTorch's above all, and the
# word tables) takes 0.5-0.9 s here, a fifth of a one-shot `qa ask`.
READ_ONLY = frozenset({"ask", "search"})


def run() -> None:
    """The console entry point (`qa`, `python -m qa.cli`); tests call main()."""
    code = main()
    if sys.argv[1:2] and sys.argv[1] in READ_ONLY:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a reader that closed the pipe (`qa ask … | head -1`)
                pass
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
