"""Embed every real sentence of the pool once per encoder (cached on disk).

Usage: python -m benchmarks.vectors --work DIR   (writes DIR/pool.<enc>.npy)
Also records the measured throughput in DIR/pool.timing.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

import numpy as np

from benchmarks.corpus import real_articles, sentence_pool
from qa.models.encoders import get_encoder
from qa.index.store import EMBED_RECIPE

ENCODERS = ("e5", "use")


def pool_key(texts: list[str]) -> str:
    """Hash of the texts and of the engine's embedding recipe: vectors cached
    by another encoder implementation (EMBED_RECIPE is bumped when the code
    that embeds changes) are never mixed with new ones."""
    return hashlib.sha256("\x00".join([EMBED_RECIPE, *texts]).encode("utf-8")).hexdigest()[:12]


def pool_vectors(work: Path, texts: list[str], encoders=ENCODERS) -> dict[str, np.ndarray]:
    """Vectors of every pool text, cached in `work` under a hash of the texts."""
    work.mkdir(parents=True, exist_ok=True)
    key = pool_key(texts)
    out, timing_path = {}, work / f"pool.{key}.timing.json"
    timing = json.loads(timing_path.read_text()) if timing_path.exists() else {}
    for name in encoders:
        path = work / f"pool.{key}.{name}.npy"
        if path.exists() and name in timing:
            out[name] = np.load(path)
            continue
        enc = get_encoder(name)
        enc.encode_passages(texts[:2])  # model load is not throughput
        t = time.perf_counter()
        vecs = enc.encode_passages(texts)
        timing[name] = {"texts": len(texts), "chars": sum(map(len, texts)), "seconds": time.perf_counter() - t}
        np.save(path, vecs)
        timing_path.write_text(json.dumps(timing, indent=1))
        out[name] = vecs
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--work", type=Path, default=Path("/tmp/qa-bench"))
    a = ap.parse_args()
    pool = sentence_pool(real_articles())
    print(len(pool.sent_texts), "pool sentences")
    pool_vectors(a.work, pool.embed_texts)
    print("done")


if __name__ == "__main__":
    main()
