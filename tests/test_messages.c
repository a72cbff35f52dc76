/* Error messages in French (issue 15): every catalogued message has both
 * languages with the same arguments, each is recognised as itself (no
 * more general format shadows it), real errors of each kind come out in
 * French, values stay escaped, and a small buffer is cut cleanly. */
#include "check.h"
#include "messages.h"

#include <boussole.h>

/* Placeholders {1}..{9} in fr: bit k set when {k+1} is used. */
static unsigned placeholders(const char *fr, int *stray)
{
    unsigned used = 0;
    for (*stray = 0; *fr; fr++) {
        if (fr[0] == '{' && fr[1] >= '1' && fr[1] <= '9' && fr[2] == '}')
            used |= 1u << (fr[1] - '1'), fr += 2;
        else if (*fr == '{' || *fr == '}')
            *stray = 1;
    }
    return used;
}

/* The English message an entry gives with sample arguments: "Aa1" for a
 * string (distinct per argument), "42" for a number, 'q' for %c. */
static void sample(const char *en, char *out, size_t cap, size_t *argc)
{
    size_t o = 0;
    *argc = 0;
    while (*en && o + 8 < cap) {
        if (en[0] == '%' && en[1] == '%') {
            out[o++] = '%';
            en += 2;
            continue;
        }
        if (en[0] != '%') {
            out[o++] = *en++;
            continue;
        }
        en++;
        while (*en && strchr("-+ #0123456789.hlzjt", *en))
            en++;
        if (*en == 's')
            o += (size_t)snprintf(out + o, cap - o, "Aa%zu", *argc + 1);
        else if (*en == 'c')
            out[o++] = 'q';
        else
            o += (size_t)snprintf(out + o, cap - o, "42");
        en++;
        (*argc)++;
    }
    out[o] = '\0';
}

/* Every entry of a catalogue (error messages or framework warnings):
 * a unique id, both languages with the same arguments, recognised as itself. */
static void check_table(const bsl_message *table, size_t count, const char *name)
{
    size_t i, j;
    int ok_ids = 1, ok_langs = 1, ok_args = 1, ok_self = 1;
    char what[160];
    for (i = 0; i < count; i++) {
        const bsl_message *m = &table[i];
        const bsl_message *found;
        char en[BSL_ERROR_MESSAGE_SIZE];
        size_t argc;
        int stray;
        unsigned used;
        if (!m->id || !*m->id)
            ok_ids = 0;
        for (j = 0; j < i; j++)
            if (!strcmp(table[j].id, m->id))
                ok_ids = 0, printf("# duplicate id %s\n", m->id);
        if (!m->en || !*m->en || !m->fr || !*m->fr || !strcmp(m->en, m->fr))
            ok_langs = 0, printf("# %s lacks a language\n", m->id);
        sample(m->en, en, sizeof en, &argc);
        used = placeholders(m->fr, &stray);
        if (stray || used != (argc ? (1u << argc) - 1 : 0) || (m->phrases >> argc))
            ok_args = 0, printf("# %s: French does not use its %zu arguments\n", m->id, argc);
        found = bsl_message_recognise(table, count, en);
        if (found != m)
            ok_self = 0, printf("# \"%s\" is recognised as %s, not %s\n", en, found ? found->id : "nothing", m->id);
    }
    snprintf(what, sizeof what, "%s: every id is set and unique", name);
    CHECK(ok_ids, what);
    snprintf(what, sizeof what, "%s: every entry has an English and a different French wording", name);
    CHECK(ok_langs, what);
    snprintf(what, sizeof what, "%s: every French wording uses each argument of the English format", name);
    CHECK(ok_args, what);
    snprintf(what, sizeof what, "%s: every entry is recognised as itself (none shadowed by a more general one)",
             name);
    CHECK(ok_self, what);
}

static void test_catalogue(void)
{
    size_t i;
    int ok_langs = 1;
    check_table(bsl_messages, bsl_message_count, "errors");
    CHECK(bsl_message_count > 30, "the catalogue has the library's messages");
    check_table(bsl_warning_messages, bsl_warning_message_count, "framework warnings");
    CHECK_INT(bsl_warning_message_count, 4, "the catalogue has the four kinds of framework warning");
    for (i = 0; i < bsl_phrase_count; i++)
        if (!bsl_phrases[i].fr || (*bsl_phrases[i].en && !*bsl_phrases[i].fr))
            ok_langs = 0;
    CHECK(ok_langs, "every phrase has its French");
}

/* Evaluate text under the default framework; the error's French message. */
static int fail(const char *text, bsl_error *err, char *fr, size_t cap)
{
    bsl_framework *fw = NULL;
    bsl_result *r = NULL;
    int rc = bsl_framework_load_embedded(&fw, NULL, NULL, err);
    if (!rc)
        rc = bsl_evaluate_json(&r, fw, text, strlen(text), NULL, err);
    bsl_result_free(r);
    bsl_framework_free(fw);
    bsl_error_message(err, BSL_LANG_FR, fr, cap);
    return rc;
}

