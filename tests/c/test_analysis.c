/* Review, summary, scoring (with and without an actuals file) and audit through the C
 * API: the seed's review (no errors, the vague-target warnings), GB18030 messages checked
 * against the UTF-8 ones with iconv(3), the roll-up figures, the Putuo scorecard
 * byte for byte against tests/golden/putuo-scorecard.json, the seed plus actuals, and the
 * Putuo audit. Uses only jixiao.h (and iconv from libc). Run from the repository root:
 *   test_analysis WORKDIR   (WORKDIR holds seed-gb18030-crlf.txt, made by run.sh) */
#define _POSIX_C_SOURCE 200809L
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jixiao.h"

#define SEED "tests/data/shanghai-eeb-enforcement-2024.txt"
#define PUTUO "tests/data/selfeval-putuo-sports-2022.txt"
#define PUTUO_GOLDEN "tests/golden/putuo-scorecard.json"
#define SEED_ACTUALS_PARTIAL "tests/c/data/seed-actuals-partial.csv"
#define SEED_ACTUALS "tests/data/seed-actuals.csv"
#define SEED_GOLDEN "tests/golden/seed-scorecards.json"
#define HUANGGANG "tests/real/selfeval/huanggang_shuitubaochi_2020.form.txt"

/* GB18030 → UTF-8 with iconv; returns a malloc'd NUL-terminated string or NULL. */
static char *gb_to_utf8(const char *gb) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    size_t in_left = strlen(gb), out_left = in_left * 2 + 16;
    char *out = (char *)malloc(out_left + 1), *in = (char *)gb, *o = out;
    if (cd == (iconv_t)-1 || out == NULL) {
        free(out);
        return NULL;
    }
    if (iconv(cd, &in, &in_left, &o, &out_left) == (size_t)-1) {
        free(out);
        out = NULL;
    } else {
        *o = '\0';
    }
    iconv_close(cd);
    return out;
}

static int is_ascii(const char *s) {
    for (; *s; s++) {
        if ((unsigned char)*s >= 0x80) {
            return 0;
        }
    }
    return 1;
}

