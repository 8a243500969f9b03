#!/usr/bin/env python3
"""A strict parser of Prometheus' text exposition format, version 0.0.4 (the format a node's GET /metrics answers).

Reads the exposition from FILE (or standard input), checks it against the format's rules and prints the samples as
JSON: {"families": {name: {"type": t, "help": h}}, "samples": [[name, {label: value}, value], ...]}, values as
strings exactly as written ("+Inf", "0.001"). On the first violation it prints "line N: what is wrong" to standard
error and exits 1.

The rules checked (https://prometheus.io/docs/instrumenting/exposition_formats/, text format 0.0.4):
- lines end with a line feed (the last one too); empty lines are ignored; `#` lines other than HELP and TYPE are
  comments;
- `# HELP name text` (escapes `\\` and `\n` only) at most once per metric name; `# TYPE name type` at most once, with
  type counter, gauge, histogram, summary or untyped, before the family's first sample;
- metric names match [a-zA-Z_:][a-zA-Z0-9_:]*, label names [a-zA-Z_][a-zA-Z0-9_]* and do not start with `__`; no label
  twice in a sample; label values are double-quoted with the escapes `\\`, `\"` and `\n` only;
- a value is a float as Go's ParseFloat reads it (NaN, +Inf, -Inf included), optionally followed by an integer
  timestamp; nothing else follows;
- a family's samples are one group (not interleaved with another family's), and no series (name and label set)
  appears twice;
- a counter's samples are named as the family and are not negative (nor NaN); a gauge's are named as the family;
- a histogram's samples are name_bucket (with an `le` label holding a float), name_sum and name_count; per label set
  the buckets are cumulative (non-decreasing as `le` grows), end with le="+Inf", and the +Inf bucket equals _count;
- a summary's samples are name (with a `quantile` label), name_sum and name_count.
"""
import json
import math
import re
import sys

METRIC_NAME = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
LABEL_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*")
FLOAT = re.compile(r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[Ii]nf(?:inity)?|NaN)")
TYPES = {"counter", "gauge", "histogram", "summary", "untyped"}


class FormatError(Exception):
    pass


def parse_float(text, where):
    if not FLOAT.fullmatch(text):
        raise FormatError(f"{where}: '{text}' is not a float")
    return float(text)


