/* bsl_framework_describe(), bsl_framework_schema() and
 * bsl_framework_template(): the content of each format on the shipped
 * framework and on a format-1 framework with every type, escaping of
 * framework strings, determinism, the template's verdict, bad arguments,
 * allocators and out-of-memory at every allocation. */
#include "check.h"
#include "testutil.h"
#include "json.h" /* only to check that the JSON documents are well-formed */

#include <stdint.h>

#define FORMAT1_PATH SRCDIR "/tests/data/describe-format1.json"

static bsl_framework *nantes, *small;
static const char *small_json;
static size_t small_len;

static int is_json(const char *s, size_t len)
{
    bsl_json_doc doc;
    int rc = bsl_json_parse(&doc, s, len, NULL, NULL, NULL);
    if (rc == BSL_OK)
        bsl_json_doc_free(&doc);
    return rc == BSL_OK;
}

/* The document as a string kept until tu_cleanup(); NULL on failure. */
static char *describe(const bsl_framework *fw, bsl_format format, bsl_lang lang)
{
    char *out = NULL, *copy;
    size_t len = 0;
    if (bsl_framework_describe(&out, &len, fw, format, lang, NULL) != BSL_OK)
        return NULL;
    copy = tu_keep(malloc(len + 1));
    memcpy(copy, out, len + 1);
    bsl_render_free(out);
    return copy;
}

static char *schema(const bsl_framework *fw, bsl_lang lang)
{
    char *out = NULL, *copy;
    size_t len = 0;
    if (bsl_framework_schema(&out, &len, fw, lang, NULL) != BSL_OK)
        return NULL;
    copy = tu_keep(malloc(len + 1));
    memcpy(copy, out, len + 1);
    bsl_render_free(out);
    return copy;
}

static char *template_(const bsl_framework *fw, bsl_lang lang)
{
    char *out = NULL, *copy;
    size_t len = 0;
    if (bsl_framework_template(&out, &len, fw, lang, NULL) != BSL_OK)
        return NULL;
    copy = tu_keep(malloc(len + 1));
    memcpy(copy, out, len + 1);
    bsl_render_free(out);
    return copy;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0, step = strlen(needle);
    const char *p;
    for (p = hay ? strstr(hay, needle) : NULL; p; p = strstr(p + step, needle))
        n++;
    return n;
}

/* f with its one "%s" replaced by a. */
static char *fmt(const char *f, const char *a) { return subst(f, "%s", a); }

/* ---- bad arguments ------------------------------------------------------ */

static void test_arguments(void)
{
    char *out = (char *)&out;
    size_t len = 7;
    bsl_error err;

    CHECK_INT(bsl_framework_describe(NULL, &len, nantes, BSL_FORMAT_JSON, BSL_LANG_FR, &err), BSL_ERR_ARG,
              "describe: NULL out");
    CHECK_INT(err.code, BSL_ERR_ARG, "describe: NULL out fills err");
    CHECK_INT(len, 0, "describe: out_len is 0 on failure");
    CHECK_INT(bsl_framework_describe(&out, NULL, NULL, BSL_FORMAT_JSON, BSL_LANG_FR, &err), BSL_ERR_ARG,
              "describe: NULL fw");
    CHECK(out == NULL, "describe: out is NULL on failure");
    out = (char *)&out;
    CHECK_INT(bsl_framework_describe(&out, NULL, nantes, (bsl_format)4, BSL_LANG_FR, &err), BSL_ERR_ARG,
              "describe: unknown format 4");
    CHECK(out == NULL, "describe: unknown format leaves out NULL");
    CHECK_INT(bsl_framework_describe(&out, NULL, nantes, (bsl_format)-1, BSL_LANG_FR, NULL), BSL_ERR_ARG,
              "describe: unknown format -1, without err");
    CHECK_INT(bsl_framework_describe(&out, NULL, nantes, BSL_FORMAT_TEXT, (bsl_lang)2, &err), BSL_ERR_ARG,
              "describe: unknown language");
    CHECK(err.message[0] != '\0', "describe: the error has a message");

    out = (char *)&out;
    CHECK_INT(bsl_framework_schema(NULL, NULL, nantes, BSL_LANG_EN, &err), BSL_ERR_ARG, "schema: NULL out");
    CHECK_INT(bsl_framework_schema(&out, NULL, NULL, BSL_LANG_EN, &err), BSL_ERR_ARG, "schema: NULL fw");
    CHECK(out == NULL, "schema: out is NULL on failure");
    CHECK_INT(bsl_framework_schema(&out, NULL, nantes, (bsl_lang)7, &err), BSL_ERR_ARG, "schema: unknown language");
    out = (char *)&out;
    CHECK_INT(bsl_framework_template(NULL, NULL, nantes, BSL_LANG_EN, &err), BSL_ERR_ARG, "template: NULL out");
    CHECK_INT(bsl_framework_template(&out, NULL, NULL, BSL_LANG_EN, &err), BSL_ERR_ARG, "template: NULL fw");
    CHECK(out == NULL, "template: out is NULL on failure");
    CHECK_INT(bsl_framework_template(&out, NULL, nantes, (bsl_lang)-1, &err), BSL_ERR_ARG,
              "template: unknown language");

    CHECK_INT(BSL_FORMAT_MARKDOWN, 3, "BSL_FORMAT_MARKDOWN is 3");
}

