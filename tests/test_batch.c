/* bsl_evaluate_lines() and BSL_FORMAT_JSON_COMPACT: good and bad rows with
 * exact error records, blank lines, CRLF, empty input, order, limits per
 * use-case, arguments, the compact form against the indented one, a custom
 * allocator, and out-of-memory at every allocation. */
#include "check.h"
#include "testutil.h"
#include "json.h" /* only to check that every output line is well-formed JSON */

#include <stdarg.h>

#define EXAMPLES SRCDIR "/examples/usecases/"

static bsl_framework *nantes;

static const char *const names[] = {
    "assistant-conversationnel-hors-ue", "classement-courrier", "detection-fuites-eau",
    "instruction-subventions-associations", "modele-langage-metropolitain",
    "prevision-affluence-decheteries", "prevision-remplissage-colonnes", "signalements-voirie",
    "synthese-contributions-concertation", "tarification-solidaire-automatique",
    "traduction-accueil", "videoprotection-tramway-reconnaissance-faciale",
};
enum { N_EXAMPLES = sizeof names / sizeof *names };

/* An example use-case on one line: its newlines become spaces (JSON
 * strings cannot hold raw newlines, so only whitespace changes). */
static char *example_line(size_t i)
{
    char path[512];
    size_t len, k;
    char *data;
    snprintf(path, sizeof path, EXAMPLES "%s.json", names[i]);
    data = read_file(path, &len);
    if (!data) {
        printf("Bail out! cannot read %s\n", path);
        exit(1);
    }
    for (k = 0; k < len; k++)
        if (data[k] == '\n' || data[k] == '\r')
            data[k] = ' ';
    return data;
}

/* A kept, NUL-terminated concatenation of the given strings (NULL ends). */
static char *cat(const char *first, ...)
{
    va_list ap;
    const char *s;
    size_t n = 0;
    char *d;
    va_start(ap, first);
    for (s = first; s; s = va_arg(ap, const char *))
        n += strlen(s);
    va_end(ap);
    d = tu_keep(malloc(n + 1));
    d[0] = '\0';
    va_start(ap, first);
    for (s = first; s; s = va_arg(ap, const char *))
        strcat(d, s);
    va_end(ap);
    return d;
}

/* Run the batch with default options; the output is kept (a copy). */
static char *batch(const char *in, size_t len, bsl_lang lang, size_t *errors, int *rc_out)
{
    char *out = NULL, *copy;
    size_t out_len = 12345;
    bsl_error err;
    int rc = bsl_evaluate_lines(&out, &out_len, nantes, in, len, lang, NULL, errors, &err);
    if (rc_out)
        *rc_out = rc;
    if (rc != BSL_OK) {
        printf("# bsl_evaluate_lines failed: %d %s\n", rc, err.message);
        return NULL;
    }
    if (!CHECK(out && strlen(out) == out_len, "output is NUL-terminated at out_len"))
        return NULL;
    copy = tu_keep(malloc(out_len + 1));
    memcpy(copy, out, out_len + 1);
    bsl_render_free(out);
    return copy;
}

/* The i-th (0-based) line of text without its "\n", kept; NULL if none. */
static char *nth_line(const char *text, size_t i)
{
    const char *p = text, *nl;
    char *d;
    while (i--) {
        nl = strchr(p, '\n');
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    if (!*p)
        return NULL;
    nl = strchr(p, '\n');
    if (!nl)
        nl = p + strlen(p);
    d = tu_keep(malloc((size_t)(nl - p) + 1));
    memcpy(d, p, (size_t)(nl - p));
    d[nl - p] = '\0';
    return d;
}

static size_t count_lines(const char *text)
{
    size_t n = 0;
    for (; *text; text++)
        n += *text == '\n';
    return n;
}

/* The single-call rendering of one use-case, kept. */
static char *render_one(const char *doc, size_t len, bsl_format format, bsl_lang lang)
{
    bsl_result *r;
    char *out, *copy;
    size_t out_len;
    if (bsl_evaluate_json(&r, nantes, doc, len, NULL, NULL) != BSL_OK)
        return NULL;
    if (bsl_render(&out, &out_len, r, format, lang, NULL) != BSL_OK) {
        bsl_result_free(r);
        return NULL;
    }
    copy = tu_keep(malloc(out_len + 1));
    memcpy(copy, out, out_len + 1);
    bsl_render_free(out);
    bsl_result_free(r);
    return copy;
}

/* Every line of text parses as one strict JSON object. */
static int lines_wellformed(const char *text)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        bsl_json_doc doc;
        if (!nl || bsl_json_parse(&doc, p, (size_t)(nl - p), NULL, NULL, NULL) != BSL_OK) {
            printf("# not a JSON line: %.*s\n", nl ? (int)(nl - p) : 80, p);
            return 0;
        }
        if (doc.nodes[0].type != BSL_JSON_OBJECT) {
            bsl_json_doc_free(&doc);
            return 0;
        }
        bsl_json_doc_free(&doc);
        p = nl + 1;
    }
    return 1;
}

