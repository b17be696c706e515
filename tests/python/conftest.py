"""Shared fixtures of the Python tests: paths into the repository's test data."""

import json
import os
import pathlib

import pytest
from hypothesis import settings

# CI draws the property tests' examples deterministically (HYPOTHESIS_PROFILE=ci, set by
# .ci/run), so a red run always means a change broke something; locally they are random.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
GOLDEN = ROOT / "tests" / "golden"
SEED = DATA / "shanghai-eeb-enforcement-2024.txt"

# A small canonical document that exercises every part of the model (independent of
# the readers): header, funding with nulls, goals, quantitative/qualitative targets,
# weights, level points and a self-evaluation.
SAMPLE = {
    "schema": "jixiao/1",
    "title": "示例单位2024年度项目绩效目标汇总表",
    "year": 2024,
    "declarations": [
        {
            "project": {
                "name": "环保热线运行",
                "code": "P-001",
                "nature": "其他一次性项目",
                "category": "特定目标类",
                "department": "上海市生态环境局",
                "implementer": "上海市生态环境局执法总队",
                "start_date": "2024-01-01",
                "end_date": "2024-12-31",
            },
            "funding": {
                "unit": "元",
                "total": None,
                "total_fiscal": None,
                "total_other": None,
                "annual": "2650000.00",
                "annual_fiscal": "2650000.00",
                "annual_carryover": "0.00",
                "annual_other": "0.00",
            },
            "goals": {"overall": "保障热线运行", "annual": "保障热线运行"},
            "indicators": [
                {
                    "level1": "产出指标",
                    "level2": "数量指标",
                    "name": "服务费保障聘用人员数量",
                    "target": {
                        "text": "≥17.00(人)",
                        "kind": "quantitative",
                        "comparator": ">=",
                        "value": "17.00",
                        "unit": "人",
                    },
                    "weight": "20",
                },
                {
                    "level1": "产出指标",
                    "level2": "质量指标",
                    "name": "热线受理平台功能优化质量",
                    "target": {
                        "text": "提高",
                        "kind": "qualitative",
                        "comparator": None,
                        "value": None,
                        "unit": None,
                    },
                    "weight": "10.5",
                },
            ],
            "level_points": {"产出指标": "50"},
            "evaluation": {
                "unit": "元",
                "budget": {
                    "initial": "250000.00",
                    "adjusted": "250000.00",
                    "executed": "215457.60",
                    "weight": "10",
                    "rate": "86.18%",
                    "score": "8.62",
                },
                "indicators": [
                    {"actual": "18人", "score": "20", "deviation": None},
                    {"actual": "提高", "score": "10.5", "deviation": "无"},
                ],
                "total": "98.62",
            },
        },
        {
            "project": {"name": "第二个项目"},
            "funding": {"unit": "万元", "annual": "12.5"},
            "indicators": [],
        },
    ],
}


@pytest.fixture
def sample_json() -> str:
    return json.dumps(SAMPLE, ensure_ascii=False)


@pytest.fixture
def seed_path() -> pathlib.Path:
    return SEED
