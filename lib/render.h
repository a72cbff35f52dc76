/* Renderers: each reads a result and appends to a buffer, nothing else. */
#ifndef BSL_RENDER_H
#define BSL_RENDER_H

#include "result.h"
#include "buf.h"

void bsl_render_json(bsl_buf *b, const bsl_result *r, bsl_lang lang);
void bsl_render_text(bsl_buf *b, const bsl_result *r, bsl_lang lang);

#endif
