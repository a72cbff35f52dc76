/* The public API as a whole: NULL handling, status strings, options,
 * versions, tokens and labels, rendering, object lifetimes, custom
 * allocators, and out-of-memory at every allocation of every call. */
#include "check.h"
#include "testutil.h"
#include "json.h" /* only to check that rendered JSON is well-formed */

#include <limits.h>

#define EXAMPLE SRCDIR "/examples/usecases/signalements-voirie.json"
#define NANTES_PATH SRCDIR "/frameworks/nantes-2024.json"

/* ------------------------------------------------------------------------ */

static void test_null_handling(void)
{
    bsl_framework_free(NULL);
    bsl_usecase_free(NULL);
    bsl_result_free(NULL);
    bsl_render_free(NULL);
    CHECK(1, "every *_free(NULL) is a no-op");

    CHECK_STR(bsl_framework_id(NULL), NULL, "bsl_framework_id(NULL)");
    CHECK_STR(bsl_framework_version(NULL), NULL, "bsl_framework_version(NULL)");
    CHECK_STR(bsl_framework_title(NULL, BSL_LANG_FR), NULL, "bsl_framework_title(NULL)");
    CHECK_STR(bsl_framework_sha256(NULL), NULL, "bsl_framework_sha256(NULL)");
    CHECK_INT(bsl_framework_criterion_count(NULL), 0, "bsl_framework_criterion_count(NULL)");
    CHECK_STR(bsl_framework_criterion_id(NULL, 0), NULL, "bsl_framework_criterion_id(NULL)");
    CHECK_STR(bsl_framework_criterion_title(NULL, 0, BSL_LANG_EN), NULL, "bsl_framework_criterion_title(NULL)");

    CHECK_STR(bsl_usecase_id(NULL), NULL, "bsl_usecase_id(NULL)");
    CHECK_STR(bsl_usecase_title(NULL), NULL, "bsl_usecase_title(NULL)");

    /* Undocumented, but stable: a NULL result reads as incomplete. */
    CHECK_INT(bsl_result_verdict(NULL), BSL_VERDICT_INCOMPLETE, "bsl_result_verdict(NULL)");
    CHECK_NUM(bsl_result_score(NULL), 0, "bsl_result_score(NULL)");
    CHECK_STR(bsl_result_usecase_id(NULL), NULL, "bsl_result_usecase_id(NULL)");
    CHECK_STR(bsl_result_usecase_title(NULL), NULL, "bsl_result_usecase_title(NULL)");
    CHECK_STR(bsl_result_framework_id(NULL), NULL, "bsl_result_framework_id(NULL)");
    CHECK_STR(bsl_result_framework_version(NULL), NULL, "bsl_result_framework_version(NULL)");
    CHECK_STR(bsl_result_framework_sha256(NULL), NULL, "bsl_result_framework_sha256(NULL)");
    CHECK_STR(bsl_result_library_version(NULL), NULL, "bsl_result_library_version(NULL)");
    CHECK_INT(bsl_result_criterion_count(NULL), 0, "bsl_result_criterion_count(NULL)");
    CHECK(bsl_result_criterion(NULL, 0) == NULL, "bsl_result_criterion(NULL)");
    CHECK_INT(bsl_result_reason_count(NULL), 0, "bsl_result_reason_count(NULL)");
    CHECK(bsl_result_reason(NULL, 0) == NULL, "bsl_result_reason(NULL)");
    CHECK_INT(bsl_result_missing_count(NULL), 0, "bsl_result_missing_count(NULL)");
    CHECK_STR(bsl_result_missing(NULL, 0), NULL, "bsl_result_missing(NULL)");
    CHECK_INT(bsl_result_unknown_count(NULL), 0, "bsl_result_unknown_count(NULL)");
    CHECK_STR(bsl_result_unknown_key(NULL, 0), NULL, "bsl_result_unknown_key(NULL)");
    CHECK_STR(bsl_result_unknown_path(NULL, 0), NULL, "bsl_result_unknown_path(NULL)");
    CHECK_STR(bsl_result_unknown_suggestion(NULL, 0), NULL, "bsl_result_unknown_suggestion(NULL)");
    CHECK_INT(bsl_result_remediation_count(NULL), 0, "bsl_result_remediation_count(NULL)");
    CHECK(bsl_result_remediation(NULL, 0) == NULL, "bsl_result_remediation(NULL)");

    CHECK_STR(bsl_criterion_result_id(NULL), NULL, "bsl_criterion_result_id(NULL)");
    CHECK_STR(bsl_criterion_result_title(NULL, BSL_LANG_FR), NULL, "bsl_criterion_result_title(NULL)");
    CHECK_NUM(bsl_criterion_result_score(NULL), 0, "bsl_criterion_result_score(NULL)");
    CHECK_INT(bsl_criterion_result_assessed(NULL), 0, "bsl_criterion_result_assessed(NULL)");
    CHECK_NUM(bsl_criterion_result_weight(NULL), 0, "bsl_criterion_result_weight(NULL)");
    CHECK_INT(bsl_criterion_result_status(NULL), BSL_CRITERION_NOT_ASSESSED, "bsl_criterion_result_status(NULL)");
    CHECK_NUM(bsl_criterion_result_met_threshold(NULL), 0, "bsl_criterion_result_met_threshold(NULL)");
    CHECK_NUM(bsl_criterion_result_reservations_threshold(NULL), 0,
              "bsl_criterion_result_reservations_threshold(NULL)");
    CHECK_INT(bsl_criterion_result_outcome_count(NULL), 0, "bsl_criterion_result_outcome_count(NULL)");
    CHECK(bsl_criterion_result_outcome(NULL, 0) == NULL, "bsl_criterion_result_outcome(NULL)");

    CHECK_STR(bsl_outcome_fact(NULL), NULL, "bsl_outcome_fact(NULL)");
    CHECK_STR(bsl_outcome_criterion(NULL), NULL, "bsl_outcome_criterion(NULL)");
    CHECK_STR(bsl_outcome_label(NULL, BSL_LANG_FR), NULL, "bsl_outcome_label(NULL)");
    CHECK_STR(bsl_outcome_value(NULL), NULL, "bsl_outcome_value(NULL)");
    CHECK_NUM(bsl_outcome_points(NULL), 0, "bsl_outcome_points(NULL)");
    CHECK_NUM(bsl_outcome_maximum(NULL), 0, "bsl_outcome_maximum(NULL)");
    CHECK_NUM(bsl_outcome_weight(NULL), 0, "bsl_outcome_weight(NULL)");
    CHECK_STR(bsl_outcome_rule(NULL), NULL, "bsl_outcome_rule(NULL)");
    CHECK_INT(bsl_outcome_red_line(NULL), 0, "bsl_outcome_red_line(NULL)");
    CHECK_INT(bsl_outcome_fails_necessary_condition(NULL), 0, "bsl_outcome_fails_necessary_condition(NULL)");
    CHECK_INT(bsl_outcome_missing(NULL), 0, "bsl_outcome_missing(NULL)");
    CHECK_INT(bsl_outcome_required(NULL), 0, "bsl_outcome_required(NULL)");
    CHECK_INT(bsl_outcome_not_applicable(NULL), 0, "bsl_outcome_not_applicable(NULL)");
    CHECK_STR(bsl_outcome_justification(NULL, BSL_LANG_FR), NULL, "bsl_outcome_justification(NULL)");
    CHECK_STR(bsl_outcome_remediation(NULL, BSL_LANG_FR), NULL, "bsl_outcome_remediation(NULL)");
    CHECK_STR(bsl_outcome_evidence(NULL), NULL, "bsl_outcome_evidence(NULL)");

    CHECK_INT(bsl_reason_kind_of(NULL), BSL_REASON_MET, "bsl_reason_kind_of(NULL)");
    CHECK_STR(bsl_reason_criterion(NULL), NULL, "bsl_reason_criterion(NULL)");
    CHECK_STR(bsl_reason_fact(NULL), NULL, "bsl_reason_fact(NULL)");
    CHECK_STR(bsl_reason_text(NULL, BSL_LANG_EN), NULL, "bsl_reason_text(NULL)");
}

