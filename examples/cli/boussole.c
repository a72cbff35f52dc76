/* boussole: evaluate AI use-cases against a charter of trust from the
 * command line. An integrator of libboussole's public API only. */
#include <boussole.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    "  boussole evaluate [--framework ID|FILE] [--lang fr|en] [--format text|json]\n"
    "                    [--fail-on VERDICT] FILE...   ('-' reads standard input)\n"
    "  boussole describe [--framework ID|FILE] [--lang fr|en]\n"
    "                    [--format text|json|markdown]   what a framework reads and scores\n"
    "  boussole schema [--framework ID|FILE] [--lang fr|en]\n"
    "                    the JSON Schema (2020-12) of its use-cases\n"
    "  boussole template [--framework ID|FILE] [--lang fr|en]\n"
    "                    a blank use-case, every fact it reads set to null\n"
    "  boussole frameworks           list the embedded frameworks\n"
    "  boussole check FRAMEWORK.json validate a framework file\n"
    "  boussole --help | --version\n"
    "\n"
    "The default framework is the embedded Nantes Metropole boussole (nantes-2024).\n"
    "The default language follows LC_ALL, LC_MESSAGES or LANG (English for en*,\n"
    "French otherwise).\n"
    "\n"
    "Verdicts, worst first: red_line, incomplete, unfavorable,\n"
    "favorable_with_reservations, favorable. A verdict is not an error; with\n"
    "--fail-on VERDICT the exit status is 1 when a use-case gets that verdict or a\n"
    "worse one.\n"
    "\n"
    "Exit status: 0 success, 1 --fail-on matched, 2 usage error, 3 input/output\n"
    "error, 4 JSON syntax error, 5 schema error, 6 limit exceeded, 7 internal error.\n";

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
    if (err->line)
        fprintf(stderr, "%s:%u:%u: error: %s", file, err->line, err->column, err->message);
    else
        fprintf(stderr, "%s: error: %s", file, err->message[0] ? err->message : bsl_strerror(err->code));
    if (err->path[0])
        fprintf(stderr, " (at %s)", err->path);
    fputc('\n', stderr);
}

