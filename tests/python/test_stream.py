"""`jixiao.stream`: declarations one at a time, equal to what `jixiao.read` gives."""

import pytest

import jixiao

from conftest import DATA, SEED


def test_stream_yields_the_declarations_read_gives():
    whole = jixiao.read(SEED)
    streamed = list(jixiao.stream(SEED))
    assert [d.project.name for d in streamed] == [d.project.name for d in whole]
    assert [len(d.indicators) for d in streamed] == [len(d.indicators) for d in whole]
    assert streamed[0].funding.annual == whole[0].funding.annual
    assert [i.target.text for i in streamed[4].indicators] == [i.target.text for i in whole[4].indicators]


def test_stream_keeps_the_order_of_read_for_a_list(tmp_path):
    rows = ["项目名称,一级指标,二级指标,三级指标,指标值,分值"]
    for n, project in enumerate(["甲", "乙", "丙", "丁"], 1):
        for level2, name in [("数量指标", "培训人数"), ("质量指标", "合格率"), ("时效指标", "完成时间")]:
            rows.append(f"{project},产出指标,{level2},{name},≥{n}人,10")
    four = tmp_path / "four.csv"
    four.write_text("\n".join(rows) + "\n", encoding="utf-8")
    # 甲 乙 丙 丁 once streamed as 甲 丙 乙 丁.
    for path in [four, DATA / "seed-actuals.csv"]:
        whole = jixiao.read(path)
        streamed = list(jixiao.stream(path))
        assert [d.project.name for d in streamed] == [d.project.name for d in whole], path
        assert [[i.name for i in d.indicators] for d in streamed] == [
            [i.name for i in d.indicators] for d in whole
        ], path
    assert [d.project.name for d in jixiao.stream(four)] == ["甲", "乙", "丙", "丁"]


def test_stream_reports_format_and_encoding(tmp_path):
    gb = tmp_path / "seed-gb18030.txt"
    gb.write_bytes(SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    s = jixiao.stream(gb)
    assert (s.format, s.encoding) == ("form", "GB18030")
    assert len(list(s)) == 5
    lst = jixiao.stream(DATA / "list-example.csv")
    assert lst.format == "csv"
    assert [len(d.indicators) for d in lst] == [11, 5]


def test_stream_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        jixiao.stream(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(jixiao.ParseError) as err:
        list(jixiao.stream(empty))
    assert err.value.code == "empty_input"
    with pytest.raises(TypeError):
        jixiao.stream(42)
