/* boussole: evaluate AI use-cases against a charter of trust from the
 * command line. An integrator of libboussole's public API only. */
/* mkstemp, fdopen, fileno, fchmod, fsync: POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L
#include <boussole.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

/* Exit codes (documented in --help and doc/boussole.1). */
enum {
    EXIT_OK = 0,
    EXIT_GATE = 1,    /* --fail-on: a verdict at or below the given one */
    EXIT_USAGE = 2,
    EXIT_IO = 3,
    EXIT_SYNTAX = 4,
    EXIT_SCHEMA = 5,
    EXIT_LIMIT = 6,
    EXIT_INTERNAL = 7 /* out of memory or a library error */
};

static const char usage[] =
    "Usage:\n"
    "  boussole evaluate [--framework ID|FILE] [--lang fr|en]\n"
    "                    [--format text|json|markdown|html|svg] [--color auto|always|never]\n"
    "                    [--fail-on VERDICT] [-o FILE] FILE...\n"
    "                    ('-' reads stdin; html and svg: one FILE)\n"
    "  boussole evaluate [--input json|jsonl|csv] [--format jsonl|csv]\n"
    "                    [--detail full|summary] ... REGISTER...\n"
    "                    a register (*.jsonl, *.ndjson, *.csv), streamed record by record\n"
    "  boussole describe [--framework ID|FILE] [--lang fr|en]\n"
    "                    [--format text|json|markdown] [-o FILE]\n"
    "                    what a framework reads and scores\n"
    "  boussole schema [--framework ID|FILE] [--lang fr|en] [-o FILE]\n"
    "                    the JSON Schema (2020-12) of its use-cases\n"
    "  boussole template [--framework ID|FILE] [--lang fr|en] [-o FILE]\n"
    "                    a blank use-case, every fact it reads set to null\n"
    "  boussole validate [--framework ID|FILE] [--lang fr|en] [--] FILE...\n"
    "                    every problem of each use-case, as a linter\n"
    "  boussole compare [--framework ID|FILE,...] [--lang fr|en]\n"
    "                    [--format text|json|markdown] [-o FILE] FILE...\n"
    "                    each use-case under every embedded framework (or those given)\n"
    "  boussole whatif [--framework ID|FILE|all] [--target VERDICT] [--lang fr|en]\n"
    "                    [--format text|json|markdown] [-o FILE] FILE...\n"
    "                    the fewest fact changes that reach favorable (or the target)\n"
    "  boussole frameworks [--lang fr|en] [-o FILE]   list the embedded frameworks\n"
    "  boussole check [--lang fr|en] FRAMEWORK.json   validate a framework file ('-': stdin)\n"
    "  boussole --help | --version     (COMMAND --help: that command's usage)\n"
    "\n"
    "An option takes its value as the next argument or after '=' (--lang=en);\n"
    "'--' ends the options. -o FILE (--output FILE) writes the output to FILE\n"
    "atomically: a run that fails leaves no FILE.\n"
    "\n"
    "The default framework is the embedded Nantes Metropole boussole (nantes-2024).\n"
    "The default language follows LC_ALL, LC_MESSAGES or LANG (English for en*,\n"
    "French otherwise). Messages on standard error follow --lang too; without it,\n"
    "they are French for a French locale (fr*) and English otherwise.\n"
    "\n"
    "Verdicts, worst first: red_line, incomplete, unfavorable,\n"
    "favorable_with_reservations, favorable. A verdict is not an error; with\n"
    "--fail-on VERDICT the exit status is 1 when a use-case gets that verdict or a\n"
    "worse one.\n"
    "\n"
    "Exit status: 0 success, 1 --fail-on matched, 2 usage error, 3 input/output\n"
    "error, 4 JSON syntax error, 5 schema error, 6 limit exceeded, 7 internal error.\n";

/* One command's usage, for COMMAND --help. */
typedef struct command_help {
    const char *name, *synopsis, *what;
} command_help;

