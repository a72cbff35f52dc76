/*
 * libboussole - score public-sector AI use-cases against a charter of trust.
 *
 * This is the one public header. Everything the library exposes is declared
 * here and prefixed bsl_ / BSL_.
 *
 * Data flows one way:
 *
 *     framework JSON --bsl_framework_load--> bsl_framework (immutable)
 *     use-case JSON  --bsl_usecase_parse---> bsl_usecase   (bound to a framework)
 *     bsl_evaluate(framework, usecase) -----> bsl_result   (verdict + justification)
 *     bsl_render(result, format, lang) -----> bytes        (JSON or text)
 *
 * Conventions (libgit2 style):
 *  - Fallible calls return an int status: BSL_OK (0) or a negative BSL_ERR_*
 *    code. Codes are never renumbered. Results are written through an out
 *    pointer, which is set to NULL on failure: no partial object escapes.
 *  - Every fallible call takes an optional bsl_error * (may be NULL) that is
 *    filled with the code, a message, and for errors in a document the byte
 *    offset, 1-based line and column of the offending byte and the JSON path
 *    of the offending value.
 *  - Inputs are (const char *buf, size_t len): not NUL-terminated, never
 *    modified, not retained after the call returns.
 *  - Getters return borrowed pointers that live as long as the object they
 *    were read from. Every *_free(NULL) is a no-op.
 *  - Memory the library hands out is freed by the library, with the
 *    allocator the owning object was created with.
 *
 * Thread-safety: the library has no global mutable state and needs no
 * initialisation. A bsl_framework is immutable once loaded and may be shared
 * by any number of threads; so may a bsl_usecase and a bsl_result. Distinct
 * objects may be created and freed concurrently. Freeing an object while
 * another thread uses it is the caller's error.
 *
 * Lifetime: a framework must outlive every use-case parsed against it and
 * every result evaluated from it (they borrow its strings).
 */
#ifndef BOUSSOLE_H
#define BOUSSOLE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(BSL_BUILDING_LIBRARY) && defined(__GNUC__)
#define BSL_API __attribute__((visibility("default")))
#else
#define BSL_API
#endif

/* ------------------------------------------------------------------------ */
/* Version                                                                    */
/* ------------------------------------------------------------------------ */

/** Major version: changes when the API or ABI breaks. @since 0.1.0 */
#define BSL_VERSION_MAJOR 0
/** Minor version: changes when features are added compatibly. @since 0.1.0 */
#define BSL_VERSION_MINOR 1
/** Patch version: changes for fixes only. @since 0.1.0 */
#define BSL_VERSION_PATCH 0
/** Version as one comparable number, MAJOR*10000 + MINOR*100 + PATCH. @since 0.1.0 */
#define BSL_VERSION_NUMBER \
    (BSL_VERSION_MAJOR * 10000 + BSL_VERSION_MINOR * 100 + BSL_VERSION_PATCH)

/**
 * Version of the library actually linked, as "MAJOR.MINOR.PATCH".
 * Compare with BSL_VERSION_* to detect a header/library mismatch.
 * @return a static string; never NULL. Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_version_string(void);

/**
 * Version of the library actually linked, as BSL_VERSION_NUMBER computes it.
 * @return the version number. Thread-safe. @since 0.1.0
 */
BSL_API unsigned bsl_version_number(void);

/* ------------------------------------------------------------------------ */
/* Errors                                                                     */
/* ------------------------------------------------------------------------ */

/**
 * Status codes. 0 is success; errors are negative and never renumbered.
 * BSL_ERR_TYPE .. BSL_ERR_VALUE are schema errors: the document is valid
 * JSON but does not follow the format (see BSL_ERR_IS_SCHEMA).
 * @since 0.1.0
 */
