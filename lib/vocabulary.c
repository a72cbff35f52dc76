/* Vocabulary JSON -> immutable fact table (see doc/vocabulary-format.md).
 * Everything is validated here: frameworks and use-cases rely on it. */
#include "vocabulary.h"
#include "bytes.h"
#include "buf.h"

#include <stdint.h>
#include <string.h>

#define FORMAT_TOKEN "boussole-vocabulary/1"

static const char *const top_fields[] = {
    "format", "id", "version", "title", "description", "facts", NULL };
static const char *const fact_fields[] = {
    "key", "type", "label", "help", "values", "unit", "min", "max", NULL };
static const char *const value_fields[] = { "value", "label", NULL };
static const char *const type_tokens[] = { "boolean", "enum", "number", "set", "text" };

static int nomem(bsl_reader *rd) { return bsl_error_set(rd->err, BSL_ERR_NOMEM, "out of memory"); }

int bsl_fact_type_from_token(const char *s, size_t len)
{
    int i;
    for (i = 0; i < 5; i++)
        if (strlen(type_tokens[i]) == len && !memcmp(type_tokens[i], s, len))
            return i;
    return -1;
}

const char *bsl_fact_type_token(bsl_fact_type t) { return (unsigned)t < 5 ? type_tokens[t] : NULL; }

size_t bsl_fact_find_value(const bsl_fact *f, const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < f->value_count; i++)
        if (f->values[i].len == len && bsl_bytes_equal(f->values[i].value, s, len))
            return i;
    return SIZE_MAX;
}

void bsl_fact_allowed(const bsl_fact *f, char *list, size_t cap)
{
    size_t i;
    list[0] = '\0';
    for (i = 0; i < f->value_count; i++)
        bsl_list_add(list, cap, f->values[i].value);
}

int bsl_fact_values_json(bsl_arena *arena, bsl_fact *f)
{
    size_t i;
    for (i = 0; i < f->value_count; i++) {
        bsl_value_def *v = &f->values[i];
        char *s = bsl_arena_alloc(arena, v->len + 3);
        if (!s)
            return BSL_ERR_NOMEM;
        s[0] = '"';
        memcpy(s + 1, v->value, v->len); /* tokens need no escaping */
        s[v->len + 1] = '"';
        s[v->len + 2] = '\0';
        v->json = s;
    }
    return BSL_OK;
}

