#!/usr/bin/env python3
"""Counts the extra predictions of `newsapi quotes eval --errors` that lie in a discontinuous gold content.

PolNeAR joins a quote split around its attribution ("A," he said. "B") into one attribution with two content
ranges; the evaluator matches one prediction to it, so the second piece counts as extra. This prints the number
of extras and how many of them overlap at least half of such a range (docs/events.md, the PolNeAR section).

  dotnet run -c Release --project src/NewsApi.Cli -- quotes eval ../shared/data/polnear/dev --errors > /tmp/errors.txt
  scripts/polnear-split-pieces.py /tmp/errors.txt ../shared/data/polnear/dev
"""
import glob
import re
import sys


def main(errors, folder):
    extras = pieces = 0
    for line in open(errors, encoding="utf-8"):
        match = re.match(r"(\S+): extra \[(.*?)\] (.*)", line.rstrip("\n"))
        if not match:
            continue
        extras += 1
        doc, _, content = match.groups()
        text = open(f"{folder}/text/{doc}.txt", encoding="utf-8").read()
        annotations = sorted(glob.glob(f"{folder}/attributions/{doc}_*.ann"))
        ranges = []
        for row in open(annotations[0], encoding="utf-8"):
            fields = row.rstrip("\n").split("\t")
            if fields[0].startswith("T") and fields[1].startswith("Content"):
                spans = [tuple(map(int, part.split())) for part in fields[1].split(" ", 1)[1].split(";")]
                if len(spans) > 1:
                    ranges += spans
        start = text.find(content[:60])
        if start < 0:
            continue
        end = start + len(content)
        if any(min(end, b) - max(start, a) >= 0.5 * min(end - start, b - a) for a, b in ranges):
            pieces += 1
    print(f"{extras} extra predictions, {pieces} inside a discontinuous gold content")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
