/* Documented limits and number edge cases, through the public API.
 *
 * Each limit of bsl_options (input size, depth, tokens, string length,
 * facts per use-case, indicators per framework) is tested at its default
 * (BSL_DEFAULT_*) and at a small custom value: a document exactly at the
 * limit is accepted and one just past it is refused with BSL_ERR_LIMIT at
 * the documented byte. Then huge numbers, NaN/Infinity texts, negative zero,
 * 1e400, underflow, long literals, very long strings and deeply nested
 * arrays, each with its expected outcome. (lib/json.c's own limit tests are
 * in test_json.c; the small custom-limit cases of test_usecase.c and
 * test_framework.c are not repeated here.) */
#include "check.h"
#include "testutil.h"
#include "json.h" /* to locate values in documents */

#include <math.h>

#define NANTES_PATH SRCDIR "/frameworks/nantes-2024.json"

static bsl_framework *nantes;

/* ---- a growable string ----------------------------------------------------- */
typedef struct sb {
    char *p;
    size_t n, cap;
} sb;

static void sb_add(sb *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap < b->n + n + 1)
            cap *= 2;
        p = realloc(b->p, cap);
        if (!p) {
            printf("Bail out! out of memory\n");
            exit(1);
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}
static void sb_puts(sb *b, const char *s) { sb_add(b, s, strlen(s)); }
static void sb_rep(sb *b, const char *s, size_t times)
{
    size_t n = strlen(s);
    while (times--)
        sb_add(b, s, n);
}
static void sb_pad(sb *b, size_t total) /* spaces up to total bytes */
{
    while (b->n < total) {
        static const char spaces[] = "                                                                ";
        size_t k = total - b->n < 64 ? total - b->n : 64;
        sb_add(b, spaces, k);
    }
}
/* Hand the string to tu_cleanup() and reset b. */
static char *sb_keep(sb *b, size_t *len)
{
    char *p;
    if (!b->p)
        sb_add(b, "", 0);
    p = tu_keep(b->p);
    if (len)
        *len = b->n;
    b->p = NULL;
    b->n = b->cap = 0;
    return p;
}

/* ---- expectations ------------------------------------------------------------ */

/* Check a status against want; for errors, err.code, the offset, and the
 * line and column computed here from the offset; path when not NULL. */