static void test_strerror(void)
{
    static const struct {
        int code;
        const char *text;
    } codes[] = {
        { BSL_OK, "success" },
        { BSL_ERR_NOMEM, "out of memory" },
        { BSL_ERR_ARG, "invalid argument" },
        { BSL_ERR_IO, "input/output error" },
        { BSL_ERR_LIMIT, "limit exceeded" },
        { BSL_ERR_SYNTAX, "JSON syntax error" },
        { BSL_ERR_TYPE, "wrong JSON type" },
        { BSL_ERR_ENUM, "value not allowed" },
        { BSL_ERR_MISSING, "missing field" },
        { BSL_ERR_VALUE, "invalid value" },
        { BSL_ERR_NOTFOUND, "not found" },
    };
    size_t i;
    for (i = 0; i < sizeof codes / sizeof *codes; i++) {
        char label[64];
        snprintf(label, sizeof label, "bsl_strerror(%d)", codes[i].code);
        CHECK_STR(bsl_strerror(codes[i].code), codes[i].text, label);
        CHECK_INT(codes[i].code, -(int)i, "codes are 0, -1, ..., -10 (never renumbered)");
    }
    CHECK_STR(bsl_strerror(1), "unknown error", "bsl_strerror(1)");
    CHECK_STR(bsl_strerror(-11), "unknown error", "bsl_strerror(-11)");
    CHECK_STR(bsl_strerror(INT_MIN), "unknown error", "bsl_strerror(INT_MIN)");
    CHECK_STR(bsl_strerror(INT_MAX), "unknown error", "bsl_strerror(INT_MAX)");

    CHECK(!BSL_ERR_IS_SCHEMA(BSL_ERR_SYNTAX), "syntax is not a schema error");
    CHECK(BSL_ERR_IS_SCHEMA(BSL_ERR_TYPE) && BSL_ERR_IS_SCHEMA(BSL_ERR_ENUM) &&
              BSL_ERR_IS_SCHEMA(BSL_ERR_MISSING) && BSL_ERR_IS_SCHEMA(BSL_ERR_VALUE),
          "type, enum, missing and value are schema errors");
    CHECK(!BSL_ERR_IS_SCHEMA(BSL_ERR_NOTFOUND) && !BSL_ERR_IS_SCHEMA(BSL_OK), "notfound and ok are not");
}

