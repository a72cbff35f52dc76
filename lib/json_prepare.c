/* The JSON result's framework text, written once per framework at load.
 *
 * Most of a result is the same for every use-case: member names,
 * punctuation, indentation, and the framework's labels, sentences and
 * numbers (93 % of its bytes on the examples). Escaping all of that again
 * for each result made rendering cost ten times parsing. Here each piece is
 * written once, in both languages and both layouts, by the same bsl_jw
 * render_json.c uses, at the depth where the piece goes in a result; the
 * renderer copies the pieces and writes only the use-case's own values
 * between them, so the bytes are those of writing every member one by one.
 *
 * Everything written here is a plain bsl_frag (pointer and length) in the
 * framework, its criteria, indicators and outcomes (framework.h), so that a
 * framework compiled into tables at build time can carry them as they are,
 * or call bsl_framework_prepare_json() itself. */
#include "framework.h"
#include "json_writer.h"
#include "render.h"

/* Depths in a result: the document's members, an element of "criteria",
 * "reasons" or "remediations", a criterion's members, an indicator
 * outcome's members. */
enum { TOP = 1, ITEM = 2, CRITERION = 3, OUTCOME = 5 };

/* Room for what render_json.c writes itself around each indicator or
 * criterion (separators, the "evidence" member, a fact key in a list):
 * the reservation is an estimate, a longer result grows its buffer. */
#define GLUE 64

typedef struct prep {
    bsl_framework *fw;
    bsl_buf scratch;   /* the piece being written */
    bsl_jw w;
    bsl_lang lang;
    int layout;        /* 0 indented, 1 compact */
    size_t size;       /* json_size[lang][layout] so far */
} prep;

/* Start a piece at depth, as the first thing written there. */
static bsl_jw *start(prep *p, int depth)
{
    p->scratch.len = 0;
    bsl_jw_at(&p->w, &p->scratch, p->layout, depth, 1);
    return &p->w;
}

/* Keep what was written since start() in the framework's arena. */
static int keep(prep *p, bsl_frag *f)
{
    char *s;
    if (p->scratch.failed)
        return BSL_ERR_NOMEM;
    s = bsl_arena_strndup(&p->fw->arena, p->scratch.data ? p->scratch.data : "", p->scratch.len);
    if (!s)
        return BSL_ERR_NOMEM;
    f->s = s;
    f->len = p->scratch.len;
    return BSL_OK;
}

static size_t max_size(size_t a, size_t b) { return a > b ? a : b; }

/* A reason, a whole element of "reasons". */
static int reason(prep *p, bsl_frag *f, bsl_reason_kind kind, const char *criterion,
                  const char *fact, const char *text)
{
    bsl_jw *w = start(p, ITEM);
    bsl_jw_open(w, NULL, '{');
    bsl_jw_str(w, "kind", bsl_reason_kind_token(kind));
    bsl_jw_str(w, "criterion", criterion);
    bsl_jw_str(w, "fact", fact);
    bsl_jw_str(w, "text", text);
    bsl_jw_close(w, '}');
    return keep(p, f);
}

/* The members of an outcome from "points" to the key "justification". */
static void body(bsl_jw *w, const bsl_indicator *ind, const bsl_outcome_def *d, const char *rule,
                 int missing)
{
    bsl_jw_raw(w, "points", d ? d->points.text : NULL);
    bsl_jw_raw(w, "maximum", ind->maximum_text);
    bsl_jw_raw(w, "weight", ind->weight.text);
    bsl_jw_str(w, "rule", rule);
    bsl_jw_bool(w, "required", ind->required);
    bsl_jw_bool(w, "missing", missing);
    bsl_jw_bool(w, "not_applicable", !d && !missing);
    bsl_jw_bool(w, "red_line", d && d->red_line);
    bsl_jw_bool(w, "fails_necessary_condition", d && d->fails_condition);
    bsl_jw_key(w, "justification");
}

/* The largest remediation text of ind's outcome, as JSON. */
static size_t remediation_size(const bsl_indicator *ind, bsl_lang lang)
{
    return max_size(ind->remediation.json[lang].len, ind->answer_text.json[lang].len);
}

/* The reasons outcome d of ind gives, if any. */
static int outcome_reasons(prep *p, const bsl_indicator *ind, bsl_outcome_def *d)
{
    bsl_lang l = p->lang;
    int y = p->layout;
    if (d->red_line && reason(p, &d->json_red_reason[l][y], BSL_REASON_RED_LINE, ind->criterion_id,
                              ind->fact, d->justification.s[l]))
        return BSL_ERR_NOMEM;
    if (d->fails_condition &&
        reason(p, &d->json_condition_reason[l][y], BSL_REASON_NECESSARY_CONDITION, ind->criterion_id,
               ind->fact, d->justification.s[l]))
        return BSL_ERR_NOMEM;
    return BSL_OK;
}

