"""Self-test of the sample runner: it must fail what is wrong, not only pass what is right."""

import re
import shlex
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

RUNNER = Path(__file__).with_name("run_samples.py")
FENCE = "`" * 3
SUMMARY = re.compile(r"^python \d+\.\d+\.\d+: .*$", re.M)

sys.path.insert(0, str(RUNNER.parent))
import run_samples  # noqa: E402


def run(markdown: str, *args: str, interpreters: tuple[str, ...] = (sys.executable,)) -> subprocess.CompletedProcess:
    """The runner on one Markdown file, under the given interpreters (this one by default)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.md"
        path.write_text(textwrap.dedent(markdown).replace("'''", FENCE))
        chosen = [f"--interpreter={python}" for python in interpreters]
        return subprocess.run(
            [sys.executable, str(RUNNER), str(path), *chosen, *args], capture_output=True, text=True,
        )


class FakePythons:
    """Interpreters that say they are CPython X.Y.Z: this one, with a sitecustomize rewriting sys.version_info."""

    def __init__(self, *versions: str):
        self.tmp = tempfile.TemporaryDirectory()
        self.paths = tuple(self.make(Path(self.tmp.name), version) for version in versions)

    @staticmethod
    def make(directory: Path, version: str) -> str:
        site = directory / f"site-{version}"
        site.mkdir()
        numbers = ", ".join(version.split("."))
        (site / "sitecustomize.py").write_text(f"import sys\nsys.version_info = ({numbers}, 'final', 0)\n")
        wrapper = directory / f"python{version}"
        wrapper.write_text(
            f'#!/bin/sh\nPYTHONPATH={shlex.quote(str(site))} exec {shlex.quote(sys.executable)} "$@"\n'
        )
        wrapper.chmod(0o755)
        return str(wrapper)

    def __enter__(self) -> tuple[str, ...]:
        return self.paths

    def __exit__(self, *exc) -> None:
        self.tmp.cleanup()


class RunnerTest(unittest.TestCase):
    def test_matching_output_passes(self):
        done = run("## q\n'''python\nprint('hi')\n'''\n\n'''output\nhi\n'''\n")
        self.assertEqual(done.returncode, 0, done.stdout)
        self.assertIn("1 found, 1 ran, 1 passed, 0 failed, 0 skipped", done.stdout)

    def test_wrong_output_fails_with_a_diff(self):
        done = run("## q\n'''python\nprint('hi')\n'''\n\n'''output\nbye\n'''\n")
        self.assertEqual(done.returncode, 1)
        self.assertIn("output differs", done.stdout)

    def test_printing_without_an_output_block_fails(self):
        done = run("## q\n'''python\nprint('surprise')\n'''\n")
        self.assertEqual(done.returncode, 1)
        self.assertIn("has no output block", done.stdout)

    def test_an_exception_fails(self):
        done = run("## q\n'''python\nraise SystemExit(3)\n'''\n")
        self.assertEqual(done.returncode, 1)
        self.assertIn("exit status 3", done.stdout)

    def test_no_run_is_only_for_deep_learning(self):
        done = run("## q\n'''python no-run=lazy\nprint(1)\n'''\n")
        self.assertEqual(done.returncode, 1)
        ok = run("## q\n'''python no-run=deep-learning: no torch here\nimport torch\n'''\n")
        self.assertEqual(ok.returncode, 0, ok.stdout)
        self.assertIn("not run: deep-learning: no torch here", ok.stdout)

    def test_newer_python_is_skipped_with_the_reason(self):
        done = run("## q\n'''python min-python=99.0\nprint(1)\n'''\n\n'''output\n1\n'''\n")
        self.assertEqual(done.returncode, 0)
        self.assertIn("needs Python 99.0", done.stdout)

    def test_a_misspelt_or_malformed_flag_fails(self):
        done = run("## q\n'''python max-pyhton=3.12\nprint(1)\n'''\n\n'''output\n1\n'''\n")
        self.assertEqual(done.returncode, 1)
        self.assertIn("unknown flag max-pyhton", done.stdout)
        done = run("## q\n'''python max-python=3.x\nprint(1)\n'''\n\n'''output\n1\n'''\n")
        self.assertEqual(done.returncode, 1)
        self.assertIn("max-python=3.x is not a version", done.stdout)


class InterpretersTest(unittest.TestCase):
    """Every sample runs under every interpreter; each gets its own report line."""

    VERSION_SAMPLE = "## q\n'''python\nimport sys\nprint(sys.version_info[:2])\n'''\n\n'''output\n(3, 11)\n'''\n"

    def test_the_fake_interpreters_are_what_they_say(self):
        with FakePythons("3.11.99", "3.12.99") as pythons:
            found = [run_samples.probe(python) for python in pythons]
        self.assertEqual([f.version for f in found if f], [(3, 11, 99), (3, 12, 99)])

    def test_max_python_skips_newer_interpreters_only(self):
        markdown = (
            "## q\n'''python max-python=3.11\nprint(1)\n'''\n\n'''output\n1\n'''\n"
            "## r\n'''python max-python=3.12\nprint(2)\n'''\n\n'''output\n2\n'''\n"
        )
        with FakePythons("3.11.99", "3.12.99", "3.13.99") as pythons:
            done = run(markdown, interpreters=pythons)
        self.assertEqual(done.returncode, 0, done.stdout)
        self.assertIn("python 3.11.99: 2 found, 2 ran, 2 passed, 0 failed, 0 skipped", done.stdout)
        self.assertIn("python 3.12.99: 2 found, 1 ran, 1 passed, 0 failed, 1 skipped", done.stdout)
        self.assertIn("python 3.13.99: 2 found, 0 ran, 0 passed, 0 failed, 2 skipped", done.stdout)
        self.assertIn("(q) on 3.12.99, 3.13.99: needs Python 3.11 or older", done.stdout)
        self.assertIn("(r) on 3.13.99: needs Python 3.12 or older", done.stdout)

    def test_min_python_skips_older_interpreters_only(self):
        markdown = "## q\n'''python min-python=3.12\nprint(1)\n'''\n\n'''output\n1\n'''\n"
        with FakePythons("3.11.99", "3.12.99") as pythons:
            done = run(markdown, interpreters=pythons)
        self.assertEqual(done.returncode, 0, done.stdout)
        self.assertIn("python 3.11.99: 1 found, 0 ran, 0 passed, 0 failed, 1 skipped", done.stdout)
        self.assertIn("python 3.12.99: 1 found, 1 ran, 1 passed, 0 failed, 0 skipped", done.stdout)

    def test_a_failure_on_one_interpreter_fails_the_run(self):
        with FakePythons("3.11.99", "3.12.99", "3.13.99") as pythons:
            done = run(self.VERSION_SAMPLE, interpreters=pythons)
            last_only = run(self.VERSION_SAMPLE, interpreters=pythons[:1] + pythons[:1] + pythons[2:])
        self.assertEqual(done.returncode, 1, done.stdout)
        self.assertIn("(q) on 3.12.99: output differs\n--- expected\n(3, 11)\n--- got\n(3, 12)\n", done.stdout)
        self.assertIn("(q) on 3.13.99: output differs\n--- expected\n(3, 11)\n--- got\n(3, 13)\n", done.stdout)
        self.assertNotRegex(done.stdout, r"FAIL .* on [^:]*3\.11\.99")
        self.assertIn("python 3.11.99: 1 found, 1 ran, 1 passed, 0 failed, 0 skipped", done.stdout)
        self.assertIn("python 3.12.99: 1 found, 1 ran, 0 passed, 1 failed, 0 skipped", done.stdout)
        self.assertIn("python samples: failures on 3.12.99, 3.13.99", done.stdout)
        self.assertEqual(last_only.returncode, 1, last_only.stdout)
        self.assertIn("python samples: failures on 3.13.99", last_only.stdout)

    def test_the_same_failure_everywhere_is_reported_once(self):
        with FakePythons("3.11.99", "3.12.99") as pythons:
            done = run("## q\n'''python\nraise SystemExit(3)\n'''\n", interpreters=pythons)
        self.assertEqual(done.returncode, 1, done.stdout)
        self.assertEqual(done.stdout.count("FAIL "), 1, done.stdout)
        self.assertIn("(q) on 3.11.99, 3.12.99: exit status 3", done.stdout)

    def test_one_report_line_per_interpreter(self):
        with FakePythons("3.11.99", "3.12.99", "3.13.99") as pythons:
            done = run("## q\n'''python\nprint('hi')\n'''\n\n'''output\nhi\n'''\n", interpreters=pythons)
        self.assertEqual(done.returncode, 0, done.stdout)
        self.assertEqual(
            [line.split(":")[0] for line in SUMMARY.findall(done.stdout)],
            ["python 3.11.99", "python 3.12.99", "python 3.13.99"],
        )
        self.assertIn("python samples: no failures on 3.11.99, 3.12.99, 3.13.99", done.stdout)

    def test_python_option_picks_one_interpreter(self):
        with FakePythons("3.11.99", "3.12.99") as pythons:
            done = run(self.VERSION_SAMPLE, "--python", "3.11", interpreters=pythons)
            missing = run(self.VERSION_SAMPLE, "--python", "3.10", interpreters=pythons)
        self.assertEqual(done.returncode, 0, done.stdout)
        self.assertEqual(SUMMARY.findall(done.stdout), [f"python 3.11.99: 1 found, 1 ran, 1 passed, 0 failed, 0 skipped ({pythons[0]})"])
        self.assertEqual(missing.returncode, 2)
        self.assertIn("no Python 3.10 here (found: 3.11, 3.12)", missing.stderr)

    def test_an_interpreter_that_does_not_run_is_refused(self):
        done = run("## q\n'''python\nprint(1)\n'''\n", interpreters=("/bin/false",))
        self.assertEqual(done.returncode, 2)
        self.assertIn("/bin/false is not a CPython", done.stderr)

    def test_one_interpreter_per_minor_version_the_newest_patch(self):
        def interpreter(version, path):
            return run_samples.Interpreter(version, path, path)

        found = [
            interpreter((3, 12, 1), "/a/python3.12"),
            interpreter((3, 10, 13), "/a/python3.10"),
            interpreter((3, 11, 2), "/usr/bin/python3.11"),
            interpreter((3, 11, 7), "/pyenv/3.11.7"),
            interpreter((3, 12, 1), "/pyenv/3.12.1"),
            interpreter((3, 11, 4), "/b/python3.11"),
        ]
        self.assertEqual(
            [(i.full, i.path) for i in run_samples.choose(found)],
            [("3.11.7", "/pyenv/3.11.7"), ("3.12.1", "/a/python3.12")],
        )


if __name__ == "__main__":
    unittest.main()