typedef enum bsl_status {
    BSL_OK = 0,
    BSL_ERR_NOMEM = -1,    /**< an allocation failed */
    BSL_ERR_ARG = -2,      /**< invalid argument: NULL where forbidden, unknown options version, objects that do not belong together */
    BSL_ERR_IO = -3,       /**< a file could not be read */
    BSL_ERR_LIMIT = -4,    /**< a configured limit (size, depth, tokens, string length, count) or a number's range was exceeded */
    BSL_ERR_SYNTAX = -5,   /**< the input is not RFC 8259 JSON, or has a duplicate object key */
    BSL_ERR_TYPE = -6,     /**< schema: a value has the wrong JSON type */
    BSL_ERR_ENUM = -7,     /**< schema: a value is not one of the allowed values (the message lists them) */
    BSL_ERR_MISSING = -8,  /**< schema: a required field is missing */
    BSL_ERR_VALUE = -9,    /**< schema: any other invalid value: unknown field, out of range, duplicate id, inconsistent thresholds or bands */
    BSL_ERR_NOTFOUND = -10 /**< no embedded framework has that id */
} bsl_status;

/** True when code is one of the schema errors. @since 0.1.0 */
#define BSL_ERR_IS_SCHEMA(code) ((code) <= BSL_ERR_TYPE && (code) >= BSL_ERR_VALUE)

/** Capacity of bsl_error.message, including the terminating NUL. */
#define BSL_ERROR_MESSAGE_SIZE 256
/** Capacity of bsl_error.path, including the terminating NUL. */
#define BSL_ERROR_PATH_SIZE 128

/**
 * Details of a failure, filled by any call that takes a bsl_error *.
 * The layout of this struct is part of the ABI and never changes.
 * On success the struct is left with code BSL_OK and an empty message.
 * @since 0.1.0
 */
typedef struct bsl_error {
    int code;                               /**< a bsl_status value */
    size_t offset;                          /**< byte offset of the offending byte in the input; 0 when not about a document */
    unsigned line;                          /**< 1-based line of the offending byte; 0 when not about a document */
    unsigned column;                        /**< 1-based column (in characters) of the offending byte; 0 when not about a document */
    char path[BSL_ERROR_PATH_SIZE];         /**< JSON path of the offending value, e.g. "$.facts.hosting"; "" when none */
    char message[BSL_ERROR_MESSAGE_SIZE];   /**< English, NUL-terminated, without position or path */
} bsl_error;

/**
 * A short static description of a status code, e.g. "JSON syntax error".
 * @param code any int; unknown codes give "unknown error".
 * @return a static string; never NULL. Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_strerror(int code);

/* ------------------------------------------------------------------------ */
/* Options and allocator                                                      */
/* ------------------------------------------------------------------------ */

/**
 * A caller-supplied allocator (yyjson style). All three functions must be
 * set, or all NULL to use the C library. ctx is passed back unchanged.
 * realloc receives the old size of the block so that arena allocators work.
 * The functions may be called from any thread that uses an object created
 * with them.
 * @since 0.1.0
 */
typedef struct bsl_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} bsl_allocator;

/** The current version of bsl_options. @since 0.1.0 */
#define BSL_OPTIONS_VERSION 1

/** Default limits, used where an option is 0. @since 0.1.0 */
#define BSL_DEFAULT_MAX_INPUT_BYTES ((size_t)8 << 20)  /* 8 MiB */
#define BSL_DEFAULT_MAX_DEPTH 64u
#define BSL_DEFAULT_MAX_TOKENS ((size_t)1 << 20)
#define BSL_DEFAULT_MAX_STRING_BYTES ((size_t)64 << 10) /* 64 KiB */
#define BSL_DEFAULT_MAX_FACTS 1024u
#define BSL_DEFAULT_MAX_INDICATORS 4096u

/**
 * Options for loading a framework or parsing a use-case.
 * Always initialise with BSL_OPTIONS_INIT or bsl_options_init(): fields are
 * only ever appended, and the version field tells the library which ones
 * the caller knows. A 0 limit means the default.
 * @since 0.1.0
 */
typedef struct bsl_options {
    unsigned version;            /**< must be BSL_OPTIONS_VERSION (or an older supported version) */
    bsl_allocator allocator;     /**< all NULL: the C library's malloc/realloc/free */
    size_t max_input_bytes;      /**< largest accepted document; default BSL_DEFAULT_MAX_INPUT_BYTES */
    unsigned max_depth;          /**< deepest nesting of arrays/objects; default BSL_DEFAULT_MAX_DEPTH */
    size_t max_tokens;           /**< most JSON values (including keys) per document; default BSL_DEFAULT_MAX_TOKENS */
    size_t max_string_bytes;     /**< longest string, in bytes after decoding; default BSL_DEFAULT_MAX_STRING_BYTES */
    size_t max_facts;            /**< most entries in a use-case's facts and evidence objects; default BSL_DEFAULT_MAX_FACTS */
    size_t max_indicators;       /**< most indicators in a framework; default BSL_DEFAULT_MAX_INDICATORS */
} bsl_options;

