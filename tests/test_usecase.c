/* Use-cases parsed against the default Nantes framework: valid documents,
 * every kind of error with its code, position and path, unknown keys with
 * their suggestions, and the limits of bsl_options. */
#include "check.h"
#include "testutil.h"


/* A use-case; facts go on line 5, extra top-level members at the end of
 * line 6. Single quotes become double quotes. */
static const char UC_TEMPLATE[] =
    "{\n"
    "  'id': 'u',\n"
    "  'title': 'Cas',\n"
    "  'facts': {\n"
    "    @FACTS@\n"
    "  }@EXTRA@\n"
    "}\n";

static const char *uc_make(const char *facts, const char *extra)
{
    return dq(subst(subst(UC_TEMPLATE, "@FACTS@", facts), "@EXTRA@", extra ? extra : ""));
}

static bsl_framework *nantes;

static int parse(bsl_usecase **uc, const char *doc, const bsl_options *opts, bsl_error *err)
{
    return bsl_usecase_parse(uc, nantes, doc, strlen(doc), opts, err);
}

/* Parse doc and expect a failure at the nth occurrence of needle (single
 * quotes, like the documents). Returns the message for further checks. */
static const char *parse_fails(const char *what, const char *doc, const bsl_options *opts, int code,
                               const char *needle, int nth, unsigned line, unsigned column,
                               const char *path)
{
    static bsl_error err;
    bsl_usecase *uc = (bsl_usecase *)&uc;
    char label[300];
    int rc = parse(&uc, doc, opts, &err);
    check_error_at(what, rc, &err, code, doc, needle ? dq(needle) : NULL, nth, line, column, path);
    snprintf(label, sizeof label, "%s: out is NULL", what);
    CHECK(uc == NULL, label);
    if (rc == BSL_OK)
        bsl_usecase_free(uc);
    return err.message;
}

/* Parse and evaluate doc; NULL on failure (reported). */
static bsl_result *evaluate(const char *what, const char *doc)
{
    bsl_result *r = NULL;
    bsl_error err;
    int rc = bsl_evaluate_json(&r, nantes, doc, strlen(doc), NULL, &err);
    CHECK_INT(rc, BSL_OK, what);
    if (rc)
        printf("#   %s at %s\n", err.message, err.path);
    return r;
}

/* ------------------------------------------------------------------------ */

static void test_examples_parse(void)
{
    size_t i;
    for (i = 0; i < sizeof EXAMPLES / sizeof *EXAMPLES; i++) {
        char path[512], label[300];
        size_t len = 0;
        const char *data;
        bsl_usecase *uc = NULL;
        bsl_error err;
        int rc;
        snprintf(path, sizeof path, SRCDIR "/examples/usecases/%s.json", EXAMPLES[i]);
        data = read_file(path, &len);
        snprintf(label, sizeof label, "%s: readable", EXAMPLES[i]);
        if (!CHECK(data != NULL, label))
            continue;
        rc = bsl_usecase_parse(&uc, nantes, data, len, NULL, &err);
        snprintf(label, sizeof label, "%s: parses", EXAMPLES[i]);
        CHECK_INT(rc, BSL_OK, label);
        if (rc)
            printf("#   %s at %s line %u column %u\n", err.message, err.path, err.line, err.column);
        snprintf(label, sizeof label, "%s: id", EXAMPLES[i]);
        CHECK_STR(bsl_usecase_id(uc), EXAMPLES[i], label);
        snprintf(label, sizeof label, "%s: success clears err", EXAMPLES[i]);
        CHECK(err.code == BSL_OK && err.message[0] == '\0' && err.path[0] == '\0', label);
        bsl_usecase_free(uc);
    }
}

