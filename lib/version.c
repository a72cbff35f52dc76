#include "boussole.h"

#define BSL_STR2(x) #x
#define BSL_STR(x) BSL_STR2(x)

const char *bsl_version_string(void)
{
    return BSL_STR(BSL_VERSION_MAJOR) "." BSL_STR(BSL_VERSION_MINOR) "." BSL_STR(BSL_VERSION_PATCH);
}

unsigned bsl_version_number(void) { return BSL_VERSION_NUMBER; }
