/* The compiled, immutable form of a framework (référentiel). Built once by
 * bsl_framework_build() in one arena, or, for an embedded framework, a
 * copy of this struct whose tables are static (generated at build time by
 * lib/tools/gen_tables.c, which dumps every member: see its field lists);
 * read by usecase.c and evaluate.c. */
#ifndef BSL_FRAMEWORK_H
#define BSL_FRAMEWORK_H

#include "boussole.h"
#include "alloc.h"
#include "options.h"
#include "schema.h"
#include "vocabulary.h"

/* The JSON result's framework text, written once at load by
 * bsl_framework_prepare_json() (json_prepare.c) so that rendering copies it
 * (render_json.c): pieces indexed [lang][layout], layout 0 indented and 1
 * compact (bsl_jw.compact), each as bsl_jw_frag() expects it. */
typedef bsl_frag bsl_json_frags[2][2];

typedef enum bsl_bound_kind { BSL_BOUND_OPEN, BSL_BOUND_UP_TO, BSL_BOUND_BELOW } bsl_bound_kind;

/* One way an indicator can resolve: an enum level, a boolean value, a
 * number band, a set's emptiness, a text's presence. */
typedef struct bsl_outcome_def {
    const char *value;      /* enum token, "true"/"false", "empty"/"non_empty", "present"/"absent"; NULL for bands */
    size_t value_len;       /* strlen(value), for lookups */
    const char *value_json; /* boolean and enum: the value as JSON ("true", "\"eu\""), shared by every result */
    bsl_num points;         /* 0 ("0") for red lines */
    int red_line;
    int fails_condition;    /* "fails_necessary_condition": its criterion is not_met whatever its score */
    bsl_text justification;
    const char *rule;       /* "level:eu", "band:<=1000", "set:non_empty", "text:present" */
    bsl_bound_kind bound_kind;
    double bound;           /* number bands only */
    const char *bound_text; /* the bound as written; NULL for the open band */
    /* JSON: the outcome's members "points" to the key "justification"
     * ([layout], the same in both languages; justification.json holds the
     * value); its "red_line" and "necessary_condition" reasons (whole
     * objects; s NULL when the outcome gives none). */
    bsl_frag json_body[2];
    bsl_json_frags json_red_reason, json_condition_reason;
    /* Text report: the end of the indicator's line when this outcome
     * matched ([lang], text_prepare.c): " = " and value_json when the
     * outcome has one (text_value_len bytes), then what follows the value. */
    bsl_frag text_tail[2];
    size_t text_value_len;
    /* ... and the whole line, marker to justification, wrapped to the
     * default width without colour, when the outcome has a value_json
     * (s NULL otherwise): the renderer copies it instead of wrapping it. */
    bsl_frag text_line[2];
} bsl_outcome_def;

/* Positions of outcomes for the two-outcome types. */
enum { BSL_OUT_FALSE = 0, BSL_OUT_TRUE = 1 };        /* boolean */
enum { BSL_OUT_EMPTY = 0, BSL_OUT_NON_EMPTY = 1 };   /* set */
enum { BSL_OUT_ABSENT = 0, BSL_OUT_PRESENT = 1 };    /* text */

/* How a framework scores one fact. Boolean and enum outcomes are indexed
 * like the fact's values (false 0, true 1; an enum's values in vocabulary
 * order), so a value read from a use-case is its outcome's index. */
typedef struct bsl_indicator {
    const char *fact;              /* def->key */
    size_t fact_len;
    bsl_fact_type type;            /* def->type */
    const bsl_fact *def;           /* the vocabulary's fact, or (format 1) the framework's own */
    size_t criterion;
    const char *criterion_id;
    bsl_text label;                /* the framework's question, else the fact's */
    bsl_text remediation;          /* s[] NULL when none */
    bsl_text reference;            /* s[] NULL when none */
    int required;
    int actionable;                /* 0: "actionable": false, what-if plans never change the fact */
    bsl_num weight;
    double maximum;                /* highest points among outcomes */
    const char *maximum_text;      /* the same number as written */
    bsl_outcome_def *outcomes;
    size_t outcome_count;
    /* applies_if: the indicator applies when the value of fact indicator
     * cond_indicator is (or, with cond_negate, is not) one of the outcome
     * indexes flagged in cond_match. */
    int has_condition;
    size_t cond_indicator;
    int cond_negate;
    unsigned char *cond_match;     /* one flag per outcome of cond_indicator */
    const char *cond_fact;         /* the condition's fact key */
    const char **cond_values;      /* the values flagged, in the fact's order */
    size_t cond_value_count;
    bsl_text missing_text;         /* reason sentence when required and missing */
    bsl_text answer_text;          /* remediation when missing: the question and its allowed values */
    /* JSON: the outcome's members "fact", "label" and the key "value"; the
     * members "points" to the key "justification" when the fact is missing
     * or the indicator not applicable ([layout], the same in both
     * languages); the "missing" reason (s NULL when not required); a
     * remediation's members "criterion", "fact" and the key "text"
     * ([layout]). */
    bsl_json_frags json_head;
    bsl_frag json_missing[2], json_not_applicable[2];
    bsl_json_frags json_missing_reason;
    bsl_frag json_remediation_head[2];
    /* Text report: the line of each remediation ("  - C1, fact: ..."),
     * of remediation and of answer_text, wrapped to the default width
     * without colour ([lang], text_prepare.c; s NULL for no text). */
    bsl_frag text_remediation[2], text_answer[2];
} bsl_indicator;

