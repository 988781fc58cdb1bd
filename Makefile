# The registry's habits.
#   make build     debug build
#   make test      the test suite (what CI runs, through `make check`)
#   make lint      swift format lint, warnings as errors
#   make check     lint, tests, the relocatable release binary, and the reliability suite
#   make reliability  kill drills and the import fuzz loop on the release binary
#   make datasette-check  a demo register served read-only by Datasette with the registry's
#                  metadata (needs datasette on PATH or DATASETTE=path; not part of check)
#   make release   statically linked release binary in .build/release/registry
#   make bench     benchmarks, ours beside the reference: start-up against the sqlite3 shell,
#                  and the cost of the audit trail
#   make bench-io  import and export of ROWS (default 1,000,000) activities against the sqlite3 shell
#   make bench-backup  backup create and verify against the sqlite3 shell's .backup, on about 1 GB
#   make bench-money   report spending and statement against the sqlite3 shell on 1,000,000
#                  activities and 3,000,000 expenses, and expense add in NOK against EUR
#   make bench-xlsx    .xlsx export of 1,000,000 activities against openpyxl and our CSV, and
#                  import of 100,000 from .xlsx against openpyxl reading the sheet
#   make install   the release binary, its manual page and shell completions under $(PREFIX)
#                  (default /usr/local); make uninstall removes them

PREFIX ?= /usr/local
SWIFT ?= swift

.PHONY: build test lint check release relocatable installable reliability libreoffice-check datasette-check bench bench-io bench-backup bench-money bench-xlsx manual completions install uninstall

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

check: lint test relocatable installable reliability libreoffice-check

installable: release
	scripts/check-install.sh

reliability: release
	scripts/reliability.py .build/release/registry
	scripts/fuzz-import.py .build/release/registry

# Our workbooks through LibreOffice (CSV and back, opened and saved) import back unchanged.
libreoffice-check: release
	scripts/check-libreoffice.py .build/release/registry

datasette-check: release
	scripts/check-datasette.sh .build/release/registry

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

# The manual page comes from the command definitions, through swift-argument-parser's
# generate-manual tool built on its own (its package plugin would rebuild .build/release
# without the static standard library) and scripts/generate-manual.sh, which keeps the letters
# outside ASCII the tool would drop; the completion scripts from the binary itself.
GENERATE_MANUAL = .build/generate-manual/release/generate-manual

manual: release
	$(SWIFT) build -c release --package-path .build/checkouts/swift-argument-parser --scratch-path .build/generate-manual --product generate-manual
	scripts/generate-manual.sh $(GENERATE_MANUAL) .build/release/registry .build/manual

completions: release
	mkdir -p .build/completions
	.build/release/registry --generate-completion-script bash > .build/completions/registry.bash
	.build/release/registry --generate-completion-script zsh > .build/completions/_registry
	.build/release/registry --generate-completion-script fish > .build/completions/registry.fish

install: release manual completions
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/registry $(DESTDIR)$(PREFIX)/bin/registry
	install -m 644 .build/manual/registry.1 $(DESTDIR)$(PREFIX)/share/man/man1/registry.1
	install -m 644 .build/completions/registry.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/registry
	install -m 644 .build/completions/_registry $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_registry
	install -m 644 .build/completions/registry.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/registry.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/registry $(DESTDIR)$(PREFIX)/share/man/man1/registry.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/registry $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_registry \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/registry.fish

XLSX_DB ?= .build/bench-xlsx.sqlite
bench-xlsx: release
	/usr/bin/python3 scripts/bench-xlsx.py .build/release/registry $(XLSX_DB)

MONEY_DB ?= .build/bench-money.sqlite
bench-money: release
	scripts/bench-money.py .build/release/registry $(MONEY_DB)
