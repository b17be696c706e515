/* The broken-input table (tests/broken/cases.json, flattened into tests/broken/cases.tsv
 * for C; docs/robustness.md) through the public header: every case gets exactly the
 * jx_result named by its error code and the line jx_last_error_line reports, or reads
 * with the reader diagnostic and the values the table says. Review findings are checked
 * by the Rust test only. Uses only jixiao.h and harness.h. Run from the repository root. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jixiao.h"

#define TABLE "tests/broken/cases.tsv"
#define MAX_FIELDS 32

/* ---- generated inputs ---------------------------------------------------------- */

/* A form title line, then one line of 10,000,000 bytes. */
static unsigned char *long_line(size_t *len) {
    const char *head = "\xe8\xb4\xa2\xe6\x94\xbf\xe9\xa1\xb9\xe7\x9b\xae\xe6\x94\xaf\xe5\x87\xba"
                       "\xe7\xbb\xa9\xe6\x95\x88\xe7\x9b\xae\xe6\xa0\x87\xe7\x94\xb3\xe6\x8a\xa5"
                       "\xe8\xa1\xa8\n\xe9\xa1\xb9\xe7\x9b\xae\xe5\x90\x8d\xe7\xa7\xb0\t";
    size_t h = strlen(head), n = 10000000;
    unsigned char *data = (unsigned char *)malloc(h + n + 1);
    if (data == NULL) {
        *len = 0;
        return NULL;
    }
    memcpy(data, head, h);
    memset(data + h, 'a', n);
    data[h + n] = '\n';
    *len = h + n + 1;
    return data;
}

/* DEFLATE bits, least significant first. */
typedef struct {
    unsigned char *out;
    size_t n;
    uint64_t acc;
    unsigned bits;
} bitbuf;

static void put_bits(bitbuf *b, uint32_t value, unsigned bits) {
    b->acc |= (uint64_t)value << b->bits;
    b->bits += bits;
    while (b->bits >= 8) {
        b->out[b->n++] = (unsigned char)(b->acc & 0xFF);
        b->acc >>= 8;
        b->bits -= 8;
    }
}

/* A Huffman code, most significant bit first. */
static void put_code(bitbuf *b, uint32_t code, unsigned bits) {
    uint32_t reversed = 0;
    unsigned i;
    for (i = 0; i < bits; i++) {
        reversed |= ((code >> i) & 1u) << (bits - 1 - i);
    }
    put_bits(b, reversed, bits);
}

static void le16(unsigned char **p, uint32_t v) {
    (*p)[0] = (unsigned char)(v & 0xFF);
    (*p)[1] = (unsigned char)((v >> 8) & 0xFF);
    *p += 2;
}

static void le32(unsigned char **p, uint32_t v) {
    le16(p, v & 0xFFFF);
    le16(p, v >> 16);
}

/* The same zip bomb as core/tests/broken_inputs.rs: a sheet entry whose deflate stream
 * (one literal 0, then `repeats` length-258 distance-1 matches) inflates to
 * 1 + 258 * repeats zero bytes, its true size declared, CRC left 0. */