static void test_review(const char *workdir) {
    jx_document *doc = jt_read_document(SEED), *gb_doc;
    jx_report *rep = NULL, *gb_rep = NULL, *sh = NULL;
    jx_bytes *json = NULL, *text = NULL;
    size_t i, n, vague = 0, satisfied_text = 0;
    char gb_path[1024];
    if (doc == NULL) {
        return;
    }
    CHECK_OK(jx_review(doc, NULL, JX_ENCODING_UTF8, &rep));
    n = jx_report_count(rep);
    CHECK(n > 0);
    CHECK(jx_report_count_severity(rep, JX_SEVERITY_ERROR) == 0);
    CHECK(jx_report_count_severity(rep, JX_SEVERITY_WARNING) > 0);
    CHECK(jx_report_count_severity(rep, JX_SEVERITY_INFO) + jx_report_count_severity(rep, JX_SEVERITY_WARNING) == n);
    for (i = 0; i < n; i++) {
        const char *code = jx_report_code(rep, i), *msg = jx_report_message(rep, i);
        const char *ind = jx_report_indicator(rep, i);
        CHECK(code != NULL && msg != NULL && jx_report_message_en(rep, i) != NULL);
        CHECK(jx_report_severity(rep, i) >= JX_SEVERITY_INFO && jx_report_severity(rep, i) <= JX_SEVERITY_ERROR);
        CHECK(jx_report_project(rep, i) != NULL);
        /* The English message is another text (it may quote the Chinese value). */
        CHECK(msg != NULL && jx_report_message_en(rep, i) != NULL &&
              strcmp(msg, jx_report_message_en(rep, i)) != 0 && jx_report_message_en(rep, i)[0] != '\0' &&
              is_ascii(jx_report_code(rep, i)));
        if (ind != NULL) {
            /* A finding about an indicator names its line and file in the seed. */
            CHECK(jx_report_line(rep, i) > 0);
            CHECK(jx_report_file(rep, i) != NULL && strcmp(jx_report_file(rep, i), SEED) == 0);
        }
        if (msg != NULL && (strstr(msg, "提高") || strstr(msg, "降低") || strstr(msg, "促进作用"))) {
            vague++;
        }
        if (ind != NULL && strstr(ind, "热线受理人员满意度") != NULL && strstr(msg, "满意") != NULL) {
            satisfied_text++;
        }
    }
    CHECK(vague >= 3);
    CHECK(satisfied_text == 1);
    CHECK(jx_report_code(rep, n) == NULL);
    CHECK_OK(jx_report_json(rep, &json));
    CHECK(json != NULL && strncmp((const char *)jx_bytes_data(json), "{\n  \"findings\": [", 17) == 0);
    CHECK(json != NULL && strstr((const char *)jx_bytes_data(json), "\"errors\": 0") != NULL);
    CHECK_OK(jx_review_text(doc, NULL, JX_ENCODING_UTF8, &text));
    CHECK(text != NULL && strstr((const char *)jx_bytes_data(text), "环保热线运行") != NULL);

    /* The GB18030 + CRLF copy, reviewed with messages in GB18030: the same findings, and
     * every GB18030 string is the UTF-8 one re-encoded. */
    sprintf(gb_path, "%.900s/seed-gb18030-crlf.txt", workdir);
    gb_doc = jt_read_document(gb_path);
    if (gb_doc != NULL) {
        CHECK(strcmp(jx_document_encoding(gb_doc), "GB18030") == 0);
        CHECK_OK(jx_review(gb_doc, NULL, JX_ENCODING_GB18030, &gb_rep));
        CHECK(jx_report_count(gb_rep) == n);
        for (i = 0; i < n && i < jx_report_count(gb_rep); i++) {
            char *msg = gb_to_utf8(jx_report_message(gb_rep, i));
            char *project = gb_to_utf8(jx_report_project(gb_rep, i));
            CHECK(msg != NULL && strcmp(msg, jx_report_message(rep, i)) == 0);
            CHECK(project != NULL && strcmp(project, jx_report_project(rep, i)) == 0);
            CHECK(strcmp(jx_report_code(gb_rep, i), jx_report_code(rep, i)) == 0);
            CHECK(jx_report_line(gb_rep, i) == jx_report_line(rep, i));
            /* The GB18030 bytes differ from the UTF-8 ones whenever there is Chinese. */
            CHECK(strcmp(jx_report_message(gb_rep, i), jx_report_message(rep, i)) != 0);
            free(msg);
            free(project);
        }
    }

    /* shanghai-2025 requires a 成本指标: the seed has none. */
    CHECK_OK(jx_review(doc, "shanghai-2025", JX_ENCODING_UTF8, &sh));
    CHECK(jx_report_count(sh) > n);
    /* Unknown profiles and bad policy JSON. */
    {
        jx_report *r = (jx_report *)(uintptr_t)0x1;
        CHECK_RESULT(jx_review(doc, "no-such-profile", JX_ENCODING_UTF8, &r), JX_RESULT_UNKNOWN_PROFILE);
        CHECK_RESULT(jx_review(doc, "{\"framework\": 12", JX_ENCODING_UTF8, &r), JX_RESULT_UNKNOWN_PROFILE);
        CHECK_RESULT(jx_review(doc, NULL, 17, &r), JX_RESULT_INVALID_ARGUMENT);
        CHECK(r == (jx_report *)(uintptr_t)0x1);
        /* A policy as JSON: disabling the vague-target rule removes its findings. */
        CHECK_OK(jx_review(doc, "{\"disabled\": [\"T007\"]}", JX_ENCODING_UTF8, &r));
        CHECK(jx_report_count(r) < n);
        jx_report_free(r);
    }
    jx_report_free(rep);
    jx_report_free(gb_rep);
    jx_report_free(sh);
    jx_bytes_free(json);
    jx_bytes_free(text);
    jx_document_free(doc);
    jx_document_free(gb_doc);
}

