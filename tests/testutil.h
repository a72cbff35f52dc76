/* Helpers shared by the C unit tests: documents written with single quotes,
 * string substitution, file reading, checks of a bsl_error against the
 * exact byte it must point at, and a counting (optionally failing)
 * allocator. Include after check.h. */
#ifndef BSL_TEST_UTIL_H
#define BSL_TEST_UTIL_H

#include "boussole.h"
#include "check.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The example use-cases of examples/usecases/, by file name without .json. */
static CHECK_MAYBE_UNUSED const char *const EXAMPLES[] = {
    "assistant-conversationnel-hors-ue",
    "classement-courrier",
    "detection-fuites-eau",
    "instruction-subventions-associations",
    "modele-langage-metropolitain",
    "prevision-affluence-decheteries",
    "prevision-remplissage-colonnes",
    "signalements-voirie",
    "synthese-contributions-concertation",
    "tarification-solidaire-automatique",
    "traduction-accueil",
    "videoprotection-tramway-reconnaissance-faciale",
};
#define EXAMPLE_COUNT (sizeof EXAMPLES / sizeof *EXAMPLES)

/* Every string a test allocates is kept here and freed by tu_cleanup(),
 * so tests can chain helpers without bookkeeping. */
static char **tu_strings_;
static size_t tu_string_count_, tu_string_cap_;

static CHECK_MAYBE_UNUSED char *tu_keep(char *s)
{
    if (s && tu_string_count_ == tu_string_cap_) {
        size_t cap = tu_string_cap_ ? 2 * tu_string_cap_ : 256;
        char **p = realloc(tu_strings_, cap * sizeof *p);
        if (!p) {
            free(s);
            s = NULL;
        } else {
            tu_strings_ = p;
            tu_string_cap_ = cap;
        }
    }
    if (!s) {
        fprintf(stderr, "test helper: out of memory\n");
        exit(2);
    }
    tu_strings_[tu_string_count_++] = s;
    return s;
}

static CHECK_MAYBE_UNUSED void tu_cleanup(void)
{
    while (tu_string_count_)
        free(tu_strings_[--tu_string_count_]);
    free(tu_strings_);
    tu_strings_ = NULL;
    tu_string_cap_ = 0;
}

/* A copy of s with every ' turned into ": test documents are written with
 * single quotes so they stay readable as C literals. Byte positions are
 * unchanged. Documents must therefore not contain apostrophes. */
static CHECK_MAYBE_UNUSED char *dq(const char *s)
{
    size_t n = strlen(s), i;
    char *d = tu_keep(malloc(n + 1));
    for (i = 0; i <= n; i++)
        d[i] = s[i] == '\'' ? '"' : s[i];
    return d;
}

/* A copy of s with every occurrence of from replaced by to. */
static CHECK_MAYBE_UNUSED char *subst(const char *s, const char *from, const char *to)
{
    size_t lf = strlen(from), lt = strlen(to), n = 0, len;
    const char *p;
    char *d, *q;
    for (p = strstr(s, from); p; p = strstr(p + lf, from))
        n++;
    len = strlen(s) + n * lt - n * lf;
    d = q = tu_keep(malloc(len + 1));
    for (p = s;;) {
        const char *hit = strstr(p, from);
        if (!hit) {
            strcpy(q, p);
            break;
        }
        memcpy(q, p, (size_t)(hit - p));
        q += hit - p;
        memcpy(q, to, lt);
        q += lt;
        p = hit + lf;
    }
    return d;
}

/* The whole file, NUL-terminated; NULL when it cannot be read. */
static CHECK_MAYBE_UNUSED char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    size_t cap = 0, n = 0;
    if (!f)
        return NULL;
    for (;;) {
        size_t got;
        if (cap - n < 4096) {
            char *p = realloc(data, cap + 65536);
            if (!p) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = p;
            cap += 65536;
        }
        got = fread(data + n, 1, cap - n - 1, f);
        n += got;
        if (!got)
            break;
    }
    fclose(f);
    data[n] = '\0';
    if (len)
        *len = n;
    return tu_keep(data);
}

