# Two commands: `make demo` and `make test`. Both set up a fresh Debian machine first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SOP := $(VENV)/bin/sop
APT_PACKAGES := python3-venv tesseract-ocr tesseract-ocr-ind chromium fonts-dejavu-core fonts-liberation fonts-dejavu-extra
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export OMP_THREAD_LIMIT := 1

.PHONY: setup system venv demo test lint bench clean

setup: system venv

# System packages, installed only when missing.
system:
	@missing=""; for pkg in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

demo: setup
	rm -rf out/demo
	@# ingest exits 1 when some corpus file failed: the report still runs; other codes stop here.
	$(SOP) ingest corpus/seeds corpus/samples -o out/demo --workers 2; rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@report=$$($(SOP) report out/demo -o out/demo/report) && echo "Archive report: $$report"

test: setup
	$(PY) -m pytest -q

lint: venv
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

bench: setup
	$(PY) -m bench.text_speed

clean:
	rm -rf $(VENV) out
