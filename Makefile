# Fleetprint: the README's two commands.
#   make run    installs what is missing, builds, and runs the main job on a local broker
#   make test   installs what is missing, builds, and runs every test
# Debian packages are installed when run as root; otherwise the exact apt-get line is printed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
CONFIGURATION ?= debug
BIN := .build/$(CONFIGURATION)/fleetprint
APT_PACKAGES := libmosquitto-dev mosquitto mosquitto-clients libsqlite3-dev openssl pkg-config
# Matches the brokers that tests and `make run` start (their folders carry this name); the
# brackets keep the pattern from matching the shell that runs pkill.
BROKER_PATTERN := [f]leetprint-broker-

.PHONY: help deps build run test clean

help:
	@echo "make run    build and run Fleetprint on a local broker (installs what is missing)"
	@echo "make test   build and run every test, unit and integration (installs what is missing)"
	@echo "make build  build only; make clean removes build output"

## deps: the Debian packages and the Swift toolchain; installs the packages when root.
deps:
	@missing=""; \
	pkg-config --exists libmosquitto 2>/dev/null || [ -f /usr/include/mosquitto.h ] || missing="$$missing libmosquitto-dev"; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || missing="$$missing mosquitto"; \
	command -v mosquitto_sub >/dev/null || missing="$$missing mosquitto-clients"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "make: installing$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -qq && apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	  else \
	    echo "make: missing Debian packages:$$missing"; \
	    echo "      install them with: sudo apt-get install -y $(APT_PACKAGES)"; \
	    exit 1; \
	  fi; \
	fi
	@[ -x "$(SWIFT)" ] || { echo "make: no Swift toolchain found; install Swift 6.1 or later (https://swift.org/install) or set SWIFT=/path/to/swift"; exit 1; }

build: deps
	$(SWIFT) build -c $(CONFIGURATION)

## run: until the daemon lands, a local mosquitto with `fleetprint sub` receiving what `fleetprint pub` sends.
run: build
	@work=$$(mktemp -d); \
	$(BIN) broker --url-file $$work/url & broker=$$!; \
	trap 'kill -INT $$broker 2>/dev/null; wait $$broker 2>/dev/null; rm -rf $$work' EXIT; \
	for _ in $$(seq 100); do [ -s $$work/url ] && break; sleep 0.1; done; \
	url=$$(cat $$work/url); \
	echo "== fleetprint sub --broker $$url 'demo/#' --format verbose --count 3"; \
	$(BIN) sub --broker $$url 'demo/#' --format verbose --count 3 & sub=$$!; \
	sleep 1; \
	for kind in boiler ebike-battery speedgate; do \
	  echo "== fleetprint pub --broker $$url demo/$$kind/1 ..."; \
	  $(BIN) pub --broker $$url --qos 1 demo/$$kind/1 "{\"device\":\"$$kind-1\",\"hello\":\"from fleetprint pub\"}"; \
	done; \
	wait $$sub; \
	echo "== done: the broker stops and leaves nothing running"

## test: unit tests in parallel, then the integration tests one at a time, so that CPU-heavy unit
## tests cannot starve the timing of connects, timeouts and crash recovery against mosquitto.
test: deps
	$(SWIFT) build --build-tests
	@status=0; \
	$(SWIFT) test --skip-build --skip IntegrationTests || status=$$?; \
	$(SWIFT) test --skip-build --filter IntegrationTests --no-parallel || status=$$?; \
	pkill -9 -f '$(BROKER_PATTERN)' 2>/dev/null || true; \
	exit $$status

clean:
	rm -rf .build