typedef struct bsl_criterion_def {
    const char *id;
    bsl_text title;
    bsl_text reference;            /* s[] NULL when none */
    bsl_num weight;
    bsl_num met, reservations;
    size_t first_indicator, indicator_count;
    /* Reason sentences, written once at load (wording.c) so that evaluation
     * formats nothing: indexed by bsl_reason_kind for the criterion-level
     * kinds (NOT_MET, NOT_ASSESSED, RESERVATION, MET). */
    bsl_text reason_text[BSL_REASON_MET + 1];
    /* JSON: the members "id", "title", "weight" and the key "score"; the
     * member "thresholds" ([layout]); the reasons of reason_text as whole
     * objects (empty for the other kinds). */
    bsl_json_frags json_head;
    bsl_frag json_thresholds[2];
    bsl_json_frags json_reason[BSL_REASON_MET + 1]; /* s NULL for the other kinds */
} bsl_criterion_def;

struct bsl_framework {
    bsl_config cfg;
    bsl_arena arena;               /* empty for an embedded framework */
    const bsl_vocabulary *vocab;   /* not owned: the embedded vocabulary (static) */
    int format;                    /* 1 or 2 */
    const char *id, *version;
    bsl_text title, source, description;
    bsl_num met, reservations;     /* the default thresholds (as written, or 70 and 40) */
    char sha256[65];
    bsl_criterion_def *criteria;
    size_t criterion_count;
    bsl_indicator *indicators;     /* criterion by criterion, in document order */
    size_t indicator_count;
    size_t *by_fact;               /* indicator indexes sorted by fact key */
    const char **warnings;         /* lint.c: what looks wrong, with its path */
    size_t warning_count;
    /* JSON: the result's "{" and members "format" to "verdict_label" and
     * the key "score", by verdict; a criterion's members "status" and
     * "status_label", by status; the member "provenance", and an outcome's
     * keys "remediation" and "evidence" ([layout]); and the bytes of
     * framework text in a result at most (reasons and remediations counted
     * all at once), to reserve the output once. */
    bsl_json_frags json_start[BSL_VERDICT_FAVORABLE + 1];
    bsl_json_frags json_status[BSL_CRITERION_INCOMPLETE + 1];
    bsl_frag json_provenance[2], json_remediation_key[2], json_evidence_key[2];
    size_t json_size[2][2];
};

/* Load framework JSON buf[0..len) whose facts come from vocab (which must
 * outlive the framework): what bsl_framework_load() does with the embedded
 * vocabulary, and the table generator with the vocabulary it loaded. */
int bsl_framework_build(bsl_framework **out, const char *buf, size_t len, const bsl_vocabulary *vocab,
                        const bsl_options *opts, bsl_error *err);

/* Read a whole file into *out (allocated with cfg's allocator), at most
 * cfg's max_input_bytes: BSL_OK, BSL_ERR_IO, BSL_ERR_LIMIT or BSL_ERR_NOMEM. */
int bsl_file_read(const char *path, const bsl_config *cfg, char **out, size_t *len, bsl_error *err);

/* Find what looks wrong in a loaded framework (lint.c). */
int bsl_lint_build(bsl_framework *fw);

/* Write the reason sentences of every criterion and indicator (wording.c). */
int bsl_wording_build(bsl_framework *fw);

/* Write the JSON pieces above and the JSON of remediation texts, once,
 * after bsl_wording_build() (json_prepare.c): BSL_OK or BSL_ERR_NOMEM. */
int bsl_framework_prepare_json(bsl_framework *fw);

/* Write the text report's pieces above (bsl_outcome_def.text_tail), once,
 * after bsl_wording_build() (text_prepare.c): BSL_OK or BSL_ERR_NOMEM. */
int bsl_framework_prepare_text(bsl_framework *fw);

/* Index of the indicator reading fact key[0..len), or SIZE_MAX. */
size_t bsl_framework_find_fact(const bsl_framework *fw, const char *key, size_t len);

/* Index of the outcome for enum token s[0..len) of indicator ind, or SIZE_MAX. */
size_t bsl_indicator_find_level(const bsl_indicator *ind, const char *s, size_t len);

/* The outcome index a number falls in (bands are total by construction). */
size_t bsl_indicator_band(const bsl_indicator *ind, double value);

#endif