/* Byte offset of the nth (0-based) occurrence of needle in doc, or -1. */
static CHECK_MAYBE_UNUSED long find_nth(const char *doc, const char *needle, int nth)
{
    const char *p = strstr(doc, needle);
    while (p && nth-- > 0)
        p = strstr(p + 1, needle);
    return p ? (long)(p - doc) : -1;
}

/* Check a failed call: the status, the error's code, and that it points
 * at the nth occurrence of needle in doc (offset), at the given 1-based
 * line and column, with the given path. needle NULL: not about a document
 * (offset, line and column 0). */
static CHECK_MAYBE_UNUSED void check_error_at(const char *what, int rc, const bsl_error *err, int code,
                                     const char *doc, const char *needle, int nth,
                                     unsigned line, unsigned column, const char *path)
{
    char label[300];
    snprintf(label, sizeof label, "%s: status", what);
    CHECK_INT(rc, code, label);
    snprintf(label, sizeof label, "%s: err.code", what);
    CHECK_INT(err->code, code, label);
    snprintf(label, sizeof label, "%s: offset", what);
    if (needle) {
        long want = find_nth(doc, needle, nth), i;
        unsigned l = 1, c = 1;
        if (want < 0)
            printf("# test bug: needle \"%s\" not found\n", needle);
        CHECK_INT(err->offset, want, label);
        /* Where the needle is, counted here independently of the library. */
        for (i = 0; i < want; i++) {
            if (doc[i] == '\n') {
                l++;
                c = 1;
            } else if (((unsigned char)doc[i] & 0xC0) != 0x80) {
                c++;
            }
        }
        if (want >= 0 && (l != line || c != column))
            printf("# test bug: \"%s\" is at line %u column %u\n", needle, l, c);
    } else {
        CHECK_INT(err->offset, 0, label);
    }
    snprintf(label, sizeof label, "%s: line", what);
    CHECK_INT(err->line, line, label);
    snprintf(label, sizeof label, "%s: column", what);
    CHECK_INT(err->column, column, label);
    snprintf(label, sizeof label, "%s: path", what);
    CHECK_STR(err->path, path, label);
    printf("# %s: message \"%s\"\n", what, err->message);
    snprintf(label, sizeof label, "%s: has a message", what);
    CHECK(err->message[0] != '\0', label);
}

/* CHECK that haystack contains needle, showing both on failure. */
#define CHECK_CONTAINS(haystack, needle, what)                                   \
    do {                                                                         \
        const char *h_ = (haystack), *n_ = (needle);                             \
        if (!CHECK(h_ && strstr(h_, n_), (what)))                                \
            printf("#   \"%s\" does not contain \"%s\"\n", h_ ? h_ : "(null)", n_); \
    } while (0)

/* Compare doubles exactly (scores are rounded to 0.1 by the library, so
 * compare with a tolerance far below that). */
#define CHECK_NUM(got, want, what)                                              \
    do {                                                                        \
        double gd_ = (got), wd_ = (want);                                       \
        double dd_ = gd_ - wd_;                                                 \
        if (!check_report_(dd_ < 1e-9 && dd_ > -1e-9, __FILE__, __LINE__, (what))) \
            printf("#   got %.10g, want %.10g\n", gd_, wd_);                    \
    } while (0)

/* ---- a counting allocator ---------------------------------------------
 * Each block carries its size in a header so that realloc's old_size can
 * be checked. fail_at >= 0 makes the allocation with that 0-based number
 * (malloc or realloc) fail. */
typedef struct counting_alloc {
    long calls;        /* malloc + realloc calls so far (failed ones too) */
    long live;         /* blocks allocated and not yet freed */
    long frees;
    long fail_at;      /* -1: never fail */
    long failures;     /* allocations refused */
    long bad_old_size; /* realloc calls whose old_size was wrong */
} counting_alloc;

typedef union tu_header {
    size_t size;
    max_align_t align;
} tu_header;

/* Count an allocation attempt; non-zero when it must be refused. */
static CHECK_MAYBE_UNUSED int ca_refuse(counting_alloc *a)
{
    long n = a->calls++;
    if (a->fail_at >= 0 && n == a->fail_at) {
        a->failures++;
        return 1;
    }
    return 0;
}

static CHECK_MAYBE_UNUSED void *ca_malloc(void *ctx, size_t size)
{
    counting_alloc *a = ctx;
    tu_header *h;
    if (ca_refuse(a))
        return NULL;
    h = malloc(sizeof *h + size);
    if (!h)
        return NULL;
    h->size = size;
    a->live++;
    return h + 1;
}

