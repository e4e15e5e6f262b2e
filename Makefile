# rolegen — the two commands that set everything up on a fresh machine:
#   make site   installs what is missing, builds rolegen, renders content/ into public/
#   make test   everything CI checks
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test bench deps build clean

## deps: the system library rolegen links (cmark-gfm from Debian), installed when missing.
deps:
	@dpkg -s libcmark-gfm-dev >/dev/null 2>&1 || { \
	  echo "installing libcmark-gfm-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-gfm-dev; }

build: deps
	$(SWIFT) build -c release --product rolegen

site: build
	.build/release/rolegen build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	cd Benchmarks && $(SWIFT) run -c release rolegen-bench

clean:
	rm -rf .build public
