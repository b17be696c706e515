#!/usr/bin/env python3
"""Benchmark inputs built from the real seed documents (tests/data/).

The seed's projects are repeated with their names numbered (``…-000123``) and their
figures perturbed (money ±10 %, target numbers nudged), so no two copies are equal yet
every copy is as realistic as the seed. Writes into ``bench/out/`` (git-ignored):

* ``form-<size>.txt``   form layout (表单式), the 申报表 seed repeated to ~size;
* ``list-<size>.csv``   list layout (清单式) of the *same* projects (same names, same
  perturbed figures), from ``bench/out/seed-list.csv`` (the seed converted by
  ``jixiao read … --to csv``; run.sh makes it);
* ``selfeval-<n>.txt``  自评表 with 实际完成值 for ``n`` indicators (scoring);
* ``selfeval-<n>.csv``  the same indicators as one table (target, actual, weight) for
  the pandas scorer.

Sizes: ``10MB`` and ``100MB`` by default, ``1GB`` only when asked (``--sizes 1GB``).
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")
OUT = os.path.join(ROOT, "bench", "out")

TITLE = "财政项目支出绩效目标申报表"
MONEY = re.compile(r"\d[\d,]*\.\d\d(?!\d)")
TARGET = re.compile(r"(≥|≤|>=|<=|=|>|<)(\s*)(\d+(?:\.\d+)?)")


def factor(i):
    """The money factor of copy ``i``: 0.90 … 1.10."""
    return 90 + (i * 7) % 21


def perturb_money(text, i):
    f = factor(i)

    def money(m):
        raw = m.group(0)
        cents = int(raw.replace(",", "").replace(".", "")) * f // 100
        value = f"{cents // 100}.{cents % 100:02d}"
        if "," in raw:
            head, tail = value.split(".")
            value = f"{int(head):,}.{tail}"
        return value

    return MONEY.sub(money, text)


def perturb_targets(text, i):
    nudge = i % 10

    def target(m):
        op, space, num = m.groups()
        decimals = len(num.split(".")[1]) if "." in num else 0
        value = float(num)
        if 50 <= value <= 100:
            value = value - nudge
        elif value >= 1:
            value = value + nudge
        return f"{op}{space}{value:.{decimals}f}"

    return TARGET.sub(target, text)


def vary(text, names, i):
    for name in names:
        text = text.replace(name, f"{name}-{i:06d}")
    return perturb_targets(perturb_money(text, i), i)


def parse_size(s):
    s = s.upper()
    for suffix, mult in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if s.endswith(suffix):
            return int(float(s[: -len(suffix)]) * mult)
    return int(s)


def seed_forms():
    with open(os.path.join(DATA, "shanghai-eeb-enforcement-2024.txt"), encoding="utf-8") as f:
        text = f.read()
    head, *forms = text.split(TITLE)
    # The seed's last form has no final line end: give every form one, so copies stay apart.
    forms = [TITLE + form.rstrip("\n") + "\n\n" for form in forms]
    names = [re.search(r"项目名称\t([^\t\n]+)", form).group(1) for form in forms]
    return head, forms, names


def write_form(path, size):
    head, forms, names = seed_forms()
    copies = 0
    with open(path, "w", encoding="utf-8") as out:
        written = out.write(head)
        while written < size:
            for form, name in zip(forms, names):
                written += len(vary(form, [name], copies).encode("utf-8"))
                out.write(vary(form, [name], copies))
            copies += 1
    return copies


def write_list(path, copies):
    seed = os.path.join(OUT, "seed-list.csv")
    if not os.path.exists(seed):
        sys.exit(f"{seed} is missing: run `jixiao read tests/data/shanghai-eeb-enforcement-2024.txt --to csv -o {seed}` (bench/run.sh does)")
    with open(seed, encoding="utf-8") as f:
        lines = f.read().splitlines(keepends=True)
    header_at = next(i for i, line in enumerate(lines) if line.startswith("项目名称"))
    head, rows = lines[: header_at + 1], lines[header_at + 1 :]
    _, _, names = seed_forms()
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(head)
        for i in range(copies):
            for row in rows:
                name = row.split(",", 1)[0]
                out.write(vary(row, [name] if name in names else [], i))


SELF_TITLE = "财政项目支出绩效自评表"
ACTUALS = {
    "与委托运营方结算完成率": lambda i: f"{100 - i % 25}%",
    "合同结算条款完成率": lambda i: f"{100 - (i * 3) % 30}%",
    "费用结算及时性": lambda i: ("及时", "基本及时", "未及时")[i % 3],
    "与委托运营方合同完成率": lambda i: f"{100 - (i * 7) % 20}%",
    "场馆开放满意度": lambda i: f"{(85 + i % 16)}%",
}


def write_selfeval(path_txt, path_csv, indicators):
    with open(os.path.join(DATA, "selfeval-putuo-sports-2022.txt"), encoding="utf-8") as f:
        text = f.read()
    head, body = text.split(SELF_TITLE, 1)
    body = SELF_TITLE + body
    name = re.search(r"项目名称\t([^\t\n]+)", body).group(1)
    lines = body.splitlines(keepends=True)
    per = sum(1 for line in lines if any(k in line for k in ACTUALS))
    declarations = max(1, indicators // per)
    with open(path_txt, "w", encoding="utf-8") as txt, open(path_csv, "w", encoding="utf-8") as csv:
        txt.write(head)
        csv.write("项目名称,一级指标,二级指标,三级指标,指标值,实际完成值,分值\n")
        for i in range(declarations):
            l1 = l2 = ""
            for line in lines:
                cells = line.rstrip("\n").split("\t")
                key = next((k for k in ACTUALS if k in cells), None)
                if key is None:
                    txt.write(line.replace(name, f"{name}-{i:07d}"))
                    continue
                at = cells.index(key)
                l1 = cells[at - 2] or l1
                l2 = cells[at - 1] or l2
                actual = ACTUALS[key](i)
                target, weight = cells[at + 1], cells[at + 3]
                cells[at + 2] = actual
                cells[at + 4] = ""  # 得分: left for the scorer
                txt.write("\t".join(cells) + "\n")
                csv.write(f"{name}-{i:07d},{l1},{l2},{key},{target},{actual},{weight}\n")
    return declarations * per


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10MB,100MB", help="form/list sizes, e.g. 10MB,100MB,1GB")
    parser.add_argument("--indicators", default="1000000", help="scoring inputs, e.g. 1000000,10000000")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    for size in filter(None, args.sizes.split(",")):
        form = os.path.join(OUT, f"form-{size}.txt")
        copies = write_form(form, parse_size(size))
        write_list(os.path.join(OUT, f"list-{size}.csv"), copies)
        print(f"form-{size}.txt, list-{size}.csv: {copies} copies of the seed's projects")
    for n in filter(None, args.indicators.split(",")):
        label = n if int(n) % 1000000 else f"{int(n) // 1000000}M"
        got = write_selfeval(
            os.path.join(OUT, f"selfeval-{label}.txt"), os.path.join(OUT, f"selfeval-{label}.csv"), int(n)
        )
        print(f"selfeval-{label}.txt/.csv: {got} indicators")


if __name__ == "__main__":
    main()
