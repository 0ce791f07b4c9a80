# ferrokafka build. `make` builds the library, `make test` runs every test,
# `make run` runs the demo. See README.md.

PREFIX     ?= /usr/local
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
CARGO      ?= cargo
CC         ?= cc
VERSION    := 2.16.0
B          := build

RUSTLIB    := target/release/libferrokafka.a
SO         := $(B)/lib/librdkafka.so.1
STATIC     := $(B)/lib/librdkafka.a
PC         := $(B)/lib/pkgconfig/rdkafka.pc
HEADERS    := $(B)/include/librdkafka/rdkafka.h $(B)/include/librdkafka/rdkafka_mock.h
# System libraries the Rust static library needs (rustc --print native-static-libs).
SYSLIBS    := -lssl -lcrypto -lpthread -ldl -lm -lrt -lgcc_s

.PHONY: all lib headers check-headers test unit-test c-test abi-test compat-test integration-test mock-test \
        soak run install uninstall clean bench python FORCE

all: lib

lib: $(SO) $(B)/lib/librdkafka.so $(STATIC) $(PC) $(HEADERS)

# cargo decides itself whether anything changed.
$(RUSTLIB): FORCE
	$(CARGO) build --release --lib

$(SO): $(RUSTLIB) src/abi/exports.map
	@mkdir -p $(@D)
	$(CC) -shared -o $@ -Wl,-soname,librdkafka.so.1 \
	    -Wl,--version-script=src/abi/exports.map \
	    -Wl,--whole-archive $(RUSTLIB) -Wl,--no-whole-archive \
	    $(SYSLIBS) -Wl,--gc-sections -Wl,--no-undefined -Wl,-z,relro -Wl,-z,now

$(B)/lib/librdkafka.so: $(SO)
	ln -sf librdkafka.so.1 $@

$(STATIC): $(RUSTLIB)
	@mkdir -p $(@D)
	cp $(RUSTLIB) $@

# The .pc in build/ describes the uninstalled build (for PKG_CONFIG_PATH);
# `make install` rewrites its paths.
$(PC): rdkafka.pc.in Makefile
	@mkdir -p $(@D)
	sed -e 's|@PREFIX@|$(CURDIR)/$(B)|g' -e 's|@LIBDIR@|$(CURDIR)/$(B)/lib|g' \
	    -e 's|@INCLUDEDIR@|$(CURDIR)/$(B)/include|g' -e 's|@VERSION@|$(VERSION)|g' \
	    -e 's|@SYSLIBS@|$(SYSLIBS)|g' $< > $@

$(B)/include/librdkafka/%.h: include/librdkafka/%.h
	@mkdir -p $(@D)
	cp $< $@

# Regenerate the committed headers from src/abi (cbindgen).
headers:
	FERROKAFKA_WRITE_HEADERS=1 $(CARGO) test --release --test headers

install: lib
	install -d $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)/librdkafka
	install -m 0755 $(SO) $(DESTDIR)$(LIBDIR)/librdkafka.so.1
	ln -sf librdkafka.so.1 $(DESTDIR)$(LIBDIR)/librdkafka.so
	install -m 0644 $(STATIC) $(DESTDIR)$(LIBDIR)/librdkafka.a
	sed -e 's|^prefix=.*|prefix=$(PREFIX)|' -e 's|^libdir=.*|libdir=$(LIBDIR)|' \
	    -e 's|^includedir=.*|includedir=$(INCLUDEDIR)|' $(PC) \
	    > $(DESTDIR)$(LIBDIR)/pkgconfig/rdkafka.pc
	install -m 0644 $(HEADERS) $(DESTDIR)$(INCLUDEDIR)/librdkafka/

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/librdkafka.so.1 $(DESTDIR)$(LIBDIR)/librdkafka.so \
	      $(DESTDIR)$(LIBDIR)/librdkafka.a $(DESTDIR)$(LIBDIR)/pkgconfig/rdkafka.pc \
	      $(DESTDIR)$(INCLUDEDIR)/librdkafka/rdkafka.h \
	      $(DESTDIR)$(INCLUDEDIR)/librdkafka/rdkafka_mock.h

# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------

# Debian packages the tests and the demo need (tools/install-deps.sh).
$(B)/.deps-ok: tools/install-deps.sh
	tools/install-deps.sh
	@mkdir -p $(B) && touch $@

test: $(B)/.deps-ok lib
	$(MAKE) unit-test
	$(MAKE) c-test
	$(MAKE) abi-test
	$(MAKE) integration-test
	$(MAKE) mock-test
	$(MAKE) compat-test

# tools/check-layers.sh: imports between src/abi, src/engine, src/objects,
# src/config, src/mock and src/protocol run one way (DEVELOPERS.md, Layers).
unit-test:
	tools/check-layers.sh
	$(CARGO) test --release

# Every C test runs twice: as it is, and under valgrind's memcheck (no
# invalid access, no double free, no definite leak). Then the short
# no-slow-growth check (tests/soak/check-rss.sh, ~90 s: a produce-and-consume
# soak whose memory must stay flat, on our library and on the reference
# librdkafka; its long version is tests/soak/soak-rss.sh).
c-test: lib
	$(MAKE) -C c-tests run
	$(MAKE) -C c-tests run VALGRIND=1
	tests/soak/check-rss.sh

abi-test: lib
	tests/abi/check-exports.sh $(SO)
	tests/abi/check-install.sh

# Our mock cluster driven by independent clients (the system librdkafka, kcat,
# the reference librdkafka 2.16's share consumer).
mock-test: lib
	tests/mock/check-system-client.sh
	tests/mock/check-share-client.sh

compat-test: lib
	tests/compat/run.sh

# Against independent brokers (the system librdkafka's mock cluster, tansu)
# and against our own mock cluster in its own process (ferromock).
integration-test: lib
	tests/integration/run.sh

# Long soaks and fault runs (minutes each), not part of `make test`:
# tests/soak/soak-*.sh, whose short versions run in `make test`.
soak: $(B)/.deps-ok lib
	$(MAKE) -s -C c-tests all
	tests/soak/run.sh

# confluent-kafka (Python) built from its PyPI source against this build:
# build/python-venv and a wheel in build/wheels (bindings/python/build.sh).
python: $(B)/.deps-ok lib
	bindings/python/build.sh

run: $(B)/.deps-ok lib
	$(MAKE) -C examples run

clean:
	rm -rf $(B)
	$(CARGO) clean
	$(MAKE) -C c-tests clean

# ---------------------------------------------------------------------------
# Benchmarks: ferrokafka against librdkafka (Debian's and the confluent-kafka
# wheel's) on refmock and tansu; writes bench/RESULTS.md, bench/results.json
# and bench/results.png. Measures, never fails on a figure. Options go in
# BENCH_ARGS, e.g. make bench BENCH_ARGS="--quick" (see bench/run.py --help).
BENCH_ARGS ?= --callgrind --codecs none,lz4,zstd
bench: lib
	python3 bench/run.py $(BENCH_ARGS)
