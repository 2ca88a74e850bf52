# jianbao — two commands on a fresh machine: `make run` and `make test`.
SWIFT      ?= swift
BIN        := .build/release/jianbao
FIXTURES   := Fixtures
OUTPUT     := Output
JOBS       ?= 2

.PHONY: all build run test golden bench clean deps help

all: run

help:
	@echo "make run     build (release) and convert Fixtures/ into Output/"
	@echo "make test    run the whole test suite"
	@echo "make golden  re-record Fixtures/*.golden after a deliberate output change"
	@echo "make bench   throughput and memory benchmark"

# The system libraries jianbao links (both ship on the project's machines; this installs them
# elsewhere on Debian/Ubuntu when missing).
deps:
	@if ! pkg-config --exists libxml-2.0 icu-uc 2>/dev/null; then \
	  echo "installing libicu-dev libxml2-dev"; \
	  (apt-get update && apt-get install -y libicu-dev libxml2-dev pkg-config) >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product jianbao

run: build
	@mkdir -p $(OUTPUT)
	$(BIN) batch $(FIXTURES) --output $(OUTPUT) --formats json,xml,csv --jobs $(JOBS); status=$$?; \
	  $(BIN) validate $$(find $(OUTPUT) -name '*.xml' -o -name '*.json' | grep -v manifest | sort) >/dev/null && \
	  echo "Output/: every JSON and XML file validates" ; exit $$status

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers $(JOBS)

golden: deps
	JIANBAO_RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenTests || true
	$(SWIFT) test --filter GoldenTests

bench: build
	@bash Benchmarks/run.sh

clean:
	rm -rf .build $(OUTPUT)/*
	touch $(OUTPUT)/.gitkeep
