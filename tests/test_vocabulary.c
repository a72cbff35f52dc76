/* The shared fact vocabulary: the embedded one and its accessors, the
 * loader's errors, frameworks in format 2 reading it (and what they cannot
 * redefine), format-1 files that keep loading, and use-case keys that a
 * framework does not read (not used) versus keys outside the vocabulary
 * (unknown). */
#include "check.h"
#include "testutil.h"

#include <stdint.h>

#define NANTES_PATH SRCDIR "/frameworks/nantes-2024.json"
#define NANTES_1_0_PATH SRCDIR "/tests/data/nantes-2024-1.0.0.json"


/* The facts REFERENTIEL §7 adds to the 43 of the Nantes boussole. */
static const char *const ADDED_FACTS[] = {
    "individual_surveillance", "social_scoring", "biometric_exception_by_law",
    "criminal_offence_data", "provider_jurisdiction", "open_source_solution", "reversibility",
    "technical_mastery", "provider_data_reuse", "data_minimisation", "data_quality_monitoring",
    "design_team_diversity", "purpose_defined", "within_competences", "supplier_bound_by_charter",
    "impact_monitoring", "experiment_conclusive", "value_review_planned", "citizen_consultation",
    "jobs_impact_assessed", "generative_ai", "hallucination_safeguards", "reliability_testing",
    "environmental_footprint_assessed", "environmental_purpose", "incident_procedure",
    "user_feedback_survey", "fria", "eu_database_registration", "ai_literacy_measures",
    "synthetic_content_marking", "interacts_with_public",
};

/* ---- the embedded vocabulary ------------------------------------------ */

static void test_embedded(void)
{
    bsl_vocabulary *v = NULL;
    const bsl_fact *f;
    double bound = 0;
    size_t i, sensitive = 0;
    int found = 1;

    CHECK_INT(bsl_vocabulary_load_embedded(&v, NULL, NULL), BSL_OK, "embedded vocabulary loads");
    CHECK_STR(bsl_vocabulary_id(v), "boussole", "vocabulary id");
    CHECK_STR(bsl_vocabulary_version(v), "1.0.0", "vocabulary version");
    CHECK_INT(strlen(bsl_vocabulary_sha256(v)), 64, "vocabulary sha256 is 64 hex digits");
    CHECK(bsl_vocabulary_title(v, BSL_LANG_FR) && bsl_vocabulary_title(v, BSL_LANG_EN), "titles fr and en");
    CHECK_INT(bsl_vocabulary_fact_count(v), 75, "43 Nantes facts and 32 added ones");
    for (i = 0; i < sizeof ADDED_FACTS / sizeof *ADDED_FACTS; i++)
        found &= bsl_vocabulary_find(v, ADDED_FACTS[i]) != NULL;
    CHECK(found, "every fact of REFERENTIEL 7 is in the vocabulary");
    for (i = 0; i < bsl_vocabulary_fact_count(v); i++) {
        f = bsl_vocabulary_fact(v, i);
        if (!bsl_fact_label(f, BSL_LANG_FR) || !bsl_fact_label(f, BSL_LANG_EN) ||
            !bsl_fact_help(f, BSL_LANG_FR) || !bsl_fact_help(f, BSL_LANG_EN)) {
            printf("# %s lacks a label or help\n", bsl_fact_key(f));
            found = 0;
        }
        CHECK(bsl_vocabulary_find(v, bsl_fact_key(f)) == f, "find returns the fact itself");
    }
    CHECK(found, "every fact has a label and a help text in fr and en");

    f = bsl_vocabulary_find(v, "hosting");
    CHECK_INT(bsl_fact_type_of(f), BSL_FACT_ENUM, "hosting is an enum");
    CHECK_STR(bsl_fact_type_token(bsl_fact_type_of(f)), "enum", "enum token");
    CHECK_INT(bsl_fact_value_count(f), 3, "hosting has three values");
    CHECK_STR(bsl_fact_value(f, 0), "non_eu", "worst first: non_eu");
    CHECK_STR(bsl_fact_value(f, 2), "france", "best last: france");
    CHECK_STR(bsl_fact_value(f, 3), NULL, "value out of range");
    CHECK(bsl_fact_value_label(f, 0, BSL_LANG_EN) != NULL, "values have labels");
    CHECK_STR(bsl_fact_value_label(f, 0, (bsl_lang)2), NULL, "value label in an unknown language");
    CHECK_STR(bsl_fact_unit(f, BSL_LANG_FR), NULL, "an enum has no unit");
    CHECK(!bsl_fact_min(f, &bound), "an enum has no bounds");

    f = bsl_vocabulary_find(v, "measured_gain_percent");
    CHECK_INT(bsl_fact_type_of(f), BSL_FACT_NUMBER, "measured_gain_percent is a number");
    CHECK(bsl_fact_min(f, &bound) && bound == -100, "a gain is at least -100 %");
    CHECK(!bsl_fact_max(f, NULL), "and unbounded above");
    CHECK_STR(bsl_fact_unit(bsl_vocabulary_find(v, "energy_kwh_per_year"), BSL_LANG_EN), "kWh/year",
              "energy unit");

    f = bsl_vocabulary_find(v, "sensitive_data");
    CHECK_INT(bsl_fact_type_of(f), BSL_FACT_SET, "sensitive_data is a set");
    for (i = 0; i < bsl_fact_value_count(f); i++)
        sensitive += !strcmp(bsl_fact_value(f, i), "philosophical_belief") ||
                     !strcmp(bsl_fact_value(f, i), "sexual_orientation");
    CHECK_INT(bsl_fact_value_count(f), 10, "ten GDPR art. 9 categories");
    CHECK_INT(sensitive, 2, "philosophical_belief and sexual_orientation added");

    CHECK_INT(bsl_fact_type_of(bsl_vocabulary_find(v, "social_scoring")), BSL_FACT_BOOLEAN,
              "social_scoring is a boolean");
    CHECK_INT(bsl_fact_value_count(bsl_vocabulary_find(v, "social_scoring")), 0,
              "a boolean lists no values");
    CHECK(bsl_vocabulary_find(v, "hostnig") == NULL, "no such fact");
    CHECK(bsl_vocabulary_find(v, NULL) == NULL, "NULL key");
    CHECK(bsl_vocabulary_find(NULL, "hosting") == NULL, "NULL vocabulary");
    CHECK(bsl_vocabulary_fact(v, 75) == NULL, "fact out of range");
    CHECK_INT(bsl_vocabulary_fact_count(NULL), 0, "NULL vocabulary has no facts");
    CHECK_STR(bsl_fact_key(NULL), NULL, "NULL fact");
    CHECK_STR(bsl_fact_type_token((bsl_fact_type)5), NULL, "unknown type token");
    bsl_vocabulary_free(v);
    bsl_vocabulary_free(NULL);
}

