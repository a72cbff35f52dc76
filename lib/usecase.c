/* Use-case JSON -> facts bound to a framework (see doc/usecase-format.md). */
#include "usecase.h"
#include "bytes.h"
#include "buf.h"

#include <stdint.h>
#include <string.h>

static const char *const top_fields[] = {
    "id", "title", "service", "description", "phase", "framework", "facts", "evidence", "comments", NULL };

static int nomem(bsl_reader *rd) { return bsl_error_set(rd->err, BSL_ERR_NOMEM, "out of memory"); }

/* Unknown keys per use-case that get a "did you mean": a typo or two is
 * what suggestions are for, and each one compares the key with every
 * fact, so a hostile use-case of thousands of unknown keys against a
 * framework of thousands of long facts took minutes (issue 15). */
enum { SUGGESTIONS_PER_USECASE = 16 };

/* Edit distance, or SIZE_MAX once it must exceed limit: the minimum of a
 * row never decreases, so a row above limit ends the comparison. */
static size_t edit_distance(const char *a, size_t la, const char *b, size_t lb, size_t limit)
{
    size_t row[65], i, j;
    if (la > 64 || lb > 64)
        return SIZE_MAX;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t diag = row[0], low;
        row[0] = low = i;
        for (j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
            if (best < low)
                low = best;
        }
        if (low > limit)
            return SIZE_MAX;
    }
    return row[lb];
}

/* The known fact nearest to key, if close enough to be a likely typo:
 * at most a third of the key's length, and at least 2 edits allowed. */
static const char *suggest(const bsl_framework *fw, const char *key, size_t len)
{
    size_t i, best = SIZE_MAX, limit = len / 3 < 2 ? 2 : len / 3;
    size_t nf = fw->indicator_count, total = nf + fw->vocab->fact_count;
    const char *found = NULL;
    /* The framework's facts first (format 1 may read facts of its own),
     * then the vocabulary's: the first at the smallest distance wins. */
    for (i = 0; i < total; i++) {
        const char *f = i < nf ? fw->indicators[i].fact : fw->vocab->facts[i - nf].key;
        size_t flen = i < nf ? fw->indicators[i].fact_len : fw->vocab->facts[i - nf].key_len, d;
        /* The distance is at least the difference in length. */
        if ((flen > len ? flen - len : len - flen) > limit)
            continue;
        /* Only a nearer fact matters once one is found. */
        d = edit_distance(key, len, f, flen, best == SIZE_MAX ? limit : best - 1);
        if (d <= limit && d < best) {
            best = d;
            found = f;
            if (d <= 1)
                break; /* nothing nearer but an exact match, which is not unknown */
        }
    }
    return found;
}

/* Note key_node's key and path in *u, with a suggestion when asked. */
static int add_key(bsl_reader *rd, bsl_usecase *uc, size_t key_node, bsl_unknown_key *u, int suggest_key)
{
    const bsl_json_node *k = &rd->doc->nodes[key_node];
    bsl_buf path;
    /* rd->path is "$.facts" or "$.evidence" here; the key itself may be
     * longer than an error path can hold, so it is appended unbounded. */
    bsl_buf_init(&path, &uc->cfg.alloc);
    bsl_buf_append(&path, rd->path.buf, rd->path.len);
    bsl_path_write_key(&path, k->text);
    u->key = bsl_reader_copy(rd, key_node);
    u->path = path.failed ? NULL : bsl_arena_strndup(&uc->arena, path.data, path.len);
    bsl_buf_release(&path);
    if (!u->key || !u->path)
        return nomem(rd);
    u->suggestion = NULL;
    if (suggest_key && uc->suggestions < SUGGESTIONS_PER_USECASE) {
        uc->suggestions++;
        u->suggestion = suggest(uc->fw, k->text, k->count);
    }
    return BSL_OK;
}

/* Record the compact JSON of node as the value's text. */
static int keep_json(bsl_reader *rd, bsl_usecase *uc, size_t node, bsl_answer *fv)
{
    const bsl_json_node *n = rd->doc->nodes;
    bsl_buf b;
    size_t el;
    bsl_buf_init(&b, &uc->cfg.alloc);
    switch (n[node].type) {
    case BSL_JSON_TRUE: fv->json = "true"; fv->json_is_shared = 1; return BSL_OK;
    case BSL_JSON_FALSE: fv->json = "false"; fv->json_is_shared = 1; return BSL_OK;
    case BSL_JSON_NUMBER:
        fv->json = bsl_reader_copy(rd, node);
        return fv->json ? BSL_OK : nomem(rd);
    case BSL_JSON_STRING: bsl_buf_json_string(&b, n[node].text, n[node].count); break;
    default: /* a set: an array of strings */
        bsl_buf_putc(&b, '[');
        for (el = node + 1; el < n[node].end; el = n[el].end) {
            if (el != node + 1)
                bsl_buf_putc(&b, ',');
            bsl_buf_json_string(&b, n[el].text, n[el].count);
        }
        bsl_buf_putc(&b, ']');
    }
    fv->json = b.failed ? NULL : bsl_arena_strndup(&uc->arena, b.data, b.len);
    bsl_buf_release(&b);
    return fv->json ? BSL_OK : nomem(rd);
}