/* ---- the description ---------------------------------------------------- */

static void test_json_nantes(void)
{
    int lang;
    for (lang = 0; lang < 2; lang++) {
        const char *d = describe(nantes, BSL_FORMAT_JSON, (bsl_lang)lang);
        const char *c = describe(nantes, BSL_FORMAT_JSON_COMPACT, (bsl_lang)lang);
        const bsl_vocabulary *v = bsl_framework_vocabulary(nantes);
        size_t i, missing = 0, ncrit = bsl_framework_criterion_count(nantes);
        char *out = NULL;
        size_t len = 0;

        CHECK(d && is_json(d, strlen(d)), "JSON description is well-formed JSON");
        CHECK(c && is_json(c, strlen(c)), "compact description is well-formed JSON");
        if (!d || !c)
            continue;
        CHECK(strncmp(d, "{\n  \"format\": \"boussole-description/1\",\n", 40) == 0, "format first");
        CHECK_CONTAINS(d, lang ? "\"lang\": \"en\"" : "\"lang\": \"fr\"", "lang member");
        CHECK_CONTAINS(d, fmt("\"id\": \"%s\"", bsl_framework_id(nantes)), "framework id");
        CHECK_CONTAINS(d, fmt("\"version\": \"%s\"", bsl_framework_version(nantes)), "framework version");
        CHECK_CONTAINS(d, "\"format\": \"boussole-framework/2\"", "framework format");
        CHECK_CONTAINS(d, fmt("\"sha256\": \"%s\"", bsl_framework_sha256(nantes)), "framework sha256");
        CHECK_CONTAINS(d, fmt("\"title\": \"%s\"", bsl_framework_title(nantes, (bsl_lang)lang)), "framework title");
        CHECK_CONTAINS(d, fmt("\"id\": \"%s\"", bsl_vocabulary_id(v)), "vocabulary id");
        CHECK_CONTAINS(d, fmt("\"sha256\": \"%s\"", bsl_vocabulary_sha256(v)), "vocabulary sha256");
        CHECK_CONTAINS(d, "\"thresholds\": {\n      \"met\": 70,\n      \"reservations\": 40\n    }",
                       "default thresholds");
        CHECK_INT(count(d, "\"indicators\": ["), ncrit, "one indicators array per criterion");
        for (i = 0; i < ncrit; i++)
            if (!strstr(d, fmt("\"id\": \"%s\"", bsl_framework_criterion_id(nantes, i))))
                missing++;
        CHECK_INT(missing, 0, "every criterion id is described");
        missing = 0;
        for (i = 0; i < bsl_framework_indicator_count(nantes); i++)
            if (count(d, fmt("\"fact\": \"%s\",\n          \"type\"",
                             bsl_fact_key(bsl_indicator_fact(bsl_framework_indicator(nantes, i))))) != 1)
                missing++;
        CHECK_INT(missing, 0, "every fact of the framework is described exactly once");
        CHECK_INT(count(d, "\"fact\": \""), bsl_framework_indicator_count(nantes) + 2,
                  "one fact member per indicator, plus the two applies_if");
        CHECK_CONTAINS(d, "\"applies_if\": {\n            \"fact\": \"personal_data\",\n"
                          "            \"operator\": \"not_in\",\n            \"values\": [\n"
                          "              \"none\"\n            ]\n          }",
                       "bias_assessment applies when personal_data is not none");
        CHECK_CONTAINS(d, "\"rule\": \"level:non_eu\"", "hosting's level rule");
        CHECK_CONTAINS(d, "\"rule\": \"band:<=100\"", "energy's first band rule");
        CHECK_CONTAINS(d, lang ? "\"label\": \"≤ 100 kWh/year\"" : "\"label\": \"≤ 100 kWh/an\"",
                       "energy's first band, with its unit");
        CHECK_CONTAINS(d, "\"fails_necessary_condition\": true", "a necessary condition (service_need none)");
        CHECK_CONTAINS(d, "\"red_line\": true", "red lines");
        CHECK_CONTAINS(d, lang ? "\"label\": \"Outside the European Union\"" : "\"label\": \"Hors Union européenne\"",
                       "enum values carry the vocabulary's labels");
        CHECK_INT(count(d, "\"help\": null"), 0, "every fact of Nantes has its help text");
        CHECK_INT(count(c, "\n"), 1, "compact: one line");
        CHECK_INT(count(c, "\"fact\":\""), count(d, "\"fact\": \""), "compact: the same members");
        CHECK(c[strlen(c) - 1] == '\n' && d[strlen(d) - 1] == '\n', "both end with a newline");

        /* out_len, and the same bytes from a second call. */
        if (CHECK(bsl_framework_describe(&out, &len, nantes, BSL_FORMAT_JSON, (bsl_lang)lang, NULL) == BSL_OK,
                  "describe again")) {
            CHECK_INT(len, strlen(out), "out_len is the length without the NUL");
            CHECK(strcmp(out, d) == 0, "two calls give the same bytes");
            bsl_render_free(out);
        }
    }
}