/** Static initialiser for bsl_options with every default. @since 0.1.0 */
#define BSL_OPTIONS_INIT { BSL_OPTIONS_VERSION, { 0, 0, 0, 0 }, 0, 0, 0, 0, 0, 0 }

/**
 * Initialise opts to the defaults of the given options version.
 * @param opts the struct to fill; must not be NULL.
 * @param version BSL_OPTIONS_VERSION.
 * @return BSL_OK, or BSL_ERR_ARG for a NULL opts or an unknown version.
 * Thread-safe. @since 0.1.0
 */
BSL_API int bsl_options_init(bsl_options *opts, unsigned version);

/** Languages of the justification texts. @since 0.1.0 */
typedef enum bsl_lang {
    BSL_LANG_FR = 0, /**< French: the charters' own language, the default */
    BSL_LANG_EN = 1  /**< English */
} bsl_lang;

/* ------------------------------------------------------------------------ */
/* Frameworks                                                                 */
/* ------------------------------------------------------------------------ */

/** A loaded, validated, immutable framework (référentiel). @since 0.1.0 */
typedef struct bsl_framework bsl_framework;

/**
 * Load and validate a framework from JSON (format: doc/framework-format.md).
 * Every problem is reported with its position and path: unique ids, points
 * in 0..100, thresholds, bands, enum levels, applies_if targets, fr and en
 * strings.
 * @param out receives the framework, or NULL on failure; must not be NULL.
 * @param buf the JSON bytes (need not be NUL-terminated); NULL only if len is 0.
 * @param len number of bytes in buf.
 * @param opts limits and allocator; NULL for the defaults. Copied.
 * @param err optional error details.
 * @return BSL_OK, or BSL_ERR_SYNTAX, a schema error, BSL_ERR_LIMIT,
 *         BSL_ERR_NOMEM, BSL_ERR_ARG.
 * Thread-safe. Free with bsl_framework_free(). @since 0.1.0
 */
BSL_API int bsl_framework_load(bsl_framework **out, const char *buf, size_t len,
                               const bsl_options *opts, bsl_error *err);

/**
 * Load a framework from a file (read whole, then as bsl_framework_load()).
 * @param path a file name; must not be NULL.
 * @return as bsl_framework_load(), or BSL_ERR_IO when the file cannot be read.
 * @since 0.1.0
 */
BSL_API int bsl_framework_load_file(bsl_framework **out, const char *path,
                                    const bsl_options *opts, bsl_error *err);

/**
 * Load one of the frameworks embedded in the library.
 * @param id an id from bsl_embedded_framework_id(), or NULL for the default
 *        (the Nantes Métropole boussole, "nantes-2024").
 * @return as bsl_framework_load(), or BSL_ERR_NOTFOUND for an unknown id.
 * @since 0.1.0
 */
BSL_API int bsl_framework_load_embedded(bsl_framework **out, const char *id,
                                        const bsl_options *opts, bsl_error *err);

/** Number of embedded frameworks. Thread-safe. @since 0.1.0 */
BSL_API size_t bsl_embedded_framework_count(void);

/**
 * Id of the i-th embedded framework; index 0 is the default.
 * @return a static string, or NULL when i is out of range. @since 0.1.0
 */
BSL_API const char *bsl_embedded_framework_id(size_t i);

/** Free a framework. NULL is a no-op. @since 0.1.0 */
BSL_API void bsl_framework_free(bsl_framework *fw);

/** The framework's id, e.g. "nantes-2024". Borrowed. @since 0.1.0 */
BSL_API const char *bsl_framework_id(const bsl_framework *fw);
/** The framework's version string. Borrowed. @since 0.1.0 */
BSL_API const char *bsl_framework_version(const bsl_framework *fw);
/** The framework's title in lang. Borrowed. @since 0.1.0 */
BSL_API const char *bsl_framework_title(const bsl_framework *fw, bsl_lang lang);
/**
 * Lower-case hex SHA-256 (64 characters) of the framework's canonical JSON
 * (keys sorted, no insignificant whitespace, minimal string escapes; see
 * doc/framework-format.md). Borrowed. @since 0.1.0
 */
