/* A minimal TAP producer for the C test programs: each CHECK prints one
 * "ok N - ..." or "not ok N - ..." line and the program exits non-zero when
 * any check failed. meson runs these with protocol 'tap'. */
#ifndef BSL_TEST_CHECK_H
#define BSL_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Not every program that includes this uses every helper (the benchmarks
 * include it through testutil.h): no unused-function warnings. */
#if defined(__GNUC__)
#define CHECK_MAYBE_UNUSED __attribute__((unused))
#else
#define CHECK_MAYBE_UNUSED
#endif

static int check_count_, check_failed_;

static CHECK_MAYBE_UNUSED int check_report_(int ok, const char *file, int line, const char *what)
{
    ++check_count_;
    if (!ok)
        ++check_failed_;
    printf("%s %d - %s\n", ok ? "ok" : "not ok", check_count_, what);
    if (!ok)
        printf("# failed at %s:%d\n", file, line);
    fflush(stdout);
    return ok;
}

/* CHECK(cond, "what") */
#define CHECK(cond, what) check_report_(!!(cond), __FILE__, __LINE__, (what))

/* Compare integers and show both on failure. */
#define CHECK_INT(got, want, what)                                              \
    do {                                                                        \
        long long g_ = (long long)(got), w_ = (long long)(want);                \
        if (!check_report_(g_ == w_, __FILE__, __LINE__, (what)))               \
            printf("#   got %lld, want %lld\n", g_, w_);                        \
    } while (0)

/* Compare strings (NULL allowed) and show both on failure. */
#define CHECK_STR(got, want, what)                                              \
    do {                                                                        \
        const char *g_ = (got), *w_ = (want);                                   \
        int same_ = (g_ == NULL || w_ == NULL) ? g_ == w_ : strcmp(g_, w_) == 0; \
        if (!check_report_(same_, __FILE__, __LINE__, (what)))                  \
            printf("#   got \"%s\", want \"%s\"\n", g_ ? g_ : "(null)",         \
                   w_ ? w_ : "(null)");                                         \
    } while (0)

/* Print the plan and return the exit status; call at the end of main. */
static CHECK_MAYBE_UNUSED int check_done(void)
{
    printf("1..%d\n", check_count_);
    return check_failed_ ? 1 : 0;
}

#endif