static void test_json_format1(void)
{
    const char *d = describe(small, BSL_FORMAT_JSON, BSL_LANG_EN);
    CHECK(d && is_json(d, strlen(d)), "format-1 description is well-formed JSON");
    if (!d)
        return;
    CHECK_CONTAINS(d, "\"format\": \"boussole-framework/1\"", "framework format 1");
    CHECK_CONTAINS(d, "\"title\": \"Test framework | description\"", "title as is in JSON");
    CHECK_CONTAINS(d, "\"thresholds\": {\n      \"met\": 75,\n      \"reservations\": 45\n    }",
                   "the framework's default thresholds");
    CHECK_CONTAINS(d, "\"weight\": 3,\n      \"thresholds\": {\n        \"met\": 80,\n        \"reservations\": 50\n",
                   "criterion B's own weight and thresholds");
    CHECK_CONTAINS(d, "\"reference\": \"Article 1\\nparagraph 2\"", "a newline is escaped");
    CHECK_CONTAINS(d, "\"reference\": null", "absent references are null");
    CHECK_CONTAINS(d, "\"help\": null", "format 1 has no help");
    CHECK_CONTAINS(d, "\"values\": [\n            {\n              \"value\": \"none\",\n"
                      "              \"label\": null\n",
                   "format-1 enum values have no label");
    CHECK_CONTAINS(d, "\"unit\": \"kWh\",\n          \"min\": 0,\n          \"max\": 1000000.0,",
                   "unit and bounds as written");
    CHECK_CONTAINS(d, "\"values\": [\n              false\n            ]", "a boolean condition lists JSON false");
    CHECK_CONTAINS(d, "\"operator\": \"in\",\n            \"values\": [\n              \"none\",\n"
                      "              \"some\"\n",
                   "an in condition, in the fact's order");
    CHECK_CONTAINS(d, "\"value\": \"none\",\n              \"band\": null,\n              \"rule\": \"level:none\",\n"
                      "              \"label\": null,\n              \"points\": 0,\n              \"red_line\": false,\n"
                      "              \"fails_necessary_condition\": true,",
                   "a level that fails the necessary condition");
    CHECK_CONTAINS(d, "\"value\": true,\n              \"band\": null,\n              \"rule\": \"level:true\",\n"
                      "              \"label\": \"yes\",\n              \"points\": 0,\n              \"red_line\": true,",
                   "a red-line boolean level counts 0 points");
    CHECK_CONTAINS(d, "\"band\": {\n                \"min\": null,\n                \"min_inclusive\": false,\n"
                      "                \"max\": 10,\n                \"max_inclusive\": false\n              },\n"
                      "              \"rule\": \"band:<10\",\n              \"label\": \"< 10 kWh\"",
                   "a below band");
    CHECK_CONTAINS(d, "\"band\": {\n                \"min\": 10,\n                \"min_inclusive\": true,\n"
                      "                \"max\": 100,\n                \"max_inclusive\": true\n              },\n"
                      "              \"rule\": \"band:<=100\",\n              \"label\": \"≥ 10 and ≤ 100 kWh\"",
                   "a band after a below band starts inclusive");
    CHECK_CONTAINS(d, "\"rule\": \"band:<=1000\",\n              \"label\": \"= 1000 kWh\"",
                   "below X then up_to X holds X alone");
    CHECK_CONTAINS(d, "\"min\": 1000,\n                \"min_inclusive\": false,\n                \"max\": null,",
                   "the open last band");
    CHECK_CONTAINS(d, "\"rule\": \"band:any\",\n              \"label\": \"any value\"", "a single open band");
    CHECK_CONTAINS(d, "\"value\": \"empty\",", "set outcomes");
    CHECK_CONTAINS(d, "\"label\": \"at least one value\"", "set outcome label");
    CHECK_CONTAINS(d, "\"value\": \"present\",", "text outcomes");
    CHECK_CONTAINS(d, "\"remediation\": \"Remove the gate.\"", "remediation");
    CHECK_CONTAINS(d, "\"remediation\": null", "absent remediations are null");
}

