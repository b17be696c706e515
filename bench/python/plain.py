"""The plain-Python baseline: a reader and scorer of 自评表 text written the way an
analyst would (regular expressions, ``Decimal``, loops), kept as the yardstick jixiao is
measured against. Same rules as jixiao's ``mof-2020`` profile for what the generated
corpus holds (domain.md §5):

* 预算执行率: rate = 全年执行数 / 全年预算数; score = min(rate, 1) × 分值;
* 定量 (≥, >, =, T > 0): A ≥ T → 分值, else A / T × 分值;
  反向 (≤, <): A ≤ T → 分值; T < A < 2T → (1 − (A − T) / T) × 分值; else 0;
  T = 0: A ≤ 0 → 分值, else 0;
* 定性: the actual equal to the target → 100 %; 基本/部分 → 70 %; 未/不/没有 → 30 %;
* every score rounded to 0.01 half away from zero; the total is the sum.
"""

import re
from decimal import ROUND_HALF_UP, Decimal

TITLE = re.compile(r"^\s*财政项目支出绩效自评表")
NAME = re.compile(r"^项目名称\t([^\t]+)")
BUDGET = re.compile(r"年度资金总额\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)")
NUMBER = re.compile(r"^(>=|<=|≥|≤|=|>|<)?\s*(-?\d+(?:\.\d+)?)\s*(%|[^\d\s]*)$")
CENT = Decimal("0.01")


def money(text):
    text = text.replace(",", "").strip()
    return Decimal(text) if text else None


def read(path):
    """Declarations as dicts: name, budget (adjusted, executed, weight), indicators."""
    declarations = []
    current = None
    in_table = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if TITLE.match(line):
                current = {"name": "", "budget": None, "indicators": []}
                declarations.append(current)
                in_table = False
                continue
            if current is None:
                continue
            m = NAME.match(line)
            if m:
                current["name"] = m.group(1).strip()
                continue
            m = BUDGET.search(line)
            if m:
                current["budget"] = (money(m.group(2)), money(m.group(3)), money(m.group(4)))
                continue
            cells = line.split("\t")
            if "三级指标" in cells:
                in_table = True
                columns = {c: i for i, c in enumerate(cells)}
                continue
            if not in_table or line.startswith("总分"):
                in_table = in_table and not line.startswith("总分")
                continue
            at = columns["三级指标"]
            if len(cells) <= at + 3 or not cells[at].strip():
                continue
            current["indicators"].append(
                (cells[at].strip(), cells[at + 1].strip(), cells[at + 2].strip(), money(cells[at + 3]))
            )
    return declarations


def round2(value):
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def score_indicator(target, actual, weight):
    t = NUMBER.match(target.replace(" ", ""))
    if t:
        a = NUMBER.match(actual.replace(" ", ""))
        if not a:
            return None
        comparator = t.group(1) or "="
        tv, av = Decimal(t.group(2)), Decimal(a.group(2))
        if tv == 0:
            return weight if av <= 0 else Decimal(0)
        if comparator in ("<=", "≤", "<"):
            if av <= tv:
                return weight
            if av >= 2 * tv:
                return Decimal(0)
            return (1 - (av - tv) / tv) * weight
        return weight if av >= tv else av / tv * weight
    if actual == target:
        return weight
    if "基本" in actual or "部分" in actual:
        return weight * Decimal("0.70")
    if "未" in actual or "不" in actual or "没有" in actual:
        return weight * Decimal("0.30")
    return weight


def score(declarations):
    """(name, total, indicator scores) for each declaration."""
    cards = []
    for d in declarations:
        total = Decimal(0)
        budget = d["budget"]
        if budget and budget[0] and budget[1] is not None and budget[2] is not None:
            rate = budget[1] / budget[0]
            total += round2(min(rate, Decimal(1)) * budget[2])
        scores = []
        for name, target, actual, weight in d["indicators"]:
            s = score_indicator(target, actual, weight)
            s = None if s is None else round2(s)
            scores.append(s)
            if s is not None:
                total += s
        cards.append((d["name"], total, scores))
    return cards
