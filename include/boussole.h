/**
 * @file boussole.h
 * @brief libboussole - score public-sector AI use-cases against a charter of trust.
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
#include <stdio.h>

#include "boussole/version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(BSL_BUILDING_LIBRARY) && defined(__GNUC__)
#define BSL_API __attribute__((visibility("default")))
#else
/**
 * Marks the functions libboussole exports. Empty for programs that use the
 * library; while the library itself is built (BSL_BUILDING_LIBRARY), it
 * gives them default visibility, everything else being hidden.
 * @since 0.1.0
 */
#define BSL_API
#endif

/* ------------------------------------------------------------------------ */
/* Version                                                                    */
/* ------------------------------------------------------------------------ */

/*
 * BSL_VERSION_MAJOR, BSL_VERSION_MINOR, BSL_VERSION_PATCH, BSL_VERSION_STRING
 * and BSL_VERSION_NUMBER (MAJOR*10000 + MINOR*100 + PATCH) come from
 * <boussole/version.h>, generated from the meson project version and
 * installed beside this header (included above).
 */

/**
 * Version of the library actually linked, as "MAJOR.MINOR.PATCH".
 * Compare with BSL_VERSION_STRING (the headers compiled against) to detect a
 * header/library mismatch.
 * @return a static string; never NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_version_string(void);

/**
 * Version of the library actually linked, as BSL_VERSION_NUMBER computes it
 * (MAJOR*10000 + MINOR*100 + PATCH).
 * @return the version number, e.g. 200 for 0.2.0.
 * Thread-safe. @since 0.1.0
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

/** Capacity of bsl_error.message, including the terminating NUL. @since 0.1.0 */
#define BSL_ERROR_MESSAGE_SIZE 256
/** Capacity of bsl_error.path, including the terminating NUL. @since 0.1.0 */
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
 * @param code any int: a bsl_status value or anything else.
 * @return a static English string; never NULL ("unknown error" for a code
 *         that is not a bsl_status value).
 * Thread-safe. @since 0.1.0
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
    /** Allocate size bytes (never 0) aligned for any type; NULL on failure. */
    void *(*malloc)(void *ctx, size_t size);
    /** Resize ptr, a block of old_size bytes, to size bytes (never 0); NULL
     * on failure, leaving ptr untouched. */
    void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t size);
    /** Free a block from malloc or realloc (never called with NULL). */
    void (*free)(void *ctx, void *ptr);
    /** Passed unchanged as the first argument of the three functions. */
    void *ctx;
} bsl_allocator;

/** The current version of bsl_options. @since 0.1.0 */
#define BSL_OPTIONS_VERSION 1

/* Default limits, used where an option is 0. */
/** Default bsl_options.max_input_bytes: 8 MiB. @since 0.1.0 */
#define BSL_DEFAULT_MAX_INPUT_BYTES ((size_t)8 << 20)  /* 8 MiB */
/** Default bsl_options.max_depth: 64 levels. @since 0.1.0 */
#define BSL_DEFAULT_MAX_DEPTH 64u
/** Default bsl_options.max_tokens: 1 Mi JSON values. @since 0.1.0 */
#define BSL_DEFAULT_MAX_TOKENS ((size_t)1 << 20)
/** Default bsl_options.max_string_bytes: 64 KiB. @since 0.1.0 */
#define BSL_DEFAULT_MAX_STRING_BYTES ((size_t)64 << 10) /* 64 KiB */
/** Default bsl_options.max_facts: 1024 entries. @since 0.1.0 */
#define BSL_DEFAULT_MAX_FACTS 1024u
/** Default bsl_options.max_indicators: 4096 indicators. @since 0.1.0 */
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
 * Initialise opts to the defaults of the given options version: every limit 0
 * (its default) and the C library's allocator.
 * @param opts the struct to fill; must not be NULL. Left untouched on failure.
 * @param version BSL_OPTIONS_VERSION, the version of the header compiled against.
 * @return BSL_OK, or BSL_ERR_ARG for a NULL opts or an unknown version.
 * Thread-safe. @since 0.1.0
 */
BSL_API int bsl_options_init(bsl_options *opts, unsigned version);

/** Languages of the justification texts. @since 0.1.0 */
typedef enum bsl_lang {
    BSL_LANG_FR = 0, /**< French: the charters' own language, the default */
    BSL_LANG_EN = 1  /**< English */
} bsl_lang;

/**
 * An error's message in the language asked. The library writes
 * bsl_error.message in English; for BSL_LANG_FR, a message it recognises
 * (one of its own formats, see doc/errors.md) is rewritten in French with the
 * same values, still escaped. A message it does not recognise (one cut at
 * BSL_ERROR_MESSAGE_SIZE, or written by a caller) is given as it is.
 * @param err an error filled by the library; NULL gives "".
 * @param lang BSL_LANG_FR or BSL_LANG_EN (English: the message as it is).
 * @param buf where to write the message, NUL-terminated and cut at a
 *        character boundary; may be NULL when size is 0.
 * @param size size of buf in bytes.
 * @return the length in bytes of the whole message, as snprintf returns it
 *         (a value >= size means it was cut).
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_error_message(const bsl_error *err, bsl_lang lang, char *buf, size_t size);

/**
 * The stable id of an error's message, e.g. "schema.missing", to tell
 * errors apart without reading their wording.
 * @param err an error filled by the library; NULL gives NULL.
 * @return a static string, or NULL when the message is not one of the
 *         library's translated formats.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_error_message_id(const bsl_error *err);

/* ------------------------------------------------------------------------ */
/* Vocabulary                                                                 */
/* ------------------------------------------------------------------------ */

/**
 * The shared fact vocabulary (format: doc/vocabulary-format.md): every fact a
 * use-case can state, defined once for every framework (type, allowed values
 * with their labels, unit, bounds, question and help text). Immutable once
 * loaded; may be shared by threads. @since 0.2.0
 */
typedef struct bsl_vocabulary bsl_vocabulary;

/** One fact of a vocabulary (or of a format-1 framework). Borrowed. @since 0.2.0 */
typedef struct bsl_fact bsl_fact;

/** Types of facts. @since 0.2.0 */
typedef enum bsl_fact_type {
    BSL_FACT_BOOLEAN = 0, /**< "boolean": true or false */
    BSL_FACT_ENUM = 1,    /**< "enum": one of its values, listed worst first */
    BSL_FACT_NUMBER = 2,  /**< "number": a JSON number within its bounds */
    BSL_FACT_SET = 3,     /**< "set": an array of distinct values */
    BSL_FACT_TEXT = 4     /**< "text": evidence that must be present (a non-blank string) */
} bsl_fact_type;

/**
 * Load and validate a vocabulary from JSON: unique keys, types, values,
 * bounds, fr and en strings; every problem with its position and path.
 * @param out receives the vocabulary, owned by the caller, or NULL on
 *        failure; must not be NULL.
 * @param buf the JSON bytes (not retained); NULL only if len is 0.
 * @param len number of bytes in buf.
 * @param opts limits (max_indicators bounds the number of facts) and
 *        allocator; NULL for the defaults. Copied.
 * @param err optional error details; may be NULL.
 * @return BSL_OK, or BSL_ERR_SYNTAX, a schema error, BSL_ERR_LIMIT,
 *         BSL_ERR_NOMEM, BSL_ERR_ARG.
 * Thread-safe. Free with bsl_vocabulary_free(). @since 0.2.0
 */
BSL_API int bsl_vocabulary_load(bsl_vocabulary **out, const char *buf, size_t len,
                                const bsl_options *opts, bsl_error *err);

/**
 * Load the vocabulary compiled into the library (id "boussole"), the one
 * every embedded framework reads.
 * @param out receives the vocabulary, owned by the caller, or NULL on failure.
 * @param opts limits and allocator; NULL for the defaults. Copied.
 * @param err optional error details; may be NULL.
 * @return as bsl_vocabulary_load().
 * Thread-safe. Free with bsl_vocabulary_free(). @since 0.2.0
 */
BSL_API int bsl_vocabulary_load_embedded(bsl_vocabulary **out, const bsl_options *opts,
                                         bsl_error *err);

/**
 * Free a vocabulary. Facts read from it become invalid.
 * @param v the vocabulary, or NULL (a no-op).
 * Not to be called while another thread uses v. @since 0.2.0
 */
BSL_API void bsl_vocabulary_free(bsl_vocabulary *v);

/**
 * The vocabulary's id, e.g. "boussole".
 * @param v a vocabulary; NULL gives NULL.
 * @return a string borrowed from v, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_vocabulary_id(const bsl_vocabulary *v);

/**
 * The vocabulary's version string, e.g. "1.0.0".
 * @param v a vocabulary; NULL gives NULL.
 * @return a string borrowed from v, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_vocabulary_version(const bsl_vocabulary *v);

/**
 * Lower-case hex SHA-256 of the vocabulary's canonical JSON (as
 * bsl_framework_sha256() for frameworks).
 * @param v a vocabulary; NULL gives NULL.
 * @return a string borrowed from v, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_vocabulary_sha256(const bsl_vocabulary *v);

/**
 * The vocabulary's title in a language.
 * @param v a vocabulary; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed from v, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_vocabulary_title(const bsl_vocabulary *v, bsl_lang lang);

/**
 * Number of facts of the vocabulary.
 * @param v a vocabulary; NULL gives 0.
 * @return the number of facts.
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_vocabulary_fact_count(const bsl_vocabulary *v);

/**
 * The i-th fact, in the vocabulary's order.
 * @param v a vocabulary; NULL gives NULL.
 * @param i an index below bsl_vocabulary_fact_count().
 * @return a fact borrowed from v, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const bsl_fact *bsl_vocabulary_fact(const bsl_vocabulary *v, size_t i);

/**
 * The fact with a key (binary search).
 * @param v a vocabulary; NULL gives NULL.
 * @param key a NUL-terminated fact key; NULL gives NULL.
 * @return a fact borrowed from v, or NULL when the vocabulary has no such key.
 * Thread-safe. @since 0.2.0
 */
BSL_API const bsl_fact *bsl_vocabulary_find(const bsl_vocabulary *v, const char *key);

/**
 * A fact's key, e.g. "hosting".
 * @param f a fact; NULL gives NULL.
 * @return a string borrowed from the fact's owner, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_fact_key(const bsl_fact *f);

/**
 * A fact's type.
 * @param f a fact; NULL gives BSL_FACT_TEXT.
 * @return the type.
 * Thread-safe. @since 0.2.0
 */
BSL_API bsl_fact_type bsl_fact_type_of(const bsl_fact *f);

