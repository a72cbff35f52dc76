/* intake: the first look a municipal AI board takes at a new use-case.
 *
 * Reads one use-case file (doc/usecase-format.md), scores it against the
 * Nantes Métropole boussole embedded in libboussole, and prints the verdict,
 * the global score, what holds the use-case back (red lines, missing facts,
 * criteria below their thresholds) and, for each, what to do about it.
 *
 *     intake [--lang fr|en] USECASE.json
 *
 * Exit status: 0 when the use-case was scored (whatever the verdict),
 * 1 when it could not be (unreadable file, invalid document, library error),
 * 2 on a usage error.
 *
 * An out-of-tree integrator: it knows libboussole only through its installed
 * header and `pkg-config boussole` (see the Makefile beside it). */
#include <boussole.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
    fputs("usage: intake [--lang fr|en] USECASE.json\n", stderr);
    return 2;
}

/* The whole file in a malloc'd buffer; NULL (and a message) on failure. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    size_t cap = 0;

    *len = 0;
    if (!f) {
        fprintf(stderr, "intake: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    for (;;) {
        if (*len == cap) {
            char *p = realloc(data, cap ? 2 * cap : 8192);
            if (!p) {
                fprintf(stderr, "intake: %s: out of memory\n", path);
                free(data);
                fclose(f);
                return NULL;
            }
            data = p;
            cap = cap ? 2 * cap : 8192;
        }
        {
            size_t got = fread(data + *len, 1, cap - *len, f);
            *len += got;
            if (got == 0)
                break;
        }
    }
    if (ferror(f)) {
        fprintf(stderr, "intake: %s: read error\n", path);
        free(data);
        data = NULL;
    }
    fclose(f);
    return data;
}

/* Print the remediations of one criterion (or of one fact when fact is set). */
static void print_remediations(const bsl_result *r, const char *criterion, const char *fact,
                               bsl_lang lang)
{
    size_t i;
    for (i = 0; i < bsl_result_remediation_count(r); i++) {
        const bsl_outcome *o = bsl_result_remediation(r, i);
        const char *text = bsl_outcome_remediation(o, lang);
        if (!text || strcmp(bsl_outcome_criterion(o), criterion) != 0)
            continue;
        if (fact && strcmp(bsl_outcome_fact(o), fact) != 0)
            continue;
        printf("      -> %s: %s\n", bsl_outcome_fact(o), text);
    }
}

static void report(const bsl_result *r, bsl_lang lang)
{
    size_t i, shown = 0;

    printf("Use-case: %s [%s]\n", bsl_result_usecase_title(r), bsl_result_usecase_id(r));
    printf("Verdict:  %s (%s)\n", bsl_verdict_label(bsl_result_verdict(r), lang),
           bsl_verdict_token(bsl_result_verdict(r)));
    printf("Score:    %.1f/100\n", bsl_result_score(r));

    /* Reasons come ordered: red lines, missing facts, criteria not met, not
     * assessed, with reservations, then met. Show all but "met". */
    printf("Reservations and blockers:\n");
    for (i = 0; i < bsl_result_reason_count(r); i++) {
        const bsl_reason *reason = bsl_result_reason(r, i);
        bsl_reason_kind kind = bsl_reason_kind_of(reason);
        if (kind == BSL_REASON_MET)
            continue;
        printf("  - [%s] %s\n", bsl_reason_kind_token(kind), bsl_reason_text(reason, lang));
        print_remediations(r, bsl_reason_criterion(reason), bsl_reason_fact(reason), lang);
        shown++;
    }
    if (!shown)
        printf("  (none: every criterion is met)\n");

    printf("Provenance: %s %s sha256:%s, libboussole %s\n", bsl_result_framework_id(r),
           bsl_result_framework_version(r), bsl_result_framework_sha256(r),
           bsl_result_library_version(r));
}

int main(int argc, char **argv)
{
    bsl_lang lang = BSL_LANG_FR;
    const char *path = NULL;
    bsl_framework *fw = NULL;
    bsl_result *result = NULL;
    bsl_error err;
    char *doc;
    size_t len;
    int i, rc;

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
            const char *v = argv[++i];
            if (strcmp(v, "fr") && strcmp(v, "en"))
                return usage();
            lang = v[0] == 'e' ? BSL_LANG_EN : BSL_LANG_FR;
        } else if (argv[i][0] == '-' || path) {
            return usage();
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return usage();

    /* The SONAME guarantees the major version; a library older than the
     * headers may lack what they declare. */
    if (bsl_version_number() / 10000 != BSL_VERSION_MAJOR ||
        bsl_version_number() < BSL_VERSION_NUMBER) {
        fprintf(stderr, "intake: libboussole %s is older than its headers (%s)\n",
                bsl_version_string(), BSL_VERSION_STRING);
        return 1;
    }

    if (!(doc = read_file(path, &len)))
        return 1;
    rc = bsl_framework_load_embedded(&fw, NULL, NULL, &err);
    if (rc == BSL_OK)
        rc = bsl_evaluate_json(&result, fw, doc, len, NULL, &err);
    free(doc);
    if (rc != BSL_OK) {
        /* FILE:LINE:COL: error: MESSAGE (at PATH) */
        if (err.line)
            fprintf(stderr, "%s:%u:%u: error: %s", path, err.line, err.column, err.message);
        else
            fprintf(stderr, "%s: error: %s", path, err.message[0] ? err.message : bsl_strerror(rc));
        if (err.path[0])
            fprintf(stderr, " (at %s)", err.path);
        fputc('\n', stderr);
        bsl_framework_free(fw);
        return 1;
    }

    report(result, lang);
    bsl_result_free(result);
    bsl_framework_free(fw);
    return fflush(stdout) == 0 ? 0 : 1;
}
