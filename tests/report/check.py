#!/usr/bin/env python3
"""The HTML report in a real browser: renders each page kind with ``jixiao report``, loads it
in headless Chromium (``--dump-dom``, ``--screenshot``, ``--print-to-pdf``) and checks what the
browser built:

* the figures a reviewer reads (98.62 and 优 for the Putuo 自评表), and every finding code
  ``jixiao check`` / ``jixiao audit`` report for the same file, as many times, on the page;
* the 200-project roll-up: one row per project, every link to a section that exists, the
  findings-by-code table agreeing with the findings in the sections;
* no console message, no failed or external request (every host name resolves to nothing,
  and the HTML has no ``src``, no ``<link>``, no ``http(s)://`` reference), no script;
* the print stylesheet: the PDF Chromium prints is A4.

Screenshots, PDFs and DOMs go to OUT (default ``target/report-test``). Standard library only.

Usage: check.py JIXIAO CHROMIUM [OUT]
"""

import collections
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = "tests/data/shanghai-eeb-enforcement-2024.txt"
PUTUO = "tests/data/selfeval-putuo-sports-2022.txt"
HUANGGANG = "tests/real/selfeval/huanggang_shuitubaochi_2020.form.txt"

failures = []


def check(cond, what):
    if cond:
        print(f"ok    {what}")
    else:
        print(f"FAIL  {what}")
        failures.append(what)


