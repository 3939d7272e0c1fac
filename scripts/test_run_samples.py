"""Self-test of the sample runner: it must fail what is wrong, not only pass what is right."""

import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

RUNNER = Path(__file__).with_name("run_samples.py")
FENCE = "`" * 3


def run(markdown: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.md"
        path.write_text(textwrap.dedent(markdown).replace("'''", FENCE))
        return subprocess.run([sys.executable, str(RUNNER), str(path)], capture_output=True, text=True)


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


if __name__ == "__main__":
    unittest.main()
