/* Renderers: each reads a result and appends to a buffer, nothing else. */
#ifndef BSL_RENDER_H
#define BSL_RENDER_H

#include "result.h"
#include "buf.h"

/* compact: BSL_FORMAT_JSON_COMPACT (one line), else 2-space indented. */
void bsl_render_json(bsl_buf *b, const bsl_result *r, bsl_lang lang, int compact);
/* The text report's colon in French (a no-break space before it) and in
 * English, shared by render_text.c and the pieces of text_prepare.c. */
#define BSL_TEXT_COLON_FR "\xc2\xa0: "
#define BSL_TEXT_COLON_EN ": "
/* The text report's width when the caller gives none. */
#define BSL_TEXT_WIDTH 80
/* The marker of an indicator's line with its indent and the space after
 * it, 11 bytes ("      [ok] "), for an outcome of ind (text_prepare.c). */
const char *bsl_text_marker(const bsl_indicator *ind, int red_line, int not_applicable,
                            int missing, double points);
/* width: columns (>= 40); color: ANSI colour for the report's own markers. */
/* plan: the options of the search of the what-if section, shown when the
 * verdict is below plan->target (render.c asks favorable), or NULL for no
 * section (BSL_RENDER_NO_PLAN). */
void bsl_render_text(bsl_buf *b, const bsl_result *r, bsl_lang lang, size_t width, int color,
                     const bsl_whatif_options *plan);
void bsl_render_markdown(bsl_buf *b, const bsl_result *r, bsl_lang lang, const bsl_whatif_options *plan);
/* The boussole picture; standalone: an SVG document (with the XML
 * declaration), else the <svg> element alone, to embed in HTML. */
void bsl_render_svg(bsl_buf *b, const bsl_result *r, bsl_lang lang, int standalone);
/* The self-contained HTML report (the SVG inline). */
void bsl_render_html(bsl_buf *b, const bsl_result *r, bsl_lang lang, const bsl_whatif_options *plan);

/* The summary result, "boussole-summary/1", on one line (render_summary.c). */
void bsl_render_summary(bsl_buf *b, const bsl_result *r);

/* The token of an error record's "name" (batch.c): "syntax", "limit"... */
const char *bsl_status_name(int code);
/* A JSON Lines error record for use-case index found on input_line (batch.c). */
void bsl_render_error_record(bsl_buf *b, size_t index, size_t input_line, const bsl_error *e);

/* CSV records (render_records_csv.c): the header for fw's criteria, a
 * result's row, an error's row; each line ends with "\n". */
void bsl_render_csv_header(bsl_buf *b, const bsl_framework *fw);
void bsl_render_csv_result(bsl_buf *b, const bsl_result *r, size_t index, size_t input_line);
void bsl_render_csv_error(bsl_buf *b, const bsl_framework *fw, size_t index, size_t input_line,
                          const bsl_error *e);

/* The "vocabulary" and "library" members that end every provenance. */
struct bsl_jw;
void bsl_render_json_provenance(struct bsl_jw *w, const bsl_vocabulary *v);

/* Buffers handed out to callers (bsl_render, bsl_evaluate_lines) carry a
 * copy of their allocator in front of the text, so that bsl_render_free()
 * needs nothing else. bsl_handout_init() starts such a buffer (reserving
 * the header); bsl_handout_take() finishes it: *out points at the text and
 * *out_len (may be NULL) gets its length. It returns BSL_OK, or
 * BSL_ERR_NOMEM when an append failed (the buffer is then released and
 * *out is NULL). alloc must stay valid until bsl_handout_take(). */
void bsl_handout_init(bsl_buf *b, const bsl_allocator *alloc);
int bsl_handout_take(bsl_buf *b, char **out, size_t *out_len);

#endif
