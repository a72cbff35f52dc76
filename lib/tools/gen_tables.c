/* Build-time generator of the embedded tables (lib/embedded.h).
 *
 *   gen_tables OUTPUT.c VOCABULARY.json FRAMEWORK.json...   (the first framework is the default)
 *
 * Loads the vocabulary and each framework with the library's own strict
 * loaders (every validation, the wording and lint passes, the SHA-256 of
 * the canonical JSON), then writes what they built as C: `static const`
 * structs naming every member (gen_fields.c), pointing at string literals
 * and at each other. The library then loads an embedded framework by
 * copying one struct (embedded.c). Linked against the library without its
 * tables, and built for the build machine, so it runs in cross builds too.
 *
 * The C is portable: designated initializers (struct layouts may differ on
 * the host, e.g. 32-bit WebAssembly), string bytes outside printable ASCII
 * as three-digit octal escapes (no hex escape swallowing the next
 * character, no trigraph), strings longer than C's 4095-character literal
 * guarantee as character lists, doubles as hexadecimal literals (exact). */
#include "gen.h"
#include "embedded.h"
#include "json.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NAME = 256, LITERAL_MAX = 4000 };

/* Strings are written once each (by content), before the tables. */
typedef struct str_entry { const char *s; size_t len; } str_entry;

typedef struct gen_out {
    FILE *body;                 /* the tables, written before the strings they use are known */
    str_entry *strs;
    size_t nstr, cap;
    size_t *slots, nslots;      /* hash table of indexes + 1 into strs */
    const bsl_vocabulary *vocab;
    const bsl_framework *fw;    /* the framework being written (applies_if flag counts) */
    int failed;
} gen_out;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "gen_tables: out of memory\n");
        exit(1);
    }
    return q;
}