static void test_real_errors(void)
{
    static const struct { const char *text, *id, *fr; } cases[] = {
        {"{\"id\":\"x\",}", "json.expected_found",
         "virgule finale\u00a0: une clé (chaîne) est attendue, trouvé\u00a0: '}'"},
        {"{\"id\":\"x\",\"id\":\"y\"}", "json.duplicate_key", "clé «\u00a0id\u00a0» en double"},
        {"", "json.empty", "document vide\u00a0: une valeur est attendue"},
        {"{\"id\":3}", "schema.type", "type attendu\u00a0: chaîne, trouvé\u00a0: nombre"},
        {"{\"id\":\"x\",\"title\":\"t\"}", "schema.missing", "champ obligatoire «\u00a0facts\u00a0» manquant"},
        {"{\"id\":\"\",\"title\":\"t\",\"facts\":{}}", "schema.empty", "«\u00a0id\u00a0» ne doit pas être vide"},
        {"{\"id\":\"x\",\"title\":\"t\",\"facts\":{},\"nope\":1}", "schema.unknown_field", NULL},
        {"{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"hosting\":\"moon\"}}", "usecase.not_a_value",
         "«\u00a0moon\u00a0» n'est pas une valeur de hosting (valeurs autorisées\u00a0: non_eu, eu, france)"},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        bsl_error err;
        char fr[512], en[512], what[160];
        int rc = fail(cases[i].text, &err, fr, sizeof fr);
        bsl_error_message(&err, BSL_LANG_EN, en, sizeof en);
        snprintf(what, sizeof what, "%s: an error, recognised", cases[i].id);
        CHECK(rc != BSL_OK && bsl_error_message_id(&err) && !strcmp(bsl_error_message_id(&err), cases[i].id), what);
        if (rc != BSL_OK && !bsl_error_message_id(&err))
            printf("#   message: %s\n", err.message);
        snprintf(what, sizeof what, "%s: English is the message as written", cases[i].id);
        CHECK_STR(en, err.message, what);
        snprintf(what, sizeof what, "%s: in French", cases[i].id);
        if (cases[i].fr)
            CHECK_STR(fr, cases[i].fr, what);
        else
            CHECK(strcmp(fr, err.message) != 0 && strstr(fr, "champ «\u00a0nope\u00a0» inconnu"), what);
    }
}

static void test_escapes_stay(void)
{
    bsl_error err;
    char fr[512];
    fail("{\"id\":\"x\",\"title\":\"t\",\"facts\":{\"hosting\":\"\\u001b[2J\\r\\nforged\"}}", &err, fr, sizeof fr);
    CHECK(strstr(fr, "n'est pas une valeur de hosting") != NULL, "an enum error with escapes is in French");
    CHECK(!strchr(fr, 0x1b) && !strchr(fr, '\r') && !strchr(fr, '\n'), "no raw control character");
    CHECK(strstr(fr, "\\u001b[2J\\u000d\\u000aforged") != NULL, "the value is still escaped");
}

static void test_buffers(void)
{
    bsl_error err;
    char fr[512], small[14];
    size_t full, n;
    fail("{\"id\":3}", &err, fr, sizeof fr);
    full = strlen(fr);
    n = bsl_error_message(&err, BSL_LANG_FR, small, sizeof small);
    CHECK_INT(n, full, "the whole length is returned, as snprintf does");
    /* "type attendu\u00a0:": 13 bytes fit, the 13th is half the no-break space */
    CHECK_STR(small, "type attendu", "a cut falls between characters");
    CHECK_INT(bsl_error_message(&err, BSL_LANG_FR, NULL, 0), full, "a NULL buffer of size 0 measures");
    CHECK_INT(bsl_error_message(NULL, BSL_LANG_FR, fr, sizeof fr), 0, "a NULL error gives \"\"");
    CHECK_STR(fr, "", "a NULL error gives \"\"");
    memset(&err, 0, sizeof err);
    strcpy(err.message, "a message of the caller's own");
    bsl_error_message(&err, BSL_LANG_FR, fr, sizeof fr);
    CHECK_STR(fr, "a message of the caller's own", "a message not of the library is given as it is");
    CHECK_STR(bsl_error_message_id(&err), NULL, "and has no id");
    CHECK_STR(bsl_error_message_id(NULL), NULL, "a NULL error has no id");
    memset(err.message, 'x', sizeof err.message); /* no terminator */
    CHECK_INT(bsl_error_message(&err, BSL_LANG_FR, fr, sizeof fr), sizeof err.message - 1,
              "a message without its NUL is read to the end of its field, not beyond");
}

int main(void)
{
    test_catalogue();
    test_real_errors();
    test_escapes_stay();
    test_buffers();
    return check_done();
}
