"""Arrow, Polars and DuckDB: typed columns built in Rust, and queries over them that give
the figures of the documents (written by hand from tests/data and domain.md)."""

import datetime
import sys
from decimal import Decimal

import pytest

import jixiao

from conftest import DATA

pa = pytest.importorskip("pyarrow")

SEED = DATA / "shanghai-eeb-enforcement-2024.txt"
PUTUO = DATA / "selfeval-putuo-sports-2022.txt"


@pytest.fixture(scope="module")
def seed():
    return jixiao.read(SEED)


@pytest.fixture(scope="module")
def putuo():
    return jixiao.read(PUTUO)


def test_document_arrow_types(seed):
    t = seed.to_arrow()
    assert t.num_rows == 29
    schema = t.schema
    # Money: decimal128 with the scale of the data (2,650,000.00 has two decimals).
    assert schema.field("funding_annual").type == pa.decimal128(38, 2)
    assert t.column("funding_annual")[0].as_py() == Decimal("2650000.00")
    # Dates: date32.
    assert schema.field("start_date").type == pa.date32()
    assert t.column("start_date")[0].as_py() == datetime.date(2024, 1, 1)
    assert t.column("end_date")[0].as_py() == datetime.date(2024, 12, 31)
    # Level names and codes: dictionary-encoded strings.
    for name in ("project", "level1", "level2", "name", "department"):
        assert pa.types.is_dictionary(schema.field(name).type), name
        assert schema.field(name).type.value_type == pa.string()
    assert t.column("level1").to_pylist()[:1] == ["产出指标"]
    assert t.column("project").to_pylist()[0] == "环保热线运行"
    # The same cells as the pandas frame, column by column.
    df = seed.to_pandas()
    assert t.column_names == list(df.columns)
    for name in t.column_names:
        assert t.column(name).to_pylist() == [None if v is None else v for v in df[name]], name


def test_document_arrow_chinese_names(seed):
    t = seed.to_arrow(columns="zh")
    assert t.column_names[:2] == ["项目名称", "项目编码"]
    assert t.column("年度资金申请总额")[0].as_py() == Decimal("2650000.00")


def test_score_table_arrow_exact(putuo):
    t = putuo.score_table(as_="arrow")
    assert t.num_rows == 1
    assert t.column("total")[0].as_py() == Decimal("98.62")
    assert t.schema.field("total").type == pa.decimal128(38, 2)
    assert t.column("grade").to_pylist() == ["优"]
    assert t.schema.field("complete").type == pa.bool_()
    ind = putuo.score_table(per="indicator", as_="arrow")
    assert ind.num_rows == 5
    assert ind.schema.field("declaration").type == pa.int64()
    assert ind.column("score").to_pylist() == [Decimal(x) for x in ("10.00", "20.00", "20.00", "30.00", "10.00")]
    assert pa.types.is_dictionary(ind.schema.field("status").type)
    zh = putuo.score_table(as_="arrow", columns="zh")
    assert "总分" in zh.column_names and "自评等级" in zh.column_names
    assert putuo.score_table(as_="dict")["total"] == [Decimal("98.62")]
    with pytest.raises(ValueError, match="as_ must be"):
        putuo.score_table(as_="excel")


def test_review_arrow(seed):
    review = seed.review()
    t = review.to_arrow()
    assert t.num_rows == len(review)
    assert t.column("code").to_pylist() == [f.code for f in review]
    assert t.column("line").to_pylist() == [f.line for f in review]
    assert pa.types.is_dictionary(t.schema.field("code").type)
    assert review.to_pandas(columns="zh").columns[0] == "代码"


def test_every_table_has_english_names_and_a_chinese_option(seed, putuo):
    card = putuo.score()[0]
    tables = [
        (card.to_pandas(), card.to_pandas(columns="zh")),
        (putuo.audit()[0].to_pandas(), putuo.audit()[0].to_pandas(columns="zh")),
        (seed.summary().to_pandas(), seed.summary().to_pandas(columns="zh")),
        (seed.review().to_pandas(), seed.review().to_pandas(columns="zh")),
        (putuo.score_table(), putuo.score_table(columns="zh")),
    ]
    for en, zh in tables:
        assert all(c.isascii() for c in en.columns), list(en.columns)
        assert not any(c.isascii() for c in zh.columns), list(zh.columns)
        assert len(en.columns) == len(zh.columns)
    assert list(card.to_pandas(columns="zh").columns[:3]) == ["项目名称", "评分方案", "评分项"]
    assert seed.summary().to_pandas(columns="zh").columns[0] == "主管部门"


def test_missing_pyarrow_says_how_to_install(seed, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pip install 'jixiao\[arrow\]'"):
        seed.to_arrow()


def test_polars_figures(putuo, seed):
    pl = pytest.importorskip("polars")
    df = putuo.score_table(per="indicator", as_="polars")
    by_level = dict(
        df.group_by("level1").agg(pl.col("score").sum()).sort("level1").iter_rows()
    )
    # putuo: 产出 10 + 20 + 20, 效益 30, 满意度 10 (the indicator scores of the form).
    assert by_level == {"产出指标": Decimal("50.00"), "效益指标": Decimal("30.00"), "满意度指标": Decimal("10.00")}
    totals = putuo.score_table(as_="polars")
    # 总分 = the indicator scores + the budget score 8.62.
    assert totals["total"][0] == df["score"].sum() + Decimal("8.62") == Decimal("98.62")
    sdf = seed.to_polars()
    assert sdf.height == 29
    annual = sdf.group_by("project").agg(pl.col("funding_annual").first())["funding_annual"].sum()
    assert annual == Decimal("19555000.00")


def test_duckdb_recipe(putuo, seed):
    duckdb = pytest.importorskip("duckdb")
    scores = putuo.score_table(per="indicator", as_="arrow")  # noqa: F841 (read by DuckDB)
    rows = duckdb.sql(
        "select level1, sum(score) as points from scores group by level1 order by level1"
    ).fetchall()
    assert rows == [("产出指标", Decimal("50.00")), ("效益指标", Decimal("30.00")), ("满意度指标", Decimal("10.00"))]
    rows = seed.to_arrow()  # noqa: F841
    (total,) = duckdb.sql(
        "select sum(a) from (select project, any_value(funding_annual) as a from rows group by project)"
    ).fetchone()
    assert total == Decimal("19555000.00")
    (first,) = duckdb.sql("select min(start_date) from rows").fetchone()
    assert first == datetime.date(2024, 1, 1)


def test_three_lines_from_a_folder_to_polars(tmp_path):
    pl = pytest.importorskip("polars")
    for i in range(3):
        (tmp_path / f"p{i}.txt").write_bytes(PUTUO.read_bytes())
    # The README's three lines.
    docs = jixiao.read_many(sorted(tmp_path.glob("*.txt")))
    scores = pl.concat([d.score_table(per="indicator", as_="polars") for d in docs])
    total = scores.select(pl.col("score").sum()).item()
    assert total == 3 * Decimal("90.00")


def test_progress_callback_and_bar(putuo, capsys):
    seen = []
    paths = [str(PUTUO)] * 7
    docs = jixiao.read_many(paths, progress=lambda done, total: seen.append((done, total)))
    assert len(docs) == 7 and docs[0] == putuo
    assert seen and seen[-1] == (7, 7)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    cards = jixiao.score_many(docs, progress=True)
    assert [c[0].total for c in cards] == [Decimal("98.62")] * 7
    captured = capsys.readouterr()
    assert "7/7" in captured.err
    assert jixiao.score_many(docs, progress=False) == cards