static unsigned char *zip_bomb(uint32_t repeats, size_t *len) {
    static const char name[] = "xl/worksheets/sheet1.xml";
    const uint32_t name_len = (uint32_t)(sizeof name - 1);
    size_t cap = (size_t)repeats * 13 / 8 + 64;
    bitbuf b = {NULL, 0, 0, 0};
    uint32_t size = 1 + 258 * repeats, compressed, cd_offset, cd_size, i;
    unsigned char *zip, *p;
    b.out = (unsigned char *)malloc(cap);
    if (b.out == NULL) {
        *len = 0;
        return NULL;
    }
    put_bits(&b, 1, 1);
    put_bits(&b, 1, 2);
    put_code(&b, 0x30, 8);
    for (i = 0; i < repeats; i++) {
        put_code(&b, 0xC5, 8);
        put_code(&b, 0, 5);
    }
    put_code(&b, 0, 7);
    if (b.bits > 0) {
        b.out[b.n++] = (unsigned char)(b.acc & 0xFF);
    }
    compressed = (uint32_t)b.n;
    zip = (unsigned char *)malloc(b.n + 256);
    if (zip == NULL) {
        free(b.out);
        *len = 0;
        return NULL;
    }
    p = zip;
    le32(&p, 0x04034b50);
    le16(&p, 20);
    le16(&p, 0);
    le16(&p, 8);
    le16(&p, 0);
    le16(&p, 0x21);
    le32(&p, 0);
    le32(&p, compressed);
    le32(&p, size);
    le16(&p, name_len);
    le16(&p, 0);
    memcpy(p, name, name_len);
    p += name_len;
    memcpy(p, b.out, b.n);
    p += b.n;
    free(b.out);
    cd_offset = (uint32_t)(p - zip);
    le32(&p, 0x02014b50);
    le16(&p, 20);
    le16(&p, 20);
    le16(&p, 0);
    le16(&p, 8);
    le16(&p, 0);
    le16(&p, 0x21);
    le32(&p, 0);
    le32(&p, compressed);
    le32(&p, size);
    le16(&p, name_len);
    memset(p, 0, 12);
    p += 12;
    le32(&p, 0);
    memcpy(p, name, name_len);
    p += name_len;
    cd_size = (uint32_t)(p - zip) - cd_offset;
    le32(&p, 0x06054b50);
    le32(&p, 0);
    le16(&p, 1);
    le16(&p, 1);
    le32(&p, cd_size);
    le32(&p, cd_offset);
    le16(&p, 0);
    *len = (size_t)(p - zip);
    return zip;
}

/* ---- the table --------------------------------------------------------------- */

static jx_format format_of(const char *s) {
    if (strcmp(s, "json") == 0) return JX_FORMAT_JSON;
    if (strcmp(s, "form") == 0) return JX_FORMAT_FORM;
    if (strcmp(s, "csv") == 0) return JX_FORMAT_CSV;
    if (strcmp(s, "tsv") == 0) return JX_FORMAT_TSV;
    if (strcmp(s, "xlsx") == 0) return JX_FORMAT_XLSX;
    return JX_FORMAT_AUTO;
}

static jx_encoding encoding_of(const char *s) {
    if (strcmp(s, "utf-8") == 0) return JX_ENCODING_UTF8;
    if (strcmp(s, "gb18030") == 0) return JX_ENCODING_GB18030;
    return JX_ENCODING_AUTO;
}

/* Splits `line` at TABs in place; returns the number of fields. */
static int split(char *line, char **fields) {
    int n = 0;
    char *p = line;
    fields[n++] = p;
    while (*p != '\0' && n < MAX_FIELDS) {
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
        p++;
    }
    return n;
}

