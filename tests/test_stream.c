/* Streams (bsl_stream_*, bsl_evaluate_stream_file): the same records
 * whatever the piece sizes, the same results as bsl_evaluate_lines, the
 * summary detail, CSV registers (types, delimiters, quoting, errors at the
 * cell), CSV records, per-record limits, a callback that stops, arguments
 * and out-of-memory at every allocation. */
#include "check.h"
#include "testutil.h"
#include "json.h" /* only to check that records are well-formed JSON */

#define EXAMPLE_DIR SRCDIR "/examples/usecases/"

static bsl_framework *nantes;

/* Records collected by the callback: their texts, one after the other. */
typedef struct collected {
    char *text;
    size_t len, cap;
    size_t results, errors, headers;
    bsl_error last_error;
    size_t last_error_line;
    int stop_after; /* stop when this many records were seen; 0 never */
} collected;

static int collect(void *ctx, const bsl_record *rec)
{
    collected *c = ctx;
    if (c->len + rec->len + 1 > c->cap) {
        size_t cap = (c->len + rec->len + 1) * 2;
        char *p = realloc(c->text, cap);
        if (!p)
            return 1;
        c->text = p;
        c->cap = cap;
    }
    memcpy(c->text + c->len, rec->text, rec->len);
    c->len += rec->len;
    c->text[c->len] = '\0';
    if (rec->kind == BSL_RECORD_RESULT)
        c->results++;
    else if (rec->kind == BSL_RECORD_ERROR) {
        c->errors++;
        c->last_error = *rec->error;
        c->last_error_line = rec->input_line;
    } else
        c->headers++;
    return c->stop_after && c->results + c->errors >= (size_t)c->stop_after;
}

static char *kept_text(collected *c)
{
    char *t = tu_keep(c->text ? c->text : calloc(1, 1));
    c->text = NULL;
    return t;
}

/* Run a whole input through a stream in pieces of `piece` bytes. */
static int run(const bsl_stream_options *so, const bsl_options *opts, const char *in, size_t len,
               size_t piece, collected *c, bsl_error *err)
{
    bsl_stream *s;
    size_t at = 0;
    int rc;
    memset(c, 0, sizeof *c);
    if ((rc = bsl_stream_new(&s, nantes, so, opts, collect, c, err)))
        return rc;
    while (!rc && at < len) {
        size_t n = len - at < piece ? len - at : piece;
        rc = bsl_stream_feed(s, in + at, n, err);
        at += n;
    }
    if (!rc)
        rc = bsl_stream_finish(s, err);
    bsl_stream_free(s);
    return rc;
}

static char *example_line(size_t i)
{
    char path[512];
    size_t len, k;
    char *data;
    snprintf(path, sizeof path, EXAMPLE_DIR "%s.json", EXAMPLES[i]);
    data = read_file(path, &len);
    if (!data) {
        printf("Bail out! cannot read %s\n", path);
        exit(1);
    }
    for (k = 0; k < len; k++)
        if (data[k] == '\n' || data[k] == '\r')
            data[k] = ' ';
    return data;
}

static char *examples_jsonl(void)
{
    size_t i, n = 0;
    char *all;
    for (i = 0; i < EXAMPLE_COUNT; i++)
        n += strlen(example_line(i)) + 1;
    all = tu_keep(malloc(n + 1));
    all[0] = '\0';
    for (i = 0; i < EXAMPLE_COUNT; i++) {
        strcat(all, example_line(i));
        strcat(all, "\n");
    }
    return all;
}

static void test_same_as_lines_whatever_the_pieces(void)
{
    const char *in = subst(examples_jsonl(), "\"classement-courrier\"", "3"); /* the id of line 2: not a string */
    const size_t pieces[] = { 1, 7, 100, 4096, (size_t)1 << 30 };
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    char *want;
    size_t want_len, errors, i;
    so.lang = BSL_LANG_EN;
    CHECK_INT(bsl_evaluate_lines(&want, &want_len, nantes, in, strlen(in), BSL_LANG_EN, NULL, &errors, NULL),
              BSL_OK, "bsl_evaluate_lines");
    CHECK_NUM(errors, 1, "one bad use-case among the examples");
    for (i = 0; i < sizeof pieces / sizeof *pieces; i++) {
        collected c;
        char label[100];
        int rc = run(&so, NULL, in, strlen(in), pieces[i], &c, NULL);
        const char *got = kept_text(&c);
        snprintf(label, sizeof label, "pieces of %zu bytes: the records of bsl_evaluate_lines", pieces[i]);
        CHECK_INT(rc, BSL_OK, label);
        CHECK_STR(got, want, label);
        CHECK_NUM(c.results, EXAMPLE_COUNT - 1, "results counted");
        CHECK_NUM(c.errors, 1, "the error record in its place");
        CHECK_NUM(c.last_error_line, 2, "on its input line");
    }
    bsl_render_free(want);
}

