/* A strict well-formedness check for the HTML and SVG the library writes,
 * shared by the fuzz harnesses and the unit tests: every element closed in
 * order (HTML void elements excepted), attribute values quoted, no raw '<'
 * in text or values, every '&' the start of an entity, the content of
 * <style> ending at its end tag. It is stricter than a browser on purpose:
 * our own output has no reason to rely on error recovery. */
#ifndef BSL_MARKUP_CHECK_H
#define BSL_MARKUP_CHECK_H

#include <stddef.h>
#include <string.h>

#define MC_DEPTH 64
#define MC_NAME 32

typedef struct mc_state {
    const char *s;
    size_t len, at;
    char open[MC_DEPTH][MC_NAME];
    int depth;
} mc_state;

static int mc_is_name(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == ':';
}

static int mc_is_void(const char *name)
{
    static const char *const v[] = {"meta", "br", "link", "img", "hr", "input", "col", "wbr"};
    size_t i;
    for (i = 0; i < sizeof v / sizeof *v; i++)
        if (!strcmp(name, v[i]))
            return 1;
    return 0;
}

/* An entity at st->at ('&'): "&name;" or "&#digits;"; advances past it. */
static int mc_entity(mc_state *st)
{
    size_t i = st->at + 1, start = i;
    if (i < st->len && st->s[i] == '#')
        i++;
    while (i < st->len && mc_is_name(st->s[i]) && i - start < 10)
        i++;
    if (i == start || i >= st->len || st->s[i] != ';')
        return 0;
    st->at = i + 1;
    return 1;
}

static int mc_skip_to(mc_state *st, const char *end)
{
    size_t n = strlen(end);
    while (st->at + n <= st->len) {
        if (!memcmp(st->s + st->at, end, n)) {
            st->at += n;
            return 1;
        }
        st->at++;
    }
    return 0;
}

/* A name at st->at into out; 0 when there is none or it is too long. */
static int mc_name(mc_state *st, char out[MC_NAME])
{
    size_t n = 0;
    while (st->at < st->len && mc_is_name(st->s[st->at])) {
        if (n + 1 >= MC_NAME)
            return 0;
        out[n++] = st->s[st->at++];
    }
    out[n] = '\0';
    return n > 0;
}

/* A start tag after '<': attributes, then '>' or '/>'. */
static int mc_start_tag(mc_state *st, int html)
{
    char name[MC_NAME], attr[MC_NAME];
    if (!mc_name(st, name))
        return 0;
    for (;;) {
        while (st->at < st->len && st->s[st->at] == ' ')
            st->at++;
        if (st->at >= st->len)
            return 0;
        if (st->s[st->at] == '>' || (st->s[st->at] == '/' && st->at + 1 < st->len &&
                                     st->s[st->at + 1] == '>')) {
            int closed = st->s[st->at] == '/';
            st->at += closed ? 2 : 1;
            if (!closed && !(html && mc_is_void(name))) {
                if (st->depth >= MC_DEPTH)
                    return 0;
                memcpy(st->open[st->depth++], name, MC_NAME);
            }
            if (!closed && !strcmp(name, "style")) {
                if (!mc_skip_to(st, "</style>"))
                    return 0;
                st->depth--;
            }
            return 1;
        }
        if (!mc_name(st, attr) || st->at + 1 >= st->len || st->s[st->at] != '=' ||
            st->s[st->at + 1] != '"')
            return 0;
        st->at += 2;
        while (st->at < st->len && st->s[st->at] != '"') {
            if (st->s[st->at] == '<')
                return 0;
            if (st->s[st->at] == '&') {
                if (!mc_entity(st))
                    return 0;
            } else {
                st->at++;
            }
        }
        if (st->at >= st->len)
            return 0;
        st->at++;
    }
}

/* 0 when s[0..len) is well-formed, else 1 + the offset of the problem.
 * html: HTML void elements need no end tag. */
static size_t mc_check(const char *s, size_t len, int html)
{
    mc_state st;
    memset(&st, 0, sizeof st);
    st.s = s;
    st.len = len;
    while (st.at < len) {
        size_t here = st.at;
        char c = s[st.at];
        if (c == '&') {
            if (!mc_entity(&st))
                return here + 1;
        } else if (c == '>') {
            return here + 1; /* we always write &gt; */
        } else if (c != '<') {
            st.at++;
        } else if (!strncmp(s + st.at, "<!--", 4)) {
            if (!mc_skip_to(&st, "-->"))
                return here + 1;
        } else if (!strncmp(s + st.at, "<!DOCTYPE html>", 15) || !strncmp(s + st.at, "<?xml ", 6)) {
            if (here != 0 || !mc_skip_to(&st, ">"))
                return here + 1;
        } else if (st.at + 1 < len && s[st.at + 1] == '/') {
            char name[MC_NAME];
            st.at += 2;
            if (!mc_name(&st, name) || st.at >= len || s[st.at] != '>' || st.depth == 0 ||
                strcmp(st.open[st.depth - 1], name))
                return here + 1;
            st.at++;
            st.depth--;
        } else {
            st.at++;
            if (!mc_start_tag(&st, html))
                return here + 1;
        }
    }
    return st.depth ? len + 1 : 0;
}

#endif