/* ---- loader errors ---------------------------------------------------- */

/* A small vocabulary: @FACTS@ is spliced into the facts array (line 6). */
static const char VOC_TEMPLATE[] =
    "{\n"
    "  'format': 'boussole-vocabulary/1',\n"
    "  'id': 'v', 'version': '1',\n"
    "  'title': {'fr': 'V', 'en': 'V'},\n"
    "  'facts': [\n"
    "    @FACTS@\n"
    "  ]\n"
    "}\n";

static const char *voc_make(const char *facts) { return dq(subst(VOC_TEMPLATE, "@FACTS@", facts)); }

#define L_ "{'fr': 'x', 'en': 'x'}"

static void voc_fails(const char *what, const char *doc, int code, const char *needle, int nth,
                      unsigned line, unsigned column, const char *path)
{
    bsl_vocabulary *v = (bsl_vocabulary *)&v;
    bsl_error err;
    int rc = bsl_vocabulary_load(&v, doc, strlen(doc), NULL, &err);
    check_error_at(what, rc, &err, code, doc, needle ? dq(needle) : NULL, nth, line, column, path);
    CHECK(v == NULL, "out is NULL on failure");
}

static void test_loader_errors(void)
{
    bsl_vocabulary *v = NULL;
    const char *doc = voc_make("{'key': 'a', 'type': 'boolean', 'label': " L_ "}");
    CHECK_INT(bsl_vocabulary_load(&v, doc, strlen(doc), NULL, NULL), BSL_OK, "minimal vocabulary");
    CHECK_INT(bsl_vocabulary_fact_count(v), 1, "one fact");
    CHECK(bsl_fact_help(bsl_vocabulary_fact(v, 0), BSL_LANG_FR) == NULL, "help is optional");
    bsl_vocabulary_free(v);

    voc_fails("wrong format", subst(voc_make("{'key': 'a', 'type': 'boolean', 'label': " L_ "}"),
                                    "vocabulary/1", "vocabulary/9"),
              BSL_ERR_ENUM, "'boussole-vocabulary/9'", 0, 2, 13, "$.format");
    voc_fails("duplicate key", voc_make("{'key': 'a', 'type': 'boolean', 'label': " L_ "},\n"
                                        "    {'key': 'a', 'type': 'text', 'label': " L_ "}"),
              BSL_ERR_VALUE, "'a'", 1, 7, 13, "$.facts[1].key");
    voc_fails("unknown type", voc_make("{'key': 'a', 'type': 'colour', 'label': " L_ "}"),
              BSL_ERR_ENUM, "'colour'", 0, 6, 26, "$.facts[0].type");
    voc_fails("enum without values", voc_make("{'key': 'a', 'type': 'enum', 'label': " L_ "}"),
              BSL_ERR_MISSING, "{'key'", 0, 6, 5, "$.facts[0].values");
    voc_fails("values on a boolean",
              voc_make("{'key': 'a', 'type': 'boolean', 'label': " L_ ", 'values': []}"),
              BSL_ERR_VALUE, "[]", 0, 6, 80, "$.facts[0].values");
    voc_fails("unit on an enum",
              voc_make("{'key': 'a', 'type': 'enum', 'label': " L_ ", 'unit': " L_ ", "
                       "'values': [{'value': 'b', 'label': " L_ "}]}"),
              BSL_ERR_VALUE, "{'fr'", 2, 6, 75, "$.facts[0].unit");
    voc_fails("min above max",
              voc_make("{'key': 'a', 'type': 'number', 'label': " L_ ", 'min': 5, 'max': 1}"),
              BSL_ERR_VALUE, "1}", 0, 6, 86, "$.facts[0].max");
    voc_fails("duplicate value",
              voc_make("{'key': 'a', 'type': 'set', 'label': " L_ ", 'values': "
                       "[{'value': 'b', 'label': " L_ "}, {'value': 'b', 'label': " L_ "}]}"),
              BSL_ERR_VALUE, "'b'", 1, 6, 136, "$.facts[0].values[1].value");
    voc_fails("value that is not a token",
              voc_make("{'key': 'a', 'type': 'enum', 'label': " L_ ", 'values': "
                       "[{'value': 'B c', 'label': " L_ "}]}"),
              BSL_ERR_VALUE, "'B c'", 0, 6, 88, "$.facts[0].values[0].value");
    voc_fails("key that is not a token", voc_make("{'key': 'A', 'type': 'text', 'label': " L_ "}"),
              BSL_ERR_VALUE, "'A'", 0, 6, 13, "$.facts[0].key");
    voc_fails("unknown field", voc_make("{'key': 'a', 'type': 'text', 'label': " L_ ", 'colour': 1}"),
              BSL_ERR_VALUE, "'colour'", 0, 6, 67, "$.facts[0].colour");
    voc_fails("no facts", voc_make(""), BSL_ERR_VALUE, "[", 0, 5, 12, "$.facts");
    CHECK_INT(bsl_vocabulary_load(NULL, "{}", 2, NULL, NULL), BSL_ERR_ARG, "NULL out");
    CHECK_INT(bsl_vocabulary_load(&v, NULL, 2, NULL, NULL), BSL_ERR_ARG, "NULL buf with a length");
    CHECK(v == NULL, "out is NULL after an argument error");
}