static const command_help helps[] = {
    {"evaluate", "evaluate [--framework ID|FILE] [--lang fr|en]\n"
                 "                         [--format text|json|markdown|html|svg|jsonl|csv]\n"
                 "                         [--input json|jsonl|csv] [--detail full|summary]\n"
                 "                         [--color auto|always|never] [--fail-on VERDICT] [-o FILE]\n"
                 "                         [--] FILE...",
     "Score each use-case FILE ('-' reads standard input) and write its report.\n"
     "--format html writes one self-contained HTML page, --format svg the boussole\n"
     "picture; both take one FILE.\n"
     "A register (--input jsonl or csv, or a FILE named *.jsonl, *.ndjson or *.csv) is\n"
     "streamed record by record in constant memory and written as --format jsonl (one\n"
     "compact record per use-case, --detail full or summary, error records in place)\n"
     "or --format csv (a row per use-case)."},
    {"describe", "describe [--framework ID|FILE] [--lang fr|en] [--format text|json|markdown] [-o FILE]",
     "Write what a framework reads and how it scores."},
    {"schema", "schema [--framework ID|FILE] [--lang fr|en] [-o FILE]",
     "Write the JSON Schema (2020-12) of the framework's use-cases."},
    {"template", "template [--framework ID|FILE] [--lang fr|en] [-o FILE]",
     "Write a blank use-case: every fact the framework reads, set to null."},
    {"validate", "validate [--framework ID|FILE] [--lang fr|en] [--] FILE...",
     "Report every problem of each use-case FILE ('-' reads standard input): the schema\n"
     "error if any, else each unknown key (with a suggestion), each key the framework\n"
     "does not read, each missing required fact with its allowed values.\n"
     "Exit 0 when no FILE has an error."},
    {"compare", "compare [--framework ID|FILE,...] [--lang fr|en] [--format text|json|markdown]\n"
                "                        [-o FILE] [--] FILE...",
     "Evaluate each use-case FILE ('-' reads standard input) under every embedded framework,\n"
     "or under the comma-separated frameworks given, and write the comparison: for each\n"
     "use-case and framework the verdict, the score and what decided it (red lines, failed\n"
     "necessary conditions, missing facts). A FILE that cannot be parsed is reported and\n"
     "left out."},
    {"whatif", "whatif [--framework ID|FILE|all] [--target favorable|favorable_with_reservations]\n"
               "                       [--lang fr|en] [--format text|json|markdown] [-o FILE] [--] FILE...",
     "For each use-case FILE ('-' reads standard input), the fewest changes of facts after which\n"
     "it reaches the target verdict (default favorable): each fact, its criterion, its value now\n"
     "and the value to reach, the points gained and the remediation, then the verdict and score\n"
     "after. Facts a framework marks not actionable are never changed. With --framework all,\n"
     "one plan that reaches the target under every embedded framework at once."},
    {"frameworks", "frameworks [--lang fr|en] [-o FILE]",
     "List the embedded frameworks: id, version and title in the language asked."},
    {"check", "check [--lang fr|en] [--] FRAMEWORK.json",
     "Validate a framework file ('-' reads standard input), and warn on standard error about\n"
     "what loads but looks wrong (levels not ordered by points, no remediation, an applies_if\n"
     "that can never hold): warnings never fail the check."},
};

/* Where the output goes: standard output, or a temporary file renamed over
 * -o FILE once the run has succeeded (so a failed run leaves no file, and
 * never a truncated one). */
static FILE *out;
static char *out_tmp;
static const char *out_path;

/* The language of diagnostics: --lang when the command line gives it,
 * else French for a French locale (LC_ALL, LC_MESSAGES or LANG: fr*) and
 * English otherwise, the C and POSIX locales included, where Unix tools
 * print their untranslated messages. Set once, first thing in main(). */
static bsl_lang diag_lang = BSL_LANG_EN;

/* The wording of a diagnostic in diag_lang; both take the same arguments
 * (format_arg lets the compiler check each against them). */
#if defined(__GNUC__)
static const char *tr(const char *en, const char *fr) __attribute__((format_arg(1), format_arg(2)));
#endif
static const char *tr(const char *en, const char *fr)
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

static int exit_code_for(int status)
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
static void report(const char *file, const bsl_error *err)
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
#if defined(__GNUC__)
static int usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
static int usage_error(const char *command, const char *fmt, ...)
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

/* Read a whole file ("-" for stdin) into a malloc'd buffer, but no more
 * than the library would accept: reading /dev/zero or an endless pipe
 * stops at BSL_DEFAULT_MAX_INPUT_BYTES + 1 bytes (exit 6), instead of
 * growing until memory runs out. */
static int read_all(const char *path, char **out_data, size_t *out_len)
{
    const size_t max = BSL_DEFAULT_MAX_INPUT_BYTES;
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    char *data = NULL;
    size_t len = 0, cap = 0;
    int rc = EXIT_OK;
    if (!f) {
        fprintf(stderr, tr("%s: error: cannot open: %s\n", "%s : erreur : ouverture impossible : %s\n"),
                path, strerror(errno));
        return EXIT_IO;
    }
    while (len <= max) {
        size_t got;
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *p;
            if (ncap > max + 1)
                ncap = max + 1;
            if (!(p = realloc(data, ncap))) {
                fprintf(stderr, tr("%s: error: out of memory\n", "%s : erreur : mémoire insuffisante\n"), path);
                rc = EXIT_INTERNAL;
                break;
            }
            data = p;
            cap = ncap;
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
        if (!got)
            break;
    }
    if (!rc && ferror(f)) {
        fprintf(stderr, tr("%s: error: cannot read: %s\n", "%s : erreur : lecture impossible : %s\n"),
                path, strerror(errno));
        rc = EXIT_IO;
    }
    if (!rc && len > max) {
        fprintf(stderr, tr("%s: error: input larger than the limit of %zu bytes\n",
                           "%s : erreur : entrée plus grande que la limite de %zu octets\n"), path, max);
        rc = EXIT_LIMIT;
    }
    if (f != stdin)
        fclose(f);
    if (rc) {
        free(data);
        return rc;
    }
    /* A UTF-8 byte order mark is not JSON, and the library refuses it; but
     * some Windows editors write one. The CLI drops it and says so, so the
     * file is read as its author meant (it is zero-width: lines and
     * columns stay right). */
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        fprintf(stderr, tr("%s: warning: ignoring a UTF-8 byte order mark\n",
                           "%s : avertissement : indicateur d'ordre des octets UTF-8 ignoré\n"), path);
        memmove(data, data + 3, len - 3);
        len -= 3;
    }
    *out_data = data;
    *out_len = len;
    return EXIT_OK;
}

