# jianbao — two commands on a fresh machine: `make run` and `make test`.
SWIFT      ?= swift
BIN        := .build/release/jianbao
FIXTURES   := Fixtures
OUTPUT     := Output
JOBS       ?= 2

.PHONY: all build run test golden bench check-csv clean deps help fuzz sanitize-address sanitize-thread

all: run

help:
	@echo "make run     build (release) and convert Fixtures/ into Output/"
	@echo "make test    run the whole test suite"
	@echo "make golden  re-record Fixtures/*.golden after a deliberate output change"
	@echo "make bench   speed, memory, scaling and JioNLP comparison (BENCH_SCALE=small: quick)"
	@echo "make fuzz SECONDS=60    libFuzzer over the whole pipeline, seeded from Fixtures/ (Fuzz/README.md)"
	@echo "make sanitize-address   the whole test suite under AddressSanitizer"
	@echo "make sanitize-thread    the batch and CLI tests under ThreadSanitizer"

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

# Builds the release jianbao and jianbao-bench itself; BENCH_SCALE=small for a quick run.
bench: deps
	@bash Benchmarks/run.sh

# Not in `make test`: it needs LibreOffice (hundreds of MB, installed by the script when missing).
check-csv: build
	@bash Tests/Scripts/check-csv-libreoffice.sh

clean:
	rm -rf .build $(OUTPUT)/*
	touch $(OUTPUT)/.gitkeep

# Hostile input (issue 9). The fuzzer is a package of its own (Fuzz/), so its libFuzzer flags never
# reach `swift build` or `make test`; the corpus grows in .build/fuzz-corpus between runs and what
# it finds lands in .build/fuzz-findings (turn each into a file under Fuzz/Regressions/).
SECONDS    ?= 60
FUZZ_BIN   := Fuzz/.build/release/JianbaoFuzz
# Fork mode keeps fuzzing past a crash (each one is saved), so one known bug does not end the run.
FUZZ_ARGS  ?= -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1

fuzz: deps
	cd Fuzz && $(SWIFT) build -c release --sanitize fuzzer --sanitize address --product JianbaoFuzz
	@mkdir -p .build/fuzz-corpus .build/fuzz-findings
	@# Seeds: the fixtures cut at line ends into pieces under -max_len (a seed cut mid-character
	@# is refused as truncated and teaches the fuzzer nothing), and every regression.
	@for f in $(FIXTURES)/*.txt; do split -C 8000 -d -a 3 "$$f" ".build/fuzz-corpus/seed-$$(basename $$f .txt)-"; done
	@cp -n Fuzz/Regressions/* .build/fuzz-corpus/ 2>/dev/null || true
	$(FUZZ_BIN) .build/fuzz-corpus -dict=Fuzz/jianbao.dict -max_total_time=$(SECONDS) -max_len=8192 \
	  -timeout=10 -rss_limit_mb=4096 -artifact_prefix=.build/fuzz-findings/ -print_final_stats=1 $(FUZZ_ARGS)

# Sanitizer runs build into folders of their own: instrumented objects never mix with .build.
sanitize-address: deps
	$(SWIFT) build --build-tests --sanitize address --scratch-path .build-asan
	$(SWIFT) test --skip-build --sanitize address --scratch-path .build-asan --parallel --num-workers $(JOBS)

sanitize-thread: deps
	$(SWIFT) build --build-tests --sanitize thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize thread --scratch-path .build-tsan --filter 'CLITests|Batch|HostilePath'
