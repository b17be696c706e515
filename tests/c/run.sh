#!/bin/sh
# The C test suite, through include/jixiao.h alone. From anywhere:
#   sh tests/c/run.sh
# 1. builds libjixiao (debug profile: `cargo build -p jixiao-ffi`);
# 2. compiles every tests/c/test_*.c with -std=c99 -Wall -Wextra -Wpedantic -Werror, and runs it
#    a. linked with the static library (libjixiao.a);
#    b. linked with the shared library, under valgrind --leak-check=full --error-exitcode=1
#       (definite, indirect and possible leaks are errors; tests/c/valgrind.supp names the one
#       one-time Rust runtime allocation that is allowed to live until exit);
#    c. built with gcc -fsanitize=address,undefined and linked with the static library. The
#       Rust code is not instrumented, but ASan/LSan intercept malloc/free for the whole
#       process, so leaks and use-after-free of anything jixiao hands out, and all UB in the
#       C side, are caught;
# 3. checks that `make install` takes the libraries from CARGO_TARGET_DIR; installs with
#    `make install PREFIX=<tmp> PROFILE=debug`, checks the soname and symlinks,
#    and builds and runs every examples/c/*.c with `cc … $(pkg-config --cflags --libs jixiao)`
#    alone (and statically with `pkg-config --static`).
# Prints one line per step and closes with `N passed, M failed`; exits 1 on any failure.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1

CC=${CC:-gcc}
CFLAGS="-std=c99 -Wall -Wextra -Wpedantic -Werror -g -pthread"
NATIVE="-lpthread -ldl -lm"
work=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-c.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok    $*"; }
bad() { failed=$((failed + 1)); echo "FAIL  $*"; }
# run NAME LOG CMD...: runs CMD with output in LOG; shows LOG on failure.
run() {
    name=$1
    log=$2
    shift 2
    if "$@" >"$log" 2>&1; then
        ok "$name"
    else
        bad "$name"
        sed 's/^/      /' "$log" | tail -n 40
    fi
}

if ! cargo build -p jixiao-ffi --quiet >"$work/cargo.log" 2>&1; then
    echo "FAIL  cargo build -p jixiao-ffi"
    sed 's/^/      /' "$work/cargo.log" | tail -n 40
    echo "0 passed, 1 failed"
    exit 1
