/* Thread safety: one framework, loaded once, shared by THREADS threads that
 * all start together (a barrier) and each parse, evaluate and render every
 * example use-case ROUNDS times, in every format and language, and run the
 * batch entry point over all of them. Every byte must equal the
 * single-threaded reference. Half of the threads use their own counting
 * allocator (allocators may be called from any thread that uses an object
 * created with them), which must end with nothing allocated. Meanwhile one
 * more thread loads and frees frameworks of its own (distinct objects may
 * be created and freed concurrently).
 *
 * CI also builds this test with -fsanitize=thread (tests/hardening.sh),
 * which reports any data race in the library. */
#define _POSIX_C_SOURCE 200809L

#include "check.h"
#include "testutil.h"

#include <pthread.h>

enum { THREADS = 8, ROUNDS = 3, FORMATS = 3, LANGS = 2 };

static const char *const names[] = {
    "assistant-conversationnel-hors-ue", "classement-courrier", "detection-fuites-eau",
    "instruction-subventions-associations", "modele-langage-metropolitain",
    "prevision-affluence-decheteries", "prevision-remplissage-colonnes", "signalements-voirie",
    "synthese-contributions-concertation", "tarification-solidaire-automatique",
    "traduction-accueil", "videoprotection-tramway-reconnaissance-faciale",
};
#define NAMES (sizeof names / sizeof *names)

static const bsl_format formats[FORMATS] = {BSL_FORMAT_JSON, BSL_FORMAT_TEXT, BSL_FORMAT_JSON_COMPACT};

static bsl_framework *shared;
static const char *docs[NAMES];
static size_t doc_lens[NAMES];
static char *reference[NAMES][FORMATS][LANGS];
static size_t reference_len[NAMES][FORMATS][LANGS];
static char *lines_in;          /* every example on one line each */
static size_t lines_in_len;
static char *lines_ref[LANGS];  /* bsl_evaluate_lines reference output */
static size_t lines_ref_len[LANGS];

static pthread_barrier_t start;

typedef struct worker {
    int id;
    int use_counting;
    counting_alloc alloc;
    long mismatches, failures;
} worker;

/* Parse + evaluate + render one use-case in every format and language;
 * compare with the reference (out NULL: fill the reference instead). */
static void run_one(size_t i, const bsl_options *opts, worker *w)
{
    bsl_usecase *uc = NULL;
    bsl_result *r = NULL;
    int f, l;
    if (bsl_usecase_parse(&uc, shared, docs[i], doc_lens[i], opts, NULL) != BSL_OK ||
        bsl_evaluate(&r, shared, uc, NULL) != BSL_OK) {
        w->failures++;
        bsl_usecase_free(uc);
        return;
    }
    bsl_usecase_free(uc); /* the result keeps its own copies */
    for (f = 0; f < FORMATS; f++)
        for (l = 0; l < LANGS; l++) {
            char *out = NULL;
            size_t len = 0;
            if (bsl_render(&out, &len, r, formats[f], (bsl_lang)l, NULL) != BSL_OK) {
                w->failures++;
                continue;
            }
            if (!reference[i][f][l]) {
                reference[i][f][l] = out;
                reference_len[i][f][l] = len;
                continue;
            }
            if (len != reference_len[i][f][l] || memcmp(out, reference[i][f][l], len) != 0)
                w->mismatches++;
            bsl_render_free(out);
        }
    bsl_result_free(r);
}

static void run_lines(const bsl_options *opts, worker *w, int fill)
{
    int l;
    for (l = 0; l < LANGS; l++) {
        char *out = NULL;
        size_t len = 0, errors = 99;
        if (bsl_evaluate_lines(&out, &len, shared, lines_in, lines_in_len, (bsl_lang)l, opts, &errors,
                               NULL) != BSL_OK || errors != 0) {
            w->failures++;
            bsl_render_free(out);
            continue;
        }
        if (fill) {
            lines_ref[l] = out;
            lines_ref_len[l] = len;
            continue;
        }
        if (len != lines_ref_len[l] || memcmp(out, lines_ref[l], len) != 0)
            w->mismatches++;
        bsl_render_free(out);
    }
}

static void *work(void *arg)
{
    worker *w = arg;
    bsl_options opts;
    int round;
    size_t k;
    if (w->use_counting)
        ca_init(&w->alloc, &opts);
    else
        bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    pthread_barrier_wait(&start);
    for (round = 0; round < ROUNDS; round++) {
        /* Each thread walks the examples from a different place, so that
         * different use-cases are evaluated at the same moment. */
        for (k = 0; k < NAMES; k++)
            run_one((k + (size_t)w->id) % NAMES, &opts, w);
        run_lines(&opts, w, 0);
    }
    return NULL;
}

