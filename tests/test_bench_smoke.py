"""A small run of the benchmark, end to end: real build, assembled corpora
(embedded and derived), a fresh measuring process per size, report files.

USE only and a pool from the bundled articles, so it runs in about a minute.
"""

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_smoke_run(tmp_path):
    out, work = tmp_path / "out", tmp_path / "work"
    cmd = [sys.executable, "-m", "benchmarks.run", "--sizes", "120,500,1500", "--real-max", "200", "--embed-max", "500",
           "--encoders", "use", "--pool-passages", "142", "--queries", "8", "--kind", "ivf", "--out", str(out), "--work", str(work)]
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr[-3000:]
    res = json.loads((out / "results.json").read_text())
    assert set(res["sizes"]) == {"120", "500", "1500"}
    for n, row in res["sizes"].items():
        assert "measure_error" not in row, row.get("measure_error")
        assert row["build"]["passages"] == int(n)
        assert row["disk_mb"] > 0 and row["index_rss_mb"] > 0 and row["cold_start_s"] > 0
        for part in ("retrieve", "retrieve_answer"):
            lat = row["latency_ms"][part]
            assert 0 < lat["p50"] <= lat["p95"] <= lat["p99"] and lat["n"] == 8
        # every index was forced approximate: each has a recall figure against exact search
        assert len(row["recall"]) == 2 and all(not r["exact"] and 0 <= r["recall_at_10"] <= 1 for r in row["recall"].values())
    # what is measured and what is derived is recorded, not implied
    assert res["sizes"]["120"]["indexing"]["derived"] is False
    assert res["sizes"]["500"]["build"]["para_vectors"]["use"]["measured"]["texts"] == 500
    assert res["sizes"]["1500"]["build"]["para_vectors"]["use"].startswith("derived")
    assert res["sizes"]["1500"]["indexing"]["derived"] is True
    report = (out / "report.md").read_text()
    assert "| 1,500 |" in report and "| 120 |" in report
    svg = ET.parse(out / "plot.svg").getroot()
    assert svg.tag.endswith("svg") and len(list(svg.iter("{http://www.w3.org/2000/svg}polyline"))) == 6
    assert list(work.iterdir()) and not (work / "size-120").exists()  # indexes removed unless --keep