/* ------------------------------------------------------------------------ */

static void test_good_and_bad_rows(void)
{
    const char *good = example_line(7); /* signalements-voirie */
    const char *syntax = "{\"id\":\"a\",\"title\":\"t\",\"facts\":{},}";
    const char *type = "{\"id\":1,\"title\":\"t\",\"facts\":{}}";
    const char *enum_ = "{\"id\":\"\xc3\xa9t\xc3\xa9\",\"title\":\"t\",\"facts\":{\"hosting\":\"moon\"}}";
    const char *missing = "{\"id\":\"a\",\"facts\":{}}";
    const char *unknown_field = "{\"id\":\"a\",\"title\":\"t\",\"facts\":{},\"colour\":\"blue\"}";
    const char *in = cat(good, "\n", syntax, "\n", type, "\n", enum_, "\n", missing, "\n",
                         unknown_field, "\n", good, "\n", NULL);
    size_t errors = 99;
    int rc;
    char *out = batch(in, strlen(in), BSL_LANG_FR, &errors, &rc);
    const char *want_good = render_one(good, strlen(good), BSL_FORMAT_JSON_COMPACT, BSL_LANG_FR);

    CHECK_INT(rc, BSL_OK, "bad rows do not fail the batch");
    if (!out)
        return;
    CHECK_INT(errors, 5, "error_count counts the error records");
    CHECK_INT(count_lines(out), 7, "one output line per use-case");
    CHECK(lines_wellformed(out), "every output line is a JSON object");
    CHECK_STR(cat(nth_line(out, 0), "\n", NULL), want_good,
              "a good row is its result as BSL_FORMAT_JSON_COMPACT renders it");
    CHECK_STR(cat(nth_line(out, 6), "\n", NULL), want_good, "the last good row too");
    CHECK_STR(nth_line(out, 1),
              "{\"index\":1,\"input_line\":2,\"error\":{\"code\":-5,\"name\":\"syntax\","
              "\"message\":\"trailing comma: expected a string key, found '}'\","
              "\"line\":1,\"column\":34,\"path\":\"\"}}",
              "syntax error record");
    CHECK_STR(nth_line(out, 2),
              "{\"index\":2,\"input_line\":3,\"error\":{\"code\":-6,\"name\":\"type\","
              "\"message\":\"expected string, found number\","
              "\"line\":1,\"column\":7,\"path\":\"$.id\"}}",
              "type error record");
    /* The column counts characters: "été" is 3 characters in 5 bytes. */
    CHECK_STR(nth_line(out, 3),
              "{\"index\":3,\"input_line\":4,\"error\":{\"code\":-7,\"name\":\"enum\","
              "\"message\":\"\\\"moon\\\" is not a value of hosting (allowed: non_eu, eu, france)\","
              "\"line\":1,\"column\":44,\"path\":\"$.facts.hosting\"}}",
              "enum error record (message escaped, column in characters)");
    CHECK_STR(nth_line(out, 4),
              "{\"index\":4,\"input_line\":5,\"error\":{\"code\":-8,\"name\":\"missing\","
              "\"message\":\"missing required field \\\"title\\\"\","
              "\"line\":1,\"column\":1,\"path\":\"$.title\"}}",
              "missing field error record");
    CHECK_STR(nth_line(out, 5),
              "{\"index\":5,\"input_line\":6,\"error\":{\"code\":-9,\"name\":\"value\","
              "\"message\":\"unknown field \\\"colour\\\" (allowed: id, title, service, "
              "description, phase, framework, facts, evidence, comments)\","
              "\"line\":1,\"column\":34,\"path\":\"$.colour\"}}",
              "unknown field error record");

    /* Each record carries exactly what bsl_evaluate_json reports alone. */
    {
        const char *bad[] = { syntax, type, enum_, missing, unknown_field };
        size_t i;
        int same = 1;
        for (i = 0; i < 5; i++) {
            bsl_result *r;
            bsl_error e;
            char want[1024];
            int code = bsl_evaluate_json(&r, nantes, bad[i], strlen(bad[i]), NULL, &e);
            const char *line = nth_line(out, i + 1);
            snprintf(want, sizeof want, "\"code\":%d,", code);
            if (!strstr(line, want))
                same = 0;
            snprintf(want, sizeof want, "\"line\":%u,\"column\":%u,\"path\":\"%s\"}}",
                     e.line, e.column, e.path);
            if (!strstr(line, want))
                same = 0;
        }
        CHECK(same, "error records agree with bsl_evaluate_json on each row");
    }
}

