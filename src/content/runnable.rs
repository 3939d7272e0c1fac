//! Whether a Python sample can run in the page (Pyodide, in a Web Worker),
//! decided at build time from its imports and flags:
//! - `stdlib`: it imports only standard-library modules that work there;
//! - `wheels`: it also needs pure-Python packages that the build bundles as
//!   wheels (Flask, Django and their dependencies);
//! - `local`: it needs something the page cannot give it (numpy and other
//!   compiled packages, threads, processes, sockets, an older Python), so
//!   the Run button says so and the learner runs it on their own machine.
//!
//! Why these lists: every sample was run under the bundled Pyodide
//! (314.0.8, CPython 3.14) and these are the imports that failed there.

use std::collections::BTreeSet;

/// The Python version of the bundled interpreter (`pyodide` 314.x).
pub const PYODIDE_PYTHON: (u32, u32) = (3, 14);

/// How a sample runs in the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Runnable {
    /// Standard library only.
    Stdlib,
    /// Needs these bundled wheels (distribution names, dependencies included, sorted).
    Wheels(Vec<&'static str>),
    /// Cannot run in the page; says why ("needs numpy, sklearn").
    Local(String),
}

impl Runnable {
    /// The `data-run` value of the code block.
    pub fn kind(&self) -> &'static str {
        match self {
            Runnable::Stdlib => "stdlib",
            Runnable::Wheels(_) => "wheels",
            Runnable::Local(_) => "local",
        }
    }
}

/// Top-level module -> the bundled wheels it needs, dependencies included.
const BUNDLED: [(&str, &[&str]); 14] = [
    ("flask", &FLASK),
    (
        "flask_login",
        &[
            "flask-login",
            "flask",
            "werkzeug",
            "jinja2",
            "markupsafe",
            "itsdangerous",
            "click",
            "blinker",
        ],
    ),
    (
        "flask_sqlalchemy",
        &[
            "flask-sqlalchemy",
            "sqlalchemy",
            "typing-extensions",
            "flask",
            "werkzeug",
            "jinja2",
            "markupsafe",
            "itsdangerous",
            "click",
            "blinker",
        ],
    ),
    ("werkzeug", &["werkzeug", "markupsafe"]),
    ("jinja2", &["jinja2", "markupsafe"]),
    ("markupsafe", &["markupsafe"]),
    ("itsdangerous", &["itsdangerous"]),
    ("click", &["click"]),
    ("blinker", &["blinker"]),
    ("sqlalchemy", &["sqlalchemy", "typing-extensions"]),
    ("typing_extensions", &["typing-extensions"]),
    ("django", &["django", "asgiref", "sqlparse"]),
    ("asgiref", &["asgiref"]),
    ("sqlparse", &["sqlparse"]),
];
const FLASK: [&str; 7] = [
    "flask",
    "werkzeug",
    "jinja2",
    "markupsafe",
    "itsdangerous",
    "click",
    "blinker",
];

/// Standard-library modules that do not work in the page: no threads, no
/// processes, no sockets; sqlite3 is not in Pyodide's core files; asyncio's
/// `asyncio.run` cannot block on the browser's event loop.
const UNSUPPORTED: [&str; 11] = [
    "threading",
    "multiprocessing",
    "concurrent",
    "subprocess",
    "socket",
    "sqlite3",
    "asyncio",
    "ssl",
    "wsgiref",
    "pdb",
    "tkinter",
];

/// The standard-library modules that run in the page (those the samples use,
/// and the common rest). An import outside this list and [`BUNDLED`] makes a
/// sample `local`: better a plain "runs locally" than a failing Run.
const STDLIB: [&str; 88] = [
    "__future__",
    "abc",
    "argparse",
    "array",
    "ast",
    "base64",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "cProfile",
    "calendar",
    "cmath",
    "codecs",
    "collections",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "csv",
    "ctypes",
    "dataclasses",
    "datetime",
    "decimal",
    "difflib",
    "dis",
    "doctest",
    "email",
    "enum",
    "errno",
    "fnmatch",
    "fractions",
    "functools",
    "gc",
    "getopt",
    "glob",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "marshal",
    "math",
    "mmap",
    "numbers",
    "operator",
    "os",
    "pathlib",
    "pickle",
    "platform",
    "pprint",
    "pstats",
    "py_compile",
    "queue",
    "random",
    "re",
    "reprlib",
    "sched",
    "secrets",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "statistics",
    "string",
    "struct",
    "sys",
    "tempfile",
    "textwrap",
    "time",
    "timeit",
    "tokenize",
    "tomllib",
    "traceback",
    "types",
    "typing",
];
/// More of the same list (kept in two parts to stay readable).
const STDLIB_MORE: [&str; 12] = [
    "unicodedata",
    "unittest",
    "urllib",
    "uuid",
    "warnings",
    "weakref",
    "zipfile",
    "zlib",
    "sre_compile",
    "sre_parse",
    "tracemalloc",
    "graphlib",
];

/// The top-level modules a sample imports (`import a.b, c as d`, `from e.f
/// import g`; relative imports are skipped), in order of first use.
pub fn imports(code: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut add = |name: &str| {
        let top = name.trim().split('.').next().unwrap_or("").trim();
        let valid = !top.is_empty() && top.chars().all(|c| c.is_alphanumeric() || c == '_');
        if valid && !seen.iter().any(|s| s == top) {
            seen.push(top.to_string());
        }
    };
    for line in code.lines() {
        // `try: import x` and `if ...: import x` lines are rare; statements start a line.
        let line = line.trim_start();
        let line = line.split('#').next().unwrap_or("");
        if let Some(rest) = line.strip_prefix("import ") {
            for part in rest.split(',') {
                add(part.split(" as ").next().unwrap_or(""));
            }
        } else if let Some(rest) = line.strip_prefix("from ")
            && let Some((module, _)) = rest.split_once(" import")
            && !module.trim_start().starts_with('.')
        {
            add(module);
        }
    }
    seen
}