/* ---- frameworks in format 2 ------------------------------------------- */

/* Indicators go on line 8. */
static const char FW2_TEMPLATE[] =
    "{\n"
    "  'format': 'boussole-framework/2', 'vocabulary': 'boussole',\n"
    "  'id': 't2', 'version': '1',\n"
    "  'title': {'fr': 'T', 'en': 'T'}, 'source': {'fr': 'S', 'en': 'S'},\n"
    "  'criteria': [{\n"
    "    'id': 'C1', 'title': {'fr': 'C', 'en': 'C'},\n"
    "    'indicators': [\n"
    "      @INDICATORS@\n"
    "    ]\n"
    "  }]\n"
    "}\n";

#define J_ "'justification': {'fr': 'j', 'en': 'j'}"
#define HOSTING_ "{'fact': 'hosting', 'required': true, 'levels': [" \
    "{'value': 'non_eu', 'red_line': true, " J_ "}, {'value': 'eu', 'points': 90, " J_ "}, " \
    "{'value': 'france', 'points': 100, " J_ "}]}"
#define SCORING_ "{'fact': 'social_scoring', 'applies_if': {'fact': 'hosting', 'not_in': ['non_eu']}, " \
    "'levels': [{'value': true, 'red_line': true, " J_ "}, {'value': false, 'points': 100, " J_ "}]}"

static const char *fw2_make(const char *indicators)
{
    return dq(subst(FW2_TEMPLATE, "@INDICATORS@", indicators));
}

static bsl_framework *fw2_load(const char *what, const char *doc)
{
    bsl_framework *fw = NULL;
    bsl_error err;
    int rc = bsl_framework_load(&fw, doc, strlen(doc), NULL, &err);
    CHECK_INT(rc, BSL_OK, what);
    if (rc)
        printf("#   %u:%u %s at %s\n", err.line, err.column, err.message, err.path);
    return fw;
}

