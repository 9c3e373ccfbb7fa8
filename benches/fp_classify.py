#!/usr/bin/env python3
"""Sorts the findings of `blast-radius check --format json` over the false-positive corpus
(benches/fp_corpus.sh) into the classes judged in docs/false-positives.md.

Each class was defined after reading its findings (all of them for the small rules, samples for
the large ones, see the report); this script applies the same reading to every finding so the
counts can be redone after a rule changes:

    python3 benches/fp_classify.py /work/corpus/findings.json > classes.md

A finding is `tp` (worth a human look), `tp-low` (what the rule is meant to find, at process
scope: shown as info) or `noise`, each with the reason of its class.
"""

import collections
import json
import os
import re
import sys

TEST_PATH = re.compile(
    r"(/tests?/|/testdata/|_test\.go$|/test_[^/]*\.py$|_test\.py$|/__tests__/|/awstesting/"
    r"|/conftest\.py$|/molecule/|/testing/|/graphtest/|/testutils?/)"
)
DELETE_LIBRARIES = re.compile(
    r"/(rimraf|fs-extra|del|graceful-fs|@npmcli/fs)/|/pkg/system/rm(_windows)?\.go$"
)
DOCKERFILE = re.compile(r"(^|/)(Dockerfile|Containerfile)[^/]*$|\.(dockerfile|containerfile)$", re.I)
SAME_LINE_GUARD = re.compile(
    r"(\[\[?\s*-z\s+[^]]*\]\]?\s*\|\||test\s+-z\s+\S+\s*\|\||\[\[?\s*!\s+-[de]\s+[^]]*\]\]?\s*\|\|"
    r"|\[\[?\s*-[den]\s+[^]]*\]\]?\s*&&|if\s+\[\[?\s*-[defn]\s)"
)

_lines_cache = {}


def source_line(root, finding):
    path = os.path.join(root, finding["path"])
    if path not in _lines_cache:
        try:
            with open(path, errors="replace") as f:
                _lines_cache[path] = f.read().split("\n")
        except OSError:
            _lines_cache[path] = []
    lines = _lines_cache[path]
    n = finding["start"]["line"] - 1
    return lines[n] if 0 <= n < len(lines) else ""


def file_text(root, finding):
    source_line(root, finding)
    return "\n".join(_lines_cache[os.path.join(root, finding["path"])])


def operand(line, finding):
    """The variable a recursive delete acts on, when the line shows a simple one."""
    text = line[finding["start"]["column"] - 1 :]
    m = re.search(r"(?:RemoveAll|rmtree|rm\s+-\w+)\s*\(?\s*\"?\$?\{?([A-Za-z_][A-Za-z0-9_]*)", text)
    if m is None:
        m = re.search(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)", text)
    return m.group(1) if m else None


def script_dir(root, finding, var):
    """The variable holds the directory of the running script."""
    if not var:
        return False
    text = file_text(root, finding)
    idiom = r"(dirname\s+\S*\$0|BASH_SOURCE|MyCommand\.(Definition|Path)|PSScriptRoot)"
    return re.search(rf"\$?\b{re.escape(var)}\b\s*=.*{idiom}", text, re.I) is not None


def created_temp_dir(root, finding, var):
    if not var:
        return False
    text = file_text(root, finding)
    made = (
        rf"\b{re.escape(var)}\b\s*(?:,\s*\w+\s*)?:?=\s*(?:\$\(\s*mktemp|`mktemp|os\.MkdirTemp"
        rf"|ioutil\.TempDir|t\.TempDir\(|tempfile\.mkdtemp|\w+\.mkdtemp)"
    )
    return re.search(made, text) is not None


