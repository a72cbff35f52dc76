/* bsl_framework_schema() and bsl_framework_template(): what a use-case for
 * a framework may hold, as a JSON Schema (draft 2020-12) for form builders
 * and editors, and as a blank document to fill in. Both say exactly what
 * lib/usecase.c accepts: the top-level fields, the facts of the vocabulary
 * (plus a format-1 framework's own), typed as they are checked, null
 * meaning not answered. */
#include "framework.h"
#include "render.h"
#include "json_writer.h"
#include "error.h"

#include <stdint.h>
#include <string.h>

typedef struct schema_words {
    const char *title_prefix, *description, *id, *title, *service, *usecase_description, *phase,
        *framework, *comments, *facts, *evidence, *evidence_item, *template_id, *template_title;
} schema_words;

static const schema_words fr = {
    "Cas d'usage pour\xc2\xa0: ",
    "Un cas d'usage de l'IA décrit par les faits du vocabulaire partagé (doc/usecase-format.md). "
    "Un fait requis manquant ne rend pas le document invalide\xc2\xa0: le verdict est alors "
    "«\xc2\xa0à compléter\xc2\xa0» (x-boussole-required liste ces faits).",
    "Identifiant du cas d'usage, non vide.",
    "Intitulé du cas d'usage, non vide.",
    "Le service demandeur.",
    "Description du cas d'usage.",
    "Phase du projet, texte libre (idée, expérimentation, déploiement...).",
    "Le référentiel visé par les auteurs, à titre indicatif\xc2\xa0: l'évaluation utilise le "
    "référentiel choisi par l'appelant.",
    "Commentaires.",
    "Les faits\xc2\xa0: clé du vocabulaire -> valeur\xc2\xa0; null signifie non renseigné. Une clé que ce "
    "référentiel ne lit pas est admise (non utilisée)\xc2\xa0; une clé hors du vocabulaire ne l'est pas.",
    "Les preuves\xc2\xa0: clé du vocabulaire -> référence d'un document ou adresse, reprise dans la "
    "justification.",
    "Référence d'un document ou adresse.",
    "nouveau-cas-d-usage",
    "À renseigner",
};

static const schema_words en = {
    "Use-case for: ",
    "An AI use-case described by the facts of the shared vocabulary (doc/usecase-format.md). A "
    "missing required fact does not make the document invalid: it makes the verdict "
    "\"incomplete\" (x-boussole-required lists those facts).",
    "Identifier of the use-case, non-empty.",
    "Title of the use-case, non-empty.",
    "The service that asks.",
    "Description of the use-case.",
    "Phase of the project, free text (idea, experimentation, deployment...).",
    "The framework the authors had in mind, informative: evaluation uses the framework the "
    "caller chooses.",
    "Comments.",
    "The facts: vocabulary key -> value; null means not answered. A key this framework does not "
    "read is allowed (not used); a key outside the vocabulary is not.",
    "The evidence: vocabulary key -> document reference or address, carried into the "
    "justification.",
    "Document reference or address.",
    "new-use-case",
    "To be completed",
};

static int bad_args(char **out, size_t *out_len, const bsl_framework *fw, bsl_lang lang)
{
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    return !out || !fw || (lang != BSL_LANG_FR && lang != BSL_LANG_EN);
}

/* {"fr": ..., "en": ...}, or null when the text has none. */
static void both(bsl_jw *w, const char *k, const bsl_text *t)
{
    if (!t->s[0]) {
        bsl_jw_raw(w, k, NULL);
        return;
    }
    bsl_jw_open(w, k, '{');
    bsl_jw_str(w, "fr", t->s[BSL_LANG_FR]);
    bsl_jw_str(w, "en", t->s[BSL_LANG_EN]);
    bsl_jw_close(w, '}');
}

/* ["a", "b"] or ["a", "b", null]. */
static void value_list(bsl_jw *w, const char *k, const bsl_fact *def, int with_null)
{
    size_t i;
    bsl_jw_open(w, k, '[');
    for (i = 0; i < def->value_count; i++)
        bsl_jw_raw(w, NULL, def->values[i].json);
    if (with_null)
        bsl_jw_raw(w, NULL, "null");
    bsl_jw_close(w, ']');
}

static void type_or_null(bsl_jw *w, const char *type)
{
    bsl_jw_open(w, "type", '[');
    bsl_jw_str(w, NULL, type);
    bsl_jw_str(w, NULL, "null");
    bsl_jw_close(w, ']');
}

/* One property of "facts": the fact as the use-case parser checks it. ind
 * is the indicator reading it, NULL when the framework does not. */
