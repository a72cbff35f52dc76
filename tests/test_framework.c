/* Frameworks: the embedded default, canonical SHA-256, loading from a
 * file, and every load error with its exact code, position and path. */
#include "check.h"
#include "testutil.h"

#include "embedded.h"
#include "vocabulary.h"

#include <ctype.h>

#define NANTES_PATH SRCDIR "/frameworks/nantes-2024.json"

/* A minimal valid framework: one criterion, one boolean indicator. The
 * markers are replaced by fw_make(); the layout is fixed so that errors
 * land on known lines:
 *   line 6  ends with @TOP@    (extra top-level members)
 *   line 8  ends with @CRIT@   (extra members of criterion C1)
 *   line 10 is        @IND@    (the indicators of C1)
 *   line 11 ends with @MORE@   (more criteria; ",\n    {...}" adds line 12) */
static const char TEMPLATE[] =
    "{\n"
    "  'format': 'boussole-framework/1',\n"
    "  'id': 't',\n"
    "  'version': '1',\n"
    "  'title': {'fr': 'Titre', 'en': 'Title'},\n"
    "  'source': {'fr': 'Source', 'en': 'Source'},@TOP@\n"
    "  'criteria': [\n"
    "    {'id': 'C1', 'title': {'fr': 'Un', 'en': 'One'},@CRIT@\n"
    "     'indicators': [\n"
    "      @IND@\n"
    "     ]}@MORE@\n"
    "  ]\n"
    "}\n";

static const char IND_BOOL[] =
    "{'fact': 'a', 'type': 'boolean', 'label': {'fr': 'A ?', 'en': 'A?'}, 'levels': ["
    "{'value': false, 'points': 0, 'justification': {'fr': 'Non', 'en': 'No'}}, "
    "{'value': true, 'points': 100, 'justification': {'fr': 'Oui', 'en': 'Yes'}}]}";

static const char IND_ENUM[] =
    "{'fact': 'e', 'type': 'enum', 'label': {'fr': 'E ?', 'en': 'E?'}, 'levels': ["
    "{'value': 'x', 'points': 0, 'justification': {'fr': 'X', 'en': 'X'}}, "
    "{'value': 'y', 'points': 50, 'justification': {'fr': 'Y', 'en': 'Y'}}, "
    "{'value': 'z', 'points': 100, 'justification': {'fr': 'Z', 'en': 'Z'}}]}";

static const char IND_SET[] =
    "{'fact': 's', 'type': 'set', 'label': {'fr': 'S ?', 'en': 'S?'}, 'values': ['p', 'q'], "
    "'empty': {'points': 100, 'justification': {'fr': 'V', 'en': 'E'}}, "
    "'non_empty': {'red_line': true, 'justification': {'fr': 'N', 'en': 'N'}}}";

static const char IND_TEXT[] =
    "{'fact': 'x', 'type': 'text', 'label': {'fr': 'T ?', 'en': 'T?'}, "
    "'present': {'points': 100, 'justification': {'fr': 'P', 'en': 'P'}}, "
    "'absent': {'points': 0, 'justification': {'fr': 'A', 'en': 'A'}}}";

/* A number indicator with the given bands (use BAND / OPEN_BAND). */
#define IND_NUMBER(bands) \
    "{'fact': 'n', 'type': 'number', 'label': {'fr': 'N ?', 'en': 'N?'}, 'bands': [" bands "]}"
#define BAND(kind, bound, points) \
    "{'" kind "': " #bound ", 'points': " #points ", 'justification': {'fr': 'J', 'en': 'J'}}"
#define OPEN_BAND(points) "{'points': " #points ", 'justification': {'fr': 'J', 'en': 'J'}}"

/* A second criterion whose indicators are given. */
static const char *more_criterion(const char *id, const char *indicators)
{
    return subst(subst(",\n    {'id': '@ID@', 'title': {'fr': 'Deux', 'en': 'Two'}, "
                       "'indicators': [@INDS@]}",
                       "@ID@", id),
                 "@INDS@", indicators);
}

/* The boolean indicator reading fact f instead of a. */
static const char *bool_fact(const char *f)
{
    return subst(IND_BOOL, "'fact': 'a'", subst("'fact': '@'", "@", f));
}

/* The template with substitutions (NULL: the default), single quotes
 * turned into double quotes. */
static const char *fw_make_sq(const char *top, const char *crit, const char *ind, const char *more)
{
    const char *s = subst(TEMPLATE, "@TOP@", top ? top : "");
    s = subst(s, "@CRIT@", crit ? crit : "");
    s = subst(s, "@IND@", ind ? ind : IND_BOOL);
    return subst(s, "@MORE@", more ? more : "");
}

static const char *fw_make(const char *top, const char *crit, const char *ind, const char *more)
{
    return dq(fw_make_sq(top, crit, ind, more));
}

/* The minimal framework with one substitution. */
static const char *fw_with(const char *from, const char *to)
{
    return dq(subst(fw_make_sq(NULL, NULL, NULL, NULL), from, to));
}

/* "a, b" */
static const char *two(const char *a, const char *b) { return subst(subst("@A, @B", "@A", a), "@B", b); }

/* An indicator with an applies_if condition. */
static const char *with_condition(const char *ind, const char *cond)
{
    return subst(ind, "'type':", subst("'applies_if': @, 'type':", "@", cond));
}

static int load(bsl_framework **fw, const char *doc, const bsl_options *opts, bsl_error *err)
{
    return bsl_framework_load(fw, doc, strlen(doc), opts, err);
}

