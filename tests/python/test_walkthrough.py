"""The notebook-style walkthrough in examples/ runs top to bottom."""

import runpy

import pytest

from conftest import ROOT


def test_walkthrough_runs(capsys):
    pytest.importorskip("pandas")
    runpy.run_path(str(ROOT / "examples" / "walkthrough.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "总分 98.62 / 100.00，等级 优" in out
    assert "Document(title='上海市生态环境局执法总队2024年度项目绩效目标汇总表'" in out