static void fw2_fails(const char *what, const char *doc, int code, const char *needle, int nth,
                      unsigned line, unsigned column, const char *path, const char *in_message)
{
    bsl_framework *fw = (bsl_framework *)&fw;
    bsl_error err;
    int rc = bsl_framework_load(&fw, doc, strlen(doc), NULL, &err);
    check_error_at(what, rc, &err, code, doc, needle ? dq(needle) : NULL, nth, line, column, path);
    CHECK(fw == NULL, "out is NULL on failure");
    if (in_message)
        CHECK_CONTAINS(err.message, in_message, what);
}

static void test_format_2(void)
{
    bsl_framework *fw = fw2_load("format-2 framework", fw2_make(HOSTING_ ",\n      " SCORING_));
    const bsl_vocabulary *v = bsl_framework_vocabulary(fw);
    const bsl_indicator *h = bsl_framework_indicator(fw, 0), *s = bsl_framework_indicator(fw, 1);

    CHECK_STR(bsl_vocabulary_id(v), "boussole", "the framework reads the embedded vocabulary");
    CHECK_INT(bsl_framework_indicator_count(fw), 2, "two indicators");
    CHECK(bsl_indicator_fact(h) == bsl_vocabulary_find(v, "hosting"), "the indicator's fact is the vocabulary's");
    CHECK_STR(bsl_indicator_label(h, BSL_LANG_FR), bsl_fact_label(bsl_indicator_fact(h), BSL_LANG_FR),
              "label defaults to the vocabulary's question");
    CHECK_STR(bsl_indicator_criterion(h), "C1", "criterion id");
    CHECK(bsl_indicator_required(h) && !bsl_indicator_required(s), "required flags");
    CHECK_NUM(bsl_indicator_weight(h), 1, "default weight");
    CHECK_STR(bsl_indicator_condition_fact(h), NULL, "no condition");
    CHECK_STR(bsl_indicator_condition_fact(s), "hosting", "condition fact");
    CHECK(bsl_indicator_condition_negated(s), "not_in");
    CHECK_INT(bsl_indicator_condition_value_count(s), 1, "one condition value");
    CHECK_STR(bsl_indicator_condition_value(s, 0), "non_eu", "condition value");
    CHECK_STR(bsl_indicator_condition_value(s, 1), NULL, "condition value out of range");
    CHECK(bsl_framework_indicator(fw, 2) == NULL, "indicator out of range");
    CHECK(bsl_indicator_fact(NULL) == NULL && bsl_indicator_criterion(NULL) == NULL, "NULL indicator");
    bsl_framework_free(fw);

    fw = fw2_load("levels in any order, labels of its own",
                  fw2_make("{'fact': 'hosting', 'label': {'fr': 'Où ?', 'en': 'Where?'}, 'levels': ["
                           "{'value': 'france', 'points': 100, " J_ "}, {'value': 'eu', 'points': 90, " J_ "}, "
                           "{'value': 'non_eu', 'red_line': true, " J_ "}]}"));
    CHECK_STR(bsl_indicator_label(bsl_framework_indicator(fw, 0), BSL_LANG_EN), "Where?", "own label");
    bsl_framework_free(fw);
}

