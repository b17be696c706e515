"""Document.score_table (the columnar scoring result) and the scorecards whose text is
computed on first use: every figure is checked against the full scorecard's JSON (core's
score_declaration, a separate path from the score_totals the fast results come from)."""

import json
import math
import pickle
from decimal import Decimal

import pytest

import jixiao

from conftest import DATA, SEED

PUTUO = DATA / "selfeval-putuo-sports-2022.txt"


def dec(text):
    return None if text is None else Decimal(text)


def cases():
    """(label, document, actuals): complete, incomplete (no actuals: nothing scorable) and
    partly scored self-evaluations."""
    seed = jixiao.read(SEED)
    return [
        ("putuo", jixiao.read(PUTUO), None),
        ("seed-no-actuals", seed, None),
        ("seed-actuals", seed, DATA / "seed-actuals.csv"),
    ]


def full_cards(doc, profile, actuals):
    """The full scorecards as JSON (forces the text, which is what core's full path makes)."""
    return [json.loads(c.to_json()) for c in doc.score(profile=profile, actuals=actuals)]


@pytest.mark.parametrize("profile", jixiao.profiles())
@pytest.mark.parametrize("case", range(3))
def test_per_declaration_matches_full_scorecards(profile, case):
    _, doc, actuals = cases()[case]
    cards = full_cards(doc, profile, actuals)
    t = doc.score_table(profile=profile, actuals=actuals, frame=False)
    assert list(t) == ["project", "total", "max", "complete", "open", "grade", "budget_score", "budget_rate"]
    assert all(len(v) == len(cards) for v in t.values())
    for k, c in enumerate(cards):
        assert t["project"][k] == c["project"]
        # Exact, and the same scale as the scorecard's text (10.00 stays 10.00).
        for col in ["total", "max", "open"]:
            assert isinstance(t[col][k], Decimal) and str(t[col][k]) == c[col], col
        assert t["complete"][k] is c["complete"]
        assert t["grade"][k] == c["grade"]
        assert t["budget_score"][k] == dec(c["budget"]["score"])
        assert t["budget_rate"][k] == dec(c["budget"]["rate"])
        if c["budget"]["rate"] is not None:
            assert str(t["budget_rate"][k]) == c["budget"]["rate"]


@pytest.mark.parametrize("case", range(3))
def test_per_indicator_matches_full_scorecards(case):
    _, doc, actuals = cases()[case]
    cards = full_cards(doc, "mof-2020", actuals)
    t = doc.score_table(actuals=actuals, per="indicator", frame=False)
    assert list(t) == ["declaration", "project", "level1", "level2", "name", "max", "score", "status"]
    rows = [(k, c, i) for k, c in enumerate(cards) for i in c["indicators"]]
    assert all(len(v) == len(rows) for v in t.values())
    assert len(rows) == sum(len(d) for d in doc)
    for r, (k, c, i) in enumerate(rows):
        assert t["declaration"][r] == k
        assert t["project"][r] == c["project"]
        assert (t["level1"][r], t["level2"][r], t["name"][r]) == (i["level1"], i["level2"], i["name"])
        assert t["max"][r] == dec(i["max"]) and (i["max"] is None or str(t["max"][r]) == i["max"])
        assert t["score"][r] == dec(i["score"]) and (i["score"] is None or str(t["score"][r]) == i["score"])
        assert t["status"][r] == i["status"]
    if case == 1:  # no actuals: nothing is scorable
        assert set(t["status"]) == {"not_scorable"} and set(t["score"]) == {None}


def test_dataframe_columns_are_exact_or_float_when_asked():
    pd = pytest.importorskip("pandas")
    doc = jixiao.read(SEED)
    actuals = DATA / "seed-actuals.csv"
    lists = doc.score_table(actuals=actuals, per="indicator", frame=False)
    df = doc.score_table(actuals=actuals, per="indicator")
    assert isinstance(df, pd.DataFrame) and list(df.columns) == list(lists)
    assert len(df) == len(lists["score"])
    for col in ["project", "level1", "level2", "name", "status"]:
        assert str(df[col].dtype) == "category"
        assert [None if pd.isna(v) else v for v in df[col]] == lists[col]
    assert df["declaration"].dtype.kind == "i" and list(df["declaration"]) == lists["declaration"]
    for col in ["max", "score"]:
        assert df[col].dtype == object
        assert [None if v is None else v for v in df[col]] == lists[col]
        assert all(isinstance(v, (Decimal, type(None))) for v in df[col])
    assert any(v is None for v in lists["score"]) and any(v is not None for v in lists["score"])
    floats = doc.score_table(actuals=actuals, per="indicator", decimals=False)
    assert floats["score"].dtype == "float64"
    for f, d in zip(floats["score"], lists["score"]):
        assert math.isnan(f) if d is None else f == float(d)
    floats.loc[0, "score"] = 1.5  # the columns are ordinary, writable arrays
    assert floats["score"].iloc[0] == 1.5
    per_decl = doc.score_table(actuals=actuals)
    assert per_decl["complete"].dtype == bool
    assert list(per_decl["total"]) == doc.score_table(actuals=actuals, frame=False)["total"]


