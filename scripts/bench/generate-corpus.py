#!/usr/bin/env python3
"""Writes N synthetic reports in policykb's front-matter format, for benchmarks.

Bodies of 8 to 15 KB (headings and paragraphs) are stitched from the sentences of the sample corpus
(content/raw/); each report has 2 to 5 topics from content/taxonomy/topics.yml, 1 to 3 regions from
content/taxonomy/regions.csv (with their ancestors) and a date between 2019 and 2025. The same seed
gives the same files, and report i is the same whatever N is (its own random generator).

    scripts/bench/generate-corpus.py --count 10000 --out /tmp/corpus-10k [--seed 1] [--site .]

The output is a knowledge base: OUT/site.yml, OUT/content/reports/*.md, OUT/content/taxonomy/ and
OUT/templates/ (copied from --site), ready for `policykb build --site OUT`.
"""
import argparse
import csv
import os
import random
import re
import shutil
import sys

CHROME = re.compile(r"下载|扫码|版权|免责|声明|分享|APP|app|预览|阅读全文|小编|网站|标签|Tags|QQ|docx|VIP|第\d+页|资源描述")
NUMERALS = "一二三四五六七八九十"
TITLES = [
    ("关于{region}{topic}的调研报告", "调研报告"),
    ("{region}推进{topic}的经验做法", "经验做法"),
    ("在全县{topic}工作会议上的讲话", "讲话发言"),
    ("以{topic}引领{topic2}高质量发展", "理论评论"),
    ("{region}{year}年{topic}工作报告", "工作报告"),
    ("关于进一步加强{topic}的实施意见", "政策文件"),
    ("{region}：{topic}跑出加速度", "新闻报道"),
]
HEADINGS = [
    "坚持{topic}，夯实发展基础", "聚焦{topic}，激发内生动力", "强化{topic}，提升服务效能",
    "深化{topic}，拓展发展空间", "统筹{topic}与{topic2}，增强综合实力", "存在的主要问题", "下一步工作打算",
]
SUBHEADINGS = ["强化组织领导", "完善政策体系", "优化资源配置", "加强督促考核", "创新工作机制", "营造良好氛围"]


def sentences_from(raw_dir):
    sentences = []
    for name in sorted(os.listdir(raw_dir)):
        path = os.path.join(raw_dir, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", "replace")
        for line in text.splitlines():
            line = line.strip()
            if CHROME.search(line):
                continue
            for sentence in re.findall(r"[^。！？]*[。！？]", line):
                sentence = sentence.strip()
                han = sum(1 for ch in sentence if "\u4e00" <= ch <= "\u9fff")
                if 12 <= len(sentence) <= 220 and han >= 10 and not re.match(r"^[一二三四五六七八九十]+、", sentence):
                    sentences.append(sentence)
    return sorted(set(sentences))


def topics_from(path):
    try:
        import yaml
    except ImportError:
        sys.exit("generate-corpus.py needs PyYAML: pip install pyyaml")
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    items = data.get("topics", data) if isinstance(data, dict) else data
    return [item["name"] for item in items if isinstance(item, dict) and "name" in item]


def regions_from(path):
    regions = {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            regions[row["code"]] = (row["name"], int(row["level"]), row["parent_code"] or None)
    return regions


def path_of(regions, code):
    names = []
    while code:
        name, _, parent = regions[code]
        names.append(name)
        code = parent
    return list(reversed(names))


def report(index, seed, sentences, topics, regions, region_codes):
    rng = random.Random(f"{seed}-{index}")
    tags = rng.sample(topics, rng.randint(2, 5))
    picked = rng.sample(region_codes, rng.randint(1, 3))
    region_names = []
    for code in picked:
        for name in path_of(regions, code):
            if name not in region_names:
                region_names.append(name)
    place = regions[picked[0]][0]
    year = rng.randint(2019, 2025)
    template, genre = rng.choice(TITLES)
    title = template.format(region=place, topic=tags[0], topic2=tags[-1], year=year)
    date = f"{year}-{rng.randint(1, 12):02d}"
    if rng.random() < 0.8:
        date += f"-{rng.randint(1, 28):02d}"

    target = rng.randint(8000, 15000)
    parts, size, section = [], 0, 0
    def mention(sentence):
        if rng.random() < 0.15:
            return f"{rng.choice(tags)}方面，{place}{sentence}"
        return sentence
    intro = "".join(mention(rng.choice(sentences)) for _ in range(rng.randint(2, 4)))
    parts.append(intro)
    size += len(intro.encode())
    while size < target:
        heading = rng.choice(HEADINGS).format(topic=rng.choice(tags), topic2=rng.choice(tags))
        numeral = NUMERALS[section % 10]
        block = [f"## {numeral}、{heading}"]
        for sub in range(rng.randint(0, 3)):
            block.append(f"### （{NUMERALS[sub]}）{rng.choice(SUBHEADINGS)}")
            block.append("".join(mention(rng.choice(sentences)) for _ in range(rng.randint(3, 7))))
        for _ in range(rng.randint(1, 3)):
            block.append("".join(mention(rng.choice(sentences)) for _ in range(rng.randint(3, 8))))
        text = "\n\n".join(block)
        parts.append(text)
        size += len(text.encode())
        section += 1
    summary = intro.split("。")[0][:110] + "。"

    def quoted(value):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = ["---", f"title: {quoted(title)}", f"date: {date}", f"genre: {genre}", "source: 基准语料生成器",
             "tags:"] + [f"  - {tag}" for tag in tags] + ["regions:"] + [f"  - {name}" for name in region_names] + [
             f"summary: {quoted(summary)}", "---", ""]
    return "\n".join(lines) + "\n" + "\n\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--site", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    args = parser.parse_args()

    site = os.path.abspath(args.site)
    sentences = sentences_from(os.path.join(site, "content", "raw"))
    topics = topics_from(os.path.join(site, "content", "taxonomy", "topics.yml"))
    regions = regions_from(os.path.join(site, "content", "taxonomy", "regions.csv"))
    # Counties and prefectures whose names are unique, so that each report's regions resolve.
    counts = {}
    for name, _, _ in regions.values():
        counts[name] = counts.get(name, 0) + 1
    region_codes = sorted(code for code, (name, level, _) in regions.items() if level >= 2 and counts[name] == 1)

    out = os.path.abspath(args.out)
    reports = os.path.join(out, "content", "reports")
    os.makedirs(reports, exist_ok=True)
    for item in ["site.yml", "templates", os.path.join("content", "taxonomy")]:
        source, target = os.path.join(site, item), os.path.join(out, item)
        if os.path.isdir(source):
            shutil.copytree(source, target, dirs_exist_ok=True)
        elif os.path.isfile(source):
            shutil.copyfile(source, target)
    for index in range(args.count):
        text = report(index, args.seed, sentences, topics, regions, region_codes)
        with open(os.path.join(reports, f"r{index:06d}.md"), "w", encoding="utf-8") as handle:
            handle.write(text)
    print(f"wrote {args.count} reports to {reports} ({len(sentences)} source sentences)")


if __name__ == "__main__":
    main()
