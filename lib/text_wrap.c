/* Wrapping the lines of a text report to a width, and colouring them, as
 * a pass over text already written: the renderer keeps writing one logical
 * line per item, and the layout rules live here, once.
 *
 * Colour is decided on logical lines only, which always start with the
 * renderer's own words (use-case strings come after a prefix, and their
 * line breaks are escaped): a marker such as "[!!]" inside a title may land
 * at the start of a continuation line but is never painted.
 *
 * Speed (issue 14): the pass used to look at every byte several times and
 * append word by word, ten times the cost of writing the lines. It now
 * finds line ends with memchr, counts columns eight bytes at a time, jumps
 * straight to the column where a line overflows and looks back for the
 * space to break at, so that what stays on one output line is copied in
 * one piece. The layout is the greedy one it always was: a word goes on
 * the current line when it ends within the width. */
#include "text_wrap.h"

#include <stdint.h>
#include <string.h>

#define SGR_RESET "\x1b[0m"
#define SGR_BOLD "\x1b[1m"

static int continuation_byte(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

/* UTF-8 continuation bytes (10xxxxxx) in the 8 bytes of w: a byte's bit 7
 * set and its bit 6 (moved to bit 7 by the shift) clear; the flags, one per
 * byte at bit 0 after the shift, are summed by the multiplication. */
static size_t continuation_bytes(uint64_t w)
{
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    uint64_t flags = (w & ~(w << 1) & high) >> 7;
    return (size_t)((flags * ones) >> 56);
}

/* Characters (UTF-8 code points) in s[0..n): the columns they take on a
 * terminal, for the Latin text and the few symbols reports hold. */
static size_t columns(const char *s, size_t n)
{
    size_t i = 0, cont = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        cont += continuation_bytes(w);
    }
    for (; i < n; i++)
        cont += continuation_byte(s[i]);
    return n - cont;
}

/* The bytes of the first room characters of s[0..n) (all of it when it has
 * fewer): where the character that would take column room + 1 starts. A
 * byte is at most one column, so the next room bytes fit whole: they are
 * counted eight at a time (ASCII words at a glance), room shrinks by their
 * columns, and what the multibyte characters left over goes the same way;
 * the last few characters at once when they are ASCII, else one by one. */
static size_t fit(const char *s, size_t n, size_t room)
{
    const uint64_t high = 0x8080808080808080u;
    size_t k = 0;
    while (room >= 8 && n - k >= 8) {
        size_t step = (room < n - k ? room : n - k) & ~(size_t)7, cont = 0, i;
        for (i = k; i < k + step; i += 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & high)
                cont += continuation_bytes(w);
        }
        room -= step - cont;
        k += step;
    }
    if (n - k >= 8) {
        uint64_t w;
        memcpy(&w, s + k, 8);
        if (!(w & high))
            return k + room; /* fewer than 8 columns left, in ASCII */
    }
    for (; k < n; k++) {
        if (continuation_byte(s[k]))
            continue; /* the rest of a character that fits */
        if (!room)
            break;
        room--;
    }
    return k;
}

static size_t leading_spaces(const char *line, size_t len)
{
    size_t lead = 0;
    while (lead < len && line[lead] == ' ')
        lead++;
    return lead;
}

/* The column of the text after a numbered item's marker ("  12. "), or 0;
 * lead: the line's leading spaces. */
static size_t numbered(const char *line, size_t len, size_t lead)
{
    size_t d;
    for (d = lead; d < len && d - lead < 3 && line[d] >= '0' && line[d] <= '9'; d++)
        ;
    return d > lead && len - d > 2 && line[d] == '.' && line[d + 1] == ' ' ? d + 2 : 0;
}

/* Where a continuation of line starts: under the text after its leading
 * spaces and its marker ("- ", "[ok] ", "1. "), or four columns in. A line
 * indented to the text of the numbered item above it (hang, 0 for none:
 * the remediation of a what-if change) continues at its own indent. lead:
 * the line's leading spaces, n its numbered() column. */
