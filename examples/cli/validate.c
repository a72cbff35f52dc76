/* boussole validate: every problem of each use-case, as a linter. */
#include "cli.h"

#include <string.h>

/* s for a terminal: a key of a use-case is untrusted, so its control
 * characters, DEL, C1 controls and bidirectional overrides are spelled
 * \\uXXXX, as the library does in reports and error messages. */
static void put_untrusted(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p < 0x20 || *p == 0x7F) {
            fprintf(f, "\\u%04x", *p);
            p++;
        } else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
            fprintf(f, "\\u%04x", p[1]);
            p += 2;
        } else if (p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xA8 && p[2] <= 0xAE) ||
                                    (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9))) {
            fprintf(f, "\\u%04x", 0x2000u | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F));
            p += 3;
        } else {
            fputc(*p++, f);
        }
    }
}

/* The definition of fact key as the framework reads it, or NULL. */
static const bsl_fact *framework_fact(const bsl_framework *fw, const char *key)
{
    size_t i;
    for (i = 0; i < bsl_framework_indicator_count(fw); i++) {
        const bsl_fact *f = bsl_indicator_fact(bsl_framework_indicator(fw, i));
        if (f && !strcmp(bsl_fact_key(f), key))
            return f;
    }
    return bsl_vocabulary_find(bsl_framework_vocabulary(fw), key);
}

/* Every problem of one use-case, on stderr; returns the number of errors. */
static int lint_result(const char *file, const bsl_framework *fw, const bsl_result *r)
{
    size_t i, j;
    int errors = 0;
    for (i = 0; i < bsl_result_unknown_count(r); i++, errors++) {
        const char *sugg = bsl_result_unknown_suggestion(r, i);
        fprintf(stderr, tr("%s: error: unknown key \"", "%s : erreur : clé inconnue « "), file);
        put_untrusted(stderr, bsl_result_unknown_key(r, i));
        fputs(tr("\" (at ", " » (à "), stderr);
        put_untrusted(stderr, bsl_result_unknown_path(r, i));
        fputc(')', stderr);
        if (sugg)
            fprintf(stderr, tr("; did you mean \"%s\"?", " ; vouliez-vous dire « %s » ?"), sugg);
        fputc('\n', stderr);
    }
    for (i = 0; i < bsl_result_not_used_count(r); i++) {
        fprintf(stderr, tr("%s: note: \"%s\" is not read by %s (at ",
                           "%s : remarque : « %s » n'est pas lu par %s (à "), file,
                bsl_result_not_used_key(r, i), bsl_framework_id(fw));
        put_untrusted(stderr, bsl_result_not_used_path(r, i));
        fputs(")\n", stderr);
    }
    for (i = 0; i < bsl_result_missing_count(r); i++, errors++) {
        const char *key = bsl_result_missing(r, i);
        const bsl_fact *f = framework_fact(fw, key);
        fprintf(stderr, tr("%s: error: missing required fact \"%s\" (%s",
                           "%s : erreur : fait obligatoire « %s » manquant (%s"), file, key,
                f ? bsl_fact_type_token(bsl_fact_type_of(f)) : "fact");
        for (j = 0; f && j < bsl_fact_value_count(f); j++)
            fprintf(stderr, "%s%s", j ? ", " : tr("; allowed: ", " ; valeurs autorisées : "),
                    bsl_fact_value(f, j));
        fputs(")\n", stderr);
    }
    return errors;
}

int cmd_validate(int argc, char **argv)
{
    cli_options o;
    bsl_framework *fw = NULL;
    int status = EXIT_OK, files, i, rc;
    if ((rc = parse_options("validate", argc, argv, OPT_FRAMEWORK | OPT_LANG, &o, &files)))
        return rc;
    if (!files)
        return usage_error("validate", tr("validate needs at least one FILE",
                                          "validate demande au moins un FICHIER"));
    if ((rc = load_framework(o.framework, &fw)))
        return rc;
    for (i = 0; i < files; i++) {
        bsl_result *result = NULL;
        int code = evaluate_row(argv[i], &fw, 1, &result);
        if (!code && lint_result(argv[i], fw, result))
            code = EXIT_SCHEMA;
        if (code && status == EXIT_OK)
            status = code;
        bsl_result_free(result);
    }
    bsl_framework_free(fw);
    return close_output(status);
}