static void test_options_and_version(void)
{
    static const bsl_options init = BSL_OPTIONS_INIT;
    bsl_options opts;
    char want[32];
    bsl_framework *fw = NULL;

    memset(&opts, 0x5a, sizeof opts);
    CHECK_INT(bsl_options_init(&opts, BSL_OPTIONS_VERSION), BSL_OK, "bsl_options_init");
    CHECK_INT(opts.version, BSL_OPTIONS_VERSION, "options version");
    CHECK(!opts.allocator.malloc && !opts.allocator.realloc && !opts.allocator.free && !opts.allocator.ctx,
          "options allocator all NULL");
    CHECK(opts.max_input_bytes == 0 && opts.max_depth == 0 && opts.max_tokens == 0 &&
              opts.max_string_bytes == 0 && opts.max_facts == 0 && opts.max_indicators == 0,
          "options limits 0 (defaults)");
    CHECK(init.version == opts.version && init.max_depth == opts.max_depth && !init.allocator.malloc,
          "BSL_OPTIONS_INIT agrees with bsl_options_init");
    CHECK_INT(bsl_options_init(&opts, 0), BSL_ERR_ARG, "bsl_options_init version 0");
    CHECK_INT(bsl_options_init(&opts, BSL_OPTIONS_VERSION + 1), BSL_ERR_ARG, "bsl_options_init future version");
    CHECK_INT(bsl_options_init(NULL, BSL_OPTIONS_VERSION), BSL_ERR_ARG, "bsl_options_init(NULL)");

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, &opts, NULL), BSL_OK, "default options load nantes");
    bsl_framework_free(fw);

    snprintf(want, sizeof want, "%d.%d.%d", BSL_VERSION_MAJOR, BSL_VERSION_MINOR, BSL_VERSION_PATCH);
    CHECK_STR(bsl_version_string(), want, "bsl_version_string agrees with BSL_VERSION_*");
    CHECK_STR(bsl_version_string(), "0.2.0", "version 0.2.0");
    CHECK_INT(bsl_version_number(), BSL_VERSION_NUMBER, "bsl_version_number agrees with BSL_VERSION_NUMBER");
    CHECK_INT(BSL_VERSION_NUMBER, BSL_VERSION_MAJOR * 10000 + BSL_VERSION_MINOR * 100 + BSL_VERSION_PATCH,
              "BSL_VERSION_NUMBER formula");
    CHECK_INT(bsl_version_number(), 200, "version number 200");
}

