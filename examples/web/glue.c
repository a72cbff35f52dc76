/*
 * The WebAssembly entry points of the web page (examples/web/app.js), a thin
 * layer over the public API of boussole.h and nothing else: the page runs
 * the very engine the committee's tools run, compiled from the same sources.
 *
 * Every call that produces text writes a NUL-terminated buffer allocated
 * with malloc() through *out (the page reads it, then frees it with free()),
 * and returns BSL_OK or a negative bsl_status. On failure *out holds a JSON
 * error document instead,
 *
 *     {"error":{"code":-5,"name":"JSON syntax error","message":"...",
 *               "line":3,"column":7,"path":"$.facts"}}
 *
 * so that the page can say what went wrong and where; *out is NULL only
 * when even that could not be allocated. The glue holds no state: the page
 * keeps the framework handles it loads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <emscripten/emscripten.h>

#include "glue.h"

#define BW_EXPORT EMSCRIPTEN_KEEPALIVE

/* Worst case of one byte written as \u00XX, plus the document around. */
#define BW_ERROR_JSON_SIZE (16 + 6 * (BSL_ERROR_MESSAGE_SIZE + BSL_ERROR_PATH_SIZE) + 128)

/* Append s to dst (of capacity cap, holding *len bytes) as a JSON string. */
static void append_json_string(char *dst, size_t cap, size_t *len, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = *len;
    if (n + 1 < cap)
        dst[n++] = '"';
    for (; *s && n + 7 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            dst[n++] = '\\';
            dst[n++] = (char)c;
        } else if (c < 0x20) {
            memcpy(dst + n, "\\u00", 4);
            dst[n + 4] = hex[c >> 4];
            dst[n + 5] = hex[c & 15];
            n += 6;
        } else {
            dst[n++] = (char)c;
        }
    }
    if (n + 1 < cap)
        dst[n++] = '"';
    dst[n] = '\0';
    *len = n;
}

/* The error document for err (code already set), in a malloc'd buffer. */
static char *error_json(const bsl_error *err, int code)
{
    char *doc = malloc(BW_ERROR_JSON_SIZE);
    if (!doc)
        return NULL;
    size_t len = (size_t)snprintf(doc, BW_ERROR_JSON_SIZE, "{\"error\":{\"code\":%d,\"name\":", code);
    append_json_string(doc, BW_ERROR_JSON_SIZE, &len, bsl_strerror(code));
    len += (size_t)snprintf(doc + len, BW_ERROR_JSON_SIZE - len, ",\"message\":");
    append_json_string(doc, BW_ERROR_JSON_SIZE, &len, err->message);
    len += (size_t)snprintf(doc + len, BW_ERROR_JSON_SIZE - len, ",\"line\":%u,\"column\":%u,\"path\":",
                            err->line, err->column);
    append_json_string(doc, BW_ERROR_JSON_SIZE, &len, err->path);
    snprintf(doc + len, BW_ERROR_JSON_SIZE - len, "}}");
    return doc;
}

/*
 * Hand a library buffer to the page: copied into malloc'd memory so that
 * the page frees every output the same way, whichever call produced it.
 */
static int hand_over(int status, char *rendered, size_t rendered_len, const bsl_error *err, char **out)
{
    if (status != BSL_OK) {
        *out = error_json(err, status);
        return status;
    }
    char *copy = malloc(rendered_len + 1);
    if (!copy) {
        bsl_render_free(rendered);
        bsl_error nomem = {0};
        snprintf(nomem.message, sizeof nomem.message, "out of memory copying the output");
        *out = error_json(&nomem, BSL_ERR_NOMEM);
        return BSL_ERR_NOMEM;
    }
    memcpy(copy, rendered, rendered_len + 1);
    bsl_render_free(rendered);
    *out = copy;
    return BSL_OK;
}

/** Load the embedded framework `id`; NULL (and an error in *out) if none. */
BW_EXPORT bsl_framework *bw_framework_load(const char *id, char **out)
{
    bsl_framework *fw = NULL;
    bsl_error err;
    int status = bsl_framework_load_embedded(&fw, id, NULL, &err);
    *out = status == BSL_OK ? NULL : error_json(&err, status);
    return fw;
}

/** Free a framework from bw_framework_load(). */
BW_EXPORT void bw_framework_free(bsl_framework *fw)
{
    bsl_framework_free(fw);
}

/** The framework's title in lang, borrowed from fw (no copy to free). */
BW_EXPORT const char *bw_framework_title(const bsl_framework *fw, int lang)
{
    return bsl_framework_title(fw, (bsl_lang)lang);
}