static void test_valid_minimal(void)
{
    bsl_usecase *uc = NULL;
    bsl_error err;
    const char *doc = dq("{'id': 'x-1', 'title': 'Titre \\u00e9', 'service': 's', 'description': 'd',"
                         " 'phase': 'idea', 'framework': 'nantes-2024', 'facts': {}, 'evidence': {},"
                         " 'comments': ''}");
    CHECK_INT(parse(&uc, doc, NULL, &err), BSL_OK, "every top-level field, empty facts");
    CHECK_STR(bsl_usecase_id(uc), "x-1", "id");
    CHECK_STR(bsl_usecase_title(uc), "Titre \xc3\xa9", "title with a decoded escape");
    bsl_usecase_free(uc);

    uc = NULL;
    doc = uc_make("'hosting': 'eu', 'users_per_year': 1.5e3, 'sensitive_data': ['health', 'genetic'],"
                  " 'human_alternative': false, 'personal_data': null",
                  NULL);
    CHECK_INT(parse(&uc, doc, NULL, &err), BSL_OK, "facts of every JSON type, and null");
    bsl_usecase_free(uc);

    /* Input need not be NUL-terminated: only len bytes are read. */
    {
        size_t n = strlen(doc);
        char *copy = tu_keep(malloc(n + 4));
        memcpy(copy, doc, n);
        memcpy(copy + n, "}}}", 4);
        uc = NULL;
        CHECK_INT(bsl_usecase_parse(&uc, nantes, copy, n, NULL, &err), BSL_OK,
                  "bytes after len are not read");
        bsl_usecase_free(uc);
    }
}

static void test_fact_errors(void)
{
    const char *msg;

    parse_fails("string for a boolean", uc_make("'biometric_identification': 'no'", NULL), NULL,
                BSL_ERR_TYPE, "'no'", 0, 5, 33, "$.facts.biometric_identification");

    parse_fails("number for an enum", uc_make("'hosting': 1", NULL), NULL,
                BSL_ERR_TYPE, "1\n", 0, 5, 16, "$.facts.hosting");

    parse_fails("string for a number", uc_make("'energy_kwh_per_year': '12'", NULL), NULL,
                BSL_ERR_TYPE, "'12'", 0, 5, 28, "$.facts.energy_kwh_per_year");

    parse_fails("string for a set", uc_make("'sensitive_data': 'health'", NULL), NULL,
                BSL_ERR_TYPE, "'health'", 0, 5, 23, "$.facts.sensitive_data");

    parse_fails("number in a set", uc_make("'sensitive_data': ['health', 3]", NULL), NULL,
                BSL_ERR_TYPE, "3]", 0, 5, 34, "$.facts.sensitive_data[1]");

    msg = parse_fails("unknown enum value", uc_make("'hosting': 'mars'", NULL), NULL,
                      BSL_ERR_ENUM, "'mars'", 0, 5, 16, "$.facts.hosting");
    CHECK_CONTAINS(msg, "mars", "enum message names the value");
    CHECK_CONTAINS(msg, "non_eu, eu, france", "enum message lists the allowed values");

    msg = parse_fails("set with an unknown member", uc_make("'sensitive_data': ['health', 'astrology']", NULL),
                      NULL, BSL_ERR_ENUM, "'astrology'", 0, 5, 34, "$.facts.sensitive_data[1]");
    CHECK_CONTAINS(msg, "astrology", "set message names the member");
    CHECK_CONTAINS(msg, "health, ethnic_origin, political_opinion", "set message lists the allowed values");

    msg = parse_fails("set with a duplicate member",
                      uc_make("'sensitive_data': ['health', 'genetic', 'health']", NULL), NULL,
                      BSL_ERR_VALUE, "'health'", 1, 5, 45, "$.facts.sensitive_data[2]");
    CHECK_CONTAINS(msg, "health", "duplicate message names the member");

    msg = parse_fails("number below min", uc_make("'energy_kwh_per_year': -1", NULL), NULL,
                      BSL_ERR_VALUE, "-1", 0, 5, 28, "$.facts.energy_kwh_per_year");
    CHECK_CONTAINS(msg, "-1", "range message names the value");

    parse_fails("evidence that is not a string", uc_make("'hosting': 'eu'", ",\n  'evidence': {'hosting': 1}"),
                NULL, BSL_ERR_TYPE, "1}", 0, 7, 27, "$.evidence.hosting");

    parse_fails("facts that are not an object", dq("{'id': 'u', 'title': 'T', 'facts': []}"), NULL,
                BSL_ERR_TYPE, "[]", 0, 1, 36, "$.facts");

    parse_fails("evidence that is not an object", uc_make("", ",\n  'evidence': 'none'"), NULL,
                BSL_ERR_TYPE, "'none'", 0, 7, 15, "$.evidence");
}