static size_t continuation(const char *line, size_t len, size_t lead, size_t n, size_t hang)
{
    if (len - lead > 2 && line[lead] == '-' && line[lead + 1] == ' ')
        return lead + 2;
    if (len - lead > 5 && line[lead] == '[' && line[lead + 3] == ']' && line[lead + 4] == ' ')
        return lead + 5;
    if (n)
        return n;
    if (hang && lead == hang)
        return lead;
    return lead + 4;
}

/* The colour of the marker starting at p (4 bytes), or NULL. */
static const char *marker_colour(const char *p, size_t room)
{
    static const char *const marks[][2] = {
        {"[ok]", "\x1b[32m"}, {"[..]", "\x1b[33m"}, {"[??]", "\x1b[36m"},
        {"[!!]", "\x1b[1;31m"}, {"[--]", "\x1b[2m"},
    };
    size_t i;
    if (room < 5 || p[4] != ' ')
        return NULL;
    for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (!memcmp(p, marks[i][0], 4))
            return marks[i][1];
    return NULL;
}

/* The first line (the verdict) and the section headings ("Criteria:"), at
 * column 0 and ending with a colon; the use-case's line ends with "[id]". */
static int is_heading(const char *line, size_t len, int first)
{
    return len > 0 && line[0] != ' ' && (first || line[len - 1] == ':');
}

/* A line break and the indent of the continuation, in one append. */
static void newline_indent(bsl_buf *out, size_t indent)
{
    static const char blanks[] = "\n                                ";
    size_t k = indent + 1 < sizeof blanks - 1 ? indent + 1 : sizeof blanks - 1;
    bsl_buf_append(out, blanks, k);
    for (indent -= k - 1; indent; indent -= k) {
        k = indent < sizeof blanks - 2 ? indent : sizeof blanks - 2;
        bsl_buf_append(out, blanks + 1, k);
    }
}

/* The end of the word that starts at or after i (past its spaces); *cols
 * grows by the columns of the spaces and the word. */
static size_t word_end(const char *line, size_t end, size_t i, size_t *cols)
{
    size_t from = i, cont = 0;
    while (i < end && line[i] == ' ')
        i++;
    for (; i < end && line[i] != ' '; i++)
        cont += continuation_byte(line[i]);
    *cols += i - from - cont;
    return i;
}

/* The end of the last word before the word that holds byte o, or before
 * the word that follows o when o is a space: where a line that overflows at
 * o breaks. at (the line's start, a word's end or the first word of a
 * continuation line) is before o, so the answer is at least at. */
static size_t break_before(const char *line, size_t at, size_t o)
{
    if (line[o] != ' ')
        while (o > at && line[o - 1] != ' ')
            o--;
    while (o > at && line[o - 1] == ' ')
        o--;
    return o;
}

/* The leading spaces and the 4-byte marker of a line ("      [ok]"), the
 * marker painted; returns the bytes of the line written. */
static size_t painted_marker(bsl_buf *out, const char *line, size_t lead, const char *mark)
{
    bsl_buf_append(out, line, lead);
    bsl_buf_puts(out, mark);
    bsl_buf_append(out, line + lead, 4);
    bsl_buf_puts(out, SGR_RESET);
    return lead + 4;
}

/* One line (without its newline) that overflows width at byte o, wrapped at
 * ASCII spaces; runs of spaces inside it (column padding) are kept unless
 * the line breaks there, and trailing spaces are dropped. A word goes on
 * the current line when it ends within width, or when the line holds
 * nothing past its indent yet (the marker of an item, a word longer than
 * the width). mark: the colour of the line's marker, or NULL.
 *
 * line[from..at) is written but not yet copied out; at is the start of the
 * line, the end of a word or the start of a continuation line, at column
 * col; o is where the character after at that would take column width + 1
 * starts (at itself when col is past width). */