/**
 * Token of a fact type: "boolean", "enum", "number", "set", "text".
 * @param t a fact type.
 * @return a static string, or NULL for a value that is not a bsl_fact_type.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_fact_type_token(bsl_fact_type t);

/**
 * A fact's label: the question a form asks.
 * @param f a fact; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed from the fact's owner, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_fact_label(const bsl_fact *f, bsl_lang lang);

/**
 * A fact's help text: what it means and how to answer it.
 * @param f a fact; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed from the fact's owner, or NULL when the
 *         fact has none (format-1 frameworks define no help).
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_fact_help(const bsl_fact *f, bsl_lang lang);

/**
 * A number fact's unit, e.g. "kWh/an" or "kWh/year".
 * @param f a fact; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed from the fact's owner, or NULL when it has
 *         no unit (and for every other type).
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_fact_unit(const bsl_fact *f, bsl_lang lang);

/**
 * Number of allowed values of an enum or set fact (an enum's worst first).
 * @param f a fact; NULL gives 0.
 * @return the number of values; 0 for boolean, number and text facts.
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_fact_value_count(const bsl_fact *f);

/**
 * The i-th allowed value's token, e.g. "non_eu".
 * @param f a fact; NULL gives NULL.
 * @param i an index below bsl_fact_value_count().
 * @return a string borrowed from the fact's owner, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_fact_value(const bsl_fact *f, size_t i);

/**
 * The i-th allowed value's label, e.g. "Hors Union européenne".
 * @param f a fact; NULL gives NULL.
 * @param i an index below bsl_fact_value_count().
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed from the fact's owner, or NULL when out of
 *         range or when the value has no label (format-1 frameworks).
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_fact_value_label(const bsl_fact *f, size_t i, bsl_lang lang);

/**
 * A number fact's inclusive lower bound.
 * @param f a fact; NULL gives 0.
 * @param out receives the bound when there is one; may be NULL.
 * @return 1 when the fact has a lower bound, else 0.
 * Thread-safe. @since 0.2.0
 */
BSL_API int bsl_fact_min(const bsl_fact *f, double *out);

/**
 * A number fact's inclusive upper bound.
 * @param f a fact; NULL gives 0.
 * @param out receives the bound when there is one; may be NULL.
 * @return 1 when the fact has an upper bound, else 0.
 * Thread-safe. @since 0.2.0
 */
BSL_API int bsl_fact_max(const bsl_fact *f, double *out);

/* ------------------------------------------------------------------------ */
/* Frameworks                                                                 */
/* ------------------------------------------------------------------------ */

/** A loaded, validated, immutable framework (référentiel). @since 0.1.0 */
typedef struct bsl_framework bsl_framework;

/**
 * Load and validate a framework from JSON (format: doc/framework-format.md).
 * Every problem is reported with its position and path: unique ids, points
 * in 0..100, thresholds, bands, enum levels, applies_if targets (non-empty
 * value lists, no cycles since 0.2.0), outcome flags, fr and en strings.
 * @param out receives the framework, owned by the caller, or NULL on failure;
 *        must not be NULL.
 * @param buf the JSON bytes (need not be NUL-terminated, not retained);
 *        NULL only if len is 0.
 * @param len number of bytes in buf.
 * @param opts limits and allocator; NULL for the defaults. Copied: need not
 *        outlive the call. The framework allocates with its allocator.
 * @param err optional error details; may be NULL.
 * @return BSL_OK, or BSL_ERR_SYNTAX, a schema error, BSL_ERR_LIMIT,
 *         BSL_ERR_NOMEM, BSL_ERR_ARG (NULL out or buf, unknown options version,
 *         incomplete allocator).
 * Thread-safe. Free with bsl_framework_free(). @since 0.1.0
 */
BSL_API int bsl_framework_load(bsl_framework **out, const char *buf, size_t len,
                               const bsl_options *opts, bsl_error *err);

/**
 * Load a framework from a file: read it whole, then as bsl_framework_load().
 * @param out receives the framework, owned by the caller, or NULL on failure;
 *        must not be NULL.
 * @param path a file name; must not be NULL.
 * @param opts limits (max_input_bytes also bounds the file) and allocator;
 *        NULL for the defaults. Copied.
 * @param err optional error details; may be NULL.
 * @return as bsl_framework_load(), or BSL_ERR_IO when the file cannot be
 *         opened or read.
 * Thread-safe. Free with bsl_framework_free(). @since 0.1.0
 */
BSL_API int bsl_framework_load_file(bsl_framework **out, const char *path,
                                    const bsl_options *opts, bsl_error *err);

/**
 * Load one of the frameworks compiled into the library.
 * @param out receives the framework, owned by the caller, or NULL on failure;
 *        must not be NULL.
 * @param id an id from bsl_embedded_framework_id(), or NULL for the default
 *        (the Nantes Métropole boussole, "nantes-2024").
 * @param opts limits and allocator; NULL for the defaults. Copied.
 * @param err optional error details; may be NULL.
 * @return as bsl_framework_load(), or BSL_ERR_NOTFOUND for an unknown id.
 * The embedded frameworks are compiled into the library as tables, validated
 * when it was built: this allocates one small handle (with the allocator of
 * opts) and parses nothing; the limits of opts still apply as to the JSON.
 * Thread-safe. Free with bsl_framework_free(). @since 0.1.0
 */
BSL_API int bsl_framework_load_embedded(bsl_framework **out, const char *id,
                                        const bsl_options *opts, bsl_error *err);

/**
 * Number of frameworks compiled into the library (at least 1).
 * @return the number of embedded frameworks.
 * Thread-safe. @since 0.1.0
 */
BSL_API size_t bsl_embedded_framework_count(void);

/**
 * Id of the i-th embedded framework; index 0 is the default.
 * @param i an index below bsl_embedded_framework_count().
 * @return a static string, or NULL when i is out of range.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_embedded_framework_id(size_t i);

/**
 * Free a framework and everything it owns. Use-cases parsed against it and
 * results evaluated from it must be freed first (they borrow its strings).
 * @param fw the framework, or NULL (a no-op).
 * Not to be called while another thread uses fw. @since 0.1.0
 */
BSL_API void bsl_framework_free(bsl_framework *fw);

/**
 * The framework's id, e.g. "nantes-2024".
 * @param fw a framework; NULL gives NULL.
 * @return a string borrowed from fw (valid until bsl_framework_free()), or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_framework_id(const bsl_framework *fw);

/**
 * The framework's version string, e.g. "1.0.0".
 * @param fw a framework; NULL gives NULL.
 * @return a string borrowed from fw, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_framework_version(const bsl_framework *fw);

/**
 * The framework's title in a language.
 * @param fw a framework; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed from fw, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_framework_title(const bsl_framework *fw, bsl_lang lang);

/**
 * Lower-case hex SHA-256 (64 characters) of the framework's canonical JSON
 * (keys sorted, no insignificant whitespace, minimal string escapes; see
 * doc/framework-format.md): identifies the framework's content in results.
 * @param fw a framework; NULL gives NULL.
 * @return a string borrowed from fw, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_framework_sha256(const bsl_framework *fw);

/**
 * Number of criteria of the framework.
 * @param fw a framework; NULL gives 0.
 * @return the number of criteria.
 * Thread-safe. @since 0.1.0
 */
BSL_API size_t bsl_framework_criterion_count(const bsl_framework *fw);

/**
 * Id of the i-th criterion (framework order), e.g. "C1".
 * @param fw a framework; NULL gives NULL.
 * @param i an index below bsl_framework_criterion_count().
 * @return a string borrowed from fw, or NULL when fw is NULL or i out of range.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_framework_criterion_id(const bsl_framework *fw, size_t i);

/**
 * Title of the i-th criterion in a language.
 * @param fw a framework; NULL gives NULL.
 * @param i an index below bsl_framework_criterion_count().
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed from fw, or NULL when fw is NULL, i out of
 *         range or lang unknown.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_framework_criterion_title(const bsl_framework *fw, size_t i,
                                                  bsl_lang lang);

/**
 * The vocabulary the framework reads: the embedded shared vocabulary. A
 * format-2 framework scores only its facts; for a format-1 framework it
 * tells the use-case keys the framework does not read ("not used") from
 * unknown ones.
 * @param fw a framework; NULL gives NULL.
 * @return a vocabulary borrowed from fw (valid until bsl_framework_free()), or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const bsl_vocabulary *bsl_framework_vocabulary(const bsl_framework *fw);

/**
 * Number of warnings about the framework: what loads but looks wrong to a
 * reviewer of a calibration (an enum's levels losing points from one value
 * to the next although values are listed worst first; an indicator that
 * can be below its maximum, or fire a red line, without a remediation; an
 * applies_if that can never hold). Warnings never stop a load.
 * @param fw a framework; NULL gives 0.
 * @return the number of warnings.
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_framework_warning_count(const bsl_framework *fw);

/**
 * The i-th warning, in English, starting with the JSON path of the
 * indicator it is about, e.g. "$.criteria[2].indicators[0] (service_need):
 * can be below its maximum but has no remediation".
 * @param fw a framework; NULL gives NULL.
 * @param i an index below bsl_framework_warning_count().
 * @return a string borrowed from fw, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_framework_warning(const bsl_framework *fw, size_t i);

/**
 * The i-th warning in the language asked: for BSL_LANG_FR, the French
 * wording of bsl_framework_warning() with the same path and values, e.g.
 * "$.criteria[2].indicators[0] (service_need) : peut rester sous son
 * maximum mais n'a pas de remédiation"; for BSL_LANG_EN, the warning as it is.
 * @param fw a framework; NULL gives "".
 * @param i an index below bsl_framework_warning_count(); out of range gives "".
 * @param lang BSL_LANG_FR or BSL_LANG_EN.
 * @param buf where to write the warning, NUL-terminated and cut at a
 *        character boundary; may be NULL when size is 0.
 * @param size size of buf in bytes.
 * @return the length in bytes of the whole warning, as snprintf returns it
 *         (a value >= size means it was cut).
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_framework_warning_message(const bsl_framework *fw, size_t i, bsl_lang lang, char *buf,
                                             size_t size);

/**
 * The stable id of the i-th warning's kind, e.g. "lint.no_remediation", to
 * tell warnings apart without reading their wording (doc/api.md lists them).
 * @param fw a framework; NULL gives NULL.
 * @param i an index below bsl_framework_warning_count().
 * @return a static string, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_framework_warning_id(const bsl_framework *fw, size_t i);

/** One indicator of a framework: how it scores one fact. Borrowed. @since 0.2.0 */
typedef struct bsl_indicator bsl_indicator;

