#!/usr/bin/env python3
"""Measures the search budgets of issue #5 on a 10,000-report corpus, beside Pagefind.

    scripts/bench/search-budget.py [--count 10000] [--queries 100] [--work DIR] [--no-pagefind]

For each query (named ones and random runs of 2 to 6 Chinese characters from the corpus) it records
what the search page downloads for its first ten results (uncompressed bytes, counted by running the
page's own script under node), how long the page takes to answer once the data is there, and how many
reports it finds against a brute-force count. Then the same for Pagefind 1.5.2 (PyPI:
pagefind-bin-extended) on the same report pages, in headless Chromium over a local HTTP server.
Writes docs/search-budget.md.
"""
import argparse
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.join(ROOT, ".build", "release", "policykb")
NAMED = ["新质生产力", "为新质", "营商环", "营商环境", "招商引资", "县域经济", "科技创新", "乡村振兴", "高质量发展", "数字经济", "产业链", "项目建设"]


def sh(command, **kw):
    return subprocess.run(command, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def normalize(text):
    return "".join(unicodedata.normalize("NFKC", ch).lower() for ch in text)


def corpus_texts(reports):
    texts = []
    for name in sorted(os.listdir(reports)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(reports, name), encoding="utf-8") as handle:
            raw = handle.read()
        front, body = raw.split("\n---\n", 1)
        title = re.search(r'^title: "?(.*?)"?$', front, re.M).group(1)
        plain = re.sub(r"[#*\\]", "", body)
        texts.append(normalize(title + "\n" + plain))
    return texts


def random_queries(texts, count, seed=5):
    rng = random.Random(seed)
    queries = []
    while len(queries) < count:
        text = rng.choice(texts)
        length = rng.randint(2, 6)
        start = rng.randrange(0, max(1, len(text) - length))
        piece = text[start:start + length]
        if len(piece) == length and all("\u4e00" <= ch <= "\u9fff" for ch in piece) and piece not in queries:
            queries.append(piece)
    return queries


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def probe(public, page, queries):
    """Opens public/PAGE#QUERY in headless Chromium over a local HTTP server for each query and
    reads the JSON the page leaves in <pre id="out" data-done="yes">."""
    shutil.copyfile(os.path.join(ROOT, "scripts", "bench", page), os.path.join(public, page))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", public],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    rows = []
    try:
        for query in queries:
            url = f"http://127.0.0.1:{port}/{page}#" + urllib.parse.quote(query)
            try:
                dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=20000",
                                      "--dump-dom", url], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=180).stdout
            except subprocess.TimeoutExpired:
                dom = ""
            match = re.search(r'<pre id="out" data-done="yes">(.*?)</pre>', dom, re.S)
            try:
                rows.append(json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&")))
            except (AttributeError, ValueError):
                rows.append({"query": query, "error": "the probe page did not finish"})
    finally:
        server.kill()
        os.remove(os.path.join(public, page))
    return rows


def pagefind_rows(public, queries, work):
    target = os.path.join(work, "pagefind-bin")
    if not os.path.isdir(target):
        sh([sys.executable, "-m", "pip", "install", "-q", "--target", target, "pagefind-bin-extended==1.5.2"])
    binary = os.path.join(target, "pagefind_bin_extended", "pagefind_extended")
    shutil.rmtree(os.path.join(public, "pagefind"), ignore_errors=True)
    started = time.perf_counter()
    sh([binary, "--site", public, "--glob", "reports/**/*.html"])
    seconds = time.perf_counter() - started
    rows = probe(public, "pagefind-probe.html", queries)
    size = folder_size(os.path.join(public, "pagefind"))
    return rows, seconds, size


def folder_size(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--work", default="/tmp/policykb-bench")
    parser.add_argument("--no-pagefind", action="store_true")
    parser.add_argument("--pagefind-queries", type=int, default=30,
                        help="how many of the queries to run on Pagefind (about 20 s each in headless Chromium)")
    parser.add_argument("--browser-queries", type=int, default=30,
                        help="how many of the queries to time in headless Chromium too (0: none)")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "search-budget.md"))
    args = parser.parse_args()

    sh(["swift", "build", "-c", "release", "--product", "policykb"], cwd=ROOT)
    site = os.path.join(args.work, f"corpus-{args.count}")
    if not os.path.isdir(site):
        sh([sys.executable, os.path.join(ROOT, "scripts", "bench", "generate-corpus.py"), "--count", str(args.count),
            "--out", site, "--site", ROOT])
    # The site's templates and search script from this checkout.
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(site, "templates"), dirs_exist_ok=True)
    started = time.perf_counter()
    sh([BINARY, "build", "--quiet", "--site", site])
    build_seconds = time.perf_counter() - started
    public = os.path.join(site, "public")

    texts = corpus_texts(os.path.join(site, "content", "reports"))
    queries = NAMED + random_queries(texts, args.queries)
    truth = {q: sum(1 for t in texts if q in t) for q in queries}

    node = subprocess.run(["node", os.path.join(ROOT, "scripts", "bench", "search-budget.js"), public],
                          input=json.dumps(queries), stdout=subprocess.PIPE, text=True, check=True).stdout
    lines = [json.loads(line) for line in node.splitlines() if line.strip()]
    ours = {row["query"]: row for row in lines if "query" in row}
    summary = next(row["summary"] for row in lines if "summary" in row)

    browser = probe(public, "policykb-probe.html", queries[:args.browser_queries]) if args.browser_queries else []
    summary["browserWarmMs"] = max([row.get("warmMs", 0) for row in browser] or [0])
    summary["browserErrors"] = sum(1 for row in browser if "error" in row)
    summary["browserQueries"] = len(browser)

    pagefind, pf_seconds, pf_size = ({}, None, None)
    if not args.no_pagefind:
        rows, pf_seconds, pf_size = pagefind_rows(public, queries[:args.pagefind_queries], args.work)
        pagefind = {row["query"]: row for row in rows}

    index_size = folder_size(os.path.join(public, "search"))
    markdown_size = folder_size(os.path.join(site, "content", "reports"))
    write_report(args.out, args.count, queries, truth, ours, summary, pagefind, pf_seconds, pf_size,
                 index_size, markdown_size, build_seconds)


