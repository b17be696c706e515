"""The golden files shared by the Rust, C and Python tests (tests/golden/): Python must
give the same truth."""

import json

import pytest

import jixiao

from conftest import DATA, GOLDEN


def golden(name):
    path = GOLDEN / name
    if not path.exists():
        pytest.fail(f"tests/golden/{name} is missing")
    return path.read_text(encoding="utf-8")


def test_targets_table():
    rows = json.loads(golden("targets.json"))
    assert len(rows) >= 60
    failures = []
    for row in rows:
        t = jixiao.Target(row["text"])
        if json.loads(t.to_json()) != row["target"]:
            failures.append((row["text"], t.to_json(), row["target"]))
        want = row["target"]
        assert t.kind == want["kind"] and t.comparator == want["comparator"]
        assert (t.value is None) == (want["value"] is None)
        if t.value is not None:
            assert str(t.value) == str(want["value"])
    assert not failures, failures[:5]


def test_seed_json():
    doc = jixiao.read(DATA / "shanghai-eeb-enforcement-2024.txt")
    assert doc.to_json() == golden("seed.json")


def test_putuo_json():
    doc = jixiao.read(DATA / "selfeval-putuo-sports-2022.txt")
    assert doc.to_json() == golden("putuo.json")
    assert jixiao.read(golden("putuo.json").encode("utf-8")) == doc


def test_list_example_json():
    doc = jixiao.read(DATA / "list-example.csv")
    assert doc.format == "csv"
    assert doc.to_json() == golden("list-example.json")


def test_putuo_scorecard():
    (card,) = jixiao.read(DATA / "selfeval-putuo-sports-2022.txt").score()
    assert card.to_json() + "\n" == golden("putuo-scorecard.json")


def test_seed_scorecards_with_actuals():
    seed = jixiao.read(DATA / "shanghai-eeb-enforcement-2024.txt")
    cards = seed.score(actuals=DATA / "seed-actuals.csv")
    assert [json.loads(c.to_json()) for c in cards] == json.loads(golden("seed-scorecards.json"))
    # the same from a DataFrame of the actuals file
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(DATA / "seed-actuals.csv", dtype=str, keep_default_na=False)
    assert [c.to_json() for c in seed.score(actuals=df)] == [c.to_json() for c in cards]


def _seed_named():
    path = DATA / "shanghai-eeb-enforcement-2024.txt"
    return jixiao.read(path.read_bytes(), name=path.name)


@pytest.mark.parametrize(
    "profile, name", [(None, "seed-review.json"), ("shanghai-2025", "seed-review-shanghai-2025.json")]
)
def test_seed_review(profile, name):
    review = _seed_named().review(profile=profile)
    assert review.to_json() + "\n" == golden(name)
    assert [f.code for f in review] == [f["code"] for f in json.loads(golden(name))["findings"]]


def test_seed_summary():
    assert _seed_named().summary().to_json() + "\n" == golden("seed-summary.json")
