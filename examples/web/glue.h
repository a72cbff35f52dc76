/*
 * The C interface the web page calls (examples/web/app.js), implemented in
 * glue.c over the public API. Outputs are malloc'd NUL-terminated strings
 * written through `out`, freed by the page with free(); statuses are
 * bsl_status values; on failure *out holds a JSON error document.
 */
#ifndef BOUSSOLE_WEB_GLUE_H
#define BOUSSOLE_WEB_GLUE_H

#include <stddef.h>

#include "boussole.h"

bsl_framework *bw_framework_load(const char *id, char **out);
void bw_framework_free(bsl_framework *fw);
const char *bw_framework_title(const bsl_framework *fw, int lang);
int bw_describe(const bsl_framework *fw, int lang, char **out);
int bw_template(const bsl_framework *fw, int lang, char **out);
int bw_evaluate(const bsl_framework *fw, const char *buf, size_t len, int format, int lang,
                char **out);
int bw_compare(const bsl_framework *const *fws, size_t count, const char *buf, size_t len,
               int format, int lang, char **out);
int bw_whatif(const bsl_framework *fw, const char *buf, size_t len, int format, int lang,
              char **out);

#endif