static void test_format_2_errors(void)
{
    fw2_fails("fact outside the vocabulary",
              fw2_make("{'fact': 'hostnig', 'levels': [{'value': 'eu', 'points': 1, " J_ "}]}"),
              BSL_ERR_VALUE, "'hostnig'", 0, 8, 16, "$.criteria[0].indicators[0].fact", "hostnig");
    fw2_fails("a type that is not the vocabulary's",
              fw2_make("{'fact': 'hosting', 'type': 'text', 'present': {'points': 1, " J_ "}}"),
              BSL_ERR_VALUE, "'text'", 0, 8, 35, "$.criteria[0].indicators[0].type", "cannot change its type");
    fw2_fails("values redefined",
              fw2_make("{'fact': 'sensitive_data', 'values': ['health'], 'empty': {'points': 1, " J_ "}, "
                       "'non_empty': {'red_line': true, " J_ "}}"),
              BSL_ERR_VALUE, "['health']", 0, 8, 44, "$.criteria[0].indicators[0].values",
              "defined by the vocabulary");
    fw2_fails("unit redefined",
              fw2_make("{'fact': 'energy_kwh_per_year', 'unit': {'fr': 'Wh', 'en': 'Wh'}, "
                       "'bands': [{'points': 1, " J_ "}]}"),
              BSL_ERR_VALUE, "{'fr': 'Wh'", 0, 8, 47, "$.criteria[0].indicators[0].unit",
              "defined by the vocabulary");
    fw2_fails("a level that is not a value of the vocabulary",
              fw2_make("{'fact': 'hosting', 'levels': [{'value': 'mars', 'points': 1, " J_ "}, "
                       "{'value': 'eu', 'points': 90, " J_ "}, {'value': 'france', 'points': 100, " J_ "}]}"),
              BSL_ERR_ENUM, "'mars'", 0, 8, 48, "$.criteria[0].indicators[0].levels[0].value",
              "non_eu, eu, france");
    fw2_fails("a value of the vocabulary left unscored",
              fw2_make("{'fact': 'hosting', 'levels': [{'value': 'eu', 'points': 90, " J_ "}]}"),
              BSL_ERR_VALUE, "[{'value'", 0, 8, 37, "$.criteria[0].indicators[0].levels", "3 values");
    fw2_fails("a value scored twice",
              fw2_make("{'fact': 'hosting', 'levels': [{'value': 'eu', 'points': 90, " J_ "}, "
                       "{'value': 'eu', 'points': 90, " J_ "}, {'value': 'france', 'points': 100, " J_ "}]}"),
              BSL_ERR_VALUE, "'eu'", 1, 8, 120, "$.criteria[0].indicators[0].levels[1].value", "twice");
    fw2_fails("an unknown vocabulary",
              subst(fw2_make(HOSTING_), dq("'vocabulary': 'boussole'"), dq("'vocabulary': 'paris'")),
              BSL_ERR_VALUE, "'paris'", 0, 2, 51, "$.vocabulary", "boussole");
    fw2_fails("format 2 without a vocabulary",
              subst(fw2_make(HOSTING_), dq(", 'vocabulary': 'boussole'"), ""),
              BSL_ERR_MISSING, "{", 0, 1, 1, "$.vocabulary", NULL);
    fw2_fails("format 1 naming a vocabulary",
              subst(fw2_make(HOSTING_), "framework/2", "framework/1"),
              BSL_ERR_VALUE, "'boussole'", 0, 2, 51, "$.vocabulary", "defines its own facts");
}

/* Each warning of fw (the four kinds, in order) in French and by id;
 * English is the warning as written. */
static void test_warnings_in_french(const bsl_framework *fw)
{
    static const char *const ids[] = { "lint.levels_order", "lint.no_remediation", "lint.never_applies",
                                       "lint.red_line_remediation" };
    char fr[1024], en[1024], small[36];
    size_t i, n;
    int ok_en = 1, ok_ids = 1, ok_fr = 1;
    for (i = 0; i < 4; i++) {
        bsl_framework_warning_message(fw, i, BSL_LANG_EN, en, sizeof en);
        bsl_framework_warning_message(fw, i, BSL_LANG_FR, fr, sizeof fr);
        if (strcmp(en, bsl_framework_warning(fw, i)))
            ok_en = 0;
        if (!bsl_framework_warning_id(fw, i) || strcmp(bsl_framework_warning_id(fw, i), ids[i]))
            ok_ids = 0, printf("# warning %zu: id %s\n", i, bsl_framework_warning_id(fw, i));
        if (!strcmp(fr, en) || strncmp(fr, en, strcspn(en, ")")) || !strstr(fr, ")\u00a0: "))
            ok_fr = 0, printf("# warning %zu in French: %s\n", i, fr);
    }
    CHECK(ok_en, "a warning in English is the warning as written");
    CHECK(ok_ids, "each warning has the id of its kind");
    CHECK(ok_fr, "each warning is in French, with the same path and fact");
    bsl_framework_warning_message(fw, 0, BSL_LANG_FR, fr, sizeof fr);
    CHECK_STR(fr, "$.criteria[0].indicators[0] (hosting)\u00a0: niveaux non ordonnés par points\u00a0: "
                  "«\u00a0france\u00a0» (50) vient après «\u00a0eu\u00a0» (90), "
                  "les valeurs allant de la pire à la meilleure", "levels out of order, in French, with their values");
    bsl_framework_warning_message(fw, 1, BSL_LANG_FR, fr, sizeof fr);
    CHECK_STR(fr, "$.criteria[0].indicators[1] (dpia)\u00a0: peut rester sous son maximum mais n'a pas de "
                  "remédiation", "no remediation, in French");
    n = bsl_framework_warning_message(fw, 1, BSL_LANG_FR, small, sizeof small);
    CHECK_INT(n, strlen(fr), "the whole length is returned, as snprintf does");
    /* "$.criteria[0].indicators[1] (dpia)\u00a0": 35 bytes fit, the 35th is half the no-break space */
    CHECK_STR(small, "$.criteria[0].indicators[1] (dpia)", "a cut falls between characters");
    CHECK_INT(bsl_framework_warning_message(fw, 4, BSL_LANG_FR, fr, sizeof fr), 0, "out of range: 0");
    CHECK_STR(fr, "", "out of range: \"\"");
    CHECK_INT(bsl_framework_warning_message(NULL, 0, BSL_LANG_EN, fr, sizeof fr), 0, "a NULL framework: 0");
    CHECK(bsl_framework_warning_id(fw, 4) == NULL && bsl_framework_warning_id(NULL, 0) == NULL,
          "out of range or NULL: no id");
}

