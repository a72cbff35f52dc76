/* Error messages in the language asked (issue 15). The library writes
 * bsl_error.message in English from the formats of messages.c; here a
 * message is matched back against those formats, its arguments recovered,
 * and the French wording filled with them. Arguments are copied as the
 * message holds them, so values stay escaped (error.c) and cut as they
 * were. */
#include "boussole.h"
#include "messages.h"

#include <string.h>

enum { MAX_ARGS = 8 };

typedef struct span { const char *s; size_t n; } span;

/* Length of the printf conversion at f (which starts with '%'): flags,
 * width, precision and length modifiers, then the conversion letter. */
static size_t conversion_len(const char *f)
{
    size_t k = 1;
    while (f[k] && strchr("-+ #0123456789.hlzjt", f[k]))
        k++;
    return f[k] ? k + 1 : k;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

/* Does msg match fmt to its end? Fills args[*argc...] on success. A %s
 * takes any text (shortest first), a number conversion a run of digits,
 * %c one byte. Backtracking is bounded: messages hold at most
 * BSL_ERROR_MESSAGE_SIZE bytes and formats a few conversions. */
static int match(const char *fmt, const char *msg, span *args, size_t argc)
{
    while (*fmt) {
        size_t clen, n, max;
        char conv;
        if (fmt[0] == '%' && fmt[1] == '%') {
            if (*msg != '%')
                return 0;
            fmt += 2, msg++;
            continue;
        }
        if (fmt[0] != '%') {
            if (*msg != *fmt)
                return 0;
            fmt++, msg++;
            continue;
        }
        if (argc == MAX_ARGS)
            return 0;
        clen = conversion_len(fmt);
        conv = fmt[clen - 1];
        if (conv == 'c') {
            max = *msg ? 1 : 0;
            n = max;
        } else if (conv == 's') {
            max = strlen(msg);
            n = 0;
        } else {
            for (max = 0; is_hex(msg[max]); max++)
                ;
            n = max ? 1 : 0;
        }
        for (; n <= max && (n || conv == 's'); n++) {
            args[argc].s = msg;
            args[argc].n = n;
            if (match(fmt + clen, msg + n, args, argc + 1))
                return 1;
        }
        return 0;
    }
    return *msg == '\0';
}

static size_t count_args(const char *fmt)
{
    size_t n = 0;
    while (*fmt) {
        if (fmt[0] == '%' && fmt[1] == '%') {
            fmt += 2;
        } else if (fmt[0] == '%') {
            fmt += conversion_len(fmt);
            n++;
        } else {
            fmt++;
        }
    }
    return n;
}

/* err->message as a C string even if a caller filled it without its
 * terminator: at most BSL_ERROR_MESSAGE_SIZE - 1 bytes, copied. */
static void message_of(const bsl_error *err, char *text)
{
    const char *end = memchr(err->message, '\0', sizeof err->message);
    size_t n = end ? (size_t)(end - err->message) : sizeof err->message - 1;
    memcpy(text, err->message, n);
    text[n] = '\0';
}

static const bsl_message *recognise(const bsl_message *table, size_t count, const char *message,
                                    span *args)
{
    size_t i;
    for (i = 0; i < count; i++)
        if (match(table[i].en, message, args, 0))
            return &table[i];
    return NULL;
}

const bsl_message *bsl_message_recognise(const bsl_message *table, size_t count, const char *text)
{
    span args[MAX_ARGS];
    return recognise(table, count, text, args);
}

/* The French of an argument that is a catalogued word or phrase; else the
 * argument itself. */
static span phrase_fr(span a)
{
    size_t i;
    for (i = 0; i < bsl_phrase_count; i++)
        if (strlen(bsl_phrases[i].en) == a.n && memcmp(bsl_phrases[i].en, a.s, a.n) == 0) {
            span fr = { bsl_phrases[i].fr, strlen(bsl_phrases[i].fr) };
            return fr;
        }
    return a;
}

/* Appends to buf[size] without splitting a UTF-8 character (every put()
 * gets whole characters); counts every byte of the whole message in len,
 * as snprintf does. */
typedef struct out { char *buf; size_t size, written, len; int full; } out;

static void put(out *o, const char *s, size_t n)
{
    if (!o->full && o->buf && o->size) {
        size_t room = o->size - 1 - o->written;
        size_t k = n <= room ? n : room;
        if (k < n) {
            while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
                k--; /* s[k] continues a character begun before the cut */
            o->full = 1;
        }
        memcpy(o->buf + o->written, s, k);
        o->written += k;
        o->buf[o->written] = '\0';
    }
    o->len += n;
}

static void fill(out *o, const bsl_message *m, const span *args, size_t argc)
{
    const char *f = m->fr;
    while (*f) {
        size_t run;
        if (f[0] == '{' && f[1] >= '1' && f[1] <= '9' && f[2] == '}' && (size_t)(f[1] - '1') < argc) {
            size_t k = (size_t)(f[1] - '1');
            span a = (m->phrases >> k) & 1u ? phrase_fr(args[k]) : args[k];
            put(o, a.s, a.n);
            f += 3;
            continue;
        }
        run = 1 + strcspn(f + 1, "{"); /* up to the next placeholder: whole characters */
        put(o, f, run);
        f += run;
    }
}

size_t bsl_message_translate(const bsl_message *table, size_t count, const char *text, int lang,
                             char *buf, size_t size)
{
    span args[MAX_ARGS];
    const bsl_message *m = lang == BSL_LANG_FR ? recognise(table, count, text, args) : NULL;
    out o = { buf, size, 0, 0, 0 };
    if (buf && size)
        buf[0] = '\0';
    if (m)
        fill(&o, m, args, count_args(m->en));
    else
        put(&o, text, strlen(text));
    return o.len;
}

size_t bsl_error_message(const bsl_error *err, bsl_lang lang, char *buf, size_t size)
{
    char text[BSL_ERROR_MESSAGE_SIZE];
    if (buf && size)
        buf[0] = '\0';
    if (!err)
        return 0;
    message_of(err, text);
    return bsl_message_translate(bsl_messages, bsl_message_count, text, lang, buf, size);
}

const char *bsl_error_message_id(const bsl_error *err)
{
    char text[BSL_ERROR_MESSAGE_SIZE];
    const bsl_message *m;
    if (!err)
        return NULL;
    message_of(err, text);
    m = bsl_message_recognise(bsl_messages, bsl_message_count, text);
    return m ? m->id : NULL;
}