static void fact_property(bsl_jw *w, const bsl_fact *def, const bsl_indicator *ind, bsl_lang lang)
{
    const bsl_text *label = ind ? &ind->label : &def->label;
    size_t i;
    bsl_jw_open(w, def->key, '{');
    bsl_jw_str(w, "title", label->s[lang]);
    if (def->help.s[lang])
        bsl_jw_str(w, "description", def->help.s[lang]);
    switch (def->type) {
    case BSL_FACT_BOOLEAN: type_or_null(w, "boolean"); break;
    case BSL_FACT_ENUM: value_list(w, "enum", def, 1); break;
    case BSL_FACT_NUMBER:
        type_or_null(w, "number");
        if (def->has_min)
            bsl_jw_raw(w, "minimum", def->min.text);
        if (def->has_max)
            bsl_jw_raw(w, "maximum", def->max.text);
        break;
    case BSL_FACT_SET:
        type_or_null(w, "array");
        bsl_jw_open(w, "items", '{');
        value_list(w, "enum", def, 0);
        bsl_jw_close(w, '}');
        bsl_jw_bool(w, "uniqueItems", 1);
        break;
    case BSL_FACT_TEXT: type_or_null(w, "string"); break;
    }
    bsl_jw_open(w, "x-boussole", '{');
    bsl_jw_str(w, "type", bsl_fact_type_token(def->type));
    both(w, "label", label);
    both(w, "help", &def->help);
    if (def->type == BSL_FACT_ENUM || def->type == BSL_FACT_SET) {
        bsl_jw_open(w, "value_labels", '{');
        for (i = 0; i < def->value_count; i++)
            both(w, def->values[i].value, &def->values[i].label);
        bsl_jw_close(w, '}');
    } else {
        bsl_jw_raw(w, "value_labels", NULL);
    }
    both(w, "unit", &def->unit);
    bsl_jw_str(w, "criterion", ind ? ind->criterion_id : NULL);
    bsl_jw_bool(w, "required", ind && ind->required);
    bsl_jw_bool(w, "used", ind != NULL);
    bsl_jw_close(w, '}');
    bsl_jw_close(w, '}');
}

/* Every key a use-case may hold in facts and evidence, in order: the
 * vocabulary's facts (with the framework's definition when it reads one,
 * format 1 may type it itself), then a format-1 framework's facts outside
 * the vocabulary. Calls each(w, def, ind, lang) for each. */
static void each_key(bsl_jw *w, const bsl_framework *fw, bsl_lang lang,
                     void (*each)(bsl_jw *, const bsl_fact *, const bsl_indicator *, bsl_lang))
{
    const bsl_vocabulary *v = fw->vocab;
    size_t i;
    for (i = 0; i < v->fact_count; i++) {
        const bsl_fact *f = &v->facts[i];
        size_t k = bsl_framework_find_fact(fw, f->key, f->key_len);
        const bsl_indicator *ind = k == SIZE_MAX ? NULL : &fw->indicators[k];
        each(w, ind ? ind->def : f, ind, lang);
    }
    for (i = 0; i < fw->indicator_count; i++) {
        const bsl_indicator *ind = &fw->indicators[i];
        if (bsl_vocabulary_find_key(v, ind->fact, ind->fact_len) == SIZE_MAX)
            each(w, ind->def, ind, lang);
    }
}

static void evidence_property(bsl_jw *w, const bsl_fact *def, const bsl_indicator *ind, bsl_lang lang)
{
    const schema_words *sw = lang == BSL_LANG_FR ? &fr : &en;
    (void)ind;
    bsl_jw_open(w, def->key, '{');
    bsl_jw_str(w, "type", "string");
    bsl_jw_str(w, "description", sw->evidence_item);
    bsl_jw_close(w, '}');
}

/* {"type": "string", "description": ...} (+ minLength 1 when required). */
static void string_field(bsl_jw *w, const char *k, const char *description, int non_empty)
{
    bsl_jw_open(w, k, '{');
    bsl_jw_str(w, "type", "string");
    if (non_empty)
        bsl_jw_raw(w, "minLength", "1");
    bsl_jw_str(w, "description", description);
    bsl_jw_close(w, '}');
}

static void provenance(bsl_jw *w, const char *k, const char *id, const char *version,
                       const char *sha256)
{
    bsl_jw_open(w, k, '{');
    bsl_jw_str(w, "id", id);
    bsl_jw_str(w, "version", version);
    bsl_jw_str(w, "sha256", sha256);
    bsl_jw_close(w, '}');
}