/* Start the output: standard output, or a temporary file beside path. */
static int open_output(const char *path)
{
    int fd;
    mode_t mask;
    out = stdout;
    if (!path)
        return EXIT_OK;
    if (!(out_tmp = malloc(strlen(path) + sizeof ".tmp-XXXXXX"))) {
        fputs(tr("boussole: error: out of memory\n", "boussole : erreur : mémoire insuffisante\n"), stderr);
        return EXIT_INTERNAL;
    }
    sprintf(out_tmp, "%s.tmp-XXXXXX", path);
    if ((fd = mkstemp(out_tmp)) < 0 || !(out = fdopen(fd, "wb"))) {
        fprintf(stderr, tr("%s: error: cannot create: %s\n", "%s : erreur : création impossible : %s\n"),
                path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(out_tmp);
        }
        free(out_tmp);
        out_tmp = NULL;
        out = stdout;
        return EXIT_IO;
    }
    /* mkstemp makes the file 0600; the report gets what a shell would. */
    mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    out_path = path;
    return EXIT_OK;
}

/* Write to the output; a failure is reported once, at the end. */
static int put(const char *data, size_t len)
{
    return fwrite(data, 1, len, out) == len ? 0 : -1;
}

/* Finish the output. A report that cannot be written (a full disk,
 * /dev/full, a closed standard output) is an I/O error, never exit 0.
 * With -o, the temporary file replaces FILE only when status is a
 * success (0 or 1: a --fail-on verdict still has its report). */
static int close_output(int status)
{
    int failed;
    if (!out_tmp) {
        failed = fflush(stdout) != 0 || ferror(stdout);
        failed = fclose(stdout) != 0 || failed;
        if (failed) {
            fprintf(stderr, tr("boussole: error: cannot write output: %s\n",
                               "boussole : erreur : écriture de la sortie impossible : %s\n"),
                    strerror(errno));
            return status > EXIT_GATE ? status : EXIT_IO;
        }
        return status;
    }
    failed = fflush(out) != 0 || ferror(out) || fsync(fileno(out)) != 0;
    failed = fclose(out) != 0 || failed;
    if (status <= EXIT_GATE && failed)
        fprintf(stderr, tr("%s: error: cannot write: %s\n", "%s : erreur : écriture impossible : %s\n"),
                out_path, strerror(errno));
    else if (status <= EXIT_GATE && rename(out_tmp, out_path) != 0) {
        fprintf(stderr, tr("%s: error: cannot rename the output into place: %s\n",
                           "%s : erreur : impossible de mettre la sortie à sa place : %s\n"),
                out_path, strerror(errno));
        failed = 1;
    }
    if (status > EXIT_GATE || failed)
        unlink(out_tmp);
    free(out_tmp);
    out_tmp = NULL;
    out = stdout;
    if (failed && status <= EXIT_GATE)
        status = EXIT_IO;
    return status;
}

static bsl_lang default_lang(void)
{
    const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    size_t i;
    for (i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "en", 2) == 0 ? BSL_LANG_EN : BSL_LANG_FR;
    }
    return BSL_LANG_FR;
}

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

static int load_framework(const char *spec, bsl_framework **fw)
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

static int verdict_from_token(const char *s, bsl_verdict *v)
{
    int i;
    for (i = BSL_VERDICT_RED_LINE; i <= BSL_VERDICT_FAVORABLE; i++)
        if (!strcmp(s, bsl_verdict_token((bsl_verdict)i))) {
            *v = (bsl_verdict)i;
            return 1;
        }
    return 0;
}

/* --input's value as a bsl_stream_input, or -1. */
static int stream_input_named(const char *v)
{
    if (!strcmp(v, "json"))
        return BSL_INPUT_JSON;
    if (!strcmp(v, "jsonl"))
        return BSL_INPUT_JSONL;
    if (!strcmp(v, "csv"))
        return BSL_INPUT_CSV;
    return -1;
}

/* The options of the commands. */
typedef struct cli_options {
    const char *framework;
    const char *output;
    bsl_lang lang;
    bsl_format format;
    bsl_verdict fail_on;
    int gate;
    int color; /* COLOR_AUTO, COLOR_ALWAYS or COLOR_NEVER */
    int input;               /* --input: a bsl_stream_input, or -1 (from each FILE's extension) */
    int records;             /* --format jsonl|csv: a bsl_stream_output, or -1 (a report per FILE) */
    bsl_detail detail;       /* --detail */
    bsl_verdict target;
} cli_options;

enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* Which options a command takes. */
enum { OPT_FRAMEWORK = 1, OPT_LANG = 2, OPT_FORMAT = 4, OPT_MARKDOWN = 8, OPT_FAIL_ON = 16,
       OPT_OUTPUT = 32, OPT_REPORTS = 64 /* --format html|svg */, OPT_COLOR = 128,
       OPT_INPUT = 256, OPT_DETAIL = 512, OPT_TARGET = 1024 };

/* parse_options() found --help: the command's usage is written, exit 0. */
enum { HELP_SHOWN = -1 };

static int command_help_out(const char *command)
{
    size_t i;
    for (i = 0; i < sizeof helps / sizeof *helps; i++)
        if (!strcmp(helps[i].name, command))
            printf("Usage: boussole %s\n%s\n\nSee 'boussole --help' for the options, the\n"
                   "verdicts and the exit status, and boussole(1).\n", helps[i].synopsis,
                   helps[i].what);
    return HELP_SHOWN;
}