/* "values": [{"value": token, "label": L}...], unique. */
static int read_values(bsl_reader *rd, size_t obj, bsl_fact *f)
{
    const bsl_json_node *n = rd->doc->nodes;
    size_t arr, el, i = 0, mark;
    const bsl_named *dup;
    bsl_named *names;
    int rc = bsl_reader_array(rd, obj, "values", &arr);
    if (rc)
        return rc;
    f->value_count = n[arr].count;
    f->values = bsl_arena_calloc(rd->arena, n[arr].count, sizeof *f->values);
    names = bsl_arena_calloc(rd->arena, n[arr].count, sizeof *names);
    if (!f->values || !names)
        return nomem(rd);
    mark = bsl_path_push_key(&rd->path, "values");
    for (el = arr + 1; !rc && el < n[arr].end; el = n[el].end, i++) {
        size_t mark2 = bsl_path_push_index(&rd->path, i), value = 0;
        rc = bsl_reader_expect(rd, el, BSL_JSON_OBJECT);
        if (!rc)
            rc = bsl_reader_only(rd, el, value_fields);
        if (!rc)
            rc = bsl_reader_string(rd, el, "value", 1, &f->values[i].value);
        if (!rc) {
            value = bsl_json_find(rd->doc, el, "value");
            f->values[i].len = n[value].count;
            if (!bsl_is_token(n[value].text, n[value].count, BSL_TOKEN_FACT))
                rc = bsl_reader_fail(rd, value, "value", BSL_ERR_VALUE,
                                     "a value is a token of a-z, 0-9 and _");
        }
        if (!rc)
            rc = bsl_reader_text(rd, el, "label", 1, &f->values[i].label);
        names[i].s = f->values[i].value;
        names[i].len = f->values[i].len;
        names[i].node = value;
        names[i].index = i;
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    if (!rc && (dup = bsl_find_duplicate(names, f->value_count)))
        rc = bsl_reader_fail_duplicate(rd, dup, "values", "value", "value");
    if (!rc && bsl_fact_values_json(rd->arena, f))
        rc = nomem(rd);
    return rc;
}

/* Fields that only some types have: name the first one present elsewhere. */
static int reject_field(bsl_reader *rd, size_t obj, const char *key, const char *type)
{
    size_t node = bsl_json_find(rd->doc, obj, key);
    if (!node)
        return BSL_OK;
    return bsl_reader_fail(rd, node, key, BSL_ERR_VALUE, "a fact of type %s has no \"%s\"", type, key);
}

int bsl_fact_read_bounds(bsl_reader *rd, size_t obj, bsl_fact *f)
{
    static const double huge = 1.7976931348623157e308;
    int rc = bsl_reader_text(rd, obj, "unit", 0, &f->unit);
    if (!rc)
        rc = bsl_reader_number(rd, obj, "min", 0, -huge, huge, &f->min);
    if (!rc)
        rc = bsl_reader_number(rd, obj, "max", 0, -huge, huge, &f->max);
    f->has_min = f->min.text != NULL;
    f->has_max = f->max.text != NULL;
    if (!rc && f->has_min && f->has_max && f->min.value > f->max.value)
        rc = bsl_reader_fail(rd, bsl_json_find(rd->doc, obj, "max"), "max", BSL_ERR_VALUE,
                             "max %s is below min %s", f->max.text, f->min.text);
    return rc;
}

static int read_type(bsl_reader *rd, size_t obj, bsl_fact *f)
{
    const bsl_json_node *n = rd->doc->nodes;
    size_t node, mark;
    int rc = bsl_reader_member(rd, obj, "type", 1, &node), t = -1;
    if (rc)
        return rc;
    mark = bsl_path_push_key(&rd->path, "type");
    rc = bsl_reader_expect(rd, node, BSL_JSON_STRING);
    if (!rc && (t = bsl_fact_type_from_token(n[node].text, n[node].count)) < 0)
        rc = bsl_reader_fail(rd, node, NULL, BSL_ERR_ENUM,
                             "unknown fact type \"%.40s\" (allowed: boolean, enum, number, set, text)",
                             n[node].text);
    bsl_path_pop(&rd->path, mark);
    f->type = (bsl_fact_type)t;
    return rc;
}

static int read_fact(bsl_reader *rd, size_t obj, bsl_fact *f)
{
    const bsl_json_node *n = rd->doc->nodes;
    const char *type;
    size_t key;
    int rc = bsl_reader_expect(rd, obj, BSL_JSON_OBJECT);
    if (!rc)
        rc = bsl_reader_only(rd, obj, fact_fields);
    if (!rc)
        rc = bsl_reader_string(rd, obj, "key", 1, &f->key);
    if (!rc) {
        key = bsl_json_find(rd->doc, obj, "key");
        f->key_len = n[key].count;
        if (!bsl_is_token(n[key].text, n[key].count, BSL_TOKEN_FACT))
            rc = bsl_reader_fail(rd, key, "key", BSL_ERR_VALUE, "a fact key is a token of a-z, 0-9 and _");
    }
    if (!rc)
        rc = read_type(rd, obj, f);
    if (!rc)
        rc = bsl_reader_text(rd, obj, "label", 1, &f->label);
    if (!rc)
        rc = bsl_reader_text(rd, obj, "help", 0, &f->help);
    if (rc)
        return rc;
    type = type_tokens[f->type];
    if (f->type == BSL_FACT_ENUM || f->type == BSL_FACT_SET)
        rc = read_values(rd, obj, f);
    else
        rc = reject_field(rd, obj, "values", type);
    if (!rc && f->type == BSL_FACT_NUMBER)
        return bsl_fact_read_bounds(rd, obj, f);
    if (!rc)
        rc = reject_field(rd, obj, "unit", type);
    if (!rc)
        rc = reject_field(rd, obj, "min", type);
    if (!rc)
        rc = reject_field(rd, obj, "max", type);
    return rc;
}

static int build_key_index(bsl_reader *rd, bsl_vocabulary *v, size_t facts)
{
    const bsl_json_node *n = rd->doc->nodes;
    bsl_named *names = bsl_arena_calloc(&v->arena, v->fact_count, sizeof *names);
    const bsl_named *dup;
    size_t i, el;
    v->by_key = bsl_arena_calloc(&v->arena, v->fact_count, sizeof *v->by_key);
    if (!names || !v->by_key)
        return nomem(rd);
    for (i = 0, el = facts + 1; i < v->fact_count; i++, el = n[el].end) {
        names[i].s = v->facts[i].key;
        names[i].len = v->facts[i].key_len;
        names[i].node = bsl_json_find(rd->doc, el, "key");
        names[i].index = i;
    }
    if ((dup = bsl_find_duplicate(names, v->fact_count)))
        return bsl_reader_fail_duplicate(rd, dup, "facts", "key", "fact");
    for (i = 0; i < v->fact_count; i++)
        v->by_key[i] = names[i].index;
    return BSL_OK;
}

static int read_document(bsl_reader *rd, bsl_vocabulary *v)
{
    const bsl_json_node *n = rd->doc->nodes;
    const char *format = NULL;
    size_t facts, el, i = 0, mark;
    int rc = bsl_reader_expect(rd, 0, BSL_JSON_OBJECT);
    if (!rc)
        rc = bsl_reader_only(rd, 0, top_fields);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "format", 1, &format);
    if (!rc && strcmp(format, FORMAT_TOKEN))
        rc = bsl_reader_fail(rd, bsl_json_find(rd->doc, 0, "format"), "format", BSL_ERR_ENUM,
                             "unsupported format \"%.60s\" (this library reads \"" FORMAT_TOKEN "\")",
                             format);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "id", 1, &v->id);
    if (!rc) {
        size_t id = bsl_json_find(rd->doc, 0, "id");
        if (!bsl_is_token(n[id].text, n[id].count, BSL_TOKEN_FRAMEWORK_ID) || n[id].count > 64)
            rc = bsl_reader_fail(rd, id, "id", BSL_ERR_VALUE,
                                 "a vocabulary id is a token of at most 64 characters among a-z, 0-9, '.', '_' and '-'");
    }
    if (!rc)
        rc = bsl_reader_string(rd, 0, "version", 1, &v->version);
    if (!rc)
        rc = bsl_reader_text(rd, 0, "title", 1, &v->title);
    if (!rc)
        rc = bsl_reader_text(rd, 0, "description", 0, &v->description);
    if (!rc)
        rc = bsl_reader_array(rd, 0, "facts", &facts);
    if (!rc && n[facts].count > v->cfg.max_indicators)
        rc = bsl_reader_fail(rd, facts, "facts", BSL_ERR_LIMIT, "more than %zu facts (max_indicators)",
                             v->cfg.max_indicators);
    if (rc)
        return rc;
    v->fact_count = n[facts].count;
    if (!(v->facts = bsl_arena_calloc(&v->arena, v->fact_count, sizeof *v->facts)))
        return nomem(rd);
    mark = bsl_path_push_key(&rd->path, "facts");
    for (el = facts + 1; !rc && el < n[facts].end; el = n[el].end, i++) {
        size_t mark2 = bsl_path_push_index(&rd->path, i);
        rc = read_fact(rd, el, &v->facts[i]);
        bsl_path_pop(&rd->path, mark2);
    }
    bsl_path_pop(&rd->path, mark);
    return rc ? rc : build_key_index(rd, v, facts);
}

