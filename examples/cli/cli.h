/* What the files of the boussole command share: exit codes, the options
 * of the commands, diagnostics on stderr, the output, and loading the
 * frameworks. The command reaches libboussole through its public API only. */
#ifndef BOUSSOLE_CLI_H
#define BOUSSOLE_CLI_H

#include <boussole.h>
#include <stdio.h>

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

/* diagnostics.c: messages on standard error, in the language chosen once
 * by diagnostics_init() (--lang, else the locale: French for fr*). */
void diagnostics_init(int argc, char **argv);
bsl_lang diagnostics_language(void);
/* The wording of a diagnostic in that language; both take the same
 * arguments (format_arg lets the compiler check each against them). */
#if defined(__GNUC__)
const char *tr(const char *en, const char *fr) __attribute__((format_arg(1), format_arg(2)));
#else
const char *tr(const char *en, const char *fr);
#endif
/* The exit code for a library status. */
int exit_code_for(int status);
/* FILE:LINE:COL: error: MESSAGE (at PATH) */
void report(const char *file, const bsl_error *err);
/* A usage error: one line and where to find more; returns EXIT_USAGE. */
#if defined(__GNUC__)
int usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#else
int usage_error(const char *command, const char *fmt, ...);
#endif

/* io.c: input files and the output (standard output, or -o FILE written
 * atomically). */
int read_all(const char *path, char **out_data, size_t *out_len);
int open_output(const char *path);
int put(const char *data, size_t len);
#if defined(__GNUC__)
int put_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#else
int put_format(const char *fmt, ...);
#endif
/* Non-zero once writing the output has failed (nothing more can be written). */
int output_failed(void);
int close_output(int status);
void guard_standard_fds(void);

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
    unsigned max_nodes;      /* --max-nodes: the plan's search budget, 0 for the library's default */
} cli_options;

enum { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* Which options a command takes. */
enum { OPT_FRAMEWORK = 1, OPT_LANG = 2, OPT_FORMAT = 4, OPT_MARKDOWN = 8, OPT_FAIL_ON = 16,
       OPT_OUTPUT = 32, OPT_REPORTS = 64 /* --format html|svg */, OPT_COLOR = 128,
       OPT_INPUT = 256, OPT_DETAIL = 512, OPT_TARGET = 1024, OPT_MAX_NODES = 2048 };

/* parse_options() found --help: the command's usage is written, exit 0. */
enum { HELP_SHOWN = -1 };

/* options.c */
int parse_options(const char *command, int argc, char **argv, unsigned allowed,
                  cli_options *o, int *operands);

/* frameworks.c: --framework ID|FILE, lists of them, and evaluating a FILE. */
int load_framework(const char *spec, bsl_framework **fw);
int load_frameworks(const char *spec, bsl_framework ***fws, size_t *n);
void free_all(bsl_framework **fws, size_t nfw, bsl_result **cells, size_t ncells);
int evaluate_row(const char *file, bsl_framework *const *fws, size_t nfw, bsl_result **row);

/* registers.c: JSON Lines and CSV registers, streamed. */
int streams_registers(const cli_options *o, char **files, int n);
int evaluate_registers(const cli_options *o, char **files, int n);

/* validate.c: boussole validate. */
int cmd_validate(int argc, char **argv);

#endif
