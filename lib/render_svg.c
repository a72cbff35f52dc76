/* The boussole as a picture (SVG 1.1, plain XML): a radar with one axis per
 * criterion, the score 0 at the centre and 100 at the end of each axis; the
 * framework's "met" and "reservations" thresholds of each criterion joined
 * as two rings; the use-case's polygon through the criterion scores (a
 * criterion without a score sits at the centre). Red-line criteria and
 * those without a score (not assessed, or incomplete with nothing weighted
 * answered) are told apart by a shape (a cross; a hollow circle on a dashed
 * axis) and by the words of their label, never by colour alone. With fewer
 * than three criteria a radar has no area: each criterion becomes a
 * horizontal bar with the same marks instead.
 *
 * Every number goes through bsl_markup_fixed2() and every string through
 * bsl_markup_text(), so the bytes depend on the result alone. */
#include "render.h"
#include "markup.h"

#include <math.h>
#include <string.h>

#define WIDTH 800
#define HEIGHT 620
#define CX 400.0
#define CY 280.0
#define RADIUS 170.0
#define LABEL_GAP 16.0
#define SHORT_TITLE_CHARS 26

#define INK "#1a1a1a"
#define AXIS_INK "#595959"
#define GRID_INK "#d0d0d0"
#define MET_INK "#1b6e3a"
#define RESERVATIONS_INK "#8a5a00"
#define USECASE_INK "#1f4e79"
#define RED_LINE_INK "#a4161a"

#define PI 3.14159265358979323846

typedef struct svg_words {
    const char *picture, *radar, *bars, *criterion_sentence_sep, *thresholds, *and_word,
        *usecase, *met_ring, *reservations_ring, *red_line, *no_score,
        *open_q, *close_q, *colon;
} svg_words;

static const svg_words fr = {
    "Boussole", "Radar à un axe par critère, du score 0 au centre à 100 au bord.",
    "Une barre par critère, du score 0 à gauche à 100 à droite.", " ; ",
    "seuils", "et", "Cas d'usage", "Seuil «\xc2\xa0" "atteint\xc2\xa0»",
    "Seuil «\xc2\xa0réserves\xc2\xa0»", "ligne rouge", "sans score (non évalué, à compléter)", "«\xc2\xa0", "\xc2\xa0»", "\xc2\xa0: ",
};
static const svg_words en = {
    "Boussole", "Radar with one axis per criterion, score 0 at the centre and 100 at the edge.",
    "One bar per criterion, score 0 on the left and 100 on the right.", "; ",
    "thresholds", "and", "Use-case", "\"Met\" threshold",
    "\"Reservations\" threshold", "red line", "no score (not assessed, incomplete)", "\"", "\"", ": ",
};

static void put(bsl_buf *b, const char *s) { bsl_buf_puts(b, s); }
static void num(bsl_buf *b, double v) { bsl_markup_fixed2(b, v); }

/* An attribute name="value" with a number value, preceded by a space. */
static void attr_num(bsl_buf *b, const char *name, double v)
{
    put(b, " ");
    put(b, name);
    put(b, "=\"");
    num(b, v);
    put(b, "\"");
}

/* Scores as the JSON result shows them (one decimal), so that a reader
 * recomputing a vertex from the JSON finds it exactly. */
static double shown_score(double v) { return round(v * 10.0) / 10.0; }

/* The end of axis i of n (of unit length), the first pointing up and the
 * others clockwise. */
static void axis_direction(size_t i, size_t n, double *dx, double *dy)
{
    double angle = -PI / 2 + 2 * PI * (double)i / (double)n;
    *dx = cos(angle);
    *dy = sin(angle);
    /* fold -0 and rounding dust to 0 so that anchors and bytes are stable */
    if (fabs(*dx) < 1e-9)
        *dx = 0;
    if (fabs(*dy) < 1e-9)
        *dy = 0;
}

/* The title cut at a word boundary to about SHORT_TITLE_CHARS characters,
 * with an ellipsis when cut (the full title is in <desc>). */
