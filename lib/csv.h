/* RFC 4180 CSV, the reading side: where a record ends (csv_frame) and
 * what cells it holds (csv_split). Knows nothing of use-cases. */
#ifndef BSL_CSV_H
#define BSL_CSV_H

#include "buf.h"

/* A cell of a record: its unescaped bytes at out->data + start (NUL-
 * terminated there), and the file position of its first character. */
typedef struct bsl_csv_cell {
    size_t start, len;
    unsigned line, column;
    int quoted;
} bsl_csv_cell;

/* The delimiter of a register, from its header line: ';' when it holds
 * more semicolons than commas outside quotes, else ','. */
char bsl_csv_detect_delimiter(const char *text, size_t len);

/* Number of cells of a record (delimiters outside quotes, plus one). */
size_t bsl_csv_count_cells(const char *text, size_t len, char delim);

/* Split record text[0..len) (its final line break removed), which starts
 * on file line first_line, into at most max_cells cells, unescaped into
 * out (reset first). BSL_OK and *count, or BSL_ERR_SYNTAX (a quote in an
 * unquoted cell, text after a closing quote, an unterminated quote),
 * BSL_ERR_VALUE (more cells than max_cells) or BSL_ERR_NOMEM, with the
 * file line and column in err. */
int bsl_csv_split(const char *text, size_t len, char delim, unsigned first_line, bsl_buf *out,
                  bsl_csv_cell *cells, size_t max_cells, size_t *count, bsl_error *err);

#endif
