/* Evaluation: a purpose-built framework that uses every indicator type,
 * red lines, weights (and weight-0 gates), required flags, applies_if (in
 * and not_in) and custom thresholds; crafted use-cases for each verdict,
 * exact scores, rules, reasons, remediations and provenance. Then the
 * shipped examples against examples/usecases/EXPECTED.md. */
#include "check.h"
#include "testutil.h"

/* ---- the framework --------------------------------------------------------
 * A "Garde-fous" (weight 1, thresholds 70/40 by default):
 *     gate    boolean  required  weight 0   false 100 | true RED LINE
 *     kind    enum     required  weight 2   none 0 | some 50 | full 100 | forbidden RED LINE
 *     flag    boolean            weight 1   false 0 | true 100
 *     detail  enum     required  applies_if kind in [none, some]: poor 20 | good 100
 * B "Mesures" (weight 3, thresholds met 80, reservations 50):
 *     energy  number   min 0   <10: 100 | <=100: 80 | <1000: 50 | <=1000: 40 | >1000: 0
 *     count   number   weight 0, one open band (informative)
 *     tags    set      x, y, z   empty 30 | non_empty 100
 *     notes   text     present 100 | absent 0
 * C "Options" (weight 1, thresholds met 90, reservations 60):
 *     opt     boolean  false 0 | true 100   (no remediation)
 *     extra   enum     applies_if flag not_in [false]: a 40 | b 100
 * D "Suivi" (weight 1):
 *     review  enum     none 0 | partial 50 | full 100
 * Every indicator but opt has a remediation. */
#define J(fr, en) "{'fr': '" fr "', 'en': '" en "'}"
#define LEVEL(v, pts) "{'value': " v ", 'points': " #pts ", 'justification': " J("N" #pts, "P" #pts) "}"
#define RED(v, fr, en) "{'value': " v ", 'red_line': true, 'justification': " J(fr, en) "}"
#define REM(name) ", 'remediation': " J("Corriger " name ".", "Fix " name ".")

#define DETAIL_INDICATOR                                                                        \
    "{'fact': 'detail', 'type': 'enum', 'required': true, "                                    \
    "'applies_if': {'fact': 'kind', 'in': ['none', 'some']}, 'label': " J("D\\u00e9tail ?", "Detail?") \
    ", 'levels': [" LEVEL("'poor'", 20) ", " LEVEL("'good'", 100) "]" REM("detail") "}"

/* In pieces: C compilers need not support longer string literals. */
static const char *const FRAMEWORK_PARTS[] = {
    "{'format': 'boussole-framework/1', 'id': 'eval-test', 'version': '2.1.0',\n"
    " 'title': " J("R\\u00e9f\\u00e9rentiel de test", "Test framework") ",\n"
    " 'source': " J("Tests", "Tests") ",\n"
    " 'criteria': [\n"
    "  {'id': 'A', 'title': " J("Garde-fous", "Safeguards") ", 'indicators': [\n"
    "    {'fact': 'gate', 'type': 'boolean', 'required': true, 'weight': 0, 'label': " J("Barri\\u00e8re ?", "Gate?")
    ", 'levels': [" LEVEL("false", 100) ", " RED("true", "Ligne rouge : barri\\u00e8re.", "Red line: gate.") "]"
    REM("gate") "},\n"
    "    {'fact': 'kind', 'type': 'enum', 'required': true, 'weight': 2, 'label': " J("Nature ?", "Kind?")
    ", 'levels': [" LEVEL("'none'", 0) ", " LEVEL("'some'", 50) ", " LEVEL("'full'", 100) ", "
    RED("'forbidden'", "Ligne rouge : interdit.", "Red line: forbidden.") "]" REM("kind") "},\n"
    "    {'fact': 'flag', 'type': 'boolean', 'label': " J("Drapeau ?", "Flag?")
    ", 'levels': [" LEVEL("false", 0) ", " LEVEL("true", 100) "]" REM("flag") "},\n"
    "    " DETAIL_INDICATOR "]},\n",
    "  {'id': 'B', 'title': " J("Mesures", "Measures") ", 'weight': 3,"
    " 'thresholds': {'met': 80, 'reservations': 50}, 'indicators': [\n"
    "    {'fact': 'energy', 'type': 'number', 'label': " J("\\u00c9nergie ?", "Energy?")
    ", 'unit': " J("kWh", "kWh") ", 'min': 0, 'bands': [\n"
    "      {'below': 10, 'points': 100, 'justification': " J("Tr\\u00e8s faible.", "Very low.") "},\n"
    "      {'up_to': 100, 'points': 80, 'justification': " J("Faible.", "Low.") "},\n"
    "      {'below': 1000, 'points': 50, 'justification': " J("Moyenne.", "Medium.") "},\n"
    "      {'up_to': 1000, 'points': 40, 'justification': " J("Mille.", "One thousand.") "},\n"
    "      {'points': 0, 'justification': " J("Forte.", "High.") "}]" REM("energy") "},\n"
    "    {'fact': 'count', 'type': 'number', 'weight': 0, 'label': " J("Nombre ?", "Count?")
    ", 'bands': [{'points': 100, 'justification': " J("Information.", "For information.") "}]},\n"
    "    {'fact': 'tags', 'type': 'set', 'label': " J("\\u00c9tiquettes ?", "Tags?")
    ", 'values': ['x', 'y', 'z'], 'empty': {'points': 30, 'justification': " J("Aucune.", "None.") "},"
    " 'non_empty': {'points': 100, 'justification': " J("Au moins une.", "At least one.") "}" REM("tags") "},\n"
    "    {'fact': 'notes', 'type': 'text', 'label': " J("Notes ?", "Notes?")
    ", 'present': {'points': 100, 'justification': " J("Notes fournies.", "Notes given.") "},"
    " 'absent': {'points': 0, 'justification': " J("Notes vides.", "Empty notes.") "}" REM("notes") "}]},\n",
    "  {'id': 'C', 'title': " J("Options", "Options") ", 'thresholds': {'met': 90, 'reservations': 60},"
    " 'indicators': [\n"
    "    {'fact': 'opt', 'type': 'boolean', 'label': " J("Option ?", "Option?")
    ", 'levels': [" LEVEL("false", 0) ", " LEVEL("true", 100) "]},\n"
    "    {'fact': 'extra', 'type': 'enum', 'applies_if': {'fact': 'flag', 'not_in': [false]}, 'label': "
    J("Extra ?", "Extra?") ", 'levels': [" LEVEL("'a'", 40) ", " LEVEL("'b'", 100) "]" REM("extra") "}]},\n"
    "  {'id': 'D', 'title': " J("Suivi", "Follow-up") ", 'indicators': [\n"
    "    {'fact': 'review', 'type': 'enum', 'label': " J("Revue ?", "Review?")
    ", 'levels': [" LEVEL("'none'", 0) ", " LEVEL("'partial'", 50) ", " LEVEL("'full'", 100) "]"
    REM("review") "}]}\n"
    " ]}\n",
};

/* The framework as one single-quoted string. */
static const char *framework_sq(void)
{
    size_t i, n = 0;
    char *s;
    for (i = 0; i < sizeof FRAMEWORK_PARTS / sizeof *FRAMEWORK_PARTS; i++)
        n += strlen(FRAMEWORK_PARTS[i]);
    s = tu_keep(malloc(n + 1));
    s[0] = '\0';
    for (i = 0; i < sizeof FRAMEWORK_PARTS / sizeof *FRAMEWORK_PARTS; i++)
        strcat(s, FRAMEWORK_PARTS[i]);
    return s;
}

/* Facts that make every criterion met at 100 (detail is not applicable). */
#define BASE_GATE "'gate': false"
#define BASE_A "'gate': false, 'kind': 'full', 'flag': true"
#define BASE_B "'energy': 5, 'count': 7, 'tags': ['x'], 'notes': 'Rapport'"
#define BASE_C "'opt': true, 'extra': 'b'"
#define BASE_D "'review': 'full'"

static bsl_framework *fw;

/* Evaluate a use-case with the given facts (and evidence, may be NULL)
 * against framework f. */
static bsl_result *eval_on(bsl_framework *f, const char *facts, const char *evidence)
{
    const char *doc = dq(subst(subst("{'id': 'cas', 'title': 'Cas de test', 'facts': {@F@}@E@}", "@F@", facts),
                               "@E@", evidence ? subst(", 'evidence': {@}", "@", evidence) : ""));
    bsl_result *r = NULL;
    bsl_error err;
    int rc = bsl_evaluate_json(&r, f, doc, strlen(doc), NULL, &err);
    if (rc != BSL_OK) {
        printf("# evaluation failed: %s at %s (%s)\n", err.message, err.path, doc);
        printf("Bail out! cannot evaluate a test use-case\n");
        exit(1);
    }
    return r;
}

static bsl_result *eval(const char *facts) { return eval_on(fw, facts, NULL); }

static const char *join4(const char *a, const char *b, const char *c, const char *d)
{
    return subst(subst(subst(subst("@1, @2, @3, @4", "@1", a), "@2", b), "@3", c), "@4", d);
}