static void wrap_line(bsl_buf *out, const char *line, size_t len, size_t o, size_t width,
                      const char *mark, size_t lead, size_t indent)
{
    size_t end = len, from = 0, at = 0, col = 0;
    int broken = 0;
    while (end > 0 && line[end - 1] == ' ')
        end--;
    if (mark)
        from = painted_marker(out, line, lead, mark);
    while (o < end) {
        size_t pe = break_before(line, at, o), col_o = col < width ? width : col;
        /* Break when the line holds something past its indent: on a
         * continuation line, any word; on the first, count back from o. */
        if (broken ? pe > from : col_o - columns(line + pe, o - pe) > indent) {
            bsl_buf_append(out, line + from, pe - from);
            newline_indent(out, indent);
            from = at = pe + leading_spaces(line + pe, end - pe);
            col = indent;
            broken = 1;
        } else {
            /* the word that overflows stays: a marker, a long word */
            at = word_end(line, end, o, &col_o);
            col = col_o;
        }
        o = at + fit(line + at, end - at, col < width ? width - col : 0);
    }
    bsl_buf_append(out, line + from, end - from);
}

/* One logical line that fits, painted when colour is on (mark: the colour
 * of its marker after lead spaces, or NULL). */
static void short_line(bsl_buf *out, const char *line, size_t len, int color, int first,
                       const char *mark, size_t lead)
{
    if (!color) {
        bsl_buf_append(out, line, len);
        return;
    }
    if (is_heading(line, len, first)) {
        bsl_buf_puts(out, SGR_BOLD);
        bsl_buf_append(out, line, len);
        bsl_buf_puts(out, SGR_RESET);
        return;
    }
    if (!mark) {
        bsl_buf_append(out, line, len);
        return;
    }
    lead = painted_marker(out, line, lead, mark);
    bsl_buf_append(out, line + lead, len - lead);
}

/* The hang after line for the next one: a numbered item's text column, kept
 * by the lines indented to it (an item's own lines); any other line ends it.
 * lead: the line's leading spaces, num its numbered() column. */
static size_t next_hang(size_t lead, size_t num, size_t hang)
{
    return num ? num : lead == hang ? hang : 0;
}

/* One logical line line[0..n), without its newline; st moves past it. */
static void one_line(bsl_buf *out, const char *line, size_t n, size_t width, int color,
                     bsl_wrap_state *st)
{
    size_t lead = leading_spaces(line, n), num = numbered(line, n, lead);
    /* a line of n bytes has at most n columns: most fit uncounted */
    size_t o = n <= width ? n : fit(line, n, width);
    const char *mark = color && lead ? marker_colour(line + lead, n - lead) : NULL;
    if (o == n)
        short_line(out, line, n, color, !st->started, mark, lead);
    else
        wrap_line(out, line, n, o, width, mark, lead, continuation(line, n, lead, num, st->hang));
    st->hang = next_hang(lead, num, st->hang);
    st->started = 1;
}

void bsl_text_wrap_lines(bsl_buf *out, const char *text, size_t len, size_t width, int color,
                         bsl_wrap_state *st)
{
    size_t start = 0;
    while (start < len) {
        const char *line = text + start;
        const char *nl = memchr(line, '\n', len - start);
        size_t n = nl ? (size_t)(nl - line) : len - start;
        one_line(out, line, n, width, color, st);
        if (!nl)
            break;
        bsl_buf_putc(out, '\n');
        start += n + 1;
    }
}

void bsl_text_wrap_passed(bsl_wrap_state *st, const char *wrapped, size_t len)
{
    /* the start of its first line, which is the logical line's */
    const char *nl = memchr(wrapped, '\n', len);
    size_t n = nl ? (size_t)(nl - wrapped) : len;
    size_t lead = leading_spaces(wrapped, n);
    st->hang = next_hang(lead, numbered(wrapped, n, lead), st->hang);
    st->started = 1;
}

void bsl_text_wrap(bsl_buf *out, const char *text, size_t len, size_t width, int color)
{
    bsl_wrap_state st = {0, 0};
    /* A wrapped report is a few percent longer than its lines: one
     * allocation instead of a series of doublings (not under a size limit,
     * which the estimate could pass when the text would not). */
    if (!out->max && !bsl_buf_reserve(out, len + len / 8))
        return;
    bsl_text_wrap_lines(out, text, len, width, color, &st);
    /* a text ending with a newline ends with an empty line, written as
     * nothing (the lines above each got their newline) */
}
