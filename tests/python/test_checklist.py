"""The reviewer's checklist as a profile (shenzhen-2023) from Python: K rules, the
元-under-万元 cross-check, and the comments for the units as a list, text and a workbook
(read back independently with openpyxl)."""

import io

import openpyxl
import pytest

import jixiao
from conftest import ROOT

BOOK = ROOT / "tests" / "real" / "songgang" / "songgang_2023_sbb_00.xlsx"


@pytest.fixture(scope="module")
def doc():
    return jixiao.read(BOOK)


def test_review_under_the_checklist(doc):
    review = doc.review(profile="shenzhen-2023")
    codes = [f.code for f in review]
    assert any(c.startswith("K") for c in codes)
    # three sheets hold only the empty skeleton: one S009 each, not one per row
    assert codes.count("S009") == 3
    unit = [f for f in review if f.code == "X001"]
    assert unit and all("万元" in f.message for f in unit)
    # the frame carries the same findings
    frame = review.to_pandas()
    assert (frame["code"] == "X001").sum() == len(unit)
    # without the checklist, no K rule runs; the cross-checks run under every profile
    plain = [f.code for f in doc.review()]
    assert not any(c.startswith("K") for c in plain)
    assert "X001" in plain


def test_comments_as_list_text_and_workbook(doc):
    comments = doc.review_comments(profile="shenzhen-2023")
    assert len(comments) == len(doc.declarations)
    first = comments[0]
    assert first["code"] == doc.declarations[0].project.code
    assert first["完整性"][0].startswith("【绩效目标表未填写】")
    # the checklist's standard comment follows the specific message
    assert any("政策依据表述过于简单" in c for c in first["完整性"])
    text = doc.review_comments(profile="shenzhen-2023", format="text")
    assert text.startswith(f"项目编码：{first['code']}\n项目名称：")
    assert "\n一、完整性\n1. 【" in text
    data = doc.review_comments(profile="shenzhen-2023", format="xlsx")
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("序号", "项目编码", "项目名称", "完整性", "可测性", "可行性")
    assert len(rows) == 1 + len(comments)
    for row, c in zip(rows[1:], comments):
        assert row[1] == c["code"] and row[2] == c["name"]
        assert (row[3] or "") == "\n".join(f"{n}. {t}" for n, t in enumerate(c["完整性"], 1))


def test_bad_arguments(doc):
    with pytest.raises(jixiao.JixiaoError):
        doc.review_comments(profile="no-such-checklist")
    with pytest.raises(ValueError):
        doc.review_comments(profile="shenzhen-2023", format="pdf")
