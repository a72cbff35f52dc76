#include "schema.h"
#include "buf.h"
#include "sha256.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

void bsl_reader_init(bsl_reader *rd, const bsl_json_doc *doc, bsl_arena *arena, bsl_error *err)
{
    rd->doc = doc;
    rd->arena = arena;
    rd->err = err;
    bsl_path_init(&rd->path);
}

int bsl_reader_fail(bsl_reader *rd, size_t node, const char *key, int code, const char *fmt, ...)
{
    char message[BSL_ERROR_MESSAGE_SIZE];
    va_list ap;
    size_t mark = rd->path.len;
    int rc;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (key)
        mark = bsl_path_push_key(&rd->path, key);
    rc = bsl_json_error(rd->doc, node, rd->err, code, bsl_path_str(&rd->path), "%s", message);
    bsl_path_pop(&rd->path, mark);
    return rc;
}

/* Push the path of node target onto rd->path, descending from the root;
 * a key stops at its object. Keys met on the way precede target in the
 * document, so they hold no NUL when target is the first that does. */
static void push_path_to(bsl_reader *rd, size_t target)
{
    const bsl_json_node *n = rd->doc->nodes;
    size_t at = 0, j, i;
    while (at != target) {
        size_t next = at;
        if (n[at].type == BSL_JSON_OBJECT) {
            for (j = at + 1; j < n[at].end && next == at; j = n[n[j].end].end) {
                if (j == target)
                    return;
                if (target >= n[j].end && target < n[n[j].end].end) {
                    bsl_path_push_key(&rd->path, n[j].text);
                    next = n[j].end;
                }
            }
        } else {
            for (j = at + 1, i = 0; j < n[at].end && next == at; j = n[j].end, i++) {
                if (target >= j && target < n[j].end) {
                    bsl_path_push_index(&rd->path, i);
                    next = j;
                }
            }
        }
        if (next == at)
            return; /* not reached: target is inside the tree */
        at = next;
    }
}

/* Issue 15: a decoded \u0000 cut ids, keys, values and evidence where
 * the library keeps C strings ("hosting\u0000x" read as the unknown key
 * "hosting", an id "\u0000" passed as non-empty and showed as ""). */
int bsl_reader_reject_nul(bsl_reader *rd)
{
    const bsl_json_node *n = rd->doc->nodes;
    size_t i, k, o = 0, mark = rd->path.len;
    char ex[48];
    int rc, is_key;
    for (i = 0; i < rd->doc->count; i++)
        if (n[i].type == BSL_JSON_STRING && memchr(n[i].text, '\0', n[i].count))
            break;
    if (i == rd->doc->count)
        return BSL_OK;
    /* A key is the string right after its object or after a member's value. */
    is_key = 0;
    for (k = 0; k < i; k++)
        if (n[k].type == BSL_JSON_OBJECT && i > k && i < n[k].end) {
            size_t j;
            for (j = k + 1; j < n[k].end && j <= i; j = n[n[j].end].end)
                if (j == i)
                    is_key = 1;
        }
    /* The string as a message can show it: NUL spelled out, first bytes only. */
    for (k = 0; k < n[i].count && o + 7 < sizeof ex && k < 24; k++) {
        if (n[i].text[k]) {
            ex[o++] = n[i].text[k];
        } else {
            memcpy(ex + o, "\\u0000", 6);
            o += 6;
        }
    }
    ex[o] = '\0';
    push_path_to(rd, i);
    rc = bsl_json_error(rd->doc, i, rd->err, BSL_ERR_VALUE, bsl_path_str(&rd->path),
                        "%s \"%s%s\" holds a NUL character (\\u0000), which is not allowed",
                        is_key ? "key" : "string", ex, k < n[i].count ? "..." : "");
    bsl_path_pop(&rd->path, mark);
    return rc;
}

