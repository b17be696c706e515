"""The model as Python sees it: exact types (Decimal, date, never float), equality,
JSON round trips, pickling, repr."""

import datetime
import json
import pickle
from decimal import Decimal

import pytest

import jixiao


def test_version_and_all():
    assert isinstance(jixiao.__version__, str) and jixiao.__version__.count(".") == 2
    for name in jixiao.__all__:
        assert hasattr(jixiao, name), name
    assert issubclass(jixiao.JixiaoError, ValueError)
    for sub in (jixiao.ParseError, jixiao.ReviewError, jixiao.ScoreError):
        assert issubclass(sub, jixiao.JixiaoError)


def test_bytes_json_is_content(sample_json):
    doc = jixiao.read(sample_json.encode("utf-8"))
    assert doc.format == "json"
    assert doc.title == "示例单位2024年度项目绩效目标汇总表"
    assert doc.year == 2024
    assert len(doc) == 2 and len(doc.declarations) == 2
    assert len(doc.indicators) == 2


def test_types_are_exact(sample_json):
    d = jixiao.Document.from_json(sample_json)[0]
    p, f = d.project, d.funding
    assert p.name == "环保热线运行" and p.code == "P-001"
    assert p.start_date == datetime.date(2024, 1, 1) and type(p.start_date) is datetime.date
    assert p.end_date == datetime.date(2024, 12, 31)
    assert f.unit == "元"
    assert f.annual == Decimal("2650000.00") and type(f.annual) is Decimal
    assert str(f.annual) == "2650000.00"  # scale kept
    assert f.total is None and f.total_fiscal is None
    assert f.annual_carryover == Decimal("0.00")
    assert d.goals.overall == "保障热线运行"
    assert d.level_points == {"产出指标": Decimal("50")}
    i0, i1 = d.indicators
    assert (i0.level1, i0.level2, i0.name) == ("产出指标", "数量指标", "服务费保障聘用人员数量")
    assert i0.path == "产出指标/数量指标/服务费保障聘用人员数量"
    assert i0.weight == Decimal("20") and i1.weight == Decimal("10.5")
    t = i0.target
    assert (t.text, t.kind, t.comparator, t.value, t.unit) == (
        "≥17.00(人)",
        "quantitative",
        ">=",
        Decimal("17.00"),
        "人",
    )
    assert i1.target.kind == "qualitative" and i1.target.value is None
    assert (i0.actual, i0.score) == ("18人", Decimal("20"))
    assert i1.deviation == "无"
    e = d.evaluation
    assert e.total == Decimal("98.62")
    assert e.budget.executed == Decimal("215457.60") and e.budget.rate == "86.18%"
    assert jixiao.Document.from_json(sample_json)[1].evaluation is None
    assert jixiao.Document.from_json(sample_json)[1].funding.unit == "万元"


def test_no_float_anywhere(sample_json):
    doc = jixiao.Document.from_json(sample_json)
    seen = []

    def walk(obj, depth=0):
        if depth > 4:
            return
        for name in dir(obj):
            if name.startswith("_"):
                continue
            value = getattr(obj, name)
            if callable(value):
                continue
            seen.append(value)
            assert not isinstance(value, float), (type(obj).__name__, name)
            if isinstance(value, list):
                for v in value:
                    walk(v, depth + 1)
            elif type(value).__module__ == "jixiao":
                walk(value, depth + 1)

    walk(doc)
    assert any(isinstance(v, Decimal) for v in seen)


def test_json_round_trip(sample_json):
    doc = jixiao.Document.from_json(sample_json)
    text = doc.to_json()
    assert text.endswith("\n")
    back = jixiao.Document.from_json(text)
    assert back == doc
    assert back.to_json() == text
    assert json.loads(doc.to_json(compact=True)) == json.loads(text)
    # money stays a string in JSON, never a float
    assert json.loads(text)["declarations"][0]["funding"]["annual"] == "2650000.00"
    assert jixiao.Document.from_json(text.encode()) == doc


def test_declaration_to_json_is_a_document(sample_json):
    d = jixiao.Document.from_json(sample_json)[0]
    one = jixiao.Document.from_json(d.to_json())
    assert len(one) == 1 and one[0] == d


def test_equality_and_inequality(sample_json):
    a = jixiao.Document.from_json(sample_json)
    b = jixiao.Document.from_json(sample_json)
    assert a == b and a is not b
    assert a[0] == b[0] and a[0] != a[1]
    assert a[0].indicators[0] == b[0].indicators[0]
    assert a[0].indicators[0] != a[0].indicators[1]
    assert a[0].funding != a[1].funding
    assert (a == "x") is False


