# Fleetprint: the README's two commands.
#   make run    installs what is missing, builds, and runs the main job on a local broker
#   make test   installs what is missing, builds, and runs every test
# Debian packages are installed when run as root; otherwise the exact apt-get line is printed.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
# `make run` runs a release build; `make test`'s dashboard check reuses the tests' debug build.
CONFIGURATION ?= release
# Build folder; `make run SCRATCH=.build-x` uses another (as the tmux check of the dashboard does).
SCRATCH ?= .build
BIN := $(SCRATCH)/$(CONFIGURATION)/fleetprint
# tmux drives the dashboard check, promtool (prometheus) checks /metrics, nats-server is the
# clustered broker of the scale-out test, systemd-analyze (systemd) rates the unit's hardening.
APT_PACKAGES := libmosquitto-dev mosquitto mosquitto-clients libsqlite3-dev openssl pkg-config tmux python3-jsonschema prometheus nats-server systemd
# make run: devices per kind, event time per wall time, simulated years, an existing broker (set:
# start none), and the daemon's state folder (emptied at start). The default fleet at 43200x (half a
# day a second) sends a few hundred messages a second, which one daemon follows on two cores.
FLEET ?= boiler=10,ebike-battery=10,speedgate=5,facade=5,underground-container=5
SPEED ?= 43200x
YEARS ?= 15
# Event time over which the fleet is commissioned: a day brings every kind online in the first
# seconds (COMMISSION=1y gives a fleet of mixed ages, as `simulate` does by default).
COMMISSION ?= 1d
BROKER ?=
STATE ?= state

.PHONY: help deps build run test install deb clean

help:
	@echo "make run    build and run the whole job: local broker, simulated fleet, daemon, dashboard (installs what is missing)"
	@echo "            make run FLEET=boiler=20,speedgate=5 SPEED=3600x YEARS=15 COMMISSION=1d BROKER=mqtt://host:1883 STATE=state"
	@echo "make test   build and run every test, unit and integration (installs what is missing)"
	@echo "make install [PREFIX=/usr/local] [DESTDIR=...]   binary, profiles, factors, config, unit, completions"
	@echo "make deb    a Debian package (fleetprint_<version>_<arch>.deb) with the same layout under /usr"
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
	command -v promtool >/dev/null || missing="$$missing prometheus"; \
	python3 -c "import jsonschema" 2>/dev/null || /usr/bin/python3 -c "import jsonschema" 2>/dev/null || missing="$$missing python3-jsonschema"; \
	command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || missing="$$missing nats-server"; \
	command -v tmux >/dev/null || missing="$$missing tmux"; \
	command -v systemd-analyze >/dev/null || missing="$$missing systemd"; \
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
	$(SWIFT) build -c $(CONFIGURATION) --scratch-path $(SCRATCH) $(SWIFT_BUILD_FLAGS)

## run: the whole job on an embedded default: a private mosquitto on a free loopback port (none
## when BROKER is set), a simulated fleet of all five kinds on an accelerated clock, the daemon with
## its SQLite store in $(STATE)/ (started afresh; logs there too), and the dashboard in front.
## q or Ctrl-C stops all of them, in reverse order, and leaves nothing running.
run: build
	@pids=""; work=$$(mktemp -d -t fleetprint-run-XXXXXX); \
	stop() { for pid in $$pids; do kill -$$1 $$pid 2>/dev/null || true; \
	           for _ in $$(seq 100); do kill -0 $$pid 2>/dev/null || break; sleep 0.1; done; \
	           kill -KILL $$pid 2>/dev/null || true; wait $$pid 2>/dev/null || true; done; }; \
	cleanup() { stop TERM; rm -rf $$work; }; \
	trap cleanup EXIT; trap 'exit 130' INT TERM HUP; \
	rm -rf $(STATE) && mkdir -p $(STATE); \
	if [ -n "$(BROKER)" ]; then url="$(BROKER)"; else \
	  $(BIN) broker --url-file $$work/url 2>$(STATE)/broker.log & pids="$$!"; \
	  for _ in $$(seq 100); do [ -s $$work/url ] && break; sleep 0.1; done; \
	  url=$$(cat $$work/url); fi; \
	$(BIN) run --broker $$url --state $(STATE) 2>$(STATE)/fleetprint.log & pids="$$! $$pids"; \
	$(BIN) simulate --broker $$url --fleet $(FLEET) --speed $(SPEED) --years $(YEARS) --commission-over $(COMMISSION) \
	  >$(STATE)/simulate.log 2>&1 & pids="$$! $$pids"; \
	$(BIN) dashboard --broker $$url --interval 0.5; \
	echo "make run: stopped; the daemon's state and logs are in $(STATE)/"

