"""The seed (tests/data/shanghai-eeb-enforcement-2024.txt): a unit's 汇总表 of five
绩效目标申报表 in the form layout. The same counts and values as the Rust and C tests."""

import datetime
import json
import os
import pathlib
from decimal import Decimal

import pytest

import jixiao

from conftest import GOLDEN, SEED

ANNUAL = [
    Decimal("2650000.00"),
    Decimal("4228800.00"),
    Decimal("1946200.00"),
    Decimal("730000.00"),
    Decimal("10000000.00"),
]


@pytest.fixture(scope="module")
def seed():
    return jixiao.read(str(SEED))


def find(doc, name):
    matches = [i for i in doc.indicators if i.name == name]
    assert len(matches) == 1, name
    return matches[0]


def test_counts(seed):
    assert seed.format == "form"
    assert len(seed) == 5
    assert len(seed.indicators) == 29
    assert sum(len(d) for d in seed) == 29
    assert seed.title == "上海市生态环境局执法总队2024年度项目绩效目标汇总表"


def test_funding_exact(seed):
    assert [d.funding.annual for d in seed] == ANNUAL
    for d in seed:
        assert d.funding.unit == "元"
        assert d.funding.total is None  # 项目资金总额 left empty: None, never 0
        assert type(d.funding.annual) is Decimal


def test_header_and_dates(seed):
    p = seed[0].project
    assert p.name == "环保热线运行"
    assert p.nature == "其他一次性项目" and p.category == "特定目标类"
    assert p.department == "上海市生态环境局"
    assert p.implementer == "上海市生态环境局执法总队"
    assert p.start_date == datetime.date(2024, 1, 1)
    assert p.end_date == datetime.date(2024, 12, 31)


def test_goals_without_html(seed):
    for d in seed:
        for text in (d.goals.overall, d.goals.annual):
            assert text is None or "<p>" not in text
    assert any(d.goals.annual for d in seed)


def test_targets(seed):
    t = find(seed, "服务费保障聘用人员数量").target
    assert (t.kind, t.comparator, t.value, t.unit) == ("quantitative", ">=", Decimal("17.00"), "人")
    assert t.text == "≥17.00(人)"
    assert type(t.value) is Decimal
    q = find(seed, "热线受理平台功能优化质量").target
    assert q.kind == "qualitative" and q.text == "提高" and q.value is None
    for i in seed.indicators:
        assert i.target.kind in ("quantitative", "qualitative"), (i.name, i.target.text)


def test_latex_target(seed):
    latex = [i for i in seed.indicators if "\\geq" in i.target.text]
    assert latex, "the seed has an OCR LaTeX target"
    for i in latex:
        assert (i.target.comparator, i.target.value, i.target.unit) == (">=", Decimal("90.00"), "%")


def test_merged_cells(seed):
    assert find(seed, "热线受理平台功能优化合格率").level2 == "质量指标"
    assert find(seed, "服务费用按时发放").level2 == "质量指标"
    for i in seed.indicators:
        assert i.known_levels, i.path


def test_golden_json(seed):
    golden = GOLDEN / "seed.json"
    if not golden.exists():
        pytest.skip("tests/golden/seed.json is not in the repository yet")
    assert seed.to_json() == golden.read_text(encoding="utf-8")


def test_json_round_trip(seed):
    back = jixiao.Document.from_json(seed.to_json())
    assert back == seed
    assert back.to_json() == seed.to_json()


@pytest.mark.parametrize("fmt", ["form", "csv", "tsv", "xlsx"])
def test_written_formats_read_back_equal(seed, fmt):
    data = seed.write(fmt)
    assert jixiao.read(data, format=fmt).to_json() == seed.to_json()


def test_gb18030_crlf_gives_the_same_json(seed):
    text = SEED.read_text(encoding="utf-8")
    data = text.replace("\n", "\r\n").encode("gb18030")
    doc = jixiao.read(data, name="seed-gbk.txt")
    assert doc.encoding == "GB18030"
    assert doc.to_json() == seed.to_json()
    assert jixiao.read(data, encoding="gb18030") == seed


def test_every_source_kind(seed):
    data = SEED.read_bytes()
    assert jixiao.read(SEED) == seed  # pathlib.Path
    assert jixiao.read(os.fspath(SEED)) == seed  # str
    assert jixiao.read(data) == seed  # bytes
    assert jixiao.read(bytearray(data)) == seed
    assert jixiao.read(memoryview(data)) == seed
    assert jixiao.read_text(data.decode("utf-8")) == seed


def test_read_many_matches_read(seed):
    docs = jixiao.read_many([SEED, SEED.read_bytes(), str(SEED)])
    assert docs == [seed, seed, seed]


def test_json_keys_as_formats_md(seed):
    obj = json.loads(seed.to_json())
    assert obj["schema"] == "jixiao/1"
    i = obj["declarations"][0]["indicators"][0]
    assert i["target"]["value"] == "17.00" and i["target"]["comparator"] == ">="
    assert obj["declarations"][0]["funding"]["total"] is None
