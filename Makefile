# The registry's habits.
#   make build     debug build
#   make test      the test suite (what CI runs, through `make check`)
#   make lint      swift format lint, warnings as errors
#   make check     tests, the relocatable release binary, and the reliability suite
#   make reliability  kill drills and the import fuzz loop on the release binary
#   make release   statically linked release binary in .build/release/registry
#   make bench     benchmarks, ours beside the reference: start-up against the sqlite3 shell,
#                  and the cost of the audit trail
#   make bench-io  import and export of ROWS (default 1,000,000) activities against the sqlite3 shell
#   make bench-backup  backup create and verify against the sqlite3 shell's .backup, on about 1 GB
#   make install   install the release binary under $(PREFIX)/bin

PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: build test lint check release relocatable reliability bench bench-io bench-backup install uninstall

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

check: test relocatable reliability

reliability: release
	scripts/reliability.py .build/release/registry
	scripts/fuzz-import.py .build/release/registry

bench: release
	scripts/bench-startup.py .build/release/registry
	$(SWIFT) run -c release registry-bench audit 10000

ROWS ?= 1000000
bench-io: release
	scripts/bench-import.py .build/release/registry $(ROWS)
	.build/release/registry demo --db .build/bench-export.sqlite --activities $(ROWS) --force > /dev/null
	scripts/bench-export.py .build/release/registry .build/bench-export.sqlite

BACKUP_DB ?= .build/bench-backup.sqlite
bench-backup: release
	[ -f $(BACKUP_DB) ] || .build/release/registry demo --db $(BACKUP_DB) --activities 3700000 > /dev/null
	scripts/bench-backup.py .build/release/registry $(BACKUP_DB)

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/registry $(DESTDIR)$(PREFIX)/bin/registry

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/registry
