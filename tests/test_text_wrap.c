/* lib/text_wrap.c: the wrap that jumps to where a line overflows and copies
 * whole runs gives the same bytes as the plain greedy wrap, word by word,
 * spelled out again here: on the layouts of the reports (markers, items,
 * numbered changes and their remediations, padding, accents, long hashes,
 * trailing spaces), at every width, with and without colour. */
#include "check.h"

#include "alloc.h"
#include "buf.h"
#include "text_wrap.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ---- the reference: one word at a time, one character at a time ---- */

static size_t ref_columns(const char *s, size_t n)
{
    size_t i, chars = 0;
    for (i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    return chars;
}

static size_t ref_lead(const char *line, size_t len)
{
    size_t lead = 0;
    while (lead < len && line[lead] == ' ')
        lead++;
    return lead;
}

static size_t ref_numbered(const char *line, size_t len)
{
    size_t lead = ref_lead(line, len), d = lead;
    while (d < len && d - lead < 3 && line[d] >= '0' && line[d] <= '9')
        d++;
    return d > lead && len - d > 2 && line[d] == '.' && line[d + 1] == ' ' ? d + 2 : 0;
}

static size_t ref_indent(const char *line, size_t len, size_t hang)
{
    size_t lead = ref_lead(line, len), n = ref_numbered(line, len);
    if (len - lead > 2 && line[lead] == '-' && line[lead + 1] == ' ')
        return lead + 2;
    if (len - lead > 5 && line[lead] == '[' && line[lead + 3] == ']' && line[lead + 4] == ' ')
        return lead + 5;
    if (n)
        return n;
    return hang && lead == hang ? lead : lead + 4;
}

static const char *ref_marker(const char *p, size_t room)
{
    static const char *const marks[][2] = {
        {"[ok]", "\x1b[32m"}, {"[..]", "\x1b[33m"}, {"[??]", "\x1b[36m"},
        {"[!!]", "\x1b[1;31m"}, {"[--]", "\x1b[2m"},
    };
    size_t i;
    for (i = 0; room >= 5 && p[4] == ' ' && i < 5; i++)
        if (!memcmp(p, marks[i][0], 4))
            return marks[i][1];
    return NULL;
}

static void ref_line(bsl_buf *out, const char *line, size_t len, size_t width, int color,
                     int first, size_t hang)
{
    size_t lead = ref_lead(line, len), indent = ref_indent(line, len, hang), col = 0, i = 0;
    const char *mark = color && lead ? ref_marker(line + lead, len - lead) : NULL;
    int started = 0;
    if (ref_columns(line, len) <= width) {
        if (color && len && line[0] != ' ' && (first || line[len - 1] == ':')) {
            bsl_buf_puts(out, "\x1b[1m");
            bsl_buf_append(out, line, len);
            bsl_buf_puts(out, "\x1b[0m");
        } else if (mark) {
            bsl_buf_append(out, line, lead);
            bsl_buf_puts(out, mark);
            bsl_buf_append(out, line + lead, 4);
            bsl_buf_puts(out, "\x1b[0m");
            bsl_buf_append(out, line + lead + 4, len - lead - 4);
        } else {
            bsl_buf_append(out, line, len);
        }
        return;
    }
    while (i < len) {
        size_t gap = i, word, chars, k;
        while (i < len && line[i] == ' ')
            i++;
        gap = i - gap;
        for (word = i; i < len && line[i] != ' '; i++)
            ;
        if (i == word)
            break;
        chars = ref_columns(line + word, i - word);
        if (started && col > indent && col + gap + chars > width) {
            bsl_buf_putc(out, '\n');
            gap = indent;
            col = 0;
        }
        for (k = 0; k < gap; k++)
            bsl_buf_putc(out, ' ');
        col += gap;
        if (mark && !started)
            bsl_buf_puts(out, mark);
        bsl_buf_append(out, line + word, i - word);
        if (mark && !started)
            bsl_buf_puts(out, "\x1b[0m");
        col += chars;
        started = 1;
    }
}

static void ref_wrap(bsl_buf *out, const char *text, size_t len, size_t width, int color)
{
    size_t start = 0, i, hang = 0;
    for (i = 0; i <= len; i++) {
        size_t n = i - start, num;
        if (i < len && text[i] != '\n')
            continue;
        ref_line(out, text + start, n, width, color, start == 0, hang);
        num = ref_numbered(text + start, n);
        hang = num ? num : ref_lead(text + start, n) == hang ? hang : 0;
        if (i < len)
            bsl_buf_putc(out, '\n');
        start = i + 1;
    }
}

/* ---- the comparison ---- */

static int same(const char *text, size_t len, size_t width, int color)
{
    bsl_buf want, got;
    int ok;
    bsl_buf_init(&want, bsl_libc_allocator());
    bsl_buf_init(&got, bsl_libc_allocator());
    ref_wrap(&want, text, len, width, color);
    bsl_text_wrap(&got, text, len, width, color);
    ok = !want.failed && !got.failed && want.len == got.len &&
         (!want.len || !memcmp(want.data, got.data, want.len));
    if (!ok)
        printf("# width %zu, colour %d:\n# in:   %.*s\n# want: %.*s\n# got:  %.*s\n", width, color,
               (int)len, text, (int)want.len, want.data ? want.data : "", (int)got.len,
               got.data ? got.data : "");
    bsl_buf_release(&want);
    bsl_buf_release(&got);
    return ok;
}

/* Pieces of report lines, and some that only hostile or odd text has. */
static const char *const pieces[] = {
    " ", " ", " ", "  ", "   ", "\n", "\n", "a", "de", "la", "mot", "critère", "données",
    "évaluées", "justification.", "«\xc2\xa0", "\xc2\xa0»", "\xc2\xa0:", "\xe2\x80\x94", "😀",
    "[ok]", "[!!]", "[..]", "[??]", "[--]", "[  ]", "[x]", "- ", "1. ", "12. ", "123. ", "1.",
    "      ", "    ", "  ", "Verdict", "Critères\xc2\xa0:", "C1", "80,0", "fact_key", "=",
    "\"pseudonymised\"", "(60/100):",
    ("sha256:31753f0171ad532e3101b57982293dc92b11287d72ae28010f4d493c9c31a457,"),
    "un_mot_bien_plus_long_que_la_largeur_de_la_ligne_entière_sans_espace",
};

static uint64_t rng = 0x9E3779B97F4A7C15u;
static unsigned next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 16);
}

