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

/* Where the wrapping of a text written in several calls stands: the hang
 * the line before leaves (see continuation() in text_wrap.c) and whether
 * the first line, bold in colour, is still ahead. */
typedef struct bsl_wrap_state {
    size_t hang;
    int started;
} bsl_wrap_state;

/* The lines text[0..len) of a longer text, each with its newline (a last
 * one without it is written without), appended as bsl_text_wrap() writes
 * them within the whole text: the output of successive calls is that of
 * one call on all of it. st starts zeroed and is carried from call to call. */
void bsl_text_wrap_lines(bsl_buf *out, const char *text, size_t len, size_t width, int color,
                         bsl_wrap_state *st);

/* Move st past one line the caller appended already wrapped (what
 * bsl_text_wrap() wrote for that line alone, colour off; text_prepare.c). */
void bsl_text_wrap_passed(bsl_wrap_state *st, const char *wrapped, size_t len);

#endif