static void test_tokens_and_labels(void)
{
    static const char *const verdicts[] = { "red_line", "incomplete", "unfavorable",
                                            "favorable_with_reservations", "favorable" };
    /* "d\xc3\xa9favorable" would read \xa9f as one escape: UTF-8 spelled as
     * octal keeps it one literal (clang warns on split literals in arrays). */
    static const char *const verdicts_fr[] = { "ligne rouge", "\xc3\xa0 compl\xc3\xa9ter", "d\303\251favorable",
                                               "favorable sous r\xc3\xa9serves", "favorable" };
    static const char *const verdicts_en[] = { "red line", "incomplete", "unfavorable",
                                               "favorable with reservations", "favorable" };
    static const char *const statuses[] = { "met", "reservations", "not_met", "red_line", "not_assessed",
                                            "incomplete" };
    static const char *const statuses_fr[] = { "atteint", "sous r\xc3\xa9serves", "non atteint", "ligne rouge",
                                               "non \xc3\xa9valu\xc3\xa9", "\xc3\xa0 compl\xc3\xa9ter" };
    static const char *const statuses_en[] = { "met", "with reservations", "not met", "red line", "not assessed",
                                               "incomplete" };
    static const char *const kinds[] = { "red_line", "missing", "not_met", "not_assessed", "reservation", "met",
                                         "necessary_condition" };
    int i;
    for (i = 0; i < 5; i++) {
        CHECK_STR(bsl_verdict_token((bsl_verdict)i), verdicts[i], "verdict token");
        CHECK_STR(bsl_verdict_label((bsl_verdict)i, BSL_LANG_FR), verdicts_fr[i], "verdict label fr");
        CHECK_STR(bsl_verdict_label((bsl_verdict)i, BSL_LANG_EN), verdicts_en[i], "verdict label en");
    }
    for (i = 0; i < 6; i++) {
        CHECK_STR(bsl_criterion_status_token((bsl_criterion_status)i), statuses[i], "status token");
        CHECK_STR(bsl_criterion_status_label((bsl_criterion_status)i, BSL_LANG_FR), statuses_fr[i],
                  "status label fr");
        CHECK_STR(bsl_criterion_status_label((bsl_criterion_status)i, BSL_LANG_EN), statuses_en[i],
                  "status label en");
    }
    for (i = 0; i < 7; i++)
        CHECK_STR(bsl_reason_kind_token((bsl_reason_kind)i), kinds[i], "reason kind token");
    CHECK_STR(bsl_verdict_token((bsl_verdict)5), NULL, "verdict token 5");
    CHECK_STR(bsl_verdict_token((bsl_verdict)-1), NULL, "verdict token -1");
    CHECK_STR(bsl_verdict_label((bsl_verdict)5, BSL_LANG_FR), NULL, "verdict label 5");
    CHECK_STR(bsl_verdict_label(BSL_VERDICT_FAVORABLE, (bsl_lang)2), NULL, "verdict label, lang 2");
    CHECK_STR(bsl_verdict_label(BSL_VERDICT_FAVORABLE, (bsl_lang)-1), NULL, "verdict label, lang -1");
    CHECK_STR(bsl_criterion_status_token((bsl_criterion_status)6), NULL, "status token 6");
    CHECK_STR(bsl_criterion_status_token((bsl_criterion_status)-1), NULL, "status token -1");
    CHECK_STR(bsl_criterion_status_label((bsl_criterion_status)6, BSL_LANG_EN), NULL, "status label 6");
    CHECK_STR(bsl_criterion_status_label(BSL_CRITERION_MET, (bsl_lang)2), NULL, "status label, lang 2");
    CHECK_STR(bsl_reason_kind_token((bsl_reason_kind)7), NULL, "reason kind token 7");
    CHECK_STR(bsl_reason_kind_token((bsl_reason_kind)-1), NULL, "reason kind token -1");
}

/* ------------------------------------------------------------------------ */

static bsl_framework *nantes;

static bsl_result *evaluate_example(const bsl_options *opts)
{
    size_t len = 0;
    const char *data = read_file(EXAMPLE, &len);
    bsl_result *r = NULL;
    if (!data || bsl_evaluate_json(&r, nantes, data, len, opts, NULL) != BSL_OK) {
        printf("Bail out! cannot evaluate %s\n", EXAMPLE);
        exit(1);
    }
    return r;
}

static int starts_with(const char *s, const char *prefix)
{
    return s && !strncmp(s, prefix, strlen(prefix));
}

static int is_json(const char *s, size_t len)
{
    bsl_json_doc doc;
    int rc = bsl_json_parse(&doc, s, len, NULL, NULL, NULL);
    if (rc == BSL_OK)
        bsl_json_doc_free(&doc);
    return rc == BSL_OK;
}

