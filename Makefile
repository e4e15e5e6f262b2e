# rolegen — the two commands that set everything up on a fresh machine:
#   make site   installs what is missing, builds rolegen, renders content/ into public/
#   make test   everything CI checks
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test lint bench fuzz deps browser-deps build check golden scaffold clean

## install-missing: apt-get installs those of the packages given that are not installed yet.
install-missing = missing=$$(for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing" $$missing; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## deps: the system libraries rolegen links, installed when missing: Debian ships cmark-gfm as
## two libraries, each with its own -dev package (the core and the GFM extensions), and
## mimalloc, the allocator rolegen's executables use in place of glibc's malloc; and the C++
## library's link-time files, which linking Swift's runtime into the release build needs
## (RELEASE_FLAGS; Swift's own list of what it needs on Debian 12 has it too).
SYSTEM_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev libstdc++-12-dev

## RELEASE_FLAGS: release builds (`make site`, `make bench`) link Swift's runtime and
## Foundation into the executable instead of loading them as shared libraries: every call into
## the runtime (a build makes millions, most of them reference counting) is then a direct call,
## not one through the dynamic linker's table, and a clean build takes about 4 % less CPU
## (docs/benchmarks.md). The executable also runs without the toolchain's libraries.
##
## -disable-incremental-llvm-codegen: when a module's flags change but its Swift code does not
## (the profile turned on or off), the compiler would otherwise find the same code to generate
## and keep the old object file, built the other way.
RELEASE_FLAGS := --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -disable-incremental-llvm-codegen
deps:
	@$(call install-missing,$(SYSTEM_PACKAGES))

## browser-deps: Debian's Chromium and its WebDriver, in which `make test` opens every page.
BROWSER_PACKAGES := chromium chromium-driver
browser-deps:
	@$(call install-missing,$(BROWSER_PACKAGES))

## PGO: release builds are optimised with a profile of rolegen building the example site
## (profile-guided optimisation; scripts/profile): the compiler lays out and inlines code by how
## often it ran, and a clean build runs about 5 % fewer instructions (docs/benchmarks.md). The
## profile is made again when a source has changed, which costs one instrumented build of
## rolegen-bench. `make site PGO=0` builds without it; output bytes are the same either way.
PGO ?= 1
PROFILE := .build/pgo/rolegen.profdata
PROFILE_SOURCES := Package.swift Benchmarks/Package.swift scripts/profile $(shell find Sources Benchmarks/Sources -type f 2>/dev/null)
## profile-flags: the flags that use the profile, when PGO=1 and scripts/profile could make one
## (it says why not when it could not). Expanded when a recipe runs, after $(PROFILE) is made.
profile-flags = $(if $(filter 1,$(PGO)),$(shell [ -s $(PROFILE) ] && echo -Xswiftc -Xfrontend -Xswiftc -ir-profile-use=$(abspath $(PROFILE)) -Xswiftc -DPROFILE_GUIDED))

$(PROFILE): $(PROFILE_SOURCES)
	SWIFT=$(SWIFT) scripts/profile $@

build: deps $(if $(filter 1,$(PGO)),$(PROFILE))
	$(SWIFT) build -c release $(RELEASE_FLAGS) $(profile-flags) --product rolegen

## site: the example site in content/ → public/
site: build
	.build/release/rolegen build

## test: the style checks (make lint), unit and end-to-end tests, then the example site built
## and every page run through the W3C Nu HTML Checker and opened in headless Chromium (scripts/check-pages: axe-core,
## overflow, text size, contrast, dark scheme, print), together with a generated site of long
## titles and many skills; the benchmarks are compiled (not run) so that they keep building, and
## scripts/profile, which makes the release builds' profile, is checked in debug (scripts/test-profile).
test: lint deps browser-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) build --package-path Benchmarks
	SWIFT=$(SWIFT) scripts/test-profile
	rm -rf .build/example-site .build/large-site
	.build/debug/rolegen build --output .build/example-site
	scripts/large-fixture-site .build/large-site-src
	.build/debug/rolegen build --root .build/large-site-src --output .build/large-site
	scripts/validate-html .build/example-site
	scripts/validate-html .build/large-site
	scripts/check-pages .build/example-site .build/large-site
	rm -rf .build/init-site
	.build/debug/rolegen init .build/init-site --title "Init check"
	.build/debug/rolegen build --root .build/init-site --quiet
	.build/debug/rolegen schemas --root .build/init-site
	scripts/check-schemas .build/init-site

## lint: swift-format's rules (.swift-format) over every Swift source and .editorconfig's
## whitespace rules over every tracked file; see scripts/lint.
lint:
	scripts/lint

## scaffold: re-embed templates/, locales/ and docs/schemas/ for `rolegen init` and `rolegen schemas`.
scaffold:
	scripts/embed-scaffold

## golden: regenerate Tests/SiteTests/Golden from the example site (review the diff!).
golden: deps
	ROLEGEN_UPDATE_GOLDEN=1 $(SWIFT) test --filter GoldenTests

## bench: template engine vs swift-mustache, content loading, full-site build (release builds),
## then `rolegen serve` under load on 127.0.0.1 (scripts/bench-serve; needs only python3).
bench: build
	cd Benchmarks && $(SWIFT) build -c release $(RELEASE_FLAGS) $(profile-flags) && .build/release/rolegen-bench
	scripts/bench-serve .build/release/rolegen

## fuzz: libFuzzer targets for the JSON reader, the UI-string message parser and the template
## parser and renderer, FUZZ_SECONDS each (default 60); see scripts/fuzz. Not part of `make test`.
fuzz:
	scripts/fuzz

clean:
	rm -rf .build public Benchmarks/.build Benchmarks/.build-pgo-release Benchmarks/.build-pgo-debug