/* An error record stays valid UTF-8 JSON even when the library had to cut
 * its path (128 bytes) inside a character. */
static void test_records_are_utf8(void)
{
    char key[400], doc[600], *out;
    size_t i, k = 0;
    key[k++] = 'a';
    for (i = 0; i < 150; i++) {
        key[k++] = '\xc3';
        key[k++] = '\xa9';
    }
    key[k] = '\0';
    snprintf(doc, sizeof doc, "{\"id\":\"x\",\"title\":\"t\",\"facts\":{},\"%s\":1}\n", key);
    out = batch(doc, strlen(doc), BSL_LANG_FR, NULL, NULL);
    CHECK(out && lines_wellformed(out), "a record with a cut path is valid UTF-8 JSON");
    CHECK_CONTAINS(out, "\"name\":\"value\"", "the record is the unknown-field error");
}

static void test_blank_lines_and_crlf(void)
{
    const char *a = example_line(1), *b = example_line(2);
    const char *bad = "{\"id\":true}";
    const char *plain = cat(a, "\n", bad, "\n", b, "\n", NULL);
    const char *blanks = cat("\n", "   \n", a, "\n", "\t \r\n", "\n", bad, "\n", " \n", b, NULL);
    const char *crlf = cat(a, "\r\n", bad, "\r\n", b, "\r\n", NULL);
    char *want = batch(plain, strlen(plain), BSL_LANG_EN, NULL, NULL);
    char *got_blanks = batch(blanks, strlen(blanks), BSL_LANG_EN, NULL, NULL);
    char *got_crlf = batch(crlf, strlen(crlf), BSL_LANG_EN, NULL, NULL);
    const char *rec;

    CHECK_INT(want ? count_lines(want) : 0, 3, "three use-cases, three lines");
    rec = want ? nth_line(want, 1) : NULL;
    CHECK_CONTAINS(rec, "{\"index\":1,\"input_line\":2,", "plain: index and input_line");
    rec = got_blanks ? nth_line(got_blanks, 1) : NULL;
    CHECK_CONTAINS(rec, "{\"index\":1,\"input_line\":6,",
                   "blank lines: skipped for index, counted for input_line");
    CHECK_INT(got_blanks ? count_lines(got_blanks) : 0, 3, "blank lines give no output line");
    CHECK_STR(nth_line(got_blanks, 0), nth_line(want, 0), "blank lines: same first result");
    CHECK_STR(nth_line(got_blanks, 2), nth_line(want, 2),
              "blank lines: same last result (input without a final newline)");
    CHECK_STR(got_crlf, want, "CRLF line ends give the same output as LF");
}

static void test_empty_input(void)
{
    char *out = (char *)&out;
    size_t out_len = 99, errors = 99;
    bsl_error err;
    int rc = bsl_evaluate_lines(&out, &out_len, nantes, "", 0, BSL_LANG_FR, NULL, &errors, &err);
    CHECK_INT(rc, BSL_OK, "empty input: BSL_OK");
    CHECK(out != NULL && out[0] == '\0', "empty input: an empty string, not NULL");
    CHECK_INT(out_len, 0, "empty input: length 0");
    CHECK_INT(errors, 0, "empty input: no error");
    CHECK_INT(err.code, BSL_OK, "empty input: err cleared");
    bsl_render_free(out);

    out = (char *)&out;
    rc = bsl_evaluate_lines(&out, NULL, nantes, NULL, 0, BSL_LANG_FR, NULL, NULL, NULL);
    CHECK(rc == BSL_OK && out && !*out, "NULL buffer with length 0: empty output");
    bsl_render_free(out);

    out = (char *)&out;
    rc = bsl_evaluate_lines(&out, &out_len, nantes, " \n\r\n\t\n\n", 7, BSL_LANG_FR, NULL,
                            &errors, NULL);
    CHECK(rc == BSL_OK && out && !*out && out_len == 0 && errors == 0,
          "only blank lines: empty output");
    bsl_render_free(out);
}