static const bsl_outcome *outcome_of(const bsl_result *r, const char *fact)
{
    size_t c, k;
    for (c = 0; c < bsl_result_criterion_count(r); c++) {
        const bsl_criterion_result *cr = bsl_result_criterion(r, c);
        for (k = 0; k < bsl_criterion_result_outcome_count(cr); k++)
            if (!strcmp(bsl_outcome_fact(bsl_criterion_result_outcome(cr, k)), fact))
                return bsl_criterion_result_outcome(cr, k);
    }
    printf("# test bug: no outcome for %s\n", fact);
    return NULL;
}

static void check_criterion(const char *what, const bsl_result *r, size_t i, const char *id,
                            double score, bsl_criterion_status status)
{
    const bsl_criterion_result *c = bsl_result_criterion(r, i);
    char label[200];
    snprintf(label, sizeof label, "%s: criterion %zu id", what, i);
    CHECK_STR(bsl_criterion_result_id(c), id, label);
    snprintf(label, sizeof label, "%s: %s score", what, id);
    CHECK_NUM(bsl_criterion_result_score(c), score, label);
    snprintf(label, sizeof label, "%s: %s status", what, id);
    CHECK_STR(bsl_criterion_status_token(bsl_criterion_result_status(c)), bsl_criterion_status_token(status),
              label);
}

/* Verdict, global score and the four criteria. */
static void check_result(const char *what, const bsl_result *r, bsl_verdict verdict, double score,
                         double a, bsl_criterion_status sa, double b, bsl_criterion_status sb,
                         double c, bsl_criterion_status sc, double d, bsl_criterion_status sd)
{
    char label[200];
    snprintf(label, sizeof label, "%s: verdict", what);
    CHECK_STR(bsl_verdict_token(bsl_result_verdict(r)), bsl_verdict_token(verdict), label);
    snprintf(label, sizeof label, "%s: global score", what);
    CHECK_NUM(bsl_result_score(r), score, label);
    check_criterion(what, r, 0, "A", a, sa);
    check_criterion(what, r, 1, "B", b, sb);
    check_criterion(what, r, 2, "C", c, sc);
    check_criterion(what, r, 3, "D", d, sd);
}

/* One outcome: rule, points, value and the flags. */
static void check_outcome(const char *what, const bsl_result *r, const char *fact, const char *rule,
                          double points, const char *value, int missing, int not_applicable, int red_line)
{
    const bsl_outcome *o = outcome_of(r, fact);
    char label[200];
    snprintf(label, sizeof label, "%s: %s rule", what, fact);
    CHECK_STR(bsl_outcome_rule(o), rule, label);
    snprintf(label, sizeof label, "%s: %s points", what, fact);
    CHECK_NUM(bsl_outcome_points(o), points, label);
    snprintf(label, sizeof label, "%s: %s value", what, fact);
    CHECK_STR(bsl_outcome_value(o), value, label);
    snprintf(label, sizeof label, "%s: %s missing", what, fact);
    CHECK_INT(bsl_outcome_missing(o), missing, label);
    snprintf(label, sizeof label, "%s: %s not applicable", what, fact);
    CHECK_INT(bsl_outcome_not_applicable(o), not_applicable, label);
    snprintf(label, sizeof label, "%s: %s red line", what, fact);
    CHECK_INT(bsl_outcome_red_line(o), red_line, label);
}

/* Reasons as "kind:criterion:fact" items separated by spaces ("-" for no fact). */
static void check_reasons(const char *what, const bsl_result *r, const char *want)
{
    char got[1024] = "", label[200];
    size_t i;
    for (i = 0; i < bsl_result_reason_count(r); i++) {
        const bsl_reason *reason = bsl_result_reason(r, i);
        const char *fact = bsl_reason_fact(reason);
        size_t n = strlen(got);
        snprintf(got + n, sizeof got - n, "%s%s:%s:%s", i ? " " : "",
                 bsl_reason_kind_token(bsl_reason_kind_of(reason)), bsl_reason_criterion(reason),
                 fact ? fact : "-");
    }
    snprintf(label, sizeof label, "%s: reasons", what);
    CHECK_STR(got, want, label);
}

/* Missing required facts, space-separated. */
static void check_missing(const char *what, const bsl_result *r, const char *want)
{
    char got[512] = "", label[200];
    size_t i;
    for (i = 0; i < bsl_result_missing_count(r); i++) {
        size_t n = strlen(got);
        snprintf(got + n, sizeof got - n, "%s%s", i ? " " : "", bsl_result_missing(r, i));
    }
    snprintf(label, sizeof label, "%s: missing facts", what);
    CHECK_STR(got, want, label);
}

/* Remediations as "criterion:fact", space-separated; each must have a
 * remediation sentence in both languages. */
static void check_remediations(const char *what, const bsl_result *r, const char *want)
{
    char got[512] = "", label[200];
    size_t i;
    int all_texts = 1;
    for (i = 0; i < bsl_result_remediation_count(r); i++) {
        const bsl_outcome *o = bsl_result_remediation(r, i);
        size_t n = strlen(got);
        snprintf(got + n, sizeof got - n, "%s%s:%s", i ? " " : "", bsl_outcome_criterion(o),
                 bsl_outcome_fact(o));
        all_texts &= bsl_outcome_remediation(o, BSL_LANG_FR) != NULL &&
                     bsl_outcome_remediation(o, BSL_LANG_EN) != NULL;
    }
    snprintf(label, sizeof label, "%s: remediations", what);
    CHECK_STR(got, want, label);
    snprintf(label, sizeof label, "%s: every remediation has its sentences", what);
    CHECK(all_texts, label);
}

/* The result rendered (kept until tu_cleanup). */
static const char *render(const bsl_result *r, bsl_format format, bsl_lang lang)
{
    char *out = NULL, *copy;
    size_t len = 0;
    if (bsl_render(&out, &len, r, format, lang, NULL) != BSL_OK) {
        printf("Bail out! cannot render a result\n");
        exit(1);
    }
    copy = tu_keep(malloc(len + 1));
    memcpy(copy, out, len + 1);
    bsl_render_free(out);
    return copy;
}

/* ------------------------------------------------------------------------ */

