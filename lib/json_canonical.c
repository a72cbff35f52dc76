/* Canonical JSON of a parsed document (see bsl_json_write_canonical() in
 * json.h): a concern of its own, apart from parsing, that needs only the
 * node array. */
#include "json.h"

#include "alloc.h"
#include "buf.h"

#include <stdint.h>
#include <string.h>

/* Order of keys: decoded bytes, then length (then document order). */
static int key_cmp(const bsl_json_node *a, const bsl_json_node *b)
{
    size_t m = a->count < b->count ? a->count : b->count;
    int r = m ? memcmp(a->text, b->text, m) : 0;
    if (r)
        return r;
    return (a->count > b->count) - (a->count < b->count);
}

static int key_less(const bsl_json_node *nodes, uint32_t a, uint32_t b)
{
    int r = key_cmp(&nodes[a], &nodes[b]);
    return r < 0 || (r == 0 && a < b);
}

static void sift_down(const bsl_json_node *nodes, uint32_t *v, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1;
        uint32_t t;
        if (child >= n)
            return;
        if (child + 1 < n && key_less(nodes, v[child], v[child + 1]))
            child++;
        if (!key_less(nodes, v[root], v[child]))
            return;
        t = v[root];
        v[root] = v[child];
        v[child] = t;
        root = child;
    }
}

/* Sort key node indices (for the canonical writer); O(n log n), no
 * allocation, no recursion. */
static void sort_keys(const bsl_json_node *nodes, uint32_t *v, size_t n)
{
    size_t i;
    if (n <= 16) {
        for (i = 1; i < n; i++) {
            uint32_t x = v[i];
            size_t j = i;
            while (j > 0 && key_less(nodes, x, v[j - 1])) {
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
        return;
    }
    for (i = n / 2; i-- > 0;)
        sift_down(nodes, v, i, n);
    for (i = n; i-- > 1;) {
        uint32_t t = v[0];
        v[0] = v[i];
        v[i] = t;
        sift_down(nodes, v, 0, i);
    }
}

typedef struct wframe {
    uint32_t node; /* the container */
    uint32_t next; /* ARRAY: next child node; OBJECT: next position in the key list */
    uint32_t list; /* OBJECT: first of its sorted keys in the key area */
    uint32_t n;    /* OBJECT: members */
} wframe;

/* Iterative: an explicit stack of frames, one per open container, and a
 * key area used like a stack (an object's sorted keys sit above those of
 * the objects enclosing it). */
typedef struct writer {
    const bsl_json_node *nodes;
    wframe *frames;
    uint32_t *keys;
    size_t depth, key_top;
    bsl_buf *out;
} writer;

static void write_scalar(const bsl_json_node *nd, bsl_buf *out)
{
    switch (nd->type) {
    case BSL_JSON_NULL: bsl_buf_append(out, "null", 4); break;
    case BSL_JSON_FALSE: bsl_buf_append(out, "false", 5); break;
    case BSL_JSON_TRUE: bsl_buf_append(out, "true", 4); break;
    case BSL_JSON_NUMBER: bsl_buf_append(out, nd->text, nd->count); break;
    case BSL_JSON_STRING: bsl_buf_json_string(out, nd->text, nd->count); break;
    default: break;
    }
}

/* A scalar whole; a container's opening bracket, pushing its frame. */
static void open_value(writer *w, size_t v)
{
    const bsl_json_node *nd = &w->nodes[v];
    wframe *f;
    if (nd->type == BSL_JSON_ARRAY) {
        f = &w->frames[w->depth];
        bsl_buf_putc(w->out, '[');
        f->node = (uint32_t)v;
        f->next = (uint32_t)v + 1;
        w->depth++;
    } else if (nd->type == BSL_JSON_OBJECT) {
        size_t m = bsl_json_collect_keys(w->nodes, v, w->keys + w->key_top);
        sort_keys(w->nodes, w->keys + w->key_top, m);
        f = &w->frames[w->depth];
        bsl_buf_putc(w->out, '{');
        f->node = (uint32_t)v;
        f->next = 0;
        f->list = (uint32_t)w->key_top;
        f->n = (uint32_t)m;
        w->key_top += m;
        w->depth++;
    } else {
        write_scalar(nd, w->out);
    }
}

/* Into *v the next value to open, writing the ',' (and key) before it and
 * closing the containers that are finished; 0 when none is left. */
static int next_value(writer *w, size_t *v)
{
    const bsl_json_node *nodes = w->nodes;
    for (; w->depth > 0; w->depth--) {
        wframe *f = &w->frames[w->depth - 1];
        if (nodes[f->node].type == BSL_JSON_ARRAY) {
            if (f->next < nodes[f->node].end) {
                if (f->next != f->node + 1)
                    bsl_buf_putc(w->out, ',');
                *v = f->next;
                f->next = nodes[*v].end;
                return 1;
            }
            bsl_buf_putc(w->out, ']');
        } else {
            if (f->next < f->n) {
                uint32_t k = w->keys[f->list + f->next];
                if (f->next)
                    bsl_buf_putc(w->out, ',');
                f->next++;
                bsl_buf_json_string(w->out, nodes[k].text, nodes[k].count);
                bsl_buf_putc(w->out, ':');
                *v = k + 1;
                return 1;
            }
            bsl_buf_putc(w->out, '}');
            w->key_top = f->list;
        }
    }
    return 0;
}

int bsl_json_write_canonical(const bsl_json_doc *doc, size_t i, struct bsl_buf *out)
{
    const bsl_json_node *nodes;
    size_t j, end, containers = 0, v = i;
    writer w;

    if (!doc || !out || i >= doc->count)
        return BSL_ERR_ARG;
    nodes = doc->nodes;
    if (nodes[i].type != BSL_JSON_ARRAY && nodes[i].type != BSL_JSON_OBJECT) {
        write_scalar(&nodes[i], out);
        return out->failed ? out->failed : BSL_OK;
    }
    end = nodes[i].end;
    for (j = i; j < end; j++)
        containers += nodes[j].type == BSL_JSON_ARRAY || nodes[j].type == BSL_JSON_OBJECT;
    /* One allocation for both stacks. */
    w.frames = bsl_malloc(doc->alloc, containers * sizeof *w.frames + (end - i) * sizeof *w.keys);
    if (!w.frames)
        return BSL_ERR_NOMEM;
    w.keys = (uint32_t *)(w.frames + containers);
    w.nodes = nodes;
    w.depth = w.key_top = 0;
    w.out = out;
    do
        open_value(&w, v);
    while (next_value(&w, &v));
    bsl_free(doc->alloc, w.frames);
    return out->failed ? out->failed : BSL_OK;
}
