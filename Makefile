# The registry's habits.
#   make build     debug build
#   make test      the test suite (what CI runs, through `make check`)
#   make lint      swift format lint, warnings as errors
#   make check     lint, tests, and the relocatable release binary
#   make release   statically linked release binary in .build/release/registry
#   make bench     benchmarks, ours beside the reference: start-up against the sqlite3 shell,
#                  and the cost of the audit trail
#   make install   install the release binary under $(PREFIX)/bin

PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: build test lint check release relocatable bench install uninstall

build:
	$(SWIFT) build

test:
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests Migrations

release:
	$(SWIFT) build -c release --static-swift-stdlib --product registry

relocatable: release
	scripts/check-relocatable.sh .build/release/registry

check: test relocatable

bench: release
	scripts/bench-startup.py .build/release/registry
	$(SWIFT) run -c release registry-bench audit 10000

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/registry $(DESTDIR)$(PREFIX)/bin/registry

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/registry