static void test_favorable(void)
{
    bsl_result *r = eval(join4(BASE_A, BASE_B, BASE_C, BASE_D));
    const bsl_outcome *o;
    check_result("favorable", r, BSL_VERDICT_FAVORABLE, 100, 100, BSL_CRITERION_MET, 100, BSL_CRITERION_MET,
                 100, BSL_CRITERION_MET, 100, BSL_CRITERION_MET);
    check_reasons("favorable", r, "met:A:- met:B:- met:C:- met:D:-");
    check_missing("favorable", r, "");
    check_remediations("favorable", r, "");
    CHECK_INT(bsl_result_unknown_count(r), 0, "favorable: no unknown key");
    CHECK_STR(bsl_result_usecase_id(r), "cas", "use-case id");
    CHECK_STR(bsl_result_usecase_title(r), "Cas de test", "use-case title");

    /* Required, but its applies_if is false: not missing, not scored. */
    check_outcome("favorable", r, "detail", "not_applicable", 0, NULL, 0, 1, 0);
    o = outcome_of(r, "detail");
    CHECK_INT(bsl_outcome_required(o), 1, "detail is required");
    CHECK_STR(bsl_outcome_justification(o, BSL_LANG_FR), NULL, "not applicable: no justification");
    CHECK_STR(bsl_outcome_remediation(o, BSL_LANG_FR), NULL, "not applicable: no remediation");

    /* Gates and informative figures: weight 0, and points and maximum as
     * for any indicator (the weight says how much they count: nothing). */
    check_outcome("favorable", r, "gate", "level:false", 100, "false", 0, 0, 0);
    o = outcome_of(r, "gate");
    CHECK_NUM(bsl_outcome_weight(o), 0, "gate weight 0");
    CHECK_NUM(bsl_outcome_maximum(o), 100, "gate maximum: its best points, whatever its weight");
    CHECK_INT(bsl_outcome_required(o), 1, "gate is required");
    CHECK_STR(bsl_outcome_justification(o, BSL_LANG_FR), "N100", "gate justification fr");
    CHECK_STR(bsl_outcome_justification(o, BSL_LANG_EN), "P100", "gate justification en");
    CHECK_STR(bsl_outcome_justification(o, (bsl_lang)2), NULL, "justification in an unknown language");
    CHECK_STR(bsl_outcome_label(o, BSL_LANG_FR), "Barri\xc3\xa8re ?", "gate label fr");
    CHECK_STR(bsl_outcome_label(o, BSL_LANG_EN), "Gate?", "gate label en");
    CHECK_STR(bsl_outcome_criterion(o), "A", "gate criterion");
    check_outcome("favorable", r, "count", "band:any", 100, "7", 0, 0, 0);
    CHECK_NUM(bsl_outcome_weight(outcome_of(r, "count")), 0, "count weight 0");
    CHECK_NUM(bsl_outcome_maximum(outcome_of(r, "count")), 100, "count maximum 100, weight 0");
    {
        const char *json = render(r, BSL_FORMAT_JSON_COMPACT, BSL_LANG_EN);
        CHECK_CONTAINS(json, "\"fact\":\"gate\",\"label\":\"Gate?\",\"value\":false,\"points\":100,"
                       "\"maximum\":100,\"weight\":0,", "gate: JSON points 100 of maximum 100, weight 0");
    }

    check_outcome("favorable", r, "kind", "level:full", 100, "\"full\"", 0, 0, 0);
    o = outcome_of(r, "kind");
    CHECK_NUM(bsl_outcome_weight(o), 2, "kind weight 2");
    CHECK_NUM(bsl_outcome_maximum(o), 100, "kind maximum 100 (the red line does not count)");
    CHECK_INT(bsl_outcome_required(o), 1, "kind is required");
    CHECK_STR(bsl_outcome_remediation(o, BSL_LANG_FR), NULL, "at its maximum: no remediation");
    check_outcome("favorable", r, "flag", "level:true", 100, "true", 0, 0, 0);
    CHECK_INT(bsl_outcome_required(outcome_of(r, "flag")), 0, "flag is optional");
    check_outcome("favorable", r, "energy", "band:<10", 100, "5", 0, 0, 0);
    CHECK_NUM(bsl_outcome_weight(outcome_of(r, "energy")), 1, "energy weight defaults to 1");
    check_outcome("favorable", r, "tags", "set:non_empty", 100, "[\"x\"]", 0, 0, 0);
    check_outcome("favorable", r, "notes", "text:present", 100, "\"Rapport\"", 0, 0, 0);
    check_outcome("favorable", r, "extra", "level:b", 100, "\"b\"", 0, 0, 0);

    {
        const bsl_criterion_result *b = bsl_result_criterion(r, 1);
        CHECK_NUM(bsl_criterion_result_weight(bsl_result_criterion(r, 0)), 1, "A weight defaults to 1");
        CHECK_NUM(bsl_criterion_result_weight(b), 3, "B weight 3");
        CHECK_NUM(bsl_criterion_result_met_threshold(bsl_result_criterion(r, 0)), 70, "A met threshold (default)");
        CHECK_NUM(bsl_criterion_result_reservations_threshold(bsl_result_criterion(r, 0)), 40,
                  "A reservations threshold (default)");
        CHECK_NUM(bsl_criterion_result_met_threshold(b), 80, "B met threshold");
        CHECK_NUM(bsl_criterion_result_reservations_threshold(b), 50, "B reservations threshold");
        CHECK_NUM(bsl_criterion_result_met_threshold(bsl_result_criterion(r, 2)), 90, "C met threshold");
        CHECK_INT(bsl_criterion_result_outcome_count(b), 4, "B has 4 outcomes");
        CHECK_STR(bsl_criterion_result_title(b, BSL_LANG_FR), "Mesures", "B title fr");
        CHECK_STR(bsl_criterion_result_title(b, BSL_LANG_EN), "Measures", "B title en");
        CHECK(bsl_criterion_result_outcome(b, 4) == NULL, "outcome out of range");
        CHECK(bsl_result_criterion(r, 4) == NULL, "criterion out of range");
    }

    /* Reason sentences. */
    CHECK_STR(bsl_reason_text(bsl_result_reason(r, 0), BSL_LANG_FR),
              "A \xc2\xab\xc2\xa0Garde-fous\xc2\xa0\xc2\xbb\xc2\xa0: note \xc3\xa9gale ou sup\xc3\xa9rieure au seuil "
              "de validation (70), crit\xc3\xa8re rempli.",
              "met reason, French");
    CHECK_STR(bsl_reason_text(bsl_result_reason(r, 1), BSL_LANG_EN),
              "B \"Measures\": met threshold (80) reached.", "met reason, English, custom threshold");
    CHECK_STR(bsl_reason_fact(bsl_result_reason(r, 0)), NULL, "criterion reasons have no fact");
    CHECK(bsl_result_reason(r, 4) == NULL, "reason out of range");
    bsl_result_free(r);
}

static void test_weighting_and_not_applicable(void)
{
    /* kind full (100, weight 2) and flag false (0, weight 1): 200/3 = 66.7.
     * detail and extra are answered but not applicable: left out. D partial. */
    const char *facts = join4("'gate': false, 'kind': 'full', 'flag': false, 'detail': 'poor'", BASE_B,
                              "'opt': true, 'extra': 'a'", "'review': 'partial'");
    bsl_result *r = eval(facts), *r2, *r3;
    bsl_framework *without = NULL;
    bsl_error err;
    const char *doc;

    check_result("2:1 weighting", r, BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS, 86.1,
                 66.7, BSL_CRITERION_RESERVATIONS, 100, BSL_CRITERION_MET, 100, BSL_CRITERION_MET,
                 50, BSL_CRITERION_RESERVATIONS);
    check_outcome("2:1 weighting", r, "detail", "not_applicable", 0, "\"poor\"", 0, 1, 0);
    check_outcome("2:1 weighting", r, "extra", "not_applicable", 0, "\"a\"", 0, 1, 0);
    check_outcome("2:1 weighting", r, "flag", "level:false", 0, "false", 0, 0, 0);
    CHECK_STR(bsl_outcome_remediation(outcome_of(r, "flag"), BSL_LANG_FR), "Corriger flag.",
              "flag below its maximum: remediation fr");
    CHECK_STR(bsl_outcome_remediation(outcome_of(r, "flag"), BSL_LANG_EN), "Fix flag.",
              "flag below its maximum: remediation en");
    check_reasons("2:1 weighting", r, "reservation:A:- reservation:D:- met:B:- met:C:-");
    CHECK_STR(bsl_reason_text(bsl_result_reason(r, 0), BSL_LANG_EN),
              "A \"Safeguards\": at least the reservations threshold (40) but below the met threshold (70).",
              "reservation reason, English");
    CHECK_STR(bsl_reason_text(bsl_result_reason(r, 0), BSL_LANG_FR),
              "A \xc2\xab\xc2\xa0Garde-fous\xc2\xa0\xc2\xbb\xc2\xa0: note \xc3\xa9gale ou sup\xc3\xa9rieure au seuil "
              "de r\xc3\xa9serve (40) et inf\xc3\xa9rieure au seuil de validation (70).",
              "reservation reason, French");
    check_remediations("2:1 weighting", r, "A:flag D:review");
    check_missing("2:1 weighting", r, "");

    /* The same without the answers that do not apply: same scores. */
    r2 = eval(join4("'gate': false, 'kind': 'full', 'flag': false", BASE_B, "'opt': true", "'review': 'partial'"));
    CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r2, 0)), 66.7,
              "not-applicable answer leaves A untouched");
    CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r2, 2)), 100,
              "not-applicable answer leaves C untouched");
    CHECK_NUM(bsl_result_score(r2), 86.1, "same global score");

    /* And against the framework without the detail indicator at all. */
    doc = dq(subst(framework_sq(), "    " DETAIL_INDICATOR "]},\n", "    {'fact': 'other', 'type': 'text', "
                   "'label': {'fr': 'O', 'en': 'O'}, 'present': {'points': 1, 'justification': {'fr': 'O', 'en': 'O'}},"
                   " 'absent': {'points': 1, 'justification': {'fr': 'O', 'en': 'O'}}}]},\n"));
    CHECK_INT(bsl_framework_load(&without, doc, strlen(doc), NULL, &err), BSL_OK,
              "framework without detail loads");
    if (without) {
        r3 = eval_on(without, join4("'gate': false, 'kind': 'full', 'flag': false", BASE_B, "'opt': true",
                                    "'review': 'partial'"),
                     NULL);
        CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r3, 0)), 66.7,
                  "same A score as a framework without the indicator");
        CHECK_STR(bsl_outcome_rule(bsl_criterion_result_outcome(bsl_result_criterion(r3, 0), 3)), "missing",
                  "the replacement indicator is unanswered");
        bsl_result_free(r3);
    }
    bsl_framework_free(without);
    bsl_result_free(r2);
    bsl_result_free(r);
}