static void test_render(void)
{
    bsl_result *r = evaluate_example(NULL);
    char *out = NULL, *again = NULL;
    size_t len = 0, len2 = 0;
    bsl_error err;
    int rc;

    rc = bsl_render(&out, &len, r, BSL_FORMAT_JSON, BSL_LANG_FR, &err);
    CHECK_INT(rc, BSL_OK, "render JSON fr");
    CHECK_INT(err.code, BSL_OK, "render success: err.code BSL_OK");
    CHECK(starts_with(out, "{\n  \"format\": \"boussole-result/2\",\n  \"lang\": \"fr\",\n"),
          "JSON fr starts with format and lang");
    CHECK_CONTAINS(out, "\"verdict\": \"favorable_with_reservations\"", "JSON has the verdict token");
    CHECK_CONTAINS(out, "\"verdict_label\": \"favorable sous r\xc3\xa9serves\"", "JSON fr verdict label");
    CHECK_CONTAINS(out, "\"score\": 81.2,", "JSON global score");
    CHECK_CONTAINS(out, bsl_framework_sha256(nantes), "JSON carries the framework sha256");
    CHECK_CONTAINS(out, "\"name\": \"libboussole\",\n      \"version\": \"0.2.0\"", "JSON library provenance");
    CHECK_INT(len, out ? strlen(out) : 0, "out_len is the length without the NUL");
    CHECK(out && len > 3 && !strcmp(out + len - 3, "\n}\n"), "JSON ends with a newline");
    CHECK(out && is_json(out, len), "rendered JSON is well-formed");
    rc = bsl_render(&again, &len2, r, BSL_FORMAT_JSON, BSL_LANG_FR, NULL);
    CHECK(rc == BSL_OK && len2 == len && again && !memcmp(out, again, len), "rendering is deterministic");
    bsl_render_free(out);
    bsl_render_free(again);

    out = NULL;
    rc = bsl_render(&out, &len, r, BSL_FORMAT_JSON, BSL_LANG_EN, &err);
    CHECK_INT(rc, BSL_OK, "render JSON en");
    CHECK(starts_with(out, "{\n  \"format\": \"boussole-result/2\",\n  \"lang\": \"en\",\n"), "JSON en prefix");
    CHECK_CONTAINS(out, "\"verdict\": \"favorable_with_reservations\"", "JSON en verdict token");
    CHECK_CONTAINS(out, "\"verdict_label\": \"favorable with reservations\"", "JSON en verdict label");
    CHECK(out && is_json(out, len), "rendered JSON en is well-formed");
    bsl_render_free(out);

    out = NULL;
    rc = bsl_render(&out, NULL, r, BSL_FORMAT_TEXT, BSL_LANG_FR, &err);
    CHECK_INT(rc, BSL_OK, "render text fr (out_len NULL)");
    CHECK(starts_with(out, "Verdict"), "text starts with Verdict");
    CHECK(starts_with(out, "Verdict\xc2\xa0: favorable sous r\xc3\xa9serves (score global 81,2/100)\n"),
          "text fr first line, decimal comma");
    CHECK_CONTAINS(out, "[signalements-voirie]", "text fr names the use-case");
    bsl_render_free(out);

    out = NULL;
    rc = bsl_render(&out, &len, r, BSL_FORMAT_TEXT, BSL_LANG_EN, &err);
    CHECK_INT(rc, BSL_OK, "render text en");
    CHECK(starts_with(out, "Verdict: favorable with reservations (global score 81.2/100)\n"), "text en first line");
    CHECK_INT(len, out ? strlen(out) : 0, "text out_len");
    bsl_render_free(out);

    out = (char *)&out;
    len = 99;
    rc = bsl_render(&out, &len, r, (bsl_format)99, BSL_LANG_FR, &err); /* 0..3 are formats */
    check_error_at("render, unknown format", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    CHECK(out == NULL && len == 0, "unknown format: out NULL, length 0");
    out = (char *)&out;
    rc = bsl_render(&out, &len, r, BSL_FORMAT_JSON, (bsl_lang)2, &err);
    check_error_at("render, unknown language", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    CHECK(out == NULL, "unknown language: out NULL");
    out = (char *)&out;
    rc = bsl_render(&out, &len, r, BSL_FORMAT_TEXT, (bsl_lang)-1, &err);
    check_error_at("render, language -1", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    out = (char *)&out;
    rc = bsl_render(&out, &len, NULL, BSL_FORMAT_TEXT, BSL_LANG_FR, &err);
    check_error_at("render, NULL result", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    CHECK(out == NULL, "NULL result: out NULL");
    rc = bsl_render(NULL, &len, r, BSL_FORMAT_TEXT, BSL_LANG_FR, &err);
    check_error_at("render, NULL out", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    bsl_result_free(r);
}

/* Every shipped example, and strings that need escaping, render to
 * well-formed JSON in both languages. */
static void test_render_wellformed(void)
{
    static const char *const names[] = {
        "assistant-conversationnel-hors-ue", "classement-courrier", "detection-fuites-eau",
        "instruction-subventions-associations", "modele-langage-metropolitain",
        "prevision-affluence-decheteries", "prevision-remplissage-colonnes", "signalements-voirie",
        "synthese-contributions-concertation", "tarification-solidaire-automatique",
        "traduction-accueil", "videoprotection-tramway-reconnaissance-faciale",
    };
    const char *tricky = "{\"id\": \"a\\\"b\", \"title\": \"t\\u0001\\n\\\\ \\u2028\","
                         " \"facts\": {\"hosting\": \"eu\", \"k\\\"\\u0002\": 1},"
                         " \"evidence\": {\"hosting\": \"line\\none\\ttab\"}}";
    size_t i;
    int lang, bad = 0, total = 0;
    for (i = 0; i <= sizeof names / sizeof *names; i++) {
        char path[512];
        size_t len = 0;
        const char *data;
        bsl_result *r = NULL;
        if (i < sizeof names / sizeof *names) {
            snprintf(path, sizeof path, SRCDIR "/examples/usecases/%s.json", names[i]);
            data = read_file(path, &len);
        } else {
            data = tricky;
            len = strlen(tricky);
        }
        if (!data || bsl_evaluate_json(&r, nantes, data, len, NULL, NULL) != BSL_OK) {
            bad++;
            printf("# cannot evaluate use-case %zu\n", i);
            continue;
        }
        for (lang = 0; lang < 2; lang++) {
            char *out = NULL;
            size_t n = 0;
            total++;
            if (bsl_render(&out, &n, r, BSL_FORMAT_JSON, (bsl_lang)lang, NULL) != BSL_OK || !is_json(out, n)) {
                bad++;
                printf("# use-case %zu, lang %d: not well-formed JSON\n", i, lang);
            }
            bsl_render_free(out);
        }
        if (i == sizeof names / sizeof *names) {
            CHECK_STR(bsl_result_usecase_id(r), "a\"b", "tricky id decoded");
            CHECK_STR(bsl_result_usecase_title(r), "t\001\n\\ \xe2\x80\xa8", "tricky title decoded");
            CHECK_STR(bsl_result_unknown_path(r, 0), "$.facts[\"k\\\"\002\"]", "tricky key path");
        }
        bsl_result_free(r);
    }
    CHECK_INT(total, 26, "13 use-cases rendered in 2 languages");
    CHECK_INT(bad, 0, "every rendering is well-formed JSON");
}

/* Strings from a use-case cannot inject terminal escapes, forge lines or
 * reorder the text report: controls, C1, line separators and bidi
 * overrides are written as \uXXXX (regression, issue 4). The JSON
 * renderings escape them as JSON does. */
static void test_render_untrusted_text(void)
{
    const char *doc = "{\"id\": \"x\\u001b[31m\", \"title\": \"T\\u001b]0;pwned\\u0007\\r\\nVerdict: favorable\","
                      " \"facts\": {\"hosting\": \"eu\", \"k\\u009b\\t\": 1},"
                      " \"evidence\": {\"hosting\": \"a\\u2028b\\u202ec\\u2069d \\u00e9\\u20ac\\u0085\"}}";
    bsl_result *r = NULL;
    char *out = NULL;
    size_t len = 0, i;
    int controls = 0;
    CHECK_INT(bsl_evaluate_json(&r, nantes, doc, strlen(doc), NULL, NULL), BSL_OK, "hostile strings evaluate");
    CHECK_INT(bsl_render(&out, &len, r, BSL_FORMAT_TEXT, BSL_LANG_EN, NULL), BSL_OK, "text renders");
    CHECK_CONTAINS(out, "Use-case: T\\u001b]0;pwned\\u0007\\u000d\\u000aVerdict: favorable [x\\u001b[31m]\n",
                   "title and id: controls spelled out, no forged line");
    CHECK_CONTAINS(out, "Evidence: a\\u2028b\\u202ec\\u2069d \xc3\xa9\xe2\x82\xac\\u0085\n",
                   "evidence: separators, bidi and C1 spelled out, other characters kept");
    CHECK_CONTAINS(out, "  - $.facts[\"k\\u009b\\u0009\"]", "unknown key path: spelled out");
    for (i = 0; out && i < len; i++)
        controls += (unsigned char)out[i] < 0x20 && out[i] != '\n';
    CHECK_INT(controls, 0, "no control byte but newlines in the text report");
    CHECK(out && !strstr(out, "\nVerdict: favorable"), "no forged verdict line");
    bsl_render_free(out);
    bsl_result_free(r);
}

static void test_lifetimes(void)
{
    size_t len = 0;
    const char *data = read_file(SRCDIR "/examples/usecases/classement-courrier.json", &len);
    bsl_usecase *uc = NULL;
    bsl_result *r = NULL;
    char *json = NULL, *text = NULL;
    counting_alloc a;
    bsl_options opts;
    const bsl_outcome *o;

    ca_init(&a, &opts);
    CHECK_INT(bsl_usecase_parse(&uc, nantes, data, len, &opts, NULL), BSL_OK, "parse classement-courrier");
    CHECK_INT(bsl_evaluate(&r, nantes, uc, NULL), BSL_OK, "evaluate classement-courrier");
    /* The use-case goes first: the result keeps its own copies. */
    bsl_usecase_free(uc);
    CHECK_STR(bsl_result_usecase_id(r), "classement-courrier", "use-case id after the use-case is freed");
    CHECK_STR(bsl_result_usecase_title(r), "Classement automatique du courrier entrant",
              "use-case title after the use-case is freed");
    CHECK_STR(bsl_result_unknown_key(r, 0), "hostnig", "unknown key after the use-case is freed");
    CHECK_STR(bsl_result_unknown_path(r, 0), "$.facts.hostnig", "unknown path after the use-case is freed");
    CHECK_STR(bsl_result_unknown_suggestion(r, 0), "hosting", "suggestion after the use-case is freed");
    o = bsl_criterion_result_outcome(bsl_result_criterion(r, 0), 5);
    CHECK_STR(bsl_outcome_fact(o), "personal_data", "C1 outcome 5 is personal_data");
    CHECK_STR(bsl_outcome_value(o), "\"identifying\"", "value after the use-case is freed");
    CHECK_STR(bsl_result_missing(r, 0), "hosting", "missing after the use-case is freed");
    CHECK_INT(bsl_render(&json, NULL, r, BSL_FORMAT_JSON, BSL_LANG_EN, NULL), BSL_OK,
              "render after the use-case is freed");
    CHECK_INT(bsl_render(&text, NULL, r, BSL_FORMAT_TEXT, BSL_LANG_FR, NULL), BSL_OK, "render text too");
    CHECK_CONTAINS(json, "\"key\": \"hostnig\"", "JSON lists the unknown key");
    /* The result goes before its rendered buffers. */
    bsl_result_free(r);
    CHECK(a.live == 2, "only the two rendered buffers are still allocated");
    CHECK(starts_with(json, "{\n  \"format\": \"boussole-result/2\""), "JSON intact after the result is freed");
    CHECK(starts_with(text, "Verdict\xc2\xa0: \xc3\xa0 compl\xc3\xa9ter"), "text intact after the result is freed");
    bsl_render_free(json);
    bsl_render_free(text);
    CHECK_INT(a.live, 0, "bsl_render_free after bsl_result_free frees with the right allocator");
    CHECK_INT(a.bad_old_size, 0, "realloc always got the right old size");
}

static void test_custom_allocator(void)
{
    counting_alloc a;
    bsl_options opts;
    bsl_framework *fw = NULL, *ffile = NULL;
    bsl_usecase *uc = NULL;
    bsl_result *r = NULL;
    char *out = NULL;
    size_t len = 0;
    const char *data = read_file(EXAMPLE, &len);
    long before;

    ca_init(&a, &opts);
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, &opts, NULL), BSL_OK, "load with a counting allocator");
    CHECK(a.calls > 0 && a.live > 0, "the framework is allocated with it");
    before = a.calls;
    CHECK_INT(bsl_framework_load_file(&ffile, NANTES_PATH, &opts, NULL), BSL_OK, "load_file with it");
    CHECK(a.calls > before, "load_file allocates with it");
    CHECK_STR(bsl_framework_sha256(ffile), bsl_framework_sha256(fw), "same sha256 either way");
    bsl_framework_free(ffile);

    before = a.calls;
    CHECK_INT(bsl_usecase_parse(&uc, fw, data, len, &opts, NULL), BSL_OK, "parse with it");
    CHECK(a.calls > before, "the use-case is allocated with it");
    before = a.calls;
    CHECK_INT(bsl_evaluate(&r, fw, uc, NULL), BSL_OK, "evaluate");
    CHECK(a.calls > before, "the result is allocated with the use-case's allocator");
    before = a.calls;
    CHECK_INT(bsl_render(&out, NULL, r, BSL_FORMAT_TEXT, BSL_LANG_EN, NULL), BSL_OK, "render");
    CHECK(a.calls > before, "the rendered text is allocated with the result's allocator");
    bsl_render_free(out);
    bsl_result_free(r);
    bsl_usecase_free(uc);
    bsl_framework_free(fw);
    CHECK_INT(a.live, 0, "every block is freed at the end");
    CHECK(a.frees > 0, "frees went through the allocator");
    CHECK_INT(a.bad_old_size, 0, "realloc always got the right old size");

    /* A use-case parsed with the C library against a framework loaded with
     * the counting allocator: the result uses the use-case's. */
    ca_init(&a, &opts);
    CHECK_INT(bsl_framework_load_embedded(&fw, NULL, &opts, NULL), BSL_OK, "load with the counter again");
    CHECK_INT(bsl_usecase_parse(&uc, fw, data, len, NULL, NULL), BSL_OK, "parse with the C library");
    before = a.calls;
    CHECK_INT(bsl_evaluate(&r, fw, uc, NULL), BSL_OK, "evaluate");
    CHECK_INT(a.calls, before, "the result does not use the framework's allocator");
    bsl_result_free(r);
    bsl_usecase_free(uc);
    bsl_framework_free(fw);
    CHECK_INT(a.live, 0, "all freed");
}

/* ---- out of memory --------------------------------------------------------
 * Fail the n-th allocation for n = 0, 1, 2, ... until a call makes fewer
 * than n + 1 allocations and succeeds. Every failing run must return
 * BSL_ERR_NOMEM, leave the out pointer NULL and free what it allocated. */
static const char *example_data;
static size_t example_len;
static bsl_usecase *oom_uc;
static bsl_result *oom_result;

static int call_load_embedded(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    return bsl_framework_load_embedded((bsl_framework **)out, NULL, opts, err);
}
static int call_load_vocabulary(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    return bsl_vocabulary_load_embedded((bsl_vocabulary **)out, opts, err);
}
static int call_load_file(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    return bsl_framework_load_file((bsl_framework **)out, NANTES_PATH, opts, err);
}
static int call_parse(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    return bsl_usecase_parse((bsl_usecase **)out, nantes, example_data, example_len, opts, err);
}
static int call_evaluate(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    (void)opts;
    return bsl_evaluate((bsl_result **)out, nantes, oom_uc, err);
}
static int call_evaluate_json(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    return bsl_evaluate_json((bsl_result **)out, nantes, example_data, example_len, opts, err);
}
static int call_render_json(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    (void)opts;
    return bsl_render((char **)out, NULL, oom_result, BSL_FORMAT_JSON, BSL_LANG_FR, err);
}
static int call_render_compact(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    (void)opts;
    return bsl_render((char **)out, NULL, oom_result, BSL_FORMAT_JSON_COMPACT, BSL_LANG_EN, err);
}
static int call_render_text(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    (void)ctx;
    (void)opts;
    return bsl_render((char **)out, NULL, oom_result, BSL_FORMAT_TEXT, BSL_LANG_EN, err);
}

static void free_framework(void *p) { bsl_framework_free(p); }
static void free_vocabulary(void *p) { bsl_vocabulary_free(p); }
static void free_usecase(void *p) { bsl_usecase_free(p); }
static void free_result(void *p) { bsl_result_free(p); }
static void free_render(void *p) { bsl_render_free(p); }

static void test_out_of_memory(void)
{
    counting_alloc a;
    bsl_options opts;

    example_data = read_file(EXAMPLE, &example_len);

    ca_init(&a, &opts);
    oom_loop("bsl_framework_load_embedded", call_load_embedded, NULL, &a, &opts, free_framework);
    CHECK_INT(a.live, 0, "load_embedded: nothing left");
    ca_init(&a, &opts);
    oom_loop("bsl_framework_load_file", call_load_file, NULL, &a, &opts, free_framework);
    ca_init(&a, &opts);
    oom_loop("bsl_vocabulary_load_embedded", call_load_vocabulary, NULL, &a, &opts, free_vocabulary);
    ca_init(&a, &opts);
    oom_loop("bsl_usecase_parse", call_parse, NULL, &a, &opts, free_usecase);
    ca_init(&a, &opts);
    oom_loop("bsl_evaluate_json", call_evaluate_json, NULL, &a, &opts, free_result);

    /* bsl_evaluate: the result uses the use-case's allocator. */
    ca_init(&a, &opts);
    if (bsl_usecase_parse(&oom_uc, nantes, example_data, example_len, &opts, NULL) == BSL_OK) {
        oom_loop("bsl_evaluate", call_evaluate, NULL, &a, &opts, free_result);
        /* bsl_render: the buffer uses the result's allocator. */
        if (bsl_evaluate(&oom_result, nantes, oom_uc, NULL) == BSL_OK) {
            oom_loop("bsl_render JSON", call_render_json, NULL, &a, &opts, free_render);
            oom_loop("bsl_render text", call_render_text, NULL, &a, &opts, free_render);
            oom_loop("bsl_render JSON compact", call_render_compact, NULL, &a, &opts, free_render);
            bsl_result_free(oom_result);
        }
        bsl_usecase_free(oom_uc);
    }
    CHECK_INT(a.live, 0, "evaluate and render: nothing left");

    /* Every example (unknown keys, evidence, sets, every verdict): parse +
     * evaluate, then each renderer, under allocation failures. */
    {
        static const char *const names[] = {
            "assistant-conversationnel-hors-ue", "classement-courrier", "detection-fuites-eau",
            "instruction-subventions-associations", "modele-langage-metropolitain",
            "prevision-affluence-decheteries", "prevision-remplissage-colonnes",
            "synthese-contributions-concertation", "tarification-solidaire-automatique",
            "traduction-accueil", "videoprotection-tramway-reconnaissance-faciale",
        };
        size_t i;
        for (i = 0; i < sizeof names / sizeof *names; i++) {
            char path[512], what[200];
            snprintf(path, sizeof path, SRCDIR "/examples/usecases/%s.json", names[i]);
            example_data = read_file(path, &example_len);
            ca_init(&a, &opts);
            snprintf(what, sizeof what, "bsl_evaluate_json %s", names[i]);
            oom_loop(what, call_evaluate_json, NULL, &a, &opts, free_result);
            if (bsl_evaluate_json(&oom_result, nantes, example_data, example_len, &opts, NULL) == BSL_OK) {
                snprintf(what, sizeof what, "bsl_render JSON %s", names[i]);
                oom_loop(what, call_render_json, NULL, &a, &opts, free_render);
                snprintf(what, sizeof what, "bsl_render text %s", names[i]);
                oom_loop(what, call_render_text, NULL, &a, &opts, free_render);
                snprintf(what, sizeof what, "bsl_render JSON compact %s", names[i]);
                oom_loop(what, call_render_compact, NULL, &a, &opts, free_render);
                bsl_result_free(oom_result);
            }
            CHECK_INT(a.live, 0, "every example: nothing left");
        }
    }
}

int main(void)
{
    test_null_handling();
    test_strerror();
    test_options_and_version();
    test_tokens_and_labels();
    if (bsl_framework_load_embedded(&nantes, NULL, NULL, NULL) != BSL_OK) {
        printf("Bail out! cannot load the default framework\n");
        return 1;
    }
    test_render();
    test_render_wellformed();
    test_render_untrusted_text();
    test_lifetimes();
    test_custom_allocator();
    test_out_of_memory();
    bsl_framework_free(nantes);
    tu_cleanup();
    return check_done();
}
