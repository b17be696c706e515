"""The baseline: the scoring rules of domain.md §5, written the way an analyst would in
plain Python (Decimal, loops, a regex) — and a vectorized pandas version of the same.

Both cover what the benchmark data uses (given weights; ≥ > = ≤ < targets with one unit
on both sides; qualitative targets met when the actual restates the target or says
达成/完成/及时/满意, unmet on 未达成/未完成; budget execution), not every edge case jixiao
handles (unit conversion, weight splitting, deadlines, band checks, explanations).
"""

import re
from decimal import ROUND_HALF_UP, Decimal

TARGET = re.compile(r"^\s*(≥|>=|>|=|≤|<=|<)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*\(?([^()0-9]*)\)?\s*$")
NUMBER = re.compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?")
COMPARATORS = {"≥": ">=", ">=": ">=", ">": ">", "=": "=", "≤": "<=", "<=": "<=", "<": "<", None: "="}
MET_WORDS = ("达成", "完成", "已完成", "及时", "满意", "良好", "是")
UNMET_WORDS = ("未达成", "未完成", "未达到", "不合格", "效果较差")
PARTIAL_WORDS = ("部分达成", "基本")  # 基本完成, 基本满意, …
CENT = Decimal("0.01")
GRADES = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差"))


def r2(x):
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def score_indicator(target, actual, weight):
    """Score of one indicator (Decimal), or None when not scorable."""
    if actual is None or weight is None:
        return None
    m = TARGET.match(target)
    if m:  # quantitative
        comparator = COMPARATORS[m.group(1)]
        t = Decimal(m.group(2).replace(",", ""))
        n = NUMBER.search(actual)
        if not n:
            return None
        a = max(Decimal(n.group(0).replace(",", "")), Decimal(0))
        if comparator in (">=", ">") or (comparator == "=" and t > 0):
            if t == 0:
                return None
            return weight if a >= t else r2(a / t * weight)
        if t == 0:
            return weight if a <= 0 else Decimal(0)
        if a <= t:
            return weight
        if a >= 2 * t:
            return Decimal(0)
        return r2((1 - (a - t) / t) * weight)
    # qualitative
    if any(w in actual for w in UNMET_WORDS):
        return r2(weight * Decimal("0.3"))
    if any(w in actual for w in PARTIAL_WORDS):
        return r2(weight * Decimal("0.7"))
    if target in actual or any(w in actual for w in MET_WORDS):
        return weight
    return None


def score_declaration(declaration):
    """(total, grade, complete) of one declaration in the canonical JSON form (a dict)."""
    evaluation = declaration["evaluation"]
    budget = evaluation["budget"]
    points = Decimal(budget["weight"]) if budget.get("weight") else Decimal(10)
    adjusted, executed = budget.get("adjusted"), budget.get("executed")
    complete = True
    total = Decimal(0)
    if adjusted and executed and Decimal(adjusted) > 0:
        rate = Decimal(executed) / Decimal(adjusted)
        total += r2(min(rate, Decimal(1)) * points)
    else:
        complete = False
    for indicator, ev in zip(declaration["indicators"], evaluation["indicators"]):
        weight = Decimal(indicator["weight"]) if indicator.get("weight") else None
        s = score_indicator(indicator["target"]["text"], ev.get("actual"), weight)
        if s is None:
            complete = False
        else:
            total += s
    grade = next(g for floor, g in GRADES if total >= floor) if complete else None
    return total, grade, complete


def score_document(document):
    """The baseline over a whole canonical-JSON document (a dict)."""
    return [score_declaration(d) for d in document["declarations"]]


def pandas_frame(document):
    """The indicator rows and budget rows as two DataFrames (prepared before timing)."""
    import pandas as pd

    rows = []
    budgets = []
    for k, d in enumerate(document["declarations"]):
        b = d["evaluation"]["budget"]
        budgets.append((k, float(b["adjusted"] or "nan"), float(b["executed"] or "nan"), float(b.get("weight") or 10)))
        for i, ev in zip(d["indicators"], d["evaluation"]["indicators"]):
            rows.append((k, i["target"]["text"], ev.get("actual"), float(i["weight"])))
    ind = pd.DataFrame(rows, columns=["decl", "target", "actual", "weight"])
    bud = pd.DataFrame(budgets, columns=["decl", "adjusted", "executed", "points"])
    return ind, bud


def score_pandas(ind, bud):
    """The same rules, vectorized with pandas/numpy (floats, as analysts do)."""
    import numpy as np
    import pandas as pd

    parts = ind["target"].str.extract(r"^\s*(≥|>=|>|=|≤|<=|<)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)")
    quant = parts[1].notna()
    comp = parts[0].fillna("=").replace({"≥": ">=", "≤": "<="})
    t = pd.to_numeric(parts[1].str.replace(",", "", regex=False), errors="coerce")
    a = pd.to_numeric(ind["actual"].str.extract(r"(-?[0-9][0-9,]*(?:\.[0-9]+)?)")[0].str.replace(",", "", regex=False), errors="coerce").clip(lower=0)
    w = ind["weight"]
    up = comp.isin([">=", ">"]) | ((comp == "=") & (t > 0))
    ratio = np.where(a >= t, 1.0, a / t)
    down = np.where(a <= t, 1.0, np.where(a >= 2 * t, 0.0, 1 - (a - t) / t))
    q_score = np.where(up, ratio, down) * w
    actual = ind["actual"].fillna("")
    unmet = actual.str.contains("未达成|未完成|未达到|不合格|效果较差")
    partial = actual.str.contains("部分达成|基本")
    met = actual.str.contains("达成|完成|及时|满意|良好|是") | np.array([tt in aa for tt, aa in zip(ind["target"], actual)])
    l_score = np.select([unmet, partial, met], [0.3 * w, 0.7 * w, w], np.nan)
    score = np.where(quant, q_score, l_score)
    score = np.floor(score * 100 + 0.5) / 100  # half up on positive scores
    per_decl = pd.Series(score).groupby(ind["decl"]).agg(["sum", lambda s: s.isna().any()])
    rate = (bud["executed"] / bud["adjusted"]).clip(upper=1.0)
    budget_score = np.floor(rate * bud["points"] * 100 + 0.5) / 100
    total = per_decl["sum"].to_numpy() + budget_score.to_numpy()
    return total