static void expect(const char *what, int rc, const bsl_error *err, int want, const char *doc,
                   size_t offset, const char *path)
{
    char label[300];
    snprintf(label, sizeof label, "%s: status", what);
    CHECK_INT(rc, want, label);
    if (rc != want)
        printf("#   %s (line %u column %u, path %s)\n", err->message, err->line, err->column, err->path);
    if (want == BSL_OK || rc != want)
        return;
    snprintf(label, sizeof label, "%s: err.code", what);
    CHECK_INT(err->code, want, label);
    snprintf(label, sizeof label, "%s: offset", what);
    CHECK_INT(err->offset, offset, label);
    {
        size_t i;
        unsigned line = 1, column = 1;
        for (i = 0; i < offset; i++) {
            if (doc[i] == '\n') {
                line++;
                column = 1;
            } else if (((unsigned char)doc[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        snprintf(label, sizeof label, "%s: line %u column %u", what, line, column);
        CHECK(err->line == line && err->column == column && err->line >= 1, label);
    }
    if (path) {
        snprintf(label, sizeof label, "%s: path", what);
        CHECK_STR(err->path, path, label);
    }
    printf("# %s: %s\n", what, err->message);
}

static void uc_expect(const char *what, const char *doc, size_t len, const bsl_options *opts, int want,
                      size_t offset, const char *path)
{
    bsl_usecase *uc = (bsl_usecase *)&uc;
    bsl_error err;
    int rc = bsl_usecase_parse(&uc, nantes, doc, len, opts, &err);
    expect(what, rc, &err, want, doc, offset, path);
    if (rc == BSL_OK)
        bsl_usecase_free(uc);
    else
        CHECK(uc == NULL, "a failed parse leaves no use-case");
}

static void fw_expect(const char *what, const char *doc, size_t len, const bsl_options *opts, int want,
                      size_t offset, const char *path)
{
    bsl_framework *fw = (bsl_framework *)&fw;
    bsl_error err;
    int rc = bsl_framework_load(&fw, doc, len, opts, &err);
    expect(what, rc, &err, want, doc, offset, path);
    if (rc == BSL_OK)
        bsl_framework_free(fw);
    else
        CHECK(fw == NULL, "a failed load leaves no framework");
}

/* Byte offset of the last occurrence of c in s[0..n). */
static size_t last_of(const char *s, size_t n, char c)
{
    while (n-- > 0)
        if (s[n] == c)
            return n;
    return (size_t)-1;
}

static const char UC_HEAD[] = "{\"id\":\"x\",\"title\":\"t\",\"facts\":{";

/* ---- input size ------------------------------------------------------------ */
static void test_input_size(void)
{
    sb b = {0};
    bsl_options opts;
    const char *doc;
    size_t len, fsize = 0;
    const char *nantes_json = read_file(NANTES_PATH, &fsize);
    bsl_framework *fw = NULL;
    bsl_error err;

    /* Default 8 MiB: trailing whitespace up to the limit, then one byte more. */
    sb_puts(&b, UC_HEAD);
    sb_puts(&b, "}}");
    sb_pad(&b, BSL_DEFAULT_MAX_INPUT_BYTES);
    doc = sb_keep(&b, &len);
    uc_expect("use-case of BSL_DEFAULT_MAX_INPUT_BYTES", doc, len, NULL, BSL_OK, 0, NULL);
    sb_puts(&b, doc);
    sb_puts(&b, " ");
    doc = sb_keep(&b, &len);
    uc_expect("use-case one byte past the default size", doc, len, NULL, BSL_ERR_LIMIT,
              BSL_DEFAULT_MAX_INPUT_BYTES, "");

    /* A custom limit. */
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_input_bytes = 100;
    sb_puts(&b, UC_HEAD);
    sb_puts(&b, "}}");
    sb_pad(&b, 100);
    doc = sb_keep(&b, &len);
    uc_expect("use-case of max_input_bytes 100", doc, 100, &opts, BSL_OK, 0, NULL);
    uc_expect("use-case of 101 bytes at max_input_bytes 100", subst(doc, "}}", "}} "), 101, &opts,
              BSL_ERR_LIMIT, 100, "");

    /* Frameworks: the default and a custom limit. */
    sb_puts(&b, nantes_json);
    sb_pad(&b, BSL_DEFAULT_MAX_INPUT_BYTES);
    doc = sb_keep(&b, &len);
    fw_expect("framework of BSL_DEFAULT_MAX_INPUT_BYTES", doc, len, NULL, BSL_OK, 0, NULL);
    sb_puts(&b, doc);
    sb_puts(&b, "\n");
    doc = sb_keep(&b, &len);
    fw_expect("framework one byte past the default size", doc, len, NULL, BSL_ERR_LIMIT,
              BSL_DEFAULT_MAX_INPUT_BYTES, "");
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_input_bytes = fsize;
    fw_expect("framework at max_input_bytes = its size", nantes_json, fsize, &opts, BSL_OK, 0, NULL);
    opts.max_input_bytes = fsize - 1;
    fw_expect("framework one byte past max_input_bytes", nantes_json, fsize, &opts, BSL_ERR_LIMIT,
              fsize - 1, "");

    /* From a file: at the limit, just past it, and far past it (the file
     * is not read whole). */
    opts.max_input_bytes = fsize;
    CHECK_INT(bsl_framework_load_file(&fw, NANTES_PATH, &opts, &err), BSL_OK,
              "load_file at max_input_bytes = the file's size");
    bsl_framework_free(fw);
    fw = (bsl_framework *)&fw;
    opts.max_input_bytes = fsize - 1;
    CHECK_INT(bsl_framework_load_file(&fw, NANTES_PATH, &opts, &err), BSL_ERR_LIMIT,
              "load_file one byte past max_input_bytes");
    CHECK(fw == NULL && err.code == BSL_ERR_LIMIT, "load_file past the limit: no framework");
    opts.max_input_bytes = 1000;
    CHECK_INT(bsl_framework_load_file(&fw, NANTES_PATH, &opts, &err), BSL_ERR_LIMIT,
              "load_file far past max_input_bytes");
    CHECK_CONTAINS(err.message, "max_input_bytes", "load_file: the message names the option");
}

/* ---- depth -------------------------------------------------------------------- */

/* A use-case whose unknown fact "zz" holds arrays nested so that the
 * document's depth is depth (the top object is 1, facts 2). */
static char *deep_usecase(size_t depth, size_t *len)
{
    sb b = {0};
    sb_puts(&b, UC_HEAD);
    sb_puts(&b, "\"zz\":");
    sb_rep(&b, "[", depth - 2);
    sb_rep(&b, "]", depth - 2);
    sb_puts(&b, "}}");
    return sb_keep(&b, len);
}

static void test_depth(void)
{
    bsl_options opts;
    const char *doc;
    size_t len;
    sb b = {0};

    doc = deep_usecase(BSL_DEFAULT_MAX_DEPTH, &len);
    uc_expect("use-case of depth 64 (the default)", doc, len, NULL, BSL_OK, 0, NULL);
    doc = deep_usecase(BSL_DEFAULT_MAX_DEPTH + 1, &len);
    /* The error is at the bracket that opens level 65. */
    uc_expect("use-case of depth 65", doc, len, NULL, BSL_ERR_LIMIT,
              strlen(UC_HEAD) + 5 + BSL_DEFAULT_MAX_DEPTH - 2, "");

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_depth = 10;
    doc = deep_usecase(10, &len);
    uc_expect("use-case of depth 10 at max_depth 10", doc, len, &opts, BSL_OK, 0, NULL);
    doc = deep_usecase(11, &len);
    uc_expect("use-case of depth 11 at max_depth 10", doc, len, &opts, BSL_ERR_LIMIT,
              strlen(UC_HEAD) + 5 + 8, "");

    /* Very deep documents do not recurse (no stack overflow). Parse time
     * grows with depth x depth in the tokenizer (jsmn walks up the parent
     * links at each closing bracket), hence 20000 and not more here; see
     * doc/security.md on raising max_depth. */
    opts.max_depth = 20000;
    doc = deep_usecase(20000, &len);
    uc_expect("use-case of depth 20000 at max_depth 20000", doc, len, &opts, BSL_OK, 0, NULL);
    doc = deep_usecase(20001, &len);
    uc_expect("use-case of depth 20001 at max_depth 20000", doc, len, &opts, BSL_ERR_LIMIT,
              strlen(UC_HEAD) + 5 + 19998, "");
    opts.max_depth = 100000;
    /* An unclosed deep document: a syntax error at the end, not a crash. */
    sb_puts(&b, "[");
    sb_rep(&b, "[", 90000);
    doc = sb_keep(&b, &len);
    uc_expect("90001 unclosed brackets at max_depth 100000", doc, len, &opts, BSL_ERR_SYNTAX, len, "");
    uc_expect("90001 unclosed brackets with default limits", doc, len, NULL, BSL_ERR_LIMIT, 64, "");

    /* Frameworks: the depth is checked before the schema, so a deep unknown
     * member is a schema error at the limit and a limit error past it. */
    {
        size_t fsize;
        const char *fwj = read_file(NANTES_PATH, &fsize);
        size_t brace = last_of(fwj, fsize, '}');
        sb_add(&b, fwj, brace);
        sb_puts(&b, ",\"zz\":");
        sb_rep(&b, "[", BSL_DEFAULT_MAX_DEPTH - 1);
        sb_rep(&b, "]", BSL_DEFAULT_MAX_DEPTH - 1);
        sb_puts(&b, "}");
        doc = sb_keep(&b, &len);
        fw_expect("framework of depth 64: the unknown member is reported", doc, len, NULL, BSL_ERR_VALUE,
                  brace + 1, "$.zz");
        doc = subst(doc, "\"zz\":[", "\"zz\":[[");
        doc = subst(doc, "]]}", "]]]}");
        len = strlen(doc);
        /* the arrays open at brace + 6 (depth 2); the 64th is at depth 65 */
        fw_expect("framework of depth 65", doc, len, NULL, BSL_ERR_LIMIT, brace + 6 + 63, "");
    }
}

/* ---- tokens ------------------------------------------------------------------------ */

/* A use-case of exactly tokens values: 9 plus the elements of "zz". */
static char *usecase_of_tokens(size_t tokens, size_t *len)
{
    sb b = {0};
    sb_puts(&b, UC_HEAD);
    sb_puts(&b, "\"zz\":[");
    if (tokens > 9) {
        sb_rep(&b, "0,", tokens - 10);
        sb_puts(&b, "0");
    }
    sb_puts(&b, "]}}");
    return sb_keep(&b, len);
}

static void test_tokens(void)
{
    bsl_options opts;
    const char *doc;
    size_t len;
    bsl_result *r = NULL;

    doc = usecase_of_tokens(BSL_DEFAULT_MAX_TOKENS, &len);
    uc_expect("use-case of BSL_DEFAULT_MAX_TOKENS values", doc, len, NULL, BSL_OK, 0, NULL);
    CHECK_INT(bsl_evaluate_json(&r, nantes, doc, len, NULL, NULL), BSL_OK,
              "it evaluates (an unknown fact with a large array)");
    CHECK_INT(bsl_result_unknown_count(r), 1, "one unknown key");
    bsl_result_free(r);
    doc = usecase_of_tokens(BSL_DEFAULT_MAX_TOKENS + 1, &len);
    /* The value that exceeds is the last 0. */
    uc_expect("use-case of one value past the default", doc, len, NULL, BSL_ERR_LIMIT, len - 4, "");

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_tokens = 12;
    doc = usecase_of_tokens(12, &len);
    uc_expect("12 values at max_tokens 12", doc, len, &opts, BSL_OK, 0, NULL);
    doc = usecase_of_tokens(13, &len);
    uc_expect("13 values at max_tokens 12", doc, len, &opts, BSL_ERR_LIMIT, len - 4, "");
    /* The 10th value is the key "zz" when the array is empty. */
    opts.max_tokens = 8;
    doc = usecase_of_tokens(9, &len);
    uc_expect("9 values at max_tokens 8: the array is the 9th", doc, len, &opts, BSL_ERR_LIMIT,
              strlen(UC_HEAD) + 5, "");

    /* Frameworks: the Nantes framework at exactly its number of values,
     * and one below (the error is at its last value). */
    {
        size_t fsize;
        const char *fwj = read_file(NANTES_PATH, &fsize);
        bsl_json_doc jd;
        CHECK_INT(bsl_json_parse(&jd, fwj, fsize, NULL, NULL, NULL), BSL_OK, "Nantes is JSON");
        opts.max_tokens = jd.count;
        fw_expect("Nantes at max_tokens = its values", fwj, fsize, &opts, BSL_OK, 0, NULL);
        opts.max_tokens = jd.count - 1;
        fw_expect("Nantes one value past max_tokens", fwj, fsize, &opts, BSL_ERR_LIMIT,
                  jd.nodes[jd.count - 1].offset, "");
        opts.max_tokens = 100;
        fw_expect("Nantes at max_tokens 100", fwj, fsize, &opts, BSL_ERR_LIMIT, jd.nodes[100].offset, "");
        bsl_json_doc_free(&jd);
    }
}

/* ---- string length ------------------------------------------------------------------- */
static void test_strings(void)
{
    bsl_options opts;
    sb b = {0};
    const char *doc;
    size_t len;
    bsl_result *r = NULL;
    char *out = NULL;
    size_t out_len = 0;

    /* A title of exactly 64 KiB, then one byte more (at the opening quote). */
    sb_puts(&b, "{\"id\":\"x\",\"title\":\"");
    sb_rep(&b, "a", BSL_DEFAULT_MAX_STRING_BYTES);
    sb_puts(&b, "\",\"facts\":{}}");
    doc = sb_keep(&b, &len);
    uc_expect("a title of BSL_DEFAULT_MAX_STRING_BYTES", doc, len, NULL, BSL_OK, 0, NULL);
    uc_expect("a title one byte longer", subst(doc, "aaaa\"", "aaaaa\""), len + 1, NULL, BSL_ERR_LIMIT,
              18, "");
    /* Decoded bytes count, not escapes: 32768 x "\u00e9" is 64 KiB. */
    sb_puts(&b, "{\"id\":\"x\",\"title\":\"");
    sb_rep(&b, "\\u00e9", BSL_DEFAULT_MAX_STRING_BYTES / 2);
    sb_puts(&b, "\",\"facts\":{}}");
    doc = sb_keep(&b, &len);
    uc_expect("64 KiB decoded from 196608 bytes of escapes", doc, len, NULL, BSL_OK, 0, NULL);
    uc_expect("one decoded byte more", subst(doc, "\",\"facts", "!\",\"facts"), len + 1, NULL,
              BSL_ERR_LIMIT, 18, "");
    /* Keys too: a 64 KiB unknown fact key is kept whole in the result. */
    sb_puts(&b, UC_HEAD);
    sb_puts(&b, "\"");
    sb_rep(&b, "k", BSL_DEFAULT_MAX_STRING_BYTES);
    sb_puts(&b, "\":1}}");
    doc = sb_keep(&b, &len);
    CHECK_INT(bsl_evaluate_json(&r, nantes, doc, len, NULL, NULL), BSL_OK, "a 64 KiB unknown key");
    CHECK_INT(strlen(bsl_result_unknown_key(r, 0)), BSL_DEFAULT_MAX_STRING_BYTES, "kept whole");
    CHECK_INT(strlen(bsl_result_unknown_path(r, 0)), BSL_DEFAULT_MAX_STRING_BYTES + 8,
              "its path is $.facts. and the key");
    CHECK_INT(bsl_render(&out, &out_len, r, BSL_FORMAT_JSON, BSL_LANG_EN, NULL), BSL_OK, "renders");
    CHECK(out_len > 2 * BSL_DEFAULT_MAX_STRING_BYTES, "the rendering holds the key and its path");
    bsl_render_free(out);
    bsl_result_free(r);
    uc_expect("an unknown key one byte longer", subst(doc, "k\":1", "kk\":1"), len + 1, NULL,
              BSL_ERR_LIMIT, strlen(UC_HEAD), "");

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_string_bytes = 10;
    doc = "{\"id\":\"x\",\"title\":\"0123456789\",\"facts\":{\"hosting\":\"eu\"}}";
    uc_expect("a 10-byte title at max_string_bytes 10", doc, strlen(doc), &opts, BSL_OK, 0, NULL);
    doc = "{\"id\":\"x\",\"title\":\"0123456789A\",\"facts\":{\"hosting\":\"eu\"}}";
    uc_expect("an 11-byte title at max_string_bytes 10", doc, strlen(doc), &opts, BSL_ERR_LIMIT, 18, "");
    /* A multi-byte character straddling the limit. */
    doc = "{\"id\":\"x\",\"title\":\"012345678\xc3\xa9\",\"facts\":{}}";
    uc_expect("9 bytes and a 2-byte character at max_string_bytes 10", doc, strlen(doc), &opts,
              BSL_ERR_LIMIT, 18, "");

    /* Frameworks: at the length of the longest string of the Nantes
     * framework, and one below (the error is at the first string that long). */
    {
        size_t fsize, i, longest = 0, first = 0;
        const char *fwj = read_file(NANTES_PATH, &fsize);
        bsl_json_doc jd;
        CHECK_INT(bsl_json_parse(&jd, fwj, fsize, NULL, NULL, NULL), BSL_OK, "Nantes is JSON");
        for (i = 0; i < jd.count; i++)
            if (jd.nodes[i].type == BSL_JSON_STRING && jd.nodes[i].count > longest) {
                longest = jd.nodes[i].count;
                first = jd.nodes[i].offset;
            }
        bsl_json_doc_free(&jd);
        CHECK(longest > 300, "Nantes has strings longer than 300 bytes");
        opts.max_string_bytes = longest;
        fw_expect("Nantes at max_string_bytes = its longest string", fwj, fsize, &opts, BSL_OK, 0, NULL);
        opts.max_string_bytes = longest - 1;
        fw_expect("Nantes one byte past max_string_bytes", fwj, fsize, &opts, BSL_ERR_LIMIT, first, "");
    }
}

/* ---- facts per use-case ------------------------------------------------------------------- */
static char *usecase_of_facts(size_t facts, size_t evidence, size_t *len)
{
    sb b = {0};
    size_t i;
    char key[32];
    sb_puts(&b, UC_HEAD);
    for (i = 0; i < facts; i++) {
        snprintf(key, sizeof key, "%s\"u%zu\":1", i ? "," : "", i);
        sb_puts(&b, key);
    }
    sb_puts(&b, "},\"evidence\":{");
    for (i = 0; i < evidence; i++) {
        snprintf(key, sizeof key, "%s\"e%zu\":\"\"", i ? "," : "", i);
        sb_puts(&b, key);
    }
    sb_puts(&b, "}}");
    return sb_keep(&b, len);
}

static void test_facts(void)
{
    bsl_options opts;
    const char *doc;
    size_t len;
    bsl_result *r = NULL;

    doc = usecase_of_facts(BSL_DEFAULT_MAX_FACTS, BSL_DEFAULT_MAX_FACTS, &len);
    uc_expect("BSL_DEFAULT_MAX_FACTS facts and evidence entries", doc, len, NULL, BSL_OK, 0, NULL);
    CHECK_INT(bsl_evaluate_json(&r, nantes, doc, len, NULL, NULL), BSL_OK, "they evaluate");
    CHECK_INT(bsl_result_unknown_count(r), 2 * BSL_DEFAULT_MAX_FACTS, "every unknown key is reported");
    CHECK_STR(bsl_result_unknown_path(r, 2 * BSL_DEFAULT_MAX_FACTS - 1), "$.evidence.e1023",
              "the last one is the last evidence entry");
    bsl_result_free(r);
    doc = usecase_of_facts(BSL_DEFAULT_MAX_FACTS + 1, 0, &len);
    uc_expect("one fact past the default", doc, len, NULL, BSL_ERR_LIMIT, strlen(UC_HEAD) - 1,
              "$.facts");
    doc = usecase_of_facts(0, BSL_DEFAULT_MAX_FACTS + 1, &len);
    uc_expect("one evidence entry past the default", doc, len, NULL, BSL_ERR_LIMIT,
              strlen(UC_HEAD) + 13, "$.evidence");

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_facts = 5;
    doc = usecase_of_facts(5, 5, &len);
    uc_expect("5 facts and 5 evidence entries at max_facts 5", doc, len, &opts, BSL_OK, 0, NULL);
    doc = usecase_of_facts(6, 0, &len);
    uc_expect("6 facts at max_facts 5", doc, len, &opts, BSL_ERR_LIMIT, strlen(UC_HEAD) - 1, "$.facts");
    /* Every fact of the Nantes framework at max_facts = their number. */
    {
        size_t n = 0;
        const char *ex = read_file(SRCDIR "/examples/usecases/signalements-voirie.json", &len);
        const char *facts = strstr(ex, "\"facts\"");
        const char *end = strstr(facts, "}");
        const char *p;
        for (p = facts; p < end; p++)
            n += *p == '\n';
        n -= 1; /* one fact per line between the braces */
        CHECK_INT(n, 43, "the example answers the 43 facts");
        opts.max_facts = n;
        uc_expect("an example at max_facts = its 43 facts", ex, len, &opts, BSL_OK, 0, NULL);
        opts.max_facts = n - 1;
        uc_expect("an example at max_facts 42", ex, len, &opts, BSL_ERR_LIMIT,
                  (size_t)(strchr(facts, '{') - ex), "$.facts");
    }
}

/* ---- indicators per framework --------------------------------------------------------------- */

/* A framework with criteria C1 (first indicators) and C2 (second). */
static char *framework_of(size_t first, size_t second, size_t *len)
{
    sb b = {0};
    size_t i;
    char buf[400];
    sb_puts(&b, "{\"format\":\"boussole-framework/1\",\"id\":\"big\",\"version\":\"1\","
                "\"title\":{\"fr\":\"T\",\"en\":\"T\"},\"source\":{\"fr\":\"S\",\"en\":\"S\"},"
                "\"criteria\":[");
    for (i = 0; i < first + second; i++) {
        if (i == 0 || i == first)
            sb_puts(&b, i ? "]},{\"id\":\"C2\",\"title\":{\"fr\":\"D\",\"en\":\"T\"},\"indicators\":["
                          : "{\"id\":\"C1\",\"title\":{\"fr\":\"U\",\"en\":\"O\"},\"indicators\":[");
        snprintf(buf, sizeof buf,
                 "%s{\"fact\":\"f%zu\",\"type\":\"boolean\",\"label\":{\"fr\":\"L\",\"en\":\"L\"},"
                 "\"levels\":[{\"value\":false,\"points\":0,\"justification\":{\"fr\":\"N\",\"en\":\"N\"}},"
                 "{\"value\":true,\"points\":100,\"justification\":{\"fr\":\"O\",\"en\":\"Y\"}}]}",
                 (i == 0 || i == first) ? "" : ",", i);
        sb_puts(&b, buf);
    }
    sb_puts(&b, "]}]}");
    return sb_keep(&b, len);
}

static void test_indicators(void)
{
    bsl_options opts;
    const char *doc;
    size_t len;
    bsl_framework *fw = NULL;
    bsl_result *r = NULL;
    const char *uc = "{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"f0\":true,\"f4095\":false}}";

    doc = framework_of(4000, 96, &len);
    fw_expect("BSL_DEFAULT_MAX_INDICATORS indicators", doc, len, NULL, BSL_OK, 0, NULL);
    CHECK_INT(bsl_framework_load(&fw, doc, len, NULL, NULL), BSL_OK, "load it");
    CHECK_INT(bsl_evaluate_json(&r, fw, uc, strlen(uc), NULL, NULL), BSL_OK, "evaluate against it");
    CHECK_INT(bsl_criterion_result_outcome_count(bsl_result_criterion(r, 0)) +
                  bsl_criterion_result_outcome_count(bsl_result_criterion(r, 1)),
              4096, "4096 outcomes");
    CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r, 0)), 100, "C1: f0 true, the rest unanswered");
    CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r, 1)), 0, "C2: f4095 false");
    bsl_result_free(r);
    bsl_framework_free(fw);
    doc = framework_of(4000, 97, &len);
    fw_expect("one indicator past the default", doc, len, NULL, BSL_ERR_LIMIT,
              (size_t)find_nth(doc, "\"indicators\":[", 1) + 13, "$.criteria[1].indicators");
    doc = framework_of(4097, 0, &len);
    fw_expect("one indicator past the default in one criterion", doc, len, NULL, BSL_ERR_LIMIT,
              (size_t)find_nth(doc, "\"indicators\":[", 0) + 13, "$.criteria[0].indicators");

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_indicators = 10;
    doc = framework_of(7, 3, &len);
    fw_expect("10 indicators at max_indicators 10", doc, len, &opts, BSL_OK, 0, NULL);
    doc = framework_of(7, 4, &len);
    fw_expect("11 indicators at max_indicators 10", doc, len, &opts, BSL_ERR_LIMIT,
              (size_t)find_nth(doc, "\"indicators\":[", 1) + 13, "$.criteria[1].indicators");
}