/* A text of logical lines built from pieces; few newlines make long lines. */
static size_t generate(char *text, size_t cap, int long_lines)
{
    size_t len = 0, count = next() % 300, k;
    for (k = 0; k < count; k++) {
        const char *p = pieces[next() % (sizeof pieces / sizeof pieces[0])];
        size_t n = strlen(p);
        if (long_lines && *p == '\n' && next() % 8)
            p = " ", n = 1;
        if (len + n >= cap)
            break;
        memcpy(text + len, p, n);
        len += n;
    }
    return len;
}

static void test_generated(void)
{
    char text[4096];
    int round, bad = 0, wrapped = 0;
    for (round = 0; round < 20000; round++) {
        size_t len = generate(text, sizeof text, round & 1);
        size_t width = round % 7 ? 40 + next() % 100 : 1 + next() % 40;
        int color = (round >> 1) & 1;
        bad += !same(text, len, width, color);
        wrapped += ref_columns(text, len) > width; /* at least one line to break */
        if (bad > 3)
            break;
    }
    CHECK_INT(bad, 0, "20000 generated texts: the same bytes as the word-by-word wrap");
    CHECK(wrapped > 15000, "most of them wrap");
}

static void test_cases(void)
{
    static const char *const texts[] = {
        "",
        "\n",
        "a line that fits",
        "      [ok] legal_basis = \"validated\" (100/100): The legal basis is documented and "
        "validated by the data protection officer.",
        "  - C5, energy: at least the reservations threshold (40) but below the met threshold (70).",
        "  1. energy_kwh_per_year: 1500 to 800, criterion C5, +20 points, Reduce the energy.\n"
        "     Remediation: measure the consumption and choose a smaller model for the same task.",
        "Provenance: nantes-2024 1.1.0 sha256:31753f0171ad532e3101b57982293dc92b11287d72ae28010f4"
        "d493c9c31a457, vocabulary boussole 1.0.0",
        "  C1   80,0   rempli            Aucune identification biométrique et aucune collecte de "
        "données sensibles",
        "trailing spaces after the last word of a line much longer than the width of forty     ",
        "      [!!] x = y: [!!] a red-line marker inside the text never painted, even when "
        "it wraps to the start of a line",
        "exactly forty columns wide, no more: 40!",
        "exactly forty-one columns wide, one more: 41",
        "éééééééééé éééééééééé éééééééééé éééééééééé éééééééééé",
    };
    static const size_t widths[] = {40, 41, 50, 80, 120};
    size_t i, w;
    int bad = 0;
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
        for (w = 0; w < sizeof widths / sizeof widths[0]; w++)
            bad += !same(texts[i], strlen(texts[i]), widths[w], 0) +
                   !same(texts[i], strlen(texts[i]), widths[w], 1);
    CHECK_INT(bad, 0, "report lines at widths 40 to 120, with and without colour");
}

/* text wrapped at 40 columns, as a string (the buffer's bytes and length,
 * not its terminator, are what the wrap promises). */
static const char *wrap40(bsl_buf *b, const char *text)
{
    static char copy[256];
    b->len = 0;
    bsl_text_wrap(b, text, strlen(text), 40, 0);
    if (b->failed || b->len >= sizeof copy)
        return NULL;
    memcpy(copy, b->data, b->len);
    copy[b->len] = '\0';
    return copy;
}

/* The layout rules themselves, on the fast path alone. */
static void test_layout(void)
{
    bsl_buf b;
    bsl_buf_init(&b, bsl_libc_allocator());
    CHECK_STR(wrap40(&b, "  - one two three four five six seven eight nine ten eleven"),
              "  - one two three four five six seven\n    eight nine ten eleven",
              "an item continues under its text");
    CHECK_STR(wrap40(&b, "Provenance: sha256:0123456789abcdef0123456789abcdef0123456789abcdef tail"),
              "Provenance:\n    sha256:0123456789abcdef0123456789abcdef0123456789abcdef\n    tail",
              "a word longer than the width stands alone");
    CHECK_STR(wrap40(&b, "caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9 "
                         "caf\xc3\xa9 caf\xc3\xa9 end"),
              "caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9 "
              "caf\xc3\xa9 caf\xc3\xa9\n    end",
              "columns are characters, not bytes: 39 characters stay on the line");
    bsl_buf_release(&b);
}

int main(void)
{
    test_cases();
    test_layout();
    test_generated();
    return check_done();
}