static int max_columns(const char *s)
{
    int max = 0, col = 0;
    for (; *s; s++) {
        if (*s == '\n') {
            col = 0;
            continue;
        }
        if (((unsigned char)*s & 0xC0) != 0x80 && ++col > max)
            max = col;
    }
    return max;
}

static void test_text(void)
{
    int lang;
    for (lang = 0; lang < 2; lang++) {
        const char *t = describe(nantes, BSL_FORMAT_TEXT, (bsl_lang)lang);
        size_t i, missing = 0;
        if (!CHECK(t != NULL, "text description"))
            continue;
        CHECK_CONTAINS(t, fmt(lang ? "Framework: %s" : "Référentiel\xc2\xa0: %s",
                              bsl_framework_title(nantes, (bsl_lang)lang)), "text starts with the framework");
        CHECK_CONTAINS(t, bsl_framework_sha256(nantes), "text: the framework's SHA-256");
        CHECK_INT(max_columns(t) <= 100, 1, "text: no line over 100 columns");
        for (i = 0; i < bsl_framework_indicator_count(nantes); i++)
            if (!strstr(t, fmt("\n  %s (", bsl_fact_key(bsl_indicator_fact(bsl_framework_indicator(nantes, i))))))
                missing++;
        CHECK_INT(missing, 0, "text: every fact has its block");
        CHECK_CONTAINS(t, lang ? "Applies if: personal_data not in {none}" : "S'applique si\xc2\xa0: personal_data hors de {none}",
                       "text: conditions");
        CHECK_CONTAINS(t, lang ? ": red line. " : "\xc2\xa0: ligne rouge. ", "text: red lines");
    }
}

