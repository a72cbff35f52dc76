/* The options of the boussole commands: --help of each, and parsing. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* One command's usage, for COMMAND --help. */
typedef struct command_help {
    const char *name, *synopsis, *what;
} command_help;

static const command_help helps[] = {
    {"evaluate", "evaluate [--framework ID|FILE] [--lang fr|en]\n"
                 "                         [--format text|json|markdown|html|svg|jsonl|csv]\n"
                 "                         [--input json|jsonl|csv] [--detail full|summary]\n"
                 "                         [--color auto|always|never] [--fail-on VERDICT]\n"
                 "                         [--max-nodes N] [-o FILE] [--] FILE...",
     "Score each use-case FILE ('-' reads standard input) and write its report.\n"
     "--format html writes one self-contained HTML page, --format svg the boussole\n"
     "picture; both take one FILE.\n"
     "A register (--input jsonl or csv, or a FILE named *.jsonl, *.ndjson or *.csv) is\n"
     "streamed record by record in constant memory and written as --format jsonl (one\n"
     "compact record per use-case, --detail full or summary, error records in place)\n"
     "or --format csv (a row per use-case).\n"
     "The text, Markdown and HTML reports of a use-case below favorable end with the plan\n"
     "that reaches it (see whatif); --max-nodes N bounds its search to N states (default\n"
     "200000), after which the report says the search limit was reached."},
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
               "                       [--lang fr|en] [--format text|json|markdown] [--max-nodes N]\n"
               "                       [-o FILE] [--] FILE...",
     "For each use-case FILE ('-' reads standard input), the fewest changes of facts after which\n"
     "it reaches the target verdict (default favorable): each fact, its criterion, its value now\n"
     "and the value to reach, the points gained and the remediation, then the verdict and score\n"
     "after. Facts a framework marks not actionable are never changed. With --framework all,\n"
     "one plan that reaches the target under every embedded framework at once.\n"
     "--max-nodes N bounds the search to N states (default 200000); a search that runs out\n"
     "says so (\"search_limit_reached\": true in JSON) and what its plan can still tell."},
    {"frameworks", "frameworks [--lang fr|en] [-o FILE]",
     "List the embedded frameworks: id, version and title in the language asked."},
    {"check", "check [--lang fr|en] [--] FRAMEWORK.json",
     "Validate a framework file ('-' reads standard input), and warn on standard error about\n"
     "what loads but looks wrong (levels not ordered by points, no remediation, an applies_if\n"
     "that can never hold): warnings never fail the check."},
};

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

/* --max-nodes's value: decimal digits only (no sign, no space, which
 * strtoul would take), from 1 to UINT_MAX. 1 when *n is set, else 0. */
static int positive_count(const char *s, unsigned *n)
{
    unsigned long v;
    char *end;
    if (!*s || strspn(s, "0123456789") != strlen(s))
        return 0;
    errno = 0;
    v = strtoul(s, &end, 10);
    if (errno || v == 0 || v > UINT_MAX)
        return 0;
    *n = (unsigned)v;
    return 1;
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
        {"--target", OPT_TARGET}, {"--max-nodes", OPT_MAX_NODES} };
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
    } else if (which == OPT_MAX_NODES) {
        if (!positive_count(v, &o->max_nodes))
            return usage_error(command, tr("--max-nodes takes a whole number of search states from 1 to %u, not '%s'",
                                           "--max-nodes prend un nombre entier d'états de recherche de 1 à %u, et non « %s »"),
                               UINT_MAX, v);
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
int parse_options(const char *command, int argc, char **argv, unsigned allowed,
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
