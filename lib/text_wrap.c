/* Wrapping the lines of a text report to a width, and colouring them, as
 * a pass over text already written: the renderer keeps writing one logical
 * line per item, and the layout rules live here, once.
 *
 * Colour is decided on logical lines only, which always start with the
 * renderer's own words (use-case strings come after a prefix, and their
 * line breaks are escaped): a marker such as "[!!]" inside a title may land
 * at the start of a continuation line but is never painted. */
#include "text_wrap.h"

#include <string.h>

#define SGR_RESET "\x1b[0m"
#define SGR_BOLD "\x1b[1m"

/* Characters (UTF-8 code points) in s[0..n): the columns they take on a
 * terminal, for the Latin text and the few symbols reports hold. */
static size_t columns(const char *s, size_t n)
{
    size_t i, chars = 0;
    for (i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars;
}

/* The column of the text after a numbered item's marker ("  12. "), or 0. */
static size_t numbered(const char *line, size_t len)
{
    size_t lead = 0, d;
    while (lead < len && line[lead] == ' ')
        lead++;
    for (d = lead; d < len && d - lead < 3 && line[d] >= '0' && line[d] <= '9'; d++)
        ;
    return d > lead && len - d > 2 && line[d] == '.' && line[d + 1] == ' ' ? d + 2 : 0;
}

/* Where a continuation of line starts: under the text after its leading
 * spaces and its marker ("- ", "[ok] ", "1. "), or four columns in. A line
 * indented to the text of the numbered item above it (hang, 0 for none:
 * the remediation of a what-if change) continues at its own indent. */
static size_t continuation(const char *line, size_t len, size_t hang)
{
    size_t lead = 0, n = numbered(line, len);
    while (lead < len && line[lead] == ' ')
        lead++;
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

static void spaces(bsl_buf *out, size_t n)
{
    while (n--)
        bsl_buf_putc(out, ' ');
}

/* One line (without its newline) wrapped at ASCII spaces; runs of spaces
 * inside it (column padding) are kept unless the line breaks there. */
static void wrap_line(bsl_buf *out, const char *line, size_t len, size_t width, const char *mark,
                      size_t hang)
{
    size_t indent = continuation(line, len, hang), col = 0, i = 0;
    int started = 0;
    while (i < len) {
        size_t gap = i, word, chars;
        while (i < len && line[i] == ' ')
            i++;
        gap = i - gap;
        for (word = i; i < len && line[i] != ' '; i++)
            ;
        if (i == word)
            break; /* trailing spaces */
        chars = columns(line + word, i - word);
        if (started && col > indent && col + gap + chars > width) {
            bsl_buf_putc(out, '\n');
            spaces(out, indent);
            col = indent;
        } else {
            spaces(out, gap);
            col += gap;
        }
        if (mark && !started)
            bsl_buf_puts(out, mark);
        bsl_buf_append(out, line + word, i - word);
        if (mark && !started)
            bsl_buf_puts(out, SGR_RESET);
        col += chars;
        started = 1;
    }
}

/* One logical line that fits, painted when colour is on. */
static void short_line(bsl_buf *out, const char *line, size_t len, int color, int first)
{
    size_t lead = 0;
    const char *mark;
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
    while (lead < len && line[lead] == ' ')
        lead++;
    mark = lead ? marker_colour(line + lead, len - lead) : NULL;
    if (!mark) {
        bsl_buf_append(out, line, len);
        return;
    }
    bsl_buf_append(out, line, lead);
    bsl_buf_puts(out, mark);
    bsl_buf_append(out, line + lead, 4);
    bsl_buf_puts(out, SGR_RESET);
    bsl_buf_append(out, line + lead + 4, len - lead - 4);
}

void bsl_text_wrap(bsl_buf *out, const char *text, size_t len, size_t width, int color)
{
    size_t start = 0, i, hang = 0;
    for (i = 0; i <= len; i++) {
        const char *line = text + start, *mark = NULL;
        size_t n = i - start, lead = 0;
        if (i < len && text[i] != '\n')
            continue;
        if (columns(line, n) <= width) {
            short_line(out, line, n, color, start == 0);
        } else {
            while (color && lead < n && line[lead] == ' ')
                lead++;
            if (lead)
                mark = marker_colour(line + lead, n - lead);
            wrap_line(out, line, n, width, mark, hang);
        }
        {
            size_t num = numbered(line, n), own = 0;
            while (own < n && line[own] == ' ')
                own++;
            /* an item's own lines keep its hang; any other line ends it */
            hang = num ? num : own == hang ? hang : 0;
        }
        if (i < len)
            bsl_buf_putc(out, '\n');
        start = i + 1;
    }
}