static size_t hash(const char *s, size_t len)
{
    size_t h = 1469598103u, i;
    for (i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void rehash(gen_out *o)
{
    size_t i, n = o->nslots ? o->nslots * 2 : 1024;
    free(o->slots);
    o->slots = xrealloc(NULL, n * sizeof *o->slots);
    memset(o->slots, 0, n * sizeof *o->slots);
    o->nslots = n;
    for (i = 0; i < o->nstr; i++) {
        size_t h = hash(o->strs[i].s, o->strs[i].len) & (n - 1);
        while (o->slots[h])
            h = (h + 1) & (n - 1);
        o->slots[h] = i + 1;
    }
}

/* The index of the string s[0..len), added when new. */
static size_t intern(gen_out *o, const char *s, size_t len)
{
    size_t h;
    if (2 * (o->nstr + 1) > o->nslots)
        rehash(o);
    for (h = hash(s, len) & (o->nslots - 1); o->slots[h]; h = (h + 1) & (o->nslots - 1)) {
        const str_entry *e = &o->strs[o->slots[h] - 1];
        if (e->len == len && !memcmp(e->s, s, len))
            return o->slots[h] - 1;
    }
    if (o->nstr == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 1024;
        o->strs = xrealloc(o->strs, o->cap * sizeof *o->strs);
    }
    o->strs[o->nstr].s = s;
    o->strs[o->nstr].len = len;
    o->slots[h] = ++o->nstr;
    return o->nstr - 1;
}

static void put_str(gen_out *o, const char *s, size_t len)
{
    if (s)
        fprintf(o->body, "s%zu", intern(o, s, len));
    else
        fputs("NULL", o->body);
}

static void put_size(FILE *f, size_t n)
{
    if (n == SIZE_MAX)
        fputs("SIZE_MAX", f);
    else
        fprintf(f, "%zu", n);
}

/* A piece of JSON: its bytes (no NUL among them) and their length. */
static void put_frag(gen_out *o, const bsl_frag *f)
{
    fputs("{ ", o->body);
    put_str(o, f->s, f->len);
    fputs(", ", o->body);
    put_size(o->body, f->len);
    fputs(" }", o->body);
}

/* n pieces between braces, each group of `group` pieces braced again
 * (1: a flat list): the initializer of bsl_frag[n / group][group]. */
static void put_frag_list(gen_out *o, const bsl_frag *f, size_t n, size_t group)
{
    size_t i;
    fputs("{ ", o->body);
    for (i = 0; i < n; i += group) {
        if (group == 1)
            put_frag(o, f + i);
        else
            put_frag_list(o, f + i, group, 1);
        fputs(", ", o->body);
    }
    fputs("}", o->body);
}

/* A bsl_json_frags ([lang][layout]). */
static void put_frag_grid(gen_out *o, const bsl_frag *f)
{
    put_frag_list(o, f, 4, 2);
}

static void put_text(gen_out *o, const bsl_text *t)
{
    fputs("{ { ", o->body);
    put_str(o, t->s[0], t->s[0] ? strlen(t->s[0]) : 0);
    fputs(", ", o->body);
    put_str(o, t->s[1], t->s[1] ? strlen(t->s[1]) : 0);
    fputs(" }, ", o->body);
    put_frag_list(o, t->json, 2, 1);
    fputs(" }", o->body);
}

/* Byte c inside a C string literal. */
static void put_byte(FILE *f, unsigned char c)
{
    if (c == '"' || c == '\\')
        fprintf(f, "\\%c", c);
    else if (c < 0x20 || c >= 0x7f || c == '?')
        fprintf(f, "\\%03o", c);
    else
        fputc(c, f);
}

static void write_string(FILE *f, size_t id, const str_entry *e)
{
    size_t i;
    fprintf(f, "static const char s%zu[] = ", id);
    if (e->len > LITERAL_MAX) {
        fputs("{", f);
        for (i = 0; i < e->len; i++) {
            fputs(i % 16 ? " '" : "\n    '", f);
            if (e->s[i] == '\'')
                fputs("\\'", f);
            else if (e->s[i] == '"')
                fputc('"', f);
            else
                put_byte(f, (unsigned char)e->s[i]);
            fputs("',", f);
        }
        fputs(" 0 };\n", f);
        return;
    }
    fputc('"', f);
    for (i = 0; i < e->len; i++) {
        if (i && i % 64 == 0)
            fputs("\"\n    \"", f); /* pieces of a literal, concatenated by the compiler */
        put_byte(f, (unsigned char)e->s[i]);
    }
    fputs("\";\n", f);
}

/* name = prefix_member, or prefix_index when member is NULL. */
static void make_name(char name[NAME], const char *prefix, const char *member, size_t index)
{
    int n = member ? snprintf(name, NAME, "%s_%s", prefix, member) : snprintf(name, NAME, "%s_%zu", prefix, index);
    if (n < 0 || n >= NAME) {
        fprintf(stderr, "gen_tables: name too long: %s...\n", prefix);
        exit(1);
    }
}

static const void *member(const void *obj, size_t offset) { return (const char *)obj + offset; }

static size_t member_size(const void *obj, size_t offset)
{
    size_t n;
    memcpy(&n, member(obj, offset), sizeof n);
    return n;
}

static const void *member_ptr(const void *obj, size_t offset)
{
    const void *p;
    memcpy(&p, member(obj, offset), sizeof p);
    return p;
}

/* The length of array member f of obj; applies_if's flags are one per
 * outcome of the indicator its condition reads. */
static size_t array_count(const gen_out *o, const gen_field *f, const void *obj)
{
    if (f->kind == GEN_FLAGS) {
        const bsl_indicator *ind = obj;
        return ind->has_condition ? o->fw->indicators[ind->cond_indicator].outcome_count : 0;
    }
    return member_size(obj, f->count);
}

static int is_array(gen_kind k)
{
    return k == GEN_STRUCTS || k == GEN_SIZES || k == GEN_STRS || k == GEN_FLAGS;
}

static void emit_array(gen_out *o, const gen_type *t, const void *base, size_t n, const char *name);

/* The arrays obj points at, each named prefix_member, before obj itself. */
static void emit_children(gen_out *o, const gen_type *t, const void *obj, const char *prefix)
{
    const gen_field *f;
    for (f = t->fields; f->name; f++) {
        const void *p = is_array(f->kind) ? member_ptr(obj, f->offset) : NULL;
        size_t n = p ? array_count(o, f, obj) : 0, i;
        char name[NAME];
        if (!n)
            continue;
        make_name(name, prefix, f->name, 0);
        if (f->kind == GEN_STRUCTS) {
            emit_array(o, f->elem, p, n, name);
            continue;
        }
        fprintf(o->body, "static const %s %s[] = {", f->kind == GEN_SIZES ? "size_t"
                         : f->kind == GEN_STRS ? "char *const" : "unsigned char", name);
        for (i = 0; i < n; i++) {
            fputs(i ? ", " : " ", o->body);
            if (f->kind == GEN_SIZES)
                put_size(o->body, ((const size_t *)p)[i]);
            else if (f->kind == GEN_STRS)
                put_str(o, ((const char *const *)p)[i], strlen(((const char *const *)p)[i]));
            else
                fprintf(o->body, "%u", ((const unsigned char *)p)[i]);
        }
        fputs(" };\n", o->body);
    }
}

/* The value of member f of obj, as an initializer. */
static void emit_value(gen_out *o, const gen_field *f, const void *obj, const char *prefix)
{
    const void *m = member(obj, f->offset);
    size_t i;
    switch (f->kind) {
    case GEN_SKIP: return;
    case GEN_STR: {
        const char *s = member_ptr(obj, f->offset);
        put_str(o, s, s ? strlen(s) : 0);
        return;
    }
    case GEN_STRN: put_str(o, member_ptr(obj, f->offset), member_size(obj, f->count)); return;
    case GEN_TEXT: put_text(o, m); return;
    case GEN_TEXTS:
        fputs("{ ", o->body);
        for (i = 0; i < f->count; i++) {
            put_text(o, (const bsl_text *)m + i);
            fputs(", ", o->body);
        }
        fputs("}", o->body);
        return;
    case GEN_NUM: {
        const bsl_num *num = m;
        fprintf(o->body, "{ %a, ", num->value);
        put_str(o, num->text, num->text ? strlen(num->text) : 0);
        fputs(" }", o->body);
        return;
    }
    case GEN_SIZE: put_size(o->body, member_size(obj, f->offset)); return;
    case GEN_INT: {
        int v;
        memcpy(&v, m, sizeof v);
        fprintf(o->body, "%d", v);
        return;
    }
    case GEN_DOUBLE: {
        double d;
        memcpy(&d, m, sizeof d);
        fprintf(o->body, "%a", d);
        return;
    }
    case GEN_CHARS:
        fputc('"', o->body);
        for (i = 0; i < f->size && ((const char *)m)[i]; i++)
            put_byte(o->body, ((const unsigned char *)m)[i]);
        fputc('"', o->body);
        return;
    case GEN_STRUCTS: case GEN_SIZES: case GEN_STRS: case GEN_FLAGS:
        if (!member_ptr(obj, f->offset) || !array_count(o, f, obj))
            fputs("NULL", o->body); /* C has no empty array: nothing is read through it */
        else
            fprintf(o->body, "(%s *)%s_%s", f->kind == GEN_STRUCTS ? f->elem->name
                             : f->kind == GEN_SIZES ? "size_t" : f->kind == GEN_STRS ? "const char *"
                             : "unsigned char", prefix, f->name);
        return;
    case GEN_FACT: {
        const bsl_fact *def = member_ptr(obj, f->offset);
        if (!def) {
            fputs("NULL", o->body);
        } else if (def >= o->vocab->facts && def < o->vocab->facts + o->vocab->fact_count) {
            fprintf(o->body, "&vocabulary_facts[%zu]", (size_t)(def - o->vocab->facts));
        } else {
            fprintf(stderr, "gen_tables: %s reads a fact outside the vocabulary (a format-1 framework "
                    "cannot be embedded)\n", prefix);
            o->failed = 1;
        }
        return;
    }
    case GEN_VOCAB: fputs("&bsl_embedded_vocabulary", o->body); return;
    case GEN_FRAGS: {
        const bsl_frag *frags = m;
        size_t n = f->size / sizeof(bsl_frag);
        if (f->count == GEN_FRAG_ONE)
            put_frag(o, frags);
        else if (f->count == GEN_FRAG_ARRAY)
            put_frag_list(o, frags, n, 1);
        else if (f->count == GEN_FRAG_GRID)
            put_frag_grid(o, frags);
        else {
            fputs("{ ", o->body);
            for (i = 0; i < n; i += 4) {
                put_frag_grid(o, frags + i);
                fputs(", ", o->body);
            }
            fputs("}", o->body);
        }
        return;
    }
    case GEN_SIZE_GRID: {
        size_t grid[4];
        memcpy(grid, m, sizeof grid);
        fprintf(o->body, "{ { %zu, %zu }, { %zu, %zu } }", grid[0], grid[1], grid[2], grid[3]);
        return;
    }
    }
}

static void emit_init(gen_out *o, const gen_type *t, const void *obj, const char *prefix)
{
    const gen_field *f;
    fputs("{", o->body);
    for (f = t->fields; f->name; f++) {
        if (f->kind == GEN_SKIP)
            continue;
        fprintf(o->body, "\n    .%s = ", f->name);
        emit_value(o, f, obj, prefix);
        fputc(',', o->body);
    }
    fputs("\n}", o->body);
}

/* Elements name their own arrays name_<index>_<member>. */
static void emit_array(gen_out *o, const gen_type *t, const void *base, size_t n, const char *name)
{
    char el[NAME];
    size_t i;
    for (i = 0; i < n; i++) {
        make_name(el, name, NULL, i);
        emit_children(o, t, (const char *)base + i * t->size, el);
    }
    fprintf(o->body, "static const %s %s[] = {\n", t->name, name);
    for (i = 0; i < n; i++) {
        make_name(el, name, NULL, i);
        emit_init(o, t, (const char *)base + i * t->size, el);
        fputs(",\n", o->body);
    }
    fputs("};\n", o->body);
}

/* What the JSON measured, for the limits of bsl_options (embedded.h). */
static bsl_embedded_size measure(const char *path, const char *data, size_t len, size_t items)
{
    bsl_embedded_size m = { len, 0, 0, 0, items };
    bsl_json_doc doc;
    bsl_error err;
    size_t *open, depth = 0, i;
    if (bsl_json_parse(&doc, data, len, NULL, bsl_libc_allocator(), &err)) {
        fprintf(stderr, "%s:%u:%u: %s\n", path, err.line, err.column, err.message);
        exit(1);
    }
    open = xrealloc(NULL, (doc.count + 1) * sizeof *open); /* ends of the containers around node i */
    m.tokens = doc.count;
    for (i = 0; i < doc.count; i++) {
        const bsl_json_node *n = &doc.nodes[i];
        while (depth && open[depth - 1] <= i)
            depth--;
        if (n->type == BSL_JSON_ARRAY || n->type == BSL_JSON_OBJECT) {
            open[depth++] = n->end;
            m.depth = depth > m.depth ? depth : m.depth;
        } else if (n->type == BSL_JSON_STRING && n->count > m.string_bytes) {
            m.string_bytes = n->count;
        }
    }
    free(open);
    bsl_json_doc_free(&doc);
    return m;
}

static char *slurp(const char *path, size_t *len)
{
    bsl_config cfg;
    bsl_error err;
    char *data;
    if (bsl_config_init(&cfg, NULL, &err) || bsl_file_read(path, &cfg, &data, len, &err)) {
        fprintf(stderr, "gen_tables: %s\n", err.message);
        exit(1);
    }
    return data;
}

static void fail_load(const char *path, const bsl_error *err)
{
    fprintf(stderr, "%s:%u:%u: %s (at %s)\n", path, err->line, err->column, err->message, err->path);
    exit(1);
}

static void put_measure(FILE *f, const bsl_embedded_size *m)
{
    fprintf(f, "{ %zu, %zu, %zu, %zu, %zu }", m->input_bytes, m->depth, m->tokens, m->string_bytes, m->items);
}

/* The header, every string, then the tables. */
static void write_output(const char *path, gen_out *o, int argc, char **argv)
{
    FILE *f = fopen(path, "w");
    size_t i;
    int c, a;
    if (!f) {
        perror(path);
        exit(1);
    }
    fputs("/* Generated at build time by lib/tools/gen_tables.c from", f);
    for (a = 2; a < argc; a++)
        fprintf(f, " %s", strrchr(argv[a], '/') ? strrchr(argv[a], '/') + 1 : argv[a]);
    fputs(":\n * do not edit. Read-only: the library never writes into a loaded framework\n"
          " * (the casts only meet the members' types). */\n"
          "#include \"embedded.h\"\n\n#include <stdint.h>\n\n", f);
    for (i = 0; i < o->nstr; i++)
        write_string(f, i, &o->strs[i]);
    rewind(o->body);
    while ((c = fgetc(o->body)) != EOF)
        fputc(c, f);
    if (ferror(o->body) || fclose(f)) {
        perror(path);
        remove(path);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    gen_out o;
    bsl_vocabulary *vocab;
    bsl_framework **fws;
    bsl_embedded_size *sizes;
    bsl_error err;
    char name[NAME];
    size_t len, nfw = argc > 3 ? (size_t)argc - 3 : 0, i;
    char *data;

    if (argc < 4) {
        fprintf(stderr, "usage: gen_tables OUTPUT.c VOCABULARY.json FRAMEWORK.json...\n");
        return 2;
    }
    if (gen_check_layout())
        return 1;
    memset(&o, 0, sizeof o);
    if (!(o.body = tmpfile())) {
        perror("gen_tables: tmpfile");
        return 1;
    }
    data = slurp(argv[2], &len);
    if (bsl_vocabulary_load(&vocab, data, len, NULL, &err))
        fail_load(argv[2], &err);
    o.vocab = vocab;
    fws = xrealloc(NULL, nfw * sizeof *fws);
    sizes = xrealloc(NULL, (nfw + 1) * sizeof *sizes);
    sizes[nfw] = measure(argv[2], data, len, vocab->fact_count);
    free(data);
    emit_children(&o, &gen_vocabulary_type, vocab, "vocabulary");
    fputs("const bsl_vocabulary bsl_embedded_vocabulary = ", o.body);
    emit_init(&o, &gen_vocabulary_type, vocab, "vocabulary");
    fputs(";\nconst bsl_embedded_size bsl_embedded_vocabulary_size = ", o.body);
    put_measure(o.body, &sizes[nfw]);
    fputs(";\n", o.body);
    for (i = 0; i < nfw; i++) {
        const char *path = argv[3 + i];
        data = slurp(path, &len);
        if (bsl_framework_build(&fws[i], data, len, vocab, NULL, &err))
            fail_load(path, &err);
        sizes[i] = measure(path, data, len, fws[i]->indicator_count);
        free(data);
        o.fw = fws[i];
        make_name(name, "framework", NULL, i);
        emit_children(&o, &gen_framework_type, fws[i], name);
        fprintf(o.body, "static const bsl_framework %s = ", name);
        emit_init(&o, &gen_framework_type, fws[i], name);
        fputs(";\n", o.body);
    }
    fputs("\nconst bsl_embedded_framework bsl_embedded_frameworks[] = {\n", o.body);
    for (i = 0; i < nfw; i++) {
        fputs("    { ", o.body);
        put_str(&o, fws[i]->id, strlen(fws[i]->id));
        fprintf(o.body, ", &framework_%zu, ", i);
        put_measure(o.body, &sizes[i]);
        fputs(" },\n", o.body);
    }
    fprintf(o.body, "};\nconst size_t bsl_embedded_framework_total = %zu;\n", nfw);
    if (o.failed)
        return 1;
    write_output(argv[1], &o, argc, argv);
    for (i = 0; i < nfw; i++)
        bsl_framework_free(fws[i]);
    bsl_vocabulary_free(vocab);
    free(fws);
    free(sizes);
    free(o.strs);
    free(o.slots);
    fclose(o.body);
    return 0;
}
