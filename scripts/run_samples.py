#!/usr/bin/env python3
"""Run every fenced ``python`` block in content/*.md and check what it prints.

The convention is defined in content/README.md. Usage:

    run_samples.py [FILE.md ...] [--id QUESTION_ID] [--jobs N]

Exit status is 0 only when every sample that ran printed what its answer shows.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEEP_LEARNING = re.compile(r"^\s*(import|from)\s+(torch|tensorflow|keras)\b", re.M)
TIMEOUT_SECONDS = 60


@dataclass
class Sample:
    path: Path
    line: int  # line of the opening fence, 1-based
    question: str
    code: str
    flags: dict[str, str]
    expected: str | None = None

    @property
    def where(self) -> str:
        return f"{os.path.relpath(self.path, ROOT)}:{self.line} ({self.question})"


@dataclass
class Report:
    passed: list[Sample] = field(default_factory=list)
    failed: list[tuple[Sample, str]] = field(default_factory=list)
    skipped: list[tuple[Sample, str]] = field(default_factory=list)


def parse_flags(info: str) -> tuple[str, dict[str, str]]:
    parts = info.split(None, 1)
    lang = parts[0] if parts else ""
    flags: dict[str, str] = {}
    rest = parts[1] if len(parts) > 1 else ""
    if "no-run=" in rest:  # the reason runs to the end of the line
        rest, reason = rest.split("no-run=", 1)
        flags["no-run"] = reason.strip().strip('"')
    for match in re.finditer(r'([\w-]+)=("[^"]*"|\S+)', rest):
        flags[match.group(1)] = match.group(2).strip('"')
    return lang, flags


def extract(path: Path) -> list[Sample]:
    """Fenced blocks of one file; an ``output`` block right after a python block is its expected stdout."""
    samples: list[Sample] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    question = "?"
    i = 0
    last_python: Sample | None = None
    while i < len(lines):
        line = lines[i]
        if line.startswith("## "):
            question = line[3:].strip()
        fence = re.match(r"^(`{3,}|~{3,})(.*)$", line)
        if not fence:
            if line.strip():
                last_python = None
            i += 1
            continue
        marker, info = fence.group(1), fence.group(2).strip()
        start = i
        body: list[str] = []
        i += 1
        while i < len(lines) and not lines[i].startswith(marker):
            body.append(lines[i])
            i += 1
        i += 1  # closing fence
        lang, flags = parse_flags(info)
        text = "\n".join(body) + "\n"
        if lang == "python":
            last_python = Sample(path, start + 1, question, text, flags)
            samples.append(last_python)
        elif lang == "output":
            if last_python is None or last_python.expected is not None:
                raise SystemExit(f"{path}:{start + 1}: an output block must directly follow a python block")
            last_python.expected = text
            last_python = None
        else:
            last_python = None
    return samples


def normalise(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def run(sample: Sample) -> tuple[str, str | None]:
    """Returns (status, detail): status is passed, failed or skipped."""
    minimum = sample.flags.get("min-python")
    if "no-run" in sample.flags:
        if not DEEP_LEARNING.search(sample.code):
            return "failed", "no-run is allowed only for samples importing torch, tensorflow or keras"
        return "skipped", f"not run: {sample.flags['no-run']}"
    if minimum:
        wanted = tuple(int(p) for p in minimum.split("."))
        if sys.version_info[: len(wanted)] < wanted:
            return "skipped", f"needs Python {minimum}, this is {sys.version.split()[0]}"
    with tempfile.TemporaryDirectory(prefix="pyprep-sample-") as tmp:
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONWARNINGS="ignore")
        try:
            done = subprocess.run(
                [sys.executable, "-c", sample.code], cwd=tmp, env=env, capture_output=True,
                text=True, timeout=TIMEOUT_SECONDS, stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return "failed", f"timed out after {TIMEOUT_SECONDS} s"
    if done.returncode != 0:
        return "failed", f"exit status {done.returncode}\n{done.stderr.strip()[-2000:]}"
    got, want = normalise(done.stdout), normalise(sample.expected or "")
    if got != want:
        if sample.expected is None:
            return "failed", f"printed output but has no output block:\n{got}"
        return "failed", f"output differs\n--- expected\n{want}\n--- got\n{got}"
    return "passed", None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--id", help="only this question id")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    files = [f.resolve() for f in args.files] or sorted((ROOT / "content").glob("*.md"))
    samples = [s for f in files if f.name != "README.md" for s in extract(f)]
    if args.id:
        samples = [s for s in samples if s.question == args.id]
    report = Report()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for sample, (status, detail) in zip(samples, pool.map(run, samples)):
            if status == "passed":
                report.passed.append(sample)
            elif status == "skipped":
                report.skipped.append((sample, detail or ""))
            else:
                report.failed.append((sample, detail or ""))
    for sample, detail in report.failed:
        print(f"FAIL {sample.where}: {detail}\n")
    for sample, reason in report.skipped:
        print(f"skip {sample.where}: {reason}")
    ran = len(report.passed) + len(report.failed)
    print(
        f"python samples: {len(samples)} found, {ran} ran, {len(report.passed)} passed, "
        f"{len(report.failed)} failed, {len(report.skipped)} skipped "
        f"(python {sys.version.split()[0]})"
    )
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
