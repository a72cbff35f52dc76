/* boussole: evaluate AI use-cases against a charter of trust from the
 * command line. An integrator of libboussole's public API only. */
/* isatty, ioctl: POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The files: diagnostics.c (messages on stderr), io.c (input files, the
 * output), options.c (parsing, each command's --help), frameworks.c
 * (--framework and evaluating a FILE), registers.c (JSON Lines and CSV
 * registers), validate.c; here the usage, the other commands and main. */
static const char usage[] =
    "Usage:\n"
    "  boussole evaluate [--framework ID|FILE] [--lang fr|en]\n"
    "                    [--format text|json|markdown|html|svg] [--color auto|always|never]\n"
    "                    [--fail-on VERDICT] [--max-nodes N] [-o FILE] FILE...\n"
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
    "                    [--format text|json|markdown] [--max-nodes N] [-o FILE] FILE...\n"
    "                    the fewest fact changes that reach favorable (or the target)\n"
    "  boussole frameworks [--lang fr|en] [-o FILE]   list the embedded frameworks\n"
    "  boussole check [--lang fr|en] FRAMEWORK.json   validate a framework file ('-': stdin)\n"
    "  boussole --help | --version     (COMMAND --help: that command's usage)\n"
    "\n"
    "An option takes its value as the next argument or after '=' (--lang=en);\n"
    "'--' ends the options. -o FILE (--output FILE) writes the output to FILE\n"
    "atomically: a run that fails leaves no FILE. --max-nodes N bounds the search of\n"
    "a what-if plan (whatif, and the plan of evaluate's reports) to N states; the\n"
    "default is 200000.\n"
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
    layout.plan_max_nodes = o->max_nodes;
    return layout;
}

static int cmd_evaluate(int argc, char **argv)
{
    bsl_render_options layout;
    cli_options o;
    int status = EXIT_OK, i, files = 0, rc;
    bsl_framework *fw = NULL;

    if ((rc = parse_options("evaluate", argc, argv,
                            OPT_FRAMEWORK | OPT_LANG | OPT_FORMAT | OPT_MARKDOWN | OPT_FAIL_ON |
                                OPT_OUTPUT | OPT_REPORTS | OPT_COLOR | OPT_INPUT | OPT_DETAIL |
                                OPT_MAX_NODES,
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
        if (output_failed())
            break; /* nothing more can be written */
    }
    bsl_framework_free(fw);
    if (output_failed() && status == EXIT_IO)
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
    wo.max_nodes = o->max_nodes;
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
                                                  OPT_OUTPUT | OPT_TARGET | OPT_MAX_NODES, &o, &files)))
        return rc;
    if (!files)
        return usage_error("whatif", tr("whatif needs at least one FILE",
                                        "whatif demande au moins un FICHIER"));
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
        if (output_failed())
            break;
    }
    free_all(fws, nfw, NULL, 0);
    if (output_failed() && status == EXIT_IO)
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
        put_format("%s\t%s\t%s%s\n", id, bsl_framework_version(fw),
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
    for (i = 0; i < bsl_framework_warning_count(fw); i++) { /* they never fail a check */
        char warning[1024]; /* an English warning is under 512 bytes; its French a little longer */
        bsl_framework_warning_message(fw, i, diagnostics_language(), warning, sizeof warning);
        fprintf(stderr, tr("%s: warning: %s\n", "%s : avertissement : %s\n"), argv[0], warning);
    }
    put_format("%s: ok: %s %s, %zu criteria, sha256 %s\n", argv[0], bsl_framework_id(fw),
            bsl_framework_version(fw), bsl_framework_criterion_count(fw), bsl_framework_sha256(fw));
    bsl_framework_free(fw);
    return close_output(EXIT_OK);
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
    diagnostics_init(argc, argv);
    if (argc < 2)
        return usage_error(NULL, tr("missing command", "commande manquante"));
    rc = run_command(argc, argv);
    if (rc == HELP_SHOWN)
        rc = close_output(EXIT_OK);
    return rc;
}

