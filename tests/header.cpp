// The public header must be usable from C++ (extern "C", no C-only syntax).
#include <boussole.h>
#include <cstdio>

int main()
{
    bsl_options opts = BSL_OPTIONS_INIT;
    bsl_framework *fw = nullptr;
    bsl_error err;
    if (bsl_framework_load_embedded(&fw, nullptr, &opts, &err) != BSL_OK) {
        std::fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    int ok = bsl_framework_criterion_count(fw) > 0;
    bsl_framework_free(fw);
    return ok ? 0 : 1;
}