static void test_markdown(void)
{
    const char *en = describe(nantes, BSL_FORMAT_MARKDOWN, BSL_LANG_EN);
    const char *fr = describe(nantes, BSL_FORMAT_MARKDOWN, BSL_LANG_FR);
    const char *s = describe(small, BSL_FORMAT_MARKDOWN, BSL_LANG_EN);
    size_t i, missing = 0;
    if (!CHECK(en && fr && s, "Markdown descriptions"))
        return;
    CHECK(strncmp(en, fmt("# %s\n", bsl_framework_title(nantes, BSL_LANG_EN)), strlen(bsl_framework_title(nantes, BSL_LANG_EN)) + 3) == 0,
          "Markdown: the title first");
    CHECK_CONTAINS(en, "| Criterion | Title | Weight | Met | Reservations | Indicators |\n|---|---|---:|---:|---:|---:|\n",
                   "Markdown: the criteria table");
    CHECK_CONTAINS(fr, "| Critère | Intitulé | Poids | Atteint | Réserves | Indicateurs |", "Markdown: French headings");
    CHECK_CONTAINS(fr, "**Question\xc2\xa0:** ", "Markdown: French colon inside the emphasis");
    CHECK_CONTAINS(en, "| Fact | Question | Required | Weight | Applies if |", "Markdown: indicator tables");
    CHECK_CONTAINS(en, "| `bias_assessment` |", "Markdown: a row per indicator");
    CHECK_CONTAINS(en, "`personal_data` not in {`none`} |", "Markdown: applies if");
    CHECK_CONTAINS(en, "| Value | Label | Points | Marks | Justification |\n|---|---|---:|---|---|\n",
                   "Markdown: outcome tables");
    CHECK_CONTAINS(en, "| — | **red line** |", "Markdown: red lines");
    CHECK_CONTAINS(en, "| *fails a necessary condition* |", "Markdown: necessary conditions");
    CHECK_CONTAINS(en, "| ≤ 100 kWh/year |  | 100 |", "Markdown: bands");
    for (i = 0; i < bsl_framework_indicator_count(nantes); i++) {
        const bsl_indicator *ind = bsl_framework_indicator(nantes, i);
        char head[200];
        snprintf(head, sizeof head, "\n### %s · `%s`\n", bsl_indicator_criterion(ind), bsl_fact_key(bsl_indicator_fact(ind)));
        if (count(en, head) != 1 || count(fr, head) != 1)
            missing++;
    }
    CHECK_INT(missing, 0, "Markdown: one section per indicator, in both languages");
    CHECK(strlen(en) > 2 && en[strlen(en) - 1] == '\n' && en[strlen(en) - 2] != '\n', "Markdown: ends with one newline");

    CHECK_CONTAINS(s, "# Test framework \\| description\n", "Markdown: '|' escaped");
    CHECK_CONTAINS(s, "Tests \\*bold\\* and \\<tag\\>", "Markdown: emphasis and HTML escaped");
    CHECK_CONTAINS(s, "Article 1<br>paragraph 2", "Markdown: newline as <br>");
    CHECK_CONTAINS(s, "| = 1000 kWh |  | 40 |", "Markdown: a one-value band");
    CHECK_CONTAINS(s, "`flag` not in {`false`}", "Markdown: boolean condition");
    CHECK_CONTAINS(s, "| `none` |  | 0 | *fails a necessary condition* |", "Markdown: format-1 level without label");
}

/* A framework title with a terminal escape and a bidirectional override. */
static void test_untrusted_strings(void)
{
    const char *doc = subst(small_json, "Test framework | description",
                            "Evil\\u001b[31m title\\u202e here\\nnext");
    bsl_framework *fw = NULL;
    const char *t, *m, *j;
    if (!CHECK(bsl_framework_load(&fw, doc, strlen(doc), NULL, NULL) == BSL_OK, "load a hostile title"))
        return;
    t = describe(fw, BSL_FORMAT_TEXT, BSL_LANG_EN);
    m = describe(fw, BSL_FORMAT_MARKDOWN, BSL_LANG_EN);
    j = describe(fw, BSL_FORMAT_JSON, BSL_LANG_EN);
    CHECK(t && !strchr(t, '\x1b') && !strstr(t, "\xe2\x80\xae"), "text: no raw ESC nor override");
    CHECK_CONTAINS(t, "Evil [31m title\\u202e here next", "text: controls separate words, the override spelled");
    CHECK(m && !strchr(m, '\x1b'), "Markdown: no raw ESC");
    CHECK_CONTAINS(m, "# Evil \\[31m title  here<br>next", "Markdown: ESC and override as spaces");
    CHECK(!strstr(m, "\xe2\x80\xae"), "Markdown: no raw override");
    CHECK_CONTAINS(j, "\"title\": \"Evil\\u001b[31m title\xe2\x80\xae here\\nnext\"", "JSON: escaped as JSON");
    bsl_framework_free(fw);
}

