/* Wrapping report text to a terminal's width, and colouring it. */
#ifndef BSL_TEXT_WRAP_H
#define BSL_TEXT_WRAP_H

#include "buf.h"

/* Append text[0..len) to out with every line longer than width columns
 * broken at spaces; a continuation is indented under the line's text (after
 * its "- " or "[ok] " marker). A word longer than the room left (a hash, a
 * long key) stays whole, on a line of its own. color: ANSI colour for the
 * markers at the start of logical lines ("[ok]"...), bold for the first line
 * and the section headings. */
void bsl_text_wrap(bsl_buf *out, const char *text, size_t len, size_t width, int color);

#endif