BSL_API const char *bsl_framework_sha256(const bsl_framework *fw);
/** Number of criteria. @since 0.1.0 */
BSL_API size_t bsl_framework_criterion_count(const bsl_framework *fw);
/** Id of the i-th criterion, or NULL when out of range. Borrowed. @since 0.1.0 */
BSL_API const char *bsl_framework_criterion_id(const bsl_framework *fw, size_t i);
/** Title of the i-th criterion in lang, or NULL when out of range. Borrowed. @since 0.1.0 */
BSL_API const char *bsl_framework_criterion_title(const bsl_framework *fw, size_t i,
                                                  bsl_lang lang);

/* ------------------------------------------------------------------------ */
/* Use-cases                                                                  */
/* ------------------------------------------------------------------------ */

/** A use-case parsed and type-checked against one framework. @since 0.1.0 */
typedef struct bsl_usecase bsl_usecase;

/**
 * Parse a use-case (format: doc/usecase-format.md) against fw. Facts are
 * type-checked and enum values validated; fact keys the framework does not
 * know are kept and reported in the result, with the nearest known key.
 * @param out receives the use-case, or NULL on failure; must not be NULL.
 * @param fw the framework to bind to; must not be NULL and must outlive the use-case.
 * @param opts limits and allocator; NULL for the defaults.
 * @return BSL_OK, or BSL_ERR_SYNTAX, a schema error, BSL_ERR_LIMIT,
 *         BSL_ERR_NOMEM, BSL_ERR_ARG.
 * Thread-safe. Free with bsl_usecase_free(). @since 0.1.0
 */
BSL_API int bsl_usecase_parse(bsl_usecase **out, const bsl_framework *fw,
                              const char *buf, size_t len,
                              const bsl_options *opts, bsl_error *err);

/** Free a use-case. NULL is a no-op. @since 0.1.0 */
BSL_API void bsl_usecase_free(bsl_usecase *uc);

/** The use-case's id. Borrowed. @since 0.1.0 */
BSL_API const char *bsl_usecase_id(const bsl_usecase *uc);
/** The use-case's title. Borrowed. @since 0.1.0 */
BSL_API const char *bsl_usecase_title(const bsl_usecase *uc);

/* ------------------------------------------------------------------------ */
/* Evaluation                                                                 */
/* ------------------------------------------------------------------------ */

/** The result of an evaluation: verdict and justification. @since 0.1.0 */
typedef struct bsl_result bsl_result;

/**
 * Verdicts, in precedence order (REFERENTIEL.md §2). Tokens in
 * bsl_verdict_token(). @since 0.1.0
 */
typedef enum bsl_verdict {
    BSL_VERDICT_RED_LINE = 0,                    /**< "red_line": a red line fired */
    BSL_VERDICT_INCOMPLETE = 1,                  /**< "incomplete": a required fact is missing */
    BSL_VERDICT_UNFAVORABLE = 2,                 /**< "unfavorable": a criterion is below its reservations threshold */
    BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS = 3, /**< "favorable_with_reservations": some criterion is below met */
    BSL_VERDICT_FAVORABLE = 4                    /**< "favorable": every criterion is met */
} bsl_verdict;

/** Status of one criterion. @since 0.1.0 */
typedef enum bsl_criterion_status {
    BSL_CRITERION_MET = 0,          /**< "met": score >= met threshold */
    BSL_CRITERION_RESERVATIONS = 1, /**< "reservations": reservations <= score < met */
    BSL_CRITERION_NOT_MET = 2,      /**< "not_met": score < reservations */
    BSL_CRITERION_RED_LINE = 3,     /**< "red_line": a red line of this criterion fired */
    BSL_CRITERION_NOT_ASSESSED = 4  /**< "not_assessed": no indicator was answered (all unanswered or not applicable with some unanswered) */
} bsl_criterion_status;