static unsigned option_named(const char *name, size_t n)
{
    static const struct { const char *name; unsigned which; } names[] = {
        {"--framework", OPT_FRAMEWORK}, {"--lang", OPT_LANG}, {"--format", OPT_FORMAT},
        {"--fail-on", OPT_FAIL_ON}, {"--output", OPT_OUTPUT}, {"-o", OPT_OUTPUT},
        {"--color", OPT_COLOR}, {"--input", OPT_INPUT}, {"--detail", OPT_DETAIL},
        {"--target", OPT_TARGET} };
    size_t i;
    for (i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i].name) == n && !strncmp(names[i].name, name, n))
            return names[i].which;
    return 0;
}

/* Apply option which = v. EXIT_OK or EXIT_USAGE. */
static int set_option(const char *command, unsigned which, unsigned allowed, const char *v,
                      cli_options *o)
{
    if (which == OPT_FRAMEWORK) {
        o->framework = v;
    } else if (which == OPT_OUTPUT) {
        o->output = v;
    } else if (which == OPT_COLOR) {
        if (!strcmp(v, "auto"))
            o->color = COLOR_AUTO;
        else if (!strcmp(v, "always"))
            o->color = COLOR_ALWAYS;
        else if (!strcmp(v, "never"))
            o->color = COLOR_NEVER;
        else
            return usage_error(command, tr("--color takes auto, always or never, not '%s'",
                                           "--color prend auto, always ou never, et non « %s »"), v);
    } else if (which == OPT_TARGET) {
        if (!verdict_from_token(v, &o->target) ||
            (o->target != BSL_VERDICT_FAVORABLE && o->target != BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS))
            return usage_error(command, tr("--target takes favorable or favorable_with_reservations, not '%s'",
                                           "--target prend favorable ou favorable_with_reservations, et non « %s »"), v);
    } else if (which == OPT_LANG) {
        if (strcmp(v, "fr") && strcmp(v, "en"))
            return usage_error(command, tr("--lang takes fr or en, not '%s'",
                                           "--lang prend fr ou en, et non « %s »"), v);
        o->lang = v[0] == 'e' ? BSL_LANG_EN : BSL_LANG_FR;
    } else if (which == OPT_INPUT) {
        if ((o->input = stream_input_named(v)) < 0)
            return usage_error(command, tr("--input takes json, jsonl or csv, not '%s'",
                                           "--input prend json, jsonl ou csv, et non « %s »"), v);
    } else if (which == OPT_DETAIL) {
        if (strcmp(v, "full") && strcmp(v, "summary"))
            return usage_error(command, tr("--detail takes full or summary, not '%s'",
                                           "--detail prend full ou summary, et non « %s »"), v);
        o->detail = v[0] == 's' ? BSL_DETAIL_SUMMARY : BSL_DETAIL_FULL;
    } else if (which == OPT_FORMAT && (allowed & OPT_INPUT) && !strcmp(v, "jsonl")) {
        o->records = BSL_OUTPUT_JSONL;
    } else if (which == OPT_FORMAT && (allowed & OPT_INPUT) && !strcmp(v, "csv")) {
        o->records = BSL_OUTPUT_CSV;
    } else if (which == OPT_FORMAT) {
        if (!strcmp(v, "text"))
            o->format = BSL_FORMAT_TEXT;
        else if (!strcmp(v, "json"))
            o->format = BSL_FORMAT_JSON;
        else if (!strcmp(v, "markdown") && (allowed & OPT_MARKDOWN))
            o->format = BSL_FORMAT_MARKDOWN;
        else if (!strcmp(v, "html") && (allowed & OPT_REPORTS))
            o->format = BSL_FORMAT_HTML;
        else if (!strcmp(v, "svg") && (allowed & OPT_REPORTS))
            o->format = BSL_FORMAT_SVG;
        else if (allowed & OPT_REPORTS)
            return usage_error(command, tr("--format takes text, json, markdown, html, svg, jsonl or csv, not '%s'",
                                            "--format prend text, json, markdown, html, svg, jsonl ou csv, et non « %s »"), v);
        else
            return usage_error(command, allowed & OPT_MARKDOWN
                                   ? tr("--format takes text, json or markdown, not '%s'",
                                        "--format prend text, json ou markdown, et non « %s »")
                                   : tr("--format takes text or json, not '%s'",
                                        "--format prend text ou json, et non « %s »"), v);
    } else if (!verdict_from_token(v, &o->fail_on)) {
        return usage_error(command, tr("--fail-on takes a verdict token, not '%s'",
                                       "--fail-on prend un code d'avis, et non « %s »"), v);
    } else {
        o->gate = 1;
    }
    return EXIT_OK;
}

/* Read the options a command allows (anywhere among its operands, until
 * "--"), keep the operands in place at argv[0..*operands). EXIT_OK,
 * EXIT_USAGE or HELP_SHOWN. */
