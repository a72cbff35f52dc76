/* The embedded tables (generated at build time by lib/tools/gen_tables.c)
 * are what the JSON loads: for every embedded framework, the framework
 * loaded from its tables and the one loaded from frameworks/<id>.json
 * agree member by member (walked with the generator's own field lists, so
 * a member it forgets or writes wrong shows here), and give the same
 * bytes for every example use-case in every format and language, and for
 * describe, schema and template. The same for the vocabulary. */
#include "check.h"
#include "testutil.h"
#include "embedded.h"
#include "tools/gen.h"

#include <boussole.h>
#include <dirent.h>
#include <string.h>

enum { MAX_FILES = 256 };

/* ---- member by member ---------------------------------------------------- */

typedef struct diff_state {
    const bsl_framework *fa, *fb; /* for applies_if's flags */
    size_t count;
    char first[512];
} diff_state;

static void differ(diff_state *d, const char *path, const char *member)
{
    if (!d->count++ && snprintf(d->first, sizeof d->first, "%s.%s", path, member) < 0)
        d->first[0] = '\0';
}

static int same_str(const char *a, const char *b) { return !a || !b ? a == b : !strcmp(a, b); }

static const void *ptr_at(const void *obj, size_t off)
{
    const void *p;
    memcpy(&p, (const char *)obj + off, sizeof p);
    return p;
}

static size_t size_at(const void *obj, size_t off)
{
    size_t n;
    memcpy(&n, (const char *)obj + off, sizeof n);
    return n;
}

/* n pieces of JSON alike: the same bytes (json_prepare.c). */
static int same_frags(const bsl_frag *a, const bsl_frag *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (a[i].len != b[i].len || (!a[i].s) != (!b[i].s) ||
            (a[i].len && memcmp(a[i].s, b[i].s, a[i].len)))
            return 0;
    return 1;
}

static int same_text(const bsl_text *a, const bsl_text *b)
{
    return same_str(a->s[0], b->s[0]) && same_str(a->s[1], b->s[1]) && same_frags(a->json, b->json, 2);
}

static void compare(diff_state *d, const gen_type *t, const void *a, const void *b, const char *path);

/* Arrays: equal lengths (their own member), then element by element. */
static void compare_array(diff_state *d, const gen_field *f, const void *a, const void *b, const char *path)
{
    const void *pa = ptr_at(a, f->offset), *pb = ptr_at(b, f->offset);
    size_t n = f->kind == GEN_FLAGS ? 0 : size_at(a, f->count), i;
    char sub[400];
    if (f->kind == GEN_FLAGS) {
        const bsl_indicator *ia = a;
        n = ia->has_condition ? d->fa->indicators[ia->cond_indicator].outcome_count : 0;
    }
    if (!n)
        return; /* empty: the pointer is never read */
    if (!pa || !pb || (f->kind != GEN_FLAGS && n != size_at(b, f->count))) {
        differ(d, path, f->name);
        return;
    }
    for (i = 0; i < n; i++) {
        int same = 1;
        if (snprintf(sub, sizeof sub, "%s.%s[%zu]", path, f->name, i) < 0)
            sub[0] = '\0';
        switch (f->kind) {
        case GEN_STRUCTS:
            compare(d, f->elem, (const char *)pa + i * f->elem->size, (const char *)pb + i * f->elem->size, sub);
            break;
        case GEN_SIZES: same = ((const size_t *)pa)[i] == ((const size_t *)pb)[i]; break;
        case GEN_STRS: same = same_str(((const char *const *)pa)[i], ((const char *const *)pb)[i]); break;
        default: same = ((const unsigned char *)pa)[i] == ((const unsigned char *)pb)[i]; break;
        }
        if (!same)
            differ(d, sub, "");
    }
}

/* The bytes between listed members, which should be padding: zero in
 * both (static storage and the loader's zeroed allocations). A member that
 * gen_fields.c does not list but that fits where padding could be (an int
 * before a pointer) escapes gen_check_layout(); here it differs whenever
 * the loader gave it a value. */
