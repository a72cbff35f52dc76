/* Filling bsl_error, and the JSON path of the value being read. */
#ifndef BSL_ERROR_H
#define BSL_ERROR_H

#include "boussole.h"
#include <stddef.h>

#if defined(__GNUC__)
#define BSL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define BSL_PRINTF(f, a)
#endif

void bsl_error_clear(bsl_error *err);

/* Set code and message (no position); returns code so callers can
 * `return bsl_error_set(...)`. err may be NULL. */
int bsl_error_set(bsl_error *err, int code, const char *fmt, ...) BSL_PRINTF(3, 4);

/* Copy path into err->path, cut to fit and kept valid UTF-8 (as every
 * message is). NULL err or path: nothing. */
void bsl_error_set_path(bsl_error *err, const char *path);

/* As bsl_error_set, about the byte at offset in input: computes the 1-based
 * line and the 1-based column in characters (UTF-8 continuation bytes do not
 * count). path may be NULL. */
int bsl_error_at(bsl_error *err, int code, const char *input, size_t input_len,
                 size_t offset, const char *path, const char *fmt, ...) BSL_PRINTF(7, 8);

/* The JSON path of the value being read, e.g. $.criteria[2].indicators[0].
 * Pushing returns the previous length; bsl_path_pop restores it. A path too
 * long for the buffer is cut and ends with "..." (error paths only). */
typedef struct bsl_path {
    char buf[BSL_ERROR_PATH_SIZE];
    size_t len;
    int truncated;
} bsl_path;

void bsl_path_init(bsl_path *p);
size_t bsl_path_push_key(bsl_path *p, const char *key);
size_t bsl_path_push_index(bsl_path *p, size_t index);
void bsl_path_pop(bsl_path *p, size_t previous_len);
const char *bsl_path_str(const bsl_path *p);

/* Append the path step for key (".key" or ["key"]) to b, with no length
 * limit: for paths that are data, such as unknown keys in a result. */
struct bsl_buf;
void bsl_path_write_key(struct bsl_buf *b, const char *key);

#endif
