/* Writing HTML and SVG (XML) safely: text that is not ours escaped as
 * character data, and coordinates with a fixed number of decimals (never
 * printf, so the locale cannot change a byte). */
#ifndef BSL_MARKUP_H
#define BSL_MARKUP_H

#include "buf.h"

/* s (NUL-terminated UTF-8) as character data or an attribute value of
 * HTML and XML alike: & < > " ' as entities; characters XML 1.0 forbids
 * (C0 controls but tab and newline, U+FFFE, U+FFFF), DEL and C1 controls,
 * U+2028/U+2029 and the bidirectional embeddings, overrides and isolates
 * (which would reorder the text around them) as U+FFFD; bytes that are
 * not UTF-8 as U+FFFD too. */
void bsl_markup_text(bsl_buf *b, const char *s);

/* v rounded to two decimals, always written with them: "-12.50". */
void bsl_markup_fixed2(bsl_buf *b, double v);

#endif
