/* Threads: one document shared by several threads that only read it; the last error is
 * per thread. Uses only jixiao.h (and POSIX threads). Run from the repository root. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jixiao.h"

#define SMALL "tests/c/data/two-projects.json"
#define THREADS 4
#define ROUNDS 25

static const jx_document *shared_doc;
static const jx_bytes *expected_json;

typedef struct {
    int id;
    int mismatches;
    int errors_seen_wrong;
} worker_state;

static void *worker(void *arg) {
    worker_state *st = (worker_state *)arg;
    int i;
    char name[32];
    sprintf(name, "thread-%d.txt", st->id);
    for (i = 0; i < ROUNDS; i++) {
        jx_bytes *json = NULL, *gb = NULL;
        jx_document *bad = NULL;
        jx_read_options opts = {0};
        char buf[256];
        size_t n = 0;
        /* Reading a shared document from several threads at once. */
        if (jx_document_to_json(shared_doc, &json) != JX_RESULT_OK || !jt_same_bytes(json, expected_json)) {
            st->mismatches++;
        }
        if (jx_document_write(shared_doc, JX_FORMAT_JSON, JX_ENCODING_GB18030, &gb) != JX_RESULT_OK) {
            st->mismatches++;
        }
        /* A failure on this thread names this thread's file, whatever the others do. */
        opts.file_name = name;
        opts.encoding = JX_ENCODING_UTF8;
        if (jx_document_read((const uint8_t *)"x\n\xff", 3, &opts, &bad) != JX_RESULT_BAD_ENCODING ||
            jx_last_error_message(buf, sizeof buf, &n) != JX_RESULT_OK ||
            strncmp(buf, name, strlen(name)) != 0 || jx_last_error_line() != 2) {
            st->errors_seen_wrong++;
        }
        jx_bytes_free(json);
        jx_bytes_free(gb);
    }
    return NULL;
}

int main(void) {
    size_t len = 0;
    unsigned char *data = jt_read_file(SMALL, &len);
    jx_document *doc = NULL;
    jx_bytes *json = NULL;
    pthread_t threads[THREADS];
    worker_state states[THREADS];
    int i;
    char buf[64];
    size_t n = 0;

    CHECK(data != NULL);
    CHECK_OK(jx_document_read(data, len, NULL, &doc));
    free(data);
    CHECK_OK(jx_document_to_json(doc, &json));
    if (doc == NULL || json == NULL) {
        return jt_finish("test_threads");
    }
    shared_doc = doc;
    expected_json = json;
    /* The main thread's last error stays its own. */
    CHECK_RESULT(jx_document_read(NULL, 1, NULL, &doc), JX_RESULT_NULL_PARAMETER);
    for (i = 0; i < THREADS; i++) {
        states[i].id = i;
        states[i].mismatches = 0;
        states[i].errors_seen_wrong = 0;
        CHECK(pthread_create(&threads[i], NULL, worker, &states[i]) == 0);
    }
    for (i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(states[i].mismatches == 0);
        CHECK(states[i].errors_seen_wrong == 0);
    }
    CHECK(jx_last_error_result() == JX_RESULT_NULL_PARAMETER);
    CHECK_OK(jx_last_error_message(buf, sizeof buf, &n));
    CHECK(strstr(buf, "bytes") != NULL);
    jx_bytes_free(json);
    jx_document_free(doc);
    return jt_finish("test_threads");
}