/* Warnings: what loads but looks wrong. */
static void test_warnings(void)
{
    bsl_framework *fw = fw2_load("a framework to warn about",
        fw2_make("{'fact': 'hosting', 'remediation': {'fr': 'r', 'en': 'r'}, 'levels': ["
                 "{'value': 'non_eu', 'points': 10, " J_ "}, {'value': 'eu', 'points': 90, " J_ "}, "
                 "{'value': 'france', 'points': 50, " J_ "}]},\n"
                 "      {'fact': 'dpia', 'levels': [{'value': 'missing', 'points': 0, " J_ "}, "
                 "{'value': 'planned', 'points': 50, " J_ "}, {'value': 'done', 'points': 100, " J_ "}]},\n"
                 "      {'fact': 'fria', 'remediation': {'fr': 'r', 'en': 'r'}, "
                 "'applies_if': {'fact': 'social_scoring', 'not_in': [true, false]}, 'levels': ["
                 "{'value': 'missing', 'points': 0, " J_ "}, {'value': 'planned', 'points': 50, " J_ "}, "
                 "{'value': 'done', 'points': 100, " J_ "}]},\n"
                 "      {'fact': 'social_scoring', 'weight': 0, 'levels': [{'value': false, 'points': 100, " J_ "}, "
                 "{'value': true, 'red_line': true, " J_ "}]}"));
    bsl_framework *nantes = NULL;
    CHECK_INT(bsl_framework_warning_count(fw), 4, "four warnings");
    CHECK_CONTAINS(bsl_framework_warning(fw, 0), "$.criteria[0].indicators[0] (hosting): levels not ordered by points: "
                   "\"france\" (50) comes after \"eu\" (90)", "levels that lose points, worst first");
    CHECK_CONTAINS(bsl_framework_warning(fw, 1), "(dpia): can be below its maximum but has no remediation",
                   "no remediation");
    CHECK_CONTAINS(bsl_framework_warning(fw, 2), "(fria): applies_if can never hold", "a condition that never holds");
    CHECK_CONTAINS(bsl_framework_warning(fw, 3), "(social_scoring): a red line without a remediation",
                   "a red line without a remediation");
    CHECK(bsl_framework_warning(fw, 4) == NULL && bsl_framework_warning(NULL, 0) == NULL, "out of range, NULL");
    test_warnings_in_french(fw);
    CHECK_INT(bsl_framework_load_embedded(&nantes, NULL, NULL, NULL), BSL_OK, "embedded Nantes");
    CHECK_INT(bsl_framework_warning_count(nantes), 0, "the shipped calibration has no warning");
    bsl_framework_free(nantes);
    bsl_framework_free(fw);
}

/* ---- use-cases: read, not used, unknown -------------------------------- */

static const char UC_TEMPLATE[] =
    "{\n"
    "  'id': 'u', 'title': 'Cas',\n"
    "  'facts': {@FACTS@}@EXTRA@\n"
    "}\n";

static const char *uc_make(const char *facts, const char *extra)
{
    return dq(subst(subst(UC_TEMPLATE, "@FACTS@", facts), "@EXTRA@", extra ? extra : ""));
}

