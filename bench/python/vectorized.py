"""The vectorized pandas baseline: the indicator table of the corpus
(``selfeval-*.csv``: 项目名称, 一级指标, 二级指标, 三级指标, 指标值, 实际完成值, 分值) scored
with column operations (numpy floats, as a notebook would), same rules as ``plain.py``
for the indicators (the CSV has no budget rows)."""

import numpy as np
import pandas as pd

NUMBER = r"^(>=|<=|≥|≤|=|>|<)?\s*(-?\d+(?:\.\d+)?)"


def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def score(df):
    """The indicator scores (float, rounded to 0.01) and their sum per project."""
    t = df["指标值"].str.extract(NUMBER)
    a = df["实际完成值"].str.extract(NUMBER)
    w = df["分值"].astype(float)
    comparator = t[0].fillna("=")
    tv = t[1].astype(float)
    av = a[1].astype(float)
    quantitative = tv.notna()
    reverse = comparator.isin(["<=", "≤", "<"])
    forward = np.where(av >= tv, w, av / tv * w)
    backward = np.where(av <= tv, w, np.where(av >= 2 * tv, 0.0, (1 - (av - tv) / tv) * w))
    zero = np.where(av <= 0, w, 0.0)
    quant = np.where(tv == 0, zero, np.where(reverse, backward, forward))
    actual = df["实际完成值"]
    qual = np.where(
        actual == df["指标值"],
        w,
        np.where(
            actual.str.contains("基本|部分"),
            w * 0.7,
            np.where(actual.str.contains("未|不|没有"), w * 0.3, w),
        ),
    )
    scores = np.where(quantitative, quant, qual)
    # Round half away from zero at 0.01 (np.round rounds half to even).
    scores = np.floor(np.asarray(scores, dtype=float) * 100 + 0.5) / 100
    out = df[["项目名称"]].copy()
    out["score"] = scores
    return out, out.groupby("项目名称", sort=False)["score"].sum()
