/* Every member of the structs behind a loaded framework and vocabulary,
 * with how the generator writes it (gen.h). A new member is one line
 * here, in its struct's list, in declaration order:
 *
 *     F(bsl_criterion_def, title_json, GEN_STR),                  a NUL-terminated string
 *     STRN(bsl_criterion_def, title_json, title_json_len),        bytes with their length
 *     F(bsl_criterion_def, title_json_len, GEN_SIZE),             ... and the length itself
 *
 * Forgetting one fails gen_check_layout() at build time, or, for a member
 * small enough to sit where padding could be, the `embedded` test (it
 * compares the bytes between listed members). A member filled at load time
 * (wording.c, lint.c, or any other pass bsl_framework_build() runs, such
 * as strings escaped once for the renderers) is written with the value
 * the loader gave it: the generator dumps what the loader built. */
#include "gen.h"

#include <stdio.h>

#define AT(T, m) #m, offsetof(T, m), sizeof(((T *)0)->m)
#define STRN(T, m, n) { AT(T, m), 0, GEN_STRN, offsetof(T, n), NULL }
#define F(T, m, kind) { AT(T, m), 0, kind, 0, NULL }
#define ARRAY(T, m, kind, n, elem) { AT(T, m), 0, kind, offsetof(T, n), elem }
#define SKIP(T, m, type) { AT(T, m), _Alignof(type), GEN_SKIP, 0, NULL }
#define FRAGS(T, m, shape) { AT(T, m), 0, GEN_FRAGS, shape, NULL }
#define END { NULL, 0, 0, 0, GEN_SKIP, 0, NULL }

static const gen_field value_fields[] = {
    STRN(bsl_value_def, value, len),
    F(bsl_value_def, len, GEN_SIZE),
    F(bsl_value_def, json, GEN_STR),
    F(bsl_value_def, label, GEN_TEXT),
    END };
static const gen_type value_type = { "bsl_value_def", sizeof(bsl_value_def), value_fields };

static const gen_field fact_fields[] = {
    STRN(bsl_fact, key, key_len),
    F(bsl_fact, key_len, GEN_SIZE),
    F(bsl_fact, type, GEN_INT),
    F(bsl_fact, label, GEN_TEXT),
    F(bsl_fact, help, GEN_TEXT),
    F(bsl_fact, unit, GEN_TEXT),
    ARRAY(bsl_fact, values, GEN_STRUCTS, value_count, &value_type),
    F(bsl_fact, value_count, GEN_SIZE),
    F(bsl_fact, has_min, GEN_INT),
    F(bsl_fact, has_max, GEN_INT),
    F(bsl_fact, min, GEN_NUM),
    F(bsl_fact, max, GEN_NUM),
    END };
static const gen_type fact_type = { "bsl_fact", sizeof(bsl_fact), fact_fields };

static const gen_field vocabulary_fields[] = {
    SKIP(bsl_vocabulary, cfg, bsl_config),
    SKIP(bsl_vocabulary, arena, bsl_arena),
    F(bsl_vocabulary, id, GEN_STR),
    F(bsl_vocabulary, version, GEN_STR),
    F(bsl_vocabulary, title, GEN_TEXT),
    F(bsl_vocabulary, description, GEN_TEXT),
    F(bsl_vocabulary, sha256, GEN_CHARS),
    ARRAY(bsl_vocabulary, facts, GEN_STRUCTS, fact_count, &fact_type),
    F(bsl_vocabulary, fact_count, GEN_SIZE),
    ARRAY(bsl_vocabulary, by_key, GEN_SIZES, fact_count, NULL),
    END };
const gen_type gen_vocabulary_type = { "bsl_vocabulary", sizeof(bsl_vocabulary), vocabulary_fields };

static const gen_field outcome_fields[] = {
    F(bsl_outcome_def, value, GEN_STR),
    F(bsl_outcome_def, value_len, GEN_SIZE),
    F(bsl_outcome_def, value_json, GEN_STR),
    F(bsl_outcome_def, points, GEN_NUM),
    F(bsl_outcome_def, red_line, GEN_INT),
    F(bsl_outcome_def, fails_condition, GEN_INT),
    F(bsl_outcome_def, justification, GEN_TEXT),
    F(bsl_outcome_def, rule, GEN_STR),
    F(bsl_outcome_def, bound_kind, GEN_INT),
    F(bsl_outcome_def, bound, GEN_DOUBLE),
    F(bsl_outcome_def, bound_text, GEN_STR),
    FRAGS(bsl_outcome_def, json_body, GEN_FRAG_ARRAY),
    FRAGS(bsl_outcome_def, json_red_reason, GEN_FRAG_GRID),
    FRAGS(bsl_outcome_def, json_condition_reason, GEN_FRAG_GRID),
    FRAGS(bsl_outcome_def, text_tail, GEN_FRAG_ARRAY),
    F(bsl_outcome_def, text_value_len, GEN_SIZE),
    FRAGS(bsl_outcome_def, text_line, GEN_FRAG_ARRAY),
    END };
