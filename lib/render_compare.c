/* A comparison of results (doc/compare-format.md): the same use-cases
 * evaluated by several frameworks, one row per use-case and one column per
 * framework, each cell the verdict, the score and what decided it (red
 * lines, failed necessary conditions, missing facts). JSON, text and
 * Markdown; like every renderer it reads results and nothing else. */
#include "render.h"
#include "error.h"
#include "json_writer.h"

#include <string.h>

#define NBSP "\xc2\xa0"

/* The cell of use-case u and framework f. */
typedef struct grid {
    const bsl_result *const *cells;
    size_t rows, cols;
} grid;

static const bsl_result *cell(const grid *g, size_t u, size_t f) { return g->cells[u * g->cols + f]; }

/* ---- the facts that decided a cell ------------------------------------ */

enum { FACTS_RED_LINES, FACTS_FAILED, FACTS_MISSING };

/* Call put for each fact of the kind, in framework order. */
static size_t each_fact(const bsl_result *r, int kind, void (*put)(void *, const char *), void *ctx)
{
    size_t c, k, n = 0;
    if (kind == FACTS_MISSING) {
        for (k = 0; k < r->missing_count; k++, n++)
            if (put)
                put(ctx, r->missing[k]);
        return n;
    }
    for (c = 0; c < r->criterion_count; c++)
        for (k = 0; k < r->criteria[c].outcome_count; k++) {
            const struct bsl_outcome *o = &r->criteria[c].outcomes[k];
            if (kind == FACTS_RED_LINES ? o->red_line : o->fails_condition) {
                if (put)
                    put(ctx, o->ind->fact);
                n++;
            }
        }
    return n;
}

/* ---- JSON -------------------------------------------------------------- */

static void jw_fact(void *w, const char *fact) { bsl_jw_str(w, NULL, fact); }

static void json_facts(bsl_jw *w, const char *key, const bsl_result *r, int kind)
{
    bsl_jw_open(w, key, '[');
    each_fact(r, kind, jw_fact, w);
    bsl_jw_close(w, ']');
}

static void json_keys(bsl_jw *w, const char *key, const bsl_unknown_key *keys, size_t n)
{
    size_t i;
    bsl_jw_open(w, key, '[');
    for (i = 0; i < n; i++)
        bsl_jw_str(w, NULL, keys[i].key);
    bsl_jw_close(w, ']');
}

static void json_cell(bsl_jw *w, const bsl_result *r, bsl_lang lang)
{
    bsl_jw_open(w, NULL, '{');
    bsl_jw_str(w, "framework", r->fw->id);
    bsl_jw_str(w, "verdict", bsl_verdict_token(r->verdict));
    bsl_jw_str(w, "verdict_label", bsl_verdict_label(r->verdict, lang));
    bsl_jw_key(w, "score");
    if (r->assessed)
        bsl_buf_decimal1(w->b, r->score, 0, 1);
    else
        bsl_buf_puts(w->b, "null");
    json_facts(w, "red_lines", r, FACTS_RED_LINES);
    json_facts(w, "failed_conditions", r, FACTS_FAILED);
    json_facts(w, "missing", r, FACTS_MISSING);
    json_keys(w, "not_used", r->not_used, r->not_used_count);
    json_keys(w, "unknown", r->unknown, r->unknown_count);
    bsl_jw_close(w, '}');
}

static void render_json(bsl_buf *b, const grid *g, bsl_lang lang, int compact)
{
    const bsl_vocabulary *v = cell(g, 0, 0)->fw->vocab;
    bsl_jw w;
    size_t u, f;
    bsl_jw_begin(&w, b, compact);
    bsl_jw_str(&w, "format", "boussole-comparison/1");
    bsl_jw_str(&w, "lang", lang == BSL_LANG_FR ? "fr" : "en");
    bsl_jw_open(&w, "frameworks", '[');
    for (f = 0; f < g->cols; f++) {
        const bsl_framework *fw = cell(g, 0, f)->fw;
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "id", fw->id);
        bsl_jw_str(&w, "version", fw->version);
        bsl_jw_str(&w, "title", fw->title.s[lang]);
        bsl_jw_str(&w, "sha256", fw->sha256);
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "usecases", '[');
    for (u = 0; u < g->rows; u++) {
        bsl_jw_open(&w, NULL, '{');
        bsl_jw_str(&w, "id", cell(g, u, 0)->usecase_id);
        bsl_jw_str(&w, "title", cell(g, u, 0)->usecase_title);
        bsl_jw_open(&w, "results", '[');
        for (f = 0; f < g->cols; f++)
            json_cell(&w, cell(g, u, f), lang);
        bsl_jw_close(&w, ']');
        bsl_jw_close(&w, '}');
    }
    bsl_jw_close(&w, ']');
    bsl_jw_open(&w, "provenance", '{');
    bsl_render_json_provenance(&w, v);
    bsl_jw_close(&w, '}');
    bsl_jw_end(&w);
}

