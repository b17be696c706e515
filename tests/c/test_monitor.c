/* Mid-year monitoring (运行监控) through the C API: the constructed monitoring table of
 * tests/data/monitor-example-constructed.txt gives the budget green (50.00% at month 7,
 * 85.71 of the expected pace), 有奖举报奖励落实发放率 red with a yellow forecast and the
 * reasons 制度保障 and 其他, and the project red (worked out by hand from domain.md §8);
 * the milestone policy, a month given by the caller, the roll-up, the check against a
 * self-evaluation, and every error code with its out-parameter left untouched. Uses only
 * jixiao.h. Run from the repository root: test_monitor WORKDIR */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jixiao.h"

#define MONITOR "tests/data/monitor-example-constructed.txt"
#define SEED "tests/data/shanghai-eeb-enforcement-2024.txt"
#define PUTUO "tests/data/selfeval-putuo-sports-2022.txt"

static void test_example(void) {
    jx_document *doc = jt_read_document(MONITOR);
    jx_bytes *json = NULL, *text = NULL;
    char *s = NULL;
    const char *prize;
    if (doc == NULL) {
        return;
    }
    CHECK_OK(jx_monitor(doc, 0, NULL, 0, JX_ENCODING_UTF8, &json));
    s = json ? jt_text_of(json) : NULL;
    CHECK(s != NULL);
    if (s != NULL) {
        CHECK(strstr(s, "\"month\": 7") != NULL);
        CHECK(strstr(s, "\"policy\": \"monitor-bands\",\n    \"colour\": \"red\"") != NULL);
        CHECK(strstr(s, "\"rate\": \"50.00\"") != NULL);
        CHECK(strstr(s, "\"expected\": \"58.33\"") != NULL);
        CHECK(strstr(s, "\"progress\": \"85.71\",\n      \"colour\": \"green\"") != NULL);
        CHECK(strstr(s, "v = 50.00 ÷ (7/12) × 100 = 85.71") != NULL);
        prize = strstr(s, "\"name\": \"有奖举报奖励落实发放率\"");
        CHECK(prize != NULL);
        if (prize != NULL) {
            CHECK(strstr(prize, "\"progress\": \"44.44\",\n        \"colour\": \"red\"") != NULL);
            CHECK(strstr(prize, "\"value\": \"85%\",\n          \"colour\": \"yellow\"") != NULL);
            CHECK(strstr(prize, "\"reasons\": [\n          \"制度保障\",\n          \"其他\"\n        ]") !=
                  NULL);
        }
    }
    free(s);
    /* The same as text: one traffic light per row. */
    CHECK_OK(jx_monitor(doc, 0, "monitor-bands", 1, JX_ENCODING_UTF8, &text));
    s = text ? jt_text_of(text) : NULL;
    CHECK(s != NULL && strstr(s, "红 red") != NULL && strstr(s, "绿 green") != NULL);
    free(s);
    jx_bytes_free(json);
    jx_bytes_free(text);
    json = NULL;
    /* Month 6 given by the caller, under the milestone policy: 50% ≥ the 40% milestone. */
    CHECK_OK(jx_monitor(doc, 6, "milestones-local-example", 0, JX_ENCODING_UTF8, &json));
    s = json ? jt_text_of(json) : NULL;
    CHECK(s != NULL && strstr(s, "\"month\": 6") != NULL);
    CHECK(s != NULL && strstr(s, "\"expected\": \"40.00\"") != NULL);
    CHECK(s != NULL && strstr(s, "\"code\": \"month_differs\"") != NULL);
    free(s);
    jx_bytes_free(json);
    jx_document_free(doc);
}

static void test_rollup_and_check(void) {
    jx_document *doc = jt_read_document(MONITOR);
    jx_document *putuo = jt_read_document(PUTUO);
    const jx_document *docs[2];
    jx_bytes *out = NULL;
    char *s = NULL;
    if (doc == NULL || putuo == NULL) {
        jx_document_free(doc);
        jx_document_free(putuo);
        return;
    }
    docs[0] = doc;
    docs[1] = doc;
    CHECK_OK(jx_monitor_rollup(docs, 2, 0, NULL, 0, JX_ENCODING_UTF8, &out));
    s = out ? jt_text_of(out) : NULL;
    /* Twice the same project: 2 red projects, 5300000 元 budget, 2650000 executed, 50.00%. */
    CHECK(s != NULL && strstr(s, "\"projects\": 2") != NULL);
    CHECK(s != NULL && strstr(s, "\"red\": 2") != NULL);
    CHECK(s != NULL && strstr(s, "\"budget\": \"5300000") != NULL);
    CHECK(s != NULL && strstr(s, "\"rate\": \"50.00\"") != NULL);
    free(s);
    jx_bytes_free(out);
    out = NULL;
    /* The Putuo self-evaluation is another project. */
    CHECK_OK(jx_monitor_check(doc, putuo, NULL, JX_ENCODING_UTF8, &out));
    s = out ? jt_text_of(out) : NULL;
    CHECK(s != NULL && strstr(s, "\"code\": \"no_selfevaluation\"") != NULL);
    free(s);
    jx_bytes_free(out);
    jx_document_free(doc);
    jx_document_free(putuo);
}

static void test_errors(void) {
    jx_document *doc = jt_read_document(MONITOR);
    jx_document *seed = jt_read_document(SEED);
    jx_bytes *out = NULL;
    if (doc == NULL || seed == NULL) {
        jx_document_free(doc);
        jx_document_free(seed);
        return;
    }
    CHECK_RESULT(jx_monitor(NULL, 0, NULL, 0, JX_ENCODING_UTF8, &out), JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_monitor(doc, 0, NULL, 0, JX_ENCODING_UTF8, NULL), JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_monitor(doc, 13, NULL, 0, JX_ENCODING_UTF8, &out), JX_RESULT_BAD_MONTH);
    CHECK_RESULT(jx_monitor(doc, 0, "no-such-policy", 0, JX_ENCODING_UTF8, &out),
                 JX_RESULT_UNKNOWN_PROFILE);
    CHECK_RESULT(jx_monitor(doc, 0, "{\"name\": 1}", 0, JX_ENCODING_UTF8, &out),
                 JX_RESULT_UNKNOWN_PROFILE);
    CHECK_RESULT(jx_monitor(seed, 7, NULL, 0, JX_ENCODING_UTF8, &out), JX_RESULT_NO_MONITORING);
    CHECK_RESULT(jx_monitor_check(doc, NULL, NULL, JX_ENCODING_UTF8, &out), JX_RESULT_NULL_PARAMETER);
    CHECK_RESULT(jx_monitor_rollup(NULL, 1, 0, NULL, 0, JX_ENCODING_UTF8, &out),
                 JX_RESULT_NULL_PARAMETER);
    CHECK(out == NULL);
    CHECK(strcmp(jx_result_name(JX_RESULT_MONTH_UNKNOWN), "month_unknown") == 0);
    jx_document_free(doc);
    jx_document_free(seed);
}

int main(int argc, char **argv) {
    (void)argc;
    (void)argv;
    test_example();
    test_rollup_and_check();
    test_errors();
    return jt_finish("test_monitor");
}
