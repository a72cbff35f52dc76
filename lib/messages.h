/* The catalogue of library messages in French (issue 15): each English
 * format the library writes into bsl_error.message, with its French
 * wording. bsl_error_message() recognises a message by its English format
 * and rewrites it in French with the same arguments, so bsl_error keeps
 * its ABI (no message id field) and every loader keeps writing English. */
#ifndef BSL_MESSAGES_H
#define BSL_MESSAGES_H

#include <stddef.h>

typedef struct bsl_message {
    const char *id;     /* stable name, e.g. "json.unterminated_string" */
    const char *en;     /* the printf format the library uses */
    const char *fr;     /* French: {1}, {2}... are the English format's conversions, in order */
    unsigned phrases;   /* bit k set: argument k+1 is itself a catalogued phrase or word */
} bsl_message;

extern const bsl_message bsl_messages[];
extern const size_t bsl_message_count;

/* The framework warnings of lint.c (boussole check), each with the JSON
 * path of its indicator first: a separate table, so that an error message
 * is never taken for a warning. */
#define BSL_LINT_AT "$.criteria[%zu].indicators[%zu] (%s): "
extern const bsl_message bsl_warning_messages[];
extern const size_t bsl_warning_message_count;

/* text, a message the library wrote in English from one of table's
 * formats, in lang (bsl_lang): rewritten in French with the same
 * arguments when recognised, else as it is. Returns the length of the
 * whole message, as snprintf does; buf is cut at a character boundary. */
size_t bsl_message_translate(const bsl_message *table, size_t count, const char *text, int lang,
                             char *buf, size_t size);

/* The entry of table whose format text was written from, or NULL. */
const bsl_message *bsl_message_recognise(const bsl_message *table, size_t count, const char *text);

/* Words and phrases that messages insert as arguments ("object", "end of
 * input", "expected a value"): English to French. */
typedef struct bsl_phrase { const char *en; const char *fr; } bsl_phrase;
extern const bsl_phrase bsl_phrases[];
extern const size_t bsl_phrase_count;

#endif