/* ---- numbers ----------------------------------------------------------------------------------- */

static const bsl_outcome *find_outcome(const bsl_result *r, const char *fact)
{
    size_t c, k;
    for (c = 0; c < bsl_result_criterion_count(r); c++) {
        const bsl_criterion_result *cr = bsl_result_criterion(r, c);
        for (k = 0; k < bsl_criterion_result_outcome_count(cr); k++)
            if (!strcmp(bsl_outcome_fact(bsl_criterion_result_outcome(cr, k)), fact))
                return bsl_criterion_result_outcome(cr, k);
    }
    return NULL;
}

/* The signalements-voirie example with energy_kwh_per_year set to value. */
static const char *energy(const char *value, size_t *len)
{
    const char *ex = read_file(SRCDIR "/examples/usecases/signalements-voirie.json", NULL);
    const char *doc = subst(ex, "\"energy_kwh_per_year\": 2400",
                            subst("\"energy_kwh_per_year\": @", "@", value));
    *len = strlen(doc);
    return doc;
}

/* Evaluate with energy = value: status, and on success the rule matched and
 * the value as kept. */
static void energy_ok(const char *value, const char *rule, const char *kept)
{
    size_t len;
    const char *doc = energy(value, &len);
    bsl_result *r = NULL;
    char label[200];
    char *out = NULL;
    size_t out_len = 0;
    int rc = bsl_evaluate_json(&r, nantes, doc, len, NULL, NULL);
    snprintf(label, sizeof label, "energy %s evaluates", value);
    CHECK_INT(rc, BSL_OK, label);
    if (rc != BSL_OK)
        return;
    snprintf(label, sizeof label, "energy %s: rule", value);
    CHECK_STR(bsl_outcome_rule(find_outcome(r, "energy_kwh_per_year")), rule, label);
    snprintf(label, sizeof label, "energy %s: value kept as written", value);
    CHECK_STR(bsl_outcome_value(find_outcome(r, "energy_kwh_per_year")), kept, label);
    snprintf(label, sizeof label, "energy %s: score within 0..100", value);
    CHECK(bsl_result_score(r) >= 0 && bsl_result_score(r) <= 100, label);
    snprintf(label, sizeof label, "energy %s: renders", value);
    CHECK_INT(bsl_render(&out, &out_len, r, BSL_FORMAT_JSON_COMPACT, BSL_LANG_FR, NULL), BSL_OK, label);
    snprintf(label, sizeof label, "energy %s: the rendering holds the literal", value);
    CHECK_CONTAINS(out, subst("\"value\":@", "@", kept), label);
    bsl_render_free(out);
    bsl_result_free(r);
}

