/* Target changes (目标调整, jx_diff) through the C API: the seed against its hand-made
 * next-year copy with last year's self-evaluation, byte for byte against
 * tests/golden/seed-diff.json; the text form; an unchanged document; NULL parameters.
 * Uses only jixiao.h. Run from the repository root: test_diff [WORKDIR] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jixiao.h"

#define SEED "tests/data/shanghai-eeb-enforcement-2024.txt"
#define CHANGED "tests/data/shanghai-eeb-enforcement-2025-changed.txt"
#define PRIOR "tests/data/selfeval-eeb-hotline-2024-constructed.txt"
#define GOLDEN "tests/golden/seed-diff.json"

/* Whether the buffer's text contains `needle`. */
static int contains(const jx_bytes *b, const char *needle) {
    return b != NULL && strstr((const char *)jx_bytes_data(b), needle) != NULL;
}

static void test_golden_json(const jx_document *old, const jx_document *new_,
                             const jx_document *prior) {
    jx_bytes *json = NULL;
    size_t len = 0;
    unsigned char *want = jt_read_file(GOLDEN, &len);
    CHECK(want != NULL);
    CHECK_OK(jx_diff(old, new_, prior, 0, JX_ENCODING_UTF8, &json));
    CHECK(jt_bytes_equal(json, want, len));
    /* The kinds formats.md names, as the copy has them. */
    CHECK(contains(json, "\"kind\": \"relaxed\""));
    CHECK(contains(json, "\"kind\": \"tightened\""));
    CHECK(contains(json, "\"kind\": \"softened\""));
    CHECK(contains(json, "\"kind\": \"renamed\""));
    CHECK(contains(json, "\"kind\": \"unit_changed\""));
    CHECK(contains(json, "\"kind\": \"level_removed\""));
    CHECK(contains(json, "\"kind\": \"below_last_actual\""));
    CHECK(contains(json, "\"kind\": \"funding_vs_output\""));
    jx_bytes_free(json);
    free(want);
}

static void test_text_and_unchanged(const jx_document *old, const jx_document *new_) {
    jx_bytes *text = NULL, *same = NULL, *gb = NULL;
    CHECK_OK(jx_diff(old, new_, NULL, 1, JX_ENCODING_UTF8, &text));
    CHECK(contains(text, "C010  放宽"));
    CHECK(contains(text, "C022  单位改变"));
    CHECK(!contains(text, "C030")); /* no prior self-evaluation given */
    jx_bytes_free(text);
    CHECK_OK(jx_diff(old, old, NULL, 0, JX_ENCODING_UTF8, &same));
    CHECK(same != NULL && !contains(same, "\"code\": \"C"));
    jx_bytes_free(same);
    /* GB18030 output is longer than nothing and has no UTF-8 of 放宽 (E6 94 BE). */
    CHECK_OK(jx_diff(old, new_, NULL, 1, JX_ENCODING_GB18030, &gb));
    CHECK(gb != NULL && jx_bytes_len(gb) > 0 && !contains(gb, "\xE6\x94\xBE\xE5\xAE\xBD"));
    jx_bytes_free(gb);
}

static void test_null_parameters(const jx_document *doc) {
    jx_bytes *out = NULL;
    CHECK_RESULT(jx_diff(NULL, doc, NULL, 0, JX_ENCODING_UTF8, &out), JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_diff(doc, NULL, NULL, 0, JX_ENCODING_UTF8, &out), JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_diff(doc, doc, NULL, 0, JX_ENCODING_UTF8, NULL), JX_RESULT_NULL_PARAMETER);
    CHECK(out == NULL); /* written only on success */
    jx_bytes_free(NULL);
}

int main(int argc, char **argv) {
    jx_document *old = jt_read_document(SEED);
    jx_document *new_ = jt_read_document(CHANGED);
    jx_document *prior = jt_read_document(PRIOR);
    (void)argc;
    (void)argv;
    if (old != NULL && new_ != NULL && prior != NULL) {
        test_golden_json(old, new_, prior);
        test_text_and_unchanged(old, new_);
        test_null_parameters(old);
    }
    jx_document_free(old);
    jx_document_free(new_);
    jx_document_free(prior);
    return jt_finish("test_diff");
}
