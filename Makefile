# Xieshang — two commands: `make demo` and `make test`. Everything else is installed on demand.
SHELL := /bin/bash
.DEFAULT_GOAL := help

APT_PACKAGES := libnghttp2-dev libsqlite3-dev libssl-dev pkg-config nghttp2-client python3-venv sqlite3 openssl
VENV := .venv
PYTHON := $(VENV)/bin/python
PY_TOOLS := grpcio==1.85.1 grpcio-tools==1.85.1 protobuf
SWIFT_BUILD_FLAGS ?=

.PHONY: help deps venv build test demo fuzz bench clean generate

help:
	@echo "make demo   — run the Xieshang demo"
	@echo "make test   — run every test (Swift, Python interop, fuzzing)"

# Debian packages: installed only when one is missing, so a prepared machine stays quiet.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# Python test tools in a git-ignored venv; the stamp records exactly what was installed.
$(VENV)/.stamp: | deps
	@test -x $(PYTHON) || python3 -m venv $(VENV)
	@echo "Installing Python test tools into $(VENV): $(PY_TOOLS)"
	@$(PYTHON) -m pip install -q --disable-pip-version-check $(PY_TOOLS)
	@echo "$(PY_TOOLS)" > $@

venv: $(VENV)/.stamp

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

test: deps venv
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	XIESHANG_PYTHON=$(abspath $(PYTHON)) swift test --skip-build $(SWIFT_BUILD_FLAGS)

demo: deps
	swift build -c release --product xieshang
	.build/release/xieshang demo

clean:
	rm -rf .build .build-* $(VENV)

# Regenerate Sources/XieshangWire/Generated from Protos/ (the drift test fails until this is run and committed).
generate:
	swift build --product xieshang-protogen
	.build/debug/xieshang-protogen --proto-root Protos --out Sources/XieshangWire/Generated
