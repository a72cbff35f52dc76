/* Wrapping the lines of a text report to a width, as a pass over text
 * already written: the renderer keeps writing one logical line per item,
 * and the layout rule lives here, once. */
#include "text_wrap.h"

/* Characters (UTF-8 code points) in s[0..n): the columns they take on a
 * terminal, for the Latin text and the few symbols reports hold. */
static size_t columns(const char *s, size_t n)
{
    size_t i, chars = 0;
    for (i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars;
}

/* Where a continuation of line starts: under the text after its leading
 * spaces and its marker ("- ", "[ok] "), or four columns in. */
static size_t continuation(const char *line, size_t len)
{
    size_t lead = 0;
    while (lead < len && line[lead] == ' ')
        lead++;
    if (len - lead > 2 && line[lead] == '-' && line[lead + 1] == ' ')
        return lead + 2;
    if (len - lead > 5 && line[lead] == '[' && line[lead + 3] == ']' && line[lead + 4] == ' ')
        return lead + 5;
    return lead + 4;
}

static void spaces(bsl_buf *out, size_t n)
{
    while (n--)
        bsl_buf_putc(out, ' ');
}

/* One line (without its newline) wrapped at ASCII spaces; runs of spaces
 * inside it (column padding) are kept unless the line breaks there. */
static void wrap_line(bsl_buf *out, const char *line, size_t len, size_t width)
{
    size_t indent = continuation(line, len), col = 0, i = 0;
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
        bsl_buf_append(out, line + word, i - word);
        col += chars;
        started = 1;
    }
}

void bsl_text_wrap(bsl_buf *out, const char *text, size_t len, size_t width)
{
    size_t start = 0, i;
    for (i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n')
            continue;
        if (columns(text + start, i - start) <= width)
            bsl_buf_append(out, text + start, i - start);
        else
            wrap_line(out, text + start, i - start, width);
        if (i < len)
            bsl_buf_putc(out, '\n');
        start = i + 1;
    }
}
