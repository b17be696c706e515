/* The HTML report through the C API: the Putuo self-evaluation's page (98.62, 优, the
 * level chart), the seed's page under shanghai-2025 (each finding code on the page), a
 * roll-up of both, and the error paths (NULL arguments, an unknown profile: nothing
 * written). Uses only jixiao.h. Run from the repository root. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jixiao.h"

#define SEED "tests/data/shanghai-eeb-enforcement-2024.txt"
#define PUTUO "tests/data/selfeval-putuo-sports-2022.txt"

static size_t count(const char *hay, const char *needle) {
    size_t n = 0;
    const char *p = hay;
    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += strlen(needle);
    }
    return n;
}

static void putuo_page(const jx_document *doc) {
    jx_bytes *out = NULL;
    char *html;
    CHECK_OK(jx_document_html(doc, NULL, NULL, &out));
    CHECK(out != NULL);
    if (out == NULL) {
        return;
    }
    html = jt_text_of(out);
    CHECK(html != NULL);
    if (html != NULL) {
        CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0);
        CHECK(strstr(html, "data-figure=\"computed_total\">98.62</td>") != NULL);
        CHECK(strstr(html, "等级 优") != NULL);
        CHECK(strstr(html, "<svg") != NULL);
        CHECK(strstr(html, "<script") == NULL);
        CHECK(strstr(html, "src=") == NULL);
        free(html);
    }
    jx_bytes_free(out);
}

static void seed_page(const jx_document *doc) {
    jx_bytes *out = NULL;
    char *html;
    CHECK_OK(jx_document_html(doc, "shanghai-2025", "auto", &out));
    if (out == NULL) {
        CHECK(out != NULL);
        return;
    }
    html = jt_text_of(out);
    if (html != NULL) {
        /* T007 five times, T006 once, S007 once per project (domain.md §4) */
        CHECK(count(html, "data-code=\"T007\"") == 5);
        CHECK(count(html, "data-code=\"T006\"") == 1);
        CHECK(count(html, "data-code=\"S007\"") == 5);
        CHECK(count(html, "data-kind=\"declaration\"") == 5);
        free(html);
    }
    jx_bytes_free(out);
}

static void rollup(const jx_document *seed, const jx_document *putuo) {
    const jx_document *docs[2];
    jx_bytes *out = NULL;
    char *html;
    docs[0] = seed;
    docs[1] = putuo;
    CHECK_OK(jx_rollup_html(docs, 2, NULL, NULL, &out));
    if (out == NULL) {
        CHECK(out != NULL);
        return;
    }
    html = jt_text_of(out);
    if (html != NULL) {
        CHECK(strstr(html, "data-figure=\"projects\">项目 6</span>") != NULL);
        CHECK(strstr(html, "href=\"#d1p0\"") != NULL);
        CHECK(strstr(html, "id=\"d1p0\"") != NULL);
        CHECK(strstr(html, "19,555,000.00") != NULL);
        free(html);
    }
    jx_bytes_free(out);
    /* no documents: an empty roll-up, still a page */
    out = NULL;
    CHECK_OK(jx_rollup_html(NULL, 0, NULL, NULL, &out));
    CHECK(out != NULL && jx_bytes_len(out) > 0);
    jx_bytes_free(out);
}

static void errors(const jx_document *doc) {
    jx_bytes *out = NULL;
    const jx_document *docs[1];
    CHECK_RESULT(jx_document_html(NULL, NULL, NULL, &out), JX_RESULT_NULL_PARAMETER);
    CHECK(out == NULL);
    CHECK_RESULT(jx_document_html(doc, NULL, NULL, NULL), JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_document_html(doc, "no-such-profile", NULL, &out), JX_RESULT_UNKNOWN_PROFILE);
    CHECK(out == NULL);
    CHECK_RESULT(jx_document_html(doc, NULL, "no-such-profile", &out), JX_RESULT_UNKNOWN_PROFILE);
    CHECK(out == NULL);
    docs[0] = NULL;
    CHECK_RESULT(jx_rollup_html(docs, 1, NULL, NULL, &out), JX_RESULT_NULL_PARAMETER);
    CHECK(out == NULL);
    CHECK_RESULT(jx_rollup_html(NULL, 1, NULL, NULL, &out), JX_RESULT_NULL_PARAMETER);
    CHECK(out == NULL);
}

int main(int argc, char **argv) {
    jx_document *seed, *putuo;
    (void)argc;
    (void)argv;
    seed = jt_read_document(SEED);
    putuo = jt_read_document(PUTUO);
    if (seed != NULL && putuo != NULL) {
        putuo_page(putuo);
        seed_page(seed);
        rollup(seed, putuo);
        errors(seed);
    }
    jx_document_free(seed);
    jx_document_free(putuo);
    return jt_finish("test_html");
}