static void test_not_assessed(void)
{
    /* C: opt unanswered, extra applicable (flag true) and unanswered. */
    bsl_result *r = eval(join4(BASE_A, BASE_B, "'opt': null", BASE_D));
    check_result("not assessed", r, BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS, 100,
                 100, BSL_CRITERION_MET, 100, BSL_CRITERION_MET, 0, BSL_CRITERION_NOT_ASSESSED,
                 100, BSL_CRITERION_MET);
    check_outcome("not assessed", r, "opt", "missing", 0, NULL, 1, 0, 0);
    check_outcome("not assessed", r, "extra", "missing", 0, NULL, 1, 0, 0);
    check_reasons("not assessed", r, "not_assessed:C:- met:A:- met:B:- met:D:-");
    CHECK_INT(bsl_criterion_result_assessed(bsl_result_criterion(r, 2)), 0, "C has no score");
    CHECK_INT(bsl_criterion_result_assessed(bsl_result_criterion(r, 0)), 1, "A has a score");
    CHECK_INT(bsl_criterion_result_assessed(NULL), 0, "bsl_criterion_result_assessed(NULL)");
    {
        /* No score and no points are written as null, never as 0. */
        const char *json = render(r, BSL_FORMAT_JSON_COMPACT, BSL_LANG_EN);
        const char *text = render(r, BSL_FORMAT_TEXT, BSL_LANG_FR);
        CHECK(!strncmp(json, "{\"format\":\"boussole-result/2\",", 30), "JSON format boussole-result/2");
        CHECK_CONTAINS(json, "\"id\":\"C\",\"title\":\"Options\",\"weight\":1,\"score\":null,"
                       "\"status\":\"not_assessed\"", "not assessed: JSON score null");
        CHECK_CONTAINS(json, "\"id\":\"A\",\"title\":\"Safeguards\",\"weight\":1,\"score\":100.0,",
                       "assessed: JSON score");
        CHECK_CONTAINS(json, "\"fact\":\"opt\",\"label\":\"Option?\",\"value\":null,\"points\":null,",
                       "missing: JSON points null");
        CHECK_CONTAINS(json, "\"fact\":\"detail\",\"label\":\"Detail?\",\"value\":null,\"points\":null,",
                       "not applicable: JSON points null");
        CHECK_CONTAINS(text, "\n  C    \xe2\x80\x94      non \xc3\xa9valu\xc3\xa9        Options\n",
                       "not assessed: a dash in the text report");
        CHECK(!strstr(text, "  C    0,0"), "not assessed: no 0,0 in the text report");
    }
    CHECK_STR(bsl_reason_text(bsl_result_reason(r, 0), BSL_LANG_EN),
              "C \"Options\": not assessed, no weighted indicator is answered.", "not assessed reason, English");
    /* opt has no remediation sentence of its own: unanswered, it is still
     * asked for, like extra. */
    check_remediations("not assessed", r, "C:opt C:extra");
    CHECK_STR(bsl_outcome_remediation(outcome_of(r, "opt"), BSL_LANG_FR),
              "R\xc3\xa9pondre \xc3\xa0 la question\xc2\xa0: Option ? (valeurs admises\xc2\xa0: true, false).",
              "unanswered boolean: the question and its values, French");
    CHECK_STR(bsl_outcome_remediation(outcome_of(r, "extra"), BSL_LANG_EN),
              "Answer the question: Extra? (allowed values: a, b).",
              "unanswered enum: the question, not the indicator's own remediation");
    check_missing("not assessed", r, "");
    bsl_result_free(r);
}

static void test_unanswered_optional(void)
{
    /* energy 50 (80 points), notes present (100), tags unanswered: 90.0, not
     * (80 + 0 + 100) / 3. */
    bsl_result *r = eval(join4(BASE_A, "'energy': 50, 'notes': 'x'", BASE_C, BASE_D)), *r2;
    check_result("optional unanswered", r, BSL_VERDICT_FAVORABLE, 95,
                 100, BSL_CRITERION_MET, 90, BSL_CRITERION_MET, 100, BSL_CRITERION_MET,
                 100, BSL_CRITERION_MET);
    check_outcome("optional unanswered", r, "tags", "missing", 0, NULL, 1, 0, 0);
    check_outcome("optional unanswered", r, "count", "missing", 0, NULL, 1, 0, 0);
    check_missing("optional unanswered", r, "");
    /* energy is answered below its maximum: its own remediation; count and
     * tags are unanswered: asked for. */
    check_remediations("optional unanswered", r, "B:energy B:count B:tags");
    CHECK_STR(bsl_outcome_remediation(outcome_of(r, "energy"), BSL_LANG_EN), "Fix energy.",
              "answered below its maximum: its own remediation");
    CHECK_STR(bsl_outcome_remediation(outcome_of(r, "tags"), BSL_LANG_EN),
              "Answer the question: Tags? (allowed values: x, y, z).", "unanswered set: its values");
    CHECK_STR(bsl_outcome_remediation(outcome_of(r, "count"), BSL_LANG_EN),
              "Answer the question: Count? (allowed values: a number).", "unanswered number without unit or bounds");

    /* The empty set is an answer: 30 points. (80 + 30 + 100) / 3 = 70. */
    r2 = eval(join4(BASE_A, "'energy': 50, 'notes': 'x', 'tags': []", BASE_C, BASE_D));
    check_result("empty set", r2, BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS, 85,
                 100, BSL_CRITERION_MET, 70, BSL_CRITERION_RESERVATIONS, 100, BSL_CRITERION_MET,
                 100, BSL_CRITERION_MET);
    check_outcome("empty set", r2, "tags", "set:empty", 30, "[]", 0, 0, 0);
    bsl_result_free(r2);
    bsl_result_free(r);
}

static void test_unfavorable_and_incomplete(void)
{
    const char *bad_b = "'energy': 1000.5, 'count': 0, 'tags': [], 'notes': ' \\t\\n '";
    bsl_result *r = eval(join4(BASE_A, bad_b, BASE_C, BASE_D)), *r2, *r3;

    /* B = (0 + 30 + 0) / 3 = 10; global (100 + 3 * 10 + 100 + 100) / 6 = 55. */
    check_result("unfavorable", r, BSL_VERDICT_UNFAVORABLE, 55,
                 100, BSL_CRITERION_MET, 10, BSL_CRITERION_NOT_MET, 100, BSL_CRITERION_MET,
                 100, BSL_CRITERION_MET);
    check_outcome("unfavorable", r, "energy", "band:>1000", 0, "1000.5", 0, 0, 0);
    check_outcome("unfavorable", r, "notes", "text:absent", 0, "\" \\t\\n \"", 0, 0, 0);
    CHECK_STR(bsl_outcome_justification(outcome_of(r, "notes"), BSL_LANG_EN), "Empty notes.",
              "blank text: the absent justification");
    check_reasons("unfavorable", r, "not_met:B:- met:A:- met:C:- met:D:-");
    CHECK_STR(bsl_reason_text(bsl_result_reason(r, 0), BSL_LANG_FR),
              "B \xc2\xab\xc2\xa0Mesures\xc2\xa0\xc2\xbb\xc2\xa0: note inf\xc3\xa9rieure au seuil de r\xc3\xa9serve (50), "
              "crit\xc3\xa8re non atteint.",
              "not met reason, French");
    check_remediations("unfavorable", r, "B:energy B:tags B:notes");

    /* Incomplete wins over unfavorable. kind is missing, so detail (whose
     * condition reads kind) applies and is missing too. A = flag only: it
     * scores 100 but two of its required facts are unanswered, so it is
     * incomplete, never met, and has no criterion-level reason. */
    r2 = eval(join4("'gate': false, 'flag': true", bad_b, BASE_C, BASE_D));
    check_result("incomplete", r2, BSL_VERDICT_INCOMPLETE, 55,
                 100, BSL_CRITERION_INCOMPLETE, 10, BSL_CRITERION_NOT_MET, 100, BSL_CRITERION_MET,
                 100, BSL_CRITERION_MET);
    check_outcome("incomplete", r2, "kind", "missing", 0, NULL, 1, 0, 0);
    check_outcome("incomplete", r2, "detail", "missing", 0, NULL, 1, 0, 0);
    check_missing("incomplete", r2, "kind detail");
    CHECK_STR(bsl_result_missing(r2, 2), NULL, "missing out of range");
    check_reasons("incomplete", r2, "missing:A:kind missing:A:detail not_met:B:- met:C:- met:D:-");
    CHECK_INT(bsl_criterion_result_assessed(bsl_result_criterion(r2, 0)), 1, "incomplete A keeps its score");
    CHECK_STR(bsl_outcome_remediation(outcome_of(r2, "kind"), BSL_LANG_EN),
              "Answer the question: Kind? (allowed values: none, some, full, forbidden).",
              "missing enum: the question, not the remediation of a bad answer");
    CHECK_STR(bsl_reason_text(bsl_result_reason(r2, 0), BSL_LANG_FR),
              "A, kind\xc2\xa0: fait requis non renseign\xc3\xa9 (Nature ?).", "missing reason, French");
    CHECK_STR(bsl_reason_text(bsl_result_reason(r2, 1), BSL_LANG_EN),
              "A, detail: required fact not answered (Detail?).", "missing reason, English");
    check_remediations("incomplete", r2, "A:kind A:detail B:energy B:tags B:notes");

    /* The condition's fact missing: detail applies and is scored. */
    r3 = eval(join4("'gate': false, 'flag': true, 'detail': 'poor'", BASE_B, BASE_C, BASE_D));
    check_result("condition fact missing", r3, BSL_VERDICT_INCOMPLETE, 93.3,
                 60, BSL_CRITERION_INCOMPLETE, 100, BSL_CRITERION_MET, 100, BSL_CRITERION_MET,
                 100, BSL_CRITERION_MET);
    check_outcome("condition fact missing", r3, "detail", "level:poor", 20, "\"poor\"", 0, 0, 0);
    check_missing("condition fact missing", r3, "kind");
    bsl_result_free(r3);
    bsl_result_free(r2);
    bsl_result_free(r);
}

