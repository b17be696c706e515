"""Review, scoring, audit and roll-up from Python: the same truth as the Rust tests
(golden files), exact decimals, pickling, frames, threads and process pools."""

import concurrent.futures as cf
import json
import multiprocessing
import pickle
import threading
from decimal import Decimal

import pytest

import jixiao

from conftest import DATA, GOLDEN, ROOT, SEED

PUTUO = DATA / "selfeval-putuo-sports-2022.txt"


@pytest.fixture(scope="module")
def putuo():
    return jixiao.read(PUTUO)


@pytest.fixture(scope="module")
def seed():
    return jixiao.read(SEED)


def test_putuo_scorecard_matches_golden(putuo):
    (card,) = putuo.score()
    assert card.to_json() + "\n" == (GOLDEN / "putuo-scorecard.json").read_text(encoding="utf-8")
    assert card.total == Decimal("98.62") and type(card.total) is Decimal
    assert card.max == Decimal("100.00")
    assert card.grade == "优" and card.complete and card.open == Decimal("0")
    assert card.profile == "mof-2020"
    assert card.budget["rate"] == Decimal("0.861830")
    assert card.budget["score"] == Decimal("8.62")
    assert card.levels["产出指标"] == {"max": Decimal("50.00"), "score": Decimal("50.00")}
    assert "215457.6 / 250000 = 86.183%" in card.explain()
    assert "总分 98.62 / 100.00" in card.to_text()


def test_indicator_scores(putuo):
    (card,) = putuo.score()
    first = card.indicators[0]
    assert (first.name, first.target, first.actual) == ("与委托运营方结算完成率", "=100%", "100%")
    assert (first.max, first.score, first.status) == (Decimal("10.00"), Decimal("10.00"), "met")
    assert first.weight_source == "given"
    assert "财预〔2020〕10号" in first.rule
    assert sum(i.score for i in card.indicators) + card.budget["score"] == card.total


def test_scorecard_frame_sums_to_total(putuo):
    (card,) = putuo.score()
    df = card.to_pandas()
    assert list(df["item"]) == ["budget"] + ["indicator"] * len(card.indicators)
    assert sum(df["score"]) == card.total
    assert all(type(v) is Decimal for v in df["score"])
    floats = card.to_pandas(decimals=False)
    assert floats["score"].dtype.kind == "f"
    assert abs(floats["score"].sum() - 98.62) < 1e-9


def test_scorecard_html(putuo):
    # the scorecard table of the HTML report (core's write::html)
    html = putuo.score()[0]._repr_html_()
    for header in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"):
        assert f"<th>{header}</th>" in html
    for header in ("分值", "公布得分", "复核得分"):
        assert f'<th class="n">{header}</th>' in html
    assert 'data-figure="computed_total">98.62</td>' in html and "预算执行率" in html


def test_profiles_and_errors(putuo):
    assert set(jixiao.profiles()) >= {"mof-2020", "budget-20", "mof-2021", "shanghai-2025"}
    budget20 = putuo.score(profile="budget-20")[0]
    assert budget20.profile == "budget-20"
    with pytest.raises(jixiao.ScoreError) as info:
        putuo.score(profile="nope")
    assert info.value.code == "unknown_profile" and isinstance(info.value, jixiao.JixiaoError)
    with pytest.raises(jixiao.ReviewError) as info:
        putuo.review(profile="nope")
    assert info.value.code == "unknown_profile"
    with pytest.raises(TypeError):
        putuo.score(profile=5)


def test_auto_profile_follows_the_forms_budget_points():
    # A real Hubei 自评表 gives the budget 20 points: with no profile named, budget-20 applies.
    path = ROOT / "tests" / "real" / "selfeval" / "huanggang_shuitubaochi_2020.form.txt"
    card = jixiao.read(path).score()[0]
    assert card.profile == "budget-20"
    # Two point groups of 40: 3 × 13.33 + 2 × 20 = 79.99 of the indicators, plus 20.
    assert card.total == Decimal("99.99")
    decl = jixiao.read(path).declarations[0]
    assert decl.group_points == {"年度绩效目标1": Decimal(40), "年度绩效目标2": Decimal(40)}
    assert [i.group for i in decl.indicators] == ["年度绩效目标1"] * 3 + ["年度绩效目标2"] * 2
    assert "budget-20" in card.explain()
    assert jixiao.read(path).score(profile="mof-2020")[0].profile == "mof-2020"