static void energy_fails(const char *what, const char *value, int code, const char *at, const char *path)
{
    size_t len;
    const char *doc = energy(value, &len);
    const char *p = strstr(doc, "\"energy_kwh_per_year\": ");
    uc_expect(what, doc, len, NULL, code, (size_t)(p - doc) + 23 + (size_t)(strstr(value, at) - value),
              path);
}

static void test_numbers(void)
{
    static char long_literal[1200];
    bsl_framework *fw = NULL;
    bsl_result *r = NULL;
    const char *doc;

    /* Within double's range: accepted, kept as written, scored. */
    energy_ok("2400", "band:<=10000", "2400");
    energy_ok("1e308", "band:>100000", "1e308");
    energy_ok("1.7976931348623157e308", "band:>100000", "1.7976931348623157e308");
    energy_ok("123456789012345678901234567890", "band:>100000", "123456789012345678901234567890");
    /* Negative zero is zero: not below the minimum 0, in the first band. */
    energy_ok("-0", "band:<=100", "-0");
    energy_ok("-0.0", "band:<=100", "-0.0");
    energy_ok("-0e999", "band:<=100", "-0e999");
    /* Underflow rounds to zero (RFC 8259 leaves it to the parser); -1e-400
     * is then negative zero, not below the minimum. */
    energy_ok("1e-400", "band:<=100", "1e-400");
    energy_ok("-1e-400", "band:<=100", "-1e-400");
    energy_ok("4.9e-324", "band:<=100", "4.9e-324");
    /* Long literals: 300 digits (about 1e300), and 1000 digits that mean 100. */
    memset(long_literal, '9', 300);
    long_literal[300] = '\0';
    energy_ok(long_literal, "band:>100000", long_literal);
    memset(long_literal, '9', 309);
    long_literal[309] = '\0';
    energy_fails("energy of 309 nines (1e309)", long_literal, BSL_ERR_LIMIT, long_literal, "");
    memcpy(long_literal, "100.", 4);
    memset(long_literal + 4, '0', 996);
    energy_ok(long_literal, "band:<=100", long_literal);

    /* Outside double's range: a limit error at the number. */
    energy_fails("energy 1e400", "1e400", BSL_ERR_LIMIT, "1e400", "");
    energy_fails("energy -1e400", "-1e400", BSL_ERR_LIMIT, "-1e400", "");
    energy_fails("energy 1.7976931348623159e308 (rounds to infinity)", "1.7976931348623159e308",
                 BSL_ERR_LIMIT, "1.", "");
    energy_fails("energy 1e99999999999999999999", "1e99999999999999999999", BSL_ERR_LIMIT, "1e", "");
    /* Regressions found by fuzz_json (fixed in lib/json.c, issue 4): a long
     * integer part with a negative exponent skipped the range check and
     * read as 0 (the best energy band), and integer parts of more than 800
     * digits had their exponent miscounted. */
    {
        static char lit[1000];
        memset(lit, '0', sizeof lit);
        lit[0] = '1';
        strcpy(lit + 402, "e-92"); /* 1e401 x 1e-92 = 1e309 */
        energy_fails("energy 1 + 401 zeros + e-92 (1e309)", lit, BSL_ERR_LIMIT, lit, "");
        memset(lit + 1, '0', 401);
        strcpy(lit + 401, "e-92"); /* 1e308 */
        energy_ok(lit, "band:>100000", lit);
        memset(lit + 1, '0', 900);
        strcpy(lit + 901, "e-897"); /* 1e900 x 1e-897 = 1000 */
        energy_ok(lit, "band:<=1000", lit);
        memset(lit + 1, '0', 900);
        strcpy(lit + 901, "e-898"); /* 100 */
        energy_ok(lit, "band:<=100", lit);
        memset(lit + 1, '0', 900);
        strcpy(lit + 901, "e-591"); /* 1e309 */
        energy_fails("energy 1 + 900 zeros + e-591 (1e309)", lit, BSL_ERR_LIMIT, lit, "");
    }
    /* NaN and infinities are not JSON. */
    energy_fails("energy NaN", "NaN", BSL_ERR_SYNTAX, "NaN", "");
    /* "nan" starts like null: the error is at the byte that breaks it. */
    energy_fails("energy nan", "nan", BSL_ERR_SYNTAX, "an", "");
    energy_fails("energy Infinity", "Infinity", BSL_ERR_SYNTAX, "Infinity", "");
    energy_fails("energy -Infinity", "-Infinity", BSL_ERR_SYNTAX, "Infinity", "");
    energy_fails("energy inf", "inf", BSL_ERR_SYNTAX, "inf", "");
    energy_fails("energy \"NaN\" (a string)", "\"NaN\"", BSL_ERR_TYPE, "\"NaN\"", "$.facts.energy_kwh_per_year");
    /* Below the minimum. */
    energy_fails("energy -1", "-1", BSL_ERR_VALUE, "-1", "$.facts.energy_kwh_per_year");
    energy_fails("energy -4.9e-324", "-4.9e-324", BSL_ERR_VALUE, "-4.9e-324", "$.facts.energy_kwh_per_year");
    energy_fails("energy -1e308", "-1e308", BSL_ERR_VALUE, "-1e308", "$.facts.energy_kwh_per_year");

    /* No minimum: measured_gain_percent takes any finite number. */
    {
        const char *ex = read_file(SRCDIR "/examples/usecases/signalements-voirie.json", NULL);
        size_t len;
        /* The vocabulary bounds a gain at -100 %: -DBL_MAX is out of range,
         * the bound itself falls in the first band. */
        doc = subst(ex, "\"measured_gain_percent\": 22", "\"measured_gain_percent\": -1.7976931348623157e308");
        len = strlen(doc);
        CHECK_INT(bsl_evaluate_json(&r, nantes, doc, len, NULL, NULL), BSL_ERR_VALUE, "gain -DBL_MAX: below the vocabulary's min");
        doc = subst(ex, "\"measured_gain_percent\": 22", "\"measured_gain_percent\": -100");
        len = strlen(doc);
        CHECK_INT(bsl_evaluate_json(&r, nantes, doc, len, NULL, NULL), BSL_OK, "gain -100");
        CHECK_STR(bsl_outcome_rule(find_outcome(r, "measured_gain_percent")), "band:<=0", "gain -100: first band");
        bsl_result_free(r);
    }

    /* Frameworks: weights and points at and past their ranges. */
    {
        const char *small =
            "{\"format\":\"boussole-framework/1\",\"id\":\"w\",\"version\":\"1\","
            "\"title\":{\"fr\":\"T\",\"en\":\"T\"},\"source\":{\"fr\":\"S\",\"en\":\"S\"},\"criteria\":["
            "{\"id\":\"C1\",\"title\":{\"fr\":\"U\",\"en\":\"O\"},\"weight\":@W1@,\"indicators\":["
            "{\"fact\":\"a\",\"type\":\"enum\",\"label\":{\"fr\":\"L\",\"en\":\"L\"},\"weight\":@IW@,"
            "\"levels\":[{\"value\":\"lo\",\"points\":@P@,\"justification\":{\"fr\":\"N\",\"en\":\"N\"}},"
            "{\"value\":\"hi\",\"points\":100,\"justification\":{\"fr\":\"O\",\"en\":\"Y\"}}]},"
            "{\"fact\":\"b\",\"type\":\"boolean\",\"label\":{\"fr\":\"L\",\"en\":\"L\"},\"weight\":4.9e-324,"
            "\"levels\":[{\"value\":false,\"points\":0,\"justification\":{\"fr\":\"N\",\"en\":\"N\"}},"
            "{\"value\":true,\"points\":100,\"justification\":{\"fr\":\"O\",\"en\":\"Y\"}}]}]},"
            "{\"id\":\"C2\",\"title\":{\"fr\":\"D\",\"en\":\"T\"},\"weight\":4.9e-324,\"indicators\":["
            "{\"fact\":\"c\",\"type\":\"boolean\",\"label\":{\"fr\":\"L\",\"en\":\"L\"},"
            "\"levels\":[{\"value\":false,\"points\":0,\"justification\":{\"fr\":\"N\",\"en\":\"N\"}},"
            "{\"value\":true,\"points\":100,\"justification\":{\"fr\":\"O\",\"en\":\"Y\"}}]}]}]}";
        const char *uc = "{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"a\":\"lo\",\"b\":true,\"c\":true}}";
        const char *at;
        /* The largest weights and the smallest (subnormal) ones together:
         * the means stay finite and within 0..100. */
        doc = subst(subst(subst(small, "@W1@", "1e6"), "@IW@", "1e6"), "@P@", "-0");
        CHECK_INT(bsl_framework_load(&fw, doc, strlen(doc), NULL, NULL), BSL_OK,
                  "weights 1e6 and 4.9e-324, points -0");
        CHECK_INT(bsl_evaluate_json(&r, fw, uc, strlen(uc), NULL, NULL), BSL_OK, "evaluate");
        CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r, 0)), 0,
                  "C1: 1e6 x 0 points and 4.9e-324 x 100 points give 0.0");
        CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r, 1)), 100, "C2: 100");
        CHECK_NUM(bsl_result_score(r), 0, "global: weights 1e6 and 4.9e-324 give 0.0");
        bsl_result_free(r);
        bsl_framework_free(fw);
        fw = NULL;
        doc = subst(subst(subst(small, "@W1@", "1"), "@IW@", "1"), "@P@", "33.34");
        CHECK_INT(bsl_framework_load(&fw, doc, strlen(doc), NULL, NULL), BSL_OK, "points 33.34");
        CHECK_INT(bsl_evaluate_json(&r, fw, uc, strlen(uc), NULL, NULL), BSL_OK, "evaluate");
        CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r, 0)), 33.3, "C1: 33.34 rounds to 33.3");
        bsl_result_free(r);
        bsl_framework_free(fw);
        fw = NULL;
        doc = subst(subst(subst(small, "@W1@", "1000000.00000000001"), "@IW@", "1"), "@P@", "0");
        fw_expect("criterion weight 1000000.00000000001 (rounds to 1e6)", doc, strlen(doc), NULL, BSL_OK, 0, NULL);
        doc = subst(subst(subst(small, "@W1@", "1000000.0000000002"), "@IW@", "1"), "@P@", "0");
        at = strstr(doc, "1000000.0000000002");
        fw_expect("criterion weight 1000000.0000000002 (the next double above 1e6)", doc, strlen(doc), NULL, BSL_ERR_VALUE, (size_t)(at - doc),
                  "$.criteria[0].weight");
        doc = subst(subst(subst(small, "@W1@", "1e400"), "@IW@", "1"), "@P@", "0");
        at = strstr(doc, "1e400");
        fw_expect("criterion weight 1e400", doc, strlen(doc), NULL, BSL_ERR_LIMIT, (size_t)(at - doc), "");
        doc = subst(subst(subst(small, "@W1@", "1"), "@IW@", "-0"), "@P@", "100.00000000000001");
        at = strstr(doc, "100.00000000000001");
        fw_expect("points 100.00000000000001 (above 100)", doc, strlen(doc), NULL, BSL_ERR_VALUE,
                  (size_t)(at - doc), "$.criteria[0].indicators[0].levels[0].points");
        doc = subst(subst(subst(small, "@W1@", "1"), "@IW@", "1"), "@P@", "NaN");
        at = strstr(doc, "NaN");
        fw_expect("points NaN", doc, strlen(doc), NULL, BSL_ERR_SYNTAX, (size_t)(at - doc), "");
        doc = subst(subst(subst(small, "@W1@", "-1e-400"), "@IW@", "1"), "@P@", "0");
        fw_expect("criterion weight -1e-400 (negative zero)", doc, strlen(doc), NULL, BSL_OK, 0, NULL);
    }
}

