#!/usr/bin/env python3
"""policykb's benchmark: times a full build against cmark (the floor) and Hugo (the anchor),
in one run on one machine, and writes BENCHMARKS.md.

    scripts/bench/run.py [--sizes 1000,10000] [--large] [--no-hugo] [--out BENCHMARKS.md]

For each corpus size it measures: a full build (`policykb build`) with its peak memory; `cmark`
rendering the same Markdown bodies concatenated; Hugo building the same files with `tags` and
`regions` taxonomies and a minimal layout (when `hugo` is installed, or installable with apt-get);
an incremental rebuild after one report's body changes; and ingest of raw text (MB/s, and as a
share of cmark's MB/s in the same run).
Every figure is also given as a ratio to a reference measured in the same run: the full build,
cmark and Hugo run in turn, three rounds (two at 100,000), each the fastest of its rounds.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.path.join(ROOT, ".build", "release", "policykb")


def run(command, cwd=None, quiet=True):
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE if quiet else None,
                            stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    return elapsed, result


def timed(command, cwd=None):
    """Wall seconds and peak resident memory (MiB) from GNU time."""
    elapsed, result = run(["/usr/bin/time", "-v"] + command, cwd=cwd)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return elapsed, (int(peak.group(1)) / 1024 if peak else float("nan"))


def bodies(reports_dir):
    for name in sorted(os.listdir(reports_dir)):
        if name.endswith(".md"):
            with open(os.path.join(reports_dir, name), encoding="utf-8") as handle:
                text = handle.read()
            yield name, text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def cmark_parts(site, work):
    """The bodies concatenated, in files of at most 256 MB (cmark refuses a document over 1 GB),
    and their total size."""
    limit = 256 * 1024 * 1024
    parts, size = [], 0
    out = None
    for _, body in bodies(os.path.join(site, "content", "reports")):
        data = (body + "\n\n").encode("utf-8")
        if out is None or out.tell() + len(data) > limit:
            if out:
                out.close()
            parts.append(os.path.join(work, f"all-bodies-{len(parts)}.md"))
            out = open(parts[-1], "wb")
        out.write(data)
        size += len(data)
    if out:
        out.close()
    return parts, size


def cmark_floor(parts):
    """cmark on every part once, added up."""
    return sum(run(["sh", "-c", f"cmark '{part}' > /dev/null"])[0] for part in parts)


def tool_available(tool, allow_install):
    """True when `tool` runs here; installed with apt-get (Debian's package of that name) when missing."""
    if shutil.which(tool):
        return True
    if allow_install and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", tool], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not shutil.which(tool):
            subprocess.run(["apt-get", "update", "-qq"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run(["apt-get", "install", "-y", "-qq", tool], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which(tool) is not None


def hugo_available(allow_install):
    return tool_available("hugo", allow_install)


HUGO_LAYOUTS = {
    "_default/baseof.html": "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>",
    "_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format \"2006-01-02\" }}</p><ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>{{ .Content }}{{ end }}",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
    "_default/taxonomy.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href=\"{{ .Page.RelPermalink }}\">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}",
    "_default/term.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
}


def hugo_site(site, work):
    """The same reports as a Hugo site; Hugo needs full dates, so YYYY-MM gets a day."""
    target = os.path.join(work, "hugo")
    content = os.path.join(target, "content", "reports")
    os.makedirs(content, exist_ok=True)
    with open(os.path.join(target, "hugo.yaml"), "w") as config:
        config.write("baseURL: https://example.org/\nlanguageCode: zh-CN\ntitle: bench\n"
                     "taxonomies:\n  tag: tags\n  region: regions\ndisableKinds: [RSS, sitemap, robotsTXT]\n")
    for path, text in HUGO_LAYOUTS.items():
        os.makedirs(os.path.dirname(os.path.join(target, "layouts", path)), exist_ok=True)
        with open(os.path.join(target, "layouts", path), "w") as handle:
            handle.write(text)
    reports = os.path.join(site, "content", "reports")
    for name in sorted(os.listdir(reports)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(reports, name), encoding="utf-8") as handle:
            text = handle.read()
        text = re.sub(r"^date: (\d{4}-\d{2})$", r"date: \1-01", text, count=1, flags=re.M)
        with open(os.path.join(content, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    return target


CHROME_TOP = "首页 > 报告范文 > 正文\n下载app\n扫码下载\n\n"
CHROME_BOTTOM = "\n\n版权声明：本站稿件未经许可不得转载\n分享到微信朋友圈\n"


def raw_site(site, work, count):
    """Raw text files made from the reports (front matter and Markdown marks removed, chrome added)."""
    target = os.path.join(work, "raw-site")
    raw = os.path.join(target, "content", "raw")
    os.makedirs(raw, exist_ok=True)
    for item in ["site.yml", "templates", os.path.join("content", "taxonomy")]:
        source = os.path.join(site, item)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(target, item), dirs_exist_ok=True)
        elif os.path.isfile(source):
            shutil.copyfile(source, os.path.join(target, item))
    size = 0
    for index, (name, body) in enumerate(bodies(os.path.join(site, "content", "reports"))):
        if index >= count:
            break
        plain = re.sub(r"^#+ ", "", body, flags=re.M)
        text = CHROME_TOP + name[:-3] + "调研报告\n\n" + plain + CHROME_BOTTOM
        data = text.encode("utf-8")
        size += len(data)
        with open(os.path.join(raw, name[:-3] + ".txt"), "wb") as handle:
            handle.write(data)
    return target, size


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--large", action="store_true", help="also 100,000 reports")
    parser.add_argument("--no-hugo", action="store_true")
    parser.add_argument("--hugo-large", action="store_true",
                        help="also time Hugo on 100,000 reports (it needs about 17 GB of memory there)")
    parser.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    parser.add_argument("--work", default=None, help="folder for the corpora (default: a temporary one)")
    args = parser.parse_args()

    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.large:
        sizes.append(100_000)
    run(["swift", "build", "-c", "release", "--product", "policykb"], cwd=ROOT, quiet=False)
    work = args.work or tempfile.mkdtemp(prefix="policykb-bench-")
    use_hugo = not args.no_hugo and hugo_available(allow_install=True)
    hugo_version = run(["hugo", "version"])[1].stdout.strip().split(" ")[0:2] if use_hugo else None
    cmark_version = run(["cmark", "--version"])[1].stdout.strip().splitlines()[0] if tool_available("cmark", True) else None

    rows = []
    for size in sizes:
        site = os.path.join(work, f"corpus-{size}")
        if not os.path.isdir(site):
            run([sys.executable, os.path.join(ROOT, "scripts", "bench", "generate-corpus.py"),
                 "--count", str(size), "--out", site, "--site", ROOT])
        # policykb, the cmark floor and Hugo in turn, round after round, each figure the fastest of
        # its rounds: a shared machine's speed drifts within minutes, and taking the three from the
        # same minutes keeps the drift out of their ratios. --full: a second build would
        # otherwise reuse everything the first one made.
        parts, markdown_bytes = cmark_parts(site, work) if cmark_version else ([], 0)
        hugo = hugo_site(site, os.path.join(work, f"hugo-{size}")) if use_hugo and (size < 100_000 or args.hugo_large) else None
        builds, floors, hugos = [], [], []
        for _ in range(2 if size >= 100_000 else 3):
            builds.append(timed([BINARY, "build", "--quiet", "--full", "--site", site]))
            if parts:
                floors.append(cmark_floor(parts))
            if hugo:
                hugos.append(timed(["hugo", "--quiet", "--source", hugo, "--destination", os.path.join(hugo, "public")]))
        for part in parts:
            os.remove(part)
        row = {"size": size, "build": min(b[0] for b in builds), "peak": max(b[1] for b in builds),
               "floor": min(floors) if floors else float("nan"), "markdown": markdown_bytes}
        if hugos:
            row["hugo"], row["hugoPeak"] = min(h[0] for h in hugos), max(h[1] for h in hugos)
        # Incremental: one report's body changes.
        reports = os.path.join(site, "content", "reports")
        first = sorted(n for n in os.listdir(reports) if n.endswith(".md"))[0]
        path = os.path.join(reports, first)
        with open(path, encoding="utf-8") as handle:
            original = handle.read()
        # Four edits, each built on its own. The first follows the full build (its staging folder
        # starts empty); the next ones start from the site before last (.policykb/spare-*), as
        # every edit after the first does: their median counts (one run alone is at the mercy of
        # the machine), and the first is reported beside it.
        rebuilds = []
        for round_ in range(4):
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(f"\n增量构建测试段落{round_}。\n")
            rebuilds.append(timed([BINARY, "build", "--quiet", "--site", site])[0])
        row["incrementalFirst"] = rebuilds[0]
        row["incremental"] = sorted(rebuilds[1:])[1]
        # The incremental build must write exactly what a full build of the changed files writes.
        kept = os.path.join(work, f"incremental-{size}")
        shutil.rmtree(kept, ignore_errors=True)
        shutil.copytree(os.path.join(site, "public"), kept)
        run([BINARY, "build", "--quiet", "--full", "--site", site])
        differ = subprocess.run(["diff", "-rq", kept, os.path.join(site, "public")], stdout=subprocess.PIPE, text=True)
        row["identical"] = differ.returncode == 0
        if not row["identical"]:
            print(differ.stdout[:2000], file=sys.stderr)
        shutil.rmtree(kept, ignore_errors=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original)
        run([BINARY, "build", "--quiet", "--site", site])
        raw, raw_bytes = raw_site(site, os.path.join(work, f"raw-{size}"), min(size, 2000))
        seconds = sorted(timed([BINARY, "ingest", "--quiet", "--force", "--site", raw])[0] for _ in range(3))[1]
        row["ingestMBs"] = raw_bytes / 1e6 / seconds
        rows.append(row)
        print(row, flush=True)

    write_report(args.out, rows, hugo_version, cmark_version)


def write_report(path, rows, hugo_version, cmark_version):
    lines = ["# Benchmarks", "",
             "Written by `scripts/bench/run.py` (see its `--help`); every ratio is against a reference measured in the",
             "same run on the same machine (2 cores). Corpora come from `scripts/bench/generate-corpus.py` (seed 1).",
             "The full build, the cmark floor and Hugo run in turn, in three rounds (two at 100,000), and each",
             "figure is the fastest of its rounds, so that the machine's drift touches all three alike.", "",
             f"- cmark: {cmark_version or 'not installed'}", f"- Hugo: {' '.join(hugo_version) if hugo_version else 'not installed'}",
             f"- machine: {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}", "",
             "| reports | Markdown | policykb build | cmark floor | build ÷ floor (target ≤ 5) | Hugo | build ÷ Hugo (target ≤ 0.25) | peak memory | incremental ÷ full (target ≤ 0.10) | first edit after a full build | incremental = full build | ingest (÷ cmark's MB/s; target ≥ 20 MB/s) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: |"]
    for r in rows:
        hugo = r.get("hugo")
        lines.append("| {size:,} | {md:.0f} MB | {build:.2f} s | {floor:.2f} s | {ratio:.1f} | {hugo} | {hr} | {peak:.0f} MiB | {inc:.2f} ({incs:.2f} s) | {first:.2f} ({firsts:.2f} s) | {same} | {ingest:.1f} MB/s ({ingestRatio:.2f}) |".format(
            size=r["size"], md=r["markdown"] / 1e6, build=r["build"], floor=r["floor"], ratio=r["build"] / r["floor"],
            hugo=f"{hugo:.2f} s" if hugo else "–", hr=f"{r['build'] / hugo:.2f}" if hugo else "–",
            peak=r["peak"], inc=r["incremental"] / r["build"], incs=r["incremental"],
            first=r["incrementalFirst"] / r["build"], firsts=r["incrementalFirst"],
            same="byte for byte" if r.get("identical") else "NO", ingest=r["ingestMBs"],
            # cmark's rate on the same machine in the same run, so that days can be compared.
            ingestRatio=r["ingestMBs"] / (r["markdown"] / 1e6 / r["floor"])))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