/* Frameworks of its own, loaded and freed while the others evaluate. */
static void *loader(void *arg)
{
    worker *w = arg;
    int i;
    pthread_barrier_wait(&start);
    for (i = 0; i < 2 * ROUNDS; i++) {
        bsl_framework *fw = NULL;
        if (bsl_framework_load_embedded(&fw, NULL, NULL, NULL) != BSL_OK ||
            strcmp(bsl_framework_sha256(fw), bsl_framework_sha256(shared)) != 0)
            w->mismatches++;
        bsl_framework_free(fw);
    }
    return NULL;
}

int main(void)
{
    static worker workers[THREADS + 1];
    pthread_t tids[THREADS + 1];
    worker ref = {0};
    size_t i, k, total = 0;
    int t, f, l, created = 0;
    char label[200];

    if (bsl_framework_load_embedded(&shared, NULL, NULL, NULL) != BSL_OK) {
        printf("Bail out! cannot load the default framework\n");
        return 1;
    }
    /* Inputs, the JSON Lines batch, and the single-threaded reference. */
    for (i = 0; i < NAMES; i++) {
        char path[512];
        snprintf(path, sizeof path, SRCDIR "/examples/usecases/%s.json", names[i]);
        docs[i] = read_file(path, &doc_lens[i]);
        if (!docs[i]) {
            printf("Bail out! cannot read %s\n", path);
            return 1;
        }
        total += doc_lens[i] + 1;
    }
    lines_in = tu_keep(malloc(total + 1));
    for (i = 0; i < NAMES; i++) {
        /* The examples are pretty-printed: newlines inside strings are
         * escaped, so joining their lines makes one JSON line each. */
        for (k = 0; k < doc_lens[i]; k++)
            if (docs[i][k] != '\n' && docs[i][k] != '\r')
                lines_in[lines_in_len++] = docs[i][k];
        lines_in[lines_in_len++] = '\n';
    }
    {
        bsl_options opts;
        bsl_options_init(&opts, BSL_OPTIONS_VERSION);
        for (i = 0; i < NAMES; i++)
            run_one(i, &opts, &ref);
        run_lines(&opts, &ref, 1);
    }
    CHECK_INT(ref.failures, 0, "single-threaded reference: every call succeeds");
    for (l = 0; l < LANGS; l++) {
        size_t n = 0;
        for (k = 0; k < lines_ref_len[l]; k++)
            n += lines_ref[l][k] == '\n';
        CHECK_INT(n, NAMES, "the batch reference has one line per example");
    }

    if (pthread_barrier_init(&start, NULL, THREADS + 1) != 0) {
        printf("Bail out! pthread_barrier_init\n");
        return 1;
    }
    for (t = 0; t <= THREADS; t++) {
        workers[t].id = t;
        workers[t].use_counting = t % 2;
        if (pthread_create(&tids[t], NULL, t < THREADS ? work : loader, &workers[t]) != 0) {
            printf("Bail out! pthread_create\n");
            return 1;
        }
        created++;
    }
    for (t = 0; t < created; t++)
        pthread_join(tids[t], NULL);
    pthread_barrier_destroy(&start);

    for (t = 0; t < THREADS; t++) {
        snprintf(label, sizeof label, "thread %d: every call succeeds", t);
        CHECK_INT(workers[t].failures, 0, label);
        snprintf(label, sizeof label, "thread %d: every rendering equals the single-threaded one", t);
        CHECK_INT(workers[t].mismatches, 0, label);
        if (workers[t].use_counting) {
            snprintf(label, sizeof label, "thread %d: its own allocator was used and ends empty", t);
            CHECK(workers[t].alloc.calls > 0 && workers[t].alloc.live == 0, label);
            snprintf(label, sizeof label, "thread %d: realloc old sizes", t);
            CHECK_INT(workers[t].alloc.bad_old_size, 0, label);
        }
    }
    CHECK_INT(workers[THREADS].mismatches, 0, "frameworks loaded and freed concurrently hash the same");
    printf("# %d threads x %d rounds x %zu use-cases x %d renderings, and %d batches\n", THREADS,
           ROUNDS, NAMES, FORMATS * LANGS, THREADS * ROUNDS * LANGS);

    for (i = 0; i < NAMES; i++)
        for (f = 0; f < FORMATS; f++)
            for (l = 0; l < LANGS; l++)
                bsl_render_free(reference[i][f][l]);
    for (l = 0; l < LANGS; l++)
        bsl_render_free(lines_ref[l]);
    bsl_framework_free(shared);
    tu_cleanup();
    return check_done();
}