/**
 * Number of indicators of the framework (one per fact it reads).
 * @param fw a framework; NULL gives 0.
 * @return the number of indicators.
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_framework_indicator_count(const bsl_framework *fw);

/**
 * The i-th indicator, in framework order (criterion by criterion).
 * @param fw a framework; NULL gives NULL.
 * @param i an index below bsl_framework_indicator_count().
 * @return an indicator borrowed from fw, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const bsl_indicator *bsl_framework_indicator(const bsl_framework *fw, size_t i);

/**
 * The definition of the fact an indicator reads: the vocabulary's (format 2)
 * or the framework's own (format 1).
 * @param ind an indicator; NULL gives NULL.
 * @return a fact borrowed from the framework, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const bsl_fact *bsl_indicator_fact(const bsl_indicator *ind);

/**
 * Id of the criterion the indicator belongs to, e.g. "C2".
 * @param ind an indicator; NULL gives NULL.
 * @return a string borrowed from the framework, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_indicator_criterion(const bsl_indicator *ind);

/**
 * The indicator's question: the framework's own label when it gives one,
 * else the fact's.
 * @param ind an indicator; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed from the framework, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_indicator_label(const bsl_indicator *ind, bsl_lang lang);

/**
 * Whether the framework requires the fact (a missing required, applicable
 * fact makes the verdict "incomplete").
 * @param ind an indicator; NULL gives 0.
 * @return non-zero when required, else 0.
 * Thread-safe. @since 0.2.0
 */
BSL_API int bsl_indicator_required(const bsl_indicator *ind);

/**
 * The indicator's weight in its criterion's score (0: a gate or an
 * informative indicator).
 * @param ind an indicator; NULL gives 0.
 * @return the weight.
 * Thread-safe. @since 0.2.0
 */
BSL_API double bsl_indicator_weight(const bsl_indicator *ind);

/**
 * The fact of the indicator's applies_if condition.
 * @param ind an indicator; NULL gives NULL.
 * @return a fact key borrowed from the framework, or NULL when the indicator
 *         always applies.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_indicator_condition_fact(const bsl_indicator *ind);

/**
 * Whether the condition is "not_in" (the indicator applies when the
 * condition's fact takes none of the listed values) rather than "in".
 * @param ind an indicator; NULL gives 0.
 * @return non-zero for not_in, 0 for in or no condition.
 * Thread-safe. @since 0.2.0
 */
BSL_API int bsl_indicator_condition_negated(const bsl_indicator *ind);

/**
 * Number of values listed by the condition.
 * @param ind an indicator; NULL gives 0.
 * @return the number of values; 0 without a condition.
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_indicator_condition_value_count(const bsl_indicator *ind);

/**
 * The i-th value listed by the condition, as a token ("true" and "false"
 * for a boolean fact), in the order of the fact's values.
 * @param ind an indicator; NULL gives NULL.
 * @param i an index below bsl_indicator_condition_value_count().
 * @return a string borrowed from the framework, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_indicator_condition_value(const bsl_indicator *ind, size_t i);

/* ------------------------------------------------------------------------ */
/* Use-cases                                                                  */
/* ------------------------------------------------------------------------ */

/** A use-case parsed and type-checked against one framework. @since 0.1.0 */
typedef struct bsl_usecase bsl_usecase;

/**
 * Parse a use-case (format: doc/usecase-format.md) against fw. Facts are
 * type-checked and enum values validated; fact keys the framework does not
 * know are kept and reported in the result, with the nearest known key.
 * @param out receives the use-case, owned by the caller, or NULL on failure;
 *        must not be NULL.
 * @param fw the framework to bind to; must not be NULL and must outlive the
 *        use-case.
 * @param buf the JSON bytes (need not be NUL-terminated, not retained);
 *        NULL only if len is 0.
 * @param len number of bytes in buf.
 * @param opts limits and allocator; NULL for the defaults. Copied. The
 *        use-case, and results evaluated from it, allocate with its allocator.
 * @param err optional error details; may be NULL.
 * @return BSL_OK, or BSL_ERR_SYNTAX, a schema error, BSL_ERR_LIMIT,
 *         BSL_ERR_NOMEM, BSL_ERR_ARG.
 * Thread-safe (fw may be shared). Free with bsl_usecase_free(). @since 0.1.0
 */
BSL_API int bsl_usecase_parse(bsl_usecase **out, const bsl_framework *fw,
                              const char *buf, size_t len,
                              const bsl_options *opts, bsl_error *err);

/**
 * Free a use-case. Results evaluated from it stay valid.
 * @param uc the use-case, or NULL (a no-op).
 * Not to be called while another thread uses uc. @since 0.1.0
 */
BSL_API void bsl_usecase_free(bsl_usecase *uc);

/**
 * The use-case's id.
 * @param uc a use-case; NULL gives NULL.
 * @return a string borrowed from uc (valid until bsl_usecase_free()), or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_usecase_id(const bsl_usecase *uc);

/**
 * The use-case's title.
 * @param uc a use-case; NULL gives NULL.
 * @return a UTF-8 string borrowed from uc, or NULL.
 * Thread-safe. @since 0.1.0
 */
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
    BSL_CRITERION_NOT_MET = 2,      /**< "not_met": score < reservations, or an outcome failed a necessary condition (whatever the score) */
    BSL_CRITERION_RED_LINE = 3,     /**< "red_line": a red line of this criterion fired */
    BSL_CRITERION_NOT_ASSESSED = 4, /**< "not_assessed": no indicator was answered (all unanswered or not applicable with some unanswered) */
    BSL_CRITERION_INCOMPLETE = 5    /**< "incomplete" (« à compléter »): a required, applicable fact of this criterion is missing, and no red line fired and no necessary condition failed there; never "met", whatever its score (which it keeps when something weighted is answered). @since 0.2.0 */
} bsl_criterion_status;

/**
 * Evaluate a parsed use-case. Deterministic: the same framework and
 * use-case always give the same result and the same rendered bytes.
 * The result uses uc's allocator, copies what it needs from uc (uc may be
 * freed first) and borrows fw's strings (fw must outlive it).
 * @param out receives the result, owned by the caller, or NULL on failure;
 *        must not be NULL.
 * @param fw the framework uc was parsed against; must not be NULL.
 * @param uc the use-case; must not be NULL.
 * @param err optional error details; may be NULL.
 * @return BSL_OK, BSL_ERR_NOMEM or BSL_ERR_ARG (a NULL argument, or uc parsed
 *         against another framework). A verdict is never an error.
 * Thread-safe. Free with bsl_result_free(). @since 0.1.0
 */
BSL_API int bsl_evaluate(bsl_result **out, const bsl_framework *fw,
                         const bsl_usecase *uc, bsl_error *err);

/**
 * Parse a use-case and evaluate it: bsl_usecase_parse() then bsl_evaluate(),
 * without keeping the use-case.
 * @param out receives the result, owned by the caller, or NULL on failure;
 *        must not be NULL.
 * @param fw the framework; must not be NULL and must outlive the result.
 * @param buf the use-case's JSON bytes (need not be NUL-terminated, not
 *        retained); NULL only if len is 0.
 * @param len number of bytes in buf.
 * @param opts limits and allocator (the result's); NULL for the defaults.
 * @param err optional error details; may be NULL.
 * @return as bsl_usecase_parse() and bsl_evaluate().
 * Thread-safe. Free with bsl_result_free(). @since 0.1.0
 */
BSL_API int bsl_evaluate_json(bsl_result **out, const bsl_framework *fw,
                              const char *buf, size_t len,
                              const bsl_options *opts, bsl_error *err);

/**
 * Free a result and everything borrowed from it. Buffers rendered from it
 * stay valid until bsl_render_free().
 * @param r the result, or NULL (a no-op).
 * Not to be called while another thread uses r. @since 0.1.0
 */
BSL_API void bsl_result_free(bsl_result *r);

/**
 * Token of a verdict, as in the JSON result: "red_line", "incomplete",
 * "unfavorable", "favorable_with_reservations", "favorable".
 * @param v a verdict.
 * @return a static string, or NULL for a value that is not a bsl_verdict.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_verdict_token(bsl_verdict v);

/**
 * Human label of a verdict, e.g. "ligne rouge" or "red line".
 * @param v a verdict.
 * @param lang BSL_LANG_FR or BSL_LANG_EN.
 * @return a static UTF-8 string, or NULL for an unknown v or lang.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_verdict_label(bsl_verdict v, bsl_lang lang);

/**
 * Token of a criterion status: "met", "reservations", "not_met", "red_line",
 * "not_assessed", "incomplete".
 * @param s a criterion status.
 * @return a static string, or NULL for a value that is not a bsl_criterion_status.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_criterion_status_token(bsl_criterion_status s);

/**
 * Human label of a criterion status in a language.
 * @param s a criterion status.
 * @param lang BSL_LANG_FR or BSL_LANG_EN.
 * @return a static UTF-8 string, or NULL for an unknown s or lang.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_criterion_status_label(bsl_criterion_status s, bsl_lang lang);

/**
 * The verdict.
 * @param r a result; must not be NULL (NULL reads as BSL_VERDICT_INCOMPLETE).
 * @return the verdict.
 * Thread-safe. @since 0.1.0
 */
BSL_API bsl_verdict bsl_result_verdict(const bsl_result *r);

/**
 * Global score, 0..100: the weighted mean of the assessed criteria's
 * rounded scores, rounded once to 0.1, decimal half-up (69.95 gives 70.0;
 * doc/framework-format.md, "Scoring"). 0 when no criterion is assessed
 * (the JSON result then writes null; see bsl_criterion_result_assessed()).
 * @param r a result; NULL gives 0.
 * @return the score.
 * Thread-safe. @since 0.1.0
 */
BSL_API double bsl_result_score(const bsl_result *r);

/**
 * Id of the evaluated use-case.
 * @param r a result; NULL gives NULL.
 * @return a copy valid until bsl_result_free(), or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_result_usecase_id(const bsl_result *r);

/**
 * Title of the evaluated use-case.
 * @param r a result; NULL gives NULL.
 * @return a UTF-8 copy valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_result_usecase_title(const bsl_result *r);

/**
 * Provenance: the id of the framework that evaluated.
 * @param r a result; NULL gives NULL.
 * @return a string borrowed, valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_result_framework_id(const bsl_result *r);

/**
 * Provenance: the version of the framework that evaluated.
 * @param r a result; NULL gives NULL.
 * @return a string borrowed, valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_result_framework_version(const bsl_result *r);

/**
 * Provenance: SHA-256 of the framework's canonical JSON (see
 * bsl_framework_sha256()).
 * @param r a result; NULL gives NULL.
 * @return a string borrowed, valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_result_framework_sha256(const bsl_result *r);

/**
 * Provenance: the version of the library that evaluated, as
 * bsl_version_string().
 * @param r a result; NULL gives NULL.
 * @return a static string, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_result_library_version(const bsl_result *r);

/**
 * Provenance: the id of the vocabulary the use-case's facts were read
 * against (see bsl_framework_vocabulary()).
 * @param r a result; NULL gives NULL.
 * @return a string borrowed, valid until the framework is freed, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_result_vocabulary_id(const bsl_result *r);

/**
 * Provenance: the version of that vocabulary.
 * @param r a result; NULL gives NULL.
 * @return a string borrowed, valid until the framework is freed, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_result_vocabulary_version(const bsl_result *r);

/**
 * Provenance: SHA-256 of that vocabulary's canonical JSON.
 * @param r a result; NULL gives NULL.
 * @return a string borrowed, valid until the framework is freed, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_result_vocabulary_sha256(const bsl_result *r);

/* --- criteria --- */

