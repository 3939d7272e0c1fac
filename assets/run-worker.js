// pyprep: runs one Python example at a time with Pyodide, in a module Web
// Worker started by the page on the learner's first Run (never before).
// Everything it fetches sits next to this file: pyodide/ (the interpreter,
// copied from the npm package by scripts/post_build.mjs), wheels/ (pure-Python
// packages) and run-files.json (their sizes, for the progress bar).
//
// Page -> worker: { type: "run", code, wheels: ["flask", ...] }
// Worker -> page: { type: "progress", received, total }   while downloading
//                 { type: "started" }                     the code starts (the time limit starts here)
//                 { type: "out", stream: "stdout" | "stderr", text }
//                 { type: "done" }                        the code finished (an exception is stderr output)
//                 { type: "failed", message }             the interpreter could not load
// The page stops a run by terminating the worker; the next run gets a new one.

const here = (file) => new URL(file, import.meta.url).href;
/** Output sent per run at most; the rest is dropped with one notice. */
const MAX_OUTPUT = 200_000;

let progress = { received: 0, total: 0 };
let sentOutput = 0;
let pyodide = null;
const installed = new Set();

const post = (message) => self.postMessage(message);

/** fetch, counting the body's bytes into the progress bar as they arrive. */
const plainFetch = self.fetch.bind(self);
async function countingFetch(input, init) {
  const response = await plainFetch(input, init);
  if (!response.ok || !response.body) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      progress.received += value.byteLength;
      post({ type: "progress", ...progress });
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
self.fetch = countingFetch;

function output(stream, text) {
  if (sentOutput >= MAX_OUTPUT) return;
  sentOutput += text.length;
  post({ type: "out", stream, text: sentOutput >= MAX_OUTPUT ? `${text}\n[output stopped at ${MAX_OUTPUT} characters]\n` : text });
}

function streamTo(stream) {
  const decoder = new TextDecoder();
  return {
    write(bytes) {
      output(stream, decoder.decode(bytes, { stream: true }));
      return bytes.length;
    },
  };
}

let filesList = null;
async function files() {
  if (!filesList) {
    const response = await plainFetch(here("run-files.json"));
    if (!response.ok) throw new Error(`run-files.json: HTTP ${response.status}`);
    filesList = await response.json();
  }
  return filesList;
}

async function interpreter(wheels) {
  const list = await files();
  const wanted = wheels.filter((w) => list.wheels[w] && !installed.has(w));
  const missing = wheels.filter((w) => !list.wheels[w]);
  if (missing.length) throw new Error(`this build has no wheel for ${missing.join(", ")}`);
  progress = { received: 0, total: 0 };
  if (!pyodide) progress.total += Object.values(list.pyodide).reduce((a, b) => a + b, 0);
  for (const w of wanted) progress.total += list.wheels[w].size;
  if (progress.total) post({ type: "progress", ...progress });
  if (!pyodide) {
    const { loadPyodide } = await import(here("pyodide/pyodide.mjs"));
    pyodide = await loadPyodide({ indexURL: here("pyodide/"), fullStdLib: false });
    pyodide.setStdout(streamTo("stdout"));
    pyodide.setStderr(streamTo("stderr"));
    pyodide.setStdin({ error: true });
    pyodide.runPython(HARNESS);
  }
  for (const w of wanted) {
    const response = await countingFetch(here(list.wheels[w].file));
    if (!response.ok) throw new Error(`${list.wheels[w].file}: HTTP ${response.status}`);
    const path = `/tmp/${list.wheels[w].file.split("/").pop()}`;
    pyodide.FS.writeFile(path, new Uint8Array(await response.arrayBuffer()));
    pyodide.globals.get("_pyprep_install")(path);
    installed.add(w);
  }
  return pyodide;
}

// Runs a sample as a script, as a fresh __main__ module (Django's
// ROOT_URLCONF = "__main__" finds it),
// prints its traceback like python would, and forgets the modules it imported
// so that the next run starts clean (Django's settings, for one).
// A wheel is unpacked into site-packages without its compiled files: the
// bundled ones (MarkupSafe) fall back to pure Python.
const HARNESS = `
import sys, site, traceback, types, zipfile
def _pyprep_run(src):
    before = set(sys.modules)
    main, sys.modules["__main__"] = sys.modules.get("__main__"), types.ModuleType("__main__")
    try:
        exec(compile(src, "<example>", "exec"), sys.modules["__main__"].__dict__)
    except SystemExit as e:
        if e.code not in (None, 0):
            print(e.code if isinstance(e.code, str) else f"exit status {e.code}", file=sys.stderr)
    except BaseException as e:
        traceback.print_exception(type(e), e, e.__traceback__.tb_next)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        for name in set(sys.modules) - before:
            del sys.modules[name]
        sys.modules["__main__"] = main
def _pyprep_install(path):
    with zipfile.ZipFile(path) as z:
        z.extractall(site.getsitepackages()[0], [n for n in z.namelist() if not n.endswith((".so", ".pyd"))])
`;

self.onmessage = async (event) => {
  const message = event.data ?? {};
  if (message.type !== "run" || typeof message.code !== "string") return;
  let py;
  try {
    py = await interpreter(Array.isArray(message.wheels) ? message.wheels : []);
  } catch (error) {
    post({ type: "failed", message: String(error?.message ?? error) });
    return;
  }
  sentOutput = 0;
  post({ type: "started" });
  try {
    py.globals.get("_pyprep_run")(message.code);
  } catch (error) {
    output("stderr", `${error?.message ?? error}\n`);
  }
  post({ type: "done" });
};