static void compare_gaps(diff_state *d, const gen_type *t, const void *a, const void *b, const char *path)
{
    const gen_field *f;
    size_t end = 0;
    for (f = t->fields;; f++) {
        size_t at = f->name ? f->offset : t->size;
        if (at > end && memcmp((const char *)a + end, (const char *)b + end, at - end)) {
            char what[96];
            snprintf(what, sizeof what, "(unlisted bytes before %.60s)", f->name ? f->name : "the end");
            differ(d, path, what);
        }
        if (!f->name)
            break;
        end = f->offset + f->size;
    }
}

static void compare(diff_state *d, const gen_type *t, const void *a, const void *b, const char *path)
{
    const gen_field *f;
    compare_gaps(d, t, a, b, path);
    for (f = t->fields; f->name; f++) {
        const char *ma = (const char *)a + f->offset, *mb = (const char *)b + f->offset;
        size_t i;
        int same = 1;
        switch (f->kind) {
        case GEN_SKIP: continue;
        case GEN_STR: same = same_str(ptr_at(a, f->offset), ptr_at(b, f->offset)); break;
        case GEN_STRN:
            same = size_at(a, f->count) == size_at(b, f->count) &&
                   (!size_at(a, f->count) ||
                    !memcmp(ptr_at(a, f->offset), ptr_at(b, f->offset), size_at(a, f->count)));
            break;
        case GEN_TEXT: same = same_text((const bsl_text *)ma, (const bsl_text *)mb); break;
        case GEN_TEXTS:
            for (i = 0; i < f->count; i++)
                same = same && same_text((const bsl_text *)ma + i, (const bsl_text *)mb + i);
            break;
        case GEN_NUM:
            same = !memcmp(&((const bsl_num *)ma)->value, &((const bsl_num *)mb)->value, sizeof(double)) &&
                   same_str(((const bsl_num *)ma)->text, ((const bsl_num *)mb)->text);
            break;
        case GEN_SIZE: case GEN_INT: case GEN_DOUBLE: same = !memcmp(ma, mb, f->size); break;
        case GEN_CHARS: same = !strncmp(ma, mb, f->size); break;
        case GEN_STRUCTS: case GEN_SIZES: case GEN_STRS: case GEN_FLAGS: compare_array(d, f, a, b, path); break;
        case GEN_FACT: case GEN_VOCAB: same = ptr_at(a, f->offset) == ptr_at(b, f->offset); break;
        case GEN_FRAGS:
            same = same_frags((const bsl_frag *)ma, (const bsl_frag *)mb, f->size / sizeof(bsl_frag));
            break;
        case GEN_SIZE_GRID: same = !memcmp(ma, mb, f->size); break;
        }
        if (!same)
            differ(d, path, f->name);
    }
}

/* ---- outputs --------------------------------------------------------------- */

typedef struct file_list { char *path[MAX_FILES]; size_t n; } file_list;

static void add_dir(file_list *l, const char *dir, int recurse)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    if (!d)
        return;
    while ((e = readdir(d)) && l->n < MAX_FILES) {
        size_t n = strlen(e->d_name);
        char *path;
        if (e->d_name[0] == '.')
            continue;
        path = tu_keep(malloc(strlen(dir) + n + 2));
        sprintf(path, "%s/%s", dir, e->d_name);
        if (n > 5 && !strcmp(e->d_name + n - 5, ".json"))
            l->path[l->n++] = path;
        else if (recurse)
            add_dir(l, path, 0);
        else if (!strchr(e->d_name, '.'))
            l->path[l->n++] = path; /* fuzz seeds have no extension */
    }
    closedir(d);
}

static int same_bytes(int rc_a, const char *a, size_t la, int rc_b, const char *b, size_t lb)
{
    return rc_a == rc_b && (rc_a || (la == lb && !memcmp(a, b, la)));
}