def write_report(path, count, queries, truth, ours, summary, pagefind, pf_seconds, pf_size, index_size, markdown_size, build_seconds):
    def kb(value):
        return f"{value / 1000:.0f} KB"
    our_bytes = sorted(ours[q]["bytes"] for q in queries)
    lines = ["# Search budgets", "",
             f"Measured by `scripts/bench/search-budget.py` on {count:,} synthetic reports from `scripts/bench/generate-corpus.py`",
             f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores). {len(queries)} queries: {len(NAMED)} named ones and random runs of",
             "2 to 6 Chinese characters taken from the corpus. Bytes are what the page downloads for the first ten results,",
             "uncompressed, counting the page, its stylesheet and script and every index file; \"found\" is against a",
             "brute-force count of the reports whose title or body contains the query.", "",
             "## Summary", "",
             f"- policykb: median {kb(our_bytes[len(our_bytes) // 2])}, largest {kb(our_bytes[-1])} per query; "
             f"{summary['over200KB']} of {len(queries)} queries over 200 KB (budget: at most 200 KB each).",
             f"- policykb finds every report for {sum(1 for q in queries if ours[q]['results'] == min(10, truth[q]))} of {len(queries)} queries' first pages; "
             "exactness over all results is tested against brute force in `Tests/SearchTests`.",
             f"- Answering once the data is there: at most {summary['maxWarmMs']} ms for the page's script under node (all queries)"
             + (f", at most {summary['browserWarmMs']} ms in headless Chromium over HTTP (first {summary['browserQueries']} queries, "
                f"{summary['browserErrors']} did not finish)" if summary.get('browserQueries') else "") + " (budget: 50 ms).",
             f"- Index on disk: {index_size / 1e6:.1f} MB for {markdown_size / 1e6:.1f} MB of Markdown "
             f"({index_size / markdown_size:.2f}×; budget: at most 1×). Build of the whole site: {build_seconds:.1f} s."]
    if pagefind:
        measured = [q for q in queries if q in pagefind and "bytes" in pagefind[q]]
        pf_bytes = sorted(pagefind[q]["bytes"] for q in measured) or [0]
        ours_same = sorted(ours[q]["bytes"] for q in measured) or [0]
        pf_exact = sum(1 for q in measured if pagefind[q].get("results") == truth[q])
        pf_found = sum(pagefind[q].get("results", 0) for q in measured)
        all_found = sum(truth[q] for q in measured)
        lines += [f"- Pagefind 1.5.2 (PyPI pagefind-bin-extended) on the same report pages, for the first {len(measured)} queries: "
                  f"median {kb(pf_bytes[len(pf_bytes) // 2])}, largest {kb(pf_bytes[-1])} per query "
                  f"(policykb on the same queries: median {kb(ours_same[len(ours_same) // 2])}, largest {kb(ours_same[-1])}); "
                  f"it found every containing report for {pf_exact} of {len(measured)} queries, and {pf_found:,} of the {all_found:,} "
                  f"containing reports in all. Its index: {pf_size / 1e6:.1f} MB, built in {pf_seconds:.1f} s."]
    lines += ["", "## Per query", "",
              "| query | reports containing it | policykb found (first page) | policykb KB | Pagefind found | Pagefind KB |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for q in queries:
        pf = pagefind.get(q, {})
        lines.append(f"| {q} | {truth[q]} | {ours[q]['results']} of ≈{ours[q]['candidates']} | {ours[q]['bytes'] / 1000:.0f} | "
                     f"{pf.get('results', '–')} | {pf.get('bytes', 0) / 1000:.0f} |")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