/* The members of a set value: each one of the fact's values, once. */
static int read_members(bsl_reader *rd, bsl_usecase *uc, size_t node, const bsl_fact *def)
{
    const bsl_json_node *n = rd->doc->nodes;
    size_t el, i = 0;
    int rc = BSL_OK;
    unsigned char *seen = bsl_arena_calloc(&uc->arena, def->value_count ? def->value_count : 1, 1);
    if (!seen)
        return nomem(rd);
    for (el = node + 1; !rc && el < n[node].end; el = n[el].end, i++) {
        size_t m, mark = bsl_path_push_index(&rd->path, i);
        rc = bsl_reader_expect(rd, el, BSL_JSON_STRING);
        m = rc ? 0 : bsl_fact_find_value(def, n[el].text, n[el].count);
        if (!rc && m == SIZE_MAX) {
            char allowed[160];
            bsl_fact_allowed(def, allowed, sizeof allowed);
            rc = bsl_reader_fail(rd, el, NULL, BSL_ERR_ENUM,
                                 "\"%.40s\" is not a value of %s (allowed: %s)",
                                 n[el].text, def->key, allowed);
        } else if (!rc && seen[m]) {
            rc = bsl_reader_fail(rd, el, NULL, BSL_ERR_VALUE, "\"%s\" is listed twice",
                                 def->values[m].value);
        } else if (!rc) {
            seen[m] = 1;
        }
        bsl_path_pop(&rd->path, mark);
    }
    return rc;
}

/* Check the value at node against the fact's definition and, when fv is
 * not NULL, keep it. A fact the framework does not read is checked all the
 * same (fv NULL): a value means one thing whichever framework reads it. */
static int read_fact(bsl_reader *rd, bsl_usecase *uc, size_t node, const bsl_fact *def,
                     bsl_answer *fv)
{
    const bsl_json_node *n = rd->doc->nodes;
    bsl_answer scratch;
    int rc = BSL_OK;
    if (n[node].type == BSL_JSON_NULL)
        return BSL_OK; /* explicitly unanswered */
    if (!fv)
        fv = &scratch;
    switch (def->type) {
    case BSL_FACT_BOOLEAN:
        rc = bsl_reader_expect(rd, node, BSL_JSON_TRUE);
        fv->outcome = n[node].type == BSL_JSON_TRUE ? BSL_OUT_TRUE : BSL_OUT_FALSE;
        break;
    case BSL_FACT_ENUM:
        rc = bsl_reader_expect(rd, node, BSL_JSON_STRING);
        if (!rc)
            fv->outcome = bsl_fact_find_value(def, n[node].text, n[node].count);
        if (!rc && fv->outcome == SIZE_MAX) {
            char allowed[160];
            bsl_fact_allowed(def, allowed, sizeof allowed);
            rc = bsl_reader_fail(rd, node, NULL, BSL_ERR_ENUM,
                                 "\"%.40s\" is not a value of %s (allowed: %s)",
                                 n[node].text, def->key, allowed);
        }
        break;
    case BSL_FACT_NUMBER:
        rc = bsl_reader_expect(rd, node, BSL_JSON_NUMBER);
        if (!rc && ((def->has_min && n[node].number < def->min.value) ||
                    (def->has_max && n[node].number > def->max.value)))
            rc = bsl_reader_fail(rd, node, NULL, BSL_ERR_VALUE, "%s is %s, outside %s..%s",
                                 def->key, n[node].text, def->has_min ? def->min.text : "",
                                 def->has_max ? def->max.text : "");
        fv->number = n[node].number;
        break;
    case BSL_FACT_SET:
        rc = bsl_reader_expect(rd, node, BSL_JSON_ARRAY);
        if (!rc)
            rc = read_members(rd, uc, node, def);
        fv->member_count = n[node].count;
        break;
    case BSL_FACT_TEXT:
        rc = bsl_reader_expect(rd, node, BSL_JSON_STRING);
        fv->text = n[node].text;
        fv->text_len = n[node].count;
        break;
    }
    if (rc || fv == &scratch)
        return rc;
    fv->present = 1;
    if (def->type == BSL_FACT_TEXT && !(fv->text = bsl_reader_copy(rd, node)))
        return nomem(rd);
    if (def->type == BSL_FACT_ENUM) {
        fv->json = def->values[fv->outcome].json; /* written once at load */
        fv->json_is_shared = 1;
        return BSL_OK;
    }
    return keep_json(rd, uc, node, fv);
}