static void test_order(void)
{
    const char *lines[N_EXAMPLES];
    size_t i, len = 0, errors = 99;
    char *in, *out;
    int in_order = 1, same = 1;
    bsl_lang lang;

    for (i = 0; i < N_EXAMPLES; i++) {
        /* Reverse alphabetical order, to show the output does not sort. */
        lines[i] = example_line(N_EXAMPLES - 1 - i);
        len += strlen(lines[i]) + 1;
    }
    in = tu_keep(malloc(len + 1));
    in[0] = '\0';
    for (i = 0; i < N_EXAMPLES; i++) {
        strcat(in, lines[i]);
        strcat(in, "\n");
    }
    for (lang = BSL_LANG_FR; lang <= BSL_LANG_EN; lang++) {
        out = batch(in, len, lang, &errors, NULL);
        if (!CHECK(out != NULL, "the examples as one batch"))
            return;
        CHECK_INT(errors, 0, "every example parses");
        CHECK_INT(count_lines(out), N_EXAMPLES, "one line per example");
        for (i = 0; i < N_EXAMPLES; i++) {
            char id[300];
            const char *line = nth_line(out, i);
            snprintf(id, sizeof id, "\"usecase\":{\"id\":\"%s\"", names[N_EXAMPLES - 1 - i]);
            if (!line || !strstr(line, id))
                in_order = 0;
            if (!line || strcmp(cat(line, "\n", NULL),
                                render_one(lines[i], strlen(lines[i]), BSL_FORMAT_JSON_COMPACT,
                                           lang)) != 0)
                same = 0;
        }
        CHECK(in_order, "results come in input order");
        CHECK(same, "each line equals the use-case's compact rendering");
        CHECK_CONTAINS(out, lang == BSL_LANG_FR ? "\"lang\":\"fr\"" : "\"lang\":\"en\"",
                       "results are in the requested language");
    }
}

static void test_limits_per_usecase(void)
{
    bsl_options opts;
    const char *small = "{\"id\":\"s\",\"title\":\"t\",\"facts\":{}}";
    const char *big = example_line(0);
    const char *in = cat(small, "\n", big, "\n", small, "\n", NULL);
    char *out = NULL;
    size_t errors = 0;
    int rc;

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_input_bytes = 100;
    rc = bsl_evaluate_lines(&out, NULL, nantes, in, strlen(in), BSL_LANG_FR, &opts, &errors, NULL);
    CHECK_INT(rc, BSL_OK, "limits: the batch succeeds although it is larger than the limit");
    CHECK_INT(errors, 1, "limits: only the long use-case fails");
    CHECK_CONTAINS(out ? nth_line(out, 1) : NULL,
                   "{\"index\":1,\"input_line\":2,\"error\":{\"code\":-4,\"name\":\"limit\",",
                   "limits: apply to each use-case");
    CHECK_CONTAINS(out ? nth_line(out, 2) : NULL, "\"usecase\":{\"id\":\"s\"",
                   "limits: the next use-case is evaluated");
    bsl_render_free(out);
}

