# cartsim — the two commands a newcomer needs: `make run` and `make test`.
# Both install the Debian packages the build needs when they are missing.

DEB_PACKAGES := libgsl-dev libyaml-dev libxlsxwriter-dev pkg-config python3 python3-openpyxl zsh chromium poppler-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift
SCENARIO ?= Scenarios/axicel-central-fresh.yaml
BIN := .build/release/cartsim
FUZZ_SECONDS ?= 60

.PHONY: deps build static run install test unit fuzz fuzz-smoke readme golden bench clean

## deps: install the Debian packages when missing: GSL, libyaml, libxlsxwriter (the build),
## openpyxl (reads results.xlsx back), zsh (completion), Chromium and poppler (the browser tests).
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing; \
	fi

## build: release build of the cartsim binary.
build: deps
	$(SWIFT) build -c release --product cartsim

## static: the release binary with the Swift runtime linked in (it needs only libgsl,
## libyaml, libxlsxwriter and libstdc++ at run time): what make install installs and make
## test tests.
STATIC_BIN := .build-static/release/cartsim
static: deps
	$(SWIFT) build -c release --product cartsim --static-swift-stdlib --build-path .build-static

## install: the self-contained binary copied to $(PREFIX)/bin (default /usr/local).
PREFIX ?= /usr/local
install: static
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(STATIC_BIN) $(DESTDIR)$(PREFIX)/bin/cartsim
	@echo "installed $(DESTDIR)$(PREFIX)/bin/cartsim"

## run: build and run the default scenario; results land in Results/<scenario>/.
run: build
	$(BIN) run $(SCENARIO)

## test: unit, statistical and end-to-end tests (end-to-end tests use the self-contained
## release binary that make install installs), the installed binary run with the Swift
## runtime hidden (scripts/test-install.sh), and sharded runs on a single-node Slurm cluster
## started on localhost (both need root; CARTSIM_SKIP_INSTALL_HIDING=1 and CARTSIM_SKIP_SLURM=1
## skip them loudly). The tests are XCTest; Swift Testing is switched off so the run closes
## on XCTest's count.
test: static
	scripts/test-install.sh
	scripts/slurm/test-slurm-localhost.sh $(CURDIR)/$(STATIC_BIN)
	CARTSIM_BIN=$(CURDIR)/$(STATIC_BIN) $(SWIFT) test --disable-swift-testing
	$(MAKE) fuzz-smoke BIN=$(STATIC_BIN)

## unit: the tests without the Slurm cluster, for a quick loop.
unit: deps
	$(SWIFT) build -c release --product cartsim
	CARTSIM_BIN=$(CURDIR)/$(BIN) $(SWIFT) test --disable-swift-testing

## fuzz: mutate the example scenarios for FUZZ_SECONDS (default 60) with a seed from the clock;
## validate each, run those that validate, and report crashes, hangs and validate/run
## disagreements (scripts/fuzz.py; findings are copied to .build/fuzz-findings/).
fuzz: build
	scripts/fuzz.py --bin $(BIN) --seconds $(FUZZ_SECONDS)

## fuzz-smoke: a short seeded fuzzing pass (part of make test) that must find nothing.
fuzz-smoke:
	scripts/fuzz.py --bin $(BIN) --seed 15 --inputs 40 --seconds 120

## readme: rewrite the README's worked examples (compare, plan) from fresh runs.
readme: deps
	$(SWIFT) build -c release --product cartsim
	CARTSIM_BIN=$(CURDIR)/$(BIN) CARTSIM_UPDATE_README=1 $(SWIFT) test --disable-swift-testing --filter ReadmeExampleTests

## golden: rewrite the pinned outputs of the example scenarios (Tests/Golden) from fresh runs.
golden: deps
	$(SWIFT) build -c release --product cartsim
	CARTSIM_BIN=$(CURDIR)/$(BIN) CARTSIM_UPDATE_GOLDEN=1 $(SWIFT) test --disable-swift-testing --filter GoldenOutputTests

## bench: release-mode benchmarks; one line per figure (the last ones time this build against
## 0.2.0, built from git into .build-v0.2.0/ on first use, on Benchmarks/scenarios/network-24-7.yaml).
bench: deps
	$(SWIFT) build -c release --product cartsim-bench
	$(SWIFT) build -c release --product cartsim
	.build/release/cartsim-bench
	scripts/bench-vs-0.2.0.sh 3

clean:
	rm -rf .build
