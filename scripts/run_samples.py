#!/usr/bin/env python3
"""Run every fenced ``python`` block in content/*.md, under every interpreter, and check what it prints.

The convention is defined in content/README.md. Usage:

    run_samples.py [FILE.md ...] [--id QUESTION_ID] [--python X.Y] [--jobs N]

Every CPython >= 3.11 found (``python3``, ``python3.X`` on PATH, pyenv's
versions; the newest patch of each minor version) runs every sample, in its
virtualenv .venv-samples-X.Y, which scripts/setup.sh creates; ``--list-venvs``
prints what setup.sh must create. ``--interpreter PATH`` (repeatable) runs
under exactly those interpreters instead, as they are (no virtualenv).

Exit status is 0 only when every sample that ran printed what its answer shows,
on every interpreter.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "scripts" / "requirements-samples.txt"
DEEP_LEARNING = re.compile(r"^\s*(import|from)\s+(torch|tensorflow|keras)\b", re.M)
TIMEOUT_SECONDS = 60
OLDEST = (3, 11)
FLAGS = ("min-python", "max-python", "no-run", "no-predict")
REASON_FLAGS = ("no-run", "no-predict")  # the reason runs to the end of the line
VERSION = re.compile(r"\d+(\.\d+){0,2}")
# Implementation, release level, version, and the interpreter itself (a
# virtualenv's base interpreter when run from one), one per line.
PROBE = (
    "import os, sys\n"
    "exe = sys._base_executable if sys.prefix != sys.base_prefix else sys.executable\n"
    "print(sys.implementation.name, sys.version_info[3], '.'.join(map(str, sys.version_info[:3])),"
    " os.path.realpath(exe), sep='\\n')\n"
)


@dataclass(frozen=True)
class Interpreter:
    version: tuple[int, int, int]
    path: str  # what runs the samples (a virtualenv's python, once chosen)
    base: str  # the interpreter itself, resolved

    @property
    def minor(self) -> str:
        return f"{self.version[0]}.{self.version[1]}"

    @property
    def full(self) -> str:
        return ".".join(map(str, self.version))

    @property
    def venv(self) -> Path:
        return ROOT / f".venv-samples-{self.minor}"

    def stamp(self) -> str:
        """What setup.sh writes into the virtualenv's .stamp once its packages are installed."""
        digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()[:16]
        return f"cpython {self.full} {self.base} requirements {digest}"


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
    """What one interpreter made of the samples."""

    passed: int = 0
    failed: int = 0
    skipped: int = 0


def parse_flags(info: str) -> tuple[str, dict[str, str]]:
    parts = info.split(None, 1)
    lang = parts[0] if parts else ""
    flags: dict[str, str] = {}
    rest = parts[1] if len(parts) > 1 else ""
    found = sorted((rest.find(f"{name}="), name) for name in REASON_FLAGS if f"{name}=" in rest)
    if found:  # the first reason flag takes the rest of the line
        at, name = found[0]
        rest, reason = rest[:at], rest[at + len(name) + 1:]
        flags[name] = reason.strip().strip('"')
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