class Dom(html.parser.HTMLParser):
    """What the checks need of a DOM: elements by attribute, text by data-figure."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # open elements: (tag, attrs, text parts)
        self.elements = []  # (tag, attrs, text) of every closed element
        self.void = {"meta", "br", "img", "link", "input", "hr", "rect", "area", "base", "col"}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.void:
            self.elements.append((tag, attrs, ""))
            return
        self.stack.append((tag, attrs, []))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), ""))

    def handle_endtag(self, tag):
        if tag in self.void:
            return
        while self.stack:
            t, attrs, parts = self.stack.pop()
            text = "".join(parts)
            self.elements.append((t, attrs, text))
            if self.stack:
                self.stack[-1][2].append(text)
            if t == tag:
                break

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)

    def find(self, **want):
        return [e for e in self.elements if all(e[1].get(k.replace("_", "-")) == v for k, v in want.items())]

    def figure(self, name):
        found = self.find(data_figure=name)
        return found[0][2].strip() if found else None

    def finding_codes(self):
        """The code of every finding marker (``<div class="f …" data-code=…>``)."""
        return collections.Counter(
            e[1]["data-code"] for e in self.elements if e[0] == "div" and "data-code" in e[1]
        )


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, **kw)


def browser(chromium, page, out, name, height=1800):
    """Loads `page` in headless Chromium three times (DOM, screenshot, PDF); returns the DOM
    text and the console/network log."""
    url = "file://" + os.path.abspath(page)
    logs = []
    with tempfile.TemporaryDirectory() as profile:
        base = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-domain-reliability",
            "--enable-logging=stderr",
            "--v=0",
            # every host name resolves to nothing: an external request would fail and be logged
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}",
        ]
        netlog = os.path.join(out, f"{name}.netlog.json")
        started = time.monotonic()
        dom = subprocess.run(base + [f"--log-net-log={netlog}", "--dump-dom", url], capture_output=True, timeout=300)
        took = time.monotonic() - started
        logs.append(dom.stderr.decode("utf-8", "replace"))
        shot = os.path.join(out, f"{name}.png")
        r = subprocess.run(
            base + ["--hide-scrollbars", f"--window-size=1280,{height}", f"--screenshot={shot}", url],
            capture_output=True,
            timeout=300,
        )
        logs.append(r.stderr.decode("utf-8", "replace"))
        pdf = os.path.join(out, f"{name}.pdf")
        r = subprocess.run(
            base + ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", url], capture_output=True, timeout=300
        )
        logs.append(r.stderr.decode("utf-8", "replace"))
    text = dom.stdout.decode("utf-8")
    with open(os.path.join(out, f"{name}.dom.html"), "w", encoding="utf-8") as f:
        f.write(text)
    log = "\n".join(logs)
    with open(os.path.join(out, f"{name}.chromium.log"), "w", encoding="utf-8") as f:
        f.write(log)
    print(f"      {name}: {os.path.getsize(page)} bytes of HTML, DOM in {took:.1f} s")
    return text, log, shot, pdf, requests(netlog)


def requests(netlog):
    """The URLs the page itself asked for, from a Chromium net log: the requests made for a
    document of the file:// site (Chromium's own background requests — time sync, accounts —
    belong to no page and are left out)."""
    with open(netlog, encoding="utf-8", errors="replace") as f:
        raw = f.read()
    try:
        events = json.loads(raw)["events"]
    except (ValueError, KeyError):  # a log cut short: close it
        events = json.loads(raw.rstrip().rstrip(",") + "]}")["events"]
    urls = set()
    for e in events:
        p = e.get("params") or {}
        if "url" in p and str(p.get("network_isolation_key", "")).startswith("file://"):
            urls.add(p["url"])
    return urls


def page_requests_are_caught(chromium, out):
    """The net-log check itself: a page with an external image is caught."""
    bad = os.path.join(out, "external.html")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><img src="https://example.invalid/x.png"></body></html>')
    urls = browser(chromium, bad, out, "external", 200)[4]
    check(any("example.invalid" in u for u in urls), "the net-log check sees a page's external request")


def common(name, page, dom_text, log, shot, pdf, urls):
    """What every page must be: loaded, quiet, self-contained, printable on A4."""
    with open(page, encoding="utf-8") as f:
        source = f.read()
    check("<html" in dom_text[:100] and "</html>" in dom_text, f"{name}: Chromium built a DOM")
    console = [l for l in log.splitlines() if "CONSOLE" in l or "Uncaught" in l]
    check(not console, f"{name}: no console message {console[:3]}")
    failed = [l for l in log.splitlines() if "Failed to load resource" in l or "net::ERR_" in l]
    check(not failed, f"{name}: no failed request {failed[:3]}")
    own = sorted(u for u in urls if not u.startswith("file://"))
    check(not own, f"{name}: the page requests nothing (net log) {own[:3]}")
    external = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", source, re.I)
    check(not external, f"{name}: no external reference")
    check(not re.search(r"<(script|link|iframe|object|embed|img)\b", source, re.I), f"{name}: no script, link, frame or image tag")
    check(not re.search(r"https?://", source), f"{name}: no http(s):// anywhere in the page")
    check(not re.search(r"url\(|@import", source), f"{name}: no CSS url() or @import")
    check(os.path.exists(shot) and os.path.getsize(shot) > 10_000, f"{name}: screenshot {os.path.relpath(shot, ROOT)}")
    ok_pdf = False
    if os.path.exists(pdf):
        with open(pdf, "rb") as f:
            raw = f.read()
        # A4 is 595.28 × 841.89 pt; Chromium writes the MediaBox of every page
        boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", raw)
        ok_pdf = bool(boxes) and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes)
    check(ok_pdf, f"{name}: the printed PDF is A4")
    dom = Dom()
    dom.feed(dom_text)
    return dom


def expected_review(jixiao, path, profile):
    r = subprocess.run([jixiao, "check", path, "--profile", profile, "--format", "json"], cwd=ROOT, capture_output=True)
    return collections.Counter(f["code"] for f in json.loads(r.stdout)["findings"])


def expected_audit(jixiao, path):
    audits = json.loads(run([jixiao, "audit", path, "--format", "json"]).stdout)
    return collections.Counter(f["code"] for a in audits for f in a["findings"])


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    jixiao, chromium = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else os.path.join(ROOT, "target", "report-test")
    os.makedirs(out, exist_ok=True)
    page = lambda n: os.path.join(out, f"{n}.html")  # noqa: E731
    page_requests_are_caught(chromium, out)

    # 1. a declaration document (申报表), under the profile that finds the most
    run([jixiao, "report", SEED, "--profile", "shanghai-2025", "-o", page("declaration")])
    dom = common("declaration", page("declaration"), *browser(chromium, page("declaration"), out, "declaration", 2400))
    codes = dom.finding_codes()
    want = expected_review(jixiao, SEED, "shanghai-2025")
    check(codes == want, f"declaration: every finding code of `jixiao check`, as often ({dict(want)} / {dict(codes)})")
    # written from domain.md §4 and the form: 5 vague targets, 满意 as text once, no 成本指标 ×5
    check(codes["T007"] == 5 and codes["T006"] == 1 and codes["S007"] == 5, "declaration: T007 ×5, T006 ×1, S007 ×5")
    check(len(dom.find(data_kind="declaration")) == 5, "declaration: five 申报表 sections")
    check(any(e[0] == "td" and e[1].get("rowspan") == "7" and e[2] == "产出指标" for e in dom.elements), "declaration: 产出指标 merged over 7 rows")

    # 2. a self-evaluation (自评表): the figures
    run([jixiao, "report", PUTUO, "-o", page("self-evaluation")])
    dom = common("self-evaluation", page("self-evaluation"), *browser(chromium, page("self-evaluation"), out, "self-evaluation"))
    check(dom.figure("computed_total") == "98.62", f"self-evaluation: 复核总分 98.62 ({dom.figure('computed_total')})")
    check(dom.figure("grade") == "等级 优", f"self-evaluation: 等级 优 ({dom.figure('grade')})")
    check(dom.figure("published_total") == "公布总分 98.62", "self-evaluation: 公布总分 98.62")
    check(len(dom.find(data_status="met")) == 5, "self-evaluation: five indicators 达成")
    check(sum(1 for e in dom.elements if e[0] == "details") == 6, "self-evaluation: an expandable explanation per row")
    check(sum(1 for e in dom.elements if e[0] == "svg") == 1, "self-evaluation: the level chart")
    check(not dom.finding_codes(), "self-evaluation: the audit finds nothing")

    # 3. a self-evaluation the audit finds fault with: each audit code on the page
    run([jixiao, "report", HUANGGANG, "-o", page("audit")])
    dom = common("audit", page("audit"), *browser(chromium, page("audit"), out, "audit"))
    shown = collections.Counter(
        e[1]["data-code"] for e in dom.elements if e[0] == "div" and re.match(r"A\d{3}$", e[1].get("data-code", ""))
    )
    want = expected_audit(jixiao, HUANGGANG)
    check(shown == want, f"audit: every finding code of `jixiao audit`, as often ({dict(want)} / {dict(shown)})")
    check(dom.figure("computed_total") == "99.99", "audit: 复核总分 99.99 (by its point groups) against the published 99.6")

    # 4. the roll-up of 200 projects
    inputs = os.path.join(out, "rollup-input")
    run([sys.executable, "tests/report/gen_rollup.py", inputs])
    files = sorted(os.path.join(inputs, f) for f in os.listdir(inputs))
    run([jixiao, "report", *files, "-o", page("rollup")])
    dom = common("rollup", page("rollup"), *browser(chromium, page("rollup"), out, "rollup"))
    links = [e[1]["href"][1:] for e in dom.elements if e[0] == "a" and e[1].get("href", "").startswith("#")]
    ids = {e[1]["id"] for e in dom.elements if "id" in e[1]}
    project_links = [l for l in links if re.match(r"d\d+p\d+$", l)]
    check(len(project_links) == 200, f"rollup: 200 projects in the table ({len(project_links)})")
    check(all(l in ids for l in links), "rollup: every link leads to a section")
    check(len(dom.find(data_kind="declaration")) == 100 and len(dom.find(data_kind="evaluation")) == 100, "rollup: 100 申报表 and 100 自评表 sections")
    check(dom.figure("projects") == "项目 200", "rollup: 项目 200")
    summary = json.loads(run([jixiao, "summary", *files, "--format", "json"]).stdout)
    mean = summary["scores"]["mean"]
    check(dom.figure("mean") == f"自评 100 个，平均分 {mean}", f"rollup: the mean score of `jixiao summary` ({mean})")
    table = {e[1]["data-code"]: e for e in dom.elements if e[0] == "tr" and "data-code" in e[1]}
    in_sections = dom.finding_codes()
    counted = {}
    for code, e in table.items():
        cells = re.findall(r"\d+$", e[2].strip())
        counted[code] = int(cells[0]) if cells else -1
    check(counted == dict(in_sections), f"rollup: findings by code agree with the sections ({counted})")
    want = collections.Counter()
    for f in files:
        if "selfeval" in f:
            want += expected_audit(jixiao, f)
        else:
            want += expected_review(jixiao, f, "any")
    check(dict(want) == dict(in_sections), "rollup: every code of `jixiao check` and `jixiao audit` on the page")
    check(sum(1 for e in dom.elements if e[0] == "svg") >= 103, "rollup: the funding and grade charts and one per 自评表")

    print(f"\n{'FAILED' if failures else 'passed'}: {len(failures)} failures; output in {os.path.relpath(out, ROOT)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
