/* Diagnostics of the boussole command on standard error, in French or
 * English (the library's messages through bsl_error_message()). */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The language of diagnostics: --lang when the command line gives it,
 * else French for a French locale (LC_ALL, LC_MESSAGES or LANG: fr*) and
 * English otherwise, the C and POSIX locales included, where Unix tools
 * print their untranslated messages. Set once, by diagnostics_init(), first
 * thing in main(). */
static bsl_lang diag_lang = BSL_LANG_EN;

const char *tr(const char *en, const char *fr)
{
    return diag_lang == BSL_LANG_FR ? fr : en;
}

static bsl_lang diagnostics_lang(int argc, char **argv)
{
    const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    int i;
    for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
        const char *v = !strncmp(argv[i], "--lang=", 7) ? argv[i] + 7
                      : !strcmp(argv[i], "--lang") && i + 1 < argc ? argv[i + 1] : NULL;
        if (v && (!strcmp(v, "fr") || !strcmp(v, "en")))
            return v[0] == 'f' ? BSL_LANG_FR : BSL_LANG_EN;
    }
    for (i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "fr", 2) == 0 ? BSL_LANG_FR : BSL_LANG_EN;
    }
    return BSL_LANG_EN;
}

int exit_code_for(int status)
{
    if (status == BSL_ERR_IO)
        return EXIT_IO;
    if (status == BSL_ERR_SYNTAX)
        return EXIT_SYNTAX;
    if (BSL_ERR_IS_SCHEMA(status))
        return EXIT_SCHEMA;
    if (status == BSL_ERR_LIMIT)
        return EXIT_LIMIT;
    if (status == BSL_ERR_NOTFOUND || status == BSL_ERR_ARG)
        return EXIT_USAGE;
    return EXIT_INTERNAL;
}

/* FILE:LINE:COL: error: MESSAGE (at PATH) */
void report(const char *file, const bsl_error *err)
{
    char message[2 * BSL_ERROR_MESSAGE_SIZE];
    bsl_error_message(err, diag_lang, message, sizeof message);
    if (err->line)
        fprintf(stderr, tr("%s:%u:%u: error: %s", "%s:%u:%u: erreur : %s"), file, err->line,
                err->column, message);
    else
        fprintf(stderr, tr("%s: error: %s", "%s : erreur : %s"), file,
                message[0] ? message : bsl_strerror(err->code));
    if (err->path[0])
        fprintf(stderr, tr(" (at %s)", " (à %s)"), err->path);
    fputc('\n', stderr);
}

/* A usage error: one line and where to find more, not the whole usage. */
int usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    fputs(tr("boussole: ", "boussole : "), stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (command)
        fprintf(stderr, tr("\nTry 'boussole %s --help'.\n", "\nVoir « boussole %s --help ».\n"),
                command);
    else
        fputs(tr("\nTry 'boussole --help'.\n", "\nVoir « boussole --help ».\n"), stderr);
    return EXIT_USAGE;
}

void diagnostics_init(int argc, char **argv)
{
    diag_lang = diagnostics_lang(argc, argv);
}

bsl_lang diagnostics_language(void)
{
    return diag_lang;
}
