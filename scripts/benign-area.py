#!/usr/bin/env python3
"""Benign text area masked and false alarms per detector, from `medpics analyze --json` output and a corpus's
ground truth (the *.json files `medpics corpus` writes). Usage:
  medpics analyze --json DIR/*.jpg > analysis.jsonl
  scripts/benign-area.py DIR analysis.jsonl
Benign area masked = benign-text truth pixels under a phi finding box / all benign-text truth pixels (sampled every
2 px). A false alarm is a phi finding that touches no phi truth element (as in `medpics evaluate`)."""
import collections
import json
import os
import sys


def boxes_touch(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def main():
    corpus, analysis = sys.argv[1], sys.argv[2]
    results = []
    with open(analysis, encoding="utf-8") as f:
        text = f.read()
    decoder = json.JSONDecoder()
    i = 0
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = decoder.raw_decode(text, i)
        results.extend(obj if isinstance(obj, list) else [obj])
    benign_total = benign_masked = 0
    alarms = collections.Counter()
    images = 0
    for r in results:
        path = r.get("image")
        if not path:
            continue
        truth_path = os.path.join(corpus, os.path.splitext(os.path.basename(path))[0] + ".json")
        if not os.path.exists(truth_path):
            continue
        images += 1
        with open(truth_path, encoding="utf-8") as f:
            truth = json.load(f)["elements"]
        phi_boxes = [f["box"] for f in r.get("findings", []) if f.get("phi") and f.get("box")]
        for e in truth:
            if e["kind"] != "text" or e["phi"]:
                continue
            x, y, w, h = e["box"]
            for sy in range(y, y + h, 2):
                for sx in range(x, x + w, 2):
                    benign_total += 1
                    if any(b[0] <= sx < b[0] + b[2] and b[1] <= sy < b[1] + b[3] for b in phi_boxes):
                        benign_masked += 1
        for f in r.get("findings", []):
            if not f.get("phi") or not f.get("box"):
                continue
            if not any(e["phi"] and boxes_touch(f["box"], e["box"]) for e in truth):
                alarms[f["kind"]] += 1
    total = sum(alarms.values())
    print(f"images {images}")
    print(f"benign text area masked {benign_masked / max(1, benign_total):.3f}")
    print(f"false alarms {total} ({total / max(1, images):.2f} per image): " +
          ", ".join(f"{k} {v}" for k, v in sorted(alarms.items())))


if __name__ == "__main__":
    main()