/* One entry of "facts" (a typed value) or "evidence" (a string). */
static int read_entry(bsl_reader *rd, bsl_usecase *uc, size_t value, size_t ind, int evidence)
{
    int rc;
    if (!evidence)
        return read_fact(rd, uc, value, uc->fw->indicators[ind].def, &uc->facts[ind]);
    if ((rc = bsl_reader_expect(rd, value, BSL_JSON_STRING)))
        return rc;
    uc->facts[ind].evidence = bsl_reader_copy(rd, value);
    return uc->facts[ind].evidence ? BSL_OK : nomem(rd);
}

/* Use-cases usually list facts in the framework's order: try the indicator
 * after the last one found before searching. */
static size_t find_fact(const bsl_framework *fw, const char *key, size_t len, size_t *hint)
{
    size_t i = *hint;
    if (i < fw->indicator_count && fw->indicators[i].fact_len == len &&
        bsl_bytes_equal(fw->indicators[i].fact, key, len)) {
        *hint = i + 1;
        return i;
    }
    i = bsl_framework_find_fact(fw, key, len);
    if (i != SIZE_MAX)
        *hint = i + 1;
    return i;
}

/* The common answers, read without the general machinery: a boolean, or
 * an enum token that is one of the levels. Returns 1 when it read the
 * value; anything else (null, errors, other types) goes through
 * read_entry(). */
static int read_common(const bsl_json_node *v, const bsl_indicator *ind, bsl_answer *fv)
{
    size_t level;
    if (ind->type == BSL_FACT_BOOLEAN && (v->type == BSL_JSON_TRUE || v->type == BSL_JSON_FALSE)) {
        level = v->type == BSL_JSON_TRUE ? BSL_OUT_TRUE : BSL_OUT_FALSE;
        fv->json = level == BSL_OUT_TRUE ? "true" : "false";
    } else if (ind->type == BSL_FACT_ENUM && v->type == BSL_JSON_STRING &&
               (level = bsl_indicator_find_level(ind, v->text, v->count)) != SIZE_MAX) {
        fv->json = ind->outcomes[level].value_json;
    } else {
        return 0;
    }
    fv->outcome = level;
    fv->present = 1;
    fv->json_is_shared = 1;
    return 1;
}

/* A key the framework does not read: a fact of the vocabulary is checked
 * against it and noted as not used by this framework; any other key is
 * unknown (a likely typo). */
static int read_unread_key(bsl_reader *rd, bsl_usecase *uc, size_t key, int evidence)
{
    const bsl_json_node *n = rd->doc->nodes;
    const bsl_vocabulary *v = uc->fw->vocab;
    size_t f = bsl_vocabulary_find_key(v, n[key].text, n[key].count), mark;
    int rc;
    /* Room for every key of facts and evidence, made when the first key
     * the framework does not read appears: most use-cases have none. */
    if (!uc->unknown) {
        uc->unknown = bsl_arena_calloc(&uc->arena, 2 * uc->key_room, sizeof *uc->unknown);
        if (!uc->unknown)
            return nomem(rd);
        uc->not_used = uc->unknown + uc->key_room;
    }
    if (f == SIZE_MAX)
        return add_key(rd, uc, key, &uc->unknown[uc->unknown_count++], 1);
    mark = bsl_path_push_key(&rd->path, n[key].text);
    rc = evidence ? bsl_reader_expect(rd, n[key].end, BSL_JSON_STRING)
                  : read_fact(rd, uc, n[key].end, &v->facts[f], NULL);
    bsl_path_pop(&rd->path, mark);
    return rc ? rc : add_key(rd, uc, key, &uc->not_used[uc->not_used_count++], 0);
}

/* Walk "facts" or "evidence": known keys are read by reader(), unknown
 * ones are kept for the result. */