static void test_summary(void)
{
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    const char *in = examples_jsonl(), *p;
    collected c;
    size_t longest = 0, lines = 0;
    so.detail = BSL_DETAIL_SUMMARY;
    CHECK_INT(run(&so, NULL, in, strlen(in), 4096, &c, NULL), BSL_OK, "summary stream");
    p = kept_text(&c);
    while (*p) {
        const char *nl = strchr(p, '\n');
        bsl_json_doc doc;
        size_t n = (size_t)(nl - p);
        if (n > longest)
            longest = n;
        CHECK_INT(bsl_json_parse(&doc, p, n, NULL, NULL, NULL), BSL_OK, "a summary is one JSON object");
        bsl_json_doc_free(&doc);
        CHECK(!strncmp(p, "{\"format\":\"boussole-summary/1\",\"id\":", 36), "summary format first");
        lines++;
        p = nl + 1;
    }
    CHECK_NUM(lines, EXAMPLE_COUNT, "one summary per use-case");
    CHECK(longest <= 2048, "a Nantes summary is at most 2 KB");
    printf("# longest summary: %zu bytes\n", longest);
    CHECK(!strstr(c.text ? c.text : "", "justification"), "no sentences");
}

/* A CSV register and the JSON Lines of the same use-cases give the same
 * summaries: booleans in three languages, a decimal comma, a set, an
 * evidence column, an empty cell (not answered), a quoted cell over two
 * lines, ';' detected, a byte order mark dropped. */
static void test_csv_register_as_json(void)
{
    const char *csv =
        "\xEF\xBB\xBF" "id;title;hosting;human_override;training_plan;user_notice;energy_kwh_per_year;"
        "sensitive_data;personal_data;evidence.hosting\r\n"
        "a;\"Titre ; sur\ndeux lignes\";france;oui;VRAI;false;\"1,5\";health | biometric;;\"doc \"\"A\"\"\"\r\n"
        "\r\n"
        "b;B;eu;non;faux;true; 2000 ;[];none;\n";
    const char *jsonl = dq(
        "{'id':'a','title':'Titre ; sur\\ndeux lignes','facts':{'hosting':'france','human_override':true,"
        "'training_plan':true,'user_notice':false,'energy_kwh_per_year':1.5,"
        "'sensitive_data':['health','biometric']},'evidence':{'hosting':'doc \\'A\\''}}\n"
        "{'id':'b','title':'B','facts':{'hosting':'eu','human_override':false,'training_plan':false,"
        "'user_notice':true,'energy_kwh_per_year':2000,'sensitive_data':[],'personal_data':'none'}}\n");
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT, sj = BSL_STREAM_OPTIONS_INIT;
    collected c, j;
    const char *got, *want;
    size_t pieces[] = { 1, 5, 4096 }, i;
    jsonl = subst(jsonl, "\\'", "\\\"");
    so.input = BSL_INPUT_CSV;
    so.detail = sj.detail = BSL_DETAIL_FULL;
    CHECK_INT(run(&sj, NULL, jsonl, strlen(jsonl), 4096, &j, NULL), BSL_OK, "the JSON twin");
    want = kept_text(&j);
    CHECK_NUM(j.results, 2, "the JSON twin evaluates");
    for (i = 0; i < sizeof pieces / sizeof *pieces; i++) {
        CHECK_INT(run(&so, NULL, csv, strlen(csv), pieces[i], &c, NULL), BSL_OK, "a CSV register");
        got = kept_text(&c);
        CHECK_NUM(c.errors, 0, "no error record");
        CHECK_STR(got, want, "the CSV register gives the results of its JSON twin");
    }
}

/* Each bad cell gives an error record at its line and column, naming its
 * column; the rows after it are evaluated. */