def test_float_lists_and_empty_documents():
    doc = jixiao.read(PUTUO)
    t = doc.score_table(per="indicator", decimals=False, frame=False)
    assert all(type(v) is float for v in t["score"])
    empty = jixiao.Document.from_json('{"schema": "jixiao/1", "declarations": []}')
    for per in ["declaration", "indicator"]:
        lists = empty.score_table(per=per, frame=False)
        assert lists and all(v == [] for v in lists.values())
        pd = pytest.importorskip("pandas")
        df = empty.score_table(per=per)
        assert len(df) == 0 and list(df.columns) == list(lists)


def test_bad_arguments():
    doc = jixiao.read(PUTUO)
    with pytest.raises(ValueError, match="per must be"):
        doc.score_table(per="project")
    with pytest.raises(jixiao.ScoreError):
        doc.score_table(profile="no-such-profile")


def test_scorecard_figures_before_and_after_the_text():
    """A scorecard shows the same figures whether or not its text was computed."""
    doc = jixiao.read(SEED)
    actuals = DATA / "seed-actuals.csv"
    fresh = doc.score(actuals=actuals)
    figures = [
        (c.project, c.profile, c.total, c.max, c.complete, c.open, c.grade, c.levels,
         [(i.name, i.level1, i.level2, i.target, i.max, i.score, i.status, i.weight_source) for i in c.indicators])
        for c in fresh
    ]
    texts = [json.loads(c.to_json()) for c in doc.score(actuals=actuals)]
    for f, j in zip(figures, texts):
        assert f[0] == j["project"] and f[1] == j["profile"]
        assert [str(x) for x in f[2:4]] == [j["total"], j["max"]]
        assert f[4] is j["complete"] and str(f[5]) == j["open"] and f[6] == j["grade"]
        assert {k: {"max": str(v["max"]), "score": str(v["score"])} for k, v in f[7].items()} == j["levels"]
        assert [(n, l1, l2, tg, None if m is None else str(m), None if s is None else str(s), st, ws)
                for n, l1, l2, tg, m, s, st, ws in f[8]] == [
            (i["name"], i["level1"], i["level2"], i["target"], i["max"], i["score"], i["status"], i["weight_source"])
            for i in j["indicators"]
        ]
    # Text asked for after the figures: the same scorecard as asked for first.
    for c, j in zip(fresh, texts):
        assert json.loads(c.to_json()) == j
        assert c.explain() and c.indicators[0].explanation
    again = doc.score(actuals=actuals)
    assert again == fresh and [i for c in again for i in c.indicators] == [i for c in fresh for i in c.indicators]
    restored = pickle.loads(pickle.dumps(again))
    assert [json.loads(c.to_json()) for c in restored] == texts
    many = jixiao.score_many([doc.with_actuals(actuals)])[0]
    assert [c.total for c in many] == [c.total for c in fresh] and many == fresh


def test_many_scorecards_text_in_parallel_equals_text_one_by_one():
    """write_scorecards computes the missing text of many scorecards on every core; it is
    the text each scorecard computes alone."""
    one = json.loads(jixiao.read(PUTUO).to_json())
    decl = one["declarations"][0]
    copies = []
    for k in range(300):
        d = json.loads(json.dumps(decl))
        d["project"]["name"] = f"{decl['project']['name']}-{k}"
        copies.append(d)
    doc = jixiao.Document.from_json(json.dumps({"schema": "jixiao/1", "declarations": copies}, ensure_ascii=False))
    together = json.loads(jixiao.write_scorecards(doc.score(), "json"))
    alone = [json.loads(c.to_json()) for c in doc.score()]
    assert len(together) == 300 and together == alone
    assert [c["project"] for c in together] == [d["project"]["name"] for d in copies]