static void run_case(char **f, int n, const char *dir) {
    const char *name = f[0], *input = f[1];
    char path[1024];
    size_t len = 0;
    unsigned char *data;
    jx_read_options opts = {0};
    jx_document *doc = NULL;
    jx_result r;
    int i, ok = 1;

    (void)dir;
    if (strcmp(input, "@long_line") == 0) {
        data = long_line(&len);
    } else if (strcmp(input, "@zip_bomb") == 0) {
        data = zip_bomb(1200000, &len);
    } else {
        snprintf(path, sizeof path, "tests/broken/%s", input);
        data = jt_read_file(path, &len);
        if (data == NULL && len == 0) {
            /* An empty file reads as NULL/0 too: only a missing file is a failure. */
            FILE *probe = fopen(path, "rb");
            CHECK(probe != NULL);
            if (probe != NULL) fclose(probe);
        }
    }
    opts.format = format_of(f[2]);
    opts.encoding = encoding_of(f[3]);
    opts.file_name = input;
    r = jx_document_read(data, len, &opts, &doc);
    if (f[4][0] != '\0') {
        /* An error, with its line (0: none). */
        unsigned expected_line = f[5][0] ? (unsigned)strtoul(f[5], NULL, 10) : 0u;
        if (r == JX_RESULT_OK || strcmp(jx_result_name(r), f[4]) != 0 ||
            jx_last_error_line() != expected_line) {
            char buf[512];
            size_t m = 0;
            jx_last_error_message(buf, sizeof buf, &m);
            fprintf(stderr, "%s: got %s line %u, expected %s line %u (%s)\n", name,
                    jx_result_name(r), jx_last_error_line(), f[4], expected_line, buf);
            ok = 0;
        }
        if (r == JX_RESULT_OK) jx_document_free(doc);
        CHECK(ok);
        free(data);
        return;
    }
    if (r != JX_RESULT_OK) {
        fprintf(stderr, "%s: read failed with %s\n", name, jx_result_name(r));
        CHECK(0);
        free(data);
        return;
    }
    if (jx_document_declaration_count(doc) != (size_t)strtoul(f[6], NULL, 10)) {
        fprintf(stderr, "%s: %zu declarations, expected %s\n", name,
                jx_document_declaration_count(doc), f[6]);
        ok = 0;
    }
    if (f[7][0] != '\0') {
        jx_report *report = NULL;
        int found = 0;
        size_t k;
        CHECK_OK(jx_document_diagnostics(doc, JX_ENCODING_UTF8, &report));
        for (k = 0; k < jx_report_count(report); k++) {
            const char *code = jx_report_code(report, k);
            if (code != NULL && strcmp(code, f[7]) == 0 &&
                jx_report_line(report, k) == (uint32_t)strtoul(f[8], NULL, 10)) {
                found = 1;
            }
        }
        if (!found) {
            fprintf(stderr, "%s: no diagnostic %s at line %s\n", name, f[7], f[8]);
            ok = 0;
        }
        jx_report_free(report);
    }
    for (i = 9; i + 1 < n; i += 2) {
        jx_bytes *out = NULL;
        r = jx_document_get(doc, f[i], JX_ENCODING_UTF8, &out);
        if (strcmp(f[i + 1], "\\N") == 0) {
            if (r != JX_RESULT_NO_VALUE) {
                fprintf(stderr, "%s: %s is not null (%s)\n", name, f[i], jx_result_name(r));
                ok = 0;
            }
        } else if (r != JX_RESULT_OK ||
                   !jt_bytes_equal(out, (const unsigned char *)f[i + 1], strlen(f[i + 1]))) {
            fprintf(stderr, "%s: %s is %s, expected %s\n", name, f[i],
                    r == JX_RESULT_OK ? (const char *)jx_bytes_data(out) : jx_result_name(r),
                    f[i + 1]);
            ok = 0;
        }
        jx_bytes_free(out);
    }
    CHECK(ok);
    jx_document_free(doc);
    free(data);
}

int main(int argc, char **argv) {
    size_t len = 0;
    unsigned char *table = jt_read_file(TABLE, &len);
    char *text, *line, *next;
    int cases = 0;
    const char *dir = argc > 1 ? argv[1] : ".";

    (void)jt_same_bytes; /* a harness helper this program does not need */
    CHECK(table != NULL);
    if (table == NULL) return jt_finish("test_broken");
    text = (char *)malloc(len + 1);
    CHECK(text != NULL);
    if (text == NULL) {
        free(table);
        return jt_finish("test_broken");
    }
    memcpy(text, table, len);
    text[len] = '\0';
    free(table);
    for (line = text; line != NULL && *line != '\0'; line = next) {
        char *fields[MAX_FIELDS];
        int n;
        next = strchr(line, '\n');
        if (next != NULL) *next++ = '\0';
        if (line[0] == '#' || line[0] == '\0') continue;
        n = split(line, fields);
        CHECK(n >= 9);
        if (n < 9) continue;
        run_case(fields, n, dir);
        cases++;
    }
    CHECK(cases >= 30);
    free(text);
    return jt_finish("test_broken");
}
