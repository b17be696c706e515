"""Property tests (hypothesis): no input crashes the interpreter; JSON round trips."""

import pickle
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jixiao


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data):
    try:
        doc = jixiao.read(data)
    except jixiao.ParseError as e:
        assert e.code
    else:
        assert jixiao.Document.from_json(doc.to_json()) == doc


FORMISH = st.lists(
    st.sampled_from(
        [
            "财政项目支出绩效目标申报表",
            "(2024年度)",
            "项目名称\t示例\t项目性质\t其他一次性项目",
            "项目资金 (元)\t项目资金总额\t\t年度资金申请总额\t1,000.00",
            "一级指标\t二级指标\t三级指标\t年度(/项目)指标值",
            "产出指标\t数量指标\t培训人数\t≥17.00(人)",
            "\t质量指标\t合格率\t$\\geq 90.00\\%$",
            "| 效益指标 | 社会效益指标 | 满意度 | ≥90% |",
            "--- | ---",
            "\t\t\t",
            "",
            "<p>目标</p>",
        ]
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FORMISH, st.sampled_from(["utf-8", "gb18030", "utf-16"]), st.sampled_from(["\n", "\r\n", "\r"]))
def test_form_like_text_never_crashes_and_round_trips(lines, encoding, newline):
    data = newline.join(lines).encode(encoding)
    try:
        doc = jixiao.read(data)
    except jixiao.ParseError as e:
        assert e.code
        return
    back = jixiao.Document.from_json(doc.to_json())
    assert back == doc
    assert pickle.loads(pickle.dumps(doc)) == doc


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_target_text_parses_and_round_trips(text):
    t = jixiao.Target(text)
    assert t.text == text
    assert t.kind in ("quantitative", "qualitative", "invalid")
    if t.kind == "quantitative":
        assert isinstance(t.value, Decimal) and t.comparator in (">=", ">", "=", "<", "<=")
    assert pickle.loads(pickle.dumps(t)) == t


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["≥", ">=", "≧", "不低于", "＞", ">", "=", "＝", "≤", "<=", "不超过", "<", ""]),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "%", "(%)", "人", "(人)", "台", "万元"]),
)
def test_render_parses_back(comparator, value, unit):
    t = jixiao.Target(f"{comparator}{value}{unit}")
    if t.kind != "quantitative":
        return
    assert t.value == value
    again = jixiao.Target(t.render())
    assert (again.kind, again.comparator, again.value, again.unit) == (t.kind, t.comparator, t.value, t.unit)