static void short_title(bsl_buf *b, const char *title)
{
    char cut[SHORT_TITLE_CHARS * 4 + 4];
    size_t chars = 0, i = 0, last_space = 0;
    while (title[i] && chars < SHORT_TITLE_CHARS) {
        if (title[i] == ' ')
            last_space = i;
        i++;
        while (((unsigned char)title[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    if (!title[i]) {
        bsl_markup_text(b, title);
        return;
    }
    if (last_space > 0)
        i = last_space;
    memcpy(cut, title, i);
    cut[i] = '\0';
    bsl_markup_text(b, cut);
    put(b, "\xe2\x80\xa6"); /* U+2026 */
}

static void score_words(bsl_buf *b, const struct bsl_criterion_result *c, bsl_lang lang)
{
    if (c->assessed)
        bsl_buf_decimal1(b, c->score, lang == BSL_LANG_FR, 1);
    else
        put(b, "\xe2\x80\x94"); /* an em dash: no score, not 0 */
    put(b, " \xc2\xb7 "); /* middle dot */
    bsl_markup_text(b, bsl_criterion_status_label(c->status, lang));
}

static void title_and_desc(bsl_buf *b, const bsl_result *r, const svg_words *w, bsl_lang lang)
{
    size_t i;
    put(b, "<title id=\"boussole-title\">");
    put(b, w->picture);
    put(b, w->colon);
    put(b, w->open_q);
    bsl_markup_text(b, r->usecase_title);
    put(b, w->close_q);
    put(b, ", ");
    bsl_markup_text(b, bsl_verdict_label(r->verdict, lang));
    put(b, "</title>\n<desc id=\"boussole-desc\">");
    put(b, r->criterion_count >= 3 ? w->radar : w->bars);
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        put(b, i ? w->criterion_sentence_sep : " ");
        bsl_markup_text(b, c->def->id);
        put(b, " (");
        bsl_markup_text(b, c->def->title.s[lang]);
        put(b, ")");
        put(b, w->colon);
        score_words(b, c, lang);
        put(b, ", ");
        put(b, w->thresholds);
        put(b, " ");
        bsl_markup_text(b, c->def->met.text);
        put(b, " ");
        put(b, w->and_word);
        put(b, " ");
        bsl_markup_text(b, c->def->reservations.text);
    }
    put(b, ".</desc>\n");
}

/* The two-line label of a criterion at (x, y): id and short title, then
 * score and status in words. */
static void label(bsl_buf *b, const struct bsl_criterion_result *c, bsl_lang lang, double x,
                  double y, const char *anchor)
{
    put(b, "<text");
    attr_num(b, "x", x);
    attr_num(b, "y", y);
    put(b, " text-anchor=\"");
    put(b, anchor);
    put(b, "\"><tspan font-weight=\"bold\">");
    bsl_markup_text(b, c->def->id);
    put(b, "</tspan> ");
    short_title(b, c->def->title.s[lang]);
    put(b, "<tspan");
    attr_num(b, "x", x);
    put(b, " dy=\"15\"");
    if (c->status == BSL_CRITERION_RED_LINE)
        put(b, " fill=\"" RED_LINE_INK "\" font-weight=\"bold\"");
    put(b, ">");
    score_words(b, c, lang);
    put(b, "</tspan></text>\n");
}

/* The shapes that mark a red line (a cross) and a criterion without a
 * score (a hollow circle) at (x, y). */
static void status_mark(bsl_buf *b, const struct bsl_criterion_result *c, double x, double y)
{
    if (c->status == BSL_CRITERION_RED_LINE) {
        put(b, "<path class=\"red-line-mark\" d=\"M");
        num(b, x - 7);
        put(b, " ");
        num(b, y - 7);
        put(b, "l14 14m0 -14l-14 14\" stroke=\"" RED_LINE_INK "\" stroke-width=\"3.5\"/>\n");
    } else if (!c->assessed) {
        put(b, "<circle class=\"not-assessed-mark\"");
        attr_num(b, "cx", x);
        attr_num(b, "cy", y);
        put(b, " r=\"6\" fill=\"#ffffff\" stroke=\"" AXIS_INK "\" stroke-width=\"2\"/>\n");
    }
}

/* points="x,y ..." through each axis at value(criterion), in 0..100. */
typedef double (*axis_value)(const struct bsl_criterion_result *c);
static double met_value(const struct bsl_criterion_result *c) { return c->def->met.value; }
static double reservations_value(const struct bsl_criterion_result *c)
{
    return c->def->reservations.value;
}
static double score_value(const struct bsl_criterion_result *c)
{
    return c->assessed ? shown_score(c->score) : 0;
}

static double clamp100(double v) { return v < 0 ? 0 : v > 100 ? 100 : v; }

static void polygon_points(bsl_buf *b, const bsl_result *r, axis_value value)
{
    size_t i;
    put(b, " points=\"");
    for (i = 0; i < r->criterion_count; i++) {
        double dx, dy, len = RADIUS * clamp100(value(&r->criteria[i])) / 100.0;
        axis_direction(i, r->criterion_count, &dx, &dy);
        if (i)
            put(b, " ");
        num(b, CX + dx * len);
        put(b, ",");
        num(b, CY + dy * len);
    }
    put(b, "\"");
}

static void radar(bsl_buf *b, const bsl_result *r, bsl_lang lang)
{
    size_t i, n = r->criterion_count;
    int step;
    /* grid circles every 25 points, decorative */
    for (step = 1; step <= 4; step++) {
        put(b, "<circle");
        attr_num(b, "cx", CX);
        attr_num(b, "cy", CY);
        attr_num(b, "r", RADIUS * step / 4.0);
        put(b, " fill=\"none\" stroke=\"" GRID_INK "\" stroke-width=\"1\"/>\n");
    }
    for (i = 0; i < n; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        double dx, dy, lx, ly;
        const char *anchor;
        axis_direction(i, n, &dx, &dy);
        put(b, "<g class=\"criterion\" data-criterion=\"");
        bsl_markup_text(b, c->def->id);
        put(b, "\" data-status=\"");
        put(b, bsl_criterion_status_token(c->status));
        put(b, "\">\n<line class=\"axis\"");
        attr_num(b, "x1", CX);
        attr_num(b, "y1", CY);
        attr_num(b, "x2", CX + dx * RADIUS);
        attr_num(b, "y2", CY + dy * RADIUS);
        put(b, " stroke=\"" AXIS_INK "\" stroke-width=\"1.5\"");
        if (!c->assessed)
            put(b, " stroke-dasharray=\"5 4\"");
        put(b, "/>\n");
        status_mark(b, c, CX + dx * RADIUS, CY + dy * RADIUS);
        lx = CX + dx * (RADIUS + LABEL_GAP);
        ly = CY + dy * (RADIUS + LABEL_GAP);
        anchor = dx > 0.2 ? "start" : dx < -0.2 ? "end" : "middle";
        /* two lines of 15: above an axis pointing up, below one pointing down */
        ly += dy < -0.5 ? -19 : dy > 0.5 ? 12 : -4;
        label(b, c, lang, lx, ly, anchor);
        put(b, "</g>\n");
    }
    put(b, "<polygon class=\"reservations-ring\"");
    polygon_points(b, r, reservations_value);
    put(b, " fill=\"none\" stroke=\"" RESERVATIONS_INK "\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>\n");
    put(b, "<polygon class=\"met-ring\"");
    polygon_points(b, r, met_value);
    put(b, " fill=\"none\" stroke=\"" MET_INK "\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>\n");
    put(b, "<polygon class=\"usecase\"");
    polygon_points(b, r, score_value);
    put(b, " fill=\"" USECASE_INK "\" fill-opacity=\"0.18\" stroke=\"" USECASE_INK
           "\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>\n");
    for (i = 0; i < n; i++) {
        double dx, dy, len = RADIUS * score_value(&r->criteria[i]) / 100.0;
        axis_direction(i, n, &dx, &dy);
        put(b, "<circle class=\"vertex\"");
        attr_num(b, "cx", CX + dx * len);
        attr_num(b, "cy", CY + dy * len);
        put(b, " r=\"3.5\" fill=\"" USECASE_INK "\"/>\n");
    }
}

/* The fallback for one or two criteria: a bar each. */
static void bars(bsl_buf *b, const bsl_result *r, bsl_lang lang)
{
    const double left = 220, length = 440, row = 90, top = 130;
    size_t i;
    for (i = 0; i < r->criterion_count; i++) {
        const struct bsl_criterion_result *c = &r->criteria[i];
        double y = top + row * (double)i;
        put(b, "<g class=\"criterion\" data-criterion=\"");
        bsl_markup_text(b, c->def->id);
        put(b, "\" data-status=\"");
        put(b, bsl_criterion_status_token(c->status));
        put(b, "\">\n");
        label(b, c, lang, left - 12, y - 4, "end");
        put(b, "<line class=\"axis\"");
        attr_num(b, "x1", left);
        attr_num(b, "y1", y);
        attr_num(b, "x2", left + length);
        attr_num(b, "y2", y);
        put(b, " stroke=\"" AXIS_INK "\" stroke-width=\"1.5\"");
        if (!c->assessed)
            put(b, " stroke-dasharray=\"5 4\"");
        put(b, "/>\n<rect class=\"usecase\"");
        attr_num(b, "x", left);
        attr_num(b, "y", y - 9);
        attr_num(b, "width", length * score_value(c) / 100.0);
        put(b, " height=\"18\" fill=\"" USECASE_INK "\" fill-opacity=\"0.3\" stroke=\"" USECASE_INK "\"/>\n");
        put(b, "<line class=\"met-ring\"");
        attr_num(b, "x1", left + length * clamp100(met_value(c)) / 100.0);
        attr_num(b, "y1", y - 16);
        attr_num(b, "x2", left + length * clamp100(met_value(c)) / 100.0);
        attr_num(b, "y2", y + 16);
        put(b, " stroke=\"" MET_INK "\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>\n");
        put(b, "<line class=\"reservations-ring\"");
        attr_num(b, "x1", left + length * clamp100(reservations_value(c)) / 100.0);
        attr_num(b, "y1", y - 16);
        attr_num(b, "x2", left + length * clamp100(reservations_value(c)) / 100.0);
        attr_num(b, "y2", y + 16);
        put(b, " stroke=\"" RESERVATIONS_INK "\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>\n");
        status_mark(b, c, left + length + 16, y);
        put(b, "</g>\n");
    }
}

/* A legend entry at (x, y): a sample of the mark, then its words. */
static void legend_entry(bsl_buf *b, double x, double y, const char *sample, const char *words)
{
    put(b, "<g");
    put(b, " transform=\"translate(");
    num(b, x);
    put(b, " ");
    num(b, y);
    put(b, ")\">");
    put(b, sample);
    put(b, "<text x=\"34\" y=\"5\">");
    put(b, words);
    put(b, "</text></g>\n");
}

static void legend(bsl_buf *b, const svg_words *w)
{
    put(b, "<g class=\"legend\">\n");
    legend_entry(b, 60, 540, "<rect x=\"0\" y=\"-7\" width=\"24\" height=\"14\" fill=\"" USECASE_INK
                 "\" fill-opacity=\"0.18\" stroke=\"" USECASE_INK "\" stroke-width=\"2.5\"/>",
                 w->usecase);
    legend_entry(b, 300, 540, "<line x1=\"0\" y1=\"0\" x2=\"24\" y2=\"0\" stroke=\"" MET_INK
                 "\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>", w->met_ring);
    legend_entry(b, 540, 540, "<line x1=\"0\" y1=\"0\" x2=\"24\" y2=\"0\" stroke=\"" RESERVATIONS_INK
                 "\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>", w->reservations_ring);
    legend_entry(b, 60, 580, "<path d=\"M5 -7l14 14m0 -14l-14 14\" stroke=\"" RED_LINE_INK
                 "\" stroke-width=\"3.5\"/>", w->red_line);
    legend_entry(b, 300, 580, "<circle cx=\"12\" cy=\"0\" r=\"6\" fill=\"#ffffff\" stroke=\"" AXIS_INK
                 "\" stroke-width=\"2\"/>", w->no_score);
    put(b, "</g>\n");
}

void bsl_render_svg(bsl_buf *b, const bsl_result *r, bsl_lang lang, int standalone)
{
    const svg_words *w = lang == BSL_LANG_FR ? &fr : &en;
    if (standalone)
        put(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    put(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"boussole\" "
           "viewBox=\"0 0 800 620\" width=\"800\" height=\"620\" role=\"img\" "
           "aria-labelledby=\"boussole-title boussole-desc\" font-family=\"DejaVu Sans, Verdana, "
           "sans-serif\" font-size=\"13\" fill=\"" INK "\" lang=\"");
    put(b, lang == BSL_LANG_FR ? "fr" : "en");
    put(b, "\">\n");
    title_and_desc(b, r, w, lang);
    put(b, "<rect width=\"800\" height=\"620\" fill=\"#ffffff\"/>\n");
    put(b, "<text class=\"verdict\" x=\"400\" y=\"32\" text-anchor=\"middle\" font-size=\"17\" "
           "font-weight=\"bold\">Verdict");
    put(b, w->colon);
    bsl_markup_text(b, bsl_verdict_label(r->verdict, lang));
    if (r->assessed) {
        put(b, " \xc2\xb7 ");
        bsl_buf_decimal1(b, r->score, lang == BSL_LANG_FR, 1);
        put(b, "/100");
    }
    put(b, "</text>\n");
    if (r->criterion_count >= 3)
        radar(b, r, lang);
    else
        bars(b, r, lang);
    legend(b, w);
    put(b, "</svg>\n");
}
