#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; run again with
# everything in place it checks versions and installs nothing.
#
#   scripts/setup.sh build   Rust for wasm32, Trunk, wasm-bindgen-cli, wasm-split-cli, wasm-opt
#   scripts/setup.sh test    the above + Chromium, playwright-core, axe-core,
#                            WebKitGTK, Firefox ESR, Xvfb, selenium-webdriver,
#                            puppeteer-core, and the Python samples' virtualenv
#
# It writes .tools/env, which the Makefile sources: PATH and WASM_TOOLCHAIN.
# Two routes to a wasm32 standard library, detected:
#   - rustup can reach its download host: `rustup target add`;
#   - it cannot (these machines): Debian's rustc-web with its library source,
#     std built once for wasm32 and installed as a sysroot, linked as the
#     rustup toolchain `debian-web` (see ../shared/TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
what=${1:-build}
# shellcheck source=versions.env
. scripts/versions.env
tools=$root/.tools
mkdir -p "$tools/bin"
export PATH="$tools/bin:$tools/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  say "need root for: $*"; exit 1; fi; }
apt_updated=
apt_install() {
  command -v apt-get >/dev/null || { say "no apt-get: install $* by hand"; exit 1; }
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Rust for wasm32 -------------------------------------------------------
wasm_std_in() { # toolchain -> has a wasm32 std?
  local sysroot
  sysroot=$(rustup run "$1" rustc --print sysroot 2>/dev/null) || return 1
  compgen -G "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib" >/dev/null
}

build_debian_sysroot() {
  say "building the wasm32 standard library from Debian's rust-web-src (once)"
  local scratch
  scratch=$(mktemp -d)
  mkdir -p "$scratch/src"
  printf '[package]\nname = "sysroot"\nversion = "0.0.0"\nedition = "2021"\n[lib]\ncrate-type = ["cdylib"]\n' >"$scratch/Cargo.toml"
  : >"$scratch/src/lib.rs"
  (cd "$scratch" && RUSTC_BOOTSTRAP=1 CARGO_PROFILE_RELEASE_LTO=true RUSTFLAGS=-Cembed-bitcode=yes \
    RUSTC=/usr/bin/rustc /usr/bin/cargo build -q --release --target wasm32-unknown-unknown \
    -Z build-std=std,panic_abort)
  as_root mkdir -p /usr/lib/rustlib/wasm32-unknown-unknown/lib
  as_root cp "$scratch"/target/wasm32-unknown-unknown/release/deps/*.rlib /usr/lib/rustlib/wasm32-unknown-unknown/lib/
  rm -rf "$scratch"
  # cargo does not notice a new sysroot: drop stale wasm artefacts.
  rm -rf "$root/target/wasm32-unknown-unknown"
}

setup_wasm_rust() {
  local default
  default=$(rustup show active-toolchain | cut -d' ' -f1)
  if [ "${PYPREP_WASM_ROUTE:-}" != debian ] && wasm_std_in "$default"; then WASM_TOOLCHAIN=$default; return; fi
  if wasm_std_in debian-web; then WASM_TOOLCHAIN=debian-web; return; fi
  # PYPREP_WASM_ROUTE=debian forces the Debian route (to test it anywhere).
  if [ "${PYPREP_WASM_ROUTE:-}" != debian ] &&
    curl -fsS -m 8 -o /dev/null https://static.rust-lang.org/dist/channel-rust-stable.toml.sha256 2>/dev/null; then
    say "adding the wasm32 target with rustup"
    if timeout 180 rustup target add wasm32-unknown-unknown; then
      WASM_TOOLCHAIN=$default
      return
    fi
  fi
  say "rustup cannot download the wasm32 target here: taking the Debian route"
  # shellcheck disable=SC2086
  [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ] && [ -x /usr/bin/rust-lld ] ||
    apt_install $DEBIAN_RUST_PACKAGES
  compgen -G "/usr/lib/rustlib/wasm32-unknown-unknown/lib/libstd-*.rlib" >/dev/null || build_debian_sysroot
  rustup toolchain link debian-web /usr
  WASM_TOOLCHAIN=debian-web
}

# --- cargo-installed tools -------------------------------------------------
# The tools are built with a cheap profile: opt-level 1, no LTO, many codegen
# units. On 2 cores that halves the compile time, and the tools' own speed
# does not matter here (a Trunk release build of the app takes as long with
# either: the time is spent in rustc and wasm-opt, not in Trunk).
cargo_tool() { # binary version crate [extra cargo install args]
  local bin=$1 version=$2 crate=$3
  shift 3
  if "$tools/bin/$bin" --version 2>/dev/null | grep -qF " $version"; then return; fi
  # A tool with no --version (wasm-split-cli): the version it was installed at.
  if [ "$(cat "$tools/bin/.$bin.version" 2>/dev/null)" = "$version" ]; then return; fi
  say "installing $crate $version (compiles from crates.io; a few minutes)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_DEBUG=0 CARGO_PROFILE_RELEASE_STRIP=true CARGO_PROFILE_RELEASE_INCREMENTAL=false \
    CARGO_TARGET_DIR="$tools/build/$crate" cargo install -q --force --root "$tools" "$crate" --version "$version" "$@"
  rm -rf "$tools/build/$crate"
  echo "$version" >"$tools/bin/.$bin.version"
}

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock
}

# --- npm tools ---------------------------------------------------------------
npm_tools() { # name@version ...
  local missing=()
  for spec in "$@"; do
    local name=${spec%@*} version=${spec##*@}
    local have
    have=$(node -p "require('$tools/node/node_modules/$name/package.json').version" 2>/dev/null || true)
    [ "$have" = "$version" ] || missing+=("$spec")
  done
  [ ${#missing[@]} -eq 0 ] && return
  command -v npm >/dev/null || { say "npm is missing: install Node.js 20+"; exit 1; }
  say "installing ${missing[*]} with npm"
  mkdir -p "$tools/node"
  [ -f "$tools/node/package.json" ] || echo '{"private": true}' >"$tools/node/package.json"
  npm install --prefix "$tools/node" --no-audit --no-fund --silent --save-exact "${missing[@]}"
}

# --- Run in the page: Pyodide and the bundled wheels ---------------------------
# Into target/run/ (this checkout's own, like the build): the npm package
# pyodide, pinned; and the pure-Python wheels the Flask and Django samples
# need, at the pins of scripts/requirements-samples.txt, downloaded as they
# are (--no-deps --only-binary=:all:). MarkupSafe has no pure wheel: its
# CPython wheel is taken and the worker unpacks it without the compiled
# speedups (it falls back to pure Python). scripts/post_build.mjs copies both
# into dist/pyodide/ and dist/wheels/.
RUN_WHEELS="Flask Werkzeug Jinja2 MarkupSafe itsdangerous click blinker Flask-Login Flask-SQLAlchemy SQLAlchemy typing_extensions Django asgiref sqlparse"
setup_run() {
  local dir=$root/target/run have pip stamp name
  have=$(node -p "require('$dir/node_modules/pyodide/package.json').version" 2>/dev/null || true)
  if [ "$have" != "$PYODIDE_VERSION" ]; then
    command -v npm >/dev/null || { say "npm is missing: install Node.js 20+"; exit 1; }
    say "installing pyodide $PYODIDE_VERSION (the interpreter behind Run) with npm"
    mkdir -p "$dir"
    [ -f "$dir/package.json" ] || echo '{"private": true}' >"$dir/package.json"
    npm install --prefix "$dir" --no-audit --no-fund --silent --save-exact "pyodide@$PYODIDE_VERSION"
  fi
  stamp="$RUN_WHEELS $(sha256sum scripts/requirements-samples.txt | cut -c1-16)"
  [ "$(cat "$dir/wheels/.stamp" 2>/dev/null)" = "$stamp" ] && return
  say "downloading the wheels Run installs in the page (Flask, Django and their dependencies)"
  command -v python3 >/dev/null || apt_install python3 python3-venv
  pip=(python3 -m pip)
  if ! python3 -m pip --version >/dev/null 2>&1; then
    [ -x "$dir/venv/bin/python" ] || python3 -m venv "$dir/venv" || { apt_install python3-venv && python3 -m venv "$dir/venv"; }
    pip=("$dir/venv/bin/python" -m pip)
  fi
  rm -rf "$dir/wheels"
  mkdir -p "$dir/wheels"
  # The pins whose markers hold for the page's Python (Pyodide's CPython 3.14), markers
  # dropped: pip evaluates them for the Python it runs on, not for --python-version.
  for name in $RUN_WHEELS; do grep -iE "^$name==" scripts/requirements-samples.txt; done |
    "${pip[0]}" -c '
import sys
from pip._vendor.packaging.requirements import Requirement
page = {"python_version": "3.14", "python_full_version": "3.14.0", "sys_platform": "emscripten",
        "platform_system": "Emscripten", "implementation_name": "cpython"}
for line in sys.stdin:
    req = Requirement(line.split("#")[0].strip())
    if req.marker is None or req.marker.evaluate(page):
        print(f"{req.name}{req.specifier}")
' >"$dir/wheels.txt"
  local target=(--disable-pip-version-check --no-deps --only-binary=:all: --python-version 3.14 -d "$dir/wheels")
  grep -iv '^markupsafe==' "$dir/wheels.txt" >"$dir/wheels-pure.txt"
  "${pip[@]}" download -q "${target[@]}" --platform any --implementation py -r "$dir/wheels-pure.txt"
  "${pip[@]}" download -q "${target[@]}" --platform manylinux2014_x86_64 --implementation cp --abi cp314 \
    "$(grep -i '^markupsafe==' "$dir/wheels.txt")"
  echo "$stamp" >"$dir/wheels/.stamp"
}

# --- browser and Python --------------------------------------------------------
setup_chromium() {
  CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
  # shellcheck disable=SC2086
  [ -x "$CHROMIUM" ] || apt_install $DEBIAN_BROWSER_PACKAGES
}

# WebKitGTK (WebKitWebDriver + MiniBrowser, under Xvfb) and Firefox ESR for the
# engine smoke suite (e2e/engines/), and the npm clients that drive them.
setup_engines() {
  local missing=() pkg
  for pkg in $DEBIAN_ENGINE_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q ' installed$' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (WebKitGTK and Firefox ESR for e2e/engines/)"
    apt_install "${missing[@]}"
  fi
  npm_tools "selenium-webdriver@$SELENIUM_WEBDRIVER_VERSION" "puppeteer-core@$PUPPETEER_CORE_VERSION"
}

# One virtualenv per CPython >= 3.11 found (.venv-samples-X.Y); the sample
# runner lists them, each with the stamp it expects: interpreter version and
# path, requirements hash. A stale one is rebuilt from scratch; a current one
# is left alone. Every package is pinned: --no-deps, then `pip check`.
setup_python() {
  command -v python3 >/dev/null || apt_install python3 python3-venv
  local list minor python venv stamp start broken
  list=$(python3 scripts/run_samples.py --list-venvs)
  while IFS=$'\t' read -r -u 3 minor python venv stamp; do
    [ -n "$minor" ] || continue
    if [ "$(cat "$venv/.stamp" 2>/dev/null)" = "$stamp" ]; then continue; fi
    say "creating the Python samples' virtualenv for Python $minor ($python)"
    start=$SECONDS
    rm -f "$venv/.stamp"
    "$python" -m venv --clear "$venv" || { apt_install python3-venv && "$python" -m venv --clear "$venv"; }
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --only-binary=:all: \
      -r scripts/requirements-samples.txt
    broken=$("$venv/bin/python" -m pip check --disable-pip-version-check) \
      || { echo "$broken" >&2; say "pin what is missing in scripts/requirements-samples.txt"; exit 1; }
    echo "$stamp" >"$venv/.stamp"
    say "virtualenv for Python $minor ready in $((SECONDS - start)) s"
  done 3<<<"$list"
  # Before one virtualenv per interpreter there was a single .venv-samples.
  if [ -d "$root/.venv-samples" ]; then say "removing the old .venv-samples"; rm -rf "$root/.venv-samples"; fi
}

# The two compiles run in the background while the rest (apt, npm, the
# virtualenv, the wasm32 std) is fetched in the foreground. Trunk is built
# without its default features: no TLS stack (rustls + ring) and no update
# check, since it never downloads anything here (every tool is on PATH).
pids=()
cargo_tool trunk "$TRUNK_VERSION" trunk --locked --no-default-features &
pids+=($!)
# wasm-bindgen-cli's own lock pins a yanked crate: install it without --locked.
cargo_tool wasm-bindgen "$(wasm_bindgen_version)" wasm-bindgen-cli &
pids+=($!)
# Splits the parts that load on first use out of the main wasm (scripts/split_wasm.mjs).
cargo_tool wasm-split-cli "$WASM_SPLIT_VERSION" wasm_split_cli_support --features build-binary &
pids+=($!)
setup_wasm_rust
npm_tools "binaryen@$BINARYEN_VERSION"
setup_run
if [ "$what" = test ]; then
  setup_chromium
  npm_tools "playwright-core@$PLAYWRIGHT_CORE_VERSION" "axe-core@$AXE_CORE_VERSION"
  setup_engines
  setup_python
fi
for pid in "${pids[@]}"; do wait "$pid" || { say "a tool failed to install (see above)"; exit 1; }; done

cat >"$tools/env" <<EOF
export PATH="$tools/bin:$tools/node/node_modules/.bin:\$HOME/.cargo/bin:\$PATH"
export WASM_TOOLCHAIN=$WASM_TOOLCHAIN
export NODE_PATH="$tools/node/node_modules"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMIUM_FLAGS="$CHROMIUM_FLAGS"
EOF
say "ready (wasm toolchain: $WASM_TOOLCHAIN)"