static const gen_type outcome_type = { "bsl_outcome_def", sizeof(bsl_outcome_def), outcome_fields };

static const gen_field indicator_fields[] = {
    F(bsl_indicator, fact, GEN_STR),
    F(bsl_indicator, fact_len, GEN_SIZE),
    F(bsl_indicator, type, GEN_INT),
    F(bsl_indicator, def, GEN_FACT),
    F(bsl_indicator, criterion, GEN_SIZE),
    F(bsl_indicator, criterion_id, GEN_STR),
    F(bsl_indicator, label, GEN_TEXT),
    F(bsl_indicator, remediation, GEN_TEXT),
    F(bsl_indicator, reference, GEN_TEXT),
    F(bsl_indicator, required, GEN_INT),
    F(bsl_indicator, actionable, GEN_INT),
    F(bsl_indicator, weight, GEN_NUM),
    F(bsl_indicator, maximum, GEN_DOUBLE),
    F(bsl_indicator, maximum_text, GEN_STR),
    ARRAY(bsl_indicator, outcomes, GEN_STRUCTS, outcome_count, &outcome_type),
    F(bsl_indicator, outcome_count, GEN_SIZE),
    F(bsl_indicator, has_condition, GEN_INT),
    F(bsl_indicator, cond_indicator, GEN_SIZE),
    F(bsl_indicator, cond_negate, GEN_INT),
    F(bsl_indicator, cond_match, GEN_FLAGS),
    F(bsl_indicator, cond_fact, GEN_STR),
    ARRAY(bsl_indicator, cond_values, GEN_STRS, cond_value_count, NULL),
    F(bsl_indicator, cond_value_count, GEN_SIZE),
    F(bsl_indicator, missing_text, GEN_TEXT),
    F(bsl_indicator, answer_text, GEN_TEXT),
    FRAGS(bsl_indicator, json_head, GEN_FRAG_GRID),
    FRAGS(bsl_indicator, json_missing, GEN_FRAG_ARRAY),
    FRAGS(bsl_indicator, json_not_applicable, GEN_FRAG_ARRAY),
    FRAGS(bsl_indicator, json_missing_reason, GEN_FRAG_GRID),
    FRAGS(bsl_indicator, json_remediation_head, GEN_FRAG_ARRAY),
    FRAGS(bsl_indicator, text_remediation, GEN_FRAG_ARRAY),
    FRAGS(bsl_indicator, text_answer, GEN_FRAG_ARRAY),
    END };
static const gen_type indicator_type = { "bsl_indicator", sizeof(bsl_indicator), indicator_fields };

static const gen_field criterion_fields[] = {
    F(bsl_criterion_def, id, GEN_STR),
    F(bsl_criterion_def, title, GEN_TEXT),
    F(bsl_criterion_def, reference, GEN_TEXT),
    F(bsl_criterion_def, weight, GEN_NUM),
    F(bsl_criterion_def, met, GEN_NUM),
    F(bsl_criterion_def, reservations, GEN_NUM),
    F(bsl_criterion_def, first_indicator, GEN_SIZE),
    F(bsl_criterion_def, indicator_count, GEN_SIZE),
    { AT(bsl_criterion_def, reason_text), 0, GEN_TEXTS, BSL_REASON_MET + 1, NULL },
    FRAGS(bsl_criterion_def, json_head, GEN_FRAG_GRID),
    FRAGS(bsl_criterion_def, json_thresholds, GEN_FRAG_ARRAY),
    FRAGS(bsl_criterion_def, json_reason, GEN_FRAG_GRIDS),
    END };
static const gen_type criterion_type = { "bsl_criterion_def", sizeof(bsl_criterion_def), criterion_fields };