static void test_arguments(void)
{
    char *out = (char *)&out;
    size_t out_len = 7, errors = 7;
    bsl_error err;
    bsl_options opts;
    const char *doc = "{\"id\":\"a\",\"title\":\"t\",\"facts\":{}}";

    CHECK_INT(bsl_evaluate_lines(NULL, &out_len, nantes, doc, strlen(doc), BSL_LANG_FR, NULL,
                                 &errors, &err),
              BSL_ERR_ARG, "NULL out: BSL_ERR_ARG");
    CHECK_INT(err.code, BSL_ERR_ARG, "NULL out: err.code");
    CHECK(out_len == 0 && errors == 0, "NULL out: out_len and error_count zeroed");
    CHECK_INT(bsl_evaluate_lines(&out, NULL, NULL, doc, strlen(doc), BSL_LANG_FR, NULL, NULL, &err),
              BSL_ERR_ARG, "NULL framework: BSL_ERR_ARG");
    CHECK(out == NULL, "NULL framework: out set to NULL");
    out = (char *)&out;
    CHECK_INT(bsl_evaluate_lines(&out, NULL, nantes, NULL, 3, BSL_LANG_FR, NULL, NULL, &err),
              BSL_ERR_ARG, "NULL buffer with a length: BSL_ERR_ARG");
    CHECK(out == NULL, "NULL buffer: out set to NULL");
    CHECK_INT(bsl_evaluate_lines(&out, NULL, nantes, doc, strlen(doc), (bsl_lang)7, NULL, NULL,
                                 &err),
              BSL_ERR_ARG, "unknown language: BSL_ERR_ARG");
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.version = 99;
    CHECK_INT(bsl_evaluate_lines(&out, NULL, nantes, doc, strlen(doc), BSL_LANG_FR, &opts, NULL,
                                 &err),
              BSL_ERR_ARG, "unknown options version: BSL_ERR_ARG for the whole batch");
    CHECK_CONTAINS(err.message, "version", "unknown options version: the message says so");
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.allocator.malloc = ca_malloc;
    CHECK_INT(bsl_evaluate_lines(&out, NULL, nantes, doc, strlen(doc), BSL_LANG_FR, &opts, NULL,
                                 &err),
              BSL_ERR_ARG, "half-set allocator: BSL_ERR_ARG");
    CHECK(out == NULL, "arguments: no output on failure");
    CHECK_INT(bsl_render(&out, NULL, NULL, BSL_FORMAT_JSON_COMPACT, BSL_LANG_FR, &err), BSL_ERR_ARG,
              "bsl_render: NULL result with the compact format");
    {
        bsl_result *r;
        if (bsl_evaluate_json(&r, nantes, doc, strlen(doc), NULL, NULL) == BSL_OK) {
            CHECK_INT(bsl_render(&out, NULL, r, (bsl_format)99, BSL_LANG_FR, &err), BSL_ERR_ARG,
                      "bsl_render: unknown format 99");
            bsl_result_free(r);
        }
    }
}

/* The indented JSON with every whitespace byte outside strings removed,
 * and its final newline kept: what the compact form must be, byte for
 * byte. Kept. */
static char *strip_outside_strings(const char *s)
{
    size_t n = strlen(s), i, k = 0;
    int in_string = 0;
    char *d = tu_keep(malloc(n + 2));
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (in_string) {
            d[k++] = c;
            if (c == '\\' && i + 1 < n)
                d[k++] = s[++i];
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
            d[k++] = c;
        } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            d[k++] = c;
        }
    }
    d[k++] = '\n';
    d[k] = '\0';
    return d;
}

static void test_compact_equals_indented(void)
{
    const char *tricky = "{\"id\": \"a\\\"b: c, d\", \"title\": \"t\\u0001\\n\\\\ \\u2028 {x: [1, 2]}\","
                         " \"facts\": {\"hosting\": \"eu\", \"k\\\"\\u0002\": 1},"
                         " \"evidence\": {\"hosting\": \"line\\none\\ttab  two  spaces\"}}";
    size_t i;
    int lang, same = 0, one_line = 0, total = 0;
    for (i = 0; i <= N_EXAMPLES; i++) {
        const char *doc = i < N_EXAMPLES ? example_line(i) : tricky;
        for (lang = BSL_LANG_FR; lang <= BSL_LANG_EN; lang++) {
            const char *indented = render_one(doc, strlen(doc), BSL_FORMAT_JSON, (bsl_lang)lang);
            const char *compact = render_one(doc, strlen(doc), BSL_FORMAT_JSON_COMPACT, (bsl_lang)lang);
            total++;
            if (!indented || !compact)
                continue;
            if (strcmp(strip_outside_strings(indented), compact) == 0)
                same++;
            else
                printf("# use-case %zu, lang %d: compact differs from the indented form\n", i, lang);
            if (strchr(compact, '\n') == compact + strlen(compact) - 1 && lines_wellformed(compact))
                one_line++;
        }
    }
    CHECK_INT(same, total, "compact = indented without whitespace outside strings, every example and language");
    CHECK_INT(one_line, total, "compact is one well-formed JSON line ending with a newline");
    /* Strings keep their inner spaces: the tricky title survives. */
    CHECK_CONTAINS(render_one(tricky, strlen(tricky), BSL_FORMAT_JSON_COMPACT, BSL_LANG_FR),
                   "\"title\":\"t\\u0001\\n\\\\ \u2028 {x: [1, 2]}\"", "compact keeps spaces inside strings");
}