int bsl_vocabulary_load(bsl_vocabulary **out, const char *buf, size_t len,
                        const bsl_options *opts, bsl_error *err)
{
    bsl_config cfg;
    bsl_json_doc doc;
    bsl_vocabulary *v;
    bsl_arena arena;
    bsl_reader rd;
    int rc;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || (!buf && len))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_vocabulary_load: out and buf must not be NULL");
    if ((rc = bsl_config_init(&cfg, opts, err)))
        return rc;
    if ((rc = bsl_json_parse(&doc, buf ? buf : "", len, &cfg.json, &cfg.alloc, err)))
        return rc;
    bsl_arena_init(&arena, &cfg.alloc);
    v = bsl_arena_calloc(&arena, 1, sizeof *v); /* the vocabulary lives in its own arena */
    if (!v) {
        bsl_json_doc_free(&doc);
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    }
    v->cfg = cfg;
    v->arena = arena;
    v->arena.alloc = &v->cfg.alloc;
    doc.alloc = &v->cfg.alloc;
    bsl_reader_init(&rd, &doc, &v->arena, err);
    rc = bsl_reader_reject_nul(&rd);
    if (!rc)
        rc = read_document(&rd, v);
    if (!rc && bsl_document_sha256(&doc, &v->cfg.alloc, v->sha256))
        rc = bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    bsl_json_doc_free(&doc);
    if (rc) {
        bsl_vocabulary_free(v);
        return rc;
    }
    *out = v;
    return BSL_OK;
}