def probe(path: str) -> Interpreter | None:
    """The CPython at path (final releases only), or None: pyenv's shim of an inactive version exits 127."""
    try:
        done = subprocess.run(
            [path, "-c", PROBE], capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = done.stdout.split("\n")
    if done.returncode != 0 or len(lines) < 4 or lines[:2] != ["cpython", "final"]:
        return None
    major, minor, patch = (int(part) for part in lines[2].split("."))
    return Interpreter((major, minor, patch), path, lines[3])


def pyenv_root() -> str:
    pyenv = shutil.which("pyenv")
    if pyenv:
        try:
            done = subprocess.run([pyenv, "root"], capture_output=True, text=True, timeout=30)
            if done.returncode == 0 and done.stdout.strip():
                return done.stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            pass
    return os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")


def candidates() -> list[str]:
    """python3, every python3.X on PATH, every pyenv version: first found first."""
    found = [shutil.which("python3") or ""]
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        for path in sorted(glob.glob(os.path.join(directory or ".", "python3.*"))):
            if re.fullmatch(r"python3\.\d+", os.path.basename(path)) and os.access(path, os.X_OK):
                found.append(path)
    found += sorted(glob.glob(os.path.join(pyenv_root(), "versions", "*", "bin", "python3")))
    return [path for path in dict.fromkeys(found) if path]


def choose(found: list[Interpreter]) -> list[Interpreter]:
    """One interpreter per minor version >= 3.11, its newest patch (the first found on a tie), oldest first."""
    best: dict[tuple[int, int], Interpreter] = {}
    for interpreter in found:
        key = (interpreter.version[0], interpreter.version[1])
        if key >= OLDEST and (key not in best or interpreter.version > best[key].version):
            best[key] = interpreter
    return [best[key] for key in sorted(best)]


def discover() -> list[Interpreter]:
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        probed = list(pool.map(probe, candidates()))
    chosen = choose([found for found in probed if found is not None])
    # Samples run from the interpreter itself, not from the path it was found by (a shim, a venv).
    return [Interpreter(i.version, i.base, i.base) for i in chosen]


def read_stamp(venv: Path) -> str:
    try:
        return (venv / ".stamp").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def run(sample: Sample, interpreter: Interpreter) -> tuple[str, str | None]:
    """Returns (status, detail): status is passed, failed or skipped."""
    unknown = sorted(set(sample.flags) - set(FLAGS))
    if unknown:
        return "failed", f"unknown flag {', '.join(unknown)} (known: {', '.join(FLAGS)})"
    if "no-run" in sample.flags:
        if not DEEP_LEARNING.search(sample.code):
            return "failed", "no-run is allowed only for samples importing torch, tensorflow or keras"
        return "skipped", f"not run: {sample.flags['no-run']}"
    for name in ("min-python", "max-python"):
        value = sample.flags.get(name)
        if value is not None and not VERSION.fullmatch(value):
            return "failed", f"{name}={value} is not a version such as 3.12"
    minimum, maximum = sample.flags.get("min-python"), sample.flags.get("max-python")
    if minimum:
        wanted = tuple(int(p) for p in minimum.split("."))
        if interpreter.version[: len(wanted)] < wanted:
            return "skipped", f"needs Python {minimum} or newer"
    if maximum:
        wanted = tuple(int(p) for p in maximum.split("."))
        if interpreter.version[: len(wanted)] > wanted:
            return "skipped", f"needs Python {maximum} or older"
    with tempfile.TemporaryDirectory(prefix="pyprep-sample-") as tmp:
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONWARNINGS="ignore")
        try:
            done = subprocess.run(
                [interpreter.path, "-c", sample.code], cwd=tmp, env=env, capture_output=True,
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


def shown(path: str) -> str:
    return os.path.relpath(path, ROOT) if Path(os.path.abspath(path)).is_relative_to(ROOT) else path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--id", help="only this question id")
    parser.add_argument("--python", metavar="X.Y", help="only this interpreter (a minor version: 3.12)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--interpreter", action="append", metavar="PATH",
        help="run under this interpreter, as it is, instead of those found (repeatable)",
    )
    parser.add_argument(
        "--list-venvs", action="store_true",
        help="print X.Y, interpreter, virtualenv and stamp (tab-separated) of each interpreter found, for setup.sh",
    )
    args = parser.parse_args()

    if args.interpreter:
        interpreters = []
        for path in args.interpreter:
            found = probe(path)
            if found is None:
                print(f"run_samples: {path} is not a CPython (final release) that runs", file=sys.stderr)
                return 2
            interpreters.append(found)
    else:
        interpreters = discover()
        if not interpreters:
            print("run_samples: no CPython >= 3.11 found (python3, python3.X on PATH, pyenv)", file=sys.stderr)
            return 2
    if args.python:
        available = ", ".join(i.minor for i in interpreters)
        interpreters = [i for i in interpreters if i.minor == args.python]
        if not interpreters:
            print(f"run_samples: no Python {args.python} here (found: {available})", file=sys.stderr)
            return 2
    if args.list_venvs:
        for i in interpreters:
            print(i.minor, i.base, i.venv, i.stamp(), sep="\t")
        return 0
    if not args.interpreter:
        stale = [i for i in interpreters if read_stamp(i.venv) != i.stamp()]
        for i in stale:
            print(
                f"run_samples: {shown(str(i.venv))} is missing or out of date for Python {i.full} "
                f"({i.base}) and {shown(str(REQUIREMENTS))}: run scripts/setup.sh test",
                file=sys.stderr,
            )
        if stale:
            return 2
        interpreters = [Interpreter(i.version, str(i.venv / "bin" / "python"), i.base) for i in interpreters]

    files = [f.resolve() for f in args.files] or sorted((ROOT / "content").glob("*.md"))
    samples = [s for f in files if f.name != "README.md" for s in extract(f)]
    if args.id:
        samples = [s for s in samples if s.question == args.id]
        if not samples:
            print(f"run_samples: no python sample under a question {args.id!r}", file=sys.stderr)
            return 2
    tasks = [(n, k) for n in range(len(samples)) for k in range(len(interpreters))]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outcomes = list(pool.map(lambda task: run(samples[task[0]], interpreters[task[1]]), tasks))

    reports = [Report() for _ in interpreters]
    # One line per sample and outcome, naming the interpreters that gave it.
    notes: dict[tuple[int, str, str], list[str]] = {}
    for (n, k), (status, detail) in zip(tasks, outcomes):
        setattr(reports[k], status, getattr(reports[k], status) + 1)
        if status != "passed":
            notes.setdefault((n, status, detail or ""), []).append(interpreters[k].full)
    for (n, status, detail), versions in notes.items():
        if status == "failed":
            print(f"FAIL {samples[n].where} on {', '.join(versions)}: {detail}\n")
    for (n, status, detail), versions in notes.items():
        if status == "skipped":
            print(f"skip {samples[n].where} on {', '.join(versions)}: {detail}")
    for interpreter, report in zip(interpreters, reports):
        print(
            f"python {interpreter.full}: {len(samples)} found, {report.passed + report.failed} ran, "
            f"{report.passed} passed, {report.failed} failed, {report.skipped} skipped "
            f"({shown(interpreter.path)})"
        )
    failing = [i.full for i, r in zip(interpreters, reports) if r.failed]
    everywhere = ", ".join(i.full for i in interpreters)
    print(f"python samples: failures on {', '.join(failing)}" if failing else f"python samples: no failures on {everywhere}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
