# uptc -- developer commands. `make demo` and `make test` set up what they need
# (Debian packages and the Python package) on a fresh machine, once.

PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := gcc make gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm dfu-util
JOBS ?= auto

.PHONY: setup test test-fast demo bench lint clean

# Installs the system toolchain (apt) and uptc itself (pip, editable, with dev extras).
# Quick when done already: the stamp depends on the files that define the install.
setup: .stamp-setup

.stamp-setup: pyproject.toml Makefile
	@missing=""; \
	for t in arm-none-eabi-gcc qemu-system-arm dfu-suffix gcc; do \
	  command -v $$t >/dev/null 2>&1 || missing=1; \
	done; \
	[ -f /usr/lib/arm-none-eabi/newlib/libc.a ] || missing=1; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $(APT_PACKAGES); \
	fi
	$(PYTHON) -m pip install -q -e '.[dev]'
	@touch $@

# The whole test suite: compiler, runtime (plain, sanitizers, GC stress), firmware under QEMU.
test: setup
	$(PYTHON) -m pytest -n $(JOBS) tests

demo: setup
	uptc build examples/blink.py --board pyboard -o build/demo
	uptc run examples/blink.py --board pyboard --trace-gpio

bench: setup
	$(PYTHON) benchmarks/run.py

lint: setup
	$(PYTHON) -m ruff check uptc tests benchmarks

clean:
	rm -rf build .stamp-setup .pytest_cache
