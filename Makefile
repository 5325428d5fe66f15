# uptc -- developer commands. `make demo` and `make test` set up what they need
# (Debian packages, then a virtual environment in .venv holding uptc) on a fresh
# machine, once. Every target runs the venv's python and uptc.

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
UPTC := $(VENV)/bin/uptc
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := gcc make gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm dfu-util \
	python3-venv python3-pip
JOBS ?= auto

.PHONY: setup test test-fast demo bench lint clean

# Installs the system toolchain (apt) and uptc itself (pip, editable, with dev
# extras, into .venv). Quick when done already: the stamp depends on the files
# that define the install.
setup: .stamp-setup

.stamp-setup: pyproject.toml Makefile
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "uptc needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) -V 2>&1)." >&2; exit 1; }
	@missing=""; \
	for t in arm-none-eabi-gcc qemu-system-arm dfu-suffix gcc; do \
	  command -v $$t >/dev/null 2>&1 || missing=1; \
	done; \
	[ -f /usr/lib/arm-none-eabi/newlib/libc.a ] || missing=1; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing=1; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(APT_PACKAGES); \
	fi
	@[ -x $(VPY) ] || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $@

# The whole test suite: compiler, runtime (plain, sanitizers, GC stress), firmware under QEMU.
test: setup
	$(VPY) -m pytest -n $(JOBS) tests

# The host corpus and the unit tests: no sanitizers, GC stress, QEMU or
# no-reduction builds (the tests marked slow or qemu).
test-fast: setup
	$(VPY) -m pytest -n $(JOBS) -m "not slow and not qemu" tests

demo: setup
	$(UPTC) build examples/blink.py --board pyboard -o build/demo
	$(UPTC) run examples/blink.py --board pyboard --trace-gpio

bench: setup
	$(VPY) benchmarks/run.py

lint: setup
	$(VPY) -m ruff check uptc tests benchmarks

clean:
	rm -rf build .stamp-setup .pytest_cache