/* Read a whole file ("-" for stdin) into a malloc'd buffer. */
static int read_all(const char *path, char **out, size_t *out_len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    char *data = NULL;
    size_t len = 0, cap = 0;
    if (!f) {
        fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
        return EXIT_IO;
    }
    for (;;) {
        size_t got;
        if (len == cap) {
            char *p = realloc(data, cap ? cap * 2 : 65536);
            if (!p) {
                free(data);
                if (f != stdin)
                    fclose(f);
                fprintf(stderr, "%s: error: out of memory\n", path);
                return EXIT_INTERNAL;
            }
            data = p;
            cap = cap ? cap * 2 : 65536;
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
        if (!got)
            break;
    }
    if (ferror(f)) {
        fprintf(stderr, "%s: error: cannot read: %s\n", path, strerror(errno));
        free(data);
        if (f != stdin)
            fclose(f);
        return EXIT_IO;
    }
    if (f != stdin)
        fclose(f);
    *out = data;
    *out_len = len;
    return EXIT_OK;
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

/* The options of the commands that read a framework. */
typedef struct cli_options {
    const char *framework;
    bsl_lang lang;
    bsl_format format;
    bsl_verdict fail_on;
    int gate;
} cli_options;

/* Which options a command takes. */
enum { OPT_FRAMEWORK = 1, OPT_LANG = 2, OPT_FORMAT = 4, OPT_MARKDOWN = 8, OPT_FAIL_ON = 16 };

/* Read the options a command allows (anywhere among its operands), keep
 * the operands in place at argv[0..*operands). EXIT_OK or EXIT_USAGE. */
static int parse_options(int argc, char **argv, unsigned allowed, cli_options *o, int *operands)
{
    int i, n = 0;
    o->framework = NULL;
    o->lang = default_lang();
    o->format = BSL_FORMAT_TEXT;
    o->fail_on = BSL_VERDICT_FAVORABLE;
    o->gate = 0;
    for (i = 0; i < argc; i++) {
        const char *a = argv[i];
        unsigned which = !strcmp(a, "--framework") ? OPT_FRAMEWORK
                       : !strcmp(a, "--lang")      ? OPT_LANG
                       : !strcmp(a, "--format")    ? OPT_FORMAT
                       : !strcmp(a, "--fail-on")   ? OPT_FAIL_ON
                                                   : 0;
        if (which & allowed) {
            const char *v = i + 1 < argc ? argv[++i] : NULL;
            if (!v) {
                fprintf(stderr, "boussole: %s needs a value\n%s", a, usage);
                return EXIT_USAGE;
            }
            if (which == OPT_FRAMEWORK) {
                o->framework = v;
            } else if (which == OPT_LANG) {
                if (strcmp(v, "fr") && strcmp(v, "en")) {
                    fprintf(stderr, "boussole: --lang takes fr or en, not '%s'\n", v);
                    return EXIT_USAGE;
                }
                o->lang = v[0] == 'e' ? BSL_LANG_EN : BSL_LANG_FR;
            } else if (which == OPT_FORMAT) {
                if (!strcmp(v, "text"))
                    o->format = BSL_FORMAT_TEXT;
                else if (!strcmp(v, "json"))
                    o->format = BSL_FORMAT_JSON;
                else if (!strcmp(v, "markdown") && (allowed & OPT_MARKDOWN))
                    o->format = BSL_FORMAT_MARKDOWN;
                else {
                    fprintf(stderr, "boussole: --format takes %s, not '%s'\n",
                            allowed & OPT_MARKDOWN ? "text, json or markdown" : "text or json", v);
                    return EXIT_USAGE;
                }
            } else if (!verdict_from_token(v, &o->fail_on)) {
                fprintf(stderr, "boussole: --fail-on takes a verdict token, not '%s'\n", v);
                return EXIT_USAGE;
            } else {
                o->gate = 1;
            }
        } else if (a[0] == '-' && a[1] && strcmp(a, "--") != 0) {
            fprintf(stderr, "boussole: unknown option '%s'\n%s", a, usage);
            return EXIT_USAGE;
        } else {
            argv[n++] = argv[i]; /* keep operands in place */
        }
    }
    *operands = n;
    return EXIT_OK;
}

/* Write a document to standard output. */
static int write_out(const char *data, size_t len)
{
    fwrite(data, 1, len, stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "boussole: error: cannot write output: %s\n", strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}

static int cmd_evaluate(int argc, char **argv)
{
    cli_options o;
    int status = EXIT_OK, i, files = 0, rc;
    bsl_framework *fw = NULL;

    if ((rc = parse_options(argc, argv, OPT_FRAMEWORK | OPT_LANG | OPT_FORMAT | OPT_FAIL_ON, &o, &files)))
        return rc;
    if (!files) {
        fprintf(stderr, "boussole: evaluate needs at least one FILE\n%s", usage);
        return EXIT_USAGE;
    }
    if ((rc = load_framework(o.framework, &fw)))
        return rc;
    for (i = 0; i < files; i++) {
        char *data = NULL, *out = NULL;
        size_t len = 0, out_len = 0;
        bsl_result *result = NULL;
        bsl_error err;
        int code = read_all(argv[i], &data, &len);
        if (!code && (rc = bsl_evaluate_json(&result, fw, data, len, NULL, &err))) {
            report(argv[i], &err);
            code = exit_code_for(rc);
        }
        if (!code && (rc = bsl_render(&out, &out_len, result, o.format, o.lang, &err))) {
            report(argv[i], &err);
            code = exit_code_for(rc);
        }
        if (!code) {
            if (o.format == BSL_FORMAT_TEXT && i > 0)
                fputs("\n----\n\n", stdout);
            fwrite(out, 1, out_len, stdout);
            if (o.gate && bsl_result_verdict(result) <= o.fail_on && status == EXIT_OK)
                status = EXIT_GATE;
        } else if (status == EXIT_OK || status == EXIT_GATE) {
            status = code;
        }
        bsl_render_free(out);
        bsl_result_free(result);
        free(data);
    }
    bsl_framework_free(fw);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "boussole: error: cannot write output: %s\n", strerror(errno));
        return EXIT_IO;
    }
    return status;
}

/* describe, schema and template: one document about a framework. */
enum { DOC_DESCRIBE, DOC_SCHEMA, DOC_TEMPLATE };

static int cmd_document(const char *name, int kind, int argc, char **argv)
{
    cli_options o;
    bsl_framework *fw = NULL;
    bsl_error err;
    char *out = NULL;
    size_t out_len = 0;
    int operands, rc;
    unsigned allowed = OPT_FRAMEWORK | OPT_LANG | (kind == DOC_DESCRIBE ? OPT_FORMAT | OPT_MARKDOWN : 0);

    if ((rc = parse_options(argc, argv, allowed, &o, &operands)))
        return rc;
    if (operands) {
        fprintf(stderr, "boussole: %s takes no FILE ('%s')\n%s", name, argv[0], usage);
        return EXIT_USAGE;
    }
    if ((rc = load_framework(o.framework, &fw)))
        return rc;
    rc = kind == DOC_DESCRIBE ? bsl_framework_describe(&out, &out_len, fw, o.format, o.lang, &err)
       : kind == DOC_SCHEMA   ? bsl_framework_schema(&out, &out_len, fw, o.lang, &err)
                              : bsl_framework_template(&out, &out_len, fw, o.lang, &err);
    if (rc) {
        report(bsl_framework_id(fw), &err);
        rc = exit_code_for(rc);
    } else {
        rc = write_out(out, out_len);
    }
    bsl_render_free(out);
    bsl_framework_free(fw);
    return rc;
}

static int cmd_frameworks(void)
{
    size_t i;
    for (i = 0; i < bsl_embedded_framework_count(); i++) {
        bsl_framework *fw;
        bsl_error err;
        const char *id = bsl_embedded_framework_id(i);
        if (bsl_framework_load_embedded(&fw, id, NULL, &err)) {
            report(id, &err);
            return exit_code_for(err.code);
        }
        printf("%s\t%s\t%s%s\n", id, bsl_framework_version(fw),
               bsl_framework_title(fw, BSL_LANG_FR), i == 0 ? "\t(default)" : "");
        bsl_framework_free(fw);
    }
    return EXIT_OK;
}

static int cmd_check(int argc, char **argv)
{
    bsl_framework *fw;
    bsl_error err;
    int rc;
    if (argc != 1) {
        fprintf(stderr, "boussole: check takes one FRAMEWORK.json\n%s", usage);
        return EXIT_USAGE;
    }
    if ((rc = bsl_framework_load_file(&fw, argv[0], NULL, &err))) {
        report(argv[0], &err);
        return exit_code_for(rc);
    }
    printf("%s: ok: %s %s, %zu criteria, sha256 %s\n", argv[0], bsl_framework_id(fw),
           bsl_framework_version(fw), bsl_framework_criterion_count(fw), bsl_framework_sha256(fw));
    bsl_framework_free(fw);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("boussole (libboussole) %s\n", bsl_version_string());
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "evaluate"))
        return cmd_evaluate(argc - 2, argv + 2);
    if (!strcmp(argv[1], "describe"))
        return cmd_document("describe", DOC_DESCRIBE, argc - 2, argv + 2);
    if (!strcmp(argv[1], "schema"))
        return cmd_document("schema", DOC_SCHEMA, argc - 2, argv + 2);
    if (!strcmp(argv[1], "template"))
        return cmd_document("template", DOC_TEMPLATE, argc - 2, argv + 2);
    if (!strcmp(argv[1], "frameworks") && argc == 2)
        return cmd_frameworks();
    if (!strcmp(argv[1], "check"))
        return cmd_check(argc - 2, argv + 2);
    fprintf(stderr, "boussole: unknown command '%s'\n%s", argv[1], usage);
    return EXIT_USAGE;
}
