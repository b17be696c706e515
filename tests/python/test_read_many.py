"""The bulk paths: ``read_many(workers=…)`` equals ``read`` input by input, keeps the order,
and names the input of every error; ``score_table`` on a document large enough to run on
every core gives the figures of the per-declaration call."""

import pytest

import jixiao

from conftest import DATA

FILES = sorted(str(p) for p in DATA.glob("*.txt")) + [str(DATA / "list-example.csv")]


@pytest.mark.parametrize("workers", [None, 1, 2, 5])
def test_read_many_equals_read_in_input_order(workers):
    # Twice each file, reversed order the second time: every position checked.
    sources = FILES + FILES[::-1]
    docs = jixiao.read_many(sources, workers=workers)
    sequential = [jixiao.read(p) for p in sources]
    assert len(docs) == len(sources)
    assert docs == sequential
    assert [d.to_json() for d in docs] == [d.to_json() for d in sequential]
    assert [[f.to_json() for f in d.diagnostics] for d in docs] == [
        [f.to_json() for f in d.diagnostics] for d in sequential
    ]


def test_read_many_mixes_paths_and_bytes():
    data = [open(p, "rb").read() for p in FILES]
    mixed = [x for pair in zip(FILES, data) for x in pair]
    docs = jixiao.read_many(mixed, workers=3)
    assert docs == [jixiao.read(x) for x in mixed]


def test_workers_and_threads():
    one = jixiao.read_many(FILES, workers=1)
    assert jixiao.read_many(FILES, threads=2) == one
    assert jixiao.read_many(FILES, workers=2, threads=2) == one
    assert jixiao.read_many(FILES, workers=0) == one  # at least one thread
    with pytest.raises(TypeError, match="workers"):
        jixiao.read_many(FILES, workers=1, threads=2)
    totals = [[c.total for c in cards] for cards in jixiao.score_many(one, workers=1)]
    assert [[c.total for c in cards] for cards in jixiao.score_many(one, workers=2)] == totals
    assert [[c.total for c in cards] for cards in jixiao.score_many(one, threads=2)] == totals


def test_errors_name_the_file(tmp_path):
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    missing = tmp_path / "missing.txt"
    sources = [FILES[0], str(binary), b"", str(missing), FILES[1]]
    out = jixiao.read_many(sources, errors="return", workers=2)
    assert out[0] == jixiao.read(FILES[0]) and out[4] == jixiao.read(FILES[1])
    parse = out[1]
    assert isinstance(parse, jixiao.ParseError)
    assert str(binary) in str(parse) and parse.file == str(binary)
    assert parse.code == "binary_input"
    empty = out[2]
    assert isinstance(empty, jixiao.ParseError) and empty.code == "empty_input"
    assert str(empty).startswith("source 2 (bytes): ")
    gone = out[3]
    assert isinstance(gone, FileNotFoundError) and gone.filename == str(missing)
    # errors="raise": the first failing input, named.
    with pytest.raises(jixiao.ParseError, match="broken.txt"):
        jixiao.read_many(sources, workers=2)
    with pytest.raises(jixiao.ParseError, match=r"^source 0 \(bytes\)"):
        jixiao.read_many([b"", FILES[0]])


def test_score_table_on_every_core_equals_the_declarations():
    # 300 self-evaluations: past the threshold (256) where the scoring runs on every core.
    text = open(DATA / "selfeval-putuo-sports-2022.txt", "rb").read()
    doc = jixiao.read(text * 300)
    assert len(doc) == 300
    table = doc.score_table(frame=False)
    totals = doc.score_totals()
    assert table["total"] == [t["total"] for t in totals]
    assert table["grade"] == [t["grade"] for t in totals]
    per = doc.score_table(per="indicator", frame=False)
    assert per["score"] == [s for t in totals for s in t["scores"]]
    cards = doc.score()
    assert [c.total for c in cards] == table["total"]
    assert [c.total for c in jixiao.score_many([doc], workers=2)[0]] == table["total"]
    pd = pytest.importorskip("pandas")
    df = doc.score_table()
    assert isinstance(df, pd.DataFrame) and len(df) == 300
    assert df["total"].tolist() == table["total"]


def _names_in_child(paths):
    return [[d.project.name for d in doc] for doc in jixiao.read_many(paths, workers=2)]


def test_read_many_in_a_forked_child():
    # Each call runs on a pool of its own, gone after the call: a child forked after
    # parallel calls in the parent has no half-inherited pool to wait on.
    multiprocessing = pytest.importorskip("multiprocessing")
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    expected = [[d.project.name for d in doc] for doc in jixiao.read_many(FILES, workers=2)]
    jixiao.score_many(jixiao.read_many(FILES), workers=2)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply_async(_names_in_child, (FILES,)).get(timeout=120) == expected