static void test_document_errors(void)
{
    const char *msg;

    parse_fails("missing id", dq("{\n  'title': 'T',\n  'facts': {}\n}"), NULL,
                BSL_ERR_MISSING, "{", 0, 1, 1, "$.id");
    parse_fails("missing title", dq("{\n  'id': 'u',\n  'facts': {}\n}"), NULL,
                BSL_ERR_MISSING, "{", 0, 1, 1, "$.title");
    parse_fails("missing facts", dq("{\n  'id': 'u',\n  'title': 'T'\n}"), NULL,
                BSL_ERR_MISSING, "{", 0, 1, 1, "$.facts");
    parse_fails("empty id", dq("{\n  'id': '',\n  'title': 'T',\n  'facts': {}\n}"), NULL,
                BSL_ERR_VALUE, "''", 0, 2, 9, "$.id");
    parse_fails("id that is not a string", dq("{\n  'id': 7,\n  'title': 'T',\n  'facts': {}\n}"), NULL,
                BSL_ERR_TYPE, "7", 0, 2, 9, "$.id");
    parse_fails("top level that is not an object", dq("['u']"), NULL,
                BSL_ERR_TYPE, "[", 0, 1, 1, "$");

    msg = parse_fails("unknown top-level field", uc_make("", ",\n  'owner': 'me'"), NULL,
                      BSL_ERR_VALUE, "'owner'", 0, 7, 3, "$.owner");
    CHECK_CONTAINS(msg, "owner", "unknown field message names it");

    parse_fails("framework that is not a string", uc_make("", ",\n  'framework': 7"), NULL,
                BSL_ERR_TYPE, "7", 0, 7, 16, "$.framework");

    parse_fails("syntax error", uc_make("'hosting': 'eu',", NULL), NULL,
                BSL_ERR_SYNTAX, "}\n}", 0, 6, 3, "");
    parse_fails("duplicate fact key", uc_make("'hosting': 'eu', 'hosting': 'france'", NULL), NULL,
                BSL_ERR_SYNTAX, "'hosting'", 1, 5, 22, "");
}