/**
 * Evaluate a parsed use-case. Deterministic: the same framework and
 * use-case always give the same result and the same rendered bytes.
 * @param out receives the result, or NULL on failure; must not be NULL.
 * @param fw the framework uc was parsed against (else BSL_ERR_ARG).
 * @return BSL_OK, BSL_ERR_NOMEM or BSL_ERR_ARG. A verdict is never an error.
 * The result uses uc's allocator, copies what it needs from uc (uc may be
 * freed first) and borrows fw's strings. Thread-safe. @since 0.1.0
 */
BSL_API int bsl_evaluate(bsl_result **out, const bsl_framework *fw,
                         const bsl_usecase *uc, bsl_error *err);

/**
 * Parse a use-case and evaluate it: bsl_usecase_parse() then bsl_evaluate().
 * @since 0.1.0
 */
BSL_API int bsl_evaluate_json(bsl_result **out, const bsl_framework *fw,
                              const char *buf, size_t len,
                              const bsl_options *opts, bsl_error *err);

/** Free a result. NULL is a no-op. @since 0.1.0 */
BSL_API void bsl_result_free(bsl_result *r);

/** Token of a verdict ("red_line", ...), or NULL for an unknown value. @since 0.1.0 */
BSL_API const char *bsl_verdict_token(bsl_verdict v);
/** Human label of a verdict in lang ("ligne rouge", "red line", ...), or NULL. @since 0.1.0 */
BSL_API const char *bsl_verdict_label(bsl_verdict v, bsl_lang lang);
/** Token of a criterion status ("met", ...), or NULL for an unknown value. @since 0.1.0 */
BSL_API const char *bsl_criterion_status_token(bsl_criterion_status s);
/** Human label of a criterion status in lang, or NULL. @since 0.1.0 */
BSL_API const char *bsl_criterion_status_label(bsl_criterion_status s, bsl_lang lang);

/** The verdict. @since 0.1.0 */
BSL_API bsl_verdict bsl_result_verdict(const bsl_result *r);
/**
 * Global score, 0..100, rounded to 0.1: the weighted mean of the assessed
 * criteria's scores (0 when none is assessed). @since 0.1.0
 */
BSL_API double bsl_result_score(const bsl_result *r);
/** Id of the evaluated use-case (a copy owned by the result). @since 0.1.0 */
BSL_API const char *bsl_result_usecase_id(const bsl_result *r);
/** Title of the evaluated use-case (a copy owned by the result). @since 0.1.0 */
BSL_API const char *bsl_result_usecase_title(const bsl_result *r);

/** Provenance: the framework's id. Borrowed. @since 0.1.0 */
BSL_API const char *bsl_result_framework_id(const bsl_result *r);
/** Provenance: the framework's version. Borrowed. @since 0.1.0 */
BSL_API const char *bsl_result_framework_version(const bsl_result *r);
/** Provenance: SHA-256 of the framework's canonical JSON. Borrowed. @since 0.1.0 */
BSL_API const char *bsl_result_framework_sha256(const bsl_result *r);
/** Provenance: version of the library that evaluated. Static. @since 0.1.0 */
BSL_API const char *bsl_result_library_version(const bsl_result *r);

/* --- criteria --- */

/** One criterion's part of a result. Borrowed from the result. @since 0.1.0 */
typedef struct bsl_criterion_result bsl_criterion_result;
/** One indicator's outcome. Borrowed from the result. @since 0.1.0 */
typedef struct bsl_outcome bsl_outcome;

/** Number of criteria (the framework's, in its order). @since 0.1.0 */
BSL_API size_t bsl_result_criterion_count(const bsl_result *r);
/** The i-th criterion's result, or NULL when out of range. @since 0.1.0 */
BSL_API const bsl_criterion_result *bsl_result_criterion(const bsl_result *r, size_t i);

/** Criterion id, e.g. "C1". @since 0.1.0 */
BSL_API const char *bsl_criterion_result_id(const bsl_criterion_result *c);
/** Criterion title in lang. @since 0.1.0 */
BSL_API const char *bsl_criterion_result_title(const bsl_criterion_result *c, bsl_lang lang);
/**
 * Criterion score, 0..100 rounded to 0.1: the weighted mean of the points of
 * its applicable, answered, weighted indicators. 0 when not assessed. @since 0.1.0
 */