def test_len_iter_getitem(sample_json):
    doc = jixiao.Document.from_json(sample_json)
    assert [d.project.name for d in doc] == ["环保热线运行", "第二个项目"]
    assert doc[-1].project.name == "第二个项目"
    with pytest.raises(IndexError):
        doc[2]
    assert [i.name for i in doc[0]] == [i.name for i in doc[0].indicators]
    assert len(doc[0]) == 2


def test_pickle_every_object(sample_json):
    doc = jixiao.Document.from_json(sample_json)
    d = doc[0]
    objects = [
        doc,
        d,
        d.project,
        d.funding,
        d.goals,
        d.evaluation,
        d.evaluation.budget,
        d.indicators[0],
        d.indicators[1],
        d.indicators[0].target,
        jixiao.Target("提高"),
    ]
    for obj in objects:
        for protocol in (2, pickle.HIGHEST_PROTOCOL):
            back = pickle.loads(pickle.dumps(obj, protocol=protocol))
            assert type(back) is type(obj)
            assert back == obj, type(obj).__name__
    # an indicator keeps its published evaluation through pickling
    back = pickle.loads(pickle.dumps(d.indicators[1]))
    assert back.actual == "提高" and back.score == Decimal("10.5")


def test_repr_is_readable(sample_json):
    doc = jixiao.Document.from_json(sample_json)
    assert repr(doc) == (
        "Document(title='示例单位2024年度项目绩效目标汇总表', year=2024, declarations=2, indicators=2)"
    )
    assert "project='环保热线运行'" in repr(doc[0])
    assert "annual=Decimal('2650000.00')" in repr(doc[0].funding)
    assert "datetime.date(2024, 1, 1)" in repr(doc[0].project)
    assert repr(doc[0].indicators[0]).startswith(
        "Indicator(level1='产出指标', level2='数量指标', name='服务费保障聘用人员数量', target='≥17.00(人)'"
    )
    t = doc[0].indicators[0].target
    assert repr(t) == (
        "Target('≥17.00(人)', kind='quantitative', comparator='>=', value=Decimal('17.00'), unit='人')"
    )
    assert str(t) == "≥17.00(人)"


def test_target_is_hashable(sample_json):
    d = jixiao.Document.from_json(sample_json)[0]
    a, b = d.indicators[0].target, jixiao.Document.from_json(sample_json)[0].indicators[0].target
    assert hash(a) == hash(b) and len({a, b}) == 1


def test_frozen(sample_json):
    doc = jixiao.Document.from_json(sample_json)
    with pytest.raises(AttributeError):
        doc.title = "x"
    with pytest.raises(AttributeError):
        doc[0].funding.annual = Decimal(1)


def test_write_formats(sample_json):
    doc = jixiao.Document.from_json(sample_json)
    out = doc.write("json")
    assert isinstance(out, bytes) and out.decode("utf-8") == doc.to_json()
    for fmt in ("form", "csv", "tsv", "md"):
        assert isinstance(doc.write(fmt), bytes)
        assert "服务费保障聘用人员数量" in doc.write(fmt).decode("utf-8"), fmt
    assert doc.write("xlsx").startswith(b"PK\x03\x04")
    # The official form as a Word document reads back as the same projects and indicators.
    docx = doc.write("docx")
    back = jixiao.read(docx, name="back.docx")
    assert back.format == "docx"
    assert [d.project.name for d in back] == [d.project.name for d in doc]
    assert [[i.name for i in d.indicators] for d in back] == [[i.name for i in d.indicators] for d in doc]
    with pytest.raises(ValueError):
        doc.write("pdf")


def test_repr_html(sample_json):
    doc = jixiao.Document.from_json(sample_json)
    # the sections of the HTML report (core's write::html): a 自评表 and a 申报表
    html = doc._repr_html_()
    for header in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"):
        assert f"<th>{header}</th>" in html
    assert "服务费保障聘用人员数量" in html and "≥17.00(人)" in html
    assert "<td>18人</td>" in html and "98.62" in html
    # a repeated 一级 is one merged cell, as in a printed form
    assert html.count('<td class="l" rowspan="2">产出指标</td>') == 1
    assert html.count(">产出指标</td>") == 1
    assert doc[1]._repr_html_().count("<th>实际完成值</th>") == 0  # no self-evaluation
    assert 'data-kind="declaration"' in doc[1]._repr_html_()
    evil = json.loads(sample_json)
    evil["declarations"][0]["project"]["name"] = "<script>x</script>"
    assert "<script>" not in jixiao.Document.from_json(json.dumps(evil))._repr_html_()