static void write_schema(bsl_buf *b, const bsl_framework *fw, bsl_lang lang)
{
    const schema_words *sw = lang == BSL_LANG_FR ? &fr : &en;
    bsl_jw w;
    size_t i;
    bsl_jw_begin(&w, b, 0);
    bsl_jw_str(&w, "$schema", "https://json-schema.org/draft/2020-12/schema");
    bsl_jw_key(&w, "title");
    bsl_buf_putc(b, '"');
    bsl_buf_json_chars(b, sw->title_prefix, strlen(sw->title_prefix));
    bsl_buf_json_chars(b, fw->title.s[lang], strlen(fw->title.s[lang]));
    bsl_buf_putc(b, '"');
    bsl_jw_str(&w, "description", sw->description);
    bsl_jw_str(&w, "type", "object");
    bsl_jw_open(&w, "required", '[');
    bsl_jw_str(&w, NULL, "id");
    bsl_jw_str(&w, NULL, "title");
    bsl_jw_str(&w, NULL, "facts");
    bsl_jw_close(&w, ']');
    bsl_jw_bool(&w, "additionalProperties", 0);
    bsl_jw_open(&w, "properties", '{');
    string_field(&w, "id", sw->id, 1);
    string_field(&w, "title", sw->title, 1);
    string_field(&w, "service", sw->service, 0);
    string_field(&w, "description", sw->usecase_description, 0);
    string_field(&w, "phase", sw->phase, 0);
    string_field(&w, "framework", sw->framework, 0);
    string_field(&w, "comments", sw->comments, 0);
    bsl_jw_open(&w, "facts", '{');
    bsl_jw_str(&w, "type", "object");
    bsl_jw_str(&w, "description", sw->facts);
    bsl_jw_bool(&w, "additionalProperties", 0);
    bsl_jw_open(&w, "properties", '{');
    each_key(&w, fw, lang, fact_property);
    bsl_jw_close(&w, '}');
    bsl_jw_close(&w, '}');
    bsl_jw_open(&w, "evidence", '{');
    bsl_jw_str(&w, "type", "object");
    bsl_jw_str(&w, "description", sw->evidence);
    bsl_jw_bool(&w, "additionalProperties", 0);
    bsl_jw_open(&w, "properties", '{');
    each_key(&w, fw, lang, evidence_property);
    bsl_jw_close(&w, '}');
    bsl_jw_close(&w, '}');
    bsl_jw_close(&w, '}');
    provenance(&w, "x-boussole-framework", fw->id, fw->version, fw->sha256);
    provenance(&w, "x-boussole-vocabulary", fw->vocab->id, fw->vocab->version, fw->vocab->sha256);
    bsl_jw_open(&w, "x-boussole-required", '[');
    for (i = 0; i < fw->indicator_count; i++)
        if (fw->indicators[i].required)
            bsl_jw_str(&w, NULL, fw->indicators[i].fact);
    bsl_jw_close(&w, ']');
    bsl_jw_end(&w);
}

int bsl_framework_schema(char **out, size_t *out_len, const bsl_framework *fw, bsl_lang lang,
                         bsl_error *err)
{
    bsl_buf b;
    bsl_error_clear(err);
    if (bad_args(out, out_len, fw, lang))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_framework_schema: bad argument");
    bsl_handout_init(&b, &fw->cfg.alloc);
    write_schema(&b, fw, lang);
    if (bsl_handout_take(&b, out, out_len) != BSL_OK)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    return BSL_OK;
}

int bsl_framework_template(char **out, size_t *out_len, const bsl_framework *fw, bsl_lang lang,
                           bsl_error *err)
{
    const schema_words *sw = lang == BSL_LANG_FR ? &fr : &en;
    bsl_buf b;
    bsl_jw w;
    size_t i;
    bsl_error_clear(err);
    if (bad_args(out, out_len, fw, lang))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_framework_template: bad argument");
    bsl_handout_init(&b, &fw->cfg.alloc);
    bsl_jw_begin(&w, &b, 0);
    bsl_jw_str(&w, "id", sw->template_id);
    bsl_jw_str(&w, "title", sw->template_title);
    bsl_jw_str(&w, "framework", fw->id);
    bsl_jw_open(&w, "facts", '{');
    for (i = 0; i < fw->indicator_count; i++)
        bsl_jw_raw(&w, fw->indicators[i].fact, "null");
    bsl_jw_close(&w, '}');
    bsl_jw_end(&w);
    if (bsl_handout_take(&b, out, out_len) != BSL_OK)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    return BSL_OK;
}
