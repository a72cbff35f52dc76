/* CSV registers (doc/usecase-format.md, "CSV registers"): a header naming
 * the columns, then one use-case per row, turned into the use-case JSON
 * document the library reads, values converted with the vocabulary's
 * types. Errors point at the cell (file line and column) and name its
 * column. */
#ifndef BSL_CSV_REGISTER_H
#define BSL_CSV_REGISTER_H

#include "framework.h"
#include "csv.h"

typedef struct bsl_csv_register bsl_csv_register;

/* Read the header record text[0..len) (its line break removed), on file
 * line `line`: columns, delimiter. BSL_OK, BSL_ERR_NOMEM, or the header's
 * error (an empty or repeated column, no id or title column) with its
 * position. */
int bsl_csv_register_new(bsl_csv_register **out, const bsl_framework *fw, const bsl_allocator *alloc,
                         const char *text, size_t len, unsigned line, bsl_error *err);
void bsl_csv_register_free(bsl_csv_register *reg);

/* The delimiter found in the header: ',' or ';'. */
char bsl_csv_register_delimiter(const bsl_csv_register *reg);

/* The use-case of row text[0..len), starting on file line `line`, as a
 * JSON document, borrowed until the next call: *doc, *doc_len. BSL_OK,
 * BSL_ERR_NOMEM, or the row's error at its cell, its column named. */
int bsl_csv_register_row(bsl_csv_register *reg, const char *text, size_t len, unsigned line,
                         const char **doc, size_t *doc_len, bsl_error *err);

/* An error the library found in the last row's document: moved to the
 * cell its JSON path names (else the row's first cell), its column named. */
void bsl_csv_register_locate(const bsl_csv_register *reg, bsl_error *e);

#endif
