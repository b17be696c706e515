/* A tiny test harness for the C tests: CHECK counts, file helpers. C99, header only. */
#ifndef JX_TEST_HARNESS_H
#define JX_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao.h"

static int jt_passed = 0;
static int jt_failed = 0;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (cond) {                                                                   \
            jt_passed++;                                                              \
        } else {                                                                      \
            jt_failed++;                                                              \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);  \
        }                                                                             \
    } while (0)

/* Checks that a call returns `expected`; on a mismatch prints both names and the last
 * error detail. */
#define CHECK_RESULT(call, expected)                                                  \
    do {                                                                              \
        jx_result jt_r = (call);                                                      \
        if (jt_r == (jx_result)(expected)) {                                          \
            jt_passed++;                                                              \
        } else {                                                                      \
            char jt_buf[1024];                                                        \
            size_t jt_n = 0;                                                          \
            jx_last_error_message(jt_buf, sizeof jt_buf, &jt_n);                      \
            jt_failed++;                                                              \
            fprintf(stderr, "%s:%d: %s returned %s, expected %s (last error: %s)\n",  \
                    __FILE__, __LINE__, #call, jx_result_name(jt_r),                  \
                    jx_result_name(expected), jt_buf);                                \
        }                                                                             \
    } while (0)

#define CHECK_OK(call) CHECK_RESULT(call, JX_RESULT_OK)

/* Reads a whole file; returns NULL (and *len 0) when it cannot. Free with free(). */
static unsigned char *jt_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t cap = 0, n = 0;
    *len = 0;
    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        size_t got;
        if (n == cap) {
            unsigned char *bigger;
            cap = cap ? cap * 2 : 65536;
            bigger = (unsigned char *)realloc(data, cap);
            if (bigger == NULL) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = bigger;
        }
        got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    fclose(f);
    *len = n;
    return data;
}

/* Whether the jx_bytes holds exactly `len` bytes equal to `data`. */
static int jt_bytes_equal(const jx_bytes *b, const unsigned char *data, size_t len) {
    return b != NULL && jx_bytes_len(b) == len && memcmp(jx_bytes_data(b), data, len) == 0;
}

/* Whether two jx_bytes hold the same bytes. */
static int jt_same_bytes(const jx_bytes *a, const jx_bytes *b) {
    return a != NULL && b != NULL && jt_bytes_equal(a, jx_bytes_data(b), jx_bytes_len(b));
}

/* Reads a file (relative to the repository root) as a document, named by its path; NULL
 * (and a failed CHECK) when it cannot be opened or read. */
static jx_document *jt_read_document(const char *path) {
    size_t len = 0;
    unsigned char *data = jt_read_file(path, &len);
    jx_document *doc = NULL;
    jx_read_options opts = {0};
    CHECK(data != NULL);
    if (data == NULL) {
        fprintf(stderr, "cannot open %s (run from the repository root)\n", path);
        return NULL;
    }
    opts.file_name = path;
    CHECK_OK(jx_document_read(data, len, &opts, &doc));
    free(data);
    return doc;
}

/* A NUL-terminated copy of a jx_bytes (free with free()); NULL when out of memory. */
static char *jt_text_of(const jx_bytes *b) {
    size_t n = jx_bytes_len(b);
    char *s = (char *)malloc(n + 1);
    if (s != NULL) {
        memcpy(s, jx_bytes_data(b), n);
        s[n] = '\0';
    }
    return s;
}

/* Prints the closing line of a test program and returns its exit status. */
static int jt_finish(const char *name) {
    /* not every test program uses every helper */
    (void)jt_same_bytes;
    (void)jt_read_document;
    (void)jt_text_of;
    printf("%s: %d passed, %d failed\n", name, jt_passed, jt_failed);
    return jt_failed == 0 ? 0 : 1;
}

#endif /* JX_TEST_HARNESS_H */