static void test_red_lines(void)
{
    /* gate fires with kind (and so detail) missing: red_line wins over
     * incomplete. B not met, C not assessed, D reservations. */
    bsl_result *r = eval(join4("'gate': true, 'flag': true", "'energy': 2000, 'tags': [], 'notes': ''",
                               "'opt': null", "'review': 'partial'")),
               *r2;
    const bsl_outcome *o;
    check_result("red line", r, BSL_VERDICT_RED_LINE, 36,
                 100, BSL_CRITERION_RED_LINE, 10, BSL_CRITERION_NOT_MET, 0, BSL_CRITERION_NOT_ASSESSED,
                 50, BSL_CRITERION_RESERVATIONS);
    check_outcome("red line", r, "gate", "level:true", 0, "true", 0, 0, 1);
    o = outcome_of(r, "gate");
    CHECK_STR(bsl_outcome_justification(o, BSL_LANG_FR), "Ligne rouge : barri\xc3\xa8re.",
              "red line justification");
    CHECK_STR(bsl_outcome_remediation(o, BSL_LANG_EN), "Fix gate.", "a red line is remediated, even a gate");
    check_outcome("red line", r, "notes", "text:absent", 0, "\"\"", 0, 0, 0);
    check_missing("red line", r, "kind detail");
    check_reasons("red line", r,
                  "red_line:A:gate missing:A:kind missing:A:detail not_met:B:- not_assessed:C:- reservation:D:-");
    CHECK_STR(bsl_reason_text(bsl_result_reason(r, 0), BSL_LANG_FR), "Ligne rouge : barri\xc3\xa8re.",
              "red line reason: the justification, French");
    CHECK_STR(bsl_reason_text(bsl_result_reason(r, 0), BSL_LANG_EN), "Red line: gate.",
              "red line reason: the justification, English");
    CHECK_STR(bsl_reason_text(bsl_result_reason(r, 0), (bsl_lang)2), NULL, "reason in an unknown language");
    check_remediations("red line", r, "A:gate A:kind A:detail B:energy B:count B:tags B:notes C:opt C:extra D:review");

    /* A weighted red line counts 0 points in the mean: (0 * 2 + 100) / 3. */
    r2 = eval(join4("'gate': false, 'kind': 'forbidden', 'flag': true", BASE_B, BASE_C, BASE_D));
    check_result("weighted red line", r2, BSL_VERDICT_RED_LINE, 88.9,
                 33.3, BSL_CRITERION_RED_LINE, 100, BSL_CRITERION_MET, 100, BSL_CRITERION_MET,
                 100, BSL_CRITERION_MET);
    check_outcome("weighted red line", r2, "kind", "level:forbidden", 0, "\"forbidden\"", 0, 0, 1);
    CHECK_NUM(bsl_outcome_maximum(outcome_of(r2, "kind")), 100, "red line: maximum still 100");
    /* forbidden is neither none nor some: detail does not apply. */
    check_outcome("weighted red line", r2, "detail", "not_applicable", 0, NULL, 0, 1, 0);
    check_reasons("weighted red line", r2, "red_line:A:kind met:B:- met:C:- met:D:-");
    check_remediations("weighted red line", r2, "A:kind");
    bsl_result_free(r2);
    bsl_result_free(r);
}

static void test_unanswered_gates(void)
{
    /* A draft: the red-line gate and most required facts unanswered. The
     * gate's remediation (written for a red line that fired) is not shown:
     * the question is, with its values; A and C are incomplete, not met. */
    bsl_result *r = eval(join4("'flag': true", "'notes': 'x'", "'opt': true", BASE_D));
    const bsl_outcome *gate = outcome_of(r, "gate");
    check_result("draft", r, BSL_VERDICT_INCOMPLETE, 100,
                 100, BSL_CRITERION_INCOMPLETE, 100, BSL_CRITERION_MET, 100, BSL_CRITERION_MET,
                 100, BSL_CRITERION_MET);
    CHECK_STR(bsl_outcome_remediation(gate, BSL_LANG_EN), "Answer the question: Gate? (allowed values: true, false).",
              "unanswered gate: asked for, not its red line's remediation");
    CHECK_STR(bsl_outcome_remediation(gate, BSL_LANG_FR),
              "R\xc3\xa9pondre \xc3\xa0 la question\xc2\xa0: Barri\xc3\xa8re ? (valeurs admises\xc2\xa0: true, false).",
              "unanswered gate, French");
    CHECK_STR(bsl_outcome_remediation(outcome_of(r, "energy"), BSL_LANG_FR),
              "R\xc3\xa9pondre \xc3\xa0 la question\xc2\xa0: \xc3\x89nergie ? (valeurs admises\xc2\xa0: "
              "un nombre en kWh, au moins 0).", "unanswered number: unit and bound, French");
    CHECK_STR(bsl_outcome_remediation(outcome_of(r, "energy"), BSL_LANG_EN),
              "Answer the question: Energy? (allowed values: a number in kWh, at least 0).",
              "unanswered number: unit and bound, English");
    check_missing("draft", r, "gate kind detail");
    check_reasons("draft", r, "missing:A:gate missing:A:kind missing:A:detail met:B:- met:C:- met:D:-");
    check_remediations("draft", r, "A:gate A:kind A:detail B:energy B:count B:tags C:extra");
    {
        const char *text = render(r, BSL_FORMAT_TEXT, BSL_LANG_EN);
        CHECK(!strstr(text, "Fix gate."), "draft: no red-line remediation in the report");
        CHECK_CONTAINS(text, "\n  A    100.0  incomplete        Safeguards\n", "draft: A incomplete in the report");
    }
    bsl_result_free(r);

    r = eval(join4(BASE_A, "'energy': 5, 'tags': ['x']", BASE_C, BASE_D));
    CHECK_STR(bsl_outcome_remediation(outcome_of(r, "notes"), BSL_LANG_EN),
              "Answer the question: Notes? (allowed values: a text).", "unanswered text");
    bsl_result_free(r);

    CHECK_STR(bsl_criterion_status_token(BSL_CRITERION_INCOMPLETE), "incomplete", "incomplete: token");
    CHECK_INT(BSL_CRITERION_INCOMPLETE, 5, "incomplete: appended as 5");
    CHECK_STR(bsl_criterion_status_label(BSL_CRITERION_INCOMPLETE, BSL_LANG_FR), "\xc3\xa0 compl\xc3\xa9ter",
              "incomplete: French label");
    CHECK_STR(bsl_criterion_status_label(BSL_CRITERION_INCOMPLETE, BSL_LANG_EN), "incomplete",
              "incomplete: English label");
    CHECK_STR(bsl_criterion_status_token((bsl_criterion_status)6), NULL, "status past the end: no token");
}

/* Necessary conditions (REFERENTIEL §6): the test framework with tags
 * empty (30 points) and flag false (0 points) failing one. */
static void test_necessary_conditions(void)
{
    const char *doc = dq(subst(subst(framework_sq(), "'empty': {'points': 30,",
                                     "'empty': {'points': 30, 'fails_necessary_condition': true,"),
                               "'en': 'Flag?'}, 'levels': [{'value': false, 'points': 0,",
                               "'en': 'Flag?'}, 'levels': [{'value': false, 'points': 0, "
                               "'fails_necessary_condition': true,"));
    bsl_framework *nc = NULL;
    bsl_result *r;
    bsl_error err;
    const bsl_outcome *o;
    CHECK_INT(bsl_framework_load(&nc, doc, strlen(doc), NULL, &err), BSL_OK, "framework with conditions loads");
    if (!nc)
        return;

    /* B = (100 + 30 + 100) / 3 = 76.7, above its reservations threshold
     * (50): not_met all the same, explained by its condition alone. */
    r = eval_on(nc, join4(BASE_A, "'energy': 5, 'tags': [], 'notes': 'x'", BASE_C, BASE_D), NULL);
    check_result("failed condition", r, BSL_VERDICT_UNFAVORABLE, 88.4,
                 100, BSL_CRITERION_MET, 76.7, BSL_CRITERION_NOT_MET, 100, BSL_CRITERION_MET,
                 100, BSL_CRITERION_MET);
    o = outcome_of(r, "tags");
    check_outcome("failed condition", r, "tags", "set:empty", 30, "[]", 0, 0, 0);
    CHECK_INT(bsl_outcome_fails_necessary_condition(o), 1, "tags empty fails its condition");
    CHECK_INT(bsl_outcome_fails_necessary_condition(outcome_of(r, "energy")), 0, "energy does not");
    check_reasons("failed condition", r, "necessary_condition:B:tags met:A:- met:C:- met:D:-");
    CHECK_INT(bsl_reason_kind_of(bsl_result_reason(r, 0)), BSL_REASON_NECESSARY_CONDITION, "kind 6");
    CHECK_INT(BSL_REASON_NECESSARY_CONDITION, 6, "necessary_condition appended as 6");
    CHECK_STR(bsl_reason_kind_token(BSL_REASON_NECESSARY_CONDITION), "necessary_condition", "token");
    CHECK_STR(bsl_reason_text(bsl_result_reason(r, 0), BSL_LANG_EN), "None.", "its text: the justification");
    CHECK_STR(bsl_reason_fact(bsl_result_reason(r, 0)), "tags", "its fact");
    check_remediations("failed condition", r, "B:count B:tags");
    {
        const char *json = render(r, BSL_FORMAT_JSON_COMPACT, BSL_LANG_EN);
        const char *text = render(r, BSL_FORMAT_TEXT, BSL_LANG_FR);
        CHECK_CONTAINS(json, "\"rule\":\"set:empty\",\"required\":false,\"missing\":false,"
                       "\"not_applicable\":false,\"red_line\":false,\"fails_necessary_condition\":true,",
                       "JSON: the outcome flag after red_line");
        CHECK_CONTAINS(json, "\"red_line\":false,\"fails_necessary_condition\":false,", "JSON: false elsewhere");
        CHECK_CONTAINS(json, "\"red_lines\":[],\"failed_conditions\":[\"tags\"],\"missing\":[]",
                       "JSON: failed_conditions after red_lines");
        CHECK_CONTAINS(text, "\nConditions n\xc3\xa9" "cessaires non remplies\xc2\xa0:\n  - B, tags\xc2\xa0: Aucune.\n",
                       "text: its own section");
        CHECK(!strstr(text, "inf\xc3\xa9rieure au seuil de r\xc3\xa9serve"), "text: no below-reservations sentence for B");
    }
    bsl_result_free(r);

    /* With a red line in the same criterion: red_line wins, the condition
     * is still reported; with a required fact missing: not_met wins over
     * incomplete (a known failure), the verdict is still incomplete. */
    r = eval_on(nc, join4("'gate': true, 'flag': false", BASE_B, BASE_C, BASE_D), NULL);
    CHECK_INT(bsl_criterion_result_status(bsl_result_criterion(r, 0)), BSL_CRITERION_RED_LINE,
              "red line and failed condition: red_line");
    check_reasons("red line and condition", r,
                  "red_line:A:gate necessary_condition:A:flag missing:A:kind missing:A:detail met:B:- met:C:- met:D:-");
    CHECK_CONTAINS(render(r, BSL_FORMAT_JSON_COMPACT, BSL_LANG_EN),
                   "\"red_lines\":[\"gate\"],\"failed_conditions\":[\"flag\"],", "both listed");
    bsl_result_free(r);
    r = eval_on(nc, join4("'gate': false, 'flag': false", BASE_B, BASE_C, BASE_D), NULL);
    CHECK_INT(bsl_criterion_result_status(bsl_result_criterion(r, 0)), BSL_CRITERION_NOT_MET,
              "failed condition and a required fact missing: not_met");
    CHECK_STR(bsl_verdict_token(bsl_result_verdict(r)), "incomplete", "verdict still incomplete");
    check_reasons("condition and missing", r,
                  "necessary_condition:A:flag missing:A:kind missing:A:detail met:B:- met:C:- met:D:-");
    bsl_result_free(r);
    bsl_framework_free(nc);
}