static CHECK_MAYBE_UNUSED void *ca_realloc(void *ctx, void *ptr, size_t old_size, size_t size)
{
    counting_alloc *a = ctx;
    tu_header *h, *nh;
    if (!ptr)
        return ca_malloc(ctx, size);
    h = (tu_header *)ptr - 1;
    if (h->size != old_size)
        a->bad_old_size++;
    if (ca_refuse(a))
        return NULL;
    nh = realloc(h, sizeof *nh + size);
    if (!nh)
        return NULL;
    nh->size = size;
    return nh + 1;
}

static CHECK_MAYBE_UNUSED void ca_free(void *ctx, void *ptr)
{
    counting_alloc *a = ctx;
    if (!ptr)
        return;
    a->live--;
    a->frees++;
    free((tu_header *)ptr - 1);
}

static CHECK_MAYBE_UNUSED void ca_init(counting_alloc *a, bsl_options *opts)
{
    memset(a, 0, sizeof *a);
    a->fail_at = -1;
    bsl_options_init(opts, BSL_OPTIONS_VERSION);
    opts->allocator.malloc = ca_malloc;
    opts->allocator.realloc = ca_realloc;
    opts->allocator.free = ca_free;
    opts->allocator.ctx = a;
}

/* ---- out-of-memory loops (SQLite, expat) -------------------------------
 * Run call with allocation n failing, for n = 0, 1, 2 ... until a call
 * makes no failing allocation; every failure must return BSL_ERR_NOMEM,
 * fill err, leave *out NULL and leak nothing. a is the allocator call
 * uses (through opts), already holding its base blocks; ctx is passed
 * through; free_out frees a successful out. */
typedef int (*tu_oom_call)(void *ctx, bsl_options *opts, void **out, bsl_error *err);

static CHECK_MAYBE_UNUSED void oom_loop(const char *what, tu_oom_call call, void *ctx, counting_alloc *a,
                               bsl_options *opts, void (*free_out)(void *))
{
    long n, points = 0, base_live = a->live;
    int bad_rc = 0, bad_out = 0, leaks = 0, bad_err = 0;
    char label[200];
    for (n = 0; n < 100000; n++) {
        void *out = (void *)&out;
        bsl_error err;
        int rc;
        a->calls = 0;
        a->failures = 0;
        a->fail_at = n;
        rc = call(ctx, opts, &out, &err);
        if (a->failures == 0) {
            snprintf(label, sizeof label, "%s: succeeds when no allocation fails", what);
            CHECK_INT(rc, BSL_OK, label);
            if (rc == BSL_OK)
                free_out(out);
            break;
        }
        points++;
        if (rc != BSL_ERR_NOMEM && !bad_rc++)
            printf("# %s: allocation %ld failed, status %d (%s)\n", what, n, rc, err.message);
        if (err.code != rc)
            bad_err++;
        if (out != NULL) {
            bad_out++;
            if (rc == BSL_OK)
                free_out(out);
        }
        if (a->live != base_live && !leaks++)
            printf("# %s: allocation %ld failed, %ld blocks leaked\n", what, n, a->live - base_live);
    }
    a->fail_at = -1;
    printf("# %s: %ld failure points\n", what, points);
    snprintf(label, sizeof label, "%s: some allocation can fail", what);
    CHECK(points > 0, label);
    snprintf(label, sizeof label, "%s: every failure returns BSL_ERR_NOMEM", what);
    CHECK_INT(bad_rc, 0, label);
    snprintf(label, sizeof label, "%s: every failure fills err.code", what);
    CHECK_INT(bad_err, 0, label);
    snprintf(label, sizeof label, "%s: every failure leaves out NULL", what);
    CHECK_INT(bad_out, 0, label);
    snprintf(label, sizeof label, "%s: no failure leaks", what);
    CHECK_INT(leaks, 0, label);
    snprintf(label, sizeof label, "%s: realloc old sizes", what);
    CHECK_INT(a->bad_old_size, 0, label);
}

static CHECK_MAYBE_UNUSED void tu_free_render(void *p) { bsl_render_free(p); }

#endif
