# rolegen — the two commands that set everything up on a fresh machine:
#   make site   installs what is missing, builds rolegen, renders content/ into public/
#   make test   everything CI checks
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test bench deps build check golden clean

## deps: the system libraries rolegen links, installed when missing: Debian ships cmark-gfm as
## two libraries, each with its own -dev package (the core and the GFM extensions).
SYSTEM_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev
deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing" $$missing; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product rolegen

## site: the example site in content/ → public/
site: build
	.build/release/rolegen build

## test: unit and end-to-end tests, then the example site built and every page run through
## the W3C Nu HTML Checker; the benchmarks are compiled (not run) so that they keep building.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) build --package-path Benchmarks
	rm -rf .build/example-site
	.build/debug/rolegen build --output .build/example-site
	scripts/validate-html .build/example-site

## golden: regenerate Tests/SiteTests/Golden from the example site (review the diff!).
golden: deps
	ROLEGEN_UPDATE_GOLDEN=1 $(SWIFT) test --filter GoldenTests

## bench: template engine vs swift-mustache, content loading, full-site build (release builds),
## then `rolegen serve` under load on 127.0.0.1 (scripts/bench-serve; needs only python3).
bench: build
	cd Benchmarks && $(SWIFT) build -c release && .build/release/rolegen-bench
	scripts/bench-serve .build/release/rolegen

clean:
	rm -rf .build public Benchmarks/.build