static void test_csv_errors(void)
{
    static const struct {
        const char *row;
        int code;
        unsigned line, column;
        const char *message;
    } cases[] = {
        { "a,A,12x,france,oui,health\n", BSL_ERR_TYPE, 2, 5, "not '12x' (column energy_kwh_per_year)" },
        { "a,A,12,france,peut-etre,health\n", BSL_ERR_TYPE, 2, 15, "(column human_override)" },
        { "a,A,12,france,oui,health||x\n", BSL_ERR_VALUE, 2, 19, "(column sensitive_data)" },
        { "a,A,12,moon,oui,health\n", BSL_ERR_ENUM, 2, 8, "(column hosting)" },
        { ",A,12,france,oui,\n", BSL_ERR_VALUE, 2, 1, "(column id)" },
        { "a,A,12,france,oui\n", BSL_ERR_VALUE, 2, 15, "the row has 5 cells, the header 6 columns" },
        { "a,A,12,france,oui,,extra\n", BSL_ERR_VALUE, 2, 20, "more cells than the header has columns" },
        { "a,A\"x,12,france,oui,\n", BSL_ERR_SYNTAX, 2, 4, "a quote inside an unquoted cell" },
        { "a,\"A\"x,12,france,oui,\n", BSL_ERR_SYNTAX, 2, 6, "must end at its closing quote" },
        { "a,\"A\n\nB,12,france,oui,\n", BSL_ERR_SYNTAX, 2, 1, "ends inside a quoted cell" },
    };
    const char *header = "id,title,energy_kwh_per_year,hosting,human_override,sensitive_data\n";
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    size_t i;
    so.input = BSL_INPUT_CSV;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *in = subst(subst("HROWb,B,,,,\n", "H", header), "ROW", cases[i].row);
        collected c;
        char label[160];
        int ends_in_quote = cases[i].code == BSL_ERR_SYNTAX && strstr(cases[i].message, "ends inside");
        snprintf(label, sizeof label, "csv error %zu (%s)", i, cases[i].message);
        CHECK_INT(run(&so, NULL, in, strlen(in), 3, &c, NULL), BSL_OK, label);
        CHECK_NUM(c.errors, 1, label);
        CHECK_NUM(c.results, ends_in_quote ? 0 : 1, "the other row is evaluated");
        CHECK_INT(c.last_error.code, cases[i].code, label);
        CHECK_NUM(c.last_error.line, cases[i].line, label);
        CHECK_NUM(c.last_error.column, cases[i].column, label);
        CHECK_CONTAINS(c.last_error.message, cases[i].message, label);
        free(c.text);
    }
}

static void test_csv_header_errors(void)
{
    static const struct {
        const char *in;
        int code;
        unsigned column;
    } cases[] = {
        { "id,title,id\n", BSL_ERR_VALUE, 10 },
        { "id,,title\n", BSL_ERR_VALUE, 4 },
        { "id,hosting\na,france\n", BSL_ERR_MISSING, 1 },
        { "id,\"ti\"tle\n", BSL_ERR_SYNTAX, 8 },
        { "", BSL_ERR_MISSING, 0 },
        { "\n\n", BSL_ERR_MISSING, 0 },
    };
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    size_t i;
    so.input = BSL_INPUT_CSV;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        collected c;
        bsl_error err;
        char label[80];
        snprintf(label, sizeof label, "header %zu stops the stream", i);
        CHECK_INT(run(&so, NULL, cases[i].in, strlen(cases[i].in), 2, &c, &err), cases[i].code, label);
        CHECK_INT(err.code, cases[i].code, "err.code");
        CHECK_NUM(err.column, cases[i].column, "at its column");
        CHECK_NUM(c.results + c.errors, 0, "no record");
        free(c.text);
    }
}

static size_t count_char(const char *s, char ch, int outside_quotes)
{
    size_t n = 0;
    int q = 0;
    for (; *s; s++) {
        if (*s == '"')
            q = !q;
        else if (*s == ch && (!outside_quotes || !q))
            n++;
    }
    return n;
}

