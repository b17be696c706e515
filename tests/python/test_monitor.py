"""Mid-year monitoring (运行监控) from Python: the constructed 执行监控表 of
tests/data/monitor-example-constructed.txt gives the budget green (50.00% at month 7,
85.71 of the expected pace), 有奖举报奖励落实发放率 red with a yellow forecast and the
reasons 制度保障 and 其他, the project red (worked out by hand from domain.md §8); policies,
months, frames, the roll-up, the check against a self-evaluation, and the errors."""

import json
from decimal import Decimal

import pytest

import jixiao

from conftest import DATA, SEED

MONITOR = DATA / "monitor-example-constructed.txt"
PUTUO = DATA / "selfeval-putuo-sports-2022.txt"


@pytest.fixture(scope="module")
def doc():
    return jixiao.read(MONITOR)


def test_done_when_of_issue_16(doc):
    report = doc.monitor()
    assert report.policy == "monitor-bands"
    (p,) = report.projects
    assert p["month"] == 7
    assert p["colour"] == "red"
    b = p["budget"]
    assert b["rate"] == Decimal("50.00")
    assert b["expected"] == Decimal("58.33")
    assert b["progress"] == Decimal("85.71")
    assert b["colour"] == "green"
    assert "50.00 ÷ (7/12) × 100 = 85.71" in b["explanation"]
    prize = next(i for i in p["indicators"] if i["name"] == "有奖举报奖励落实发放率")
    assert prize["colour"] == "red"
    assert prize["progress"] == Decimal("44.44")
    assert prize["forecast"]["colour"] == "yellow"
    assert prize["forecast"]["value"] == "85%"
    assert prize["reasons"] == ["制度保障", "其他"]
    assert prize["achievability"] == "有可能"
    assert all(i["explanation"] for i in p["indicators"])
    # The JSON is the CLI's.
    assert json.loads(report.to_json())[0]["budget"]["rate"] == "50.00"
    assert "红 red" in report.to_text()


def test_month_and_policy(doc):
    # 50% at month 6 under the milestones: 50 ÷ 40% × 100 = 125 → green.
    (p,) = doc.monitor(month=6, policy="milestones-local-example").projects
    assert p["month"] == 6
    assert p["budget"]["expected"] == Decimal("40.00")
    assert p["budget"]["progress"] == Decimal("125.00")
    assert any(f["code"] == "month_differs" for f in p["findings"])
    # A caller-defined policy as a dict: budget yellow below 90.
    policy = {
        "name": "strict",
        "expected": {"kind": "linear"},
        "budget": {"red_below": "60", "yellow_below": "90"},
        "indicator": {"red_below": "60", "yellow_below": "80", "blue_from": "120"},
    }
    (p,) = doc.monitor(policy=policy).projects
    assert p["budget"]["colour"] == "yellow"
    assert doc.monitor(policy=json.dumps(policy)).policy == "strict"


def test_frames(doc):
    df = doc.monitor().to_pandas()
    assert list(df["name"])[3] == "有奖举报奖励落实发放率"
    assert list(df["colour"]) == ["blue", "green", "green", "red", "green"]
    assert df["progress"].iloc[3] == Decimal("44.44")
    assert df["reasons"].iloc[3] == "制度保障、其他"
    assert df["reasons"].iloc[0] == ""
    projects = doc.monitor().to_pandas(per="project")
    assert projects["rate"].iloc[0] == Decimal("50.00")
    assert projects["budget_colour"].iloc[0] == "green"
    floats = doc.monitor().to_pandas(per="project", decimals=False)
    assert floats["rate"].dtype == "float64"
    with pytest.raises(ValueError):
        doc.monitor().to_pandas(per="nope")


def test_rollup_and_check(doc):
    (r,) = doc.monitor().rollup()
    assert r["department"] == "上海市生态环境局"
    assert r["projects"] == 1
    assert r["colours"] == {"red": 1}
    assert r["budget"] == Decimal("2650000.00")
    assert r["rate"] == Decimal("50.00")
    assert r["reasons"] == {"制度保障": 1, "硬件条件保障": 1, "其他": 1}
    findings = doc.monitor().check(jixiao.read(PUTUO))
    assert [f["code"] for f in findings] == ["no_selfevaluation"]


def test_errors(doc):
    with pytest.raises(jixiao.MonitorError) as e:
        jixiao.read(SEED).monitor(month=7)
    assert e.value.code == "no_monitoring"
    with pytest.raises(jixiao.MonitorError) as e:
        doc.monitor(month=13)
    assert e.value.code == "bad_month"
    with pytest.raises(jixiao.MonitorError) as e:
        doc.monitor(policy="no-such-policy")
    assert e.value.code == "unknown_policy"
    assert isinstance(e.value, jixiao.JixiaoError)
    with pytest.raises(TypeError):
        doc.monitor(policy=3)


def test_the_monitoring_round_trips_through_json(doc):
    again = jixiao.Document.from_json(doc.to_json())
    assert again == doc
    assert again.monitor().projects == doc.monitor().projects