/* describe (json, text, markdown), schema and template, fr and en. */
static size_t compare_documents(const bsl_framework *e, const bsl_framework *f)
{
    static const bsl_format formats[] = { BSL_FORMAT_JSON, BSL_FORMAT_TEXT, BSL_FORMAT_MARKDOWN };
    size_t wrong = 0, k;
    int lang;
    for (lang = 0; lang < 2; lang++)
        for (k = 0; k < 5; k++) {
            char *a = NULL, *b = NULL;
            size_t la = 0, lb = 0;
            int ra, rb;
            if (k < 3) {
                ra = bsl_framework_describe(&a, &la, e, formats[k], (bsl_lang)lang, NULL);
                rb = bsl_framework_describe(&b, &lb, f, formats[k], (bsl_lang)lang, NULL);
            } else if (k == 3) {
                ra = bsl_framework_schema(&a, &la, e, (bsl_lang)lang, NULL);
                rb = bsl_framework_schema(&b, &lb, f, (bsl_lang)lang, NULL);
            } else {
                ra = bsl_framework_template(&a, &la, e, (bsl_lang)lang, NULL);
                rb = bsl_framework_template(&b, &lb, f, (bsl_lang)lang, NULL);
            }
            if (ra || !same_bytes(ra, a, la, rb, b, lb)) {
                printf("# %s: document %zu (%s) differs\n", bsl_framework_id(f), k, lang ? "en" : "fr");
                wrong++;
            }
            bsl_render_free(a);
            bsl_render_free(b);
        }
    return wrong;
}

/* Every use-case: the same error, or the same bytes in every format. */
static size_t compare_results(const bsl_framework *e, const bsl_framework *f, const file_list *l,
                              size_t *rendered)
{
    static const bsl_format formats[] = { BSL_FORMAT_JSON, BSL_FORMAT_JSON_COMPACT, BSL_FORMAT_TEXT,
                                          BSL_FORMAT_MARKDOWN, BSL_FORMAT_HTML, BSL_FORMAT_SVG };
    size_t wrong = 0, i, k;
    for (i = 0; i < l->n; i++) {
        size_t len;
        const char *data = read_file(l->path[i], &len);
        bsl_result *ra = NULL, *rb = NULL;
        bsl_error ea, eb;
        int ca = bsl_evaluate_json(&ra, e, data, len, NULL, &ea);
        int cb = bsl_evaluate_json(&rb, f, data, len, NULL, &eb);
        if (ca != cb || (ca && (strcmp(ea.message, eb.message) || strcmp(ea.path, eb.path)))) {
            printf("# %s, %s: the use-case loads differently\n", bsl_framework_id(f), l->path[i]);
            wrong++;
        }
        for (k = 0; !ca && !cb && k < sizeof formats / sizeof *formats; k++) {
            int lang;
            for (lang = 0; lang < 2; lang++) {
                char *a = NULL, *b = NULL;
                size_t la = 0, lb = 0;
                int xa = bsl_render(&a, &la, ra, formats[k], (bsl_lang)lang, NULL);
                int xb = bsl_render(&b, &lb, rb, formats[k], (bsl_lang)lang, NULL);
                if (xa || !same_bytes(xa, a, la, xb, b, lb)) {
                    printf("# %s, %s: format %d (%s) differs\n", bsl_framework_id(f), l->path[i],
                           (int)formats[k], lang ? "en" : "fr");
                    wrong++;
                }
                ++*rendered;
                bsl_render_free(a);
                bsl_render_free(b);
            }
        }
        bsl_result_free(ra);
        bsl_result_free(rb);
    }
    return wrong;
}

static void test_frameworks(const file_list *l)
{
    size_t i, rendered = 0, docs = 0, results = 0, members = 0;
    CHECK(l->n >= 12, "example use-cases found");
    for (i = 0; i < bsl_embedded_framework_count(); i++) {
        const char *id = bsl_embedded_framework_id(i);
        char path[512];
        bsl_framework *e = NULL, *f = NULL;
        diff_state d;
        snprintf(path, sizeof path, SRCDIR "/frameworks/%s.json", id);
        if (!CHECK(bsl_framework_load_embedded(&e, id, NULL, NULL) == BSL_OK &&
                   bsl_framework_load_file(&f, path, NULL, NULL) == BSL_OK, "embedded and JSON load")) {
            bsl_framework_free(e);
            bsl_framework_free(f);
            continue;
        }
        memset(&d, 0, sizeof d);
        d.fa = e;
        d.fb = f;
        compare(&d, &gen_framework_type, bsl_embedded_frameworks[i].tables, f, id);
        if (d.count)
            printf("# %s: %zu members differ, first %s\n", id, d.count, d.first);
        members += d.count;
        CHECK_STR(bsl_framework_sha256(e), bsl_framework_sha256(f), "the SHA-256 of the tables is the JSON's");
        docs += compare_documents(e, f);
        results += compare_results(e, f, l, &rendered);
        bsl_framework_free(e);
        bsl_framework_free(f);
    }
    CHECK_INT(members, 0, "every framework: the tables equal the JSON, member by member");
    CHECK_INT(docs, 0, "every framework: describe, schema and template give the same bytes");
    CHECK_INT(results, 0, "every framework, every example: the same result bytes in every format");
    CHECK(rendered >= 5 * 12 * 12, "reports were rendered and compared");
    printf("# %zu reports compared\n", rendered);
}