/// Classifies a sample from its code and its fence flags (`min-python=3.12`,
/// `max-python=3.12`, `no-run=...`, as in content/README.md).
pub fn classify(code: &str, flags: &str) -> Runnable {
    if flags.contains("no-run=") {
        return Runnable::Local("is not run anywhere (deep learning)".into());
    }
    for (flag, newer_ok) in [("min-python=", true), ("max-python=", false)] {
        if let Some(version) = flags.split_whitespace().find_map(|f| f.strip_prefix(flag)) {
            let fits = parse_version(version).is_some_and(|v| {
                if newer_ok {
                    v <= PYODIDE_PYTHON
                } else {
                    v >= PYODIDE_PYTHON
                }
            });
            if !fits {
                return Runnable::Local(format!("needs Python {version}"));
            }
        }
    }
    let mut wheels = BTreeSet::new();
    let mut missing = Vec::new();
    for module in imports(code) {
        if let Some((_, needs)) = BUNDLED.iter().find(|(m, _)| *m == module) {
            wheels.extend(needs.iter().copied());
        } else if UNSUPPORTED.contains(&module.as_str())
            || !(STDLIB.contains(&module.as_str()) || STDLIB_MORE.contains(&module.as_str()))
        {
            missing.push(module);
        }
    }
    if !missing.is_empty() {
        Runnable::Local(format!("needs {}", missing.join(", ")))
    } else if wheels.is_empty() {
        Runnable::Stdlib
    } else {
        Runnable::Wheels(wheels.into_iter().collect())
    }
}

fn parse_version(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next().unwrap_or("0").parse().ok()?;
    Some((major, minor))
}

/// The data attributes of a Python code block: `data-run`, and
/// `data-wheels` or `data-needs`.
pub fn run_attributes(code: &str, flags: &str) -> String {
    match classify(code, flags) {
        Runnable::Stdlib => " data-run=\"stdlib\"".into(),
        Runnable::Wheels(list) => format!(" data-run=\"wheels\" data-wheels=\"{}\"", list.join(" ")),
        Runnable::Local(why) => format!(
            " data-run=\"local\" data-needs=\"{}\"",
            super::highlight::escape_html(&why)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_reads_both_forms_and_skips_relative_and_comments() {
        let code = "import os, sys as system\nfrom collections.abc import Mapping\nfrom . import local\n\
                    # import numpy\n    import json  # inside a function\nx = 'import re'\n";
        assert_eq!(imports(code), ["os", "sys", "collections", "json"]);
    }

    #[test]
    fn stdlib_only_is_stdlib() {
        assert_eq!(
            classify("import heapq\nfrom functools import lru_cache\nprint(1)\n", ""),
            Runnable::Stdlib
        );
        assert_eq!(classify("print('no imports')\n", ""), Runnable::Stdlib);
    }

    #[test]
    fn flask_needs_its_wheels_with_dependencies() {
        let Runnable::Wheels(list) = classify("from flask import Flask\nimport json\n", "") else {
            panic!()
        };
        assert_eq!(
            list,
            [
                "blinker",
                "click",
                "flask",
                "itsdangerous",
                "jinja2",
                "markupsafe",
                "werkzeug"
            ]
        );
        let Runnable::Wheels(list) = classify("import django\nfrom django.conf import settings\n", "") else {
            panic!()
        };
        assert_eq!(list, ["asgiref", "django", "sqlparse"]);
    }

    #[test]
    fn compiled_packages_threads_and_unknown_modules_run_locally() {
        assert_eq!(
            classify("import numpy as np\nfrom sklearn import svm\n", ""),
            Runnable::Local("needs numpy, sklearn".into())
        );
        assert_eq!(classify("import threading\n", "").kind(), "local");
        assert_eq!(classify("import asyncio\n", "").kind(), "local");
        assert_eq!(classify("import httpx\n", ""), Runnable::Local("needs httpx".into()));
        // One local-only import is enough, even next to bundled ones.
        assert_eq!(classify("import flask\nimport sqlite3\n", "").kind(), "local");
    }

    #[test]
    fn flags_decide_before_imports() {
        assert_eq!(classify("print(1)\n", "min-python=3.12").kind(), "stdlib");
        assert_eq!(
            classify("print(1)\n", "min-python=3.15"),
            Runnable::Local("needs Python 3.15".into())
        );
        assert_eq!(
            classify("print(1)\n", "max-python=3.12"),
            Runnable::Local("needs Python 3.12".into())
        );
        assert_eq!(classify("print(1)\n", "max-python=3.14").kind(), "stdlib");
        assert_eq!(classify("import torch\n", "no-run=needs a GPU").kind(), "local");
        assert_eq!(classify("print(1)\n", "min-python=bogus").kind(), "local");
    }

    #[test]
    fn attributes_are_escaped_html() {
        assert_eq!(run_attributes("import os\n", ""), " data-run=\"stdlib\"");
        assert_eq!(
            run_attributes("import click\n", ""),
            " data-run=\"wheels\" data-wheels=\"click\""
        );
        assert_eq!(
            run_attributes("import numpy\n", ""),
            " data-run=\"local\" data-needs=\"needs numpy\""
        );
    }
}
