/* jx_stream: the declarations of a file one at a time, equal to what jx_document_read
 * gives, and the hostile calls. Uses only jixiao.h. Run from the repository root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jixiao.h"

#define SEED "tests/data/shanghai-eeb-enforcement-2024.txt"
#define LIST "tests/data/list-example.csv"

/* The project name of the only declaration of `doc`, as a new jx_bytes (or NULL). */
static jx_bytes *name_of(const jx_document *doc, size_t index) {
    char pointer[64];
    jx_bytes *out = NULL;
    sprintf(pointer, "/declarations/%u/project/name", (unsigned)index);
    if (jx_document_get(doc, pointer, JX_ENCODING_UTF8, &out) != JX_RESULT_OK) {
        return NULL;
    }
    return out;
}

static void test_seed_streams_like_read(void) {
    size_t len = 0;
    unsigned char *bytes = jt_read_file(SEED, &len);
    jx_document *whole = NULL;
    jx_stream *stream = NULL;
    jx_document *one = NULL;
    size_t count = 0, indicators = 0;
    CHECK(bytes != NULL);
    CHECK_OK(jx_document_read(bytes, len, NULL, &whole));
    CHECK_OK(jx_stream_open(SEED, NULL, &stream));
    for (;;) {
        jx_bytes *a = NULL, *b = NULL;
        CHECK_OK(jx_stream_next(stream, &one));
        if (one == NULL) {
            break;
        }
        CHECK(jx_document_declaration_count(one) == 1);
        indicators += jx_document_indicator_count(one);
        a = name_of(one, 0);
        b = name_of(whole, count);
        CHECK(jt_same_bytes(a, b));
        jx_bytes_free(a);
        jx_bytes_free(b);
        jx_document_free(one);
        count++;
    }
    CHECK(count == 5);
    CHECK(indicators == 29);
    /* Exhausted: stays exhausted. */
    one = (jx_document *)1;
    CHECK_OK(jx_stream_next(stream, &one));
    CHECK(one == NULL);
    jx_stream_free(stream);
    jx_document_free(whole);
    free(bytes);
}

static void test_list_streams(void) {
    jx_stream *stream = NULL;
    jx_document *one = NULL;
    size_t counts[4] = {0, 0, 0, 0}, n = 0;
    CHECK_OK(jx_stream_open(LIST, NULL, &stream));
    while (jx_stream_next(stream, &one) == JX_RESULT_OK && one != NULL && n < 4) {
        counts[n++] = jx_document_indicator_count(one);
        jx_document_free(one);
    }
    CHECK(n == 2);
    CHECK(counts[0] == 11 && counts[1] == 5);
    jx_stream_free(stream);
}

/* The stream of `path` yields the projects jx_document_read gives, in its order. */
static void test_list_order_like_read(const char *path, size_t expected) {
    size_t len = 0, count = 0;
    unsigned char *bytes = jt_read_file(path, &len);
    jx_document *whole = NULL;
    jx_stream *stream = NULL;
    jx_document *one = NULL;
    CHECK(bytes != NULL);
    CHECK_OK(jx_document_read(bytes, len, NULL, &whole));
    CHECK(jx_document_declaration_count(whole) == expected);
    CHECK_OK(jx_stream_open(path, NULL, &stream));
    while (jx_stream_next(stream, &one) == JX_RESULT_OK && one != NULL && count <= expected) {
        jx_bytes *a = name_of(one, 0);
        jx_bytes *b = name_of(whole, count);
        CHECK(jx_document_declaration_count(one) == 1);
        CHECK(jt_same_bytes(a, b));
        jx_bytes_free(a);
        jx_bytes_free(b);
        jx_document_free(one);
        count++;
    }
    CHECK(count == expected);
    jx_stream_free(stream);
    jx_document_free(whole);
    free(bytes);
}

static void test_hostile(void) {
    jx_stream *stream = NULL;
    jx_document *one = NULL;
    CHECK_RESULT(jx_stream_open(NULL, NULL, &stream), JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_stream_open(SEED, NULL, NULL), JX_RESULT_NULL_PARAMETER);
    CHECK(stream == NULL);
    CHECK_RESULT(jx_stream_next(NULL, &one), JX_RESULT_NULL_PARAMETER);
    CHECK(one == NULL);
    CHECK_OK(jx_stream_open(SEED, NULL, &stream));
    CHECK_RESULT(jx_stream_next(stream, NULL), JX_RESULT_NULL_PARAMETER);
    jx_stream_free(stream);
    jx_stream_free(NULL);
}

/* Last error message contains `needle`. */
static int last_error_names(const char *needle) {
    char buf[1024];
    size_t n = 0;
    jx_last_error_message(buf, sizeof buf, &n);
    return strstr(buf, needle) != NULL;
}

/* A file that cannot be opened, or a directory, is JX_RESULT_IO (8), and the message names
 * the path; nothing is written to `out`. */
static void test_io_failures(void) {
    jx_stream *stream = NULL;
    CHECK(JX_RESULT_IO == 8);
    CHECK_RESULT(jx_stream_open("no/such/file.txt", NULL, &stream), JX_RESULT_IO);
    CHECK(stream == NULL);
    CHECK(jx_last_error_result() == JX_RESULT_IO);
    CHECK(last_error_names("no/such/file.txt"));
    CHECK(strcmp(jx_result_name(JX_RESULT_IO), "io") == 0);
    CHECK_RESULT(jx_stream_open("tests/c/data", NULL, &stream), JX_RESULT_IO);
    CHECK(stream == NULL);
    CHECK(last_error_names("tests/c/data"));
    CHECK(last_error_names("directory"));
}

int main(void) {
    test_seed_streams_like_read();
    test_list_streams();
    /* 甲 乙 丙 丁 once streamed as 甲 丙 乙 丁. */
    test_list_order_like_read("tests/c/data/four-projects.csv", 4);
    test_list_order_like_read("tests/data/seed-actuals.csv", 5);
    test_hostile();
    test_io_failures();
    return jt_finish("test_stream");
}