/* ---- text and Markdown -------------------------------------------------- */

typedef struct words {
    const char *usecase, *framework, *verdict, *score, *why, *red_lines, *failed, *missing,
        *not_used, *unknown, *nothing, *colon, *title, *vocabulary;
} words;

static const words fr = {
    "Cas d'usage", "Référentiel", "Verdict", "Score", "Décisif", "lignes rouges",
    "conditions nécessaires non remplies", "faits requis manquants", "faits non lus",
    "clés inconnues", "—", NBSP ": ", "Comparaison des référentiels", "Vocabulaire",
};
static const words en = {
    "Use-case", "Framework", "Verdict", "Score", "Deciding", "red lines",
    "failed necessary conditions", "missing required facts", "facts not read",
    "unknown keys", "—", ": ", "Framework comparison", "Vocabulary",
};

typedef struct sink {
    bsl_buf *b;
    int markdown;
    size_t written;
} sink;

/* A use-case string: terminal-safe in text, table-safe in Markdown. */
static void put_user(const sink *s, const char *str)
{
    if (s->markdown)
        bsl_buf_put_markdown(s->b, str);
    else
        bsl_buf_put_untrusted(s->b, str);
}

static void put_fact(void *ctx, const char *fact)
{
    sink *s = ctx;
    bsl_buf_puts(s->b, s->written++ ? ", " : "");
    bsl_buf_puts(s->b, s->markdown ? "`" : "");
    bsl_buf_puts(s->b, fact); /* a vocabulary token */
    bsl_buf_puts(s->b, s->markdown ? "`" : "");
}

/* "red lines: a, b; missing required facts: c", or a dash. */
static void put_why(sink *s, const words *w, const bsl_result *r)
{
    static const int kinds[] = { FACTS_RED_LINES, FACTS_FAILED, FACTS_MISSING };
    const char *names[] = { w->red_lines, w->failed, w->missing };
    size_t i, groups = 0;
    for (i = 0; i < 3; i++) {
        if (!each_fact(r, kinds[i], NULL, NULL))
            continue;
        bsl_buf_puts(s->b, groups++ ? "; " : "");
        bsl_buf_puts(s->b, names[i]);
        bsl_buf_puts(s->b, w->colon);
        s->written = 0;
        each_fact(r, kinds[i], put_fact, s);
    }
    if (!groups)
        bsl_buf_puts(s->b, w->nothing);
}

static void put_score(bsl_buf *b, const bsl_result *r, bsl_lang lang)
{
    if (r->assessed)
        bsl_buf_decimal1(b, r->score, lang == BSL_LANG_FR, 1);
    else
        bsl_buf_puts(b, "—");
}

/* Pad to width characters (UTF-8 aware) so that columns line up. */
static void pad_from(bsl_buf *b, size_t start, size_t width)
{
    size_t chars = 0, i;
    for (i = start; i < b->len; i++)
        chars += ((unsigned char)b->data[i] & 0xC0) != 0x80;
    while (chars++ < width)
        bsl_buf_putc(b, ' ');
}

static void text_usecase(sink *s, const grid *g, size_t u, const words *w, bsl_lang lang)
{
    const bsl_result *first = cell(g, u, 0);
    size_t f, mark;
    bsl_buf_puts(s->b, w->usecase);
    bsl_buf_puts(s->b, w->colon);
    put_user(s, first->usecase_title);
    bsl_buf_puts(s->b, " [");
    put_user(s, first->usecase_id);
    bsl_buf_puts(s->b, "]\n");
    for (f = 0; f < g->cols; f++) {
        const bsl_result *r = cell(g, u, f);
        bsl_buf_puts(s->b, "  ");
        mark = s->b->len;
        bsl_buf_puts(s->b, r->fw->id);
        pad_from(s->b, mark, 28);
        mark = s->b->len;
        bsl_buf_puts(s->b, bsl_verdict_label(r->verdict, lang));
        pad_from(s->b, mark, 28);
        mark = s->b->len;
        put_score(s->b, r, lang);
        pad_from(s->b, mark, 7);
        put_why(s, w, r);
        bsl_buf_putc(s->b, '\n');
    }
}

static void render_text(bsl_buf *b, const grid *g, bsl_lang lang)
{
    const words *w = lang == BSL_LANG_FR ? &fr : &en;
    sink s = { b, 0, 0 };
    size_t u;
    for (u = 0; u < g->rows; u++) {
        if (u)
            bsl_buf_putc(b, '\n');
        text_usecase(&s, g, u, w, lang);
    }
}

