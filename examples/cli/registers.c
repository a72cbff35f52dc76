/* Registers: JSON Lines and CSV files of use-cases, streamed through the
 * library record by record in constant memory. */
#include "cli.h"

#include <errno.h>
#include <string.h>

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

int streams_registers(const cli_options *o, char **files, int n)
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
    if (rc && !output_failed())
        report(file, &err);
    if (f != stdin)
        fclose(f);
    return rc ? (output_failed() ? EXIT_IO : exit_code_for(rc)) : EXIT_OK;
}

int evaluate_registers(const cli_options *o, char **files, int n)
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
    for (i = 0; i < n && !output_failed(); i++) {
        run.input = input_of(o, files[i]);
        rc = evaluate_register(files[i], fw, &run);
        if (rc && (run.status == EXIT_OK || run.status == EXIT_GATE))
            run.status = rc;
    }
    bsl_framework_free(fw);
    if (output_failed() && run.status == EXIT_IO)
        run.status = EXIT_OK; /* close_output() reports it and makes it EXIT_IO */
    return close_output(run.status);
}
