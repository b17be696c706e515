#!/usr/bin/env python3
"""The 200-project input of the roll-up report test, from the real seed documents.

Writes into DIR: ``decl-NN.txt`` — 20 copies of the seed's five 申报表 (``bench/gen.py``
numbers the names and perturbs the figures, so no two are equal): 100 declarations; and
``selfeval.txt`` — 100 copies of the Putuo 自评表 with varied 实际完成值 (``得分`` left to
the scorer, the published 总分 kept): 100 self-evaluations.

Usage: gen_rollup.py DIR
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))

import gen  # noqa: E402  (bench/gen.py)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    head, forms, names = gen.seed_forms()
    for i in range(20):
        with open(os.path.join(out, f"decl-{i:02d}.txt"), "w", encoding="utf-8") as f:
            f.write(head)
            for form, name in zip(forms, names):
                f.write(gen.vary(form, [name], i))
    indicators = gen.write_selfeval(
        os.path.join(out, "selfeval.txt"), os.path.join(out, "selfeval.csv"), 500
    )
    os.remove(os.path.join(out, "selfeval.csv"))
    print(f"{out}: 20 × {len(forms)} declarations, {indicators // 5} self-evaluations")


if __name__ == "__main__":
    main()