/* Load doc, expect a failure pointing at the nth occurrence of needle
 * (written with single quotes like the documents). */
static void load_fails(const char *what, const char *doc, const bsl_options *opts, int code,
                       const char *needle, int nth, unsigned line, unsigned column, const char *path)
{
    bsl_framework *fw = (bsl_framework *)&fw; /* not NULL: must be reset */
    bsl_error err;
    int rc = load(&fw, doc, opts, &err);
    char label[300];
    check_error_at(what, rc, &err, code, doc, needle ? dq(needle) : NULL, nth, line, column, path);
    snprintf(label, sizeof label, "%s: out is NULL", what);
    CHECK(fw == NULL, label);
    if (rc == BSL_OK)
        bsl_framework_free(fw);
}

static int is_hex64(const char *s)
{
    size_t i;
    if (!s || strlen(s) != 64)
        return 0;
    for (i = 0; i < 64; i++)
        if (!isdigit((unsigned char)s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
            return 0;
    return 1;
}

/* doc without any whitespace outside strings. */
static char *compact(const char *doc)
{
    char *out = tu_keep(malloc(strlen(doc) + 1)), *o = out;
    int in_string = 0;
    for (; *doc; doc++) {
        if (in_string) {
            *o++ = *doc;
            if (*doc == '\\')
                *o++ = *++doc;
            else if (*doc == '"')
                in_string = 0;
        } else if (*doc == '"') {
            in_string = 1;
            *o++ = *doc;
        } else if (!strchr(" \t\r\n", *doc)) {
            *o++ = *doc;
        }
    }
    *o = '\0';
    return out;
}

/* ------------------------------------------------------------------------ */

static void test_embedded_default(void)
{
    static const char *const ids[] = { "C1", "C2", "C3", "C4", "C5", "C6", "C7" };
    bsl_framework *fw = NULL, *fw2 = NULL;
    bsl_error err;
    size_t i;
    int rc;

    CHECK(bsl_embedded_framework_count() >= 1, "at least one embedded framework");
    CHECK_STR(bsl_embedded_framework_id(0), "nantes-2024", "embedded framework 0 is nantes-2024");
    CHECK_STR(bsl_embedded_framework_id(bsl_embedded_framework_count()), NULL,
              "embedded id out of range is NULL");

    memset(&err, 0x55, sizeof err);
    rc = bsl_framework_load_embedded(&fw, NULL, NULL, &err);
    CHECK_INT(rc, BSL_OK, "default embedded framework loads");
    CHECK_INT(err.code, BSL_OK, "success leaves err.code BSL_OK");
    CHECK_STR(err.message, "", "success leaves an empty message");
    CHECK_STR(err.path, "", "success leaves an empty path");
    CHECK_INT(err.line, 0, "success leaves line 0");
    CHECK(fw != NULL, "default framework is not NULL");
    CHECK_STR(bsl_framework_id(fw), "nantes-2024", "default id");
    CHECK_STR(bsl_framework_version(fw), "1.1.0", "default version");
    CHECK_STR(bsl_framework_title(fw, BSL_LANG_FR),
              "Boussole de l'intelligence artificielle de Nantes M\xc3\xa9tropole", "French title");
    CHECK_STR(bsl_framework_title(fw, BSL_LANG_EN),
              "Nantes M\xc3\xa9tropole artificial intelligence boussole (compass)", "English title");
    CHECK_STR(bsl_framework_title(fw, (bsl_lang)2), NULL, "title in an unknown language is NULL");
    CHECK_INT(bsl_framework_criterion_count(fw), 7, "7 criteria");
    for (i = 0; i < 7; i++) {
        char label[64];
        snprintf(label, sizeof label, "criterion %zu is %s", i, ids[i]);
        CHECK_STR(bsl_framework_criterion_id(fw, i), ids[i], label);
    }
    CHECK_STR(bsl_framework_criterion_id(fw, 7), NULL, "criterion id out of range");
    CHECK_STR(bsl_framework_criterion_title(fw, 0, BSL_LANG_FR),
              "Absence d\xe2\x80\x99identification biom\xc3\xa9trique et absence de collecte de donn\xc3\xa9"
              "es sensibles qui pourraient caract\xc3\xa9riser un ou des individus susceptibles de "
              "g\xc3\xa9n\xc3\xa9rer des biais discriminatoires (notamment caract\xc3\xa9risation "
              "physique, comportementale, vestimentaire,...)",
              "C1 French title, verbatim");
    CHECK_STR(bsl_framework_criterion_title(fw, 0, BSL_LANG_EN),
              "No biometric identification and no collection of sensitive data that could "
              "characterise one or more individuals and generate discriminatory bias (notably "
              "physical, behavioural or clothing characterisation)",
              "C1 English title");
    CHECK_STR(bsl_framework_criterion_title(fw, 7, BSL_LANG_FR), NULL, "criterion title out of range");
    CHECK_STR(bsl_framework_criterion_title(fw, 0, (bsl_lang)2), NULL,
              "criterion title in an unknown language");
    CHECK(is_hex64(bsl_framework_sha256(fw)), "sha256 is 64 lower-case hex characters");

    rc = bsl_framework_load_embedded(&fw2, "nantes-2024", NULL, NULL);
    CHECK_INT(rc, BSL_OK, "nantes-2024 by id, without bsl_error");
    CHECK_STR(bsl_framework_sha256(fw2), bsl_framework_sha256(fw), "same sha256 by id and by default");
    CHECK(fw2 != fw, "each load gives a new object");
    bsl_framework_free(fw2);
    bsl_framework_free(fw);
}

static void test_file_and_reformatting(void)
{
    bsl_framework *emb = NULL, *file = NULL, *buf = NULL, *packed = NULL, *changed = NULL;
    bsl_error err;
    size_t len;
    char *data = read_file(NANTES_PATH, &len);
    const char *sha;
    int rc;

    CHECK(data != NULL, "frameworks/nantes-2024.json is readable");
    if (!data)
        return;
    CHECK_INT(bsl_framework_load_embedded(&emb, NULL, NULL, NULL), BSL_OK, "embedded loads");
    sha = bsl_framework_sha256(emb);

    rc = bsl_framework_load_file(&file, NANTES_PATH, NULL, &err);
    CHECK_INT(rc, BSL_OK, "bsl_framework_load_file on nantes-2024.json");
    CHECK_STR(bsl_framework_sha256(file), sha, "file and embedded copy have the same sha256");
    CHECK_STR(bsl_framework_id(file), "nantes-2024", "file id");

    rc = bsl_framework_load(&buf, data, len, NULL, &err);
    CHECK_INT(rc, BSL_OK, "bsl_framework_load on the file's bytes");
    CHECK_STR(bsl_framework_sha256(buf), sha, "buffer and embedded copy have the same sha256");

    /* Whitespace removed everywhere: the canonical bytes do not change. */
    rc = load(&packed, compact(data), NULL, &err);
    CHECK_INT(rc, BSL_OK, "compacted Nantes framework loads");
    CHECK_STR(bsl_framework_sha256(packed), sha, "compacted Nantes framework keeps its sha256");

    /* One calibration changed: every 90-point level now gives 91. */
    rc = load(&changed, subst(data, "\"points\": 90,", "\"points\": 91,"), NULL, &err);
    CHECK_INT(rc, BSL_OK, "Nantes framework with 91 points loads");
    CHECK(bsl_framework_sha256(changed) && strcmp(bsl_framework_sha256(changed), sha) != 0,
          "changing a point value changes the sha256");

    bsl_framework_free(emb);
    bsl_framework_free(file);
    bsl_framework_free(buf);
    bsl_framework_free(packed);
    bsl_framework_free(changed);
}

/* The sha256 of the minimal framework, checked against a value computed
 * outside the library (Python: json.dumps(doc, sort_keys=True,
 * separators=(",", ":"), ensure_ascii=False), then hashlib.sha256). */
#define MINIMAL_SHA256 "627e5748a7397d8d3e8765e5ff72d7bbcaacfef8f18c8082075fcb680091bbd8"

static void test_sha256_canonical(void)
{
    /* The same framework: keys in another order, no whitespace, escapes
     * that are not minimal (\/ and \u0069). */
    const char *reordered = dq(
        "{'criteria':[{'indicators':[{'levels':[{'justification':{'en':'No','fr':'Non'},"
        "'points':0,'value':false},{'value':true,'points':100,'justification':{'fr':'Oui',"
        "'en':'Yes'}}],'type':'boolean','label':{'en':'A?','fr':'A ?'},'fact':'a'}],"
        "'title':{'en':'One','fr':'Un'},'id':'C1'}],'version':'1','source':{'en':'Source',"
        "'fr':'Source'},'title':{'fr':'T\\u0069tre','en':'Title'},'id':'t',"
        "'format':'boussole-framework\\/1'}");
    const char *base = fw_make(NULL, NULL, NULL, NULL);
    bsl_framework *a = NULL, *b = NULL, *c = NULL, *d = NULL;
    bsl_error err;

    CHECK_INT(load(&a, base, NULL, &err), BSL_OK, "minimal framework loads");
    CHECK_STR(bsl_framework_sha256(a), MINIMAL_SHA256, "minimal framework sha256 (computed in Python)");
    CHECK_INT(load(&b, reordered, NULL, &err), BSL_OK, "reordered framework loads");
    CHECK_STR(bsl_framework_sha256(b), bsl_framework_sha256(a),
              "reordering keys, whitespace and escapes keeps the sha256");
    CHECK_STR(bsl_framework_title(b, BSL_LANG_FR), "Titre", "\\u0069 is decoded");

    CHECK_INT(load(&c, fw_make(NULL, NULL, subst(IND_BOOL, "'points': 100", "'points': 99"), NULL),
                   NULL, &err),
              BSL_OK, "framework with 99 points loads");
    CHECK(strcmp(bsl_framework_sha256(c), bsl_framework_sha256(a)) != 0,
          "one point value changed: another sha256");
    CHECK_INT(load(&d, fw_make(NULL, NULL, subst(IND_BOOL, "'en': 'Yes'", "'en': 'Yes!'"), NULL),
                   NULL, &err),
              BSL_OK, "framework with another sentence loads");
    CHECK(strcmp(bsl_framework_sha256(d), bsl_framework_sha256(a)) != 0,
          "one sentence changed: another sha256");
    bsl_framework_free(a);
    bsl_framework_free(b);
    bsl_framework_free(c);
    bsl_framework_free(d);

    /* Every escape form, non-ASCII (BMP, astral, U+2028, DEL) and decimal
     * numbers; the expected hash comes from the same Python computation. */
    a = NULL;
    CHECK_INT(load(&a,
                   fw_make(" 'description': {'fr': 'q\\\"b\\\\s\\/ \\u00e9\\u0001\\u001f\\u007f"
                           "\\b\\f\\n\\r\\t \\u2028 \\ud83d\\ude00 \xc3\xa8', 'en': 'x'},",
                           " 'weight': 0.5, 'thresholds': {'met': 12.5, 'reservations': 0},", NULL, NULL),
                   NULL, &err),
              BSL_OK, "framework with escapes and decimals loads");
    CHECK_STR(bsl_framework_sha256(a), "44e93f00dc747c694afce8e70cd48b179a0df754d07a9072e704cd115acad000",
              "canonical escapes and numbers as written (computed in Python)");
    bsl_framework_free(a);
}

static void test_valid_variants(void)
{
    bsl_framework *fw = NULL;
    bsl_error err;
    /* "below X" followed by "up_to X" holds X alone: valid. */
    const char *doc = fw_make(NULL, NULL,
                              IND_NUMBER(BAND("below", 10, 10) ", " BAND("up_to", 10, 20) ", " OPEN_BAND(30)),
                              NULL);
    CHECK_INT(load(&fw, doc, NULL, &err), BSL_OK, "below 10 then up_to 10 is valid");
    bsl_framework_free(fw);
    fw = NULL;
    /* Two criteria with distinct ids and facts, custom thresholds. */
    doc = fw_make(" 'thresholds': {'met': 80, 'reservations': 80},",
                  " 'weight': 0, 'thresholds': {'met': 0, 'reservations': 0},", NULL,
                  more_criterion("C2", bool_fact("b")));
    CHECK_INT(load(&fw, doc, NULL, &err), BSL_OK, "two criteria, equal thresholds, weight 0: valid");
    CHECK_INT(bsl_framework_criterion_count(fw), 2, "two criteria");
    CHECK_STR(bsl_framework_criterion_id(fw, 1), "C2", "second criterion id");
    bsl_framework_free(fw);
}

static void test_load_errors(void)
{
    const char *ind_b = bool_fact("b");

    load_fails("wrong format", fw_with("boussole-framework/1", "boussole-framework/3"), NULL,
               BSL_ERR_ENUM, "'boussole-framework/3'", 0, 2, 13, "$.format");

    load_fails("missing criteria",
               dq("{\n"
                  "  'format': 'boussole-framework/1',\n"
                  "  'id': 't',\n"
                  "  'version': '1',\n"
                  "  'title': {'fr': 'Titre', 'en': 'Title'},\n"
                  "  'source': {'fr': 'Source', 'en': 'Source'}\n"
                  "}\n"),
               NULL, BSL_ERR_MISSING, "{", 0, 1, 1, "$.criteria");

    /* Issue 15: a decoded NUL would cut the id; rejected with its path. */
    load_fails("NUL in the id", fw_with("'id': 't',", "'id': 't\\u0000x',"), NULL,
               BSL_ERR_VALUE, "'t", 0, 3, 9, "$.id");
    load_fails("NUL in a criterion title", fw_with("'Un'", "'U\\u0000n'"), NULL,
               BSL_ERR_VALUE, "'U", 0, 8, 34, "$.criteria[0].title.fr");

    load_fails("unknown top-level field", fw_make(" 'extra': 1,", NULL, NULL, NULL), NULL,
               BSL_ERR_VALUE, "'extra'", 0, 6, 47, "$.extra");

    load_fails("empty criteria",
               dq("{'format': 'boussole-framework/1', 'id': 't', 'version': '1',\n"
                  " 'title': {'fr': 'T', 'en': 'T'}, 'source': {'fr': 'S', 'en': 'S'},\n"
                  " 'criteria': []}"),
               NULL, BSL_ERR_VALUE, "[]", 0, 3, 14, "$.criteria");

    load_fails("duplicate criterion id", fw_make(NULL, NULL, NULL, more_criterion("C1", ind_b)), NULL,
               BSL_ERR_VALUE, "'C1'", 1, 12, 12, "$.criteria[1].id");

    load_fails("duplicate fact across criteria",
               fw_make(NULL, NULL, NULL, more_criterion("C2", IND_BOOL)), NULL,
               BSL_ERR_VALUE, "'a', 'type'", 1, 12, 80, "$.criteria[1].indicators[0].fact");

    load_fails("points 101", fw_make(NULL, NULL, subst(IND_BOOL, "'points': 100", "'points': 101"), NULL),
               NULL, BSL_ERR_VALUE, "101", 0, 10, 188, "$.criteria[0].indicators[0].levels[1].points");

    load_fails("reservations above met",
               fw_make(NULL, " 'thresholds': {'met': 50, 'reservations': 60},", NULL, NULL), NULL,
               BSL_ERR_VALUE, "60}", 0, 8, 96, "$.criteria[0].thresholds.reservations");

    load_fails("bands out of order",
               fw_make(NULL, NULL,
                       IND_NUMBER(BAND("up_to", 10, 10) ", " BAND("up_to", 5, 20) ", " OPEN_BAND(30)),
                       NULL),
               NULL, BSL_ERR_VALUE, "5, 'points': 20", 0, 10, 165,
               "$.criteria[0].indicators[0].bands[1].up_to");

    load_fails("equal up_to bounds",
               fw_make(NULL, NULL,
                       IND_NUMBER(BAND("up_to", 10, 10) ", " BAND("up_to", 10, 20) ", " OPEN_BAND(30)),
                       NULL),
               NULL, BSL_ERR_VALUE, "10, 'points': 20", 0, 10, 165,
               "$.criteria[0].indicators[0].bands[1].up_to");

    load_fails("up_to X then below X",
               fw_make(NULL, NULL,
                       IND_NUMBER(BAND("up_to", 10, 10) ", " BAND("below", 10, 20) ", " OPEN_BAND(30)),
                       NULL),
               NULL, BSL_ERR_VALUE, "10, 'points': 20", 0, 10, 165,
               "$.criteria[0].indicators[0].bands[1].below");

    load_fails("bound on the last band",
               fw_make(NULL, NULL, IND_NUMBER(BAND("up_to", 10, 10) ", " BAND("up_to", 20, 20)), NULL),
               NULL, BSL_ERR_VALUE, "20, 'points': 20", 0, 10, 165,
               "$.criteria[0].indicators[0].bands[1].up_to");

    load_fails("non-last band without bound",
               fw_make(NULL, NULL,
                       IND_NUMBER(OPEN_BAND(10) ", " BAND("up_to", 5, 20) ", " OPEN_BAND(30)), NULL),
               NULL, BSL_ERR_VALUE, "{'points': 10", 0, 10, 85,
               "$.criteria[0].indicators[0].bands[0]");

    load_fails("enum level listed twice",
               fw_make(NULL, NULL, subst(IND_ENUM, "'value': 'z'", "'value': 'x'"), NULL), NULL,
               BSL_ERR_VALUE, "'x', 'points': 100", 0, 10, 235,
               "$.criteria[0].indicators[0].levels[2].value");

    load_fails("boolean level listed twice",
               fw_make(NULL, NULL, subst(IND_BOOL, "'value': true", "'value': false"), NULL), NULL,
               BSL_ERR_VALUE, "false, 'points': 100", 0, 10, 172,
               "$.criteria[0].indicators[0].levels[1].value");

    load_fails("set value listed twice",
               fw_make(NULL, NULL, subst(IND_SET, "['p', 'q']", "['p', 'q', 'p']"), NULL), NULL,
               BSL_ERR_VALUE, "'p']", 0, 10, 93, "$.criteria[0].indicators[0].values[2]");

    load_fails("set without values",
               fw_make(NULL, NULL, subst(IND_SET, "['p', 'q']", "[]"), NULL), NULL,
               BSL_ERR_VALUE, "[]", 0, 10, 82, "$.criteria[0].indicators[0].values");

    load_fails("set value that is not a token",
               fw_make(NULL, NULL, subst(IND_SET, "'q'", "'Q q'"), NULL), NULL,
               BSL_ERR_VALUE, "'Q q'", 0, 10, 88, "$.criteria[0].indicators[0].values[1]");

    load_fails("text without absent",
               fw_make(NULL, NULL,
                       subst(IND_TEXT, ", 'absent': {'points': 0, 'justification': {'fr': 'A', 'en': 'A'}}", ""),
                       NULL),
               NULL, BSL_ERR_MISSING, "{'fact': 'x'", 0, 10, 7, "$.criteria[0].indicators[0].absent");

    load_fails("levels field on a text indicator",
               fw_make(NULL, NULL, subst(IND_TEXT, "'type': 'text',", "'type': 'text', 'levels': [],"), NULL),
               NULL, BSL_ERR_VALUE, "'levels'", 0, 10, 37, "$.criteria[0].indicators[0].levels");

    load_fails("fact key with upper case",
               fw_make(NULL, NULL, subst(IND_BOOL, "'fact': 'a'", "'fact': 'A'"), NULL), NULL,
               BSL_ERR_VALUE, "'A'", 0, 10, 16, "$.criteria[0].indicators[0].fact");

    load_fails("indicator weight below 0",
               fw_make(NULL, NULL, subst(IND_BOOL, "'type': 'boolean',", "'type': 'boolean', 'weight': -1,"),
                       NULL),
               NULL, BSL_ERR_VALUE, "-1", 0, 10, 50, "$.criteria[0].indicators[0].weight");

    load_fails("applies_if names an unknown fact",
               fw_make(NULL, NULL, two(IND_BOOL, with_condition(ind_b, "{'fact': 'zz', 'in': [true]}")),
                       NULL),
               NULL, BSL_ERR_VALUE, "'zz'", 0, 10, 278, "$.criteria[0].indicators[1].applies_if.fact");

    load_fails("applies_if value not a level of its fact",
               fw_make(NULL, NULL,
                       two(IND_ENUM, with_condition(ind_b, "{'fact': 'e', 'in': ['x', 'nope']}")), NULL),
               NULL, BSL_ERR_ENUM, "'nope'", 0, 10, 353, "$.criteria[0].indicators[1].applies_if.in[1]");

    load_fails("applies_if on a boolean with a string",
               fw_make(NULL, NULL,
                       two(IND_BOOL, with_condition(ind_b, "{'fact': 'a', 'not_in': ['true']}")), NULL),
               NULL, BSL_ERR_TYPE, "'true'", 0, 10, 294, "$.criteria[0].indicators[1].applies_if.not_in[0]");

    load_fails("applies_if on its own fact",
               fw_make(NULL, NULL, with_condition(IND_BOOL, "{'fact': 'a', 'in': [true]}"), NULL),
               NULL, BSL_ERR_VALUE, "'a', 'in'", 0, 10, 44, "$.criteria[0].indicators[0].applies_if.fact");

    load_fails("applies_if with neither in nor not_in",
               fw_make(NULL, NULL, two(IND_BOOL, with_condition(ind_b, "{'fact': 'a'}")), NULL),
               NULL, BSL_ERR_MISSING, "{'fact': 'a'}", 0, 10, 269, "$.criteria[0].indicators[1].applies_if");

    load_fails("applies_if with an empty in",
               fw_make(NULL, NULL, two(IND_BOOL, with_condition(ind_b, "{'fact': 'a', 'in': []}")), NULL),
               NULL, BSL_ERR_VALUE, "[]}", 0, 10, 289, "$.criteria[0].indicators[1].applies_if.in");
    load_fails("applies_if with an empty not_in",
               fw_make(NULL, NULL, two(IND_BOOL, with_condition(ind_b, "{'fact': 'a', 'not_in': []}")), NULL),
               NULL, BSL_ERR_VALUE, "[]}", 0, 10, 293, "$.criteria[0].indicators[1].applies_if.not_in");

    /* applies_if cycles: a <-> b; c -> d -> e -> c reached from b2, which
     * is not in it (the error names the cycle from its first indicator). */
    load_fails("applies_if cycle of two",
               fw_make(NULL, NULL,
                       two(with_condition(IND_BOOL, "{'fact': 'b', 'in': [true]}"),
                           with_condition(ind_b, "{'fact': 'a', 'in': [false]}")),
                       NULL),
               NULL, BSL_ERR_VALUE, "'b', 'in'", 0, 10, 44, "$.criteria[0].indicators[0].applies_if.fact");
    {
        bsl_framework *fw = NULL;
        bsl_error err;
        int rc = load(&fw, fw_make(NULL, NULL,
                                   two(with_condition(IND_BOOL, "{'fact': 'b', 'in': [true]}"),
                                       with_condition(ind_b, "{'fact': 'a', 'in': [false]}")),
                                   NULL),
                      NULL, &err);
        CHECK_INT(rc, BSL_ERR_VALUE, "cycle of two: refused");
        CHECK_STR(err.message, "applies_if cycle: a -> b -> a", "cycle of two: the message names it");
        bsl_framework_free(fw);
        rc = load(&fw, fw_make(NULL, NULL,
                               two(two(IND_BOOL, with_condition(bool_fact("b2"), "{'fact': 'd', 'in': [true]}")),
                                   two(with_condition(bool_fact("c"), "{'fact': 'd', 'not_in': [true]}"),
                                       two(with_condition(bool_fact("d"), "{'fact': 'e', 'in': [true]}"),
                                           with_condition(bool_fact("e"), "{'fact': 'c', 'in': [true]}")))),
                               NULL),
                  NULL, &err);
        CHECK_INT(rc, BSL_ERR_VALUE, "cycle of three reached from outside it: refused");
        CHECK_STR(err.message, "applies_if cycle: c -> d -> e -> c", "cycle of three: from its first indicator");
        CHECK_STR(err.path, "$.criteria[0].indicators[2].applies_if.fact", "cycle of three: path of c");
        CHECK(fw == NULL, "cycle: out is NULL");
        bsl_framework_free(fw);
        /* A chain without a cycle loads: b2 -> c -> a. */
        rc = load(&fw, fw_make(NULL, NULL,
                               two(IND_BOOL, two(with_condition(bool_fact("b2"), "{'fact': 'c', 'in': [true]}"),
                                                 with_condition(bool_fact("c"), "{'fact': 'a', 'in': [true]}"))),
                               NULL),
                  NULL, &err);
        CHECK_INT(rc, BSL_OK, "a chain of conditions without a cycle loads");
        bsl_framework_free(fw);
    }

    load_fails("applies_if on a number fact",
               fw_make(NULL, NULL,
                       two(IND_NUMBER(OPEN_BAND(1)), with_condition(ind_b, "{'fact': 'n', 'in': [1]}")),
                       NULL),
               NULL, BSL_ERR_VALUE, "'n', 'in'", 0, 10, 180, "$.criteria[0].indicators[1].applies_if.fact");

    load_fails("missing en in a label",
               fw_make(NULL, NULL, subst(IND_BOOL, "{'fr': 'A ?', 'en': 'A?'}", "{'fr': 'A ?'}"), NULL),
               NULL, BSL_ERR_MISSING, "{'fr': 'A ?'}", 0, 10, 49, "$.criteria[0].indicators[0].label.en");

    load_fails("empty fr in a title", fw_with("{'fr': 'Un',", "{'fr': '',"), NULL,
               BSL_ERR_VALUE, "'', 'en': 'One'", 0, 8, 34, "$.criteria[0].title.fr");

    load_fails("unknown language in a title", fw_with("'en': 'One'", "'en': 'One', 'de': 'Eins'"),
               NULL, BSL_ERR_VALUE, "'de'", 0, 8, 53, "$.criteria[0].title.de");

    load_fails("red-line outcome with points",
               fw_make(NULL, NULL,
                       subst(IND_BOOL, "'value': true, 'points': 100", "'value': true, 'red_line': true, 'points': 5"),
                       NULL),
               NULL, BSL_ERR_VALUE, "5, 'justification'", 0, 10, 206,
               "$.criteria[0].indicators[0].levels[1].points");

    load_fails("red line that also fails a necessary condition",
               fw_make(NULL, NULL,
                       subst(IND_SET, "'red_line': true,", "'red_line': true, 'fails_necessary_condition': true,"),
                       NULL),
               NULL, BSL_ERR_VALUE, "true, 'justification': {'fr': 'N'", 0, 10, 222,
               "$.criteria[0].indicators[0].non_empty.fails_necessary_condition");
    load_fails("fails_necessary_condition not a boolean",
               fw_make(NULL, NULL,
                       subst(IND_BOOL, "'value': false, 'points': 0,",
                             "'value': false, 'points': 0, 'fails_necessary_condition': 1,"),
                       NULL),
               NULL, BSL_ERR_TYPE, "1, 'justification'", 0, 10, 146,
               "$.criteria[0].indicators[0].levels[0].fails_necessary_condition");

    load_fails("outcome without points",
               fw_make(NULL, NULL, subst(IND_BOOL, "'value': true, 'points': 100,", "'value': true,"),
                       NULL),
               NULL, BSL_ERR_MISSING, "{'value': true", 0, 10, 162,
               "$.criteria[0].indicators[0].levels[1].points");

    load_fails("unknown indicator type",
               fw_make(NULL, NULL, subst(IND_BOOL, "'boolean'", "'integer'"), NULL),
               NULL, BSL_ERR_ENUM, "'integer'", 0, 10, 29, "$.criteria[0].indicators[0].type");

    load_fails("wrong JSON type for required",
               fw_make(NULL, NULL, subst(IND_BOOL, "'type': 'boolean',", "'type': 'boolean', 'required': 'yes',"),
                       NULL),
               NULL, BSL_ERR_TYPE, "'yes'", 0, 10, 52, "$.criteria[0].indicators[0].required");

    load_fails("wrong JSON type for version", fw_with("'version': '1'", "'version': 1"), NULL,
               BSL_ERR_TYPE, "1,\n  'title'", 0, 4, 14, "$.version");

    load_fails("JSON syntax error", fw_with("'id': 't',", "'id' 't',"), NULL,
               BSL_ERR_SYNTAX, "'t'", 0, 3, 8, "");

    load_fails("duplicate JSON key", fw_with("'version': '1',", "'version': '1', 'version': '2',"),
               NULL, BSL_ERR_SYNTAX, "'version'", 1, 4, 19, "");

    load_fails("framework id with upper case (doc: [a-z0-9._-]+)", fw_with("'id': 't'", "'id': 'T'"),
               NULL, BSL_ERR_VALUE, "'T'", 0, 3, 9, "$.id");
}

/* "fails_necessary_condition" on every kind of outcome, in a format 1
 * file: the flag is read, and shows on the outcome that matches. */
static void test_necessary_condition_flag(void)
{
#define NC "'fails_necessary_condition': true, "
    const char *inds = two(two(subst(IND_ENUM, "{'value': 'x', ", "{'value': 'x', " NC),
                               subst(IND_SET, "'empty': {", "'empty': {" NC)),
                           two(subst(IND_TEXT, "'absent': {", "'absent': {" NC),
                               IND_NUMBER(BAND("below", 5, 0) ", {" NC "'points': 100, "
                                          "'justification': {'fr': 'J', 'en': 'J'}}")));
#undef NC
    const char *doc = fw_make(NULL, NULL, inds, NULL);
    static const struct {
        const char *facts;
        int flags[4]; /* e, s, x, n */
    } cases[] = {
        { "'e': 'x', 's': [], 'x': '', 'n': 7", { 1, 1, 1, 1 } },
        { "'e': 'y', 's': ['p'], 'x': 'ok', 'n': 1", { 0, 0, 0, 0 } },
        { "'e': 'x'", { 1, 0, 0, 0 } },
    };
    bsl_framework *fw = NULL;
    bsl_error err;
    size_t i, k;
    CHECK_INT(load(&fw, doc, NULL, &err), BSL_OK, "fails_necessary_condition on levels, pairs and bands loads");
    if (!fw)
        return;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *uc = dq(subst("{'id': 'u', 'title': 't', 'facts': {@}}", "@", cases[i].facts));
        bsl_result *r = NULL;
        CHECK_INT(bsl_evaluate_json(&r, fw, uc, strlen(uc), NULL, &err), BSL_OK, "evaluates");
        for (k = 0; k < 4; k++) {
            char label[200];
            const bsl_outcome *o = bsl_criterion_result_outcome(bsl_result_criterion(r, 0), k);
            snprintf(label, sizeof label, "%s: %s fails a necessary condition: %d", cases[i].facts,
                     bsl_outcome_fact(o), cases[i].flags[k]);
            CHECK_INT(bsl_outcome_fails_necessary_condition(o) != 0, cases[i].flags[k], label);
        }
        bsl_result_free(r);
    }
    CHECK_INT(bsl_outcome_fails_necessary_condition(NULL), 0, "bsl_outcome_fails_necessary_condition(NULL)");
    bsl_framework_free(fw);
}

static void test_limits_and_arguments(void)
{
    const char *two_criteria = fw_make(NULL, NULL, NULL, more_criterion("C2", bool_fact("b")));
    bsl_framework *fw = (bsl_framework *)&fw;
    bsl_options opts;
    bsl_error err;
    int rc;

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.max_indicators = 1;
    load_fails("max_indicators 1 with two indicators", two_criteria, &opts, BSL_ERR_LIMIT,
               "[{'fact': 'b'", 0, 12, 70, "$.criteria[1].indicators");
    opts.max_indicators = 2;
    CHECK_INT(load(&fw, two_criteria, &opts, &err), BSL_OK, "max_indicators 2 with two indicators");
    bsl_framework_free(fw);

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.version = BSL_OPTIONS_VERSION + 1;
    load_fails("options with an unknown version", two_criteria, &opts, BSL_ERR_ARG, NULL, 0, 0, 0, "");
    opts.version = 0;
    load_fails("options with version 0", two_criteria, &opts, BSL_ERR_ARG, NULL, 0, 0, 0, "");

    bsl_options_init(&opts, BSL_OPTIONS_VERSION);
    opts.allocator.malloc = ca_malloc;
    load_fails("allocator with only malloc", two_criteria, &opts, BSL_ERR_ARG, NULL, 0, 0, 0, "");

    fw = (bsl_framework *)&fw;
    rc = bsl_framework_load_embedded(&fw, "paris-2030", NULL, &err);
    check_error_at("unknown embedded id", rc, &err, BSL_ERR_NOTFOUND, NULL, NULL, 0, 0, 0, "");
    CHECK(fw == NULL, "unknown embedded id: out is NULL");
    CHECK_CONTAINS(err.message, "paris-2030", "unknown embedded id: message names it");

    fw = (bsl_framework *)&fw;
    rc = bsl_framework_load_file(&fw, SRCDIR "/frameworks/does-not-exist.json", NULL, &err);
    check_error_at("missing file", rc, &err, BSL_ERR_IO, NULL, NULL, 0, 0, 0, "");
    CHECK(fw == NULL, "missing file: out is NULL");
    CHECK_CONTAINS(err.message, "does-not-exist.json", "missing file: message names it");

    rc = bsl_framework_load(NULL, "{}", 2, NULL, &err);
    check_error_at("NULL out", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    fw = (bsl_framework *)&fw;
    rc = bsl_framework_load(&fw, NULL, 5, NULL, &err);
    check_error_at("NULL buffer with a length", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    CHECK(fw == NULL, "NULL buffer: out is NULL");
    fw = (bsl_framework *)&fw;
    rc = bsl_framework_load(&fw, NULL, 0, NULL, &err);
    CHECK_INT(rc, BSL_ERR_SYNTAX, "NULL buffer of length 0 is an empty document");
    CHECK(fw == NULL, "empty document: out is NULL");
    fw = (bsl_framework *)&fw;
    rc = bsl_framework_load_file(&fw, NULL, NULL, &err);
    check_error_at("NULL path", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");
    CHECK(fw == NULL, "NULL path: out is NULL");
    rc = bsl_framework_load_embedded(NULL, NULL, NULL, &err);
    check_error_at("embedded with NULL out", rc, &err, BSL_ERR_ARG, NULL, NULL, 0, 0, 0, "");

    /* Not NUL-terminated input: only len bytes are read. */
    {
        const char *doc = fw_make(NULL, NULL, NULL, NULL);
        size_t n = strlen(doc);
        char *copy = tu_keep(malloc(n + 8));
        memcpy(copy, doc, n);
        memcpy(copy + n, "garbage", 8);
        fw = NULL;
        CHECK_INT(bsl_framework_load(&fw, copy, n, NULL, &err), BSL_OK, "bytes after len are not read");
        bsl_framework_free(fw);
    }
}

/* The embedded tables carry the SHA-256 the loader computed at build time
 * (lib/tools/gen_tables.c); loading the JSON files hashes them at run
 * time: both must agree, for every document (tests/test_embedded.c
 * compares everything else). */
static void test_embedded_hashes_match_the_json(void)
{
    size_t i, wrong = 0;
    bsl_vocabulary *hashed = NULL, *embedded = NULL;
    size_t len = 0;
    const char *voc = read_file(SRCDIR "/frameworks/vocabulary.json", &len);
    for (i = 0; i < bsl_embedded_framework_total; i++) {
        const bsl_embedded_framework *d = &bsl_embedded_frameworks[i];
        bsl_framework *a = NULL, *b = NULL;
        char path[512];
        snprintf(path, sizeof path, SRCDIR "/frameworks/%s.json", d->id);
        if (bsl_framework_load_file(&a, path, NULL, NULL) ||
            bsl_framework_load_embedded(&b, d->id, NULL, NULL) ||
            strcmp(bsl_framework_sha256(a), d->tables->sha256) || strcmp(bsl_framework_sha256(b), d->tables->sha256)) {
            printf("# %s: build-time and run-time SHA-256 differ\n", d->id);
            wrong++;
        }
        bsl_framework_free(a);
        bsl_framework_free(b);
    }
    CHECK_INT(wrong, 0, "every embedded framework: the build-time SHA-256 is the run-time one");
    CHECK_INT(bsl_vocabulary_load(&hashed, voc, len, NULL, NULL), BSL_OK, "frameworks/vocabulary.json loads");
    CHECK_INT(bsl_vocabulary_load_embedded(&embedded, NULL, NULL), BSL_OK, "embedded vocabulary loads");
    if (hashed && embedded) {
        CHECK_STR(bsl_vocabulary_sha256(embedded), bsl_vocabulary_sha256(hashed),
                  "embedded vocabulary: the build-time SHA-256 is the run-time one");
        CHECK_STR(bsl_embedded_vocabulary.sha256, bsl_vocabulary_sha256(hashed),
                  "embedded vocabulary: the table holds the run-time SHA-256");
    }
    bsl_vocabulary_free(hashed);
    bsl_vocabulary_free(embedded);
}

int main(void)
{
    test_embedded_default();
    test_embedded_hashes_match_the_json();
    test_file_and_reformatting();
    test_sha256_canonical();
    test_valid_variants();
    test_load_errors();
    test_necessary_condition_flag();
    test_limits_and_arguments();
    tu_cleanup();
    return check_done();
}