BSL_API double bsl_criterion_result_score(const bsl_criterion_result *c);
/** Criterion weight in the global score. @since 0.1.0 */
BSL_API double bsl_criterion_result_weight(const bsl_criterion_result *c);
/** Criterion status. @since 0.1.0 */
BSL_API bsl_criterion_status bsl_criterion_result_status(const bsl_criterion_result *c);
/** The criterion's "met" threshold (points). @since 0.1.0 */
BSL_API double bsl_criterion_result_met_threshold(const bsl_criterion_result *c);
/** The criterion's "reservations" threshold (points). @since 0.1.0 */
BSL_API double bsl_criterion_result_reservations_threshold(const bsl_criterion_result *c);
/** Number of indicator outcomes of this criterion. @since 0.1.0 */
BSL_API size_t bsl_criterion_result_outcome_count(const bsl_criterion_result *c);
/** The i-th outcome of this criterion, or NULL when out of range. @since 0.1.0 */
BSL_API const bsl_outcome *bsl_criterion_result_outcome(const bsl_criterion_result *c, size_t i);

/* --- indicator outcomes --- */

/** The fact key the indicator reads, e.g. "hosting". @since 0.1.0 */
BSL_API const char *bsl_outcome_fact(const bsl_outcome *o);
/** The indicator's label in lang. @since 0.1.0 */
BSL_API const char *bsl_outcome_label(const bsl_outcome *o, bsl_lang lang);
/**
 * The value read, as compact JSON text ("true", "\"eu\"", "1200",
 * "[\"health\"]"), or NULL when the fact is missing. @since 0.1.0
 */
BSL_API const char *bsl_outcome_value(const bsl_outcome *o);
/** Points obtained, 0..100 (0 when missing, not applicable or a red line). @since 0.1.0 */
BSL_API double bsl_outcome_points(const bsl_outcome *o);
/** Maximum points the indicator can give (0 for gates and informative indicators). @since 0.1.0 */
BSL_API double bsl_outcome_maximum(const bsl_outcome *o);
/** Indicator weight inside its criterion (0: gate or informative). @since 0.1.0 */
BSL_API double bsl_outcome_weight(const bsl_outcome *o);
/**
 * The rule that matched, e.g. "level:eu", "band:<=1000", "set:non_empty",
 * "text:present"; "missing" or "not_applicable" when none did. @since 0.1.0
 */
BSL_API const char *bsl_outcome_rule(const bsl_outcome *o);
/** Non-zero when this outcome fired a red line. @since 0.1.0 */
BSL_API int bsl_outcome_red_line(const bsl_outcome *o);
/** Non-zero when the fact is missing (required or not). @since 0.1.0 */
BSL_API int bsl_outcome_missing(const bsl_outcome *o);
/** Non-zero when the fact is required by the framework. @since 0.1.0 */
BSL_API int bsl_outcome_required(const bsl_outcome *o);
/** Non-zero when applies_if was false: the indicator leaves the score untouched. @since 0.1.0 */
BSL_API int bsl_outcome_not_applicable(const bsl_outcome *o);
/** Justification sentence in lang for what matched, or NULL when missing or not applicable. @since 0.1.0 */
BSL_API const char *bsl_outcome_justification(const bsl_outcome *o, bsl_lang lang);
/** Remediation sentence in lang when below full points or missing, else NULL. @since 0.1.0 */
BSL_API const char *bsl_outcome_remediation(const bsl_outcome *o, bsl_lang lang);
/** Evidence text the use-case gave for this fact, or NULL. @since 0.1.0 */
BSL_API const char *bsl_outcome_evidence(const bsl_outcome *o);

/* --- reasons, missing facts, unknown keys, remediations --- */

/** Kinds of reasons, in the order they are listed. @since 0.1.0 */
typedef enum bsl_reason_kind {
    BSL_REASON_RED_LINE = 0,      /**< a red line fired (fact) */
    BSL_REASON_MISSING = 1,       /**< a required fact is missing (fact) */
    BSL_REASON_NOT_MET = 2,       /**< a criterion is below reservations (criterion) */
    BSL_REASON_NOT_ASSESSED = 3,  /**< a criterion could not be assessed (criterion) */
    BSL_REASON_RESERVATION = 4,   /**< a criterion is below met (criterion) */
    BSL_REASON_MET = 5            /**< a criterion is met (criterion) */
} bsl_reason_kind;

