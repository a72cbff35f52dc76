/* The public header must compile alone under strict C11 and link. */
#include <boussole.h>
#include <stdio.h>

int main(void)
{
    bsl_options opts = BSL_OPTIONS_INIT;
    bsl_error err;
    (void)err;
    if (opts.version != BSL_OPTIONS_VERSION)
        return 1;
    /* The header's version macros and the linked library must agree. */
    if (bsl_version_number() != BSL_VERSION_NUMBER) {
        fprintf(stderr, "header %d, library %u\n", BSL_VERSION_NUMBER, bsl_version_number());
        return 1;
    }
    return 0;
}
