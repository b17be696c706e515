# %% [markdown]
# # jixiao walkthrough: from a 申报表 to a scorecard and a chart-ready frame
#
# Run it top to bottom (`python examples/walkthrough.py` from the repository root), or open
# it as a notebook (Jupyter, VS Code and PyCharm read the `# %%` cells). It needs
# `pip install ./python pandas`.

# %%
import pathlib
from decimal import Decimal

import jixiao

ROOT = pathlib.Path(__file__).resolve().parents[1] if "__file__" in globals() else pathlib.Path.cwd()
DATA = ROOT / "tests" / "data"
print("jixiao", jixiao.__version__)

# %% [markdown]
# ## 1. Read a unit's 汇总表 of 绩效目标申报表 (form layout, copied from the published PDF)
# A path is read from disk; `bytes` are content; `read_text` takes a `str`. Format and
# encoding (UTF-8, GB18030, UTF-16) are detected.

# %%
doc = jixiao.read(DATA / "shanghai-eeb-enforcement-2024.txt")
print(doc)
for d in doc:
    print(f"  {d.project.name}: {len(d)} 个三级指标, 年度资金 {d.funding.annual} {d.funding.unit}")

# %% [markdown]
# Money and target values are `decimal.Decimal` (exact), dates `datetime.date`:

# %%
first = doc[0].indicators[0]
print(first)
print(first.target)
assert first.target.value == Decimal("17.00") and first.target.comparator == ">="
print(doc[0].project.start_date, doc[0].funding.total)  # 项目资金总额 left empty → None

# %% [markdown]
# ## 2. Review the targets (绩效目标审核)

# %%
review = doc.review()
print(review)
print(review.to_text())

# %% [markdown]
# ## 3. The list layout as a DataFrame — one row per indicator, exact decimals
# Columns have English names (`project`, `level1`, …) in every table; `columns="zh"` gives
# the list layout's Chinese headers.

# %%
df = doc.to_pandas()
print(df[["project", "level1", "level2", "name", "target", "funding_annual"]].head(8))
print(doc.to_pandas(columns="zh")[["项目名称", "一级指标", "三级指标", "指标值"]].head(3))
# …and back: the frame reads back to an equal document
assert jixiao.from_pandas(df, title=doc.title, year=doc.year) == doc

# %% [markdown]
# ## 4. Score a declaration with a separate actuals file (实际完成值)
# A declaration has no actual values; an actuals table (a CSV, or a DataFrame like this
# one) joins them by 项目名称 and 三级指标. Indicators left without an actual are
# `not_scorable` and the scorecard says which points are open — never a silent 0.

# %%
import pandas as pd  # noqa: E402

actuals = pd.DataFrame(
    {
        "项目名称": ["环保热线运行"] * 3,
        "三级指标": ["服务费保障聘用人员数量", "热线受理平台功能优化合格率", "热线受理人员满意度"],
        "实际完成值": ["16人", "99%", "满意"],
    }
)
card = doc.score(actuals=actuals)[0]
print(card)
print(card.explain())

# %% [markdown]
# ## 5. A published self-evaluation (绩效自评表): score, compare with the published total, audit

# %%
putuo = jixiao.read(DATA / "selfeval-putuo-sports-2022.txt")
(card,) = putuo.score()
print(card)
print(card.to_text())
print("published 总分:", putuo[0].evaluation.total, "recomputed:", card.total)
(audit,) = putuo.audit()
print(audit)

# %% [markdown]
# ## 6. A chart-ready frame
# One row per scored item (预算执行率 first), `score` sums to the total. `decimals=False`
# gives float columns for plotting libraries.

# %%
frame = card.to_pandas(decimals=False)
by_level = frame.fillna({"level1": "预算执行率"}).groupby("level1", sort=False)[["max", "score"]].sum()
by_level["rate"] = by_level["score"] / by_level["max"]
print(by_level)
assert abs(frame["score"].sum() - float(card.total)) < 1e-9
try:
    import matplotlib  # noqa: F401

    ax = by_level[["max", "score"]].plot.barh(title=card.project)
except ImportError:
    print("(install matplotlib to draw the chart: by_level.plot.barh())")

# %% [markdown]
# ## 7. Many files at once
# `read_many` and `score_many` release the GIL and use every core; objects pickle, so
# they also cross `concurrent.futures` process pools and Dask/Spark workers.

# %%
docs = jixiao.read_many([DATA / "shanghai-eeb-enforcement-2024.txt", DATA / "selfeval-putuo-sports-2022.txt"])
cards = jixiao.score_many(docs)
print([len(c) for c in cards], jixiao.summarize(docs))
print(jixiao.summarize(docs).to_pandas(by="document"))