static void test_not_used_and_unknown(void)
{
    bsl_framework *fw = fw2_load("format-2 framework", fw2_make(HOSTING_));
    bsl_result *r = NULL;
    bsl_error err;
    const char *doc = uc_make("'hosting': 'eu', 'provider_jurisdiction': 'eu', 'social_scorng': false",
                              ",\n  'evidence': {'fria': 'doc 12'}");
    CHECK_INT(bsl_evaluate_json(&r, fw, doc, strlen(doc), NULL, &err), BSL_OK, "use-case evaluates");
    CHECK_INT(bsl_result_not_used_count(r), 2, "two vocabulary keys this framework does not read");
    CHECK_STR(bsl_result_not_used_key(r, 0), "provider_jurisdiction", "not used: a fact");
    CHECK_STR(bsl_result_not_used_path(r, 0), "$.facts.provider_jurisdiction", "its path");
    CHECK_STR(bsl_result_not_used_path(r, 1), "$.evidence.fria", "not used: evidence");
    CHECK_STR(bsl_result_not_used_key(r, 2), NULL, "not used out of range");
    CHECK_INT(bsl_result_unknown_count(r), 1, "one key outside the vocabulary");
    CHECK_STR(bsl_result_unknown_key(r, 0), "social_scorng", "unknown key");
    CHECK_STR(bsl_result_unknown_suggestion(r, 0), "social_scoring",
              "suggested from the vocabulary although the framework does not read it");
    CHECK_STR(bsl_result_vocabulary_id(r), "boussole", "provenance: vocabulary id");
    CHECK_STR(bsl_result_vocabulary_sha256(r), bsl_vocabulary_sha256(bsl_framework_vocabulary(fw)),
              "provenance: vocabulary sha256");
    CHECK_STR(bsl_result_vocabulary_version(r), "1.0.0", "provenance: vocabulary version");
    bsl_result_free(r);

    /* A value means one thing whichever framework reads it. */
    doc = uc_make("'hosting': 'eu', 'provider_jurisdiction': 'mars'", NULL);
    r = (bsl_result *)&r;
    check_error_at("a fact not used is still checked", bsl_evaluate_json(&r, fw, doc, strlen(doc), NULL, &err),
                   &err, BSL_ERR_ENUM, doc, dq("'mars'"), 0, 3, 55, "$.facts.provider_jurisdiction");
    CHECK(r == NULL, "out is NULL");
    CHECK_CONTAINS(err.message, "non_eu, eu, france", "its allowed values");
    doc = uc_make("'fria': 3", NULL);
    check_error_at("type of a fact not used", bsl_evaluate_json(&r, fw, doc, strlen(doc), NULL, &err),
                   &err, BSL_ERR_TYPE, doc, "3}", 0, 3, 21, "$.facts.fria");
    doc = uc_make("'hosting': 'eu'", ",\n  'evidence': {'fria': 3}");
    check_error_at("evidence of a fact not used is a string",
                   bsl_evaluate_json(&r, fw, doc, strlen(doc), NULL, &err),
                   &err, BSL_ERR_TYPE, doc, "3}", 0, 4, 24, "$.evidence.fria");
    bsl_result_free(NULL);
    bsl_framework_free(fw);
}

/* ---- format 1 keeps loading; a copy under another id scores alike ----- */

static bsl_result *evaluate_example(const bsl_framework *fw, size_t i)
{
    char path[512];
    size_t len;
    const char *doc;
    bsl_result *r = NULL;
    bsl_error err;
    snprintf(path, sizeof path, SRCDIR "/examples/usecases/%s.json", EXAMPLES[i]);
    doc = read_file(path, &len);
    if (bsl_evaluate_json(&r, fw, doc, len, NULL, &err))
        printf("# %s: %s at %s\n", EXAMPLES[i], err.message, err.path);
    return r;
}

static void test_format_1_still_loads(void)
{
    bsl_framework *old = NULL;
    bsl_error err;
    size_t i, ok = 0;
    const bsl_fact *f;
    const char *doc;
    bsl_result *r;

    CHECK_INT(bsl_framework_load_file(&old, NANTES_1_0_PATH, NULL, &err), BSL_OK,
              "the format-1 Nantes 1.0.0 file loads");
    CHECK_STR(bsl_framework_version(old), "1.0.0", "its version");
    for (i = 0; i < EXAMPLE_COUNT; i++) {
        r = evaluate_example(old, i);
        ok += r != NULL;
        bsl_result_free(r);
    }
    CHECK_INT(ok, EXAMPLE_COUNT, "it scores every example");
    f = bsl_indicator_fact(bsl_framework_indicator(old, 5));
    CHECK_STR(bsl_fact_key(f), "personal_data", "a format-1 indicator defines its fact");
    CHECK_STR(bsl_fact_value(f, 0), "none", "in its own order");
    CHECK_STR(bsl_fact_help(f, BSL_LANG_FR), NULL, "format 1 has no help text");
    CHECK_STR(bsl_fact_value_label(f, 0, BSL_LANG_FR), NULL, "nor value labels");
    f = bsl_indicator_fact(bsl_framework_indicator(old, 26));
    CHECK_STR(bsl_fact_unit(f, BSL_LANG_EN), "kWh/year", "its own unit");

    doc = uc_make("'provider_jurisdiction': 'eu', 'sensitive_data': ['philosophical_belief']", NULL);
    r = (bsl_result *)&r;
    CHECK_INT(bsl_evaluate_json(&r, old, doc, strlen(doc), NULL, &err), BSL_ERR_ENUM,
              "format 1 reads sensitive_data with its own eight values");
    doc = uc_make("'provider_jurisdiction': 'eu'", NULL);
    CHECK_INT(bsl_evaluate_json(&r, old, doc, strlen(doc), NULL, &err), BSL_OK, "use-case evaluates");
    CHECK_INT(bsl_result_not_used_count(r), 1, "a vocabulary fact format 1 does not read is not used");
    CHECK_INT(bsl_result_unknown_count(r), 0, "and not unknown");
    bsl_result_free(r);
    bsl_framework_free(old);
}

