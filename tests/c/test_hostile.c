/* Hostile and odd calls through the C API: NULL everywhere, zero length, invalid UTF-8,
 * binary and random bytes, truncated inputs, bad enum values, free(NULL), legal reuse.
 * Nothing may crash, leak, or write an out-parameter on failure. Uses only jixiao.h.
 * Run from the repository root. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jixiao.h"

#define SEED "tests/data/shanghai-eeb-enforcement-2024.txt"
#define SMALL "tests/c/data/two-projects.json"

/* A pointer value no call may write over on failure. */
#define SENTINEL_DOC ((jx_document *)(uintptr_t)0x5EED)
#define SENTINEL_BYTES ((jx_bytes *)(uintptr_t)0xB17E5)

static int known_result(jx_result r) {
    return strcmp(jx_result_name(r), "unknown") != 0;
}

/* Reads and, on success, exercises and frees the document; checks the contract on
 * failure. Returns the result. */
static jx_result read_any(const unsigned char *data, size_t len, const jx_read_options *opts) {
    jx_document *doc = SENTINEL_DOC;
    jx_result r = jx_document_read(data, len, opts, &doc);
    if (r == JX_RESULT_OK) {
        jx_bytes *json = NULL;
        CHECK(doc != NULL && doc != SENTINEL_DOC);
        CHECK_OK(jx_document_to_json(doc, &json));
        jx_bytes_free(json);
        jx_document_free(doc);
    } else {
        CHECK(doc == SENTINEL_DOC);
        CHECK(known_result(r));
        CHECK(r != JX_RESULT_PANIC);
        CHECK(jx_last_error_result() == r);
    }
    return r;
}

