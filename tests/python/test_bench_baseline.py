"""The benchmark's plain-Python and pandas baselines compute what jixiao computes on the
benchmark data (otherwise the benchmark's ratios would compare different work)."""

import json
import sys

import pytest

import jixiao

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench" / "python"))

import baseline  # noqa: E402
import bench_score  # noqa: E402


@pytest.fixture
def data():
    return bench_score.synthetic(3000, seed=11)


def test_plain_python_baseline_agrees_with_jixiao(data):
    doc = jixiao.Document.from_json(json.dumps(data, ensure_ascii=False))
    cards = doc.score()
    for d in data["declarations"]:
        for i in d["indicators"]:
            i["target"] = {"text": i["target"]}
    base = baseline.score_document(data)
    assert len(cards) == len(base) == 300
    assert [(c.total, c.grade, c.complete) for c in cards] == base
    # the data exercises every outcome
    statuses = {i.status for c in cards for i in c.indicators}
    assert statuses == {"met", "partial", "unmet"}


def test_pandas_baseline_agrees_with_jixiao(data):
    pytest.importorskip("pandas")
    doc = jixiao.Document.from_json(json.dumps(data, ensure_ascii=False))
    totals = [float(c.total) for c in doc.score()]
    for d in data["declarations"]:
        for i in d["indicators"]:
            i["target"] = {"text": i["target"]}
    ind, bud = baseline.pandas_frame(data)
    vec = baseline.score_pandas(ind, bud)
    close = sum(1 for a, b in zip(totals, vec) if abs(a - b) < 0.005)
    assert close >= 0.99 * len(totals)  # floats: a rare half-cent rounds the other way
