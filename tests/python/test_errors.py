"""Errors: one hierarchy under JixiaoError with codes and locations; TypeError for wrong
argument types; OSError for files; nothing crashes the interpreter."""

import pathlib

import pytest

import jixiao


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", None),
        (b"   \n\n  ", None),
        (b"\x00\x01\x02\x03garbage\xff\xfe\x00", "binary_input"),
        (b"hello world\nnothing to see\n", "no_declaration"),
        (b'{"schema": "jixiao/1", "declarations": [', "bad_json"),
        (b'{"schema": "other/9", "declarations": []}', "bad_json"),
    ],
)
def test_unreadable_input_raises_parse_error(data, code):
    with pytest.raises(jixiao.ParseError) as info:
        jixiao.read(data, name="bad.txt")
    e = info.value
    assert isinstance(e, jixiao.JixiaoError) and isinstance(e, ValueError)
    assert isinstance(e.code, str) and e.code
    if code:
        assert e.code == code
    assert e.file == "bad.txt"
    assert e.line is None or e.line >= 1
    assert "bad.txt" in str(e)


def test_empty_input_has_its_code():
    with pytest.raises(jixiao.ParseError) as info:
        jixiao.read(b"")
    assert info.value.code == "empty_input"


def test_bad_json_has_line_and_column():
    with pytest.raises(jixiao.ParseError) as info:
        jixiao.Document.from_json('{"schema": "jixiao/1",\n "declarations": [}')
    e = info.value
    assert e.code == "bad_json"
    assert e.line == 2 and e.column is not None


def test_truncated_form_has_a_line():
    from conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    head = "\n".join(text.splitlines()[:9])  # stops inside the first form's header
    try:
        doc = jixiao.read(head.encode())
    except jixiao.ParseError as e:
        assert e.line is not None and e.line >= 1
    else:
        # a reader that recovers must say what it recovered from, with lines
        assert doc.diagnostics
        assert all(f.line for f in doc.diagnostics)


@pytest.mark.parametrize("bad", [5, 1.5, None, ["a"], {"a": 1}, object()])
def test_wrong_types_raise_type_error(bad):
    with pytest.raises(TypeError):
        jixiao.read(bad)


def test_wrong_types_elsewhere():
    with pytest.raises(TypeError):
        jixiao.read_text(b"bytes are not text")
    with pytest.raises(TypeError):
        jixiao.Document.from_json(5)
    with pytest.raises(TypeError):
        jixiao.Target(5)
    with pytest.raises(TypeError):
        jixiao.read_many("one/path.txt")
    with pytest.raises(TypeError):
        jixiao.read_many([5])


def test_bad_options_raise_value_error():
    with pytest.raises(ValueError):
        jixiao.read(b"{}", format="pdf")
    with pytest.raises(ValueError):
        jixiao.read(b"{}", encoding="latin-9")
    with pytest.raises(ValueError):
        jixiao.read_many([], errors="ignore")


def test_missing_file_is_file_not_found(tmp_path: pathlib.Path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError) as info:
        jixiao.read(missing)
    assert info.value.filename == str(missing)


def test_str_content_hint():
    with pytest.raises(FileNotFoundError, match="read_text"):
        jixiao.read('{"schema": "jixiao/1",\n"declarations": []}')


def test_read_many_errors_return():
    docs = jixiao.read_many([b"", b'{"schema": "jixiao/1", "declarations": []}'], errors="return")
    assert isinstance(docs[0], jixiao.ParseError) and docs[0].code == "empty_input"
    assert isinstance(docs[1], jixiao.Document) and len(docs[1]) == 0
    with pytest.raises(jixiao.ParseError):
        jixiao.read_many([b'{"schema": "jixiao/1", "declarations": []}', b""])