static void test_copy_under_another_id(void)
{
    size_t len, i, same = 0;
    const char *doc = subst(read_file(NANTES_PATH, &len), "\"id\": \"nantes-2024\"", "\"id\": \"rezé-2026\"");
    bsl_framework *nantes = NULL, *copy = NULL;
    doc = subst(doc, "rezé-2026", "reze-2026");
    CHECK_INT(bsl_framework_load_embedded(&nantes, NULL, NULL, NULL), BSL_OK, "embedded Nantes");
    copy = fw2_load("a copy of Nantes under another id", doc);
    CHECK_STR(bsl_framework_id(copy), "reze-2026", "the copy's id");
    for (i = 0; copy && i < EXAMPLE_COUNT; i++) {
        bsl_result *a = evaluate_example(nantes, i), *b = evaluate_example(copy, i);
        same += a && b && bsl_result_verdict(a) == bsl_result_verdict(b) &&
                bsl_result_score(a) == bsl_result_score(b);
        bsl_result_free(a);
        bsl_result_free(b);
    }
    CHECK_INT(same, EXAMPLE_COUNT, "every example (written for nantes-2024) scores alike with the copy");
    bsl_framework_free(copy);
    bsl_framework_free(nantes);
}

/* Nantes 1.1: "intérêt réel" is a necessary condition (REFERENTIEL §6). */
static void test_nantes_necessary_conditions(void)
{
    static const struct { const char *from, *to, *criterion; } cases[] = {
        { "\"service_need\": \"documented\"", "\"service_need\": \"none\"", "C3" },
        { "\"benefit_vs_alternative\": \"better\"", "\"benefit_vs_alternative\": \"worse\"", "C7" },
    };
    bsl_framework *nantes = NULL;
    const char *ex = read_file(SRCDIR "/examples/usecases/signalements-voirie.json", NULL);
    size_t i, k;
    CHECK_INT(bsl_framework_load_embedded(&nantes, NULL, NULL, NULL), BSL_OK, "embedded Nantes");
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *doc = subst(ex, cases[i].from, cases[i].to);
        bsl_result *r = NULL;
        char *text = NULL;
        int found = 0;
        CHECK(strcmp(doc, ex) != 0, "the example holds the value to change");
        CHECK_INT(bsl_evaluate_json(&r, nantes, doc, strlen(doc), NULL, NULL), BSL_OK, cases[i].to);
        CHECK_INT(bsl_result_verdict(r), BSL_VERDICT_UNFAVORABLE, "no real interest: unfavorable");
        for (k = 0; k < bsl_result_criterion_count(r); k++) {
            const bsl_criterion_result *c = bsl_result_criterion(r, k);
            if (!strcmp(bsl_criterion_result_id(c), cases[i].criterion))
                CHECK_INT(bsl_criterion_result_status(c), BSL_CRITERION_NOT_MET,
                          "its criterion is not met, whatever its score");
        }
        for (k = 0; k < bsl_result_reason_count(r); k++)
            found += bsl_reason_kind_of(bsl_result_reason(r, k)) == BSL_REASON_NECESSARY_CONDITION &&
                     !strcmp(bsl_reason_criterion(bsl_result_reason(r, k)), cases[i].criterion);
        CHECK_INT(found, 1, "one necessary-condition reason, for that criterion");
        CHECK_INT(bsl_reason_kind_of(bsl_result_reason(r, 0)), BSL_REASON_NECESSARY_CONDITION,
                  "listed first (no red line here)");
        CHECK_INT(bsl_result_missing_count(r), 0, "neither a missing fact");
        CHECK_INT(bsl_render(&text, NULL, r, BSL_FORMAT_TEXT, BSL_LANG_EN, NULL), BSL_OK, "text report");
        CHECK_CONTAINS(text, "Failed necessary conditions", "the text report has its section");
        bsl_render_free(text);
        bsl_result_free(r);
    }
    bsl_framework_free(nantes);
}

int main(void)
{
    test_embedded();
    test_loader_errors();
    test_format_2();
    test_format_2_errors();
    test_warnings();
    test_not_used_and_unknown();
    test_format_1_still_loads();
    test_copy_under_another_id();
    test_nantes_necessary_conditions();
    tu_cleanup();
    return check_done();
}