/** One criterion's part of a result. Borrowed from the result. @since 0.1.0 */
typedef struct bsl_criterion_result bsl_criterion_result;
/** One indicator's outcome. Borrowed from the result. @since 0.1.0 */
typedef struct bsl_outcome bsl_outcome;

/**
 * Number of criteria in the result: the framework's, in its order.
 * @param r a result; NULL gives 0.
 * @return the number of criteria.
 * Thread-safe. @since 0.1.0
 */
BSL_API size_t bsl_result_criterion_count(const bsl_result *r);

/**
 * The i-th criterion's part of the result.
 * @param r a result; NULL gives NULL.
 * @param i an index below bsl_result_criterion_count().
 * @return a criterion result borrowed from r, or NULL when out of range.
 * Thread-safe. @since 0.1.0
 */
BSL_API const bsl_criterion_result *bsl_result_criterion(const bsl_result *r, size_t i);

/**
 * Criterion id, e.g. "C1".
 * @param c a criterion result; NULL gives NULL.
 * @return a string borrowed, valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_criterion_result_id(const bsl_criterion_result *c);

/**
 * Criterion title in a language.
 * @param c a criterion result; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed, valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_criterion_result_title(const bsl_criterion_result *c, bsl_lang lang);

/**
 * Criterion score, 0..100: the weighted mean of the points of its
 * applicable, answered, weighted indicators, rounded once to 0.1, decimal
 * half-up (88.15 gives 88.2), before its thresholds are compared.
 * @param c a criterion result; NULL gives 0.
 * @return the score; 0 when the criterion has none (not assessed, or
 *         red_line or incomplete with nothing weighted answered): tell that
 *         0 from a real 0.0 with bsl_criterion_result_assessed().
 * Thread-safe. @since 0.1.0
 */
BSL_API double bsl_criterion_result_score(const bsl_criterion_result *c);

/**
 * Whether the criterion has a score: some applicable weighted indicator is
 * answered, or it has none to answer (only gates, or all not applicable:
 * then it scores 100). A criterion without a score is left out of the
 * global score, whatever its status; the JSON result writes its score as
 * null.
 * @param c a criterion result; NULL gives 0.
 * @return non-zero when the criterion has a score, else 0.
 * Thread-safe. @since 0.2.0
 */
BSL_API int bsl_criterion_result_assessed(const bsl_criterion_result *c);

/**
 * Criterion weight in the global score, as written in the framework.
 * @param c a criterion result; NULL gives 0.
 * @return the weight.
 * Thread-safe. @since 0.1.0
 */
BSL_API double bsl_criterion_result_weight(const bsl_criterion_result *c);

/**
 * Criterion status.
 * @param c a criterion result; NULL gives BSL_CRITERION_NOT_ASSESSED.
 * @return the status.
 * Thread-safe. @since 0.1.0
 */
BSL_API bsl_criterion_status bsl_criterion_result_status(const bsl_criterion_result *c);

/**
 * The criterion's "met" threshold: the score at or above which it is met.
 * @param c a criterion result; NULL gives 0.
 * @return the threshold, in points.
 * Thread-safe. @since 0.1.0
 */
BSL_API double bsl_criterion_result_met_threshold(const bsl_criterion_result *c);

/**
 * The criterion's "reservations" threshold: below it the criterion is not met.
 * @param c a criterion result; NULL gives 0.
 * @return the threshold, in points.
 * Thread-safe. @since 0.1.0
 */
BSL_API double bsl_criterion_result_reservations_threshold(const bsl_criterion_result *c);

/**
 * Number of indicator outcomes of this criterion (its indicators, in
 * framework order).
 * @param c a criterion result; NULL gives 0.
 * @return the number of outcomes.
 * Thread-safe. @since 0.1.0
 */
BSL_API size_t bsl_criterion_result_outcome_count(const bsl_criterion_result *c);

/**
 * The i-th indicator outcome of this criterion.
 * @param c a criterion result; NULL gives NULL.
 * @param i an index below bsl_criterion_result_outcome_count().
 * @return an outcome borrowed from the result, or NULL when out of range.
 * Thread-safe. @since 0.1.0
 */
BSL_API const bsl_outcome *bsl_criterion_result_outcome(const bsl_criterion_result *c, size_t i);

/* --- indicator outcomes --- */

/**
 * The fact key the indicator reads, e.g. "hosting".
 * @param o an outcome; NULL gives NULL.
 * @return a string borrowed, valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_outcome_fact(const bsl_outcome *o);

/**
 * The indicator's label (its question) in a language.
 * @param o an outcome; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed, valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_outcome_label(const bsl_outcome *o, bsl_lang lang);

/**
 * The value read, as compact JSON text ("true", "\"eu\"", "1200",
 * "[\"health\"]").
 * @param o an outcome; NULL gives NULL.
 * @return a string valid until the result is freed, or NULL when the fact is missing.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_outcome_value(const bsl_outcome *o);

/**
 * Points of the matched outcome, 0..100 (0 for a red line).
 * @param o an outcome; NULL gives 0.
 * @return the points; 0 when the fact is missing or the indicator not
 *         applicable (no outcome matched: the JSON result writes null).
 *         Tell them apart with bsl_outcome_missing() and
 *         bsl_outcome_not_applicable().
 * Thread-safe. @since 0.1.0
 */
BSL_API double bsl_outcome_points(const bsl_outcome *o);

/**
 * Maximum points the indicator can give: the highest points among its
 * outcomes that are not red lines, whatever its weight (a weight-0 gate
 * answered "no" reads 100 of 100; its weight says it does not count).
 * Since 0.2.0; 0.1 gave 0 for weight-0 indicators.
 * @param o an outcome; NULL gives 0.
 * @return the maximum, 0..100.
 * Thread-safe. @since 0.1.0
 */
BSL_API double bsl_outcome_maximum(const bsl_outcome *o);

/**
 * Indicator weight inside its criterion.
 * @param o an outcome; NULL gives 0.
 * @return the weight; 0 for gates and informative indicators.
 * Thread-safe. @since 0.1.0
 */
BSL_API double bsl_outcome_weight(const bsl_outcome *o);

/**
 * The rule that matched, e.g. "level:eu", "band:<=1000", "set:non_empty",
 * "text:present"; "missing" or "not_applicable" when none did.
 * @param o an outcome; NULL gives NULL.
 * @return a string valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_outcome_rule(const bsl_outcome *o);

/**
 * Whether this outcome fired a red line.
 * @param o an outcome; NULL gives 0.
 * @return non-zero when it did, else 0.
 * Thread-safe. @since 0.1.0
 */
BSL_API int bsl_outcome_red_line(const bsl_outcome *o);

/**
 * Whether the matched outcome fails a necessary condition (framework flag
 * "fails_necessary_condition", REFERENTIEL.md §6): something the project
 * must show before it can be favourable. It makes the criterion not_met
 * whatever its score, unless a red line fired there; it is neither a red
 * line nor a missing fact, and it keeps its points.
 * @param o an outcome; NULL gives 0.
 * @return non-zero when it does, else 0 (also when missing or not applicable).
 * Thread-safe. @since 0.2.0
 */
BSL_API int bsl_outcome_fails_necessary_condition(const bsl_outcome *o);

/**
 * Whether the fact is missing from the use-case (required or not).
 * @param o an outcome; NULL gives 0.
 * @return non-zero when missing, else 0.
 * Thread-safe. @since 0.1.0
 */
BSL_API int bsl_outcome_missing(const bsl_outcome *o);

/**
 * Whether the framework requires the fact.
 * @param o an outcome; NULL gives 0.
 * @return non-zero when required, else 0.
 * Thread-safe. @since 0.1.0
 */
BSL_API int bsl_outcome_required(const bsl_outcome *o);

/**
 * Whether applies_if was false: the indicator then leaves the score untouched.
 * @param o an outcome; NULL gives 0.
 * @return non-zero when not applicable, else 0.
 * Thread-safe. @since 0.1.0
 */
BSL_API int bsl_outcome_not_applicable(const bsl_outcome *o);

/**
 * Justification sentence for what matched.
 * @param o an outcome; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed, valid until the result is freed, or NULL when the fact is
 *         missing or the indicator not applicable.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_outcome_justification(const bsl_outcome *o, bsl_lang lang);

/**
 * Remediation sentence. For a missing fact, a sentence the library writes
 * that asks the question with its allowed values ("Answer the question:
 * Hosting? (allowed values: france, eu, non_eu)."), whether or not the
 * indicator has a remediation of its own (since 0.2.0). For an answered
 * fact, the indicator's remediation, when it has one and the outcome is a
 * red line or (weight > 0) below the indicator's full points.
 * @param o an outcome; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string borrowed, valid until the result is freed, or NULL when there is
 *         no remediation (at full points, not applicable, or no sentence).
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_outcome_remediation(const bsl_outcome *o, bsl_lang lang);

/**
 * Evidence text the use-case gave for this fact.
 * @param o an outcome; NULL gives NULL.
 * @return a UTF-8 string valid until the result is freed, or NULL when none was given.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_outcome_evidence(const bsl_outcome *o);

/* --- reasons, missing facts, unknown keys, remediations --- */

/**
 * Kinds of reasons. Reasons are listed in this order: red_line,
 * necessary_condition, missing, not_met, not_assessed, reservation, met
 * (the order of the enum, except BSL_REASON_NECESSARY_CONDITION, appended
 * in 0.2.0 and listed second).
 * @since 0.1.0
 */
typedef enum bsl_reason_kind {
    BSL_REASON_RED_LINE = 0,      /**< a red line fired (fact); its text is the outcome's justification */
    BSL_REASON_MISSING = 1,       /**< a required fact is missing (fact) */
    BSL_REASON_NOT_MET = 2,       /**< a criterion is below reservations (criterion); not given for a criterion that failed a necessary condition */
    BSL_REASON_NOT_ASSESSED = 3,  /**< a criterion could not be assessed (criterion) */
    BSL_REASON_RESERVATION = 4,   /**< a criterion is below met (criterion) */
    BSL_REASON_MET = 5,           /**< a criterion is met (criterion) */
    BSL_REASON_NECESSARY_CONDITION = 6 /**< an outcome failed a necessary condition (fact), which makes its criterion not_met unless a red line fired there; its text is the outcome's justification. @since 0.2.0 */
} bsl_reason_kind;