/* CSV records: a header, then a row per record with as many cells. */
static void test_csv_records(void)
{
    const char *in = subst(examples_jsonl(), "\"classement-courrier\"", "3");
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    collected c;
    const char *text, *p;
    size_t cells = 0, rows = 0;
    so.output = BSL_OUTPUT_CSV;
    CHECK_INT(run(&so, NULL, in, strlen(in), 999, &c, NULL), BSL_OK, "CSV records");
    text = kept_text(&c);
    CHECK_NUM(c.headers, 1, "one header");
    CHECK(!strncmp(text, "index,input_line,id,verdict,score,C1.score,C1.status,", 53), "header columns");
    for (p = text; *p; rows++) {
        const char *nl = strchr(p, '\n');
        char *line = tu_keep(malloc((size_t)(nl - p) + 1));
        memcpy(line, p, (size_t)(nl - p));
        line[nl - p] = '\0';
        if (!rows)
            cells = count_char(line, ',', 1);
        else
            CHECK_NUM(count_char(line, ',', 1), cells, "every row has the header's cells");
        p = nl + 1;
    }
    CHECK_NUM(rows, EXAMPLE_COUNT + 1, "a row per record");
    CHECK(strstr(text, "\n1,2,,,,") != NULL, "the error row in place");
    CHECK(strstr(text, ",type,") != NULL, "with its error name");

    memset(&c, 0, sizeof c);
    CHECK_INT(run(&so, NULL, "", 0, 1, &c, NULL), BSL_OK, "an empty register");
    CHECK_NUM(c.headers, 1, "still has its header");
    free(c.text);
}

/* A record longer than max_input_bytes is an error record; the next one
 * is evaluated; memory stays at the limit. */
static void test_limit_per_record(void)
{
    const char *good = example_line(7);
    size_t big = 20000, i;
    char *in = tu_keep(malloc(big + strlen(good) + 3));
    bsl_options opts;
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    collected c;
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_input_bytes = 10000;
    in[0] = '[';
    for (i = 1; i < big; i++)
        in[i] = ' ';
    in[big] = '\n';
    strcpy(in + big + 1, good);
    strcat(in, "\n");
    CHECK_INT(run(&so, &opts, in, strlen(in), 333, &c, NULL), BSL_OK, "an overlong record");
    CHECK_NUM(c.errors, 1, "is an error record");
    CHECK_INT(c.last_error.code, BSL_ERR_LIMIT, "BSL_ERR_LIMIT");
    CHECK_NUM(c.last_error.line, 1, "at its first line");
    CHECK_NUM(c.results, 1, "the next record is evaluated");
    free(c.text);
}

static void test_document_input(void)
{
    char path[512];
    size_t len;
    const char *doc;
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    collected c;
    snprintf(path, sizeof path, EXAMPLE_DIR "%s.json", EXAMPLES[7]);
    doc = read_file(path, &len);
    so.input = BSL_INPUT_JSON;
    CHECK_INT(run(&so, NULL, doc, len, 10, &c, NULL), BSL_OK, "one indented document");
    CHECK_NUM(c.results, 1, "one record");
    free(c.text);
    CHECK_INT(run(&so, NULL, "{\n  \"id\": 1}", 12, 3, &c, NULL), BSL_OK, "a bad document");
    CHECK_NUM(c.errors, 1, "an error record");
    CHECK_NUM(c.last_error.line, 2, "at its line in the document");
    free(c.text);
}

