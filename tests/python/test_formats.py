"""Every input format through jixiao.read — paths and bytes — and clear errors for bad
spreadsheets and lists (code, file, line)."""

import json
from decimal import Decimal

import pytest

import jixiao

from conftest import DATA, SEED


@pytest.fixture(scope="module")
def seed():
    return jixiao.read(SEED)


@pytest.mark.parametrize("fmt, suffix", [("xlsx", ".xlsx"), ("csv", ".csv"), ("tsv", ".tsv"), ("form", ".txt"), ("json", ".json")])
def test_written_files_read_back_from_paths(seed, tmp_path, fmt, suffix):
    path = tmp_path / f"seed{suffix}"
    path.write_bytes(seed.write(fmt))
    doc = jixiao.read(path)
    assert doc.format == ("form" if fmt == "form" else fmt)
    assert doc == seed and doc.title == seed.title


def test_markdown_is_written(seed):
    md = seed.write("md").decode("utf-8")
    assert md.count("服务费保障聘用人员数量") == 1 and "|" in md


def test_list_example_csv():
    doc = jixiao.read(DATA / "list-example.csv")
    assert doc.format == "csv" and len(doc) >= 1
    # written back as CSV and read again: equal
    assert jixiao.read(doc.write("csv")) == doc


def test_gb18030_csv_with_a_bad_weight():
    csv = "项目名称,一级指标,二级指标,三级指标,指标值,分值\n甲,产出指标,数量指标,培训人数,≥17人,十分\n"
    doc = jixiao.read(csv.encode("gb18030"), name="gbk.csv")
    assert doc.encoding == "GB18030" and doc.format == "csv"
    i = doc[0].indicators[0]
    assert i.target.value == Decimal("17") and i.weight is None
    (finding,) = [f for f in doc.diagnostics if f.code == "bad_weight"]
    assert finding.line == 2 and "十分" in finding.message
    assert "十分" in json.dumps(json.loads(doc.to_json()), ensure_ascii=False)  # kept, not lost


@pytest.mark.parametrize(
    "data, words",
    [
        (b"PK\x03\x04" + b"garbage" * 20, "corrupt"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "OLE compound file"),
    ],
)
def test_bad_workbooks(data, words):
    with pytest.raises(jixiao.ParseError) as info:
        jixiao.read(data, name="book.xlsx")
    e = info.value
    assert e.code == "bad_workbook" and e.file == "book.xlsx"
    assert words in str(e)


def test_a_list_without_rows_or_header():
    with pytest.raises(jixiao.ParseError) as info:
        jixiao.read("项目名称,三级指标\n".encode(), name="h.csv")
    assert info.value.code == "no_declaration" and info.value.line == 1


def test_a_ten_megabyte_line_is_an_error_not_a_crash():
    with pytest.raises(jixiao.ParseError) as info:
        jixiao.read(b"x" * (10 << 20))
    # A line longer than core's limit (limits::MAX_LINE_BYTES, 1 MiB) is refused as such.
    assert info.value.code == "too_large" and info.value.line == 1


def _nulls_and_absents(value, key=None):
    """The JSON value with every optional scalar set to null, and with those keys removed."""
    if isinstance(value, dict):
        nulled, removed = {}, {}
        for k, v in value.items():
            if key in ("extra", "level_points"):  # data maps: their keys are data
                nulled[k] = removed[k] = v
            elif isinstance(v, (dict, list)):
                nulled[k], removed[k] = _nulls_and_absents(v, k)
            elif k in ("project", "name"):  # required
                nulled[k] = removed[k] = v
            else:
                nulled[k] = None
        return nulled, removed
    if isinstance(value, list):
        pairs = [_nulls_and_absents(v) for v in value]
        return [n for n, _ in pairs], [r for _, r in pairs]
    return value, value


def test_json_nulls_read_as_absent_keys():
    """formats.md §C: absent values are null. A written self-evaluation with every optional
    value null reads through jixiao.read as the same document without those keys."""
    doc = jixiao.read(DATA / "selfeval-putuo-sports-2022.txt")
    written = json.loads(doc.write("json"))
    nulled, removed = _nulls_and_absents(written)
    assert nulled["declarations"][0]["indicators"][0]["target"]["text"] is None
    assert nulled["declarations"][0]["evaluation"]["indicators"][0]["actual"] is None
    from_nulls = jixiao.read(json.dumps(nulled, ensure_ascii=False).encode(), name="nulls.json")
    from_absent = jixiao.read(json.dumps(removed, ensure_ascii=False).encode(), name="absent.json")
    assert from_nulls.format == "json" and from_nulls == from_absent
    assert from_nulls.write("json") == from_absent.write("json")
    indicator = from_nulls[0].indicators[0]
    assert indicator.weight is None and indicator.target.text == ""
    # Whole blocks null: no self-evaluation, no funding figures, no indicators.
    written["declarations"][0].update(evaluation=None, funding=None, indicators=None, goals=None)
    back = jixiao.read(json.dumps(written, ensure_ascii=False).encode(), name="blocks.json")
    assert back[0].evaluation is None and back[0].indicators == []
    # A wrong type is still an error naming the file and line.
    written["declarations"][0]["indicators"] = "none"
    with pytest.raises(jixiao.ParseError) as e:
        jixiao.read(json.dumps(written, indent=1).encode(), name="wrong.json")
    assert e.value.code == "bad_json" and e.value.file == "wrong.json" and e.value.line
