# The C library, the way C developers expect it:
#   make                          build libjixiao (shared + static), release profile
#   make test-c                   C tests through include/jixiao.h (valgrind, ASan/UBSan, pkg-config)
#   make install PREFIX=/opt/jx   install lib/, include/jixiao.h and lib/pkgconfig/jixiao.pc
#   make uninstall PREFIX=/opt/jx
#   make header                   regenerate include/jixiao.h from ffi/src (cbindgen)
# PROFILE=debug uses the debug build instead (faster to build; the tests use it).
# DESTDIR is honoured for staged installs. The libraries are taken from cargo's target
# directory wherever it is: CARGO_TARGET_DIR, build.target-dir in a .cargo/config.toml (both
# through `cargo metadata`), else target/; TARGET_DIR=… overrides all of them.

CARGO   ?= cargo
PREFIX  ?= /usr/local
PROFILE ?= release
DESTDIR ?=

VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
MAJOR   := $(word 1,$(subst ., ,$(VERSION)))
# What the static library needs besides libc (`rustc --print native-static-libs`, Linux).
NATIVE_LIBS := -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc

ifeq ($(PROFILE),release)
CARGO_PROFILE := --release
else
CARGO_PROFILE :=
endif
# Where cargo puts its output: what `cargo metadata` says (it honours CARGO_TARGET_DIR and
# the config files), falling back to CARGO_TARGET_DIR, then target/.
TARGET_DIR ?= $(or $(shell $(CARGO) metadata --format-version 1 --no-deps 2>/dev/null | \
	sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p'),$(CARGO_TARGET_DIR),target)
OUT := $(TARGET_DIR)/$(PROFILE)

LIBDIR := $(DESTDIR)$(PREFIX)/lib
INCDIR := $(DESTDIR)$(PREFIX)/include
PCDIR  := $(LIBDIR)/pkgconfig

.PHONY: all build test-c install uninstall header

all: build

build:
	$(CARGO) build -p jixiao-ffi $(CARGO_PROFILE)

test-c:
	sh tests/c/run.sh

header:
	JIXIAO_BLESS=1 $(CARGO) test -p jixiao-ffi --test header

install: build
	install -d "$(LIBDIR)" "$(INCDIR)" "$(PCDIR)"
	install -m 0755 "$(OUT)/libjixiao_ffi.so" "$(LIBDIR)/libjixiao.so.$(VERSION)"
	ln -sf "libjixiao.so.$(VERSION)" "$(LIBDIR)/libjixiao.so.$(MAJOR)"
	ln -sf "libjixiao.so.$(MAJOR)" "$(LIBDIR)/libjixiao.so"
	install -m 0644 "$(OUT)/libjixiao_ffi.a" "$(LIBDIR)/libjixiao.a"
	install -m 0644 include/jixiao.h "$(INCDIR)/jixiao.h"
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@NATIVE_LIBS@|$(NATIVE_LIBS)|' ffi/jixiao.pc.in > "$(PCDIR)/jixiao.pc"

uninstall:
	rm -f "$(LIBDIR)/libjixiao.so.$(VERSION)" "$(LIBDIR)/libjixiao.so.$(MAJOR)" \
	      "$(LIBDIR)/libjixiao.so" "$(LIBDIR)/libjixiao.a" "$(INCDIR)/jixiao.h" \
	      "$(PCDIR)/jixiao.pc"