static void test_summary(void) {
    jx_document *seed = jt_read_document(SEED), *putuo = jt_read_document(PUTUO);
    const jx_document *docs[2];
    jx_bytes *json = NULL, *both = NULL, *text = NULL, *none = NULL;
    if (seed == NULL || putuo == NULL) {
        jx_document_free(seed);
        jx_document_free(putuo);
        return;
    }
    docs[0] = seed;
    docs[1] = putuo;
    CHECK_OK(jx_summary(docs, 1, NULL, 0, JX_ENCODING_UTF8, &json));
    CHECK(json != NULL && strstr((const char *)jx_bytes_data(json), "\"annual\": \"19555000.00\"") != NULL);
    CHECK(json != NULL && strstr((const char *)jx_bytes_data(json), "\"indicators\": 29") != NULL);
    CHECK(json != NULL && strstr((const char *)jx_bytes_data(json), "\"projects\": 5") != NULL);
    CHECK_OK(jx_summary(docs, 2, NULL, 0, JX_ENCODING_UTF8, &both));
    CHECK(both != NULL && strstr((const char *)jx_bytes_data(both), "\"documents\": 2") != NULL);
    CHECK(both != NULL && strstr((const char *)jx_bytes_data(both), "\"projects\": 6") != NULL);
    CHECK_OK(jx_summary(docs, 1, NULL, 1, JX_ENCODING_GB18030, &text));
    CHECK(text != NULL && jx_bytes_len(text) > 0 && jx_bytes_data(text)[0] != '{');
    CHECK_OK(jx_summary(NULL, 0, NULL, 0, JX_ENCODING_UTF8, &none));
    CHECK(none != NULL && strstr((const char *)jx_bytes_data(none), "\"documents\": 0") != NULL);
    {
        const jx_document *with_null[2];
        jx_bytes *out = (jx_bytes *)(uintptr_t)0x1;
        with_null[0] = seed;
        with_null[1] = NULL;
        CHECK_RESULT(jx_summary(with_null, 2, NULL, 0, JX_ENCODING_UTF8, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_summary(NULL, 3, NULL, 0, JX_ENCODING_UTF8, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_summary(docs, 1, "nope", 0, JX_ENCODING_UTF8, &out), JX_RESULT_UNKNOWN_PROFILE);
        CHECK(out == (jx_bytes *)(uintptr_t)0x1);
    }
    jx_bytes_free(json);
    jx_bytes_free(both);
    jx_bytes_free(text);
    jx_bytes_free(none);
    jx_document_free(seed);
    jx_document_free(putuo);
}

static void test_score_putuo(void) {
    jx_document *doc = jt_read_document(PUTUO);
    jx_scorecard *sc = NULL;
    jx_bytes *json = NULL, *explain = NULL, *table = NULL, *gb = NULL;
    jx_report *diag = NULL, *audit = NULL;
    size_t golden_len = 0;
    unsigned char *golden = jt_read_file(PUTUO_GOLDEN, &golden_len);
    if (doc == NULL) {
        free(golden);
        return;
    }
    CHECK_OK(jx_score(doc, NULL, NULL, 0, NULL, JX_ENCODING_UTF8, &sc));
    CHECK(jx_scorecard_count(sc) == 1);
    CHECK(jx_scorecard_total(sc, 0) != NULL && strcmp(jx_scorecard_total(sc, 0), "98.62") == 0);
    CHECK(jx_scorecard_grade(sc, 0) != NULL && strcmp(jx_scorecard_grade(sc, 0), "优") == 0);
    CHECK(jx_scorecard_complete(sc, 0) == 1);
    CHECK(strcmp(jx_scorecard_max(sc, 0), "100.00") == 0);
    CHECK(strcmp(jx_scorecard_project(sc, 0), "普陀体育中心与委托运营方结算费用") == 0);
    CHECK_OK(jx_scorecard_json(sc, 0, &json));
    CHECK(golden != NULL);
    if (golden != NULL && json != NULL) {
        CHECK(jt_bytes_equal(json, golden, golden_len));
    }
    CHECK_OK(jx_scorecard_explain(sc, 0, &explain));
    CHECK(explain != NULL && strstr((const char *)jx_bytes_data(explain), "215457.6 / 250000 = 86.183%") != NULL);
    CHECK(explain != NULL && strstr((const char *)jx_bytes_data(explain),
                                    "总分 = 8.62 + 10.00 + 20.00 + 20.00 + 30.00 + 10.00 = 98.62") != NULL);
    CHECK_OK(jx_scorecard_text(sc, 0, &table));
    CHECK(table != NULL && strstr((const char *)jx_bytes_data(table), "98.62") != NULL);
    CHECK_OK(jx_scorecard_diagnostics(sc, &diag));
    CHECK(jx_report_count(diag) == 0);
    /* Per-indicator figures by JSON pointer: exact decimal strings. */
    {
        size_t n = 0, k;
        jx_bytes *v = NULL;
        CHECK_OK(jx_scorecard_len(sc, 0, "/indicators", &n));
        CHECK(n == 5);
        for (k = 0; k < n; k++) {
            char ptr[64];
            sprintf(ptr, "/indicators/%lu/status", (unsigned long)k);
            CHECK_OK(jx_scorecard_get(sc, 0, ptr, &v));
            CHECK(v != NULL && strcmp((const char *)jx_bytes_data(v), "met") == 0);
            jx_bytes_free(v);
            v = NULL;
        }
        CHECK_OK(jx_scorecard_get(sc, 0, "/budget/score", &v));
        CHECK(v != NULL && strcmp((const char *)jx_bytes_data(v), "8.62") == 0);
        jx_bytes_free(v);
        v = NULL;
        CHECK_OK(jx_scorecard_get(sc, 0, "/levels/产出指标/score", &v));
        CHECK(v != NULL && strcmp((const char *)jx_bytes_data(v), "50.00") == 0);
        jx_bytes_free(v);
        v = NULL;
        CHECK_OK(jx_scorecard_get(sc, 0, "/complete", &v));
        CHECK(v != NULL && strcmp((const char *)jx_bytes_data(v), "true") == 0);
        jx_bytes_free(v);
        v = (jx_bytes *)(uintptr_t)0x1;
        CHECK_RESULT(jx_scorecard_get(sc, 0, "/budget/reason", &v), JX_RESULT_NO_VALUE);
        CHECK_RESULT(jx_scorecard_get(sc, 0, "/nope", &v), JX_RESULT_NOT_FOUND);
        CHECK_RESULT(jx_scorecard_get(sc, 1, "/total", &v), JX_RESULT_INVALID_ARGUMENT);
        CHECK_RESULT(jx_scorecard_get(sc, 0, "total", &v), JX_RESULT_INVALID_ARGUMENT);
        CHECK_RESULT(jx_scorecard_get(sc, 0, NULL, &v), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_scorecard_len(sc, 0, "/total", &n), JX_RESULT_INVALID_ARGUMENT);
        CHECK(v == (jx_bytes *)(uintptr_t)0x1 && n == 5);
    }
    /* Index past the end. */
    CHECK(jx_scorecard_total(sc, 1) == NULL && jx_scorecard_grade(sc, 1) == NULL);
    CHECK(jx_scorecard_complete(sc, 1) == 0 && jx_scorecard_project(sc, 9) == NULL);
    {
        jx_bytes *out = (jx_bytes *)(uintptr_t)0x1;
        CHECK_RESULT(jx_scorecard_json(sc, 1, &out), JX_RESULT_INVALID_ARGUMENT);
        CHECK(out == (jx_bytes *)(uintptr_t)0x1);
    }
    /* Scoring in GB18030: the grade is 优 in GB18030 (D3 C5). */
    {
        jx_scorecard *gsc = NULL;
        CHECK_OK(jx_score(doc, "mof-2020", NULL, 0, NULL, JX_ENCODING_GB18030, &gsc));
        CHECK(jx_scorecard_grade(gsc, 0) != NULL && strcmp(jx_scorecard_grade(gsc, 0), "\xD3\xC5") == 0);
        CHECK_OK(jx_scorecard_json(gsc, 0, &gb));
        CHECK(gb != NULL && json != NULL && jx_bytes_len(gb) < jx_bytes_len(json));
        jx_scorecard_free(gsc);
    }
    /* Other profiles score differently; unknown ones fail. */
    {
        jx_scorecard *b20 = NULL, *bad = (jx_scorecard *)(uintptr_t)0x1;
        CHECK_OK(jx_score(doc, "budget-20", NULL, 0, NULL, JX_ENCODING_UTF8, &b20));
        jx_bytes *b20_json = NULL;
        /* The form gives its own points (分值), which win over the profile's: same total. */
        CHECK(jx_scorecard_total(b20, 0) != NULL && strcmp(jx_scorecard_total(b20, 0), "98.62") == 0);
        CHECK_OK(jx_scorecard_json(b20, 0, &b20_json));
        CHECK(b20_json != NULL && strstr((const char *)jx_bytes_data(b20_json), "\"profile\": \"budget-20\"") != NULL);
        jx_bytes_free(b20_json);
        CHECK_RESULT(jx_score(doc, "nope", NULL, 0, NULL, JX_ENCODING_UTF8, &bad), JX_RESULT_UNKNOWN_PROFILE);
        CHECK_RESULT(jx_score(doc, NULL, NULL, 5, NULL, JX_ENCODING_UTF8, &bad), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_score(doc, NULL, NULL, 0, NULL, 8, &bad), JX_RESULT_INVALID_ARGUMENT);
        CHECK(bad == (jx_scorecard *)(uintptr_t)0x1);
        jx_scorecard_free(b20);
    }
    /* The published figures re-check clean (自评复核). */
    CHECK_OK(jx_audit(doc, NULL, JX_ENCODING_UTF8, &audit));
    CHECK(jx_report_count(audit) == 0);
    {
        jx_bytes *audit_json = NULL, *audit_text = NULL;
        CHECK_OK(jx_report_json(audit, &audit_json));
        CHECK(audit_json != NULL && strstr((const char *)jx_bytes_data(audit_json), "\"findings\": []") != NULL);
        CHECK_OK(jx_audit_text(doc, NULL, JX_ENCODING_UTF8, &audit_text));
        CHECK(audit_text != NULL && strstr((const char *)jx_bytes_data(audit_text), "普陀体育中心") != NULL);
        jx_bytes_free(audit_json);
        jx_bytes_free(audit_text);
    }
    jx_scorecard_free(sc);
    jx_report_free(diag);
    jx_report_free(audit);
    jx_bytes_free(json);
    jx_bytes_free(explain);
    jx_bytes_free(table);
    jx_bytes_free(gb);
    jx_document_free(doc);
    free(golden);
}

/* The seed is a declaration: scored with a separate actuals file for 环保热线运行. By hand
 * (mof-2020): budget 2597000 / 2650000 = 98% → 9.80; 产出 50 / 7 = 7.14 each, six met
 * (42.84) and 95% of =100% → 95/100 × 7.14 = 6.78; 效益 30 and 满意度 10 met: 99.42, 优. */
static void test_score_with_actuals(void) {
    jx_document *doc = jt_read_document(SEED);
    size_t len = 0, i;
    unsigned char *actuals = jt_read_file(SEED_ACTUALS_PARTIAL, &len);
    jx_scorecard *sc = NULL;
    jx_report *diag = NULL;
    jx_read_options aopts = {0};
    CHECK(actuals != NULL);
    if (doc == NULL || actuals == NULL) {
        jx_document_free(doc);
        free(actuals);
        return;
    }
    aopts.file_name = SEED_ACTUALS_PARTIAL;
    CHECK_OK(jx_score(doc, NULL, actuals, len, &aopts, JX_ENCODING_UTF8, &sc));
    CHECK(jx_scorecard_count(sc) == 5);
    CHECK(strcmp(jx_scorecard_project(sc, 0), "环保热线运行") == 0);
    CHECK(strcmp(jx_scorecard_total(sc, 0), "99.42") == 0);
    CHECK(jx_scorecard_complete(sc, 0) == 1);
    CHECK(strcmp(jx_scorecard_open(sc, 0), "0.00") == 0);
    CHECK(jx_scorecard_grade(sc, 0) != NULL && strcmp(jx_scorecard_grade(sc, 0), "优") == 0);
    /* The other projects have no actuals: incomplete, no grade, never a silent 0 grade; all
     * their points are open. */
    for (i = 1; i < 5; i++) {
        CHECK(jx_scorecard_complete(sc, i) == 0);
        CHECK(jx_scorecard_grade(sc, i) == NULL);
        CHECK(strcmp(jx_scorecard_open(sc, i), jx_scorecard_max(sc, i)) == 0);
        CHECK(strcmp(jx_scorecard_total(sc, i), "0.00") == 0);
    }
    CHECK_OK(jx_scorecard_diagnostics(sc, &diag));
    CHECK(jx_report_count(diag) == 4);
    CHECK(jx_report_project(diag, 0) != NULL && strcmp(jx_report_project(diag, 0), "生态环境综合执法相关配套工作") == 0);
    jx_report_free(diag);
    jx_scorecard_free(sc);

    /* The same actuals in GB18030 read the same. */
    {
        iconv_t cd = iconv_open("GB18030", "UTF-8");
        size_t in_left = len, out_left = len * 2;
        char *gb = (char *)malloc(out_left), *in = (char *)actuals, *o = gb;
        jx_scorecard *gsc = NULL;
        CHECK(cd != (iconv_t)-1 && iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1);
        CHECK_OK(jx_score(doc, NULL, (const uint8_t *)gb, (size_t)(o - gb), NULL, JX_ENCODING_UTF8, &gsc));
        CHECK(jx_scorecard_total(gsc, 0) != NULL && strcmp(jx_scorecard_total(gsc, 0), "99.42") == 0);
        jx_scorecard_free(gsc);
        free(gb);
        iconv_close(cd);
    }
    /* An actuals row naming an indicator the project lacks: an error naming file and row. */
    {
        const char *bad_rows = "项目名称,三级指标,实际完成值\n环保热线运行,服务费保障聘用人员数量,17人\n环保热线运行,不存在的指标,1\n";
        jx_scorecard *bad = (jx_scorecard *)(uintptr_t)0x1;
        char buf[512];
        size_t n = 0;
        aopts.file_name = "bad-actuals.csv";
        CHECK_RESULT(jx_score(doc, NULL, (const uint8_t *)bad_rows, strlen(bad_rows), &aopts,
                              JX_ENCODING_UTF8, &bad),
                     JX_RESULT_UNKNOWN_INDICATOR);
        CHECK(bad == (jx_scorecard *)(uintptr_t)0x1);
        CHECK(jx_last_error_line() == 3);
        CHECK_OK(jx_last_error_message(buf, sizeof buf, &n));
        CHECK(strstr(buf, "bad-actuals.csv:3") != NULL && strstr(buf, "不存在的指标") != NULL);
        CHECK_RESULT(jx_score(doc, NULL, (const uint8_t *)"", 0, NULL, JX_ENCODING_UTF8, &bad),
                     JX_RESULT_EMPTY_INPUT);
        CHECK(bad == (jx_scorecard *)(uintptr_t)0x1);
    }
    free(actuals);
    jx_document_free(doc);
}

/* The seed plus the shared actuals file (tests/data/seed-actuals.csv, every indicator):
 * all five scorecards as one JSON array, byte for byte the golden the Rust and Python
 * tests hold to. */
static void test_score_seed_golden(void) {
    jx_document *doc = jt_read_document(SEED);
    size_t len = 0, golden_len = 0, i;
    unsigned char *actuals = jt_read_file(SEED_ACTUALS, &len);
    unsigned char *golden = jt_read_file(SEED_GOLDEN, &golden_len);
    jx_read_options aopts = {0};
    jx_scorecard *sc = NULL;
    jx_report *diag = NULL;
    jx_bytes *all = NULL, *one = NULL;
    CHECK(actuals != NULL && golden != NULL);
    if (doc == NULL || actuals == NULL || golden == NULL) {
        jx_document_free(doc);
        free(actuals);
        free(golden);
        return;
    }
    aopts.file_name = "seed-actuals.csv";
    CHECK_OK(jx_score(doc, NULL, actuals, len, &aopts, JX_ENCODING_UTF8, &sc));
    CHECK(jx_scorecard_count(sc) == 5);
    CHECK_OK(jx_scorecard_diagnostics(sc, &diag));
    CHECK(jx_report_count(diag) == 0);
    CHECK_OK(jx_scorecard_json_all(sc, &all));
    CHECK(jt_bytes_equal(all, golden, golden_len));
    /* The accessors agree with each card's JSON: a grade exactly when complete. */
    for (i = 0; i < 5; i++) {
        jx_bytes *card = NULL;
        int complete = jx_scorecard_complete(sc, i) == 1;
        CHECK_OK(jx_scorecard_json(sc, i, &card));
        CHECK(complete == (jx_scorecard_grade(sc, i) != NULL));
        CHECK(card != NULL && strstr((const char *)jx_bytes_data(card),
                                     complete ? "\"complete\": true" : "\"complete\": false") != NULL);
        jx_bytes_free(card);
    }
    /* As in the golden: 办案经费 is incomplete (no grade); 生态环境执法工作能力建设 is 差. */
    CHECK(jx_scorecard_complete(sc, 2) == 0 && jx_scorecard_grade(sc, 2) == NULL);
    CHECK(jx_scorecard_grade(sc, 3) != NULL && strcmp(jx_scorecard_grade(sc, 3), "差") == 0);
    CHECK(jx_scorecard_grade(sc, 0) != NULL && strcmp(jx_scorecard_grade(sc, 0), "优") == 0);
    /* One card's JSON is the same object as in the array (indented two more there). */
    CHECK_OK(jx_scorecard_json(sc, 0, &one));
    CHECK(one != NULL && strstr((const char *)jx_bytes_data(one), "\"project\": \"环保热线运行\"") != NULL);
    {
        jx_bytes *out = (jx_bytes *)(uintptr_t)0x1;
        CHECK_RESULT(jx_scorecard_json_all(NULL, &out), JX_RESULT_NULL_PARAMETER);
        CHECK_RESULT(jx_scorecard_json_all(sc, NULL), JX_RESULT_NULL_PARAMETER);
        CHECK(out == (jx_bytes *)(uintptr_t)0x1);
    }
    jx_bytes_free(all);
    jx_bytes_free(one);
    jx_report_free(diag);
    jx_scorecard_free(sc);
    jx_document_free(doc);
    free(actuals);
    free(golden);
}

/* Whether `bytes` is byte for byte the file at `path`. */
static int same_as_golden(const jx_bytes *bytes, const char *path) {
    size_t len = 0;
    unsigned char *golden = jt_read_file(path, &len);
    int same = golden != NULL && jt_bytes_equal(bytes, golden, len);
    if (!same) {
        fprintf(stderr, "differs from %s\n", path);
    }
    free(golden);
    return same;
}

/* The review and summary goldens the Rust and Python tests use, byte for byte (the seed
 * read under its bare file name, as those tests name it). */
static void test_review_and_summary_goldens(void) {
    size_t len = 0;
    unsigned char *data = jt_read_file(SEED, &len);
    jx_read_options opts = {0};
    jx_document *doc = NULL;
    jx_report *rep = NULL, *sh = NULL;
    jx_bytes *json = NULL, *sh_json = NULL, *summary = NULL, *scored = NULL;
    const jx_document *docs[1];
    CHECK(data != NULL);
    opts.file_name = "shanghai-eeb-enforcement-2024.txt";
    CHECK_OK(jx_document_read(data, len, &opts, &doc));
    free(data);
    if (doc == NULL) {
        return;
    }
    CHECK_OK(jx_review(doc, NULL, JX_ENCODING_UTF8, &rep));
    CHECK_OK(jx_report_json(rep, &json));
    CHECK(same_as_golden(json, "tests/golden/seed-review.json"));
    CHECK_OK(jx_review(doc, "shanghai-2025", JX_ENCODING_UTF8, &sh));
    CHECK_OK(jx_report_json(sh, &sh_json));
    CHECK(same_as_golden(sh_json, "tests/golden/seed-review-shanghai-2025.json"));
    docs[0] = doc;
    CHECK_OK(jx_summary(docs, 1, NULL, 0, JX_ENCODING_UTF8, &summary));
    CHECK(same_as_golden(summary, "tests/golden/seed-summary.json"));
    /* The seed has no self-evaluation: scoring adds only the profile's name. */
    CHECK_OK(jx_summary_scored(docs, 1, NULL, NULL, 0, JX_ENCODING_UTF8, &scored));
    CHECK(summary != NULL && strstr((const char *)jx_bytes_data(summary), "score_profile") == NULL);
    CHECK(scored != NULL && strstr((const char *)jx_bytes_data(scored), "\"score_profile\": \"auto\"") != NULL);
    CHECK(scored != NULL && summary != NULL &&
          jx_bytes_len(scored) == jx_bytes_len(summary) + strlen(",\n  \"score_profile\": \"auto\""));
    {
        jx_bytes *out = (jx_bytes *)(uintptr_t)0x1;
        CHECK_RESULT(jx_summary_scored(docs, 1, NULL, "nope", 0, JX_ENCODING_UTF8, &out),
                     JX_RESULT_UNKNOWN_PROFILE);
        CHECK_RESULT(jx_summary_scored(docs, 1, NULL, NULL, 0, JX_ENCODING_UTF8, NULL),
                     JX_RESULT_NULL_PARAMETER);
        CHECK(out == (jx_bytes *)(uintptr_t)0x1);
    }
    jx_bytes_free(json);
    jx_bytes_free(sh_json);
    jx_bytes_free(summary);
    jx_bytes_free(scored);
    jx_report_free(rep);
    jx_report_free(sh);
    jx_document_free(doc);
}

/* A scored roll-up of the Putuo self-evaluation: its score figures appear. */
static void test_summary_scored(void) {
    jx_document *putuo = jt_read_document(PUTUO);
    const jx_document *docs[1];
    jx_bytes *plain = NULL, *scored = NULL;
    if (putuo == NULL) {
        return;
    }
    docs[0] = putuo;
    CHECK_OK(jx_summary(docs, 1, NULL, 0, JX_ENCODING_UTF8, &plain));
    CHECK_OK(jx_summary_scored(docs, 1, NULL, "mof-2020", 0, JX_ENCODING_UTF8, &scored));
    CHECK(scored != NULL && !jt_same_bytes(plain, scored));
    CHECK(scored != NULL && strstr((const char *)jx_bytes_data(scored), "98.62") != NULL);
    jx_bytes_free(plain);
    jx_bytes_free(scored);
    jx_document_free(putuo);
}

/* No profile named (NULL): `auto` scores a form with a 20-point budget under budget-20. */
static void test_score_auto_profile(void) {
    jx_document *doc = jt_read_document(HUANGGANG);
    jx_scorecard *sc = NULL;
    jx_bytes *json = NULL;
    if (doc == NULL) {
        return;
    }
    CHECK_OK(jx_score(doc, NULL, NULL, 0, NULL, JX_ENCODING_UTF8, &sc));
    /* Two point groups of 40 (年度绩效目标1 / 2): 20 + 3 × 13.33 + 2 × 20. */
    CHECK(jx_scorecard_total(sc, 0) != NULL && strcmp(jx_scorecard_total(sc, 0), "99.99") == 0);
    {
        jx_bytes *v = NULL;
        CHECK_OK(jx_scorecard_get(sc, 0, "/indicators/0/max", &v));
        CHECK(v != NULL && strcmp((const char *)jx_bytes_data(v), "13.33") == 0);
        jx_bytes_free(v);
        v = NULL;
        CHECK_OK(jx_scorecard_get(sc, 0, "/indicators/4/max", &v));
        CHECK(v != NULL && strcmp((const char *)jx_bytes_data(v), "20.00") == 0);
        jx_bytes_free(v);
    }
    CHECK_OK(jx_scorecard_json(sc, 0, &json));
    CHECK(json != NULL && strstr((const char *)jx_bytes_data(json), "\"profile\": \"budget-20\"") != NULL);
    jx_bytes_free(json);
    jx_scorecard_free(sc);
    jx_document_free(doc);
}

/* Office files as LibreOffice saves them read like their text copies: the self-evaluation
   scores 98.62 / 优 from each, the seed keeps its 5 projects and 29 indicators. */
static void test_office_files(void) {
    static const struct {
        const char *path;
        jx_format format;
    } selfevals[] = {
        {"tests/data/office/selfeval-putuo-sports-2022.xlsx", JX_FORMAT_XLSX},
        {"tests/data/office/selfeval-putuo-sports-2022.xls", JX_FORMAT_XLS},
        {"tests/data/office/selfeval-putuo-sports-2022.docx", JX_FORMAT_DOCX},
        {"tests/data/office/selfeval-putuo-sports-2022.pdf", JX_FORMAT_PDF},
    };
    static const struct {
        const char *path;
        jx_format format;
    } seeds[] = {
        {"tests/data/office/shanghai-eeb-enforcement-2024.xlsx", JX_FORMAT_XLSX},
        {"tests/data/office/shanghai-eeb-enforcement-2024.xls", JX_FORMAT_XLS},
        {"tests/data/office/shanghai-eeb-enforcement-2024.docx", JX_FORMAT_DOCX},
        {"tests/data/office/shanghai-eeb-enforcement-2024.pdf", JX_FORMAT_PDF},
    };
    size_t i;
    for (i = 0; i < sizeof selfevals / sizeof selfevals[0]; i++) {
        jx_document *doc = jt_read_document(selfevals[i].path);
        jx_scorecard *sc = NULL;
        if (doc == NULL) {
            continue;
        }
        CHECK(jx_document_format(doc) == selfevals[i].format);
        CHECK_OK(jx_score(doc, NULL, NULL, 0, NULL, JX_ENCODING_UTF8, &sc));
        CHECK(jx_scorecard_total(sc, 0) != NULL && strcmp(jx_scorecard_total(sc, 0), "98.62") == 0);
        CHECK(jx_scorecard_grade(sc, 0) != NULL && strcmp(jx_scorecard_grade(sc, 0), "优") == 0);
        jx_scorecard_free(sc);
        jx_document_free(doc);
    }
    for (i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        jx_document *doc = jt_read_document(seeds[i].path);
        if (doc == NULL) {
            continue;
        }
        CHECK(jx_document_format(doc) == seeds[i].format);
        CHECK(jx_document_declaration_count(doc) == 5);
        CHECK(jx_document_indicator_count(doc) == 29);
        jx_document_free(doc);
    }
}

/* A bureau's checklist by name: a real finance-system workbook reviewed under
 * shenzhen-2023 gets the checklist's K rules, the 元-under-万元 cross-check and the
 * comments for the units in the checklist's wording. */
static void test_checklist_profile(void) {
    jx_document *doc = jt_read_document("tests/real/songgang/songgang_2023_sbb_00.xlsx");
    jx_report *rep = NULL;
    jx_bytes *text = NULL;
    size_t i, k_rules = 0, unit_mistakes = 0, empty_tables = 0;
    if (doc == NULL) {
        return;
    }
    CHECK_OK(jx_review(doc, "shenzhen-2023", JX_ENCODING_UTF8, &rep));
    for (i = 0; i < jx_report_count(rep); i++) {
        const char *code = jx_report_code(rep, i);
        k_rules += code[0] == 'K';
        unit_mistakes += strcmp(code, "X001") == 0;
        empty_tables += strcmp(code, "S009") == 0;
    }
    CHECK(k_rules > 0);
    /* three sheets hold only the empty skeleton: one finding each */
    CHECK(empty_tables == 3);
    CHECK(unit_mistakes > 0);
    CHECK_OK(jx_review_comments(doc, "shenzhen-2023", JX_ENCODING_UTF8, &text));
    {
        char *s = jt_text_of(text);
        CHECK(s != NULL);
        if (s != NULL) {
            CHECK(strstr(s, "项目编码：440306231391500000191\n") != NULL);
            CHECK(strstr(s, "一、完整性\n1. 【绩效目标表未填写】") != NULL);
            CHECK(strstr(s, "疑似以元填入万元栏") != NULL);
            /* the checklist's standard comment follows the specific message */
            CHECK(strstr(s, "政策依据表述过于简单，请描述项目的立项依据") != NULL);
            free(s);
        }
    }
    CHECK_RESULT(jx_review_comments(doc, "no-such-checklist", JX_ENCODING_UTF8, &text),
                 JX_RESULT_UNKNOWN_PROFILE);
    CHECK_RESULT(jx_review_comments(NULL, "shenzhen-2023", JX_ENCODING_UTF8, &text),
                 JX_RESULT_NULL_PARAMETER);
    jx_bytes_free(text);
    jx_report_free(rep);
    jx_document_free(doc);
}

int main(int argc, char **argv) {
    const char *workdir = argc > 1 ? argv[1] : ".";
    test_review(workdir);
    test_summary();
    test_score_putuo();
    test_score_auto_profile();
    test_office_files();
    test_checklist_profile();
    test_score_with_actuals();
    test_score_seed_golden();
    test_review_and_summary_goldens();
    test_summary_scored();
    return jt_finish("test_analysis");
}
