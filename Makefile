# Xieshang — two commands: `make demo` and `make test`. Everything else is installed on demand.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
.DEFAULT_GOAL := help

APT_PACKAGES := libnghttp2-dev libsqlite3-dev libssl-dev pkg-config nghttp2-client python3-venv sqlite3 openssl \
  binutils chromium chromium-driver fonts-noto-cjk poppler-utils
VENV := .venv
PYTHON := $(VENV)/bin/python
PY_TOOLS := grpcio==1.85.1 grpcio-tools==1.85.1 protobuf selenium==4.51.0
SWIFT_BUILD_FLAGS ?=

.PHONY: help deps venv build test demo fuzz fuzz-one bench clean generate dist

help:
	@echo "make demo   — run the Xieshang demo"
	@echo "make test   — run every test (Swift, Python interop, fuzzing)"
	@echo "make dist   — build the binaries to install on servers (dist/xieshang-node, dist/xieshang; no Swift needed there)"

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

# Python test tools in a git-ignored venv; the stamp records exactly what was installed, and a venv whose stamp
# differs from PY_TOOLS (a tool added, e.g. selenium for the web tests) is brought up to date.
venv: deps
	@test -x $(PYTHON) || python3 -m venv $(VENV)
	@if [ "$$(cat $(VENV)/.stamp 2>/dev/null)" != "$(PY_TOOLS)" ]; then \
	  echo "Installing Python test tools into $(VENV): $(PY_TOOLS)"; \
	  $(PYTHON) -m pip install -q --disable-pip-version-check $(PY_TOOLS) && echo "$(PY_TOOLS)" > $(VENV)/.stamp; \
	fi

build: deps
	swift build $(SWIFT_BUILD_FLAGS)


PEER_PORT_TESTS := PeerPortInProcessTests|PeerPortProcessTests
# Suites that run a county (and its city) inside the test process (CountyWithFakeTownship): their nodes share the test
# process's two pool threads, so beside the browser tests and hundreds of others they could starve past their waits.
IN_PROCESS_NODE_TESTS := LinkStatusTests|HostileChildProcessTests|SubmitCoalescingTests|SignaturePreverificationTests|WebDashboardCacheTests|WebDashboardPartsTests|WebRecordPageTests|QuietTrimTests|WebSectorFormTests