int bsl_reader_expect(bsl_reader *rd, size_t node, bsl_json_type t)
{
    bsl_json_type got = rd->doc->nodes[node].type;
    int is_bool = t == BSL_JSON_TRUE || t == BSL_JSON_FALSE;
    if (got == t || (is_bool && (got == BSL_JSON_TRUE || got == BSL_JSON_FALSE)))
        return BSL_OK;
    return bsl_reader_fail(rd, node, NULL, BSL_ERR_TYPE, "expected %s, found %s",
                           bsl_json_type_name(t), bsl_json_type_name(got));
}

int bsl_reader_only(bsl_reader *rd, size_t obj, const char *const *allowed)
{
    const bsl_json_node *n = rd->doc->nodes;
    size_t k;
    for (k = obj + 1; k < n[obj].end; k = n[n[k].end].end) {
        const char *const *a;
        char list[160] = "";
        for (a = allowed; *a; a++)
            if ((*a)[0] == n[k].text[0] && strlen(*a) == n[k].count &&
                !memcmp(*a, n[k].text, n[k].count))
                break;
        if (*a)
            continue;
        for (a = allowed; *a; a++)
            bsl_list_add(list, sizeof list, *a);
        return bsl_reader_fail(rd, k, n[k].text, BSL_ERR_VALUE,
                               "unknown field \"%.40s\" (allowed: %s)", n[k].text, list);
    }
    return BSL_OK;
}

int bsl_reader_member(bsl_reader *rd, size_t obj, const char *key, int required, size_t *out)
{
    *out = bsl_json_find(rd->doc, obj, key);
    if (!*out && required)
        return bsl_reader_fail(rd, obj, key, BSL_ERR_MISSING, "missing required field \"%s\"", key);
    return BSL_OK;
}

/* Find key and check its type; *node = 0 when absent and optional. */
static int typed_member(bsl_reader *rd, size_t obj, const char *key, int required,
                        bsl_json_type t, size_t *node)
{
    int rc = bsl_reader_member(rd, obj, key, required, node);
    bsl_json_type got;
    size_t mark;
    if (rc || !*node)
        return rc;
    got = rd->doc->nodes[*node].type;
    if (got == t || (t == BSL_JSON_TRUE && got == BSL_JSON_FALSE))
        return BSL_OK; /* the usual case: no path to build */
    mark = bsl_path_push_key(&rd->path, key);
    rc = bsl_reader_expect(rd, *node, t);
    bsl_path_pop(&rd->path, mark);
    return rc;
}

const char *bsl_reader_copy(bsl_reader *rd, size_t node)
{
    const bsl_json_node *n = &rd->doc->nodes[node];
    return bsl_arena_strndup(rd->arena, n->text, n->count);
}

int bsl_reader_string(bsl_reader *rd, size_t obj, const char *key, int required, const char **out)
{
    size_t node;
    int rc = typed_member(rd, obj, key, required, BSL_JSON_STRING, &node);
    if (rc || !node)
        return rc;
    if (required && rd->doc->nodes[node].count == 0)
        return bsl_reader_fail(rd, node, key, BSL_ERR_VALUE, "\"%s\" must not be empty", key);
    *out = bsl_reader_copy(rd, node);
    return *out ? BSL_OK : bsl_error_set(rd->err, BSL_ERR_NOMEM, "out of memory");
}

int bsl_reader_bool(bsl_reader *rd, size_t obj, const char *key, int required, int *out)
{
    size_t node;
    int rc = typed_member(rd, obj, key, required, BSL_JSON_TRUE, &node);
    if (rc || !node)
        return rc;
    *out = rd->doc->nodes[node].type == BSL_JSON_TRUE;
    return BSL_OK;
}

int bsl_reader_number(bsl_reader *rd, size_t obj, const char *key, int required,
                      double min, double max, bsl_num *out)
{
    size_t node;
    const bsl_json_node *n;
    int rc = typed_member(rd, obj, key, required, BSL_JSON_NUMBER, &node);
    if (rc || !node)
        return rc;
    n = &rd->doc->nodes[node];
    if (n->number < min || n->number > max)
        return bsl_reader_fail(rd, node, key, BSL_ERR_VALUE,
                               "\"%s\" is %s, outside the allowed range", key, n->text);
    out->value = n->number;
    out->text = bsl_reader_copy(rd, node);
    return out->text ? BSL_OK : bsl_error_set(rd->err, BSL_ERR_NOMEM, "out of memory");
}