/** One reason for the verdict. Borrowed from the result. @since 0.1.0 */
typedef struct bsl_reason bsl_reason;

/**
 * Number of reasons for the verdict. Reasons are ordered by kind (red_line,
 * necessary_condition, missing, not_met, not_assessed, reservation, met:
 * see bsl_reason_kind), then framework order.
 * @param r a result; NULL gives 0.
 * @return the number of reasons.
 * Thread-safe. @since 0.1.0
 */
BSL_API size_t bsl_result_reason_count(const bsl_result *r);

/**
 * The i-th reason for the verdict.
 * @param r a result; NULL gives NULL.
 * @param i an index below bsl_result_reason_count().
 * @return a reason borrowed from r, or NULL when out of range.
 * Thread-safe. @since 0.1.0
 */
BSL_API const bsl_reason *bsl_result_reason(const bsl_result *r, size_t i);

/**
 * Kind of a reason.
 * @param reason a reason; NULL gives BSL_REASON_MET.
 * @return the kind.
 * Thread-safe. @since 0.1.0
 */
BSL_API bsl_reason_kind bsl_reason_kind_of(const bsl_reason *reason);

/**
 * Token of a reason kind, as in the JSON result: "red_line", "missing",
 * "not_met", "not_assessed", "reservation", "met", "necessary_condition".
 * @param k a reason kind.
 * @return a static string, or NULL for a value that is not a bsl_reason_kind.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_reason_kind_token(bsl_reason_kind k);

/**
 * Id of the criterion the reason is about.
 * @param reason a reason; NULL gives NULL.
 * @return a string borrowed, valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_reason_criterion(const bsl_reason *reason);

/**
 * Fact key the reason is about.
 * @param reason a reason; NULL gives NULL.
 * @return a string borrowed, valid until the result is freed, or NULL for criterion-level
 *         kinds (not_met, not_assessed, reservation, met); the fact for red_line,
 *         necessary_condition and missing.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_reason_fact(const bsl_reason *reason);

/**
 * The reason as a sentence, e.g. "C2 : ligne rouge : hébergement hors UE".
 * @param reason a reason; NULL gives NULL.
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a UTF-8 string valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_reason_text(const bsl_reason *reason, bsl_lang lang);

/**
 * Number of required, applicable facts that are missing.
 * @param r a result; NULL gives 0.
 * @return the number of missing required facts.
 * Thread-safe. @since 0.1.0
 */
BSL_API size_t bsl_result_missing_count(const bsl_result *r);

/**
 * The i-th missing required fact key, in framework order.
 * @param r a result; NULL gives NULL.
 * @param i an index below bsl_result_missing_count().
 * @return a string borrowed, valid until the result is freed, or NULL when out of range.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_result_missing(const bsl_result *r, size_t i);

/**
 * Number of fact or evidence keys of the use-case that are neither read by
 * the framework nor facts of its vocabulary (probably misspelt; they are
 * ignored by the scoring).
 * @param r a result; NULL gives 0.
 * @return the number of unknown keys.
 * Thread-safe. @since 0.1.0
 */
BSL_API size_t bsl_result_unknown_count(const bsl_result *r);

/**
 * The i-th unknown key as written, in document order.
 * @param r a result; NULL gives NULL.
 * @param i an index below bsl_result_unknown_count().
 * @return a string valid until the result is freed, or NULL when out of range.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_result_unknown_key(const bsl_result *r, size_t i);

/**
 * JSON path of the i-th unknown key, e.g. "$.facts.hostnig".
 * @param r a result; NULL gives NULL.
 * @param i an index below bsl_result_unknown_count().
 * @return a string valid until the result is freed, or NULL when out of range.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_result_unknown_path(const bsl_result *r, size_t i);

/**
 * Nearest known fact key (of the framework or of its vocabulary) to the
 * i-th unknown key.
 * @param r a result; NULL gives NULL.
 * @param i an index below bsl_result_unknown_count().
 * @return a string borrowed, valid until the result is freed, or NULL when out of range or
 *         when no known key is close.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_result_unknown_suggestion(const bsl_result *r, size_t i);

/**
 * Number of fact or evidence keys of the use-case that are facts of the
 * vocabulary but that this framework does not read ("not used": checked
 * against the vocabulary, ignored by the scoring; never unknown keys).
 * @param r a result; NULL gives 0.
 * @return the number of keys not used.
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_result_not_used_count(const bsl_result *r);

/**
 * The i-th key not used by the framework, in document order.
 * @param r a result; NULL gives NULL.
 * @param i an index below bsl_result_not_used_count().
 * @return a string valid until the result is freed, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_result_not_used_key(const bsl_result *r, size_t i);

/**
 * JSON path of the i-th key not used, e.g. "$.facts.social_scoring".
 * @param r a result; NULL gives NULL.
 * @param i an index below bsl_result_not_used_count().
 * @return a string valid until the result is freed, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_result_not_used_path(const bsl_result *r, size_t i);

/**
 * Number of remediations, in framework order: one per outcome that has one
 * (see bsl_outcome_remediation()): every missing, applicable fact, and every
 * answered indicator in red line or below its full points that has a
 * remediation sentence.
 * @param r a result; NULL gives 0.
 * @return the number of remediations.
 * Thread-safe. @since 0.1.0
 */
BSL_API size_t bsl_result_remediation_count(const bsl_result *r);

/**
 * The outcome the i-th remediation belongs to: read its sentence with
 * bsl_outcome_remediation(), its criterion with bsl_outcome_criterion().
 * @param r a result; NULL gives NULL.
 * @param i an index below bsl_result_remediation_count().
 * @return an outcome borrowed from r, or NULL when out of range.
 * Thread-safe. @since 0.1.0
 */
BSL_API const bsl_outcome *bsl_result_remediation(const bsl_result *r, size_t i);

/**
 * Id of the criterion an outcome belongs to.
 * @param o an outcome; NULL gives NULL.
 * @return a string borrowed, valid until the result is freed, or NULL.
 * Thread-safe. @since 0.1.0
 */
BSL_API const char *bsl_outcome_criterion(const bsl_outcome *o);

/* ------------------------------------------------------------------------ */
/* Rendering                                                                  */
/* ------------------------------------------------------------------------ */

/** Output formats. @since 0.1.0 */
typedef enum bsl_format {
    BSL_FORMAT_JSON = 0,        /**< the stable schema of doc/result-format.md, 2-space indented, byte-for-byte deterministic */
    BSL_FORMAT_TEXT = 1,        /**< a readable report for people */
    BSL_FORMAT_JSON_COMPACT = 2, /**< the same document as BSL_FORMAT_JSON on one line, without insignificant whitespace, ending with "\n" */
    BSL_FORMAT_MARKDOWN = 3,    /**< GitHub-flavoured Markdown (CommonMark with tables): a framework's calibration sheet, a comparison matrix, a result report for tickets and wikis (doc/reports-text.md). @since 0.2.0 */
    BSL_FORMAT_HTML = 4,        /**< bsl_render() only: one self-contained, accessible HTML page (inline CSS, the BSL_FORMAT_SVG picture inline, no script, nothing fetched; doc/reports.md). @since 0.2.0 */
    BSL_FORMAT_SVG = 5          /**< bsl_render() only: the boussole as an SVG picture, a radar with one axis per criterion (doc/reports.md); deterministic bytes. @since 0.2.0 */
} bsl_format;

/**
 * Render a result as a document.
 * @param out receives a NUL-terminated buffer allocated with the result's
 *        allocator, owned by the caller; free it with bsl_render_free() (which
 *        may be called after the result is freed). NULL on failure. Must not
 *        be NULL.
 * @param out_len receives the length without the NUL; may be NULL.
 * @param r the result; must not be NULL.
 * @param format BSL_FORMAT_JSON, BSL_FORMAT_JSON_COMPACT, BSL_FORMAT_TEXT,
 *        BSL_FORMAT_MARKDOWN, BSL_FORMAT_HTML or BSL_FORMAT_SVG (since 0.2.0
 *        for the last three; the use-case's own strings are escaped so that
 *        they read as text in each).
 * @param lang language of every title, label and sentence (the JSON output
 *        records it in its "lang" member): BSL_LANG_FR or BSL_LANG_EN.
 * @param err optional error details; may be NULL.
 * @return BSL_OK, BSL_ERR_NOMEM, or BSL_ERR_ARG (a NULL out or r, an unknown
 *         or unsupported format, an unknown language).
 * Thread-safe (r may be shared). @since 0.1.0
 */
BSL_API int bsl_render(char **out, size_t *out_len, const bsl_result *r,
                       bsl_format format, bsl_lang lang, bsl_error *err);

/** The current version of bsl_render_options (2: plan_max_nodes appended).
 * Version 1 is still accepted. @since 0.2.0 */
#define BSL_RENDER_OPTIONS_VERSION 2

/** bsl_render_options.flags: colour the text report with ANSI (SGR) escapes,
 * for a terminal. Only the report's own markers, verdict and headings are
 * coloured; the use-case's strings stay escaped and never produce an escape.
 * @since 0.2.0 */
#define BSL_RENDER_COLOR 1u

/** bsl_render_options.flags: leave out the section "Pour atteindre
 * « favorable »" / "To reach "favorable"" (the what-if plan, see bsl_whatif())
 * of the text, Markdown and HTML reports of a use-case below favorable. That
 * section is on by default; finding its plan is a search that may take
 * milliseconds for a use-case far from favorable (doc/whatif-format.md),
 * against microseconds for the rest of a report: leave it out where reports
 * are rendered in bulk and nobody acts on the plan, or bound its search
 * with bsl_render_options.plan_max_nodes. @since 0.2.0 */
#define BSL_RENDER_NO_PLAN 2u

/**
 * How bsl_render_with_options() lays out a report for people (the JSON
 * formats ignore them). Initialise with BSL_RENDER_OPTIONS_INIT or
 * bsl_render_options_init(): fields are only ever appended, and the version
 * field tells the library which ones the caller knows.
 * @since 0.2.0
 */
