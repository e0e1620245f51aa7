#!/usr/bin/env python3
"""Writes Sources/Search/CharacterCodeTable.swift: the static Huffman code the search index
compresses report texts with (see SearchFormat's `d/` files and CharacterCode.swift).

    scripts/search/character-table.py [--han 3000] [--jieba DIR]

Frequencies: Chinese characters from the word frequencies of jieba's dictionary (PyPI: jieba,
MIT licence; downloaded with pip when --jieba is not given), mixed with the sample corpus's
punctuation, digits and Latin letters (content/raw/) in the proportions the sample has. Every
character of the gazetteer and the topic vocabulary is in the table too. Characters outside it
are written with an escape code and their scalar value, so every text can be encoded.

The code is canonical: symbols sorted by code length, then by scalar value; U+0000 is the escape.
The table is the same for every site, so that a report's compressed text depends on that report alone.
"""
import argparse
import collections
import glob
import heapq
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "Sources", "Search", "CharacterCodeTable.swift")
MAX_LENGTH = 20


def is_han(ch):
    v = ord(ch)
    return 0x3400 <= v <= 0x4DBF or 0x4E00 <= v <= 0x9FFF or 0xF900 <= v <= 0xFAFF or 0x20000 <= v <= 0x3134F or v == 0x3007


def jieba_dict(folder):
    if folder is None:
        folder = tempfile.mkdtemp(prefix="jieba-")
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "jieba==0.42.1", "-d", folder], check=True)
    for archive in glob.glob(os.path.join(folder, "jieba-*.tar.gz")):
        with tarfile.open(archive) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("jieba/dict.txt"))
            return tar.extractfile(member).read().decode("utf-8")
    matches = glob.glob(os.path.join(folder, "**", "dict.txt"), recursive=True)
    return open(matches[0], encoding="utf-8").read()


def huffman_lengths(freq):
    heap = [(f, i, (s,)) for i, (s, f) in enumerate(sorted(freq.items()))]
    heapq.heapify(heap)
    lengths = collections.Counter()
    counter = len(heap)
    while len(heap) > 1:
        a = heapq.heappop(heap)
        b = heapq.heappop(heap)
        for s in a[2] + b[2]:
            lengths[s] += 1
        heapq.heappush(heap, (a[0] + b[0], counter, a[2] + b[2]))
        counter += 1
    return lengths


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--han", type=int, default=2000, help="how many of jieba's most frequent characters")
    parser.add_argument("--jieba", help="a folder holding jieba's sdist or dict.txt (default: pip download)")
    args = parser.parse_args()

    han = collections.Counter()
    for line in jieba_dict(args.jieba).splitlines():
        parts = line.split(" ")
        if len(parts) < 2:
            continue
        for ch in parts[0]:
            if is_han(ch):
                han[ch] += int(parts[1])

    sample = collections.Counter()
    for path in sorted(glob.glob(os.path.join(ROOT, "content", "raw", "*"))):
        sample.update(open(path, "rb").read().decode("utf-8", "replace"))
    total = sum(sample.values())
    han_share = sum(v for k, v in sample.items() if is_han(k)) / total

    freq = {}
    han_total = sum(han.values())
    for ch, f in han.most_common(args.han):
        freq[ch] = f / han_total * han_share
    floor = min(freq.values())
    # Place names and topic words must not need the escape.
    for path in [os.path.join(ROOT, "content", "taxonomy", "regions.csv"), os.path.join(ROOT, "content", "taxonomy", "topics.yml")]:
        for ch in open(path, encoding="utf-8").read():
            if is_han(ch) and ch not in freq:
                freq[ch] = floor * (han[ch] / han_total * han_share / floor if han[ch] else 0.5)
    for ch, v in sample.items():
        if not is_han(ch) and ch != "\ufffd" and v >= 2:
            freq[ch] = v / total
    rare = min(freq.values())
    for v in list(range(0x20, 0x7F)) + [0x0A, 0x09]:
        freq.setdefault(chr(v), rare)
    # The escape: everything not in the table.
    freq["\0"] = sum(f for ch, f in han.most_common()[args.han:]) / han_total * han_share * 0.05 + rare

    lengths = huffman_lengths(freq)
    while max(lengths.values()) > MAX_LENGTH:
        # Flatten the rarest symbols' weights until the code fits.
        for s in freq:
            freq[s] = max(freq[s], rare * 2)
        rare *= 2
        lengths = huffman_lengths(freq)
    order = sorted(lengths, key=lambda s: (lengths[s], ord(s)))
    counts = [0] * max(lengths.values())
    for s in order:
        counts[lengths[s] - 1] += 1

    def literal(s):
        out = []
        for ch in s:
            v = ord(ch)
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif v < 0x20 or v == 0x7F or 0x80 <= v < 0xA0 or ch in "\u2028\u2029":
                out.append("\\u{%X}" % v)
            else:
                out.append(ch)
        return "".join(out)

    lines = []
    step = 60
    for i in range(0, len(order), step):
        lines.append('        "' + literal("".join(order[i:i + step])) + '",')
    with open(OUT, "w", encoding="utf-8") as handle:
        handle.write("// Generated by scripts/search/character-table.py; do not edit by hand.\n\n")
        handle.write("/// The static Huffman code of report texts in the search index: symbols in canonical order\n")
        handle.write("/// (by code length, then scalar value) and how many have each length. U+0000 is the escape.\n")
        handle.write("enum CharacterCodeTable {\n")
        handle.write("    static let lengthCounts: [Int] = [" + ", ".join(map(str, counts)) + "]\n\n")
        handle.write("    static let symbols: [String] = [\n")
        handle.write("\n".join(lines) + "\n")
        handle.write("    ]\n}\n")
    print(f"{len(order)} symbols, lengths 1–{len(counts)}: {OUT}")


if __name__ == "__main__":
    main()