static void test_red_line_not_assessed(void)
{
    /* Only the gate of A is answered, and it fires: kind, flag and detail
     * are unanswered, so A has no score. It stays red_line but is left out
     * of the global mean, not averaged in as 0: (3 * 100 + 100 + 100) / 5. */
    bsl_result *r = eval(join4("'gate': true", BASE_B, BASE_C, BASE_D));
    check_result("red line, nothing weighted answered", r, BSL_VERDICT_RED_LINE, 100,
                 0, BSL_CRITERION_RED_LINE, 100, BSL_CRITERION_MET, 100, BSL_CRITERION_MET,
                 100, BSL_CRITERION_MET);
    check_reasons("red line, nothing weighted answered", r,
                  "red_line:A:gate missing:A:kind missing:A:detail met:B:- met:C:- met:D:-");
    bsl_result_free(r);
}

static void test_reason_order(void)
{
    /* A met, B reservations, C not met, D not assessed: reasons come by
     * kind, not in framework order. */
    bsl_result *r = eval(join4(BASE_A, "'energy': 50, 'tags': [], 'notes': 'x'", "'opt': false, 'extra': 'a'",
                               "'review': null"));
    check_result("reason order", r, BSL_VERDICT_UNFAVORABLE, 66,
                 100, BSL_CRITERION_MET, 70, BSL_CRITERION_RESERVATIONS, 20, BSL_CRITERION_NOT_MET,
                 0, BSL_CRITERION_NOT_ASSESSED);
    check_reasons("reason order", r, "not_met:C:- not_assessed:D:- reservation:B:- met:A:-");
    {
        static const bsl_reason_kind kinds[] = { BSL_REASON_NOT_MET, BSL_REASON_NOT_ASSESSED,
                                                 BSL_REASON_RESERVATION, BSL_REASON_MET };
        size_t i;
        for (i = 0; i < 4; i++)
            CHECK_INT(bsl_reason_kind_of(bsl_result_reason(r, i)), kinds[i], "reason kind enum value");
    }
    check_remediations("reason order", r, "B:energy B:count B:tags C:extra D:review");
    bsl_result_free(r);
}

static void test_band_edges(void)
{
    static const struct {
        const char *value, *rule;
        double points;
    } cases[] = {
        { "0", "band:<10", 100 },        { "9.99", "band:<10", 100 },   { "10", "band:<=100", 80 },
        { "100", "band:<=100", 80 },     { "100.001", "band:<1000", 50 }, { "999.9", "band:<1000", 50 },
        { "1000", "band:<=1000", 40 },   { "1e3", "band:<=1000", 40 },  { "1000.0001", "band:>1000", 0 },
        { "1e9", "band:>1000", 0 },
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        char facts[128], what[64];
        bsl_result *r;
        snprintf(facts, sizeof facts, "'energy': %s", cases[i].value);
        snprintf(what, sizeof what, "energy %s", cases[i].value);
        r = eval(facts);
        check_outcome(what, r, "energy", cases[i].rule, cases[i].points, cases[i].value, 0, 0, 0);
        bsl_result_free(r);
    }
}

static void test_text_and_set(void)
{
    static const struct {
        const char *facts, *fact, *rule, *value;
        double points;
    } cases[] = {
        { "'notes': ''", "notes", "text:absent", "\"\"", 0 },
        { "'notes': '   '", "notes", "text:absent", "\"   \"", 0 },
        { "'notes': '\\r\\n\\t'", "notes", "text:absent", "\"\\r\\n\\t\"", 0 },
        { "'notes': ' x '", "notes", "text:present", "\" x \"", 100 },
        { "'notes': 'guillemet \\\" et \\u00e9'", "notes", "text:present",
          "\"guillemet \\\" et \xc3\xa9\"", 100 },
        { "'notes': null", "notes", "missing", NULL, 0 },
        { "'tags': []", "tags", "set:empty", "[]", 30 },
        { "'tags': ['z', 'x']", "tags", "set:non_empty", "[\"z\",\"x\"]", 100 },
        { "'tags': ['y']", "tags", "set:non_empty", "[\"y\"]", 100 },
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        bsl_result *r = eval(cases[i].facts);
        check_outcome(cases[i].facts, r, cases[i].fact, cases[i].rule, cases[i].points, cases[i].value,
                      cases[i].value == NULL, 0, 0);
        bsl_result_free(r);
    }
}

static void test_evidence_and_provenance(void)
{
    bsl_result *r = eval_on(fw, join4(BASE_A, BASE_B, BASE_C, BASE_D),
                            "'kind': 'Note 12', 'detail': 'Dossier', 'notes': 'Annexe 3', 'kindd': 'x'");
    const char *sha = bsl_result_framework_sha256(r);
    CHECK_STR(bsl_outcome_evidence(outcome_of(r, "kind")), "Note 12", "evidence for kind");
    CHECK_STR(bsl_outcome_evidence(outcome_of(r, "notes")), "Annexe 3", "evidence for notes");
    CHECK_STR(bsl_outcome_evidence(outcome_of(r, "detail")), "Dossier",
              "evidence carried even when not applicable");
    CHECK_STR(bsl_outcome_evidence(outcome_of(r, "flag")), NULL, "no evidence for flag");
    CHECK_INT(bsl_result_unknown_count(r), 1, "unknown evidence key");
    CHECK_STR(bsl_result_unknown_path(r, 0), "$.evidence.kindd", "unknown evidence path");
    CHECK_STR(bsl_result_unknown_suggestion(r, 0), "kind", "kindd -> kind");

    CHECK_STR(bsl_result_framework_id(r), "eval-test", "provenance: framework id");
    CHECK_STR(bsl_result_framework_version(r), "2.1.0", "provenance: framework version");
    CHECK_STR(sha, bsl_framework_sha256(fw), "provenance: framework sha256");
    CHECK(sha && strlen(sha) == 64 && strspn(sha, "0123456789abcdef") == 64, "provenance: sha256 is hex");
    CHECK_STR(bsl_result_library_version(r), bsl_version_string(), "provenance: library version");
    bsl_result_free(r);
}

static void test_global_score_none_assessed(void)
{
    /* Only the gate is answered: nothing weighted anywhere. The header
     * says the global score is 0 when no criterion is assessed. */
    bsl_result *r = eval(BASE_GATE);
    check_result("nothing assessed", r, BSL_VERDICT_INCOMPLETE, 0,
                 0, BSL_CRITERION_INCOMPLETE, 0, BSL_CRITERION_NOT_ASSESSED, 0, BSL_CRITERION_NOT_ASSESSED,
                 0, BSL_CRITERION_NOT_ASSESSED);
    check_missing("nothing assessed", r, "kind detail");
    {
        const char *json = render(r, BSL_FORMAT_JSON_COMPACT, BSL_LANG_FR);
        const char *text = render(r, BSL_FORMAT_TEXT, BSL_LANG_EN);
        CHECK_CONTAINS(json, "\"verdict_label\":\"\xc3\xa0 compl\xc3\xa9ter\",\"score\":null,",
                       "nothing assessed: JSON global score null");
        static const char head[] = "Verdict: incomplete (global score \xe2\x80\x94)\n";
        CHECK(!strncmp(text, head, sizeof head - 1),
              "nothing assessed: a dash for the global score in the text report");
    }
    check_reasons("nothing assessed", r,
                  "missing:A:kind missing:A:detail not_assessed:B:- not_assessed:C:- not_assessed:D:-");
    bsl_result_free(r);
}