def unescape(text, allowed, where):
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            if i + 1 >= len(text) or text[i + 1] not in allowed:
                raise FormatError(f"{where}: invalid escape '\\{text[i + 1:i + 2]}'")
            out.append({"\\": "\\", "n": "\n", '"': '"'}[text[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_labels(text, pos, where):
    """Parses `{a="x",b="y"}` starting at text[pos] == '{'; returns (labels, position after '}')."""
    labels = {}
    pos += 1
    while True:
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] == "}":
            return labels, pos + 1
        m = LABEL_NAME.match(text, pos)
        if not m:
            raise FormatError(f"{where}: expected a label name at column {pos + 1}")
        name = m.group(0)
        if name.startswith("__"):
            raise FormatError(f"{where}: label name '{name}' is reserved (starts with __)")
        if name in labels:
            raise FormatError(f"{where}: label '{name}' twice")
        pos = m.end()
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos >= len(text) or text[pos] != "=":
            raise FormatError(f"{where}: expected '=' after label '{name}'")
        pos += 1
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos >= len(text) or text[pos] != '"':
            raise FormatError(f"{where}: the value of label '{name}' is not double-quoted")
        pos += 1
        start = pos
        while pos < len(text) and text[pos] != '"':
            pos += 2 if text[pos] == "\\" else 1
        if pos >= len(text):
            raise FormatError(f"{where}: the value of label '{name}' is not closed")
        labels[name] = unescape(text[start:pos], '\\n"', where)
        pos += 1
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] == ",":
            pos += 1
            continue
        if pos < len(text) and text[pos] == "}":
            return labels, pos + 1
        raise FormatError(f"{where}: expected ',' or '}}' after the value of label '{name}'")


def family_of(name, types):
    """The family a sample name belongs to: itself, or a histogram's/summary's base name for its suffixes."""
    for suffix in ("_bucket", "_sum", "_count"):
        if name.endswith(suffix):
            base = name[: -len(suffix)]
            if types.get(base) in ("histogram", "summary") and (suffix != "_bucket" or types[base] == "histogram"):
                return base
    return name


def parse(text):
    if text and not text.endswith("\n"):
        raise FormatError(f"line {text.count(chr(10)) + 1}: the last line does not end with a line feed")
    types, helps, samples = {}, {}, []
    seen_series, finished, current = set(), set(), None
    for number, line in enumerate(text.split("\n")[:-1] if text else [], start=1):
        where = f"line {number}"
        if line.strip() == "":
            continue
        if line.startswith("#"):
            parts = line[1:].lstrip(" \t").split(None, 2)
            if len(parts) >= 1 and parts[0] in ("HELP", "TYPE"):
                if len(parts) < 2 or not METRIC_NAME.fullmatch(parts[1]):
                    raise FormatError(f"{where}: {parts[0]} without a valid metric name")
                name = parts[1]
                if parts[0] == "HELP":
                    if name in helps:
                        raise FormatError(f"{where}: a second HELP for {name}")
                    helps[name] = unescape(parts[2] if len(parts) > 2 else "", "\\n", where)
                else:
                    if name in types:
                        raise FormatError(f"{where}: a second TYPE for {name}")
                    if len(parts) < 3 or parts[2].strip() not in TYPES:
                        raise FormatError(f"{where}: TYPE of {name} is not one of {sorted(TYPES)}")
                    named = (name, name + "_bucket", name + "_sum", name + "_count")
                    if name in finished or name == current or any(s[0] in named for s in samples):
                        raise FormatError(f"{where}: TYPE of {name} after its samples")
                    types[name] = parts[2].strip()
            continue
        m = METRIC_NAME.match(line)
        if not m:
            raise FormatError(f"{where}: a sample must start with a metric name")
        name, pos = m.group(0), m.end()
        labels = {}
        if pos < len(line) and line[pos] == "{":
            labels, pos = parse_labels(line, pos, where)
        rest = line[pos:]
        if not rest or rest[0] not in " \t":
            raise FormatError(f"{where}: expected a space before the value of {name}")
        fields = rest.split()
        if len(fields) not in (1, 2):
            raise FormatError(f"{where}: expected a value and at most a timestamp after {name}, found {len(fields)} fields")
        value_text = fields[0]
        parse_float(value_text, where)
        if len(fields) == 2 and not re.fullmatch(r"-?[0-9]+", fields[1]):
            raise FormatError(f"{where}: timestamp '{fields[1]}' is not an integer")
        family = family_of(name, types)
        if family != current:
            if family in finished:
                raise FormatError(f"{where}: samples of {family} are not one group (interleaved with another family)")
            if current is not None:
                finished.add(current)
            current = family
        key = (name, tuple(sorted(labels.items())))
        if key in seen_series:
            raise FormatError(f"{where}: series {name}{labels} appears twice")
        seen_series.add(key)
        check_sample(types.get(family, "untyped"), family, name, labels, value_text, where)
        samples.append([name, labels, value_text])
    check_histograms(types, samples)
    return {"families": {n: {"type": types.get(n, "untyped"), "help": helps.get(n, "")} for n in set(types) | set(helps)},
            "samples": samples}


def check_sample(kind, family, name, labels, value_text, where):
    value = float(value_text)
    if kind == "counter":
        if name != family:
            raise FormatError(f"{where}: counter {family} has a sample named {name}")
        if math.isnan(value) or value < 0:
            raise FormatError(f"{where}: counter {name} is {value_text}")
    elif kind == "gauge" and name != family:
        raise FormatError(f"{where}: gauge {family} has a sample named {name}")
    elif kind == "histogram":
        if name == family + "_bucket":
            if "le" not in labels:
                raise FormatError(f"{where}: bucket of {family} without an le label")
            parse_float(labels["le"], where)
        elif name not in (family + "_sum", family + "_count"):
            raise FormatError(f"{where}: histogram {family} has a sample named {name}")
        elif "le" in labels:
            raise FormatError(f"{where}: {name} carries an le label")
        if name != family + "_sum" and (math.isnan(value) or value < 0):
            raise FormatError(f"{where}: {name} is {value_text}")
    elif kind == "summary":
        if name == family and "quantile" not in labels:
            raise FormatError(f"{where}: summary {family} sample without a quantile label")
        if name not in (family, family + "_sum", family + "_count"):
            raise FormatError(f"{where}: summary {family} has a sample named {name}")


def check_histograms(types, samples):
    for family, kind in types.items():
        if kind != "histogram":
            continue
        groups = {}
        for name, labels, value in samples:
            if name.startswith(family + "_"):
                rest = tuple(sorted((k, v) for k, v in labels.items() if k != "le"))
                groups.setdefault(rest, {"buckets": [], "count": None, "sum": None})
                g = groups[rest]
                if name == family + "_bucket":
                    g["buckets"].append((float(labels["le"]), float(value)))
                elif name == family + "_count":
                    g["count"] = float(value)
                else:
                    g["sum"] = float(value)
        for rest, g in groups.items():
            what = f"histogram {family}{dict(rest)}"
            if not g["buckets"] or g["buckets"][-1][0] != math.inf:
                raise FormatError(f"{what}: the last bucket is not le=\"+Inf\"")
            bounds = [b for b, _ in g["buckets"]]
            if bounds != sorted(bounds):
                raise FormatError(f"{what}: buckets are not in increasing order of le")
            counts = [c for _, c in g["buckets"]]
            if any(b < a for a, b in zip(counts, counts[1:])):
                raise FormatError(f"{what}: buckets are not cumulative")
            if g["count"] is None or g["sum"] is None:
                raise FormatError(f"{what}: no _count or no _sum")
            if g["count"] != counts[-1]:
                raise FormatError(f"{what}: _count {g['count']} differs from the +Inf bucket {counts[-1]}")


def main():
    data = open(sys.argv[1], "rb").read() if len(sys.argv) > 1 else sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"byte {e.start}: not UTF-8", file=sys.stderr)
        return 1
    try:
        result = parse(text)
    except FormatError as e:
        print(str(e), file=sys.stderr)
        return 1
    json.dump(result, sys.stdout, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