static void test_framework_match_and_null(void)
{
    bsl_usecase *uc = NULL;
    bsl_result *r;
    bsl_error err;
    size_t c, k;
    int seen = 0;

    CHECK_INT(parse(&uc, uc_make("", ",\n  'framework': 'nantes-2024'"), NULL, &err), BSL_OK,
              "matching framework id is accepted");
    bsl_usecase_free(uc);
    /* "framework" names the charter the authors had in mind and binds
     * nothing: every framework reads the shared vocabulary. */
    CHECK_INT(parse(&uc, uc_make("", ",\n  'framework': 'bordeaux-2025'"), NULL, &err), BSL_OK,
              "a use-case written for another framework is scored by this one");
    bsl_usecase_free(uc);

    /* null is "not answered": hosting is missing, like an absent key. */
    r = evaluate("null fact", uc_make("'hosting': null, 'users_per_year': null", NULL));
    for (c = 0; r && c < bsl_result_criterion_count(r); c++) {
        const bsl_criterion_result *cr = bsl_result_criterion(r, c);
        for (k = 0; k < bsl_criterion_result_outcome_count(cr); k++) {
            const bsl_outcome *o = bsl_criterion_result_outcome(cr, k);
            if (!strcmp(bsl_outcome_fact(o), "hosting")) {
                seen = 1;
                CHECK(bsl_outcome_missing(o), "null hosting is missing");
                CHECK_STR(bsl_outcome_value(o), NULL, "null hosting has no value");
                CHECK_STR(bsl_outcome_rule(o), "missing", "null hosting rule");
            }
        }
    }
    CHECK(seen, "hosting outcome found");
    CHECK_INT(bsl_result_unknown_count(r), 0, "null facts are not unknown keys");
    /* Required facts in framework order; hosting among them. */
    {
        size_t i, found = 0;
        for (i = 0; i < bsl_result_missing_count(r); i++)
            found += !strcmp(bsl_result_missing(r, i), "hosting");
        CHECK_INT(found, 1, "null hosting is listed once among missing facts");
    }
    CHECK_INT(bsl_result_verdict(r), BSL_VERDICT_INCOMPLETE, "null required fact: incomplete");
    bsl_result_free(r);
}

static void test_unknown_keys(void)
{
    bsl_result *r = evaluate(
        "unknown keys",
        uc_make("'hostnig': 'france', 'hosting': 'eu', 'totally_unrelated_key': 1, 'dpia ': true,"
                " 'bad key': [1, {}]",
                ",\n  'evidence': {'hosting': 'Contrat', 'dpiaa': 'AIPD', 'zzzzzzzzzzzzzzzz': 'x'}"));
    CHECK_INT(bsl_result_unknown_count(r), 6, "six unknown keys (facts then evidence)");
    CHECK_STR(bsl_result_unknown_key(r, 0), "hostnig", "unknown 0 key");
    CHECK_STR(bsl_result_unknown_path(r, 0), "$.facts.hostnig", "unknown 0 path");
    CHECK_STR(bsl_result_unknown_suggestion(r, 0), "hosting", "hostnig -> hosting");
    CHECK_STR(bsl_result_unknown_key(r, 1), "totally_unrelated_key", "unknown 1 key");
    CHECK_STR(bsl_result_unknown_path(r, 1), "$.facts.totally_unrelated_key", "unknown 1 path");
    CHECK_STR(bsl_result_unknown_suggestion(r, 1), NULL, "no suggestion for an unrelated key");
    CHECK_STR(bsl_result_unknown_key(r, 2), "dpia ", "unknown 2 key, kept as written");
    CHECK_STR(bsl_result_unknown_path(r, 2), "$.facts[\"dpia \"]", "a key with a space is quoted in the path");
    CHECK_STR(bsl_result_unknown_suggestion(r, 2), "dpia", "'dpia ' -> dpia");
    CHECK_STR(bsl_result_unknown_key(r, 3), "bad key", "unknown 3 key: value of any type is kept");
    CHECK_STR(bsl_result_unknown_path(r, 3), "$.facts[\"bad key\"]", "unknown 3 path");
    CHECK_STR(bsl_result_unknown_key(r, 4), "dpiaa", "unknown evidence key");
    CHECK_STR(bsl_result_unknown_path(r, 4), "$.evidence.dpiaa", "unknown evidence path");
    CHECK_STR(bsl_result_unknown_suggestion(r, 4), "dpia", "dpiaa -> dpia");
    CHECK_STR(bsl_result_unknown_key(r, 5), "zzzzzzzzzzzzzzzz", "unknown evidence key 5");
    CHECK_STR(bsl_result_unknown_suggestion(r, 5), NULL, "no suggestion for zzz...");
    CHECK_STR(bsl_result_unknown_key(r, 6), NULL, "unknown key out of range");
    CHECK_STR(bsl_result_unknown_path(r, 6), NULL, "unknown path out of range");
    CHECK_STR(bsl_result_unknown_suggestion(r, 6), NULL, "unknown suggestion out of range");
    bsl_result_free(r);
}