static int parse_options(const char *command, int argc, char **argv, unsigned allowed,
                         cli_options *o, int *operands)
{
    int i, n = 0, rc, only_operands = 0;
    memset(o, 0, sizeof *o);
    o->lang = default_lang();
    o->format = BSL_FORMAT_TEXT;
    o->fail_on = BSL_VERDICT_FAVORABLE;
    o->input = -1;
    o->records = -1;
    o->target = BSL_VERDICT_FAVORABLE;
    for (i = 0; i < argc; i++) {
        const char *a = argv[i], *eq = strchr(a, '='), *v;
        unsigned which;
        if (only_operands || a[0] != '-' || !a[1]) {
            argv[n++] = argv[i]; /* an operand ("-" is standard input) */
            continue;
        }
        if (!strcmp(a, "--")) {
            only_operands = 1;
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h"))
            return command_help_out(command);
        which = option_named(a, eq && a[1] == '-' ? (size_t)(eq - a) : strlen(a)) & allowed;
        if (!which)
            return usage_error(command, tr("unknown option '%s'", "option « %s » inconnue"), a);
        if (eq && a[1] == '-')
            v = eq + 1;
        else if (i + 1 < argc)
            v = argv[++i];
        else
            return usage_error(command, tr("%s needs a value", "%s demande une valeur"), a);
        if ((rc = set_option(command, which, allowed, v, o)))
            return rc;
    }
    *operands = n;
    return EXIT_OK;
}

/* Evaluate FILE under each framework into row[0..nfw). EXIT_OK or the
 * file's error (reported). */
static int evaluate_row(const char *file, bsl_framework *const *fws, size_t nfw, bsl_result **row)
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

/* The text report's layout: the terminal's width and colour when the
 * report goes to a terminal (never with -o, a file or a pipe); NO_COLOR set
 * and not empty turns auto colour off (no-color.org); --color decides
 * otherwise. */
static bsl_render_options report_layout(const cli_options *o)
{
    bsl_render_options layout = BSL_RENDER_OPTIONS_INIT;
    const char *no_color = getenv("NO_COLOR");
    int terminal = !o->output && isatty(STDOUT_FILENO);
    struct winsize ws;
    if (terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        layout.width = ws.ws_col;
    if (o->color == COLOR_ALWAYS ||
        (o->color == COLOR_AUTO && terminal && !(no_color && no_color[0])))
        layout.flags |= BSL_RENDER_COLOR;
    return layout;
}

/* Registers: --input jsonl|csv, --format jsonl|csv, or a FILE named
 * *.jsonl, *.ndjson or *.csv. They are streamed through the library
 * (bsl_evaluate_stream_file), record by record, in constant memory. */
static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && !strcmp(s + n - t, tail);
}

static int input_of(const cli_options *o, const char *file)
{
    if (o->input >= 0)
        return o->input;
    if (ends_with(file, ".jsonl") || ends_with(file, ".ndjson"))
        return BSL_INPUT_JSONL;
    if (ends_with(file, ".csv"))
        return BSL_INPUT_CSV;
    return BSL_INPUT_JSON;
}

static int streams_registers(const cli_options *o, char **files, int n)
{
    int i;
    if (o->records >= 0 || o->input == BSL_INPUT_JSONL || o->input == BSL_INPUT_CSV)
        return 1;
    for (i = 0; i < n; i++)
        if (input_of(o, files[i]) != BSL_INPUT_JSON)
            return 1;
    return 0;
}

/* What the record callback needs: the file, for errors on stderr, and
 * what decides the exit status. */
typedef struct register_run {
    const char *file;
    const cli_options *o;
    int input;
    int status;
    int header_written;  /* CSV output: one header for all FILEs */
} register_run;

/* Write each record; report an error record on stderr at its place in
 * the file (JSON Lines: its input line; CSV: the cell). */
static int write_record(void *ctx, const bsl_record *rec)
{
    register_run *run = ctx;
    if (rec->kind == BSL_RECORD_HEADER) {
        if (run->header_written)
            return 0;
        run->header_written = 1;
    } else if (rec->kind == BSL_RECORD_ERROR) {
        bsl_error at = *rec->error;
        if (run->input != BSL_INPUT_CSV)
            at.line = (unsigned)(rec->input_line + at.line - 1);
        report(run->file, &at);
        if (run->status == EXIT_OK || run->status == EXIT_GATE)
            run->status = exit_code_for(rec->error->code);
    } else if (run->o->gate && bsl_result_verdict(rec->result) <= run->o->fail_on &&
               run->status == EXIT_OK) {
        run->status = EXIT_GATE;
    }
    return put(rec->text, rec->len) ? 1 : 0;
}

static int evaluate_register(const char *file, const bsl_framework *fw, register_run *run)
{
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    FILE *f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
    bsl_error err;
    int rc;
    if (!f) {
        fprintf(stderr, tr("%s: error: cannot open: %s\n", "%s : erreur : ouverture impossible : %s\n"),
                file, strerror(errno));
        return EXIT_IO;
    }
    so.input = (bsl_stream_input)run->input;
    so.output = run->o->records >= 0 ? (bsl_stream_output)run->o->records : BSL_OUTPUT_JSONL;
    so.detail = run->o->detail;
    so.lang = run->o->lang;
    run->file = file;
    rc = bsl_evaluate_stream_file(fw, f, &so, NULL, write_record, run, NULL, NULL, &err);
    if (rc && !ferror(out))
        report(file, &err);
    if (f != stdin)
        fclose(f);
    return rc ? (ferror(out) ? EXIT_IO : exit_code_for(rc)) : EXIT_OK;
}

static int evaluate_registers(const cli_options *o, char **files, int n)
{
    register_run run;
    bsl_framework *fw = NULL;
    int i, rc;
    if (o->records < 0 && o->format != BSL_FORMAT_TEXT)
        return usage_error("evaluate", tr("a register is written as --format jsonl or csv",
                                          "un registre s'écrit en --format jsonl ou csv"));
    if ((rc = load_framework(o->framework, &fw)))
        return rc;
    if ((rc = open_output(o->output))) {
        bsl_framework_free(fw);
        return rc;
    }
    memset(&run, 0, sizeof run);
    run.o = o;
    for (i = 0; i < n && !ferror(out); i++) {
        run.input = input_of(o, files[i]);
        rc = evaluate_register(files[i], fw, &run);
        if (rc && (run.status == EXIT_OK || run.status == EXIT_GATE))
            run.status = rc;
    }
    bsl_framework_free(fw);
    if (ferror(out) && run.status == EXIT_IO)
        run.status = EXIT_OK; /* close_output() reports it and makes it EXIT_IO */
    return close_output(run.status);
}

static int cmd_evaluate(int argc, char **argv)
{
    bsl_render_options layout;
    cli_options o;
    int status = EXIT_OK, i, files = 0, rc;
    bsl_framework *fw = NULL;

    if ((rc = parse_options("evaluate", argc, argv,
                            OPT_FRAMEWORK | OPT_LANG | OPT_FORMAT | OPT_MARKDOWN | OPT_FAIL_ON |
                                OPT_OUTPUT | OPT_REPORTS | OPT_COLOR | OPT_INPUT | OPT_DETAIL,
                            &o, &files)))
        return rc;
    layout = report_layout(&o);
    if (!files)
        return usage_error("evaluate", tr("evaluate needs at least one FILE",
                                          "evaluate demande au moins un FICHIER"));
    /* an HTML page or an SVG picture is one document: two would not be */
    if (files > 1 && (o.format == BSL_FORMAT_HTML || o.format == BSL_FORMAT_SVG))
        return usage_error("evaluate", tr("--format %s takes one FILE", "--format %s prend un seul FICHIER"),
                           o.format == BSL_FORMAT_HTML ? "html" : "svg");
    if (streams_registers(&o, argv, files))
        return evaluate_registers(&o, argv, files);
    if ((rc = load_framework(o.framework, &fw)))
        return rc;
    if ((rc = open_output(o.output))) {
        bsl_framework_free(fw);
        return rc;
    }
    for (i = 0; i < files; i++) {
        char *text = NULL;
        size_t text_len = 0;
        bsl_result *result = NULL;
        bsl_error err;
        int code = evaluate_row(argv[i], &fw, 1, &result);
        if (!code && (rc = bsl_render_with_options(&text, &text_len, result, o.format, o.lang,
                                                   &layout, &err))) {
            report(argv[i], &err);
            code = exit_code_for(rc);
        }
        /* Reports for people are told apart by a rule (a thematic break in Markdown). */
        if (!code && ((o.format != BSL_FORMAT_JSON && i > 0 && put("\n----\n\n", 6)) ||
                      put(text, text_len)))
            code = EXIT_IO; /* reported by close_output() */
        if (!code) {
            if (o.gate && bsl_result_verdict(result) <= o.fail_on && status == EXIT_OK)
                status = EXIT_GATE;
        } else if (status == EXIT_OK || status == EXIT_GATE) {
            status = code;
        }
        bsl_render_free(text);
        bsl_result_free(result);
        if (ferror(out))
            break; /* nothing more can be written */
    }
    bsl_framework_free(fw);
    if (ferror(out) && status == EXIT_IO)
        status = EXIT_OK; /* close_output() reports it and makes it EXIT_IO */
    return close_output(status);
}

/* describe, schema and template: one document about a framework. */
enum { DOC_DESCRIBE, DOC_SCHEMA, DOC_TEMPLATE };

static int cmd_document(const char *name, int kind, int argc, char **argv)
{
    cli_options o;
    bsl_framework *fw = NULL;
    bsl_error err;
    char *text = NULL;
    size_t text_len = 0;
    int operands, rc;
    unsigned allowed = OPT_FRAMEWORK | OPT_LANG | OPT_OUTPUT |
                       (kind == DOC_DESCRIBE ? OPT_FORMAT | OPT_MARKDOWN : 0);

    if ((rc = parse_options(name, argc, argv, allowed, &o, &operands)))
        return rc;
    if (operands)
        return usage_error(name, tr("this command takes no FILE ('%s')",
                                    "cette commande ne prend pas de FICHIER (« %s »)"), argv[0]);
    if ((rc = load_framework(o.framework, &fw)))
        return rc;
    rc = kind == DOC_DESCRIBE ? bsl_framework_describe(&text, &text_len, fw, o.format, o.lang, &err)
       : kind == DOC_SCHEMA   ? bsl_framework_schema(&text, &text_len, fw, o.lang, &err)
                              : bsl_framework_template(&text, &text_len, fw, o.lang, &err);
    if (rc) {
        report(bsl_framework_id(fw), &err);
        rc = exit_code_for(rc);
    } else if (!(rc = open_output(o.output))) {
        put(text, text_len);
        rc = close_output(EXIT_OK);
    }
    bsl_render_free(text);
    bsl_framework_free(fw);
    return rc;
}

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

static int cmd_validate(int argc, char **argv)
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

/* The frameworks of a comparison: the comma-separated list spec (ids or
 * files), or every embedded one. */
static int load_frameworks(const char *spec, bsl_framework ***fws, size_t *n)
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

static void free_all(bsl_framework **fws, size_t nfw, bsl_result **cells, size_t ncells)
{
    size_t i;
    for (i = 0; cells && i < ncells; i++)
        bsl_result_free(cells[i]);
    for (i = 0; i < nfw; i++)
        bsl_framework_free(fws[i]);
    free(cells);
    free(fws);
}

static int cmd_compare(int argc, char **argv)
{
    cli_options o;
    bsl_framework **fws = NULL;
    bsl_result **cells;
    size_t nfw = 0, rows = 0, f;
    char *text = NULL;
    size_t text_len = 0;
    bsl_error err;
    int files, i, rc, status = EXIT_OK;

    if ((rc = parse_options("compare", argc, argv, OPT_FRAMEWORK | OPT_LANG | OPT_FORMAT |
                                                   OPT_MARKDOWN | OPT_OUTPUT, &o, &files)))
        return rc;
    if (!files)
        return usage_error("compare", tr("compare needs at least one FILE",
                                         "compare demande au moins un FICHIER"));
    if ((rc = load_frameworks(o.framework, &fws, &nfw))) {
        free_all(fws, nfw, NULL, 0);
        return rc;
    }
    if (!(cells = calloc((size_t)files * nfw, sizeof *cells))) {
        free_all(fws, nfw, NULL, 0);
        return EXIT_INTERNAL;
    }
    for (i = 0; i < files; i++) {
        int code = evaluate_row(argv[i], fws, nfw, &cells[rows * nfw]);
        if (!code) {
            rows++;
            continue;
        }
        for (f = 0; f < nfw; f++) { /* the file is left out */
            bsl_result_free(cells[rows * nfw + f]);
            cells[rows * nfw + f] = NULL;
        }
        if (status == EXIT_OK)
            status = code;
    }
    rc = rows ? bsl_render_comparison(&text, &text_len, (const bsl_result *const *)cells, rows, nfw,
                                      o.format, o.lang, &err)
              : BSL_OK;
    if (rc) {
        report("compare", &err);
        status = exit_code_for(rc);
    } else if (rows && !(rc = open_output(o.output))) {
        put(text, text_len);
        status = close_output(status);
    } else if (rows) {
        status = rc;
    }
    bsl_render_free(text);
    free_all(fws, nfw, cells, (size_t)files * nfw);
    return status;
}

/* One what-if plan for FILE under fws[0..nfw), rendered into *text. EXIT_OK
 * or the file's error (reported), the same errors as evaluate. */
static int whatif_file(const char *file, bsl_framework *const *fws, size_t nfw, const cli_options *o,
                       char **text, size_t *text_len)
{
    bsl_whatif_options wo = BSL_WHATIF_OPTIONS_INIT;
    bsl_usecase **ucs = calloc(nfw, sizeof *ucs);
    bsl_whatif_plan *plan = NULL;
    char *data = NULL;
    size_t len = 0, f;
    bsl_error err;
    int rc, code = ucs ? read_all(file, &data, &len) : EXIT_INTERNAL;
    wo.target = o->target;
    for (f = 0; !code && f < nfw; f++)
        if ((rc = bsl_usecase_parse(&ucs[f], fws[f], data, len, NULL, &err))) {
            report(file, &err);
            code = exit_code_for(rc);
        }
    if (!code && ((rc = bsl_whatif(&plan, (const bsl_usecase *const *)ucs, nfw, &wo, &err)) ||
                  (rc = bsl_whatif_render(text, text_len, plan, o->format, o->lang, &err)))) {
        report(file, &err);
        code = exit_code_for(rc);
    }
    bsl_whatif_free(plan);
    for (f = 0; ucs && f < nfw; f++)
        bsl_usecase_free(ucs[f]);
    free(ucs);
    free(data);
    return code;
}

static int cmd_whatif(int argc, char **argv)
{
    cli_options o;
    bsl_framework **fws = NULL;
    size_t nfw = 0;
    int files, i, rc, status = EXIT_OK;

    if ((rc = parse_options("whatif", argc, argv, OPT_FRAMEWORK | OPT_LANG | OPT_FORMAT | OPT_MARKDOWN |
                                                  OPT_OUTPUT | OPT_TARGET, &o, &files)))
        return rc;
    if (!files)
        return usage_error("whatif", "whatif needs at least one FILE");
    if (o.framework && !strcmp(o.framework, "all"))
        rc = load_frameworks(NULL, &fws, &nfw);
    else if (!(fws = calloc(1, sizeof *fws)))
        rc = EXIT_INTERNAL;
    else
        rc = load_framework(o.framework, &fws[nfw++]);
    if (rc || (rc = open_output(o.output))) {
        free_all(fws, nfw, NULL, 0);
        return rc;
    }
    for (i = 0; i < files; i++) {
        char *text = NULL;
        size_t text_len = 0;
        int code = whatif_file(argv[i], fws, nfw, &o, &text, &text_len);
        if (!code && ((o.format != BSL_FORMAT_JSON && i > 0 && put("\n----\n\n", 6)) || put(text, text_len)))
            code = EXIT_IO; /* reported by close_output() */
        if (code && status == EXIT_OK)
            status = code;
        bsl_render_free(text);
        if (ferror(out))
            break;
    }
    free_all(fws, nfw, NULL, 0);
    if (ferror(out) && status == EXIT_IO)
        status = EXIT_OK;
    return close_output(status);
}

static int cmd_frameworks(int argc, char **argv)
{
    cli_options o;
    size_t i;
    int operands, rc;
    if ((rc = parse_options("frameworks", argc, argv, OPT_LANG | OPT_OUTPUT, &o, &operands)))
        return rc;
    if (operands)
        return usage_error("frameworks", tr("this command takes no FILE ('%s')",
                                            "cette commande ne prend pas de FICHIER (« %s »)"), argv[0]);
    if ((rc = open_output(o.output)))
        return rc;
    for (i = 0; i < bsl_embedded_framework_count() && !rc; i++) {
        bsl_framework *fw;
        bsl_error err;
        const char *id = bsl_embedded_framework_id(i);
        if (bsl_framework_load_embedded(&fw, id, NULL, &err)) {
            report(id, &err);
            rc = exit_code_for(err.code);
            break;
        }
        fprintf(out, "%s\t%s\t%s%s\n", id, bsl_framework_version(fw),
                bsl_framework_title(fw, o.lang), i == 0 ? "\t(default)" : "");
        bsl_framework_free(fw);
    }
    return close_output(rc);
}

static int cmd_check(int argc, char **argv)
{
    cli_options o;
    bsl_framework *fw;
    bsl_error err;
    char *data = NULL;
    size_t len = 0, i;
    int operands, rc;
    if ((rc = parse_options("check", argc, argv, OPT_LANG, &o, &operands)))
        return rc;
    if (operands != 1)
        return usage_error("check", tr("check takes one FRAMEWORK.json",
                                       "check prend un seul RÉFÉRENTIEL.json"));
    if ((rc = read_all(argv[0], &data, &len)))
        return rc;
    rc = bsl_framework_load(&fw, data, len, NULL, &err);
    free(data);
    if (rc) {
        report(argv[0], &err);
        return exit_code_for(rc);
    }
    out = stdout;
    for (i = 0; i < bsl_framework_warning_count(fw); i++) { /* they never fail a check */
        char warning[1024]; /* an English warning is under 512 bytes; its French a little longer */
        bsl_framework_warning_message(fw, i, diag_lang, warning, sizeof warning);
        fprintf(stderr, tr("%s: warning: %s\n", "%s : avertissement : %s\n"), argv[0], warning);
    }
    fprintf(out, "%s: ok: %s %s, %zu criteria, sha256 %s\n", argv[0], bsl_framework_id(fw),
            bsl_framework_version(fw), bsl_framework_criterion_count(fw), bsl_framework_sha256(fw));
    bsl_framework_free(fw);
    return close_output(EXIT_OK);
}

/* A closed standard stream would be reused by the next open(): a closed
 * stdout could then receive the report in a file opened for reading (and
 * fail silently) or in -o's temporary file. Give each one /dev/null, read
 * only for stdout, so that writing a report fails as it should. */
static void guard_standard_fds(void)
{
    int fd;
    for (fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            int nfd = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
            if (nfd >= 0 && nfd != fd) {
                dup2(nfd, fd);
                close(nfd);
            }
        }
}

static int run_command(int argc, char **argv)
{
    const char *c = argv[1];
    if (!strcmp(c, "--help") || !strcmp(c, "-h")) {
        fputs(usage, stdout);
        return close_output(EXIT_OK);
    }
    if (!strcmp(c, "--version")) {
        printf("boussole (libboussole) %s\n", bsl_version_string());
        return close_output(EXIT_OK);
    }
    if (!strcmp(c, "evaluate"))
        return cmd_evaluate(argc - 2, argv + 2);
    if (!strcmp(c, "describe"))
        return cmd_document("describe", DOC_DESCRIBE, argc - 2, argv + 2);
    if (!strcmp(c, "schema"))
        return cmd_document("schema", DOC_SCHEMA, argc - 2, argv + 2);
    if (!strcmp(c, "template"))
        return cmd_document("template", DOC_TEMPLATE, argc - 2, argv + 2);
    if (!strcmp(c, "validate"))
        return cmd_validate(argc - 2, argv + 2);
    if (!strcmp(c, "compare"))
        return cmd_compare(argc - 2, argv + 2);
    if (!strcmp(c, "whatif"))
        return cmd_whatif(argc - 2, argv + 2);
    if (!strcmp(c, "frameworks"))
        return cmd_frameworks(argc - 2, argv + 2);
    if (!strcmp(c, "check"))
        return cmd_check(argc - 2, argv + 2);
    return usage_error(NULL, tr("unknown command '%s'", "commande « %s » inconnue"), c);
}

int main(int argc, char **argv)
{
    int rc;
    guard_standard_fds();
    out = stdout;
    diag_lang = diagnostics_lang(argc, argv);
    if (argc < 2)
        return usage_error(NULL, tr("missing command", "commande manquante"));
    rc = run_command(argc, argv);
    if (rc == HELP_SHOWN)
        rc = close_output(EXIT_OK);
    return rc;
}