/* t->s[lang] as a JSON string, when there is one. */
static int text_json(prep *p, bsl_text *t)
{
    const char *s = t->s[p->lang];
    if (!s)
        return BSL_OK;
    start(p, OUTCOME);
    bsl_buf_json_string(&p->scratch, s, strlen(s));
    return keep(p, &t->json[p->lang]);
}

/* The texts of ind a result quotes in the middle of use-case values, as
 * JSON strings (both layouts use them). */
static int texts_json(prep *p, bsl_indicator *ind)
{
    size_t k;
    if (text_json(p, &ind->remediation) || text_json(p, &ind->answer_text))
        return BSL_ERR_NOMEM;
    for (k = 0; k < ind->outcome_count; k++)
        if (text_json(p, &ind->outcomes[k].justification))
            return BSL_ERR_NOMEM;
    return BSL_OK;
}

/* The pieces of ind that are the same in both languages, written with
 * the first language. */
static int layout_pieces(prep *p, bsl_indicator *ind)
{
    int y = p->layout;
    size_t k;
    bsl_jw *w;
    for (k = 0; k < ind->outcome_count; k++) {
        bsl_outcome_def *d = &ind->outcomes[k];
        body(start(p, OUTCOME), ind, d, d->rule, 0);
        if (keep(p, &d->json_body[y]))
            return BSL_ERR_NOMEM;
    }
    body(start(p, OUTCOME), ind, NULL, "missing", 1);
    if (keep(p, &ind->json_missing[y]))
        return BSL_ERR_NOMEM;
    body(start(p, OUTCOME), ind, NULL, "not_applicable", 0);
    if (keep(p, &ind->json_not_applicable[y]))
        return BSL_ERR_NOMEM;
    w = start(p, CRITERION);
    bsl_jw_str(w, "criterion", ind->criterion_id);
    bsl_jw_str(w, "fact", ind->fact);
    bsl_jw_key(w, "text");
    return keep(p, &ind->json_remediation_head[y]);
}

static int indicator(prep *p, bsl_indicator *ind)
{
    bsl_lang l = p->lang;
    int y = p->layout;
    bsl_jw *w;
    size_t k, most, reasons = 0;

    if (!y && texts_json(p, ind))
        return BSL_ERR_NOMEM;
    w = start(p, OUTCOME);
    bsl_jw_str(w, "fact", ind->fact);
    bsl_jw_str(w, "label", ind->label.s[l]);
    bsl_jw_key(w, "value");
    if (keep(p, &ind->json_head[l][y]))
        return BSL_ERR_NOMEM;
    if (l == BSL_LANG_FR && layout_pieces(p, ind))
        return BSL_ERR_NOMEM;
    /* Missing or not applicable, the justification is null (4 bytes). */
    most = max_size(ind->json_missing[y].len, ind->json_not_applicable[y].len) + 4;
    for (k = 0; k < ind->outcome_count; k++) {
        const bsl_outcome_def *d = &ind->outcomes[k];
        most = max_size(most, d->json_body[y].len + d->justification.json[l].len);
        if (outcome_reasons(p, ind, &ind->outcomes[k]))
            return BSL_ERR_NOMEM;
        /* One outcome matches: its reasons count, not every outcome's. */
        reasons = max_size(reasons, d->json_red_reason[l][y].len + d->json_condition_reason[l][y].len);
    }
    if (ind->required &&
        reason(p, &ind->json_missing_reason[l][y], BSL_REASON_MISSING, ind->criterion_id, ind->fact,
               ind->missing_text.s[l]))
        return BSL_ERR_NOMEM;
    /* The outcome quotes its remediation, and "remediations" again. */
    p->size += ind->json_head[l][y].len + most + reasons + ind->json_missing_reason[l][y].len +
               ind->json_remediation_head[y].len + 2 * remediation_size(ind, l) + 2 * GLUE;
    return BSL_OK;
}

static int criterion(prep *p, bsl_criterion_def *c)
{
    bsl_lang l = p->lang;
    int y = p->layout, kind;
    size_t reasons = 0;
    bsl_jw *w = start(p, CRITERION);
    bsl_jw_str(w, "id", c->id);
    bsl_jw_str(w, "title", c->title.s[l]);
    bsl_jw_raw(w, "weight", c->weight.text);
    bsl_jw_key(w, "score");
    if (keep(p, &c->json_head[l][y]))
        return BSL_ERR_NOMEM;
    if (l == BSL_LANG_FR) { /* the same in both languages */
        w = start(p, CRITERION);
        bsl_jw_open(w, "thresholds", '{');
        bsl_jw_raw(w, "met", c->met.text);
        bsl_jw_raw(w, "reservations", c->reservations.text);
        bsl_jw_close(w, '}');
        if (keep(p, &c->json_thresholds[y]))
            return BSL_ERR_NOMEM;
    }
    for (kind = BSL_REASON_NOT_MET; kind <= BSL_REASON_MET; kind++) {
        if (reason(p, &c->json_reason[kind][l][y], (bsl_reason_kind)kind, c->id, NULL,
                   c->reason_text[kind].s[l]))
            return BSL_ERR_NOMEM;
        reasons = max_size(reasons, c->json_reason[kind][l][y].len);
    }
    p->size += c->json_head[l][y].len + c->json_thresholds[y].len + reasons + GLUE;
    return BSL_OK;
}