def classify(root, f):
    rule, path = f["rule"], f["path"]
    line = source_line(root, f)
    # aws-sdk-go's bucket_cleanup is a real tool: it deletes every bucket matching a prefix.
    is_test = TEST_PATH.search(path) is not None and "/awstesting/cmd/" not in path
    if rule in ("etc-write", "chmod-chown-recursive", "rm-recursive-unguarded") and DOCKERFILE.search(path):
        return "noise", "inside a Dockerfile RUN: changes the image being built, not a host"
    if rule == "recursive-delete-dynamic-path":
        if DELETE_LIBRARIES.search(path):
            return "noise", "the implementation of a deletion library: its caller chooses the path"
        if created_temp_dir(root, f, operand(line, f)):
            return "noise", "deletes a temporary directory the same file created (mkdtemp/MkdirTemp)"
        if script_dir(root, f, operand(line, f)):
            return "noise", "below the running script's own directory (set from $0 / MyCommand)"
        if re.search(r"(^|/)make\.bat$", path):
            return "noise", "Sphinx make.bat: BUILDDIR is set to _build a few lines above"
        if is_test:
            return "noise", "test code removing its own scratch or fixture directory"
        return "tp", "recursive delete of a computed path in shipped code"
    if rule == "rm-recursive-unguarded":
        if SAME_LINE_GUARD.search(line):
            return "noise", "guarded on the same line (`[ -z X ] ||`, `[ ! -d X ] ||`, `if [ -f X ]`)"
        if created_temp_dir(root, f, operand(line, f)):
            return "noise", "removes a directory the script created with mktemp"
        if script_dir(root, f, operand(line, f)):
            return "noise", "below the running script's own directory (set from $0 / BASH_SOURCE)"
        if "$(MODLIB)" in line:
            return "tp", "kernel modules_install: removes /lib/modules/<version>/kernel of the host"
        if re.search(r"(^|/)(GNU)?makefile$", path, re.I):
            return "noise", "Makefile variable set with `?=` or from other variables to a packaging directory"
        if is_test:
            return "noise", "test script removing its own scratch directory"
        return "tp", "rm -r of a variable path in a shipped script"
    if rule == "process-env-write":
        if is_test:
            return "noise", "test code: confined to the test process"
        return "tp-low", "process-wide environment write in shipped code (process scope, info)"
    if rule == "iam-wildcard-resource" and is_test:
        return "noise", "an API response in test data, not a deployed policy"
    if rule in (
        "aws-sdk-delete",
        "aws-s3-bucket-delete",
        "aws-ec2-terminate",
        "aws-rds-delete",
        "aws-cloudformation-delete-stack",
    ):
        if path.endswith("examples_test.go"):
            return "noise", "generated SDK documentation example"
        if is_test:
            return "noise", "unit or integration test (mocked client, or resources the test created)"
        return "tp", "deletes a cloud resource (a module whose job is deleting on request)"
    if rule == "sql-drop-table" and is_test:
        return "noise", "test fixture SQL that recreates its own tables"
    if rule == "git-clean-force" and "filter-branch" in path:
        return "noise", "runs in git-filter-branch's own temporary work tree"
    return "tp", "matches the rule's intent"


def main():
    findings_path = sys.argv[1]
    root = os.path.dirname(os.path.abspath(findings_path))
    with open(findings_path) as f:
        data = json.load(f)
    findings = data["findings"]
    per_rule = collections.defaultdict(collections.Counter)
    per_class = collections.defaultdict(list)
    for f in findings:
        verdict, reason = classify(root, f)
        per_rule[f["rule"]][verdict] += 1
        per_class[(f["rule"], verdict, reason)].append(f)
    print(f"{len(findings)} findings, {len(data.get('errors', []))} file errors\n")
    print("| rule | findings | tp | tp-low | noise |")
    print("| --- | ---: | ---: | ---: | ---: |")
    totals = collections.Counter()
    for rule, counts in sorted(per_rule.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(counts.values())
        totals.update(counts)
        print(f"| `{rule}` | {n} | {counts['tp']} | {counts['tp-low']} | {counts['noise']} |")
    print(
        f"| **all** | {sum(totals.values())} | {totals['tp']} | {totals['tp-low']} | {totals['noise']} |"
    )
    print("\n## Classes\n")
    for (rule, verdict, reason), items in sorted(per_class.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        print(f"- `{rule}` {verdict} ({len(items)}): {reason}")
    print("\n## Every noise finding\n")
    for (rule, verdict, reason), items in sorted(per_class.items()):
        if verdict != "noise":
            continue
        print(f"### `{rule}`: {reason} ({len(items)})\n")
        for f in sorted(items, key=lambda f: (f["path"], f["start"]["line"])):
            print(f"- {f['path'].removeprefix('src/')}:{f['start']['line']}")
        print()


if __name__ == "__main__":
    main()