/** One reason for the verdict. Borrowed from the result. @since 0.1.0 */
typedef struct bsl_reason bsl_reason;

/** Number of reasons. Reasons are ordered by kind, then framework order. @since 0.1.0 */
BSL_API size_t bsl_result_reason_count(const bsl_result *r);
/** The i-th reason, or NULL when out of range. @since 0.1.0 */
BSL_API const bsl_reason *bsl_result_reason(const bsl_result *r, size_t i);
/** Kind of the reason. @since 0.1.0 */
BSL_API bsl_reason_kind bsl_reason_kind_of(const bsl_reason *reason);
/** Token of a reason kind ("red_line", "missing", ...), or NULL. @since 0.1.0 */
BSL_API const char *bsl_reason_kind_token(bsl_reason_kind k);
/** Criterion id the reason is about. @since 0.1.0 */
BSL_API const char *bsl_reason_criterion(const bsl_reason *reason);
/** Fact key the reason is about, or NULL for criterion-level reasons. @since 0.1.0 */
BSL_API const char *bsl_reason_fact(const bsl_reason *reason);
/**
 * The reason as a sentence in lang, e.g. "C2 : ligne rouge : hébergement hors
 * UE". Owned by the result. @since 0.1.0
 */
BSL_API const char *bsl_reason_text(const bsl_reason *reason, bsl_lang lang);

/** Number of required facts that are missing. @since 0.1.0 */
BSL_API size_t bsl_result_missing_count(const bsl_result *r);
/** The i-th missing required fact key (framework order), or NULL. @since 0.1.0 */
BSL_API const char *bsl_result_missing(const bsl_result *r, size_t i);

/** Number of fact or evidence keys the framework does not know. @since 0.1.0 */
BSL_API size_t bsl_result_unknown_count(const bsl_result *r);
/** The i-th unknown key as written (document order), or NULL. @since 0.1.0 */
BSL_API const char *bsl_result_unknown_key(const bsl_result *r, size_t i);
/** JSON path of the i-th unknown key, e.g. "$.facts.hostnig", or NULL. @since 0.1.0 */
BSL_API const char *bsl_result_unknown_path(const bsl_result *r, size_t i);
/** Nearest known fact key to the i-th unknown key, or NULL when none is close. @since 0.1.0 */
BSL_API const char *bsl_result_unknown_suggestion(const bsl_result *r, size_t i);

/**
 * Number of remediations: one per indicator below its full points or
 * unanswered, that has a remediation sentence, in framework order. @since 0.1.0
 */
BSL_API size_t bsl_result_remediation_count(const bsl_result *r);
/** The outcome the i-th remediation belongs to, or NULL when out of range. @since 0.1.0 */
BSL_API const bsl_outcome *bsl_result_remediation(const bsl_result *r, size_t i);
/** Criterion id of an outcome. @since 0.1.0 */
BSL_API const char *bsl_outcome_criterion(const bsl_outcome *o);

/* ------------------------------------------------------------------------ */
/* Rendering                                                                  */
/* ------------------------------------------------------------------------ */

/** Output formats. @since 0.1.0 */
typedef enum bsl_format {
    BSL_FORMAT_JSON = 0, /**< the stable schema of doc/result-format.md, byte-for-byte deterministic */
    BSL_FORMAT_TEXT = 1  /**< a readable report for people */
} bsl_format;

/**
 * Render a result.
 * @param out receives a NUL-terminated buffer allocated with the result's
 *        allocator; free it with bsl_render_free() (which may be called
 *        after the result is freed). NULL on failure.
 * @param out_len receives the length without the NUL; may be NULL.
 * @param format BSL_FORMAT_JSON or BSL_FORMAT_TEXT.
 * @param lang language of every title, label and sentence (the JSON output
 *        records it in its "lang" member).
 * @return BSL_OK, BSL_ERR_NOMEM, or BSL_ERR_ARG. Thread-safe. @since 0.1.0
 */
BSL_API int bsl_render(char **out, size_t *out_len, const bsl_result *r,
                       bsl_format format, bsl_lang lang, bsl_error *err);

/** Free a buffer returned by bsl_render(). NULL is a no-op. @since 0.1.0 */
BSL_API void bsl_render_free(char *buf);

#ifdef __cplusplus
}
#endif

#endif /* BOUSSOLE_H */