static void test_callback_stops_and_arguments(void)
{
    const char *in = examples_jsonl();
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT, bad = BSL_STREAM_OPTIONS_INIT;
    bsl_stream *s;
    bsl_error err;
    collected c;
    memset(&c, 0, sizeof c);
    c.stop_after = 2;
    CHECK_INT(bsl_stream_new(&s, nantes, &so, NULL, collect, &c, &err), BSL_OK, "new");
    CHECK_INT(bsl_stream_feed(s, in, strlen(in), &err), BSL_ERR_IO, "a callback that stops");
    CHECK_NUM(bsl_stream_record_count(s), 2, "after two records");
    CHECK_INT(bsl_stream_feed(s, in, 1, &err), BSL_ERR_IO, "the stream stays stopped");
    CHECK_INT(bsl_stream_finish(s, &err), BSL_ERR_IO, "finish too");
    bsl_stream_free(s);
    free(c.text);

    CHECK_INT(bsl_stream_new(&s, nantes, NULL, NULL, collect, &c, &err), BSL_OK, "NULL options: defaults");
    CHECK_INT(bsl_stream_feed(s, NULL, 1, &err), BSL_ERR_ARG, "NULL bytes");
    CHECK_INT(bsl_stream_finish(s, &err), BSL_OK, "finish an empty stream");
    CHECK_INT(bsl_stream_finish(s, &err), BSL_ERR_ARG, "finish twice");
    CHECK_INT(bsl_stream_feed(s, "x", 1, &err), BSL_ERR_ARG, "feed after finish");
    CHECK_NUM(bsl_stream_error_count(s), 0, "no error record");
    bsl_stream_free(s);
    bsl_stream_free(NULL);
    CHECK_NUM(bsl_stream_record_count(NULL), 0, "NULL count");
    s = (bsl_stream *)&s;
    CHECK_INT(bsl_stream_new(&s, NULL, &so, NULL, collect, &c, &err), BSL_ERR_ARG, "NULL framework");
    CHECK(s == NULL, "out NULL on failure");
    CHECK_INT(bsl_stream_new(&s, nantes, &so, NULL, NULL, &c, &err), BSL_ERR_ARG, "NULL callback");
    bad.version = 99;
    CHECK_INT(bsl_stream_new(&s, nantes, &bad, NULL, collect, &c, &err), BSL_ERR_ARG, "unknown version");
    bad.version = BSL_STREAM_OPTIONS_VERSION;
    bad.output = (bsl_stream_output)7;
    CHECK_INT(bsl_stream_new(&s, nantes, &bad, NULL, collect, &c, &err), BSL_ERR_ARG, "unknown output");
}

static void test_stream_file(void)
{
    const char *in = examples_jsonl();
    FILE *f = tmpfile();
    size_t records = 9, errors = 9;
    collected c;
    memset(&c, 0, sizeof c);
    if (!f) {
        CHECK(0, "tmpfile");
        return;
    }
    fwrite(in, 1, strlen(in), f);
    rewind(f);
    CHECK_INT(bsl_evaluate_stream_file(nantes, f, NULL, NULL, collect, &c, &records, &errors, NULL),
              BSL_OK, "a register from a FILE");
    CHECK_NUM(records, EXAMPLE_COUNT, "every record");
    CHECK_NUM(errors, 0, "no error");
    CHECK_NUM(c.results, EXAMPLE_COUNT, "handed over");
    fclose(f);
    free(c.text);
    CHECK_INT(bsl_evaluate_stream_file(nantes, NULL, NULL, NULL, collect, &c, NULL, NULL, NULL),
              BSL_ERR_ARG, "NULL FILE");
}

/* Out of memory at every allocation of a CSV stream with an error row:
 * BSL_ERR_NOMEM from the call that met it, nothing leaked. */
typedef struct oom_ctx {
    const char *in;
    bsl_stream_input input;
} oom_ctx;

static int oom_call(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    oom_ctx *o = ctx;
    bsl_stream_options so = BSL_STREAM_OPTIONS_INIT;
    collected c;
    int rc;
    so.input = o->input;
    so.detail = BSL_DETAIL_SUMMARY;
    rc = run(&so, opts, o->in, strlen(o->in), 50, &c, err);
    free(c.text);
    *out = rc ? NULL : (void *)1;
    return rc;
}

static void nothing(void *p) { (void)p; }

static void test_out_of_memory(void)
{
    counting_alloc a;
    bsl_options opts;
    oom_ctx csv = { "id;title;hosting;sensitive_data\na;A;france;health|biometric\nb;B;moon;\n", BSL_INPUT_CSV };
    oom_ctx jsonl;
    jsonl.in = subst(examples_jsonl(), "\"classement-courrier\"", "3");
    jsonl.input = BSL_INPUT_JSONL;
    ca_init(&a, &opts);
    oom_loop("CSV stream", oom_call, &csv, &a, &opts, nothing);
    oom_loop("JSON Lines stream", oom_call, &jsonl, &a, &opts, nothing);
}

int main(void)
{
    if (bsl_framework_load_embedded(&nantes, NULL, NULL, NULL) != BSL_OK) {
        printf("Bail out! cannot load the default framework\n");
        return 1;
    }
    test_same_as_lines_whatever_the_pieces();
    test_summary();
    test_csv_register_as_json();
    test_csv_errors();
    test_csv_header_errors();
    test_csv_records();
    test_limit_per_record();
    test_document_input();
    test_callback_stops_and_arguments();
    test_stream_file();
    test_out_of_memory();
    bsl_framework_free(nantes);
    tu_cleanup();
    return check_done();
}