def test_custom_profile_as_dict(putuo):
    base = putuo.score()[0]
    profile = {
        "name": "mine",
        "budget_points": "10",
        "level_points": {"产出指标": "50", "效益指标": "30", "满意度指标": "10"},
        "over_achievement_ratio": "1.3",
        "grades": [{"grade": "优", "min": "99"}, {"grade": "良", "min": "80"}, {"grade": "差", "min": "0"}],
    }
    card = putuo.score(profile=profile)[0]
    assert card.profile == "mine" and card.total == base.total
    assert card.grade == "良"  # 98.62 is below this profile's 优 line of 99
    with pytest.raises(jixiao.ScoreError) as info:
        putuo.score(profile={"name": "broken"})
    assert info.value.code == "bad_profile"
    back = pickle.loads(pickle.dumps(card))
    assert back == card and back.grade == "良"


def test_pickling_analysis_objects(putuo, seed):
    (card,) = putuo.score()
    review = seed.review()
    (audit,) = putuo.audit()
    summary = jixiao.summarize([putuo, seed], profile="classic", score="budget-20")
    for obj in (card, card.indicators[2], review, review[0], audit, summary, seed.summary()):
        back = pickle.loads(pickle.dumps(obj))
        assert type(back) is type(obj) and back == obj
    assert pickle.loads(pickle.dumps(card)).to_json() == card.to_json()
    assert pickle.loads(pickle.dumps(summary)).to_json() == summary.to_json()
    assert json.loads(summary.to_json())["score_profile"] == "budget-20"


def test_review(seed):
    review = seed.review()
    assert len(review) == len(review.findings) == review.errors + review.warnings + review.infos
    codes = [f.code for f in review]
    assert codes and all(isinstance(c, str) and c for c in codes)
    # the seed's 提高 is a qualitative target without a level: flagged with its line
    vague = [f for f in review if f.indicator and f.indicator.endswith("热线受理平台功能优化质量")]
    assert vague and vague[0].line and vague[0].project == "环保热线运行"
    df = review.to_pandas()
    assert list(df["code"]) == codes
    assert json.loads(review.to_json())["warnings"] == review.warnings
    assert "<th>代码</th>" in review._repr_html_()
    assert seed.review(profile="classic").errors >= 0


def test_audit(putuo):
    (audit,) = putuo.audit()
    assert audit.project == "普陀体育中心与委托运营方结算费用"
    # the published Putuo figures agree with the recomputed ones
    assert not audit.has_errors
    assert len(json.loads(audit.to_json())["findings"]) == len(audit.findings) == len(audit)


def test_audit_finds_a_wrong_published_total(putuo):
    obj = json.loads(putuo.to_json())
    obj["declarations"][0]["evaluation"]["total"] = "99.99"
    (audit,) = jixiao.Document.from_json(json.dumps(obj)).audit()
    assert audit.findings, "a wrong published 总分 must be found"
    totals = [f for f in audit.findings if f["where"] == "total"]
    assert totals and totals[0]["published"] == Decimal("99.99")
    assert totals[0]["computed"] == Decimal("98.62")
    df = audit.to_pandas()
    assert "total" in list(df["where"])


def test_summary(seed, putuo):
    s = seed.summary()
    assert s.projects == 5 and s.indicators == 29
    assert s.annual_funding == Decimal("19555000.00")
    assert Decimal(0) < s.quantitative_share < Decimal(1)
    df = s.to_pandas(by="department")
    assert list(df["department"]) == ["上海市生态环境局"]
    assert df["projects"].iloc[0] == 5
    both = jixiao.summarize([seed, putuo])
    assert both.projects == 6
    assert len(both.to_pandas(by="document")) == 2
    assert both.to_dict()["documents"] == 2
    with pytest.raises(ValueError):
        s.to_pandas(by="colour")


def test_actuals_from_bytes_and_frame(seed):
    pd = pytest.importorskip("pandas")
    csv = "项目名称,三级指标,实际完成值\n环保热线运行,服务费保障聘用人员数量,18人\n"
    cards = seed.score(actuals=csv.encode("utf-8"))
    first = cards[0].indicators[0]
    assert first.actual == "18人" and first.status == "met"
    df = pd.DataFrame({"项目名称": ["环保热线运行"], "三级指标": ["服务费保障聘用人员数量"], "实际完成值": ["18人"]})
    assert seed.score(actuals=df)[0].indicators[0].actual == "18人"
    filled = seed.with_actuals(csv.encode("utf-8"))
    assert filled[0].indicators[0].actual == "18人"
    with pytest.raises(jixiao.ScoreError) as info:
        seed.score(actuals="项目名称,三级指标,实际完成值\n没有这个项目,x,1\n".encode())
    assert info.value.code == "unknown_project" and info.value.line == 2