static int read_facts(bsl_reader *rd, bsl_usecase *uc, size_t obj, int evidence)
{
    const bsl_json_node *n = rd->doc->nodes;
    size_t k, hint = 0, mark = bsl_path_push_key(&rd->path, evidence ? "evidence" : "facts");
    int rc = bsl_reader_expect(rd, obj, BSL_JSON_OBJECT);
    if (!rc && n[obj].count > uc->cfg.max_facts)
        rc = bsl_reader_fail(rd, obj, NULL, BSL_ERR_LIMIT, "more than %zu entries (max_facts)",
                             uc->cfg.max_facts);
    for (k = obj + 1; !rc && k < n[obj].end; k = n[n[k].end].end) {
        size_t value = n[k].end;
        size_t ind = find_fact(uc->fw, n[k].text, n[k].count, &hint);
        if (ind == SIZE_MAX) {
            rc = read_unread_key(rd, uc, k, evidence);
            continue;
        }
        if (!evidence && read_common(&n[value], &uc->fw->indicators[ind], &uc->facts[ind]))
            continue;
        rc = read_entry(rd, uc, value, ind, evidence);
        if (rc && rc != BSL_ERR_NOMEM) {
            /* Paths cost a copy per fact, so they are built only to report
             * an error: read the entry again with its key on the path. */
            size_t mark2 = bsl_path_push_key(&rd->path, n[k].text);
            rc = read_entry(rd, uc, value, ind, evidence);
            bsl_path_pop(&rd->path, mark2);
        }
    }
    bsl_path_pop(&rd->path, mark);
    return rc;
}

static int read_usecase(bsl_reader *rd, bsl_usecase *uc)
{
    const bsl_json_node *n = rd->doc->nodes;
    const char *framework = NULL;
    size_t facts, evidence, unknown_max;
    int rc = bsl_reader_expect(rd, 0, BSL_JSON_OBJECT);
    if (!rc)
        rc = bsl_reader_only(rd, 0, top_fields);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "id", 1, &uc->id);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "title", 1, &uc->title);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "service", 0, &uc->service);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "description", 0, &uc->description);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "phase", 0, &uc->phase);
    if (!rc)
        rc = bsl_reader_string(rd, 0, "comments", 0, &uc->comments);
    /* "framework" says which charter the authors had in mind; it binds
     * nothing: every framework reads the shared vocabulary, so a use-case
     * is scored by whichever framework the caller chooses. */
    if (!rc)
        rc = bsl_reader_string(rd, 0, "framework", 0, &framework);
    if (!rc)
        rc = bsl_reader_member(rd, 0, "facts", 1, &facts);
    if (!rc)
        rc = bsl_reader_member(rd, 0, "evidence", 0, &evidence);
    if (rc)
        return rc;
    uc->facts = bsl_arena_calloc(&uc->arena, uc->fw->indicator_count, sizeof *uc->facts);
    unknown_max = (n[facts].type == BSL_JSON_OBJECT ? n[facts].count : 0) +
                  (evidence && n[evidence].type == BSL_JSON_OBJECT ? n[evidence].count : 0);
    uc->key_room = unknown_max;
    if (!uc->facts)
        return nomem(rd);
    rc = read_facts(rd, uc, facts, 0);
    if (!rc && evidence)
        rc = read_facts(rd, uc, evidence, 1);
    return rc;
}

int bsl_usecase_parse(bsl_usecase **out, const bsl_framework *fw, const char *buf, size_t len,
                      const bsl_options *opts, bsl_error *err)
{
    bsl_config cfg;
    bsl_json_doc doc;
    bsl_usecase *uc;
    bsl_arena arena;
    bsl_reader rd;
    int rc;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (!out || !fw || (!buf && len))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_usecase_parse: out, fw and buf must not be NULL");
    if ((rc = bsl_config_init(&cfg, opts, err)))
        return rc;
    if ((rc = bsl_json_parse(&doc, buf ? buf : "", len, &cfg.json, &cfg.alloc, err)))
        return rc;
    bsl_arena_init(&arena, &cfg.alloc);
    uc = bsl_arena_calloc(&arena, 1, sizeof *uc); /* the use-case lives in its own arena */
    if (!uc) {
        bsl_json_doc_free(&doc);
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    }
    uc->cfg = cfg;
    uc->fw = fw;
    uc->arena = arena;
    uc->arena.alloc = &uc->cfg.alloc;
    doc.alloc = &uc->cfg.alloc;
    bsl_reader_init(&rd, &doc, &uc->arena, err);
    rc = bsl_reader_reject_nul(&rd);
    if (!rc)
        rc = read_usecase(&rd, uc);
    bsl_json_doc_free(&doc);
    if (rc) {
        bsl_usecase_free(uc);
        return rc;
    }
    *out = uc;
    return BSL_OK;
}

void bsl_usecase_free(bsl_usecase *uc)
{
    if (uc)
        bsl_arena_release_self(&uc->arena);
}

const char *bsl_usecase_id(const bsl_usecase *uc) { return uc ? uc->id : NULL; }
const char *bsl_usecase_title(const bsl_usecase *uc) { return uc ? uc->title : NULL; }