static void test_determinism(void)
{
    bsl_framework *again = NULL;
    int f, lang, same = 1;
    if (!CHECK(bsl_framework_load_embedded(&again, NULL, NULL, NULL) == BSL_OK, "load Nantes again"))
        return;
    for (f = 0; f <= BSL_FORMAT_MARKDOWN; f++)
        for (lang = 0; lang < 2; lang++) {
            const char *a = describe(nantes, (bsl_format)f, (bsl_lang)lang);
            const char *b = describe(again, (bsl_format)f, (bsl_lang)lang);
            if (!a || !b || strcmp(a, b))
                same = 0;
        }
    for (lang = 0; lang < 2; lang++) {
        const char *a = schema(nantes, (bsl_lang)lang), *b = schema(again, (bsl_lang)lang);
        const char *c = template_(nantes, (bsl_lang)lang), *d = template_(again, (bsl_lang)lang);
        if (!a || !b || strcmp(a, b) || !c || !d || strcmp(c, d))
            same = 0;
    }
    CHECK(same, "every document: the same bytes from two loads of the framework");
    bsl_framework_free(again);
}

/* ---- the schema ---------------------------------------------------------- */

static void test_schema(void)
{
    int lang;
    for (lang = 0; lang < 2; lang++) {
        const char *s = schema(nantes, (bsl_lang)lang);
        const bsl_vocabulary *v = bsl_framework_vocabulary(nantes);
        size_t i, bad = 0, required = 0;
        if (!CHECK(s && is_json(s, strlen(s)), "schema is well-formed JSON"))
            continue;
        CHECK(strncmp(s, "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n", 63) == 0,
              "schema: draft 2020-12 first");
        CHECK_INT(count(s, "\"additionalProperties\": false"), 3, "schema: closed at top level, in facts and evidence");
        CHECK_INT(count(s, "\"required\": ["), 1, "schema: one JSON Schema required list");
        CHECK_CONTAINS(s, "\"required\": [\n    \"id\",\n    \"title\",\n    \"facts\"\n  ]", "schema: id, title, facts");
        CHECK_INT(count(s, "\"minLength\": 1"), 2, "schema: id and title not empty");
        for (i = 0; i < bsl_vocabulary_fact_count(v); i++)
            if (count(s, fmt("\n        \"%s\": {\n", bsl_fact_key(bsl_vocabulary_fact(v, i)))) != 2)
                bad++;
        CHECK_INT(bad, 0, "schema: every vocabulary fact in facts and in evidence");
        CHECK_INT(count(s, "\"x-boussole\": {"), bsl_vocabulary_fact_count(v), "schema: one annotation per fact");
        CHECK_INT(count(s, "\"used\": true"), bsl_framework_indicator_count(nantes), "schema: used = read by Nantes");
        for (i = 0; i < bsl_framework_indicator_count(nantes); i++)
            if (bsl_indicator_required(bsl_framework_indicator(nantes, i)))
                required++;
        CHECK_INT(count(s, "\"required\": true"), required, "schema: required facts flagged");
        CHECK_CONTAINS(s, "\"x-boussole-required\": [\n    \"biometric_identification\",", "schema: x-boussole-required");
        CHECK_CONTAINS(s, "\"enum\": [\n            \"non_eu\",\n            \"eu\",\n            \"france\",\n"
                          "            null\n          ]",
                       "schema: enum values and null");
        CHECK_CONTAINS(s, "\"type\": [\n            \"number\",\n            \"null\"\n          ],\n"
                          "          \"minimum\": 0,",
                       "schema: numbers with their bounds");
        CHECK_CONTAINS(s, "\"items\": {\n            \"enum\": [\n              \"health\",", "schema: set members");
        CHECK_CONTAINS(s, "\"uniqueItems\": true", "schema: sets without duplicates");
        CHECK_CONTAINS(s, "\"criterion\": \"C2\"", "schema: criterion annotation");
        CHECK_CONTAINS(s, "\"criterion\": null", "schema: facts not read have no criterion");
        CHECK_CONTAINS(s, "\"label\": {\n              \"fr\": ", "schema: labels in both languages");
        CHECK_CONTAINS(s, fmt("\"title\": \"%s\"", bsl_indicator_label(bsl_framework_indicator(nantes, 0), (bsl_lang)lang)),
                       "schema: title in the language asked");
    }
    {
        const char *s = schema(small, BSL_LANG_EN);
        const bsl_vocabulary *v = bsl_framework_vocabulary(small);
        CHECK(s && is_json(s, strlen(s)), "format-1 schema is well-formed JSON");
        CHECK_INT(count(s, "\"x-boussole\": {"), bsl_vocabulary_fact_count(v) + 9,
                  "format 1: the vocabulary's facts plus its nine own");
        CHECK_CONTAINS(s, "\"hosting\": {\n          \"title\": \"Hosting?\",\n          \"enum\": [\n"
                          "            \"abroad\",\n            \"home\",\n            null\n",
                       "format 1: a fact it reads has its own definition");
        CHECK_CONTAINS(s, "\"value_labels\": {\n              \"abroad\": null,", "format 1: values without labels");
        CHECK_CONTAINS(s, "\"minimum\": 0,\n          \"maximum\": 1000000.0,", "format 1: bounds");
        CHECK_CONTAINS(s, "\"x-boussole-required\": [\n    \"gate\",\n    \"kind\",\n    \"detail\"\n  ]",
                       "format 1: required facts");
    }
}

