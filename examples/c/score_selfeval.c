/* Score a self-evaluation (绩效自评表), or a declaration plus an actuals file, and print
 * the scorecard a finance system would store.
 *
 * Build (after `make install PREFIX=$HOME/.local`):
 *   cc examples/c/score_selfeval.c $(pkg-config --cflags --libs jixiao) -o score_selfeval
 * Run from the repository root:
 *   LD_LIBRARY_PATH=$HOME/.local/lib ./score_selfeval                      (the bundled Putuo 自评表)
 *   LD_LIBRARY_PATH=$HOME/.local/lib ./score_selfeval FILE [ACTUALS [PROFILE]]
 *
 * With no arguments it does the two bundled jobs and checks them against the golden files
 * the Rust and Python tests hold to as well:
 *   1. the Putuo 自评表 (tests/data/selfeval-putuo-sports-2022.txt) under the default profile
 *      (mof-2020): table and explanation; JSON byte for byte tests/golden/putuo-scorecard.json;
 *   2. the seed 申报表 plus tests/data/seed-actuals.csv: one line per project; all scorecards
 *      as one JSON array, byte for byte tests/golden/seed-scorecards.json.
 * Exit status 0 when everything worked (and matched). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jixiao.h>

static unsigned char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    unsigned char *data;
    long size;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        if (f != NULL) {
            fclose(f);
        }
        return NULL;
    }
    data = (unsigned char *)malloc((size_t)size + 1);
    if (data != NULL && fread(data, 1, (size_t)size, f) != (size_t)size) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return data;
}

static int failed(const char *what, jx_result r) {
    char detail[1024];
    size_t n = 0;
    jx_last_error_message(detail, sizeof detail, &n);
    fprintf(stderr, "%s failed: %s\n  %s\n", what, jx_result_name(r), detail);
    return 1;
}

/* Whether `bytes` holds exactly the file at `path`. */
static int same_as_file(const jx_bytes *bytes, const char *path) {
    size_t len = 0;
    unsigned char *golden = slurp(path, &len);
    int same = golden != NULL && len == jx_bytes_len(bytes) &&
               memcmp(golden, jx_bytes_data(bytes), len) == 0;
    free(golden);
    printf("%s %s byte for byte\n", same ? "scorecard JSON matches" : "scorecard JSON DIFFERS from",
           path);
    return same;
}

/* Scores one file (with an optional actuals file); prints the table and explanation of each
 * scorecard when `verbose`, else one line each; compares with the golden files given. */
static int score_file(const char *path, const char *actuals_path, const char *profile,
                      const char *golden_first, const char *golden_all, int verbose) {
    jx_read_options options = {0}, actuals_options = {0};
    jx_document *doc = NULL;
    jx_scorecard *sc = NULL;
    unsigned char *data, *actuals = NULL;
    size_t len = 0, actuals_len = 0, i;
    jx_result r;
    int status = 0;

    data = slurp(path, &len);
    if (data == NULL) {
        fprintf(stderr, "cannot read %s (run from the repository root)\n", path);
        return 1;
    }
    options.file_name = path;
    r = jx_document_read(data, len, &options, &doc);
    free(data);
    if (r != JX_RESULT_OK) {
        return failed("jx_document_read", r);
    }
    if (actuals_path != NULL) {
        actuals = slurp(actuals_path, &actuals_len);
        if (actuals == NULL) {
            fprintf(stderr, "cannot read %s\n", actuals_path);
            jx_document_free(doc);
            return 1;
        }
        actuals_options.file_name = actuals_path;
    }
    /* Strings come back in UTF-8 here; JX_ENCODING_GB18030 gives GBK-compatible text. */
    r = jx_score(doc, profile, actuals, actuals_len, &actuals_options, JX_ENCODING_UTF8, &sc);
    free(actuals);
    jx_document_free(doc); /* the scorecard does not need the document any more */
    if (r != JX_RESULT_OK) {
        return failed("jx_score", r);
    }
    for (i = 0; i < jx_scorecard_count(sc); i++) {
        jx_bytes *table = NULL, *explain = NULL, *json = NULL;
        const char *grade = jx_scorecard_grade(sc, i);
        if ((r = jx_scorecard_text(sc, i, &table)) != JX_RESULT_OK ||
            (r = jx_scorecard_explain(sc, i, &explain)) != JX_RESULT_OK ||
            (r = jx_scorecard_json(sc, i, &json)) != JX_RESULT_OK) {
            status = failed("jx_scorecard_*", r);
        } else {
            if (verbose) {
                printf("%s\n%s\n", (const char *)jx_bytes_data(table),
                       (const char *)jx_bytes_data(explain));
            }
            /* Decimals are exact strings: store them as they are, never as double. */
            printf("%s: 总分 %s / %s, %s, 等级 %s\n", jx_scorecard_project(sc, i),
                   jx_scorecard_total(sc, i), jx_scorecard_max(sc, i),
                   jx_scorecard_complete(sc, i) ? "complete" : "incomplete",
                   grade != NULL ? grade : "(none: incomplete)");
            if (golden_first != NULL && i == 0 && !same_as_file(json, golden_first)) {
                status = 1;
            }
        }
        jx_bytes_free(table);
        jx_bytes_free(explain);
        jx_bytes_free(json);
    }
    if (golden_all != NULL) {
        jx_bytes *all = NULL;
        r = jx_scorecard_json_all(sc, &all);
        if (r != JX_RESULT_OK) {
            status = failed("jx_scorecard_json_all", r);
        } else if (!same_as_file(all, golden_all)) {
            status = 1;
        }
        jx_bytes_free(all);
    }
    jx_scorecard_free(sc);
    return status;
}

int main(int argc, char **argv) {
    if (argc > 1) {
        return score_file(argv[1], argc > 2 ? argv[2] : NULL, argc > 3 ? argv[3] : NULL, NULL,
                          NULL, 1);
    }
    return score_file("tests/data/selfeval-putuo-sports-2022.txt", NULL, NULL,
                      "tests/golden/putuo-scorecard.json", NULL, 1) |
           score_file("tests/data/shanghai-eeb-enforcement-2024.txt", "tests/data/seed-actuals.csv",
                      NULL, NULL, "tests/golden/seed-scorecards.json", 0);
}