static void test_vocabulary(void)
{
    bsl_vocabulary *e = NULL, *f = NULL;
    size_t len;
    const char *data = read_file(SRCDIR "/frameworks/vocabulary.json", &len);
    diff_state d;
    CHECK_INT(bsl_vocabulary_load_embedded(&e, NULL, NULL), BSL_OK, "embedded vocabulary loads");
    CHECK_INT(bsl_vocabulary_load(&f, data, len, NULL, NULL), BSL_OK, "frameworks/vocabulary.json loads");
    if (e && f) {
        memset(&d, 0, sizeof d); /* the static tables, not the handle: a struct copy need not copy padding */
        compare(&d, &gen_vocabulary_type, &bsl_embedded_vocabulary, f, "vocabulary");
        if (d.count)
            printf("# vocabulary: %zu members differ, first %s\n", d.count, d.first);
        CHECK_INT(d.count, 0, "the vocabulary's tables equal its JSON, member by member");
        CHECK_STR(bsl_vocabulary_sha256(e), bsl_vocabulary_sha256(f), "the vocabulary's SHA-256 is its JSON's");
    }
    bsl_vocabulary_free(e);
    bsl_vocabulary_free(f);
}

/* The JSON's limits still refuse an embedded load (as they refused the
 * JSON before it was compiled into tables), and only the handle is
 * allocated: one block, freed by bsl_framework_free(). */
static void test_limits_and_handle(void)
{
    bsl_options o = BSL_OPTIONS_INIT;
    bsl_framework *fw = NULL;
    bsl_vocabulary *v = NULL;
    bsl_error err;
    counting_alloc a;
    o.max_input_bytes = 1000;
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, &o, &err), BSL_ERR_LIMIT, "max_input_bytes refuses it");
    CHECK(fw == NULL, "nothing handed out");
    o = (bsl_options)BSL_OPTIONS_INIT;
    o.max_depth = 3;
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, &o, &err), BSL_ERR_LIMIT, "max_depth refuses it");
    o = (bsl_options)BSL_OPTIONS_INIT;
    o.max_tokens = 100;
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, &o, &err), BSL_ERR_LIMIT, "max_tokens refuses it");
    o = (bsl_options)BSL_OPTIONS_INIT;
    o.max_string_bytes = 8;
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, &o, &err), BSL_ERR_LIMIT, "max_string_bytes refuses it");
    o = (bsl_options)BSL_OPTIONS_INIT;
    o.max_indicators = 10;
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, &o, &err), BSL_ERR_LIMIT, "max_indicators refuses it");
    CHECK_STR(err.message, "more than 10 indicators (max_indicators)", "with the loader's message");
    CHECK_INT(bsl_vocabulary_load_embedded(&v, &o, &err), BSL_ERR_LIMIT, "and the vocabulary's facts");
    CHECK_STR(err.message, "more than 10 facts (max_indicators)", "with the vocabulary loader's message");

    ca_init(&a, &o);
    CHECK_INT(bsl_framework_load_embedded(&fw, "eu-ai-act-2024", &o, NULL), BSL_OK, "loads with an allocator");
    CHECK_INT(a.calls, 1, "one allocation: the handle");
    CHECK(bsl_framework_indicator_count(fw) > 0 && bsl_framework_vocabulary(fw) != NULL, "a whole framework");
    bsl_framework_free(fw);
    CHECK_INT(a.live, 0, "freed");
}

int main(void)
{
    file_list l;
    int failed;
    memset(&l, 0, sizeof l);
    add_dir(&l, SRCDIR "/examples/usecases", 1);
    add_dir(&l, SRCDIR "/fuzz/corpus/usecase", 0);
    CHECK_INT(gen_check_layout(), 0, "the generator's field lists cover every struct");
    test_vocabulary();
    test_frameworks(&l);
    test_limits_and_handle();
    failed = check_done();
    tu_cleanup();
    return failed;
}