/* ---- the template -------------------------------------------------------- */

static void check_template(bsl_framework *fw, const char *what)
{
    int lang;
    for (lang = 0; lang < 2; lang++) {
        const char *t = template_(fw, (bsl_lang)lang);
        bsl_result *r = NULL;
        bsl_error err;
        size_t i, k = 0, required = 0, bad = 0;
        char label[200];
        snprintf(label, sizeof label, "%s template %s", what, lang ? "en" : "fr");
        if (!CHECK(t && is_json(t, strlen(t)), label))
            continue;
        CHECK_CONTAINS(t, lang ? "\"id\": \"new-use-case\",\n  \"title\": \"To be completed\","
                               : "\"id\": \"nouveau-cas-d-usage\",\n  \"title\": \"À renseigner\",",
                       "template: id and title in the language");
        CHECK_CONTAINS(t, fmt("\"framework\": \"%s\",", bsl_framework_id(fw)), "template: the framework id");
        CHECK_INT(count(t, ": null"), bsl_framework_indicator_count(fw), "template: every fact read, null");
        if (!CHECK(bsl_evaluate_json(&r, fw, t, strlen(t), NULL, &err) == BSL_OK, "template: parses and evaluates"))
            continue;
        CHECK_INT(bsl_result_verdict(r), BSL_VERDICT_INCOMPLETE, "template: verdict incomplete");
        for (i = 0; i < bsl_framework_indicator_count(fw); i++) {
            const bsl_indicator *ind = bsl_framework_indicator(fw, i);
            if (!bsl_indicator_required(ind))
                continue;
            required++;
            if (k >= bsl_result_missing_count(r) ||
                strcmp(bsl_result_missing(r, k++), bsl_fact_key(bsl_indicator_fact(ind))))
                bad++;
        }
        CHECK_INT(bsl_result_missing_count(r), required, "template: every required fact missing");
        CHECK_INT(bad, 0, "template: missing facts in framework order");
        CHECK_INT(bsl_result_unknown_count(r), 0, "template: no unknown key");
        CHECK_INT(bsl_result_not_used_count(r), 0, "template: no key not used");
        bsl_result_free(r);
    }
}

static void test_template(void)
{
    check_template(nantes, "Nantes");
    check_template(small, "format 1");
}

/* ---- allocators and out of memory --------------------------------------- */