typedef struct bsl_render_options {
    unsigned version; /**< BSL_RENDER_OPTIONS_VERSION, or 1 (without plan_max_nodes) */
    unsigned width;   /**< columns of the text report: 0 means 80; values below 40 count as 40 (a caller passes the terminal's width) */
    unsigned flags;   /**< 0, or BSL_RENDER_COLOR (text report only) and/or BSL_RENDER_NO_PLAN */
    unsigned plan_max_nodes; /**< version 2: the search budget of the plan of the text, Markdown and HTML reports, as bsl_whatif_options.max_nodes (states visited); 0 means BSL_WHATIF_DEFAULT_MAX_NODES. When it runs out the section says so, as bsl_whatif_render() does */
} bsl_render_options;

/** Static initialiser for bsl_render_options with every default. @since 0.2.0 */
#define BSL_RENDER_OPTIONS_INIT { BSL_RENDER_OPTIONS_VERSION, 0, 0, 0 }

/**
 * Initialise render options to the defaults of the given options version:
 * 80 columns, no flag (no colour, the plan on), plan_max_nodes 0 (its default).
 * @param opts the options to fill; must not be NULL. Left untouched on failure.
 * @param version BSL_RENDER_OPTIONS_VERSION, or 1 (only the fields of
 *        version 1 are written).
 * @return BSL_OK, or BSL_ERR_ARG for a NULL opts or an unknown version.
 * Thread-safe. @since 0.2.0
 */
BSL_API int bsl_render_options_init(bsl_render_options *opts, unsigned version);

/**
 * bsl_render() with a layout: the text report's width and colour, whether
 * the reports hold the what-if plan and how long its search may take.
 * @param out, out_len, r, format, lang, err as for bsl_render().
 * @param opts the layout, version 1 or 2 (the fields of its version are
 *        read, the others take their defaults); NULL gives the defaults
 *        (what bsl_render() does).
 * @return as bsl_render(); also BSL_ERR_ARG for an unknown opts->version or
 *         unknown flags.
 * Thread-safe (r may be shared). @since 0.2.0
 */
BSL_API int bsl_render_with_options(char **out, size_t *out_len, const bsl_result *r,
                                    bsl_format format, bsl_lang lang,
                                    const bsl_render_options *opts, bsl_error *err);

/**
 * Free a buffer returned by bsl_render(), bsl_evaluate_lines(),
 * bsl_framework_describe(), bsl_framework_schema() or
 * bsl_framework_template(), with the allocator it was made with.
 * @param buf the buffer, or NULL (a no-op).
 * Thread-safe. @since 0.1.0
 */
BSL_API void bsl_render_free(char *buf);

/* ------------------------------------------------------------------------ */
/* Describing frameworks                                                      */
/* ------------------------------------------------------------------------ */

/**
 * Describe a framework: what it reads and how it scores, for people and
 * tools. The description holds the framework's id, version, format, title,
 * source and description, its SHA-256, its vocabulary (id, version,
 * SHA-256), its default thresholds, and for each criterion (id, title,
 * reference, weight, thresholds) each indicator: its fact, type, question,
 * help, values with their labels, unit, bounds, required flag, weight,
 * applies_if condition, reference, every outcome (value or number band,
 * label, points, red line, necessary condition, justification) and its
 * remediation.
 *
 * Formats:
 *  - BSL_FORMAT_JSON: the stable document "boussole-description/1" of
 *    doc/description-format.md, 2-space indented;
 *  - BSL_FORMAT_JSON_COMPACT: the same document on one line, ending with "\n";
 *  - BSL_FORMAT_TEXT: a readable version for terminals (lines wrapped at
 *    100 columns, control characters of the framework's strings spelled
 *    as \\uXXXX);
 *  - BSL_FORMAT_MARKDOWN: the calibration sheet published in the
 *    documentation (doc/frameworks/), CommonMark with tables.
 *
 * The same framework, format and language always give the same bytes.
 * @param out receives a NUL-terminated buffer allocated with the
 *        framework's allocator, owned by the caller; free it with
 *        bsl_render_free() (which may be called after the framework is
 *        freed). NULL on failure. Must not be NULL.
 * @param out_len receives the length without the NUL; may be NULL.
 * @param fw the framework; must not be NULL.
 * @param format BSL_FORMAT_JSON, BSL_FORMAT_JSON_COMPACT, BSL_FORMAT_TEXT or
 *        BSL_FORMAT_MARKDOWN.
 * @param lang language of every title, label and sentence: BSL_LANG_FR or
 *        BSL_LANG_EN (the JSON output records it in its "lang" member).
 * @param err optional error details; may be NULL.
 * @return BSL_OK, BSL_ERR_NOMEM, or BSL_ERR_ARG (a NULL out or fw, an unknown
 *         format or language).
 * Thread-safe (fw may be shared). @since 0.2.0
 */
BSL_API int bsl_framework_describe(char **out, size_t *out_len, const bsl_framework *fw,
                                   bsl_format format, bsl_lang lang, bsl_error *err);

/**
 * A JSON Schema (draft 2020-12) of the use-case documents this framework
 * reads (doc/usecase-format.md), for form builders and editors. It accepts
 * exactly the top-level fields of a use-case (id and title non-empty
 * strings, facts an object, all three required), and in "facts" and
 * "evidence" exactly the facts of the framework's vocabulary plus, for a
 * format-1 framework, its own: a key the framework does not read is allowed
 * (it is "not used"), a key outside them is invalid (the library reports it
 * as unknown). Every fact is typed as the library checks it (enum values,
 * number bounds, set members), null meaning not answered, with the
 * question as "title" and the help as "description" in the language
 * asked, and an "x-boussole" annotation carrying both languages, the
 * value labels, the unit, the criterion that reads it, and whether it is
 * required and used. Required facts are not in the schema's "required":
 * a missing one makes the verdict "incomplete", not the document invalid;
 * they are listed in the top-level "x-boussole-required" annotation.
 * Described in doc/description-format.md. 2-space indented, ending with
 * "\n"; the same framework and language always give the same bytes.
 * @param out receives a NUL-terminated buffer allocated with the
 *        framework's allocator, owned by the caller; free it with
 *        bsl_render_free(). NULL on failure. Must not be NULL.
 * @param out_len receives the length without the NUL; may be NULL.
 * @param fw the framework; must not be NULL.
 * @param lang language of the titles and descriptions: BSL_LANG_FR or BSL_LANG_EN.
 * @param err optional error details; may be NULL.
 * @return BSL_OK, BSL_ERR_NOMEM, or BSL_ERR_ARG (a NULL out or fw, an unknown
 *         language).
 * Thread-safe (fw may be shared). @since 0.2.0
 */
BSL_API int bsl_framework_schema(char **out, size_t *out_len, const bsl_framework *fw,
                                 bsl_lang lang, bsl_error *err);

/**
 * A blank use-case for this framework, to fill in: id "nouveau-cas-d-usage"
 * (French) or "new-use-case" (English), title "À renseigner" or "To be
 * completed", "framework" the framework's id, and "facts" holding every
 * fact the framework reads, in framework order, set to null (not
 * answered). It parses against fw and evaluates to "incomplete", with
 * every required fact missing. 2-space indented, ending with "\n"; the same
 * framework and language always give the same bytes.
 * @param out receives a NUL-terminated buffer allocated with the
 *        framework's allocator, owned by the caller; free it with
 *        bsl_render_free(). NULL on failure. Must not be NULL.
 * @param out_len receives the length without the NUL; may be NULL.
 * @param fw the framework; must not be NULL.
 * @param lang language of the id and title: BSL_LANG_FR or BSL_LANG_EN.
 * @param err optional error details; may be NULL.
 * @return BSL_OK, BSL_ERR_NOMEM, or BSL_ERR_ARG (a NULL out or fw, an unknown
 *         language).
 * Thread-safe (fw may be shared). @since 0.2.0
 */
BSL_API int bsl_framework_template(char **out, size_t *out_len, const bsl_framework *fw,
                                   bsl_lang lang, bsl_error *err);

/**
 * Render a comparison: the same use-cases evaluated by several frameworks
 * (doc/compare-format.md). For each use-case and each framework: the
 * verdict, the global score, and what decided it (red lines, failed
 * necessary conditions, missing required facts), with the keys that
 * framework does not read and the unknown keys.
 *
 * Formats: BSL_FORMAT_JSON / BSL_FORMAT_JSON_COMPACT (the stable document
 * "boussole-comparison/1"), BSL_FORMAT_TEXT (a block per use-case, a line
 * per framework), BSL_FORMAT_MARKDOWN (the matrix, use-cases by
 * frameworks, then a table per use-case). Deterministic bytes.
 * @param out receives a NUL-terminated buffer allocated with the allocator
 *        of results[0], owned by the caller; free it with bsl_render_free().
 *        NULL on failure. Must not be NULL.
 * @param out_len receives the length without the NUL; may be NULL.
 * @param results usecase_count x framework_count results, row by row:
 *        results[u * framework_count + f] is use-case u evaluated by
 *        framework f. Every row must hold the same use-case (same id) and
 *        every column the same framework; no entry may be NULL.
 * @param usecase_count number of rows, at least 1.
 * @param framework_count number of columns, at least 1.
 * @param format BSL_FORMAT_JSON, BSL_FORMAT_JSON_COMPACT, BSL_FORMAT_TEXT or
 *        BSL_FORMAT_MARKDOWN.
 * @param lang language of the labels: BSL_LANG_FR or BSL_LANG_EN.
 * @param err optional error details; may be NULL.
 * @return BSL_OK, BSL_ERR_NOMEM, or BSL_ERR_ARG (a NULL out or results, a
 *         count of 0, a NULL entry, rows or columns that do not match, an
 *         unknown format or language).
 * Thread-safe (results may be shared). @since 0.2.0
 */
BSL_API int bsl_render_comparison(char **out, size_t *out_len, const bsl_result *const *results,
                                  size_t usecase_count, size_t framework_count,
                                  bsl_format format, bsl_lang lang, bsl_error *err);

/* ------------------------------------------------------------------------ */
/* Batches                                                                    */
/* ------------------------------------------------------------------------ */

/**
 * Evaluate a small batch of use-cases in one call (for bindings that pay
 * per crossing of the C boundary). The whole output is one buffer, about
 * 27 KB per use-case: for registers of any size use a stream
 * (bsl_stream_new(), bsl_evaluate_stream_file()), whose memory does not
 * grow with the number of use-cases. Input is JSON Lines: one use-case
 * document per line ("\n" or "\r\n"); lines holding only whitespace are
 * skipped. Output is JSON Lines, one line per use-case in input order:
 * either its result as BSL_FORMAT_JSON_COMPACT renders it, or, for a
 * use-case that could not be parsed, an error record
 *
 *     {"index":N,"input_line":L,"error":{"code":C,"name":"syntax",
 *      "message":"...","line":l,"column":c,"path":"..."}}
 *
 * where N counts use-cases from 0, L is the 1-based line of the input, and
 * line/column are positions inside that use-case's document. A bad
 * use-case never stops the others.
 * @param out receives the output (NUL-terminated), allocated with the
 *        allocator of opts; free it with bsl_render_free(). NULL on failure.
 * @param out_len receives its length without the NUL; may be NULL.
 * @param fw the framework; must not be NULL.
 * @param buf, len the JSON Lines input (len 0 gives an empty output).
 * @param lang language of the results.
 * @param opts limits (applied to each use-case) and allocator; NULL for defaults.
 * @param error_count receives the number of error records; may be NULL.
 * @param err optional error details about the call as a whole (a bad
 *        argument or options, out of memory); may be NULL.
 * @return BSL_OK (even when some use-cases failed), BSL_ERR_NOMEM, BSL_ERR_ARG.
 * Thread-safe. @since 0.1.0
 */
