# The two commands a newcomer needs are `make serve` and `make test`
# (see README.md). Each installs whatever is missing first.
.PHONY: serve test build size bench setup fuzz

serve: ## build the release app and serve it on http://127.0.0.1:8080
	scripts/serve.sh

test: ## every check: fmt, clippy, native tests, Python samples, browser tests
	scripts/test.sh

build: ## release build into dist/
	scripts/build.sh

size: build ## raw / gzip / brotli bytes of every file in dist/
	scripts/size.sh

bench: build ## speed figures (not a test): Chromium first card, reveal, grade, search; first card in WebKitGTK and Firefox
	scripts/setup.sh test && . .tools/env && node scripts/bench.mjs && xvfb-run -a node scripts/bench-engines.mjs

fuzz: ## the progress property checks on millions of inputs (PYPREP_FUZZ_CASES, default 2000000)
	cargo test --locked --profile fuzz --test progress_props -- --ignored --nocapture fuzz

setup: ## install the build and test tools only
	scripts/setup.sh test