def test_seed_frame_round_trip(seed):
    df = seed.to_pandas(columns="zh")
    assert len(df) == 29
    assert df["年度资金申请总额"].iloc[0] == Decimal("2650000.00")
    assert type(df["年度资金申请总额"].iloc[0]) is Decimal
    assert df["项目资金总额"].iloc[0] is None
    back = jixiao.from_pandas(df, title=seed.title, year=seed.year)
    assert back == seed
    assert back.to_json() == seed.to_json()
    floats = seed.to_pandas(decimals=False, columns="zh")
    assert floats["年度资金申请总额"].dtype.kind == "f"


def test_seed_frame_english_names(seed):
    # The package's convention: English snake_case; the same cells as the Chinese frame.
    df = seed.to_pandas()
    zh = seed.to_pandas(columns="zh")
    assert list(df.columns[:3]) == ["project", "project_code", "nature"]
    assert len(df.columns) == len(zh.columns)
    assert df["funding_annual"].iloc[0] == Decimal("2650000.00")
    assert list(df["name"]) == list(zh["三级指标"])
    assert list(df["weight"]) == list(zh["分值"])
    back = jixiao.from_pandas(df, title=seed.title, year=seed.year)
    assert back == seed
    with pytest.raises(ValueError, match="columns must be"):
        seed.to_pandas(columns="fr")


def test_putuo_frame_round_trip(putuo):
    back = jixiao.from_pandas(putuo.to_pandas(), title=putuo.title, year=putuo.year)
    assert back.to_json() == putuo.to_json()
    assert back.score()[0] == putuo.score()[0]


def test_from_pandas_takes_user_frames():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "项目名称": ["示例项目", "示例项目"],
            "一级指标": ["产出指标", "满意度指标"],
            "二级指标": ["数量指标", "服务对象满意度指标"],
            "三级指标": ["培训人数", "满意度"],
            "指标值": ["≥17人", "≥90%"],
            "分值": [40, 10.0],
        }
    )
    doc = jixiao.from_pandas(df)
    assert len(doc) == 1 and len(doc[0]) == 2
    assert [i.weight for i in doc[0]] == [Decimal(40), Decimal(10)]
    with pytest.raises(TypeError):
        jixiao.from_pandas([1, 2, 3])


def _many_docs(putuo, n):
    obj = json.loads(putuo.to_json())
    docs = []
    for k in range(n):
        o = json.loads(json.dumps(obj))
        o["declarations"][0]["evaluation"]["indicators"][0]["actual"] = f"{50 + k}%"
        docs.append(jixiao.Document.from_json(json.dumps(o)))
    return docs


def test_score_many_and_four_threads(putuo):
    docs = _many_docs(putuo, 40)
    expected = [[c.to_json() for c in d.score()] for d in docs]
    assert [[c.to_json() for c in cs] for cs in jixiao.score_many(docs, threads=4)] == expected
    results = {}
    barrier = threading.Barrier(4)

    def work(k):
        barrier.wait()
        results[k] = [[c.to_json() for c in cs] for cs in jixiao.score_many(docs, threads=2)]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[k] == expected for k in range(4))
    # the scores differ by the actual, so the test would catch mixed-up results
    assert len({e[0] for e in expected}) == 40


def _score_in_worker(doc):
    return doc.score()[0]


def test_scoring_in_a_process_pool(putuo):
    docs = _many_docs(putuo, 6)
    ctx = multiprocessing.get_context("spawn")
    with cf.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as pool:
        cards = list(pool.map(_score_in_worker, docs))
    assert cards == [d.score()[0] for d in docs]
    assert [c.total for c in cards] == [d.score()[0].total for d in docs]


def test_to_arrow_keeps_decimals(seed):
    pa = pytest.importorskip("pyarrow")
    table = seed.to_arrow(columns="zh")
    assert table.num_rows == 29
    field = table.schema.field("年度资金申请总额")
    assert pa.types.is_decimal(field.type)
    assert table.column("年度资金申请总额")[0].as_py() == Decimal("2650000.00")