/* An unknown key too long for an error path: its result path must still
 * be the whole path, not a truncated one. */
static void test_long_unknown_key(void)
{
    char key[121], want[200];
    bsl_result *r;
    memset(key, 'k', 120);
    key[120] = '\0';
    snprintf(want, sizeof want, "$.facts.%s", key);
    r = evaluate("long unknown key", uc_make(subst("'@': 1", "@", key), NULL));
    CHECK_STR(bsl_result_unknown_key(r, 0), key, "a 120-byte unknown key is kept whole");
    CHECK_STR(bsl_result_unknown_path(r, 0), want, "its path is whole");
    bsl_result_free(r);
}

static void test_limits(void)
{
    bsl_options opts;
    bsl_usecase *uc = NULL;
    bsl_error err;
    const char *three = uc_make("'hosting': 'eu', 'dpia': 'done', 'legal_risk': 'low'",
                                ",\n  'evidence': {'hosting': 'a', 'dpia': 'b', 'legal_risk': 'c'}");
    const char *msg;

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_facts = 2;
    msg = parse_fails("max_facts 2 with 3 facts", three, &opts, BSL_ERR_LIMIT, "{\n    'hosting'", 0, 4, 12,
                      "$.facts");
    CHECK_CONTAINS(msg, "max_facts", "max_facts message names the option");
    opts.max_facts = 3;
    CHECK_INT(parse(&uc, three, &opts, &err), BSL_OK, "max_facts 3 with 3 facts and 3 evidence");
    bsl_usecase_free(uc);
    uc = NULL;
    msg = parse_fails("max_facts 3 with 4 evidence entries",
                      subst(three, "\"c\"}", "\"c\", \"x\": \"d\"}"), &opts, BSL_ERR_LIMIT,
                      "{'hosting': 'a'", 0, 7, 15, "$.evidence");

    /* Depth: the set's array is at depth 3 (document, facts, array). */
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_depth = 2;
    parse_fails("max_depth 2 with a depth-3 array", uc_make("'sensitive_data': []", NULL), &opts,
                BSL_ERR_LIMIT, "[]", 0, 5, 23, "");
    opts.max_depth = 3;
    CHECK_INT(parse(&uc, uc_make("'sensitive_data': []", NULL), &opts, &err), BSL_OK,
              "max_depth 3 with a depth-3 array");
    bsl_usecase_free(uc);
    uc = NULL;

    /* Size: the error is at the limit, the 21st byte. */
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_input_bytes = 20;
    parse_fails("max_input_bytes 20", uc_make("", NULL), &opts, BSL_ERR_LIMIT,
                "tle': 'Cas'", 0, 3, 6, "");
    opts.max_input_bytes = strlen(uc_make("", NULL));
    CHECK_INT(parse(&uc, uc_make("", NULL), &opts, &err), BSL_OK, "max_input_bytes equal to the size");
    bsl_usecase_free(uc);
    uc = NULL;

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_string_bytes = 3;
    /* Keys count: "title" is the first string longer than 3 bytes. */
    parse_fails("max_string_bytes 3", uc_make("'hosting': 'france'", NULL), &opts, BSL_ERR_LIMIT,
                "'title'", 0, 3, 3, "");
    opts.max_string_bytes = 30;
    CHECK_INT(parse(&uc, uc_make("'hosting': 'france'", NULL), &opts, &err), BSL_OK,
              "max_string_bytes 30");
    bsl_usecase_free(uc);
    uc = NULL;

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.version = 99;
    parse_fails("options with an unknown version", three, &opts, BSL_ERR_ARG, NULL, 0, 0, 0, "");
    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.allocator.free = ca_free;
    parse_fails("allocator with only free", three, &opts, BSL_ERR_ARG, NULL, 0, 0, 0, "");
}

