"""Benchmarks: cost of indexing and answering from five articles to a million passages.

Run `python -m benchmarks.run --help`. Not part of .ci/run (a smoke run is in
tests/test_bench_smoke.py).
"""