BSL_API int bsl_evaluate_lines(char **out, size_t *out_len, const bsl_framework *fw,
                               const char *buf, size_t len, bsl_lang lang,
                               const bsl_options *opts, size_t *error_count, bsl_error *err);

/* ------------------------------------------------------------------------ */
/* Streams: registers of any size                                             */
/* ------------------------------------------------------------------------ */

/** What a stream reads. @since 0.2.0 */
typedef enum bsl_stream_input {
    BSL_INPUT_JSONL = 0, /**< JSON Lines: one use-case document per line; blank lines skipped */
    BSL_INPUT_CSV = 1,   /**< a CSV register (doc/usecase-format.md, "CSV registers"): a header, then one use-case per row */
    BSL_INPUT_JSON = 2   /**< everything fed is one use-case document (one record) */
} bsl_stream_input;

/** What a stream writes for each record. @since 0.2.0 */
typedef enum bsl_stream_output {
    BSL_OUTPUT_JSONL = 0, /**< one compact JSON line per record: the result at the chosen detail, or an error record */
    BSL_OUTPUT_CSV = 1    /**< a CSV header line, then one row per record (doc/result-format.md, "CSV records") */
} bsl_stream_output;

/** How much of each result a JSON Lines record holds. @since 0.2.0 */
typedef enum bsl_detail {
    BSL_DETAIL_FULL = 0,   /**< the result as BSL_FORMAT_JSON_COMPACT renders it ("boussole-result/2") */
    BSL_DETAIL_SUMMARY = 1 /**< "boussole-summary/1": tokens and scores, no sentences (doc/result-format.md) */
} bsl_detail;

/** The current version of bsl_stream_options. @since 0.2.0 */
#define BSL_STREAM_OPTIONS_VERSION 1

/**
 * How a stream reads and writes. Initialise with BSL_STREAM_OPTIONS_INIT:
 * fields are only ever appended, and version says which ones the caller knows.
 * @since 0.2.0
 */
typedef struct bsl_stream_options {
    unsigned version;         /**< must be BSL_STREAM_OPTIONS_VERSION */
    bsl_stream_input input;   /**< default BSL_INPUT_JSONL */
    bsl_stream_output output; /**< default BSL_OUTPUT_JSONL */
    bsl_detail detail;        /**< JSON Lines output only; default BSL_DETAIL_FULL */
    bsl_lang lang;            /**< language of a full result; default BSL_LANG_FR */
} bsl_stream_options;

/** Static initialiser for bsl_stream_options with every default. @since 0.2.0 */
#define BSL_STREAM_OPTIONS_INIT { BSL_STREAM_OPTIONS_VERSION, BSL_INPUT_JSONL, BSL_OUTPUT_JSONL, BSL_DETAIL_FULL, BSL_LANG_FR }

/** Kinds of output record. @since 0.2.0 */
typedef enum bsl_record_kind {
    BSL_RECORD_RESULT = 0, /**< a use-case's result */
    BSL_RECORD_ERROR = 1,  /**< a use-case that could not be read: the error record in its place */
    BSL_RECORD_HEADER = 2  /**< the CSV output's header line, before the first record */
} bsl_record_kind;

/**
 * One output record, handed to the record callback as soon as it is made.
 * Everything in it is borrowed for the duration of the call only.
 * Fields are only ever appended. @since 0.2.0
 */
typedef struct bsl_record {
    bsl_record_kind kind;     /**< result, error or (CSV output) header */
    size_t index;             /**< the use-case's position in the stream, from 0 (0 for the header) */
    size_t input_line;        /**< 1-based line of the input where the use-case starts (0 for the header) */
    const bsl_result *result; /**< BSL_RECORD_RESULT: the result (read its verdict, score...); else NULL */
    const bsl_error *error;   /**< BSL_RECORD_ERROR: why, with the position (JSON Lines: inside its line; CSV: in the file); else NULL */
    const char *text;         /**< the record as the stream's output format writes it, ending with "\n" */
    size_t len;               /**< length of text */
} bsl_record;

/**
 * Receives each output record, in input order. Return 0 to go on; any other
 * value stops the stream (the feeding call then returns BSL_ERR_IO).
 * @since 0.2.0
 */
typedef int (*bsl_record_fn)(void *ctx, const bsl_record *record);

/** A stream: evaluates a register record by record, in constant memory. @since 0.2.0 */
typedef struct bsl_stream bsl_stream;

/**
 * Start a stream over a register. Feed it bytes in pieces of any size with
 * bsl_stream_feed() and end it with bsl_stream_finish(): each use-case is
 * evaluated as soon as its record is complete and its output record handed
 * to fn before the next one is read. Memory depends on the largest record,
 * never on the number of records: opts' limits apply to each record (a
 * record longer than max_input_bytes becomes a BSL_ERR_LIMIT error record).
 * A use-case that cannot be read becomes an error record in its place and
 * never stops the others. A CSV header that cannot be read stops the stream.
 * @param out receives the stream, owned by the caller (bsl_stream_free()); NULL on failure.
 * @param fw the framework; must not be NULL and must outlive the stream.
 * @param so input, output, detail and language; NULL for the defaults. Copied.
 * @param opts limits (per record) and allocator; NULL for defaults. Copied.
 * @param fn the record callback; must not be NULL.
 * @param ctx passed unchanged to fn.
 * @param err optional error details; may be NULL.
 * @return BSL_OK, BSL_ERR_NOMEM, or BSL_ERR_ARG (NULL out, fw or fn, an
 *         unknown options version or value, a half-set allocator).
 * Thread-safe (fw may be shared; one stream is used by one thread at a time).
 * @since 0.2.0
 */
BSL_API int bsl_stream_new(bsl_stream **out, const bsl_framework *fw, const bsl_stream_options *so,
                           const bsl_options *opts, bsl_record_fn fn, void *ctx, bsl_error *err);

/**
 * Feed the next bytes of the register; every record they complete is
 * evaluated and handed over before the call returns.
 * @param s the stream; must not be NULL.
 * @param buf, len the bytes (not retained); NULL only if len is 0.
 * @param err optional error details; may be NULL.
 * @return BSL_OK (even when some use-cases failed), BSL_ERR_NOMEM,
 *         BSL_ERR_IO (the callback stopped the stream), BSL_ERR_ARG, or (CSV)
 *         the header's error with its line and column. After a failure the
 *         stream refuses more input with the same code.
 * @since 0.2.0
 */
BSL_API int bsl_stream_feed(bsl_stream *s, const char *buf, size_t len, bsl_error *err);

/**
 * End the register: the last record (without a final newline, or the whole
 * BSL_INPUT_JSON document) is evaluated and handed over. A CSV register
 * that ends inside a quoted cell gives an error record. Further feeding
 * is refused (BSL_ERR_ARG).
 * @param s the stream; must not be NULL.
 * @param err optional error details; may be NULL.
 * @return as bsl_stream_feed(); BSL_ERR_MISSING for a CSV register without a header.
 * @since 0.2.0
 */
BSL_API int bsl_stream_finish(bsl_stream *s, bsl_error *err);

/**
 * Number of use-case records handed over so far (results and errors; not
 * the CSV header).
 * @param s a stream; NULL gives 0.
 * @return the count. @since 0.2.0
 */
BSL_API size_t bsl_stream_record_count(const bsl_stream *s);

/**
 * Number of error records handed over so far.
 * @param s a stream; NULL gives 0.
 * @return the count. @since 0.2.0
 */
BSL_API size_t bsl_stream_error_count(const bsl_stream *s);

/**
 * Free a stream (finished or not).
 * @param s the stream, or NULL (a no-op).
 * @since 0.2.0
 */
BSL_API void bsl_stream_free(bsl_stream *s);

/**
 * Evaluate a whole register read from f, in constant memory: bsl_stream_new(),
 * bsl_stream_feed() with each piece read, bsl_stream_finish().
 * @param fw, so, opts, fn, ctx as bsl_stream_new().
 * @param f an open stdio stream, read to its end; must not be NULL. Not closed.
 * @param record_count receives the number of use-case records; may be NULL.
 * @param error_count receives the number of error records; may be NULL.
 * @param err optional error details; may be NULL.
 * @return as bsl_stream_finish(), or BSL_ERR_IO when f cannot be read.
 * Thread-safe (fw may be shared). @since 0.2.0
 */
BSL_API int bsl_evaluate_stream_file(const bsl_framework *fw, FILE *f, const bsl_stream_options *so,
                                     const bsl_options *opts, bsl_record_fn fn, void *ctx,
                                     size_t *record_count, size_t *error_count, bsl_error *err);

/* ------------------------------------------------------------------------ */
/* What-if: the smallest changes that reach a verdict                         */
/* ------------------------------------------------------------------------ */

/** The current version of bsl_whatif_options (2: max_nodes appended).
 * Version 1 is still accepted. @since 0.2.0 */
#define BSL_WHATIF_OPTIONS_VERSION 2

/** Default bsl_whatif_options.max_changes: the largest plan searched. @since 0.2.0 */
#define BSL_WHATIF_DEFAULT_MAX_CHANGES 12u

/** Default bsl_whatif_options.max_nodes: the search budget, in states
 * visited, each counting 1 plus 1 per 64 indicators of the frameworks
 * searched (a Nantes state counts 1). The plans of the examples under the
 * embedded frameworks take at most 87,000 (most a few hundred); the budget
 * bounds the time a hostile framework can make a search, and the plan of a
 * report, take (about a quarter of a second). @since 0.2.0 */
#define BSL_WHATIF_DEFAULT_MAX_NODES 200000u

/**
 * Options of bsl_whatif(). Always initialise with BSL_WHATIF_OPTIONS_INIT
 * or bsl_whatif_options_init(): fields are only ever appended, and the
 * version field tells the library which ones the caller knows.
 * @since 0.2.0
 */