static void test_arguments(void)
{
    bsl_usecase *uc = (bsl_usecase *)&uc;
    bsl_error err;
    const char *doc = uc_make("", NULL);
    int rc;

    rc = bsl_usecase_parse(&uc, NULL, doc, strlen(doc), NULL, &err);
    check_error_at("NULL framework", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    CHECK(uc == NULL, "NULL framework: out is NULL");
    rc = bsl_usecase_parse(NULL, nantes, doc, strlen(doc), NULL, &err);
    check_error_at("NULL out", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    uc = (bsl_usecase *)&uc;
    rc = bsl_usecase_parse(&uc, nantes, NULL, 3, NULL, &err);
    check_error_at("NULL buffer with a length", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    CHECK(uc == NULL, "NULL buffer: out is NULL");
    uc = (bsl_usecase *)&uc;
    rc = bsl_usecase_parse(&uc, nantes, NULL, 0, NULL, NULL);
    CHECK_INT(rc, BSL_ERR_SYNTAX, "empty input is a syntax error (no bsl_error)");
    CHECK(uc == NULL, "empty input: out is NULL");
}

/* Issue 15: a decoded NUL would cut the C strings the library keeps. */
static void nul_fails(const char *what, const char *doc, const char *path)
{
    bsl_usecase *uc = NULL;
    bsl_error err;
    char label[300];
    int rc = parse(&uc, doc, NULL, &err);
    snprintf(label, sizeof label, "%s: BSL_ERR_VALUE", what);
    CHECK_INT(rc, BSL_ERR_VALUE, label);
    snprintf(label, sizeof label, "%s: path", what);
    CHECK_STR(err.path, path, label);
    snprintf(label, sizeof label, "%s: message says NUL", what);
    CHECK_CONTAINS(err.message, "NUL character", label);
    if (!rc)
        bsl_usecase_free(uc);
}

static void test_nul(void)
{
    const char *msg;
    bsl_error err;
    bsl_usecase *uc = NULL;
    nul_fails("id \\u0000", "{\"id\":\"\\u0000\",\"title\":\"t\",\"facts\":{}}", "$.id");
    nul_fails("title", "{\"id\":\"x\",\"title\":\"t\\u0000u\",\"facts\":{}}", "$.title");
    nul_fails("service", "{\"id\":\"x\",\"title\":\"t\",\"service\":\"\\u0000\",\"facts\":{}}", "$.service");
    nul_fails("phase", "{\"id\":\"x\",\"title\":\"t\",\"phase\":\"idea\\u0000\",\"facts\":{}}", "$.phase");
    nul_fails("framework", "{\"id\":\"x\",\"title\":\"t\",\"framework\":\"n\\u0000\",\"facts\":{}}", "$.framework");
    nul_fails("description", "{\"id\":\"x\",\"title\":\"t\",\"description\":\"a\\u0000b\",\"facts\":{}}",
              "$.description");
    nul_fails("comments", "{\"id\":\"x\",\"title\":\"t\",\"comments\":\"a\\u0000b\",\"facts\":{}}", "$.comments");
    nul_fails("fact key", "{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"hosting\\u0000x\":\"eu\"}}", "$.facts");
    nul_fails("enum value", "{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"hosting\":\"eu\\u0000x\"}}",
              "$.facts.hosting");
    nul_fails("set member", "{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"sensitive_data\":[\"health\",\"\\u0000\"]}}",
              "$.facts.sensitive_data[1]");
    nul_fails("evidence key", "{\"id\":\"x\",\"title\":\"t\",\"facts\":{},\"evidence\":{\"dpia\\u0000\":\"e\"}}",
              "$.evidence");
    nul_fails("evidence", "{\"id\":\"x\",\"title\":\"t\",\"facts\":{},\"evidence\":{\"dpia\":\"a\\u0000b\"}}",
              "$.evidence.dpia");
    nul_fails("unknown top-level key", "{\"id\":\"x\",\"title\":\"t\",\"facts\":{},\"\\u0000\":1}", "$");
    msg = NULL;
    if (parse(&uc, "{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"hosting\\u0000x\":\"eu\"}}", NULL, &err) ==
        BSL_ERR_VALUE)
        msg = err.message;
    CHECK_CONTAINS(msg ? msg : "", "hosting\\u0000x", "the key is shown whole, NUL spelled out");
}

/* Issue 15: messages and paths quote keys and values, and are printed to
 * terminals: no raw control character may reach them. */
static int has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7F)
            return 1;
    return 0;
}

static void test_error_escapes(void)
{
    bsl_usecase *uc = NULL;
    bsl_error err;
    int rc = parse(&uc, "{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"hosting\":\"\\u001b[2J\\r\\nVerdict: favorable\"}}",
                   NULL, &err);
    CHECK_INT(rc, BSL_ERR_ENUM, "escape in an enum value: BSL_ERR_ENUM");
    CHECK(!has_control(err.message), "no raw control in the message");
    CHECK_CONTAINS(err.message, "\\u001b[2J\\u000d\\u000aVerdict", "controls spelled \\uXXXX");
    rc = parse(&uc, "{\"id\":\"x\",\"title\":\"t\",\"facts\":{},\"a\\u001b]0;t\\u0007\\u007f\\u0085\\u202e\":1}",
               NULL, &err);
    CHECK_INT(rc, BSL_ERR_VALUE, "escapes in an unknown top-level key");
    CHECK(!has_control(err.message) && !has_control(err.path), "no raw control in message or path");
    CHECK_CONTAINS(err.path, "a\\u001b]0;t\\u0007\\u007f\\u0085\\u202e", "path: C0, DEL, C1, bidi escaped");
    CHECK_CONTAINS(err.message, "\\u202e", "message: bidi override escaped");
}

/* Issue 15: suggestions are bounded per use-case, ordinary typos keep theirs. */
static void test_suggestion_bound(void)
{
    char doc[4096];
    size_t o, i;
    bsl_result *r;
    o = (size_t)snprintf(doc, sizeof doc, "{\"id\":\"x\",\"title\":\"t\",\"facts\":{");
    for (i = 0; i < 20; i++)
        o += (size_t)snprintf(doc + o, sizeof doc - o, "%s\"xhosting%02zu\":1", i ? "," : "", i);
    snprintf(doc + o, sizeof doc - o, "}}");
    r = evaluate("20 unknown keys", doc);
    CHECK_INT(bsl_result_unknown_count(r), 20, "20 unknown keys");
    CHECK_STR(bsl_result_unknown_suggestion(r, 0), "hosting", "the first gets its suggestion");
    CHECK_STR(bsl_result_unknown_suggestion(r, 15), "hosting", "the 16th too");
    CHECK_STR(bsl_result_unknown_suggestion(r, 16), NULL, "past 16 per use-case, none");
    bsl_result_free(r);
    r = evaluate("ordinary typos", "{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"hostnig\":\"eu\",\"dpai\":true}}");
    CHECK_STR(bsl_result_unknown_suggestion(r, 0), "hosting", "hostnig -> hosting");
    CHECK_STR(bsl_result_unknown_suggestion(r, 1), "dpia", "dpai -> dpia");
    bsl_result_free(r);
}

int main(void)
{
    if (bsl_framework_load_embedded(&nantes, NULL, NULL, NULL) != BSL_OK) {
        printf("Bail out! cannot load the default framework\n");
        return 1;
    }
    test_examples_parse();
    test_valid_minimal();
    test_fact_errors();
    test_document_errors();
    test_framework_match_and_null();
    test_unknown_keys();
    test_long_unknown_key();
    test_limits();
    test_arguments();
    test_nul();
    test_error_escapes();
    test_suggestion_bound();
    bsl_framework_free(nantes);
    tu_cleanup();
    return check_done();
}