void bsl_vocabulary_free(bsl_vocabulary *v)
{
    if (v)
        bsl_arena_release_self(&v->arena);
}

size_t bsl_vocabulary_find_key(const bsl_vocabulary *v, const char *key, size_t len)
{
    size_t lo = 0, hi = v->fact_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const bsl_fact *f = &v->facts[v->by_key[mid]];
        int c = memcmp(f->key, key, f->key_len < len ? f->key_len : len);
        if (!c)
            c = f->key_len < len ? -1 : f->key_len > len;
        if (!c)
            return v->by_key[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

/* ---- accessors ------------------------------------------------------- */

const char *bsl_vocabulary_id(const bsl_vocabulary *v) { return v ? v->id : NULL; }
const char *bsl_vocabulary_version(const bsl_vocabulary *v) { return v ? v->version : NULL; }
const char *bsl_vocabulary_sha256(const bsl_vocabulary *v) { return v ? v->sha256 : NULL; }
const char *bsl_vocabulary_title(const bsl_vocabulary *v, bsl_lang lang)
{
    return v && (unsigned)lang < 2 ? v->title.s[lang] : NULL;
}
size_t bsl_vocabulary_fact_count(const bsl_vocabulary *v) { return v ? v->fact_count : 0; }
const bsl_fact *bsl_vocabulary_fact(const bsl_vocabulary *v, size_t i)
{
    return v && i < v->fact_count ? &v->facts[i] : NULL;
}
const bsl_fact *bsl_vocabulary_find(const bsl_vocabulary *v, const char *key)
{
    size_t i;
    if (!v || !key)
        return NULL;
    i = bsl_vocabulary_find_key(v, key, strlen(key));
    return i == SIZE_MAX ? NULL : &v->facts[i];
}

const char *bsl_fact_key(const bsl_fact *f) { return f ? f->key : NULL; }
bsl_fact_type bsl_fact_type_of(const bsl_fact *f) { return f ? f->type : BSL_FACT_TEXT; }
const char *bsl_fact_label(const bsl_fact *f, bsl_lang lang)
{
    return f && (unsigned)lang < 2 ? f->label.s[lang] : NULL;
}
const char *bsl_fact_help(const bsl_fact *f, bsl_lang lang)
{
    return f && (unsigned)lang < 2 ? f->help.s[lang] : NULL;
}
const char *bsl_fact_unit(const bsl_fact *f, bsl_lang lang)
{
    return f && (unsigned)lang < 2 ? f->unit.s[lang] : NULL;
}
size_t bsl_fact_value_count(const bsl_fact *f) { return f ? f->value_count : 0; }
const char *bsl_fact_value(const bsl_fact *f, size_t i)
{
    return f && i < f->value_count ? f->values[i].value : NULL;
}
const char *bsl_fact_value_label(const bsl_fact *f, size_t i, bsl_lang lang)
{
    return f && i < f->value_count && (unsigned)lang < 2 ? f->values[i].label.s[lang] : NULL;
}
int bsl_fact_min(const bsl_fact *f, double *out)
{
    if (!f || !f->has_min)
        return 0;
    if (out)
        *out = f->min.value;
    return 1;
}
int bsl_fact_max(const bsl_fact *f, double *out)
{
    if (!f || !f->has_max)
        return 0;
    if (out)
        *out = f->max.value;
    return 1;
}