typedef struct bsl_whatif_options {
    unsigned version;     /**< must be BSL_WHATIF_OPTIONS_VERSION */
    bsl_verdict target;   /**< BSL_VERDICT_FAVORABLE (the default) or BSL_VERDICT_FAVORABLE_WITH_RESERVATIONS */
    unsigned max_changes; /**< largest plan searched; 0 means BSL_WHATIF_DEFAULT_MAX_CHANGES. A target that needs more is reported unreachable */
    unsigned max_nodes;   /**< version 2: the search budget in states visited; 0 means BSL_WHATIF_DEFAULT_MAX_NODES. When it runs out the plan says so (bsl_whatif_search_limit_reached()) */
} bsl_whatif_options;

/** Static initialiser for bsl_whatif_options with every default. @since 0.2.0 */
#define BSL_WHATIF_OPTIONS_INIT { BSL_WHATIF_OPTIONS_VERSION, BSL_VERDICT_FAVORABLE, 0, 0 }

/**
 * Initialise opts to the defaults of the given options version: target
 * BSL_VERDICT_FAVORABLE, max_changes 0 and max_nodes 0 (their defaults).
 * @param opts the struct to fill; must not be NULL. Left untouched on failure.
 * @param version BSL_WHATIF_OPTIONS_VERSION, or 1 (only the fields of
 *        version 1 are written).
 * @return BSL_OK, or BSL_ERR_ARG for a NULL opts or an unknown version.
 * Thread-safe. @since 0.2.0
 */
BSL_API int bsl_whatif_options_init(bsl_whatif_options *opts, unsigned version);

/**
 * A what-if plan (doc/whatif-format.md): the fewest fact changes after
 * which a use-case reaches a target verdict, or why it cannot. Immutable;
 * may be shared by threads. Its frameworks must outlive it.
 * @since 0.2.0
 */
typedef struct bsl_whatif_plan bsl_whatif_plan;

/**
 * Search the smallest set of fact changes after which the use-case reaches
 * the target verdict (or better) under every framework it was parsed
 * against. Red lines are lifted, missing required facts answered,
 * necessary conditions met and every criterion brought to its threshold;
 * applies_if conditions are honoured. Facts a framework marks
 * "actionable": false are never changed. Among plans of the smallest size,
 * the one with the largest global score after (summed over frameworks)
 * wins, then the one whose changes come first in framework order. A
 * use-case already at the target gives a plan of no change.
 * @param out receives the plan, owned by the caller, allocated with the
 *        allocator of usecases[0], or NULL on failure; must not be NULL.
 * @param usecases the same use-case document parsed against each
 *        framework (same id; distinct frameworks sharing one vocabulary, as
 *        the embedded ones do); none NULL.
 * @param count number of use-cases, at least 1.
 * @param opts target, largest plan and search budget; NULL for the
 *        defaults. Copied (the fields of its version).
 * @param err optional error details; may be NULL.
 * @return BSL_OK (reachable or not: see bsl_whatif_reachable()),
 *         BSL_ERR_NOMEM, or BSL_ERR_ARG (a NULL argument, count 0, an
 *         unknown options version or target, use-cases with different ids,
 *         a framework given twice, frameworks with different vocabularies).
 * Thread-safe. Free with bsl_whatif_free(). @since 0.2.0
 */
BSL_API int bsl_whatif(bsl_whatif_plan **out, const bsl_usecase *const *usecases, size_t count,
                       const bsl_whatif_options *opts, bsl_error *err);

/**
 * Free a plan. Strings read from it become invalid.
 * @param p the plan, or NULL (a no-op).
 * Not to be called while another thread uses p. @since 0.2.0
 */
BSL_API void bsl_whatif_free(bsl_whatif_plan *p);

/**
 * The verdict the plan aims at.
 * @param p a plan; NULL gives BSL_VERDICT_FAVORABLE.
 * @return the target verdict.
 * Thread-safe. @since 0.2.0
 */
BSL_API bsl_verdict bsl_whatif_target(const bsl_whatif_plan *p);

/**
 * Whether some plan of at most max_changes changes of actionable facts
 * reaches the target.
 * @param p a plan; NULL gives 0.
 * @return 1 when reachable, else 0: unreachable, or unknown when
 *         bsl_whatif_search_limit_reached() (the search stopped first).
 * Thread-safe. @since 0.2.0
 */
BSL_API int bsl_whatif_reachable(const bsl_whatif_plan *p);

/**
 * Whether the search ran out of its budget (bsl_whatif_options.max_nodes)
 * before it could finish. Then a reachable plan has the fewest changes but
 * another plan of as many changes may have a larger score after, and an
 * unreachable one means unknown: no plan of fewer changes than the round
 * the search stopped in exists, larger ones were not all searched.
 * @param p a plan; NULL gives 0.
 * @return 1 when the limit was reached, else 0.
 * Thread-safe. @since 0.2.0
 */
BSL_API int bsl_whatif_search_limit_reached(const bsl_whatif_plan *p);

/**
 * Number of changes of the plan (0 when unreachable or already at target).
 * @param p a plan; NULL gives 0.
 * @return the number of changes.
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_whatif_change_count(const bsl_whatif_plan *p);

/**
 * Fact key of the i-th change (changes in framework order).
 * @param p a plan; NULL gives NULL.
 * @param i an index below bsl_whatif_change_count().
 * @return a string borrowed from p, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_whatif_change_fact(const bsl_whatif_plan *p, size_t i);

/**
 * Id of the criterion that reads the i-th change's fact (in the first
 * framework that reads it).
 * @param p a plan; NULL gives NULL.
 * @param i an index below bsl_whatif_change_count().
 * @return a string borrowed from p, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_whatif_change_criterion(const bsl_whatif_plan *p, size_t i);

/**
 * The i-th change's value now, as compact JSON.
 * @param p a plan; NULL gives NULL.
 * @param i an index below bsl_whatif_change_count().
 * @return a string borrowed from p; NULL when the fact is not answered or
 *         i is out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_whatif_change_from(const bsl_whatif_plan *p, size_t i);

/**
 * The value the i-th change gives its fact, as compact JSON (a boolean, an
 * enum token, a number in the band aimed at, [] for an empty set); for a
 * non-empty set or a present text, where any value does, the rule token
 * as a JSON string ("set:non_empty", "text:present").
 * @param p a plan; NULL gives NULL.
 * @param i an index below bsl_whatif_change_count().
 * @return a string borrowed from p, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_whatif_change_to(const bsl_whatif_plan *p, size_t i);

/**
 * Points the i-th change's indicator gains (its points after minus its
 * points now, an unanswered or not applicable indicator counting 0), in
 * the first framework that reads the fact; may be negative or 0 (a change
 * that lifts a red line, answers a required fact or switches an applies_if
 * condition).
 * @param p a plan; NULL gives 0.
 * @param i an index below bsl_whatif_change_count().
 * @return the points gained; 0 when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API double bsl_whatif_change_gain(const bsl_whatif_plan *p, size_t i);

/**
 * The remediation sentence of the i-th change: the indicator's
 * remediation, or its question when the fact is not answered or has no
 * remediation.
 * @param p a plan; NULL gives NULL.
 * @param i an index below bsl_whatif_change_count().
 * @param lang BSL_LANG_FR or BSL_LANG_EN; another value gives NULL.
 * @return a string borrowed from p, or NULL.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_whatif_change_remediation(const bsl_whatif_plan *p, size_t i, bsl_lang lang);

/**
 * Number of frameworks the plan was searched under (the count given to
 * bsl_whatif()).
 * @param p a plan; NULL gives 0.
 * @return the number of frameworks.
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_whatif_framework_count(const bsl_whatif_plan *p);

/**
 * Id of the f-th framework.
 * @param p a plan; NULL gives NULL.
 * @param f an index below bsl_whatif_framework_count().
 * @return a string borrowed from the framework, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_whatif_framework_id(const bsl_whatif_plan *p, size_t f);

/**
 * Verdict under the f-th framework after the plan (the verdict now when
 * unreachable: no change is applied).
 * @param p a plan; NULL gives BSL_VERDICT_RED_LINE.
 * @param f an index below bsl_whatif_framework_count().
 * @return the verdict; BSL_VERDICT_RED_LINE when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API bsl_verdict bsl_whatif_verdict_after(const bsl_whatif_plan *p, size_t f);

/**
 * Global score under the f-th framework after the plan, as bsl_evaluate()
 * would give it.
 * @param p a plan; NULL gives 0.
 * @param f an index below bsl_whatif_framework_count().
 * @return the score; 0 when out of range or not assessed.
 * Thread-safe. @since 0.2.0
 */
BSL_API double bsl_whatif_score_after(const bsl_whatif_plan *p, size_t f);

/**
 * Number of entries of blocked_by: when unreachable, the facts no change
 * may lift (not actionable) and the criteria no plan can bring to their
 * threshold; 0 when reachable.
 * @param p a plan; NULL gives 0.
 * @return the number of entries.
 * Thread-safe. @since 0.2.0
 */
BSL_API size_t bsl_whatif_blocked_count(const bsl_whatif_plan *p);

/**
 * The i-th entry of blocked_by: a fact key or a criterion id.
 * @param p a plan; NULL gives NULL.
 * @param i an index below bsl_whatif_blocked_count().
 * @return a string borrowed from p, or NULL when out of range.
 * Thread-safe. @since 0.2.0
 */
BSL_API const char *bsl_whatif_blocked(const bsl_whatif_plan *p, size_t i);

/**
 * Render a plan: BSL_FORMAT_JSON / BSL_FORMAT_JSON_COMPACT (the stable
 * document "boussole-whatif/1" of doc/whatif-format.md), BSL_FORMAT_TEXT
 * or BSL_FORMAT_MARKDOWN (a remediation sentence per change). The same
 * plan, format and language always give the same bytes.
 * @param out receives a NUL-terminated buffer allocated with the plan's
 *        allocator, owned by the caller; free it with bsl_render_free().
 *        NULL on failure. Must not be NULL.
 * @param out_len receives the length without the NUL; may be NULL.
 * @param p the plan; must not be NULL.
 * @param format BSL_FORMAT_JSON, BSL_FORMAT_JSON_COMPACT, BSL_FORMAT_TEXT
 *        or BSL_FORMAT_MARKDOWN.
 * @param lang BSL_LANG_FR or BSL_LANG_EN.
 * @param err optional error details; may be NULL.
 * @return BSL_OK, BSL_ERR_NOMEM, or BSL_ERR_ARG (a NULL out or p, an
 *         unknown format or language).
 * Thread-safe (p may be shared). @since 0.2.0
 */
BSL_API int bsl_whatif_render(char **out, size_t *out_len, const bsl_whatif_plan *p,
                              bsl_format format, bsl_lang lang, bsl_error *err);

#ifdef __cplusplus
}
#endif

#endif /* BOUSSOLE_H */