/* Markdown: the matrix (a row per use-case, a column per framework), then
 * what decided each cell that is not favourable. */
static void render_markdown(bsl_buf *b, const grid *g, bsl_lang lang)
{
    const words *w = lang == BSL_LANG_FR ? &fr : &en;
    sink s = { b, 1, 0 };
    size_t u, f;
    bsl_buf_puts(b, "# ");
    bsl_buf_puts(b, w->title);
    bsl_buf_puts(b, "\n\n| ");
    bsl_buf_puts(b, w->usecase);
    for (f = 0; f < g->cols; f++) {
        bsl_buf_puts(b, " | `");
        bsl_buf_puts(b, cell(g, 0, f)->fw->id);
        bsl_buf_puts(b, "`");
    }
    bsl_buf_puts(b, " |\n|---");
    for (f = 0; f < g->cols; f++)
        bsl_buf_puts(b, "|---");
    bsl_buf_puts(b, "|\n");
    for (u = 0; u < g->rows; u++) {
        bsl_buf_puts(b, "| ");
        put_user(&s, cell(g, u, 0)->usecase_title);
        for (f = 0; f < g->cols; f++) {
            const bsl_result *r = cell(g, u, f);
            bsl_buf_puts(b, " | ");
            bsl_buf_puts(b, bsl_verdict_label(r->verdict, lang));
            bsl_buf_puts(b, " (");
            put_score(b, r, lang);
            bsl_buf_puts(b, ")");
        }
        bsl_buf_puts(b, " |\n");
    }
    for (u = 0; u < g->rows; u++) {
        bsl_buf_puts(b, "\n## ");
        put_user(&s, cell(g, u, 0)->usecase_title);
        bsl_buf_puts(b, "\n\n| ");
        bsl_buf_puts(b, w->framework);
        bsl_buf_puts(b, " | ");
        bsl_buf_puts(b, w->verdict);
        bsl_buf_puts(b, " | ");
        bsl_buf_puts(b, w->score);
        bsl_buf_puts(b, " | ");
        bsl_buf_puts(b, w->why);
        bsl_buf_puts(b, " |\n|---|---|---:|---|\n");
        for (f = 0; f < g->cols; f++) {
            const bsl_result *r = cell(g, u, f);
            bsl_buf_puts(b, "| `");
            bsl_buf_puts(b, r->fw->id);
            bsl_buf_puts(b, "` | ");
            bsl_buf_puts(b, bsl_verdict_label(r->verdict, lang));
            bsl_buf_puts(b, " | ");
            put_score(b, r, lang);
            bsl_buf_puts(b, " | ");
            put_why(&s, w, r);
            bsl_buf_puts(b, " |\n");
        }
    }
}

/* ---- entry point -------------------------------------------------------- */

/* Every column holds one framework, every row one use-case. */
static int check_grid(const grid *g)
{
    size_t u, f;
    for (u = 0; u < g->rows; u++)
        for (f = 0; f < g->cols; f++) {
            const bsl_result *r = cell(g, u, f);
            if (!r || r->fw != cell(g, 0, f)->fw || strcmp(r->usecase_id, cell(g, u, 0)->usecase_id))
                return 0;
        }
    return 1;
}

int bsl_render_comparison(char **out, size_t *out_len, const bsl_result *const *results,
                          size_t usecase_count, size_t framework_count, bsl_format format,
                          bsl_lang lang, bsl_error *err)
{
    grid g = { results, usecase_count, framework_count };
    bsl_buf b;

    bsl_error_clear(err);
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (!out || !results || !usecase_count || !framework_count ||
        (unsigned)format > BSL_FORMAT_MARKDOWN || (lang != BSL_LANG_FR && lang != BSL_LANG_EN))
        return bsl_error_set(err, BSL_ERR_ARG, "bsl_render_comparison: bad argument");
    if (!check_grid(&g))
        return bsl_error_set(err, BSL_ERR_ARG,
                             "bsl_render_comparison: each row must be one use-case and each column "
                             "one framework, with no NULL result");
    bsl_handout_init(&b, &results[0]->alloc);
    if (format == BSL_FORMAT_TEXT)
        render_text(&b, &g, lang);
    else if (format == BSL_FORMAT_MARKDOWN)
        render_markdown(&b, &g, lang);
    else
        render_json(&b, &g, lang, format == BSL_FORMAT_JSON_COMPACT);
    if (bsl_handout_take(&b, out, out_len) != BSL_OK)
        return bsl_error_set(err, BSL_ERR_NOMEM, "out of memory");
    return BSL_OK;
}