/* A small framework for the other band rules and a criterion with
 * nothing to score. K: g (boolean, weight 0, false 100 / true 50) and m
 * (number, applies when g is false; below 5: 0, else 100). */
static void test_small_framework(void)
{
    const char *doc = dq(
        "{'format': 'boussole-framework/1', 'id': 'small', 'version': '0', 'title': {'fr': 'P', 'en': 'S'},"
        " 'source': {'fr': 'S', 'en': 'S'}, 'thresholds': {'met': 60, 'reservations': 50}, 'criteria': ["
        "{'id': 'K', 'title': {'fr': 'K', 'en': 'K'}, 'indicators': ["
        "{'fact': 'g', 'type': 'boolean', 'weight': 0, 'label': {'fr': 'G', 'en': 'G'}, 'levels': ["
        "{'value': true, 'points': 50, 'justification': {'fr': 'V', 'en': 'T'}},"
        "{'value': false, 'points': 100, 'justification': {'fr': 'F', 'en': 'F'}}]},"
        "{'fact': 'm', 'type': 'number', 'applies_if': {'fact': 'g', 'in': [false]},"
        " 'label': {'fr': 'M', 'en': 'M'}, 'max': 10, 'bands': ["
        "{'below': 5, 'points': 0, 'justification': {'fr': 'B', 'en': 'L'}},"
        "{'points': 100, 'justification': {'fr': 'H', 'en': 'H'}}]}]}]}");
    bsl_framework *small = NULL;
    bsl_result *r;
    bsl_error err;
    bsl_usecase *uc = NULL;
    const char *too_big = "{\"id\": \"u\", \"title\": \"t\", \"facts\": {\"m\": 10.5}}";

    CHECK_INT(bsl_framework_load(&small, doc, strlen(doc), NULL, &err), BSL_OK, "small framework loads");
    if (!small)
        return;

    /* Levels given true first are still found by value. */
    r = eval_on(small, "'g': true, 'm': 1", NULL);
    check_outcome("nothing to score", r, "g", "level:true", 50, "true", 0, 0, 0);
    check_outcome("nothing to score", r, "m", "not_applicable", 0, "1", 0, 1, 0);
    check_criterion("nothing to score", r, 0, "K", 100, BSL_CRITERION_MET);
    CHECK_STR(bsl_verdict_token(bsl_result_verdict(r)), "favorable", "nothing to score: favorable");
    CHECK_NUM(bsl_result_score(r), 100, "nothing to score: global 100");
    bsl_result_free(r);

    r = eval_on(small, "'g': false, 'm': 5", NULL);
    check_outcome("band >=", r, "m", "band:>=5", 100, "5", 0, 0, 0);
    bsl_result_free(r);
    r = eval_on(small, "'g': false, 'm': 4.999", NULL);
    check_outcome("band <", r, "m", "band:<5", 0, "4.999", 0, 0, 0);
    check_criterion("band <", r, 0, "K", 0, BSL_CRITERION_NOT_MET);
    CHECK_NUM(bsl_criterion_result_met_threshold(bsl_result_criterion(r, 0)), 60,
              "top-level thresholds are the criteria's default: met");
    CHECK_NUM(bsl_criterion_result_reservations_threshold(bsl_result_criterion(r, 0)), 50,
              "top-level thresholds are the criteria's default: reservations");
    CHECK_STR(bsl_verdict_token(bsl_result_verdict(r)), "unfavorable", "K not met: unfavorable");
    bsl_result_free(r);
    r = eval_on(small, "'g': false", NULL);
    check_criterion("m unanswered", r, 0, "K", 0, BSL_CRITERION_NOT_ASSESSED);
    bsl_result_free(r);

    CHECK_INT(bsl_usecase_parse(&uc, small, too_big, strlen(too_big), NULL, &err), BSL_ERR_VALUE,
              "a number above max is refused");
    CHECK_STR(err.path, "$.facts.m", "above max: path");
    bsl_framework_free(small);
}

/* Rounding is decimal half-up at 0.1, whatever binary doubles make of a
 * tie: (40.3 + 99.6) / 2 is 69.94999... as a double, and must read 70.0
 * (so the criterion is met at 70). X: a 40.3, b 99.6; Y: c 88.1, d 88.2;
 * Z: e 99.6 (each boolean, false 0). */
static void test_rounding(void)
{
#define RB(f, pts) "{'fact': '" f "', 'type': 'boolean', 'label': {'fr': 'Q', 'en': 'Q'}, 'levels': [" \
    "{'value': false, 'points': 0, 'justification': {'fr': 'N', 'en': 'N'}}," \
    "{'value': true, 'points': " pts ", 'justification': {'fr': 'O', 'en': 'Y'}}]}"
#define RC(id, inds) "{'id': '" id "', 'title': {'fr': '" id "', 'en': '" id "'}, 'indicators': [" inds "]}"
    const char *doc = dq(
        "{'format': 'boussole-framework/1', 'id': 'round', 'version': '0', 'title': {'fr': 'R', 'en': 'R'},"
        " 'source': {'fr': 'S', 'en': 'S'}, 'criteria': ["
        RC("X", RB("a", "40.3") "," RB("b", "99.6")) ","
        RC("Y", RB("c", "88.1") "," RB("d", "88.2")) ","
        RC("Z", RB("e", "99.6")) "]}");
#undef RB
#undef RC
    bsl_framework *f = NULL;
    bsl_result *r;
    bsl_error err;
    CHECK_INT(bsl_framework_load(&f, doc, strlen(doc), NULL, &err), BSL_OK, "rounding framework loads");
    if (!f)
        return;
    r = eval_on(f, "'a': true, 'b': true, 'c': true, 'd': true, 'e': true", NULL);
    CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r, 0)), 70, "69.95 rounds half-up to 70.0");
    CHECK_INT(bsl_criterion_result_status(bsl_result_criterion(r, 0)), BSL_CRITERION_MET,
              "rounded before the met threshold (70) is compared");
    CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r, 1)), 88.2, "88.15 rounds half-up to 88.2");
    /* (70.0 + 88.2 + 99.6) / 3 = 85.9333: the mean of the rounded scores. */
    CHECK_NUM(bsl_result_score(r), 85.9, "global: mean of the rounded criterion scores");
    bsl_result_free(r);

    /* Y not assessed; X 40.3 and Z 99.6: the global score 69.95 is a tie too. */
    r = eval_on(f, "'a': true, 'e': true", NULL);
    CHECK_NUM(bsl_criterion_result_score(bsl_result_criterion(r, 0)), 40.3, "X with a alone");
    CHECK_NUM(bsl_result_score(r), 70, "global 69.95 rounds half-up to 70.0");
    bsl_result_free(r);
    bsl_framework_free(f);
}