static void test_allocator(void)
{
    counting_alloc a;
    bsl_options opts;
    bsl_framework *fw = NULL;
    char *out = NULL;
    long live;
    ca_init(&a, &opts);
    if (!CHECK(bsl_framework_load_embedded(&fw, NULL, &opts, NULL) == BSL_OK, "load with a counting allocator"))
        return;
    live = a.live;
    CHECK_INT(bsl_framework_describe(&out, NULL, fw, BSL_FORMAT_MARKDOWN, BSL_LANG_FR, NULL), BSL_OK,
              "describe with the framework's allocator");
    CHECK_INT(a.live, live + 1, "the description is one block of the framework's allocator");
    bsl_framework_free(fw);
    bsl_render_free(out); /* after the framework: the buffer keeps its allocator */
    CHECK_INT(a.live, 0, "bsl_render_free after bsl_framework_free frees everything");
}

typedef struct oom_case {
    const char *what;
    int kind; /* 0 describe, 1 schema, 2 template */
    bsl_format format;
    bsl_lang lang;
} oom_case;

/* One case on one framework, for the shared oom_loop(). */
typedef struct oom_target {
    const oom_case *c;
    const bsl_framework *fw;
} oom_target;

static int call_case(void *ctx, bsl_options *opts, void **out, bsl_error *err)
{
    const oom_target *t = ctx;
    char **o = (char **)out;
    (void)opts; /* the documents use the framework's allocator */
    return t->c->kind == 0 ? bsl_framework_describe(o, NULL, t->fw, t->c->format, t->c->lang, err)
         : t->c->kind == 1 ? bsl_framework_schema(o, NULL, t->fw, t->c->lang, err)
                           : bsl_framework_template(o, NULL, t->fw, t->c->lang, err);
}

static void test_out_of_memory(void)
{
    static const oom_case cases[] = {
        { "describe JSON fr", 0, BSL_FORMAT_JSON, BSL_LANG_FR },
        { "describe JSON compact en", 0, BSL_FORMAT_JSON_COMPACT, BSL_LANG_EN },
        { "describe text en", 0, BSL_FORMAT_TEXT, BSL_LANG_EN },
        { "describe text fr", 0, BSL_FORMAT_TEXT, BSL_LANG_FR },
        { "describe Markdown fr", 0, BSL_FORMAT_MARKDOWN, BSL_LANG_FR },
        { "describe Markdown en", 0, BSL_FORMAT_MARKDOWN, BSL_LANG_EN },
        { "schema en", 1, BSL_FORMAT_JSON, BSL_LANG_EN },
        { "template fr", 2, BSL_FORMAT_JSON, BSL_LANG_FR },
    };
    counting_alloc a;
    bsl_options opts;
    bsl_framework *fw = NULL, *fw1 = NULL;
    size_t i;
    ca_init(&a, &opts);
    if (!CHECK(bsl_framework_load_embedded(&fw, NULL, &opts, NULL) == BSL_OK, "OOM: load Nantes") ||
        !CHECK(bsl_framework_load(&fw1, small_json, small_len, &opts, NULL) == BSL_OK, "OOM: load format 1")) {
        bsl_framework_free(fw);
        return;
    }
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        oom_target t = { &cases[i], fw }, t1 = { &cases[i], fw1 };
        oom_loop(cases[i].what, call_case, &t, &a, &opts, tu_free_render);
        oom_loop(cases[i].what, call_case, &t1, &a, &opts, tu_free_render);
    }
    bsl_framework_free(fw);
    bsl_framework_free(fw1);
    CHECK_INT(a.live, 0, "OOM: nothing left");
}

int main(void)
{
    if (bsl_framework_load_embedded(&nantes, NULL, NULL, NULL) != BSL_OK) {
        printf("Bail out! cannot load the default framework\n");
        return 1;
    }
    small_json = read_file(FORMAT1_PATH, &small_len);
    if (!small_json || bsl_framework_load(&small, small_json, small_len, NULL, NULL) != BSL_OK) {
        printf("Bail out! cannot load %s\n", FORMAT1_PATH);
        return 1;
    }
    test_arguments();
    test_json_nantes();
    test_json_format1();
    test_text();
    test_markdown();
    test_untrusted_strings();
    test_determinism();
    test_schema();
    test_template();
    test_allocator();
    test_out_of_memory();
    bsl_framework_free(small);
    bsl_framework_free(nantes);
    tu_cleanup();
    return check_done();
}