/* ---- long strings and deep arrays in facts ---------------------------------------------------- */
static void test_long_and_deep(void)
{
    sb b = {0};
    const char *doc;
    size_t len;
    bsl_result *r = NULL;
    char *out = NULL;
    size_t out_len = 0;

    /* A 60000-byte evidence text is kept whole and rendered. */
    sb_puts(&b, UC_HEAD);
    sb_puts(&b, "\"hosting\":\"eu\"},\"evidence\":{\"hosting\":\"");
    sb_rep(&b, "\xc3\xa9", 30000);
    sb_puts(&b, "\"}}");
    doc = sb_keep(&b, &len);
    CHECK_INT(bsl_evaluate_json(&r, nantes, doc, len, NULL, NULL), BSL_OK, "60000-byte evidence");
    CHECK_INT(strlen(bsl_outcome_evidence(find_outcome(r, "hosting"))), 60000, "kept whole");
    CHECK_INT(bsl_render(&out, &out_len, r, BSL_FORMAT_TEXT, BSL_LANG_FR, NULL), BSL_OK, "text renders");
    CHECK(out_len > 60000, "the text holds it");
    bsl_render_free(out);
    bsl_result_free(r);

    /* Messages quote values cut to 40 bytes and paths are cut to fit
     * bsl_error: a cut inside a UTF-8 character leaves '?', never invalid
     * UTF-8 (regression found by fuzz_batch, issue 4). */
    {
        bsl_error err;
        bsl_usecase *uc = NULL;
        sb_puts(&b, UC_HEAD);
        sb_puts(&b, "\"hosting\":\"");
        sb_rep(&b, "a", 39);
        sb_rep(&b, "\xc3\xa9", 10);
        sb_puts(&b, "\"}}");
        doc = sb_keep(&b, &len);
        CHECK_INT(bsl_usecase_parse(&uc, nantes, doc, len, NULL, &err), BSL_ERR_ENUM,
                  "a 59-byte enum value, not allowed");
        CHECK_STR(err.message, "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa?\" is not a value of hosting "
                               "(allowed: non_eu, eu, france)", "the value is cut at 40 bytes, the cut character is '?'");
        {
            /* With and without a one-byte prefix, so that one of the two
             * cuts falls inside a character (the path then stops before
             * it; the message, cut at 40 bytes, shows it as '?'). */
            int prefix;
            for (prefix = 0; prefix < 2; prefix++) {
                size_t k;
                int utf8_ok = 1;
                sb_puts(&b, "{\"id\":\"x\",\"title\":\"t\",\"facts\":{},\"");
                sb_puts(&b, prefix ? "x" : "");
                sb_rep(&b, "\xc3\xa9", 100);
                sb_puts(&b, "\":1}");
                doc = sb_keep(&b, &len);
                CHECK_INT(bsl_usecase_parse(&uc, nantes, doc, len, NULL, &err), BSL_ERR_VALUE,
                          "an unknown top-level field of 200 bytes");
                CHECK(strlen(err.path) > 100 && !strcmp(err.path + strlen(err.path) - 3, "..."),
                      "its path is cut to fit bsl_error.path and ends with ...");
                for (k = 0; err.path[k]; k++) {
                    unsigned char c = (unsigned char)err.path[k];
                    if (c == 0xC3 && (unsigned char)err.path[k + 1] == 0xA9)
                        k++;
                    else if (c >= 0x80)
                        utf8_ok = 0;
                }
                CHECK(utf8_ok, "the path is valid UTF-8");
                CHECK(strstr(err.message, prefix ? "unknown field \"x\xc3\xa9" : "unknown field \"\xc3\xa9") &&
                          strstr(err.message, prefix ? "\xc3\xa9?\" (allowed" : "\xc3\xa9\" (allowed"),
                      "the message quotes 40 bytes, a cut character is '?'");
            }
        }
    }

    /* A set holding nested arrays: a type error at the first inner array. */
    sb_puts(&b, UC_HEAD);
    sb_puts(&b, "\"sensitive_data\":[");
    sb_rep(&b, "[", 59);
    sb_rep(&b, "]", 60);
    sb_puts(&b, "}}");
    doc = sb_keep(&b, &len);
    uc_expect("a set of nested arrays (depth 62)", doc, len, NULL, BSL_ERR_TYPE, strlen(UC_HEAD) + 18,
              "$.facts.sensitive_data[0]");
    sb_puts(&b, UC_HEAD);
    sb_puts(&b, "\"sensitive_data\":[");
    sb_rep(&b, "[", 100);
    sb_rep(&b, "]", 101);
    sb_puts(&b, "}}");
    doc = sb_keep(&b, &len);
    uc_expect("a set of nested arrays (depth 103)", doc, len, NULL, BSL_ERR_LIMIT,
              strlen(UC_HEAD) + 18 + 61, "");
    /* Many elements in a set: the first duplicate is reported. */
    sb_puts(&b, UC_HEAD);
    sb_puts(&b, "\"sensitive_data\":[\"health\"");
    sb_rep(&b, ",\"genetic\"", 10000);
    sb_puts(&b, "]}}");
    doc = sb_keep(&b, &len);
    uc_expect("a set of 10001 members", doc, len, NULL, BSL_ERR_VALUE, strlen(UC_HEAD) + 37,
              "$.facts.sensitive_data[2]");
}

int main(void)
{
    if (bsl_framework_load_embedded(&nantes, NULL, NULL, NULL) != BSL_OK) {
        printf("Bail out! cannot load the default framework\n");
        return 1;
    }
    test_input_size();
    test_depth();
    test_tokens();
    test_strings();
    test_facts();
    test_indicators();
    test_numbers();
    test_long_and_deep();
    bsl_framework_free(nantes);
    tu_cleanup();
    return check_done();
}
