"""The broken-input table (tests/broken/cases.json, docs/robustness.md) through
``jixiao.read``: every case raises ParseError with exactly the code and line the table
says, or reads with the reader diagnostic and the values it says. Review findings are
checked by the Rust test only (the module has no review call)."""

import io
import json
import pathlib
import zipfile

import pytest

import jixiao

BROKEN = pathlib.Path(__file__).resolve().parents[1] / "broken"
TABLE = json.loads((BROKEN / "cases.json").read_text(encoding="utf-8"))
CASES = TABLE["cases"]


def long_line() -> bytes:
    """A form title line, then one line of 10,000,000 bytes."""
    return "财政项目支出绩效目标申报表\n项目名称\t".encode() + b"a" * 10_000_000 + b"\n"


def zip_bomb() -> bytes:
    """An .xlsx whose sheet is 300 MB of zeros deflated (about 300 KB), its size declared."""
    out = io.BytesIO()
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("xl/worksheets/sheet1.xml", "w") as entry:
            for _ in range(300):
                entry.write(chunk)
    return out.getvalue()


def case_input(case):
    generate = case.get("generate")
    if generate == "long_line":
        return long_line(), "long-line.txt"
    if generate == "zip_bomb":
        return zip_bomb(), "bomb.xlsx"
    assert generate is None, generate
    return (BROKEN / case["file"]).read_bytes(), case["file"]


def pointer(value, path: str):
    """RFC 6901: the value at `path`, or KeyError."""
    for token in path.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        value = value[int(token)] if isinstance(value, list) else value[token]
    return value


def test_the_table_is_complete():
    assert len(CASES) >= 30
    for case in CASES:
        assert "file" in case or "generate" in case, case["name"]
        if "file" in case:
            assert (BROKEN / case["file"]).is_file(), case["file"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_broken_input(case):
    data, name = case_input(case)
    options = case.get("options", {})
    kwargs = {"name": name}
    if "format" in options:
        kwargs["format"] = options["format"]
    if "encoding" in options:
        kwargs["encoding"] = options["encoding"]
    if "error" in case:
        with pytest.raises(jixiao.ParseError) as info:
            jixiao.read(data, **kwargs)
        e = info.value
        assert isinstance(e, jixiao.JixiaoError) and isinstance(e, ValueError)
        assert (e.code, e.line) == (case["error"], case["line"]), str(e)
        assert e.file == name
        return
    doc = jixiao.read(data, **kwargs)
    assert len(doc.declarations) == case["declarations"]
    if "diagnostic" in case:
        want = (case["diagnostic"]["code"], case["diagnostic"]["line"])
        got = [(f.code, f.line) for f in doc.diagnostics]
        assert want in got, got
    canonical = json.loads(doc.to_json())
    for v in case.get("values", []):
        assert pointer(canonical, v["pointer"]) == v["equals"], v["pointer"]