static void test_evaluate_arguments(void)
{
    bsl_framework *nantes = NULL;
    bsl_usecase *uc = NULL;
    bsl_result *r = (bsl_result *)&r;
    bsl_error err;
    const char *doc = "{\"id\": \"u\", \"title\": \"t\", \"facts\": {}}";
    int rc;

    CHECK_INT(bsl_framework_load_embedded(&nantes, NULL, NULL, NULL), BSL_OK, "nantes loads");
    CHECK_INT(bsl_usecase_parse(&uc, nantes, doc, strlen(doc), NULL, &err), BSL_OK, "use-case for nantes");
    rc = bsl_evaluate(&r, fw, uc, &err);
    check_error_at("use-case of another framework", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    CHECK(r == NULL, "another framework: out is NULL");

    r = NULL;
    CHECK_INT(bsl_evaluate(&r, nantes, uc, &err), BSL_OK, "its own framework evaluates");
    bsl_result_free(r);

    r = (bsl_result *)&r;
    rc = bsl_evaluate(&r, NULL, uc, &err);
    check_error_at("NULL framework", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    CHECK(r == NULL, "NULL framework: out is NULL");
    r = (bsl_result *)&r;
    rc = bsl_evaluate(&r, nantes, NULL, &err);
    check_error_at("NULL use-case", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    CHECK(r == NULL, "NULL use-case: out is NULL");
    rc = bsl_evaluate(NULL, nantes, uc, &err);
    check_error_at("NULL out", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");

    r = (bsl_result *)&r;
    rc = bsl_evaluate_json(&r, nantes, "{", 1, NULL, &err);
    CHECK_INT(rc, BSL_ERR_SYNTAX, "evaluate_json with a syntax error");
    CHECK_INT(err.code, BSL_ERR_SYNTAX, "evaluate_json syntax error: err.code");
    CHECK_INT(err.offset, 1, "evaluate_json syntax error: offset (end of input)");
    CHECK_INT(err.line, 1, "evaluate_json syntax error: line");
    CHECK_INT(err.column, 2, "evaluate_json syntax error: column");
    CHECK(r == NULL, "evaluate_json failure: out is NULL");
    rc = bsl_evaluate_json(NULL, nantes, doc, strlen(doc), NULL, &err);
    check_error_at("evaluate_json with NULL out", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");

    bsl_usecase_free(uc);
    bsl_framework_free(nantes);
}

/* ---- the shipped examples against examples/usecases/EXPECTED.md ------- */

static const struct expected {
    const char *name;
    bsl_verdict verdict;
    double score;
    struct {
        double score;
        bsl_criterion_status status;
    } c[7];
} EXPECTED[] = {
    { "assistant-conversationnel-hors-ue", BSL_VERDICT_RED_LINE, 59.4,
      { {45.0, BSL_CRITERION_RESERVATIONS}, {57.1, BSL_CRITERION_RED_LINE}, {80.0, BSL_CRITERION_MET}, {58.3, BSL_CRITERION_RESERVATIONS}, {26.0, BSL_CRITERION_NOT_MET}, {64.3, BSL_CRITERION_RESERVATIONS}, {85.0, BSL_CRITERION_MET} } },
    { "classement-courrier", BSL_VERDICT_INCOMPLETE, 79.2,
      { {50.0, BSL_CRITERION_RESERVATIONS}, {93.3, BSL_CRITERION_INCOMPLETE}, {100.0, BSL_CRITERION_MET}, {100.0, BSL_CRITERION_MET}, {58.0, BSL_CRITERION_RESERVATIONS}, {57.1, BSL_CRITERION_RESERVATIONS}, {96.0, BSL_CRITERION_MET} } },
    { "detection-fuites-eau", BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS, 86.9,
      { {100.0, BSL_CRITERION_MET}, {100.0, BSL_CRITERION_MET}, {100.0, BSL_CRITERION_MET}, {92.0, BSL_CRITERION_MET}, {74.0, BSL_CRITERION_MET}, {50.0, BSL_CRITERION_RESERVATIONS}, {92.0, BSL_CRITERION_MET} } },
    { "instruction-subventions-associations", BSL_VERDICT_INCOMPLETE, 47.0,
      { {30.0, BSL_CRITERION_NOT_MET}, {72.0, BSL_CRITERION_INCOMPLETE}, {72.5, BSL_CRITERION_MET}, {42.0, BSL_CRITERION_RESERVATIONS}, {32.5, BSL_CRITERION_NOT_MET}, {50.0, BSL_CRITERION_RESERVATIONS}, {30.0, BSL_CRITERION_NOT_MET} } },
    { "modele-langage-metropolitain", BSL_VERDICT_UNFAVORABLE, 41.4,
      { {45.0, BSL_CRITERION_RESERVATIONS}, {78.6, BSL_CRITERION_MET}, {58.0, BSL_CRITERION_RESERVATIONS}, {51.7, BSL_CRITERION_RESERVATIONS}, {8.0, BSL_CRITERION_NOT_MET}, {35.7, BSL_CRITERION_NOT_MET}, {12.5, BSL_CRITERION_NOT_MET} } },
    { "prevision-affluence-decheteries", BSL_VERDICT_INCOMPLETE, 84.3,
      { {60.0, BSL_CRITERION_RESERVATIONS}, {100.0, BSL_CRITERION_MET}, {80.0, BSL_CRITERION_MET}, {93.3, BSL_CRITERION_MET}, {0, BSL_CRITERION_INCOMPLETE}, {85.7, BSL_CRITERION_MET}, {86.7, BSL_CRITERION_INCOMPLETE} } },
    { "prevision-remplissage-colonnes", BSL_VERDICT_FAVORABLE, 93.7,
      { {100.0, BSL_CRITERION_MET}, {100.0, BSL_CRITERION_MET}, {100.0, BSL_CRITERION_MET}, {93.3, BSL_CRITERION_MET}, {74.0, BSL_CRITERION_MET}, {92.9, BSL_CRITERION_MET}, {96.0, BSL_CRITERION_MET} } },
    { "signalements-voirie", BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS, 81.2,
      { {80.0, BSL_CRITERION_MET}, {94.3, BSL_CRITERION_MET}, {90.0, BSL_CRITERION_MET}, {83.3, BSL_CRITERION_MET}, {58.0, BSL_CRITERION_RESERVATIONS}, {78.6, BSL_CRITERION_MET}, {84.0, BSL_CRITERION_MET} } },
    { "synthese-contributions-concertation", BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS, 89.4,
      { {80.0, BSL_CRITERION_MET}, {91.4, BSL_CRITERION_MET}, {90.0, BSL_CRITERION_MET}, {0, BSL_CRITERION_NOT_ASSESSED}, {90.0, BSL_CRITERION_MET}, {92.9, BSL_CRITERION_MET}, {92.0, BSL_CRITERION_MET} } },
    { "tarification-solidaire-automatique", BSL_VERDICT_RED_LINE, 76.2,
      { {50.0, BSL_CRITERION_RESERVATIONS}, {71.4, BSL_CRITERION_RED_LINE}, {100.0, BSL_CRITERION_MET}, {75.0, BSL_CRITERION_MET}, {64.0, BSL_CRITERION_RESERVATIONS}, {92.9, BSL_CRITERION_MET}, {80.0, BSL_CRITERION_MET} } },
    { "traduction-accueil", BSL_VERDICT_FAVORABLE, 83.1,
      { {80.0, BSL_CRITERION_MET}, {90.0, BSL_CRITERION_MET}, {90.0, BSL_CRITERION_MET}, {85.0, BSL_CRITERION_MET}, {70.0, BSL_CRITERION_MET}, {71.4, BSL_CRITERION_MET}, {95.0, BSL_CRITERION_MET} } },
    { "videoprotection-tramway-reconnaissance-faciale", BSL_VERDICT_RED_LINE, 32.3,
      { {15.0, BSL_CRITERION_RED_LINE}, {26.7, BSL_CRITERION_RED_LINE}, {40.0, BSL_CRITERION_RESERVATIONS}, {0, BSL_CRITERION_NOT_ASSESSED}, {80.0, BSL_CRITERION_MET}, {0, BSL_CRITERION_NOT_ASSESSED}, {0.0, BSL_CRITERION_INCOMPLETE} } },
};

static void test_examples(void)
{
    bsl_framework *nantes = NULL;
    size_t i, c;
    CHECK_INT(bsl_framework_load_embedded(&nantes, NULL, NULL, NULL), BSL_OK, "nantes loads");
    for (i = 0; i < sizeof EXPECTED / sizeof *EXPECTED; i++) {
        char path[512], label[300];
        size_t len = 0;
        const char *data;
        bsl_result *r = NULL;
        snprintf(path, sizeof path, SRCDIR "/examples/usecases/%s.json", EXPECTED[i].name);
        data = read_file(path, &len);
        snprintf(label, sizeof label, "%s: evaluates", EXPECTED[i].name);
        CHECK_INT(data ? bsl_evaluate_json(&r, nantes, data, len, NULL, NULL) : -100, BSL_OK, label);
        if (!r)
            continue;
        snprintf(label, sizeof label, "%s: verdict", EXPECTED[i].name);
        CHECK_STR(bsl_verdict_token(bsl_result_verdict(r)), bsl_verdict_token(EXPECTED[i].verdict), label);
        snprintf(label, sizeof label, "%s: global score", EXPECTED[i].name);
        CHECK_NUM(bsl_result_score(r), EXPECTED[i].score, label);
        for (c = 0; c < 7; c++) {
            const bsl_criterion_result *cr = bsl_result_criterion(r, c);
            snprintf(label, sizeof label, "%s: C%zu score", EXPECTED[i].name, c + 1);
            CHECK_NUM(bsl_criterion_result_score(cr), EXPECTED[i].c[c].score, label);
            snprintf(label, sizeof label, "%s: C%zu status", EXPECTED[i].name, c + 1);
            CHECK_STR(bsl_criterion_status_token(bsl_criterion_result_status(cr)),
                      bsl_criterion_status_token(EXPECTED[i].c[c].status), label);
        }
        bsl_result_free(r);
    }
    bsl_framework_free(nantes);
}

int main(void)
{
    const char *doc = dq(framework_sq());
    bsl_error err;
    if (bsl_framework_load(&fw, doc, strlen(doc), NULL, &err) != BSL_OK) {
        printf("# %s at %s line %u column %u\n", err.message, err.path, err.line, err.column);
        printf("Bail out! the test framework does not load\n");
        return 1;
    }
    test_favorable();
    test_weighting_and_not_applicable();
    test_not_assessed();
    test_unanswered_optional();
    test_unfavorable_and_incomplete();
    test_red_lines();
    test_red_line_not_assessed();
    test_unanswered_gates();
    test_necessary_conditions();
    test_reason_order();
    test_band_edges();
    test_text_and_set();
    test_evidence_and_provenance();
    test_global_score_none_assessed();
    test_small_framework();
    test_rounding();
    test_evaluate_arguments();
    test_examples();
    bsl_framework_free(fw);
    tu_cleanup();
    return check_done();
}