static void test_null_and_empty(void) {
    jx_document *doc = SENTINEL_DOC;
    char buf[256];
    size_t n = 0;
    const unsigned char text[] = "abc";

    /* Zero length, with and without a pointer: an empty input, not a crash. */
    {
        jx_result r = read_any(NULL, 0, NULL);
        CHECK(r == JX_RESULT_EMPTY_INPUT);
        r = read_any(text, 0, NULL);
        CHECK(r == JX_RESULT_EMPTY_INPUT);
        r = read_any((const unsigned char *)" \n\t\r\n", 5, NULL);
        CHECK(r == JX_RESULT_EMPTY_INPUT);
    }
    /* NULL bytes with a length; NULL out. */
    CHECK_RESULT(jx_document_read(NULL, 10, NULL, &doc), JX_RESULT_NULL_PARAMETER);
    CHECK(doc == SENTINEL_DOC);
    CHECK(jx_last_error_result() == JX_RESULT_NULL_PARAMETER);
    CHECK_OK(jx_last_error_message(buf, sizeof buf, &n));
    CHECK(strstr(buf, "bytes") != NULL);
    CHECK_RESULT(jx_document_read(text, 3, NULL, NULL), JX_RESULT_NULL_PARAMETER);
    CHECK_OK(jx_last_error_message(buf, sizeof buf, &n));
    CHECK(strstr(buf, "out") != NULL);

    /* A length no object can have is refused before anything is read. */
    CHECK_RESULT(jx_document_read(text, (size_t)-1, NULL, &doc), JX_RESULT_INVALID_ARGUMENT);
    CHECK(doc == SENTINEL_DOC);
    {
        const jx_document *docs[1] = {NULL};
        jx_bytes *out = SENTINEL_BYTES;
        CHECK_RESULT(jx_summary(docs, (size_t)-1 / 4, NULL, 0, JX_ENCODING_UTF8, &out),
                     JX_RESULT_INVALID_ARGUMENT);
        CHECK(out == SENTINEL_BYTES);
    }
    /* Accessors on NULL. */
    CHECK(jx_document_declaration_count(NULL) == 0);
    CHECK(jx_document_indicator_count(NULL) == 0);
    CHECK(jx_document_diagnostic_count(NULL) == 0);
    CHECK(jx_document_format(NULL) == JX_FORMAT_AUTO);
    CHECK(jx_document_encoding(NULL) == NULL);
    CHECK(jx_bytes_data(NULL) == NULL);
    CHECK(jx_bytes_len(NULL) == 0);
    {
        jx_bytes *out = SENTINEL_BYTES;
        CHECK_RESULT(jx_document_to_json(NULL, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_document_write(NULL, JX_FORMAT_JSON, JX_ENCODING_UTF8, &out),
                     JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_document_diagnostics_json(NULL, JX_ENCODING_UTF8, &out),
                     JX_RESULT_NULL_PARAMETER);
        CHECK(out == SENTINEL_BYTES);
    }
    /* Report accessors on NULL. */
    CHECK(jx_report_count(NULL) == 0);
    CHECK(jx_report_count_severity(NULL, JX_SEVERITY_ERROR) == 0);
    CHECK(jx_report_code(NULL, 0) == NULL);
    CHECK(jx_report_severity(NULL, 0) == JX_SEVERITY_NONE);
    CHECK(jx_report_project(NULL, 0) == NULL);
    CHECK(jx_report_indicator(NULL, 0) == NULL);
    CHECK(jx_report_file(NULL, 0) == NULL);
    CHECK(jx_report_line(NULL, 0) == 0);
    CHECK(jx_report_message(NULL, 0) == NULL);
    CHECK(jx_report_message_en(NULL, 0) == NULL);
    {
        jx_bytes *out = SENTINEL_BYTES;
        jx_report *rep = (jx_report *)SENTINEL_BYTES;
        CHECK_RESULT(jx_report_json(NULL, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_document_diagnostics(NULL, JX_ENCODING_UTF8, &rep), JX_RESULT_NULL_PARAMETER);
        CHECK(out == SENTINEL_BYTES && rep == (jx_report *)SENTINEL_BYTES);
    }
    {
        jx_bytes *out = SENTINEL_BYTES;
        size_t len = 77;
        CHECK_RESULT(jx_document_get(NULL, "/schema", JX_ENCODING_UTF8, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_document_len(NULL, "/declarations", &len), JX_RESULT_NULL_PARAMETER);
        CHECK(out == SENTINEL_BYTES && len == 77);
    }
    /* Review, summary, scoring and audit with NULLs. */
    {
        jx_report *rep = (jx_report *)SENTINEL_BYTES;
        jx_scorecard *sc = (jx_scorecard *)SENTINEL_BYTES;
        jx_bytes *out = SENTINEL_BYTES;
        CHECK_RESULT(jx_review(NULL, NULL, JX_ENCODING_UTF8, &rep), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_review_text(NULL, NULL, JX_ENCODING_UTF8, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_audit(NULL, NULL, JX_ENCODING_UTF8, &rep), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_audit_text(NULL, NULL, JX_ENCODING_UTF8, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_summary(NULL, 0, NULL, 0, JX_ENCODING_UTF8, NULL), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_score(NULL, NULL, NULL, 0, NULL, JX_ENCODING_UTF8, &sc), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_scorecard_json(NULL, 0, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_scorecard_explain(NULL, 0, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_scorecard_text(NULL, 0, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_scorecard_diagnostics(NULL, &rep), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_scorecard_json_all(NULL, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_scorecard_get(NULL, 0, "/total", &out), JX_RESULT_NULL_PARAMETER);
        {
            size_t len = 3;
            CHECK_RESULT(jx_scorecard_len(NULL, 0, "/indicators", &len), JX_RESULT_NULL_PARAMETER);
            CHECK(len == 3);
        }
        CHECK(rep == (jx_report *)SENTINEL_BYTES && sc == (jx_scorecard *)SENTINEL_BYTES &&
              out == SENTINEL_BYTES);
        CHECK(jx_scorecard_count(NULL) == 0 && jx_scorecard_total(NULL, 0) == NULL);
        CHECK(jx_scorecard_grade(NULL, 0) == NULL && jx_scorecard_complete(NULL, 0) == 0);
        CHECK(jx_scorecard_project(NULL, 0) == NULL && jx_scorecard_max(NULL, 0) == NULL);
        CHECK(jx_scorecard_open(NULL, 0) == NULL);
        jx_scorecard_free(NULL);
    }
    /* Frees of NULL do nothing. */
    jx_document_free(NULL);
    jx_bytes_free(NULL);
    jx_report_free(NULL);
    CHECK(1);

    /* Message functions with NULLs. */
    CHECK_RESULT(jx_result_message(JX_RESULT_OK, buf, sizeof buf, NULL), JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_result_message(JX_RESULT_OK, NULL, 10, &n), JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_result_message(JX_RESULT_OK, buf, 0, &n), JX_RESULT_BUFFER_TOO_SMALL);
    CHECK(n == 0);
    /* A NULL out_n does not replace the last error. */
    CHECK_RESULT(jx_document_read(NULL, 1, NULL, &doc), JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_last_error_message(buf, sizeof buf, NULL), JX_RESULT_NULL_PARAMETER);
    CHECK(jx_last_error_result() == JX_RESULT_NULL_PARAMETER);
    CHECK_OK(jx_last_error_message(buf, sizeof buf, &n));
    CHECK(strstr(buf, "bytes") != NULL);
}

static void test_bad_arguments(void) {
    const unsigned char *json = (const unsigned char *)"{\"schema\": \"jixiao/1\", \"declarations\": []}";
    size_t len = strlen((const char *)json);
    jx_read_options opts = {0};
    jx_document *doc = NULL;
    jx_bytes *out = SENTINEL_BYTES;
    char buf[256];
    size_t n;

    opts.format = 99;
    CHECK_RESULT(read_any(json, len, &opts), JX_RESULT_INVALID_ARGUMENT);
    opts.format = JX_FORMAT_MD; /* writing only */
    CHECK_RESULT(read_any(json, len, &opts), JX_RESULT_INVALID_ARGUMENT);
    opts.format = JX_FORMAT_AUTO;
    opts.encoding = 77;
    CHECK_RESULT(read_any(json, len, &opts), JX_RESULT_INVALID_ARGUMENT);
    opts.encoding = JX_ENCODING_AUTO;
    opts.file_name = "\xff\xfe.txt";
    CHECK_RESULT(read_any(json, len, &opts), JX_RESULT_INVALID_ARGUMENT);
    CHECK_OK(jx_last_error_message(buf, sizeof buf, &n));
    CHECK(strstr(buf, "file_name") != NULL);
    opts.file_name = NULL;

    CHECK_OK(jx_document_read(json, len, &opts, &doc));
    CHECK(jx_document_declaration_count(doc) == 0);
    CHECK_RESULT(jx_document_write(doc, JX_FORMAT_AUTO, JX_ENCODING_UTF8, &out),
                 JX_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(jx_document_write(doc, 42, JX_ENCODING_UTF8, &out), JX_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(jx_document_write(doc, JX_FORMAT_JSON, 9, &out), JX_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(jx_document_write(doc, JX_FORMAT_JSON, JX_ENCODING_UTF8, NULL),
                 JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_document_diagnostics_json(doc, 9, &out), JX_RESULT_INVALID_ARGUMENT);
    CHECK_RESULT(jx_document_to_json(doc, NULL), JX_RESULT_NULL_PARAMETER);
    CHECK(out == SENTINEL_BYTES);
    {
        size_t len = 77;
        CHECK_RESULT(jx_document_get(doc, NULL, JX_ENCODING_UTF8, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_document_get(doc, "/schema", JX_ENCODING_UTF8, NULL), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_document_get(doc, "/schema", 3, &out), JX_RESULT_INVALID_ARGUMENT);
        CHECK_RESULT(jx_document_get(doc, "/\xff", JX_ENCODING_UTF8, &out), JX_RESULT_INVALID_ARGUMENT);
        CHECK_RESULT(jx_document_get(doc, "/declarations/0", JX_ENCODING_UTF8, &out), JX_RESULT_NOT_FOUND);
        CHECK_RESULT(jx_document_get(doc, "/title", JX_ENCODING_UTF8, &out), JX_RESULT_NO_VALUE);
        CHECK_RESULT(jx_document_len(doc, NULL, &len), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_document_len(doc, "/declarations", NULL), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_document_len(doc, "/title", &len), JX_RESULT_NO_VALUE);
        CHECK_OK(jx_document_len(doc, "/declarations", &len));
        CHECK(len == 0 && out == SENTINEL_BYTES);
    }
    CHECK_OK(jx_document_diagnostics_json(doc, JX_ENCODING_GB18030, &out));
    CHECK(out != SENTINEL_BYTES && jx_bytes_len(out) >= 2 && jx_bytes_data(out)[0] == '[');
    jx_bytes_free(out);
    {
        jx_report *rep = (jx_report *)SENTINEL_BYTES;
        CHECK_RESULT(jx_document_diagnostics(doc, 5, &rep), JX_RESULT_INVALID_ARGUMENT);
        CHECK(rep == (jx_report *)SENTINEL_BYTES);
        CHECK_RESULT(jx_document_diagnostics(doc, JX_ENCODING_UTF8, NULL), JX_RESULT_NULL_PARAMETER);
        CHECK_OK(jx_document_diagnostics(doc, JX_ENCODING_UTF8, &rep));
        CHECK(jx_report_count(rep) == 0);
        /* Index past the end: NULL / 0, never a crash. */
        CHECK(jx_report_code(rep, 0) == NULL && jx_report_message(rep, (size_t)-1) == NULL);
        CHECK(jx_report_severity(rep, 3) == JX_SEVERITY_NONE && jx_report_line(rep, 1) == 0);
        jx_report_free(rep);
    }
    /* Analyses of an empty document, and with NULL out-parameters. */
    {
        jx_report *rep = NULL;
        jx_scorecard *sc = NULL;
        CHECK_RESULT(jx_review(doc, NULL, JX_ENCODING_UTF8, NULL), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_audit(doc, NULL, JX_ENCODING_UTF8, NULL), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_score(doc, NULL, NULL, 0, NULL, JX_ENCODING_UTF8, NULL), JX_RESULT_NULL_PARAMETER);
        CHECK_OK(jx_review(doc, NULL, JX_ENCODING_GB18030, &rep));
        CHECK(jx_report_count(rep) == 0);
        jx_report_free(rep);
        CHECK_OK(jx_score(doc, NULL, NULL, 0, NULL, JX_ENCODING_UTF8, &sc));
        CHECK(jx_scorecard_count(sc) == 0 && jx_scorecard_total(sc, 0) == NULL);
        jx_scorecard_free(sc);
        sc = (jx_scorecard *)SENTINEL_BYTES;
        CHECK_RESULT(jx_score(doc, NULL, (const uint8_t *)"x", (size_t)-1, NULL, JX_ENCODING_UTF8, &sc),
                     JX_RESULT_INVALID_ARGUMENT);
        CHECK(sc == (jx_scorecard *)SENTINEL_BYTES);
        /* Garbage as actuals: a read error, never a crash. */
        sc = (jx_scorecard *)SENTINEL_BYTES;
        CHECK(jx_score(doc, NULL, (const uint8_t *)"\x00\x01\x02", 3, NULL, JX_ENCODING_UTF8, &sc) != JX_RESULT_OK);
        CHECK(sc == (jx_scorecard *)SENTINEL_BYTES);
    }
    jx_document_free(doc);
}

static void test_bad_bytes(void) {
    jx_read_options opts = {0};
    char buf[512];
    size_t n;
    /* Invalid UTF-8 when UTF-8 is asked for: bad_encoding naming file and line 3. */
    const unsigned char bad_utf8[] = "财政项目支出绩效目标申报表\n项目名称\tx\n\xff\xfe\xfd\n";
    opts.encoding = JX_ENCODING_UTF8;
    opts.file_name = "bad.txt";
    CHECK_RESULT(read_any(bad_utf8, sizeof bad_utf8 - 1, &opts), JX_RESULT_BAD_ENCODING);
    CHECK(jx_last_error_line() == 3);
    CHECK_OK(jx_last_error_message(buf, sizeof buf, &n));
    CHECK(strncmp(buf, "bad.txt:3", 9) == 0);
    /* The same detail in GB18030, and truncated between characters. */
    {
        char gb[512];
        size_t gn = 0, need = 0;
        opts.file_name = "坏.txt"; /* 坏 is BB B5 in GB18030 */
        CHECK_RESULT(read_any(bad_utf8, sizeof bad_utf8 - 1, &opts), JX_RESULT_BAD_ENCODING);
        CHECK_OK(jx_last_error_message_in(JX_ENCODING_GB18030, gb, sizeof gb, &gn));
        CHECK(gn > 6 && (unsigned char)gb[0] == 0xBB && (unsigned char)gb[1] == 0xB5 &&
              strncmp(gb + 2, ".txt:3", 6) == 0);
        CHECK_OK(jx_last_error_message_in(JX_ENCODING_GB18030, NULL, 0, &need));
        CHECK(need == gn);
        CHECK_RESULT(jx_last_error_message_in(JX_ENCODING_GB18030, gb, 2, &gn),
                     JX_RESULT_BUFFER_TOO_SMALL);
        CHECK(gn == 0 && gb[0] == '\0'); /* 坏 needs 2 bytes + NUL */
        CHECK_RESULT(jx_last_error_message_in(JX_ENCODING_GB18030, gb, 3, &gn),
                     JX_RESULT_BUFFER_TOO_SMALL);
        CHECK(gn == 2);
        CHECK_RESULT(jx_last_error_message_in(99, gb, sizeof gb, &gn), JX_RESULT_INVALID_ARGUMENT);
        CHECK(jx_last_error_result() == JX_RESULT_BAD_ENCODING);
        opts.file_name = "bad.txt";
    }

    /* Binary data. */
    {
        const unsigned char bin[] = {'a', 'b', '\n', 0, 1, 2, 3, 0xff, 0};
        CHECK_RESULT(read_any(bin, sizeof bin, NULL), JX_RESULT_BINARY_INPUT);
    }
    /* A zip signature with junk after it: not a workbook. */
    {
        const unsigned char zip[] = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        CHECK_RESULT(read_any(zip, sizeof zip, NULL), JX_RESULT_BAD_WORKBOOK);
    }
    /* A legacy .xls / encrypted workbook signature. */
    {
        const unsigned char ole[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
        CHECK_RESULT(read_any(ole, sizeof ole, NULL), JX_RESULT_BAD_WORKBOOK);
    }
    /* Broken JSON names a line. */
    {
        const unsigned char broken[] = "{\n  \"schema\": \"jixiao/1\",\n  \"declarations\": [\n";
        CHECK_RESULT(read_any(broken, sizeof broken - 1, NULL), JX_RESULT_BAD_JSON);
        CHECK(jx_last_error_line() >= 3);
    }
    /* Random bytes: never a crash, never a panic. */
    {
        unsigned long state = 12345;
        unsigned char data[512];
        int round;
        for (round = 0; round < 300; round++) {
            size_t len = (size_t)(round * 7 % 512), i;
            for (i = 0; i < len; i++) {
                state = state * 1103515245UL + 12345UL;
                data[i] = (unsigned char)(state >> 16);
            }
            read_any(data, len, NULL);
        }
    }
}

/* Every prefix length of the seed and of a JSON document (in steps): OK or a known error. */
static void test_truncated(void) {
    const char *paths[] = {SEED, SMALL};
    size_t p;
    for (p = 0; p < 2; p++) {
        size_t len = 0, cut, step;
        unsigned char *data = jt_read_file(paths[p], &len);
        CHECK(data != NULL);
        if (data == NULL) {
            continue;
        }
        step = len / 97 + 1;
        for (cut = 0; cut < len; cut += step) {
            read_any(data, cut, NULL);
        }
        /* Cut inside a multi-byte character: bytes 0..len-1 of "…表" etc. */
        read_any(data, len > 2 ? len - 2 : 0, NULL);
        free(data);
    }
}

/* Legal reuse: one input read twice, one options struct reused, one document written
 * twice, buffers outliving their document, a document read from its own JSON. */
static void test_legal_reuse(void) {
    size_t len = 0;
    unsigned char *data = jt_read_file(SMALL, &len);
    jx_read_options opts = {0};
    jx_document *a = NULL, *b = NULL;
    jx_bytes *ja = NULL, *jb = NULL, *ja2 = NULL;
    CHECK(data != NULL);
    if (data == NULL) {
        return;
    }
    opts.file_name = SMALL;
    CHECK_OK(jx_document_read(data, len, &opts, &a));
    CHECK_OK(jx_document_read(data, len, &opts, &b));
    free(data); /* the documents keep no pointer into the input */
    CHECK_OK(jx_document_to_json(a, &ja));
    CHECK_OK(jx_document_to_json(a, &ja2));
    CHECK_OK(jx_document_to_json(b, &jb));
    jx_document_free(a); /* buffers outlive the document */
    jx_document_free(b);
    CHECK(jt_same_bytes(ja, ja2));
    CHECK(jt_same_bytes(ja, jb));
    /* A successful call does not clear the last error (errno semantics). */
    {
        jx_document *d = SENTINEL_DOC;
        CHECK_RESULT(jx_document_read(NULL, 1, NULL, &d), JX_RESULT_NULL_PARAMETER);
        CHECK_OK(jx_document_read(jx_bytes_data(ja), jx_bytes_len(ja), NULL, &d));
        CHECK(jx_last_error_result() == JX_RESULT_NULL_PARAMETER);
        if (d != SENTINEL_DOC) {
            jx_document_free(d);
        }
    }
    /* Results outlive the document they came from: free the document first. */
    {
        jx_document *d = NULL;
        jx_report *rep = NULL;
        jx_scorecard *sc = NULL;
        jx_bytes *rj = NULL;
        CHECK_OK(jx_document_read(jx_bytes_data(ja), jx_bytes_len(ja), NULL, &d));
        CHECK_OK(jx_review(d, NULL, JX_ENCODING_UTF8, &rep));
        CHECK_OK(jx_score(d, NULL, NULL, 0, NULL, JX_ENCODING_UTF8, &sc));
        jx_document_free(d);
        CHECK(jx_report_count(rep) > 0 && jx_report_message(rep, 0) != NULL);
        CHECK_OK(jx_report_json(rep, &rj));
        CHECK(jx_scorecard_count(sc) == 2 && jx_scorecard_total(sc, 0) != NULL);
        /* The same report read twice gives the same pointers (valid until freed). */
        CHECK(jx_report_message(rep, 0) == jx_report_message(rep, 0));
        jx_bytes_free(rj);
        jx_report_free(rep);
        jx_scorecard_free(sc);
    }
    jx_bytes_free(ja);
    jx_bytes_free(ja2);
    jx_bytes_free(jb);
}

int main(void) {
    test_null_and_empty();
    test_bad_arguments();
    test_bad_bytes();
    test_truncated();
    test_legal_reuse();
    return jt_finish("test_hostile");
}
