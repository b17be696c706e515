"""Real finance-system workbooks (tests/real/songgang/: seven 二级项目支出绩效目标申报表 exports,
one project a sheet): every sheet reads as its project, with its labelled fields and exactly
its indicators, checked against an independent reading of the cells with openpyxl."""

import json
from decimal import Decimal

import openpyxl
import pytest

import jixiao
from conftest import ROOT

WORKBOOKS = sorted((ROOT / "tests" / "real" / "songgang").glob("songgang_*.xlsx"))


def label(cell):
    """A label cell's text without its colon: `项目名称：` → `项目名称`."""
    return str(cell or "").strip().rstrip(":：").strip()


def independent_reading(ws):
    """What a reviewer reads off the sheet: label/value pairs and the indicator rows."""
    rows = list(ws.iter_rows(values_only=True))
    fields = {}
    table = None
    for i, row in enumerate(rows):
        if label(row[0]) == "一级指标":
            table = i
            break
        cells = [c for c in row]
        # Label/value pairs: A→B and D→E, or A→B spanning the row (long texts).
        for k in (0, 3):
            if k + 1 < len(cells) and cells[k] not in (None, "") and label(cells[k]):
                value = cells[k + 1]
                fields[label(cells[k])] = "" if value is None else str(value).strip()
    assert table is not None, ws.title
    indicators = []
    for row in rows[table + 1 :]:
        if str(row[0] or "").startswith("备注"):
            break
        name = str(row[2] or "").strip()
        if name and name != "不适用":
            indicators.append((name, str(row[3] or "").strip()))
    return fields, indicators


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.name)
def test_every_sheet_reads_as_its_project(path):
    assert len(WORKBOOKS) == 7
    doc = json.loads(jixiao.read(path).to_json())
    wb = openpyxl.load_workbook(path)
    assert len(doc["declarations"]) == len(wb.worksheets)
    for ws, decl in zip(wb.worksheets, doc["declarations"]):
        fields, indicators = independent_reading(ws)
        project = decl["project"]
        assert project["name"] == fields["项目名称"], ws.title
        assert project["implementer"] == fields["申请单位"], ws.title
        assert project["department"] == fields["一级预算单位"], ws.title
        assert project["category"] == fields["项目类型"], ws.title
        assert project["extra"]["实施期限"] == fields["实施期限"], ws.title
        # The footer `备注：作为导入模板…` is about the template, not the project.
        assert "备注" not in project["extra"], ws.title
        for key, field in (("policy_basis", "政策依据"), ("calculation_basis", "测算依据")):
            if fields[field]:
                assert " ".join(project[key].split()) == " ".join(fields[field].split()), ws.title
        goals = decl.get("goals", {})
        if fields["年度目标"]:
            assert " ".join(goals["annual"].split()) == " ".join(fields["年度目标"].split())
        long_term = next(v for k, v in fields.items() if k.startswith("长期目标"))
        if long_term:
            assert " ".join(goals["overall"].split()) == " ".join(long_term.split())
        # Amounts as written, in the unit their labels state (万元).
        funding = decl["funding"]
        assert funding["unit"] == "万元", ws.title
        annual = next(v for k, v in fields.items() if k.startswith("本年度项目金额"))
        total = next(v for k, v in fields.items() if k.startswith("项目总金额"))
        assert Decimal(funding["annual"]) == Decimal(annual), ws.title
        assert Decimal(funding["total"]) == Decimal(total), ws.title
        got = [(i["name"], i["target"]["text"]) for i in decl.get("indicators", [])]
        assert got == indicators, ws.title
        for i in decl.get("indicators", []):
            assert i["level1"] is not None and i["level2"] is not None, (ws.title, i["name"])