/* The framework's pieces that do not belong to one criterion. */
static int document(prep *p)
{
    bsl_framework *fw = p->fw;
    bsl_lang l = p->lang;
    int y = p->layout, v, s;
    size_t most = 0;
    bsl_jw *w;
    for (v = 0; v <= BSL_VERDICT_FAVORABLE; v++) {
        start(p, TOP);
        bsl_jw_begin(w = &p->w, &p->scratch, y);
        bsl_jw_str(w, "format", "boussole-result/2");
        bsl_jw_str(w, "lang", l == BSL_LANG_FR ? "fr" : "en");
        bsl_jw_str(w, "verdict", bsl_verdict_token((bsl_verdict)v));
        bsl_jw_str(w, "verdict_label", bsl_verdict_label((bsl_verdict)v, l));
        bsl_jw_key(w, "score");
        if (keep(p, &fw->json_start[v][l][y]))
            return BSL_ERR_NOMEM;
        most = max_size(most, fw->json_start[v][l][y].len);
    }
    p->size += most;
    most = 0;
    for (s = 0; s <= BSL_CRITERION_INCOMPLETE; s++) {
        w = start(p, CRITERION);
        bsl_jw_str(w, "status", bsl_criterion_status_token((bsl_criterion_status)s));
        bsl_jw_str(w, "status_label", bsl_criterion_status_label((bsl_criterion_status)s, l));
        if (keep(p, &fw->json_status[s][l][y]))
            return BSL_ERR_NOMEM;
        most = max_size(most, fw->json_status[s][l][y].len);
    }
    p->size += most * fw->criterion_count;
    if (l == BSL_LANG_FR) { /* the same in both languages */
        w = start(p, TOP);
        bsl_jw_open(w, "provenance", '{');
        bsl_jw_open(w, "framework", '{');
        bsl_jw_str(w, "id", fw->id);
        bsl_jw_str(w, "version", fw->version);
        bsl_jw_str(w, "sha256", fw->sha256);
        bsl_jw_close(w, '}');
        bsl_render_json_provenance(w, fw->vocab);
        bsl_jw_close(w, '}');
        if (keep(p, &fw->json_provenance[y]))
            return BSL_ERR_NOMEM;
    }
    if (l == BSL_LANG_FR) { /* the keys between an outcome's use-case values */
        bsl_jw_key(start(p, OUTCOME), "remediation");
        if (keep(p, &fw->json_remediation_key[y]))
            return BSL_ERR_NOMEM;
        bsl_jw_key(start(p, OUTCOME), "evidence");
        if (keep(p, &fw->json_evidence_key[y]))
            return BSL_ERR_NOMEM;
    }
    p->size += fw->json_provenance[y].len + GLUE;
    return BSL_OK;
}

/* Everything for one language and layout, in the order a result reads it,
 * so that one rendering reads one stretch of memory. */
static int prepare(prep *p)
{
    bsl_framework *fw = p->fw;
    size_t c, i;
    p->size = 0;
    if (document(p))
        return BSL_ERR_NOMEM;
    for (c = 0; c < fw->criterion_count; c++) {
        const bsl_criterion_def *def = &fw->criteria[c];
        if (criterion(p, &fw->criteria[c]))
            return BSL_ERR_NOMEM;
        for (i = def->first_indicator; i < def->first_indicator + def->indicator_count; i++)
            if (indicator(p, &fw->indicators[i]))
                return BSL_ERR_NOMEM;
    }
    fw->json_size[p->lang][p->layout] = p->size;
    return BSL_OK;
}

int bsl_framework_prepare_json(bsl_framework *fw)
{
    prep p;
    int lang, layout, rc = BSL_OK;
    p.fw = fw;
    bsl_buf_init(&p.scratch, &fw->cfg.alloc);
    for (lang = 0; lang < 2 && !rc; lang++)
        for (layout = 0; layout < 2 && !rc; layout++) {
            p.lang = (bsl_lang)lang;
            p.layout = layout;
            rc = prepare(&p);
        }
    bsl_buf_release(&p.scratch);
    return rc;
}
