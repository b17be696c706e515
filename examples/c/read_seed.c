/* Read a declaration file with jixiao and print what a finance system needs.
 *
 * Build (after `make install PREFIX=$HOME/.local`):
 *   cc examples/c/read_seed.c $(pkg-config --cflags --libs jixiao) -o read_seed
 * Run from the repository root (no arguments: the bundled seed), or pass a file:
 *   LD_LIBRARY_PATH=$HOME/.local/lib ./read_seed [FILE]
 *
 * It reads the file (form text, CSV/TSV, .xlsx or jixiao JSON; UTF-8 or GB18030),
 * prints the counts and the start of the canonical JSON, makes a GB18030 copy of the
 * list layout in memory (what a legacy system would store), and shows how errors are
 * reported. It writes no files. */
#include <stdio.h>
#include <stdlib.h>

#include <jixiao.h>

/* Reads a whole file into memory; NULL when it cannot. */
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

/* Prints a failed call's code and the detail (file, line, what was expected). */
static void report(const char *what, jx_result r) {
    char detail[1024];
    size_t n = 0;
    jx_last_error_message(detail, sizeof detail, &n);
    fprintf(stderr, "%s failed: %s\n  %s\n", what, jx_result_name(r), detail);
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "tests/data/shanghai-eeb-enforcement-2024.txt";
    jx_read_options options = {0}; /* format and encoding detected */
    jx_document *doc = NULL;
    jx_bytes *json = NULL, *csv = NULL;
    unsigned char *data;
    size_t len = 0;
    jx_result r;
    int status = 1;

    if (jx_version_number() != JIXIAO_VERSION_NUMBER) {
        fprintf(stderr, "header %d.%d.%d does not match library %s\n", JIXIAO_VERSION_MAJOR,
                JIXIAO_VERSION_MINOR, JIXIAO_VERSION_PATCH, jx_version());
        return 1;
    }
    data = slurp(path, &len);
    if (data == NULL) {
        fprintf(stderr, "cannot read %s (run from the repository root)\n", path);
        return 1;
    }
    options.file_name = path; /* named in error messages and diagnostics */
    r = jx_document_read(data, len, &options, &doc);
    free(data); /* the document keeps no pointer into the input */
    if (r != JX_RESULT_OK) {
        report("jx_document_read", r);
        return 1;
    }
    printf("jixiao %s read %s (%s)\n", jx_version(), path, jx_document_encoding(doc));
    printf("  declarations (项目): %lu\n", (unsigned long)jx_document_declaration_count(doc));
    printf("  indicators (三级指标): %lu\n", (unsigned long)jx_document_indicator_count(doc));
    printf("  diagnostics: %lu\n", (unsigned long)jx_document_diagnostic_count(doc));

    r = jx_document_to_json(doc, &json);
    if (r != JX_RESULT_OK) {
        report("jx_document_to_json", r);
        goto done;
    }
    r = jx_document_write(doc, JX_FORMAT_CSV, JX_ENCODING_GB18030, &csv);
    if (r != JX_RESULT_OK) {
        report("jx_document_write", r);
        goto done;
    }
    /* jx_bytes are NUL-terminated: text can be printed directly. */
    printf("  canonical JSON: %lu bytes (UTF-8), starting:\n%.300s...\n",
           (unsigned long)jx_bytes_len(json), (const char *)jx_bytes_data(json));
    printf("  list layout in GB18030: %lu bytes\n", (unsigned long)jx_bytes_len(csv));

    /* How an error looks: reading nothing. */
    {
        jx_document *none = NULL;
        char message[256];
        size_t n = 0;
        r = jx_document_read(NULL, 0, &options, &none);
        jx_result_message(r, message, sizeof message, &n);
        printf("  an empty input gives %s: %s\n", jx_result_name(r), message);
    }
    status = 0;
done:
    jx_bytes_free(json); /* every _free accepts NULL */
    jx_bytes_free(csv);
    jx_document_free(doc);
    return status;
}
