/* French wording of every message a use-case reader meets (JSON syntax,
 * limits, schema, facts) and of the loading and argument errors, in the
 * register of a French administration. Each English format is the one the
 * library passes to bsl_error_set/bsl_error_at/bsl_reader_fail; test_api.c
 * checks that both languages have the same arguments, and
 * tests/test_messages.py that every format of lib/ written for a use-case
 * is catalogued. */
#include "messages.h"

/* More specific formats first: the first that matches a message wins. */
const bsl_message bsl_messages[] = {
    /* JSON syntax and limits (json.c) */
    {"json.empty", "empty document: expected a value", "document vide : une valeur est attendue", 0},
    {"json.unterminated_string", "unterminated string", "chaîne non terminée", 0},
    {"json.bad_utf8", "invalid UTF-8 byte 0x%02X%s", "octet UTF-8 invalide 0x{1}{2}", 2},
    {"json.low_surrogate", "lone surrogate \\u%04lX (a low surrogate without a high one)",
     "demi-code isolé \\u{1} (un demi-code bas sans demi-code haut)", 0},
    {"json.high_surrogate", "lone surrogate \\u%04lX (not followed by a low surrogate)",
     "demi-code isolé \\u{1} (non suivi d'un demi-code bas)", 0},
    {"json.bad_escape", "invalid escape '\\%c'", "séquence d'échappement invalide « \\{1} »", 0},
    {"json.control_char", "raw control character U+%04X in string",
     "caractère de contrôle U+{1} non échappé dans une chaîne", 0},
    {"json.string_limit", "string longer than the limit of %zu bytes",
     "chaîne plus longue que la limite de {1} octets", 0},
    {"json.leading_zero", "leading zero in number", "zéro non significatif en tête de nombre", 0},
    {"json.number_range", "number outside the range of a double",
     "nombre hors de la plage d'un double", 0},
    {"json.depth_limit", "nesting deeper than the limit of %zu",
     "imbrication plus profonde que la limite de {1}", 0},
    {"json.token_limit", "more than %zu values (the token limit)",
     "plus de {1} valeurs (limite de jetons)", 0},
    {"json.after_top", "unexpected character %s after the top-level value",
     "caractère inattendu {1} après la valeur principale", 1},
    {"json.duplicate_key", "duplicate key \"%s\"", "clé « {1} » en double", 0},
    {"json.size_limit", "document larger than the limit of %zu bytes",
     "document plus grand que la limite de {1} octets", 0},
    {"json.internal", "internal error: the tokenizer disagrees with the validator",
     "erreur interne : l'analyseur et le validateur sont en désaccord", 0},
    {"json.bad_literal", "invalid literal: expected '%s', found %s",
     "littéral invalide : « {1} » attendu, trouvé : {2}", 2},
    /* Reading a document against its format (schema.c, usecase.c) */
    {"schema.nul", "%s \"%s%s\" holds a NUL character (\\u0000), which is not allowed",
     "{1} « {2}{3} » contient un caractère NUL (\\u0000), ce qui n'est pas autorisé", 1},
    {"schema.type", "expected %s, found %s", "type attendu : {1}, trouvé : {2}", 3},
    {"schema.unknown_field", "unknown field \"%.40s\" (allowed: %s)",
     "champ « {1} » inconnu (champs autorisés : {2})", 0},
    {"schema.missing", "missing required field \"%s\"", "champ obligatoire « {1} » manquant", 0},
    {"schema.range", "\"%s\" is %s, outside the allowed range",
     "« {1} » vaut {2}, hors de la plage autorisée", 0},
    {"schema.empty", "\"%s\" must not be empty", "« {1} » ne doit pas être vide", 0},
    {"usecase.not_a_value", "\"%.40s\" is not a value of %s (allowed: %s)",
     "« {1} » n'est pas une valeur de {2} (valeurs autorisées : {3})", 0},
    {"usecase.number_range", "%s is %s, outside %s..%s", "{1} vaut {2}, hors de l'intervalle {3}..{4}", 0},
    {"usecase.facts_limit", "more than %zu entries (max_facts)",
     "plus de {1} entrées (max_facts)", 0},
    {"schema.listed_twice", "\"%s\" is listed twice", "« {1} » figure deux fois", 0},
    {"schema.named_twice", "%s \"%.60s\" is listed twice", "{1} « {2} » figure deux fois", 1},
    /* Loading, options and arguments (framework.c, options.c, evaluate.c) */
    {"load.open", "cannot open %.200s: %s", "impossible d'ouvrir {1} : {2}", 0},
    {"load.read", "cannot read %.200s", "impossible de lire {1}", 0},
    {"load.too_large", "%.200s is larger than max_input_bytes (%zu)",
     "{1} dépasse max_input_bytes ({2})", 0},
    {"load.not_embedded", "no embedded framework \"%.80s\"", "aucun référentiel intégré « {1} »", 0},
    {"options.version", "unsupported bsl_options version %u (this library knows %u)",
     "version {1} de bsl_options non prise en charge (cette bibliothèque connaît la {2})", 0},
    {"options.allocator", "bsl_allocator needs malloc, realloc and free, or none of them",
     "bsl_allocator demande malloc, realloc et free, ou aucun des trois", 0},
    {"evaluate.other_framework", "the use-case was parsed against another framework",
     "le cas d'usage a été lu pour un autre référentiel", 0},
    /* the scanner's "<what expected>, found <what>", after every more specific format */
    {"json.expected_found", "%s, found %s", "{1}, trouvé : {2}", 3},
    {"nomem", "out of memory", "mémoire insuffisante", 0},
};
const size_t bsl_message_count = sizeof bsl_messages / sizeof bsl_messages[0];