def test_scored_summary(seed, putuo):
    plain = jixiao.summarize([putuo, seed])
    assert "scores" not in plain.to_dict()
    s = jixiao.summarize([putuo, seed], score=True)
    scores = s.to_dict()["scores"]
    assert scores["evaluated"] == 1 and scores["complete"] == 1
    assert Decimal(scores["mean"]) == putuo.score()[0].total
    assert scores["grades"] == {"优": 1}
    df = s.to_pandas(by="document")
    assert df["mean_score"].iloc[0] == Decimal("98.62") and df["mean_score"].iloc[1] is None
    assert putuo.summary(score="budget-20").to_dict()["score_profile"] == "budget-20"
    with pytest.raises(jixiao.ScoreError):
        putuo.summary(score="nope")


def test_write_scorecards(putuo):
    cards = putuo.score()
    md = jixiao.write_scorecards(cards, "md").decode("utf-8")
    assert md.startswith("## 普陀体育中心与委托运营方结算费用") and "| 一级指标 |" in md
    assert json.loads(jixiao.write_scorecards(cards, "json")) == [json.loads(cards[0].to_json())]
    assert jixiao.write_scorecards(cards, "xlsx").startswith(b"PK\x03\x04")
    assert "总分 98.62" in jixiao.write_scorecards(cards, "text").decode("utf-8")
    with pytest.raises(ValueError):
        jixiao.write_scorecards(cards, "pdf")
    with pytest.raises(TypeError):
        jixiao.write_scorecards(["not a card"], "md")


def test_summary_csv(seed):
    csv = seed.summary().to_csv()
    lines = csv.splitlines()
    assert lines[0].startswith("group,name,projects")
    assert "19555000.00" in csv


def test_no_float_column_unless_asked(seed, putuo):
    frames = [
        seed.to_pandas(),
        putuo.to_pandas(),
        putuo.score()[0].to_pandas(),
        seed.review().to_pandas(),
        jixiao.summarize([putuo, seed], score=True).to_pandas(by="document"),
        putuo.audit()[0].to_pandas(),
    ]
    for df in frames:
        assert not [c for c in df.columns if df[c].dtype.kind == "f"], list(df.dtypes)
    df = jixiao.summarize([putuo, seed], score=True).to_pandas(by="document")
    assert str(df["evaluated"].dtype) == "Int64" and df["projects"].dtype.kind == "i"
    assert list(df["evaluated"].isna()) == [False, True]


def test_score_totals_agree_with_full_scorecards(seed):
    actuals = DATA / "seed-actuals.csv"
    cards = seed.score(actuals=actuals)
    totals = seed.score_totals(actuals=actuals)
    assert len(totals) == len(cards) == 5
    for card, t in zip(cards, totals):
        assert t["project"] == card.project
        assert (t["total"], t["max"], t["complete"], t["open"], t["grade"]) == (
            card.total,
            card.max,
            card.complete,
            card.open,
            card.grade,
        )
        assert t["scores"] == [row.score for row in card.indicators]
        assert all(isinstance(s, (Decimal, type(None))) for s in t["scores"])
    assert pickle.loads(pickle.dumps(totals)) == totals


OFFICE = ROOT / "tests" / "data" / "office"


@pytest.mark.parametrize("suffix", ["xlsx", "xls", "docx", "pdf"])
def test_office_copies_read_like_their_text(suffix):
    # LibreOffice's copies of the bundled documents: the same scores and projects as the text.
    selfeval = jixiao.read(OFFICE / f"selfeval-putuo-sports-2022.{suffix}")
    assert selfeval.format == suffix
    card = selfeval.score()[0]
    assert (card.total, card.grade) == (Decimal("98.62"), "优")
    seed = jixiao.read(OFFICE / f"shanghai-eeb-enforcement-2024.{suffix}")
    assert len(seed.declarations) == 5
    assert sum(len(d.indicators) for d in seed.declarations) == 29
    text = jixiao.read(ROOT / "tests" / "data" / "shanghai-eeb-enforcement-2024.txt")
    assert [d.project.name for d in seed.declarations] == [d.project.name for d in text.declarations]
    assert [d.funding.annual for d in seed.declarations] == [d.funding.annual for d in text.declarations]