test: deps venv
	@# A clone of the repository alone must pass: no test, source or script reads a path outside it (issue 20).
	Ops/check-self-contained.sh
	@# Every test file that runs nodes inside the test process (CountyWithFakeTownship) must be in that group.
	@for f in $$(grep -l 'CountyWithFakeTownship' Tests/XieshangNodeTests/*.swift); do s=$$(basename $$f .swift); \
	  [ $$s = CountyWithFakeTownship ] || echo '$(IN_PROCESS_NODE_TESTS)' | tr '|' '\n' | grep -qx $$s \
	  || { echo "$$f runs nodes inside the test process: add $$s to IN_PROCESS_NODE_TESTS in the Makefile"; exit 1; }; done
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	@mkdir -p .build
	@# The transport tests bound the RSS of the process that hosts their server, so they run in a process of their
	@# own; everything else runs in the last one.
	XIESHANG_PYTHON=$(abspath $(PYTHON)) swift test --skip-build $(SWIFT_BUILD_FLAGS) --filter XieshangTransportTests \
	  2>&1 | tee .build/swift-test-transport.log
	@# The peer-port hostile tests flood a node (10,000 Hellos, 1,000 silent sockets, an in-process county) from the
	@# test process: in a process of their own, so the flood cannot starve the other tests' waits on 2 cores.
	XIESHANG_PYTHON=$(abspath $(PYTHON)) swift test --skip-build $(SWIFT_BUILD_FLAGS) --filter '$(PEER_PORT_TESTS)' \
	  2>&1 | tee .build/swift-test-peerport.log
	@# The suites with nodes inside the test process, in a process of their own (CI, stop 22 and its reruns under load:
	@# their county did not reach its in-process city within a minute while Chromium tests ran beside them).
	XIESHANG_PYTHON=$(abspath $(PYTHON)) swift test --skip-build $(SWIFT_BUILD_FLAGS) --filter '$(IN_PROCESS_NODE_TESTS)' \
	  2>&1 | tee .build/swift-test-inprocess.log
	XIESHANG_PYTHON=$(abspath $(PYTHON)) swift test --skip-build $(SWIFT_BUILD_FLAGS) --skip XieshangTransportTests \
	  --skip '$(PEER_PORT_TESTS)' --skip '$(IN_PROCESS_NODE_TESTS)' 2>&1 | tee .build/swift-test.log
	@# Release build of everything, then the federation simulator's bulk run (issue 5): 2,000 seeds over three
	@# topologies with every fault kind and adversaries (too slow in debug), the bodies originating domain records
	@# counted by the node's figures source (--records domain, issue 15); exits non-zero on any violation.
	swift build -c release $(SWIFT_BUILD_FLAGS)
	@# Swift 6.3's LLVM miscompiles a throwing function that ends in a tail call to mem* (release builds only).
	Ops/check-swifterror-tailcalls.sh
	.build/release/xieshang-sim --seeds 2000 --nodes 1+2+4,1+3+9,alliance4 --adversary --records domain --quiet
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_TEST_SECONDS)
	@# One closing line for CI: the Swift tests (XCTest and Swift Testing), the miscompile check, the simulator run
	@# and the fuzz run; all passed to get here (any failure stops make first).
	@count() { grep -oE 'Test run with [0-9]+ tests? ' "$$1" | grep -oE '[0-9]+' | tail -1; }; \
	 a=$$(count .build/swift-test-transport.log); b=$$(count .build/swift-test.log); c=$$(count .build/swift-test-peerport.log); \
	 d=$$(count .build/swift-test-inprocess.log); \
	 echo "summary: $$(( $${a:-0} + $${b:-0} + $${c:-0} + $${d:-0} + 3 )) passed, 0 failed"

# libFuzzer targets, each a product of its own with its corpus of past crash inputs in the repository. `make fuzz` runs
# each for FUZZ_SECONDS (long); `make test` runs each for FUZZ_TEST_SECONDS. A crash input is written to
# .build-fuzz/crashes/<product>/; copy it into the target's corpus folder with the fix so it stays a test.
# To add a target: append its product to FUZZ_TARGETS and name its corpus folder in FUZZ_CORPUS_<product>.
FUZZ_TARGETS := xieshang-fuzz xieshang-fuzz-store xieshang-fuzz-h2 xieshang-fuzz-federation
FUZZ_CORPUS_xieshang-fuzz := Tests/XieshangWireTests/FuzzCrashes
FUZZ_CORPUS_xieshang-fuzz-store := Tests/XieshangStoreTests/FuzzCorpus
FUZZ_CORPUS_xieshang-fuzz-h2 := Tests/XieshangTransportTests/FuzzCorpus
FUZZ_CORPUS_xieshang-fuzz-federation := Tests/XieshangFederationTests/FuzzCorpus
FUZZ_SECONDS ?= 300
FUZZ_TEST_SECONDS ?= 30

fuzz: deps
	@for t in $(FUZZ_TARGETS); do $(MAKE) --no-print-directory fuzz-one FUZZ_PRODUCT=$$t || exit 1; done

fuzz-one:
	swift build -c release -Xswiftc -sanitize=fuzzer --product $(FUZZ_PRODUCT) --scratch-path .build-fuzz
	@rm -rf .build-fuzz/corpus/$(FUZZ_PRODUCT); mkdir -p .build-fuzz/corpus/$(FUZZ_PRODUCT) .build-fuzz/crashes/$(FUZZ_PRODUCT)
	@cp $(FUZZ_CORPUS_$(FUZZ_PRODUCT))/* .build-fuzz/corpus/$(FUZZ_PRODUCT)/ && rm -f .build-fuzz/corpus/$(FUZZ_PRODUCT)/README.md
	@echo "Fuzzing $(FUZZ_PRODUCT) for $(FUZZ_SECONDS) s…"
	@SWIFT_BACKTRACE=enable=no .build-fuzz/release/$(FUZZ_PRODUCT) -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 \
	  -artifact_prefix=.build-fuzz/crashes/$(FUZZ_PRODUCT)/ .build-fuzz/corpus/$(FUZZ_PRODUCT) > .build-fuzz/$(FUZZ_PRODUCT).log 2>&1 \
	  || { tail -40 .build-fuzz/$(FUZZ_PRODUCT).log; echo "FUZZ: $(FUZZ_PRODUCT) crashed, input in .build-fuzz/crashes/$(FUZZ_PRODUCT)/"; exit 1; }
	@grep -E "^Done [0-9]+ runs" .build-fuzz/$(FUZZ_PRODUCT).log | sed 's/^/fuzz $(FUZZ_PRODUCT): /'

demo: deps
	swift build -c release --product xieshang
	.build/release/xieshang demo

# Every function in a section of its own (-function-sections), so the linker can drop unused ones and order the rest;
# -disable-incremental-llvm-codegen because the compiler otherwise keeps an object whose IR did not change, so a build
# directory made without the flag would keep its old objects. Both products take the same flags (shared objects).
DIST_SWIFT_FLAGS := -Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -Xfrontend -Xswiftc -disable-incremental-llvm-codegen
NODE_ORDER := Ops/xieshang-node.order

# The binary to install on a node's server: release, with the Swift runtime and Foundation linked in statically, so the
# server needs only Debian's libnghttp2, libsqlite3 and libssl (no Swift toolchain), and a node process maps ~10 MB
# less shared-library memory. A scratch path of its own keeps it apart from the test builds.
dist: deps
	swift build -c release --static-swift-stdlib --product xieshang --scratch-path .build-dist $(DIST_SWIFT_FLAGS)
	@# The node process alone, FoundationEssentials only, linked at a fixed address (-no-pie): no start-up relocation
	@# of the Swift metadata, which otherwise dirties and maps megabytes per process (issue 6: idle RSS). It exports
	@# no symbols (--no-export-dynamic): the loader's lookups then skip 12,000 exported names (~1 MB mapped per node).
	@# The functions an idle node runs are linked together, in the order of $(NODE_ORDER) (gold's section ordering;
	@# Ops/bench/link-order.sh regenerates it): the kernel maps text 64 KB around each page touched, and spread over
	@# the executable they mapped ~10 MB per node (issue 17: idle RSS). Relinked each time: SwiftPM does not know the file.
	rm -f .build-dist/release/xieshang-node
	swift build -c release --static-swift-stdlib --product xieshang-node --scratch-path .build-dist $(DIST_SWIFT_FLAGS) \
	  -Xlinker -no-pie -Xlinker --no-export-dynamic -Xlinker --section-ordering-file=$(CURDIR)/$(NODE_ORDER)
	@mkdir -p dist
	cp .build-dist/release/xieshang dist/xieshang
	cp .build-dist/release/xieshang-node dist/xieshang-node
	@for b in xieshang xieshang-node; do \
	  echo "dist/$$b: $$(du -h dist/$$b | cut -f1); it links: $$(ldd dist/$$b | awk '/=>/{print $$1}' | tr '\n' ' ')"; done
	@! nm dist/xieshang-node | grep -q 's10Foundation' || { echo "dist/xieshang-node links full Foundation"; exit 1; }
	@test "$$(readelf --dyn-syms dist/xieshang-node | awk '$$5 == "GLOBAL" && $$7 != "UND"' | wc -l)" -lt 100 || \
	  { echo "dist/xieshang-node exports its symbols (--no-export-dynamic lost)"; exit 1; }
	@found=$$(nm --defined-only dist/xieshang-node | awk 'NR == FNR { want[substr($$0, 7)] = 1; next } ($$3 in want) && !seen[$$3]++' \
	  $(NODE_ORDER) - | wc -l); listed=$$(wc -l < $(NODE_ORDER)); \
	echo "dist/xieshang-node: $$found of the $$listed functions of $(NODE_ORDER) are in it$$( (( found * 10 < listed * 9 )) && \
	  echo ' — under 90 %: regenerate it with Ops/bench/link-order.sh (an idle node maps more code until then)')"

clean:
	rm -rf .build .build-* $(VENV)

# Regenerate Sources/XieshangWire/Generated from Protos/, and the test schema (XieshangTestKinds) and the conformance
# schema from theirs (the drift test fails until this is run and committed).
generate:
	swift build --product xieshang-protogen
	.build/debug/xieshang-protogen --proto-root Protos --out Sources/XieshangWire/Generated
	.build/debug/xieshang-protogen --proto-root Sources/XieshangTestKinds/Protos --out Sources/XieshangTestKinds/Generated \
	  --import XieshangWire --registry TestKindsRegistry
	.build/debug/xieshang-protogen --proto-root Tests/XieshangWireTests/Protos --out Tests/XieshangWireTests/Generated \
	  --import XieshangWire --registry ConformanceRegistry