static void test_custom_allocator(void)
{
    counting_alloc a;
    bsl_options opts;
    const char *doc = example_line(3);
    const char *in = cat(doc, "\n{\n", doc, "\n", NULL);
    char *out = NULL;
    size_t errors = 0;
    ca_init(&a, &opts);
    CHECK_INT(bsl_evaluate_lines(&out, NULL, nantes, in, strlen(in), BSL_LANG_FR, &opts, &errors,
                                 NULL),
              BSL_OK, "custom allocator: batch");
    CHECK(a.calls > 0, "custom allocator: used for the batch");
    CHECK_INT(a.live, 1, "custom allocator: only the output is left");
    CHECK_INT(errors, 1, "custom allocator: one error record");
    bsl_render_free(out);
    CHECK_INT(a.live, 0, "custom allocator: bsl_render_free gives the output back to it");
    CHECK_INT(a.bad_old_size, 0, "custom allocator: realloc old sizes");
}

/* Fail the n-th allocation for n = 0, 1, ... until the batch succeeds. */
static void test_out_of_memory(void)
{
    counting_alloc a;
    bsl_options opts;
    const char *doc = example_line(7);
    const char *in = cat(doc, "\n", "{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"hosting\":\"moon\"}}\n",
                         "\n", doc, "\r\n", NULL);
    long n, points = 0;
    int bad_rc = 0, bad_out = 0, leaks = 0, bad_err = 0, succeeded = 0;

    ca_init(&a, &opts);
    for (n = 0; n < 1000000; n++) {
        char *out = (char *)&out;
        size_t out_len = 5, errors = 5;
        bsl_error err;
        int rc;
        a.calls = 0;
        a.failures = 0;
        a.fail_at = n;
        rc = bsl_evaluate_lines(&out, &out_len, nantes, in, strlen(in), BSL_LANG_EN, &opts, &errors,
                                &err);
        if (a.failures == 0) {
            succeeded = rc == BSL_OK && out && errors == 1 && count_lines(out) == 3;
            bsl_render_free(out);
            break;
        }
        points++;
        if (rc != BSL_ERR_NOMEM && !bad_rc++)
            printf("# allocation %ld failed, status %d (%s)\n", n, rc, err.message);
        if (err.code != rc)
            bad_err++;
        if (out != NULL || out_len != 0) {
            bad_out++;
            if (rc == BSL_OK)
                bsl_render_free(out);
        }
        if (a.live != 0 && !leaks++)
            printf("# allocation %ld failed, %ld blocks leaked\n", n, a.live);
    }
    a.fail_at = -1;
    printf("# bsl_evaluate_lines: %ld failure points\n", points);
    CHECK(succeeded, "out of memory: succeeds when no allocation fails");
    CHECK(points > 0, "out of memory: some allocation can fail");
    CHECK_INT(bad_rc, 0, "out of memory: every failure returns BSL_ERR_NOMEM");
    CHECK_INT(bad_err, 0, "out of memory: every failure fills err.code");
    CHECK_INT(bad_out, 0, "out of memory: every failure leaves out NULL and out_len 0");
    CHECK_INT(leaks, 0, "out of memory: no failure leaks");
    CHECK_INT(a.bad_old_size, 0, "out of memory: realloc old sizes");
}

int main(void)
{
    if (bsl_framework_load_embedded(&nantes, NULL, NULL, NULL) != BSL_OK) {
        printf("Bail out! cannot load the default framework\n");
        return 1;
    }
    test_good_and_bad_rows();
    test_blank_lines_and_crlf();
    test_records_are_utf8();
    test_empty_input();
    test_order();
    test_limits_per_usecase();
    test_arguments();
    test_compact_equals_indented();
    test_custom_allocator();
    test_out_of_memory();
    bsl_framework_free(nantes);
    tu_cleanup();
    return check_done();
}
