# assessor: common tasks. `make demo` and `make test` set everything up on a fresh machine.
PY ?= python3
# Python caches compiled modules (__pycache__) unless PYTHONDONTWRITEBYTECODE is set, as some
# shells and sandboxes do. Then every process compiles every module of assessor again, and
# pytest rewrites every test file again in each worker: the suite starts ~300 `assessor`
# processes (~0.1 s of compiling each) and its two workers spent ~5 s each rewriting. Here, as
# on a user's machine, the cache is on (it lives in the gitignored __pycache__ folders).
unexport PYTHONDONTWRITEBYTECODE
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements-lock.txt
# Every locked distribution as a wheel: the venv installs from here, and so do the packaging
# tests' clean virtualenvs (tests/test_packaging.py), without going back to the index.
WHEELS := $(VENV)/wheelhouse

.PHONY: setup demo test lint format bench lock system-deps clean

$(STAMP): pyproject.toml $(LOCK)
	$(PY) -m venv $(VENV)
	$(BIN)/pip wheel -q -w $(WHEELS) -r $(LOCK)
	$(BIN)/pip install -q --no-index --find-links $(WHEELS) -r $(LOCK)
	$(BIN)/pip install -q --no-index --no-deps --no-build-isolation -e .
	touch $(STAMP)

## setup: Debian packages (when run as root) and a virtualenv with assessor and its dev tools
setup: system-deps $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

## demo: score the bundled samples and write reports to out/
demo: setup
	@bash scripts/demo.sh

## test: lint, type-check and run the whole test suite (pytest's last line gives its time)
# On both cores: pytest-xdist, one test file per worker at a time (--dist loadfile), so a file's
# shared fixtures (a rendered PDF, a PostgreSQL server) are built once. TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2
test: setup lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check assessor tests bench scripts
	$(BIN)/ruff format --check assessor tests bench scripts
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format assessor tests bench scripts
	$(BIN)/ruff check --fix assessor tests bench scripts

bench: setup
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

## lock: re-resolve requirements-lock.txt from pyproject.toml (keeps current pins where it can)
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra postgres --universal \
	  --python-version 3.11 --custom-compile-command "make lock" -o $(LOCK)

clean:
	rm -rf $(VENV) out build *.egg-info