static const gen_field framework_fields[] = {
    SKIP(bsl_framework, cfg, bsl_config),
    SKIP(bsl_framework, arena, bsl_arena),
    F(bsl_framework, vocab, GEN_VOCAB),
    F(bsl_framework, format, GEN_INT),
    F(bsl_framework, id, GEN_STR),
    F(bsl_framework, version, GEN_STR),
    F(bsl_framework, title, GEN_TEXT),
    F(bsl_framework, source, GEN_TEXT),
    F(bsl_framework, description, GEN_TEXT),
    F(bsl_framework, met, GEN_NUM),
    F(bsl_framework, reservations, GEN_NUM),
    F(bsl_framework, sha256, GEN_CHARS),
    ARRAY(bsl_framework, criteria, GEN_STRUCTS, criterion_count, &criterion_type),
    F(bsl_framework, criterion_count, GEN_SIZE),
    ARRAY(bsl_framework, indicators, GEN_STRUCTS, indicator_count, &indicator_type),
    F(bsl_framework, indicator_count, GEN_SIZE),
    ARRAY(bsl_framework, by_fact, GEN_SIZES, indicator_count, NULL),
    ARRAY(bsl_framework, warnings, GEN_STRS, warning_count, NULL),
    F(bsl_framework, warning_count, GEN_SIZE),
    FRAGS(bsl_framework, json_start, GEN_FRAG_GRIDS),
    FRAGS(bsl_framework, json_status, GEN_FRAG_GRIDS),
    FRAGS(bsl_framework, json_provenance, GEN_FRAG_ARRAY),
    FRAGS(bsl_framework, json_remediation_key, GEN_FRAG_ARRAY),
    FRAGS(bsl_framework, json_evidence_key, GEN_FRAG_ARRAY),
    F(bsl_framework, json_size, GEN_SIZE_GRID),
    END };
const gen_type gen_framework_type = { "bsl_framework", sizeof(bsl_framework), framework_fields };

/* The size and alignment a member of each kind has. */
static int kind_layout(const gen_field *f, size_t *size, size_t *align)
{
    switch (f->kind) {
    case GEN_SKIP: *size = f->size; *align = f->align; return 0;
    case GEN_STR: case GEN_STRN: *size = sizeof(const char *); *align = _Alignof(const char *); return 0;
    case GEN_TEXT: *size = sizeof(bsl_text); *align = _Alignof(bsl_text); return 0;
    case GEN_TEXTS: *size = f->count * sizeof(bsl_text); *align = _Alignof(bsl_text); return 0;
    case GEN_NUM: *size = sizeof(bsl_num); *align = _Alignof(bsl_num); return 0;
    case GEN_SIZE: *size = sizeof(size_t); *align = _Alignof(size_t); return 0;
    case GEN_INT: *size = sizeof(int); *align = _Alignof(int); return 0;
    case GEN_DOUBLE: *size = sizeof(double); *align = _Alignof(double); return 0;
    case GEN_CHARS: *size = f->size; *align = 1; return 0;
    case GEN_STRUCTS: case GEN_SIZES: case GEN_STRS: case GEN_FLAGS: case GEN_FACT: case GEN_VOCAB:
        *size = sizeof(void *); *align = _Alignof(void *); return 0;
    case GEN_FRAGS: {
        size_t unit = f->count == GEN_FRAG_ONE || f->count == GEN_FRAG_ARRAY ? sizeof(bsl_frag)
                                                                             : sizeof(bsl_json_frags);
        int array = f->count == GEN_FRAG_ARRAY || f->count == GEN_FRAG_GRIDS;
        *size = array && f->size % unit == 0 ? f->size : unit;
        *align = _Alignof(bsl_frag);
        return 0;
    }
    case GEN_SIZE_GRID: *size = sizeof(size_t[2][2]); *align = _Alignof(size_t); return 0;
    }
    return -1;
}

static size_t align_up(size_t n, size_t a) { return (n + a - 1) / a * a; }

/* Members in order, each where the previous one ends (rounded up to its
 * alignment), the struct ending where the last one does (rounded up to the
 * largest alignment): nothing else can sit in between. */
static int check_type(const gen_type *t)
{
    const gen_field *f;
    size_t end = 0, max_align = 1, size = 0, align = 1;
    int rc = 0;
    for (f = t->fields; f->name; f++) {
        if (kind_layout(f, &size, &align) || size != f->size) {
            fprintf(stderr, "gen_tables: %s.%s is %zu bytes, not what its kind writes: fix lib/tools/gen_fields.c\n",
                    t->name, f->name, f->size);
            rc = -1;
        } else if (f->offset != align_up(end, align)) {
            fprintf(stderr, "gen_tables: %s has a member before %s (at %zu, after %zu bytes) that "
                    "lib/tools/gen_fields.c does not list\n", t->name, f->name, f->offset, end);
            rc = -1;
        }
        end = f->offset + f->size;
        max_align = align > max_align ? align : max_align;
        if (f->kind == GEN_STRUCTS && check_type(f->elem))
            rc = -1;
    }
    if (align_up(end, max_align) != t->size) {
        fprintf(stderr, "gen_tables: %s has members after %s that lib/tools/gen_fields.c does not list\n",
                t->name, f[-1].name);
        rc = -1;
    }
    return rc;
}

int gen_check_layout(void)
{
    int a = check_type(&gen_vocabulary_type), b = check_type(&gen_framework_type);
    return a || b ? -1 : 0;
}