int bsl_reader_text(bsl_reader *rd, size_t obj, const char *key, int required, bsl_text *out)
{
    static const char *const langs[] = { "fr", "en", NULL };
    size_t node, mark;
    int rc = typed_member(rd, obj, key, required, BSL_JSON_OBJECT, &node);
    int lang;
    if (rc || !node)
        return rc;
    mark = bsl_path_push_key(&rd->path, key);
    rc = bsl_reader_only(rd, node, langs);
    for (lang = 0; !rc && lang < 2; lang++)
        rc = bsl_reader_string(rd, node, langs[lang], 1, &out->s[lang]);
    bsl_path_pop(&rd->path, mark);
    return rc;
}

void bsl_list_add(char *list, size_t cap, const char *item)
{
    size_t used = strlen(list);
    if (used + 1 >= cap)
        return;
    snprintf(list + used, cap - used, "%s%s", used ? ", " : "", item);
}

int bsl_is_token(const char *s, size_t n, int kind)
{
    size_t i;
    if (!n)
        return 0;
    for (i = 0; i < n; i++) {
        char c = s[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (kind != BSL_TOKEN_FACT)
            ok = ok || c == '.' || c == '-';
        if (kind == BSL_TOKEN_CRITERION_ID)
            ok = ok || (c >= 'A' && c <= 'Z');
        if (!ok)
            return 0;
    }
    return 1;
}

static int named_cmp(const void *a, const void *b)
{
    const bsl_named *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

const bsl_named *bsl_find_duplicate(bsl_named *names, size_t n)
{
    const bsl_named *found = NULL;
    size_t i;
    qsort(names, n, sizeof *names, named_cmp);
    for (i = 1; i < n; i++)
        if (names[i].len == names[i - 1].len && !memcmp(names[i].s, names[i - 1].s, names[i].len))
            if (!found || names[i].node < found->node)
                found = &names[i];
    return found;
}

int bsl_reader_fail_duplicate(bsl_reader *rd, const bsl_named *dup, const char *key,
                              const char *member, const char *what)
{
    size_t mark = bsl_path_push_key(&rd->path, key);
    int rc;
    bsl_path_push_index(&rd->path, dup->index);
    rc = bsl_reader_fail(rd, dup->node, member, BSL_ERR_VALUE, "%s \"%.60s\" is listed twice",
                         what, rd->doc->nodes[dup->node].text);
    bsl_path_pop(&rd->path, mark);
    return rc;
}

int bsl_reader_array(bsl_reader *rd, size_t obj, const char *key, size_t *node)
{
    int rc = bsl_reader_member(rd, obj, key, 1, node);
    size_t mark;
    if (rc)
        return rc;
    mark = bsl_path_push_key(&rd->path, key);
    rc = bsl_reader_expect(rd, *node, BSL_JSON_ARRAY);
    if (!rc && rd->doc->nodes[*node].count == 0)
        rc = bsl_reader_fail(rd, *node, NULL, BSL_ERR_VALUE, "\"%s\" must not be empty", key);
    bsl_path_pop(&rd->path, mark);
    return rc;
}

int bsl_document_sha256(const bsl_json_doc *doc, const bsl_allocator *alloc, char hex[65])
{
    bsl_buf canon;
    int rc;
    bsl_buf_init(&canon, alloc);
    rc = bsl_json_write_canonical(doc, 0, &canon);
    if (!rc && canon.failed)
        rc = canon.failed;
    if (!rc)
        bsl_sha256_hex(canon.data ? canon.data : "", canon.len, hex);
    bsl_buf_release(&canon);
    return rc ? BSL_ERR_NOMEM : BSL_OK;
}
