"""The query-side paths that must stay cheap at a million passages."""

from __future__ import annotations

import numpy as np

from qa.index.ann import NPROBE_MAX, NPROBE_MIN, advise_random, n_probe
from qa.search.retrieve import _member


def test_member_agrees_with_isin_on_ascending_postings():
    rng = np.random.default_rng(0)
    for _ in range(200):
        post = np.sort(rng.integers(0, 1000, size=rng.integers(0, 300)))  # duplicates allowed
        rows = rng.integers(0, 1100, size=50)
        assert (_member(rows, post) == np.isin(rows, post)).all()


def test_lists_probed_grow_with_the_index_then_stop():
    assert n_probe(8) == 8  # few lists: all of them (exact)
    assert n_probe(128) == NPROBE_MIN == 32
    assert n_probe(512) == NPROBE_MAX == 128
    assert n_probe(2048) == NPROBE_MAX
    assert all(n_probe(a) <= n_probe(b) for a, b in zip([1, 16, 64, 256, 1024], [16, 64, 256, 1024, 4096]))


def test_random_access_advice_leaves_the_memory_mapped_rows_intact(tmp_path):
    vecs = np.arange(4000 * 8, dtype=np.float16).reshape(4000, 8)
    np.save(tmp_path / "v.npy", vecs)
    mm = np.load(tmp_path / "v.npy", mmap_mode="r")
    advise_random(mm)
    advise_random(vecs)  # an in-memory array: nothing to advise, no error
    rows = np.array([3, 999, 3999])
    np.testing.assert_array_equal(mm[rows], vecs[rows])