/** What the form is built from: bsl_framework_describe() as compact JSON. */
BW_EXPORT int bw_describe(const bsl_framework *fw, int lang, char **out)
{
    char *text = NULL;
    size_t len = 0;
    bsl_error err;
    int status = bsl_framework_describe(&text, &len, fw, BSL_FORMAT_JSON_COMPACT, (bsl_lang)lang, &err);
    return hand_over(status, text, len, &err, out);
}

/** A blank use-case for fw (bsl_framework_template()). */
BW_EXPORT int bw_template(const bsl_framework *fw, int lang, char **out)
{
    char *text = NULL;
    size_t len = 0;
    bsl_error err;
    int status = bsl_framework_template(&text, &len, fw, (bsl_lang)lang, &err);
    return hand_over(status, text, len, &err, out);
}

/**
 * Evaluate the use-case buf[0..len) and render its result in `format` (a
 * bsl_format number, so formats added to bsl_render() need no new glue):
 * BSL_ERR_ARG for a format this build of the library does not render.
 */
BW_EXPORT int bw_evaluate(const bsl_framework *fw, const char *buf, size_t len, int format, int lang,
                          char **out)
{
    bsl_result *result = NULL;
    bsl_error err;
    int status = bsl_evaluate_json(&result, fw, buf, len, NULL, &err);
    char *text = NULL;
    size_t text_len = 0;
    if (status == BSL_OK)
        status = bsl_render(&text, &text_len, result, (bsl_format)format, (bsl_lang)lang, &err);
    int handed = hand_over(status, text, text_len, &err, out);
    bsl_result_free(result);
    return handed;
}

/**
 * The use-case buf[0..len) evaluated by each of the count frameworks of fws
 * (an array of handles), rendered by bsl_render_comparison() in `format`.
 */
BW_EXPORT int bw_compare(const bsl_framework *const *fws, size_t count, const char *buf, size_t len,
                         int format, int lang, char **out)
{
    bsl_error err;
    if (count == 0) {
        bsl_error none = {0};
        snprintf(none.message, sizeof none.message, "no framework to compare with");
        *out = error_json(&none, BSL_ERR_ARG);
        return BSL_ERR_ARG;
    }
    bsl_result **results = calloc(count, sizeof *results);
    if (!results) {
        bsl_error nomem = {0};
        snprintf(nomem.message, sizeof nomem.message, "out of memory for %zu results", count);
        *out = error_json(&nomem, BSL_ERR_NOMEM);
        return BSL_ERR_NOMEM;
    }
    int status = BSL_OK;
    for (size_t i = 0; i < count && status == BSL_OK; i++) {
        bsl_result *r = NULL;
        status = bsl_evaluate_json(&r, fws[i], buf, len, NULL, &err);
        results[i] = r;
    }
    char *text = NULL;
    size_t text_len = 0;
    if (status == BSL_OK)
        status = bsl_render_comparison(&text, &text_len, (const bsl_result *const *)results, 1,
                                       count, (bsl_format)format, (bsl_lang)lang, &err);
    int handed = hand_over(status, text, text_len, &err, out);
    for (size_t i = 0; i < count; i++)
        bsl_result_free(results[i]);
    free(results);
    return handed;
}

/**
 * The what-if plan of the use-case buf[0..len) under fw: the fewest fact
 * changes after which it is favorable (bsl_whatif() with its defaults),
 * rendered by bsl_whatif_render() in `format` (BSL_FORMAT_JSON or
 * BSL_FORMAT_JSON_COMPACT for the document boussole-whatif/1, BSL_FORMAT_TEXT
 * or BSL_FORMAT_MARKDOWN); BSL_ERR_ARG for a format it does not render.
 */
BW_EXPORT int bw_whatif(const bsl_framework *fw, const char *buf, size_t len, int format, int lang,
                        char **out)
{
    bsl_usecase *uc = NULL;
    bsl_whatif_plan *plan = NULL;
    bsl_error err;
    int status = bsl_usecase_parse(&uc, fw, buf, len, NULL, &err);
    if (status == BSL_OK)
        status = bsl_whatif(&plan, (const bsl_usecase *const *)&uc, 1, NULL, &err);
    char *text = NULL;
    size_t text_len = 0;
    if (status == BSL_OK)
        status = bsl_whatif_render(&text, &text_len, plan, (bsl_format)format, (bsl_lang)lang, &err);
    int handed = hand_over(status, text, text_len, &err, out);
    bsl_whatif_free(plan);
    bsl_usecase_free(uc);
    return handed;
}