const bsl_phrase bsl_phrases[] = {
    /* JSON types (bsl_json_type_name) */
    {"null", "null"}, {"boolean", "booléen"}, {"number", "nombre"}, {"string", "chaîne"},
    {"array", "tableau"}, {"object", "objet"}, {"key", "clé"},
    /* what is listed twice (bsl_reader_fail_duplicate) */
    {"criterion id", "l'identifiant de critère"}, {"enum value", "la valeur d'énumération"},
    {"set value", "la valeur d'ensemble"}, {"value", "la valeur"}, {"fact", "le fait"},
    /* why a byte is not UTF-8 (json.c) */
    {"", ""},
    {" (unexpected continuation byte)", " (octet de continuation inattendu)"},
    {" (overlong encoding)", " (encodage trop long)"},
    {" (never valid in UTF-8)", " (jamais valide en UTF-8)"},
    {" (truncated sequence)", " (séquence tronquée)"},
    {" (encoded UTF-16 surrogate)", " (demi-code UTF-16 encodé)"},
    {" (code point above U+10FFFF)", " (point de code au-delà de U+10FFFF)"},
    /* what the JSON scanner expected (json.c) */
    {"end of input", "fin du texte"},
    {"expected a value", "valeur attendue"},
    {"expected a string key or '}'", "clé (chaîne) ou « } » attendue"},
    {"expected ':' after object key", "« : » attendu après la clé"},
    {"expected ',' or '}' after object member", "« , » ou « } » attendu après un membre d'objet"},
    {"expected ',' or ']' after array element", "« , » ou « ] » attendu après un élément de tableau"},
    {"expected a string key", "clé (chaîne) attendue"},
    {"trailing comma: expected a string key", "virgule finale : une clé (chaîne) est attendue"},
    {"trailing comma: expected a value", "virgule finale : une valeur est attendue"},
    {"expected a digit after '-'", "chiffre attendu après « - »"},
    {"expected a digit after '.'", "chiffre attendu après « . »"},
    {"expected a digit in the exponent", "chiffre attendu dans l'exposant"},
    {"invalid \\u escape: expected 4 hex digits",
     "échappement \\u invalide : 4 chiffres hexadécimaux attendus"},
    {"invalid escape: '\\' must be followed by one of \"\\/bfnrtu",
     "échappement invalide : « \\ » doit être suivi de l'un de \"\\/bfnrtu"},
};
const size_t bsl_phrase_count = sizeof bsl_phrases / sizeof bsl_phrases[0];
