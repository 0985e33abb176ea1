# assessor: common tasks. `make demo` and `make test` set everything up on a fresh machine.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint format bench system-deps clean

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]' -c constraints.txt
	touch $(STAMP)

## setup: Debian packages (when run as root) and a virtualenv with assessor and its dev tools
setup: system-deps $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

## demo: score the bundled samples and write reports to out/
demo: setup
	@bash scripts/demo.sh

## test: lint, type-check and run the whole test suite
test: setup lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check assessor tests bench
	$(BIN)/ruff format --check assessor tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format assessor tests bench
	$(BIN)/ruff check --fix assessor tests bench

bench: setup
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) out build *.egg-info