fi
# cargo's target directory, wherever CARGO_TARGET_DIR or a config file puts it.
tdir=$(cargo metadata --format-version 1 --no-deps 2>/dev/null |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
lib=${tdir:-${CARGO_TARGET_DIR:-target}}/debug
case $lib in /*) ;; *) lib="$root/$lib" ;; esac
# The shared library carries the soname libjixiao.so.0: give the loader that name.
mkdir -p "$work/lib"
ln -s "$lib/libjixiao_ffi.so" "$work/lib/libjixiao.so.0"
ln -s "$lib/libjixiao_ffi.so" "$work/lib/libjixiao.so"
# Files the tests read: a GB18030 + CRLF copy of the seed.
iconv -f UTF-8 -t GB18030 tests/data/shanghai-eeb-enforcement-2024.txt | sed 's/$/\r/' \
    >"$work/seed-gb18030-crlf.txt"

# The header alone compiles as C99 and, for C++ callers, as C++ (extern "C" guards).
if printf '#include "jixiao.h"\nint main(void) { return jx_version() == 0; }\n' |
    $CC $CFLAGS -Iinclude -x c -fsyntax-only - >"$work/header_c.log" 2>&1; then
    ok "include/jixiao.h compiles alone (C99)"
else
    bad "include/jixiao.h compiles alone (C99)"
    sed 's/^/      /' "$work/header_c.log"
fi
if command -v g++ >/dev/null 2>&1; then
    if printf '#include "jixiao.h"\n' | g++ -std=c++11 -Wall -Wextra -Wpedantic -Werror -Iinclude \
        -x c++ -fsyntax-only - >"$work/header_cxx.log" 2>&1; then
        ok "include/jixiao.h compiles as C++11"
    else
        bad "include/jixiao.h compiles as C++11"
        sed 's/^/      /' "$work/header_cxx.log"
    fi
fi

have_valgrind=1
command -v valgrind >/dev/null 2>&1 || have_valgrind=0

for src in tests/c/test_*.c; do
    t=$(basename "$src" .c)
    # a. static
    if $CC $CFLAGS -Iinclude -Itests/c "$src" "$lib/libjixiao_ffi.a" $NATIVE -o "$work/$t.static" \
        >"$work/$t.cc.log" 2>&1; then
        run "$t (static)" "$work/$t.static.log" "$work/$t.static" "$work"
    else
        bad "$t: compile (static)"
        sed 's/^/      /' "$work/$t.cc.log"
    fi
    # b. shared, under valgrind
    if $CC $CFLAGS -Iinclude -Itests/c "$src" -L"$work/lib" -ljixiao -o "$work/$t.shared" \
        >"$work/$t.cc2.log" 2>&1; then
        if [ $have_valgrind = 1 ]; then
            run "$t (shared, valgrind)" "$work/$t.vg.log" env LD_LIBRARY_PATH="$work/lib" \
                valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect,possible \
                --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1 \
                --suppressions="$root/tests/c/valgrind.supp" \
                "$work/$t.shared" "$work"
        else
            bad "$t (shared, valgrind): valgrind is not installed"
        fi
    else
        bad "$t: compile (shared)"
        sed 's/^/      /' "$work/$t.cc2.log"
    fi
    # c. ASan + UBSan
    if $CC $CFLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
        -Iinclude -Itests/c "$src" "$lib/libjixiao_ffi.a" $NATIVE -o "$work/$t.asan" \
        >"$work/$t.cc3.log" 2>&1; then
        run "$t (static, ASan+UBSan)" "$work/$t.asan.log" env \
            ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=1 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$work/$t.asan" "$work"
    else
        bad "$t: compile (ASan+UBSan)"
        sed 's/^/      /' "$work/$t.cc3.log"
    fi
done

# 3. install, then build the examples with pkg-config alone.
# make install takes the libraries from the target directory cargo uses (CARGO_TARGET_DIR in
# build farms), not from target/ (a dry run shows which files it would install).
if CARGO_TARGET_DIR="$work/elsewhere" make --no-print-directory -n install PREFIX="$work/p" \
    PROFILE=debug 2>&1 | grep -q "\"$work/elsewhere/debug/libjixiao_ffi.so\""; then
    ok "make install honours CARGO_TARGET_DIR"
else
    bad "make install honours CARGO_TARGET_DIR"
fi
prefix="$work/prefix"
if make --no-print-directory install PREFIX="$prefix" PROFILE=debug >"$work/install.log" 2>&1; then
    ok "make install PREFIX=<tmp>"
    so=$(ls "$prefix"/lib/libjixiao.so.*.*.* 2>/dev/null | head -n 1)
    soname=$(readelf -d "$so" 2>/dev/null | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
    if [ -n "$so" ] && [ "$soname" = "libjixiao.so.0" ] && [ -L "$prefix/lib/libjixiao.so.0" ] \
        && [ -L "$prefix/lib/libjixiao.so" ] && [ -f "$prefix/lib/libjixiao.a" ] \
        && [ -f "$prefix/include/jixiao.h" ] && [ -f "$prefix/lib/pkgconfig/jixiao.pc" ]; then
        ok "installed files, soname $soname"
    else
        bad "installed files (so=$so soname=$soname)"
        ls -lR "$prefix" | sed 's/^/      /'
    fi
    export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
    pcver=$(pkg-config --modversion jixiao 2>/dev/null)
    cargover=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
    if [ "$pcver" = "$cargover" ]; then ok "pkg-config --modversion jixiao = $pcver"; else bad "pkg-config version '$pcver' != '$cargover'"; fi
    for src in examples/c/*.c; do
        e=$(basename "$src" .c)
        # shellcheck disable=SC2046
        if cc $CFLAGS "$src" $(pkg-config --cflags --libs jixiao) -o "$work/$e" >"$work/$e.cc.log" 2>&1; then
            run "example $e (pkg-config, shared)" "$work/$e.log" env LD_LIBRARY_PATH="$prefix/lib" "$work/$e"
        else
            bad "example $e: compile with pkg-config"
            sed 's/^/      /' "$work/$e.cc.log"
        fi
        # shellcheck disable=SC2046
        if cc $CFLAGS "$src" $(pkg-config --cflags jixiao) "$prefix/lib/libjixiao.a" \
            $(pkg-config --static --libs-only-l jixiao | sed 's/-ljixiao//') -o "$work/$e.static" \
            >"$work/$e.cc2.log" 2>&1; then
            run "example $e (pkg-config --static)" "$work/$e.static.log" "$work/$e.static"
        else
            bad "example $e: compile with pkg-config --static"
            sed 's/^/      /' "$work/$e.cc2.log"
        fi
    done
    if make --no-print-directory uninstall PREFIX="$prefix" >"$work/uninstall.log" 2>&1 &&
        [ -z "$(find "$prefix" -type f -o -type l)" ]; then
        ok "make uninstall PREFIX=<tmp> removes every installed file"
    else
        bad "make uninstall PREFIX=<tmp>"
        find "$prefix" | sed 's/^/      /'
    fi
else
    bad "make install PREFIX=<tmp>"
    sed 's/^/      /' "$work/install.log" | tail -n 20
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
