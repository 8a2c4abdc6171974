# Two commands: `make run` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test setup dev lint bench demo clean i18n

$(VENV)/.runtime: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Followthrough needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

setup: $(VENV)/.runtime

dev: $(VENV)/.dev

run: setup
	$(PY) -m followthrough seed-demo
	$(VENV)/bin/streamlit run app.py --server.port $(PORT)

test: dev
	$(PY) -m pytest

lint: dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# After adding or changing a message in the code: extract them all, then merge them into each
# catalogue (new ones empty, changed ones fuzzy, removed ones dropped) for a translator.
LOCALES := followthrough/locales
i18n: setup
	$(VENV)/bin/pybabel extract -F babel.cfg --no-location --sort-output --width=120 --project=Followthrough \
		--copyright-holder="Followthrough" --msgid-bugs-address="" -o $(LOCALES)/messages.pot .
	for lang in $$(ls $(LOCALES) | grep -v messages.pot); do \
		$(VENV)/bin/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) -l $$lang --ignore-obsolete --width=120; \
	done

bench: dev
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
