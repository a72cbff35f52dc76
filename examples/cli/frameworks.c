/* The frameworks a command runs with (--framework ID|FILE, or a list of
 * them) and evaluating a use-case FILE under them. */
#define _POSIX_C_SOURCE 200809L /* access */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A --framework that is neither an embedded id nor a file: say which ids
 * there are, most likely what was meant. */
static void list_embedded(const char *spec)
{
    size_t i;
    fprintf(stderr, tr("boussole: '%s' is not an embedded framework (",
                       "boussole : « %s » n'est ni un référentiel intégré ("), spec);
    for (i = 0; i < bsl_embedded_framework_count(); i++)
        fprintf(stderr, "%s%s", i ? ", " : "", bsl_embedded_framework_id(i));
    fputs(tr(") nor a readable file\n", ") ni un fichier lisible\n"), stderr);
}

int load_framework(const char *spec, bsl_framework **fw)
{
    bsl_error err;
    size_t i;
    int rc;
    for (i = 0; spec && i < bsl_embedded_framework_count(); i++)
        if (!strcmp(spec, bsl_embedded_framework_id(i)))
            break;
    if (!spec || i < bsl_embedded_framework_count())
        rc = bsl_framework_load_embedded(fw, spec, NULL, &err);
    else
        rc = bsl_framework_load_file(fw, spec, NULL, &err);
    if (rc) {
        report(spec ? spec : "nantes-2024", &err);
        if (rc == BSL_ERR_IO && spec && access(spec, F_OK) != 0)
            list_embedded(spec);
        return exit_code_for(rc);
    }
    return EXIT_OK;
}

/* Evaluate FILE under each framework into row[0..nfw). EXIT_OK or the
 * file's error (reported). */
int evaluate_row(const char *file, bsl_framework *const *fws, size_t nfw, bsl_result **row)
{
    char *data = NULL;
    size_t len = 0, f;
    bsl_error err;
    int rc, code = read_all(file, &data, &len);
    for (f = 0; !code && f < nfw; f++)
        if ((rc = bsl_evaluate_json(&row[f], fws[f], data, len, NULL, &err))) {
            report(file, &err);
            code = exit_code_for(rc);
        }
    free(data);
    return code;
}

/* The frameworks of a comparison: the comma-separated list spec (ids or
 * files), or every embedded one. */
int load_frameworks(const char *spec, bsl_framework ***fws, size_t *n)
{
    size_t cap = 1, i;
    const char *p;
    int rc = EXIT_OK;
    for (p = spec; p && *p; p++)
        cap += *p == ',';
    if (!spec)
        cap = bsl_embedded_framework_count();
    *n = 0;
    if (!(*fws = calloc(cap, sizeof **fws)))
        return EXIT_INTERNAL;
    for (i = 0; i < cap && !rc; i++) {
        char name[4096];
        const char *start = spec, *end;
        size_t k;
        if (!spec) {
            rc = load_framework(bsl_embedded_framework_id(i), &(*fws)[(*n)++]);
            continue;
        }
        for (k = 0; k < i; k++)
            start = strchr(start, ',') + 1;
        end = strchr(start, ',');
        k = end ? (size_t)(end - start) : strlen(start);
        if (!k || k >= sizeof name)
            return usage_error("compare", tr("--framework takes ids or files separated by commas",
                                                 "--framework prend des identifiants ou des fichiers séparés par des virgules"));
        memcpy(name, start, k);
        name[k] = '\0';
        rc = load_framework(name, &(*fws)[(*n)++]);
    }
    return rc;
}

void free_all(bsl_framework **fws, size_t nfw, bsl_result **cells, size_t ncells)
{
    size_t i;
    for (i = 0; cells && i < ncells; i++)
        bsl_result_free(cells[i]);
    for (i = 0; i < nfw; i++)
        bsl_framework_free(fws[i]);
    free(cells);
    free(fws);
}
