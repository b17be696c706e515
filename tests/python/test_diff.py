"""jixiao.diff (目标调整, domain.md §9): the seed against its hand-made next-year copy, with
and without last year's self-evaluation; the JSON is the golden the Rust and C tests share."""

import json
import pickle

import pytest

import jixiao

from conftest import DATA, GOLDEN, SEED

CHANGED = DATA / "shanghai-eeb-enforcement-2025-changed.txt"
PRIOR = DATA / "selfeval-eeb-hotline-2024-constructed.txt"


def by_project(d):
    out = {}
    for c in d.changes:
        out.setdefault(c["project"], []).append((c["code"], c["kind"], c["indicator"]))
    return out


def test_every_change_with_its_kind_and_nothing_else():
    d = jixiao.diff(SEED, CHANGED)
    got = by_project(d)
    assert got["环保热线运行"] == [
        ("C005", "level_removed", None),
        ("C010", "relaxed", "热线受理平台功能优化合格率"),
        ("C011", "tightened", "有奖举报奖励落实发放率"),
        ("C002", "removed", "热线受理人员满意度"),
        ("C040", "funding_changed", None),
        ("C041", "funding_vs_output", None),
        ("C042", "funding_vs_output", "服务费保障聘用人员数量"),
    ]
    assert got["生态环境综合执法相关配套工作"] == [
        ("C001", "added", "设备采购完成及时率"),
        ("C003", "renamed", "执法人员满意率"),
    ]
    assert got["办案经费"] == [
        ("C022", "unit_changed", "对污染源日常监管执法出动人次"),
        ("C020", "softened", "项目完成及时率"),
    ]
    assert got["生态环境执法工作能力建设"] == [
        ("C021", "softened", "项目完成及时率"),
        ("C002", "removed", "制定培训规范化建设方案"),
    ]
    assert "办公用房修缮及装修经费" not in got
    assert len(d) == 13
    projects = d.projects
    assert [p["project"] for p in projects][-1] == "办公用房修缮及装修经费"
    assert projects[-1]["changes"] == []


def test_documents_paths_and_bytes_give_the_same_diff():
    old, new = jixiao.read(SEED), jixiao.read(CHANGED)
    assert jixiao.diff(old, new) == jixiao.diff(SEED, str(CHANGED))
    assert jixiao.diff(SEED.read_bytes(), new) == jixiao.diff(old, new)


def test_with_last_years_actuals_is_the_golden():
    d = jixiao.diff(SEED, CHANGED, actuals=PRIOR)
    assert d.to_json() == (GOLDEN / "seed-diff.json").read_text(encoding="utf-8")
    below = [(c["indicator"], c["old"], c["new"]) for c in d.changes if c["kind"] == "below_last_actual"]
    assert below == [
        ("服务费保障聘用人员数量", "18人", "≥17.00(人)"),
        ("热线受理平台功能优化合格率", "99.00%", "≥95.00(%)"),
    ]
    assert d.to_dict() == json.loads(d.to_json())
    assert "C030" in d.to_text()


def test_actuals_must_be_a_self_evaluation():
    with pytest.raises(jixiao.ScoreError) as info:
        jixiao.diff(SEED, CHANGED, actuals=SEED)
    assert info.value.code == "no_self_evaluation"
    with pytest.raises(TypeError):
        jixiao.diff(SEED, 42)
    with pytest.raises(FileNotFoundError):
        jixiao.diff(SEED, DATA / "no-such-file.txt")


def test_to_pandas_one_row_per_change():
    pytest.importorskip("pandas")
    d = jixiao.diff(SEED, CHANGED, actuals=PRIOR)
    df = d.to_pandas()
    assert len(df) == len(d) == 15
    assert list(df.columns[:6]) == ["project", "old_project", "matched_by", "code", "kind", "indicator"]
    assert str(df["uncertain"].dtype) == "bool"
    row = df[df["code"] == "C042"].iloc[0]
    assert (row["old"], row["new"]) == ("155882.35", "164705.88")
    assert set(df[df["uncertain"]]["code"]) == {"C003"}


def test_pickle_and_repr():
    d = jixiao.diff(SEED, CHANGED, actuals=PRIOR)
    back = pickle.loads(pickle.dumps(d))
    assert type(back) is jixiao.Diff and back == d
    assert repr(d) == "Diff(projects=5, changes=15)"