## test: unit tests in parallel, then the integration tests one at a time, so that CPU-heavy unit
## tests cannot starve the timing of connects, timeouts and crash recovery against mosquitto.
test: deps
	$(SWIFT) build --build-tests
	@status=0; export FLEETPRINT_RUN_TAG=run$$$$; \
	$(SWIFT) test --skip-build --skip IntegrationTests || status=$$?; \
	$(SWIFT) test --skip-build --filter IntegrationTests --no-parallel || status=$$?; \
	.ci/dashboard-check || status=$$?; \
	.ci/install-check || status=$$?; \
	.ci/deb-check || status=$$?; \
	pkill -9 -f "[f]leetprint-broker-$$FLEETPRINT_RUN_TAG-" 2>/dev/null || true; \
	exit $$status

## install: PREFIX/bin/fleetprint finds its data in PREFIX/share/fleetprint (FleetprintHome).
PREFIX ?= /usr/local
SYSCONFDIR ?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
UNITDIR ?= $(if $(filter /usr,$(PREFIX)),/lib/systemd/system,$(PREFIX)/lib/systemd/system)
VERSION := $(shell sed -n 's/.*current = "\(.*\)"/\1/p' Sources/FleetprintRuntime/FleetprintVersion.swift)

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/fleetprint $(DESTDIR)$(PREFIX)/share/doc/fleetprint \
	  $(DESTDIR)$(SYSCONFDIR)/fleetprint $(DESTDIR)$(UNITDIR) $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/fleetprint
	cp -R DeviceProfiles Config docs $(DESTDIR)$(PREFIX)/share/fleetprint/
	rm -f $(DESTDIR)$(PREFIX)/share/fleetprint/Config/fleetprint.service
	install -m 644 README.md CHANGELOG.md LICENSE $(DESTDIR)$(PREFIX)/share/doc/fleetprint/
	install -m 644 Config/fleetprint.yaml $(DESTDIR)$(SYSCONFDIR)/fleetprint/fleetprint.yaml
	sed -e 's|/opt/fleetprint/bin|$(PREFIX)/bin|' -e 's|FLEETPRINT_HOME=/opt/fleetprint|FLEETPRINT_HOME=$(PREFIX)/share/fleetprint|' \
	  -e 's|/etc/fleetprint|$(SYSCONFDIR)/fleetprint|g' Config/fleetprint.service > $(DESTDIR)$(UNITDIR)/fleetprint.service
	$(BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/fleetprint
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_fleetprint
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/fleetprint.fish
	@# The man pages come from ArgumentParser's plugin, which relinks the binary in its own way:
	@# so it runs after the binary above is copied.
	$(SWIFT) package --scratch-path $(SCRATCH) plugin --allow-writing-to-package-directory generate-manual \
	  --configuration $(CONFIGURATION) --multi-page >/dev/null
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 $(SCRATCH)/plugins/GenerateManual/outputs/fleetprint/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/

## deb: a static Swift runtime, so the package needs only Debian's libmosquitto1 and libsqlite3-0.
## .ci/deb-check packages the tests' debug build instead (DEB_SCRATCH=.build DEB_CONFIGURATION=debug DEB_FLAGS=).
DEB_SCRATCH ?= .build-deb
DEB_CONFIGURATION ?= release
DEB_FLAGS ?= --static-swift-stdlib
deb: deps
	rm -rf .build-deb/pkg && $(MAKE) --no-print-directory install SCRATCH=$(DEB_SCRATCH) CONFIGURATION=$(DEB_CONFIGURATION) SWIFT_BUILD_FLAGS="$(DEB_FLAGS)" \
	  PREFIX=/usr DESTDIR=$(CURDIR)/.build-deb/pkg
	install -d .build-deb/pkg/DEBIAN
	printf 'Package: fleetprint\nVersion: %s\nArchitecture: %s\nMaintainer: Fleetprint developers <fleetprint@localhost>\nDepends: libmosquitto1, libsqlite3-0\nRecommends: mosquitto\nSection: net\nPriority: optional\nDescription: condition-based maintenance and a live screening LCA for MQTT device fleets\n Subscribes to device telemetry, runs maintenance rules, issues work orders and keeps\n a comparative life cycle assessment of the smart fleet against its baseline.\n' \
	  "$(VERSION)" "$$(dpkg --print-architecture)" > .build-deb/pkg/DEBIAN/control
	echo /etc/fleetprint/fleetprint.yaml > .build-deb/pkg/DEBIAN/conffiles
	dpkg-deb --root-owner-group --build .build-deb/pkg fleetprint_$(VERSION)_$$(dpkg --print-architecture).deb
	dpkg-deb --contents fleetprint_$(VERSION)_$$(dpkg --print-architecture).deb | sed -n '1,12p'

clean:
	rm -rf .build .build-deb
