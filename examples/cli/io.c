/* The input files and the output of the boussole command. */
/* mkstemp, fdopen, fileno, fchmod, fsync: POSIX, not C11. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where the output goes: standard output, or a temporary file renamed over
 * -o FILE once the run has succeeded (so a failed run leaves no file, and
 * never a truncated one). */
static FILE *out; /* NULL: standard output */
static char *out_tmp;
static const char *out_path;

/* Read a whole file ("-" for stdin) into a malloc'd buffer, but no more
 * than the library would accept: reading /dev/zero or an endless pipe
 * stops at BSL_DEFAULT_MAX_INPUT_BYTES + 1 bytes (exit 6), instead of
 * growing until memory runs out. */
int read_all(const char *path, char **out_data, size_t *out_len)
{
    const size_t max = BSL_DEFAULT_MAX_INPUT_BYTES;
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    char *data = NULL;
    size_t len = 0, cap = 0;
    int rc = EXIT_OK;
    if (!f) {
        fprintf(stderr, tr("%s: error: cannot open: %s\n", "%s : erreur : ouverture impossible : %s\n"),
                path, strerror(errno));
        return EXIT_IO;
    }
    while (len <= max) {
        size_t got;
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *p;
            if (ncap > max + 1)
                ncap = max + 1;
            if (!(p = realloc(data, ncap))) {
                fprintf(stderr, tr("%s: error: out of memory\n", "%s : erreur : mémoire insuffisante\n"), path);
                rc = EXIT_INTERNAL;
                break;
            }
            data = p;
            cap = ncap;
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
        if (!got)
            break;
    }
    if (!rc && ferror(f)) {
        fprintf(stderr, tr("%s: error: cannot read: %s\n", "%s : erreur : lecture impossible : %s\n"),
                path, strerror(errno));
        rc = EXIT_IO;
    }
    if (!rc && len > max) {
        fprintf(stderr, tr("%s: error: input larger than the limit of %zu bytes\n",
                           "%s : erreur : entrée plus grande que la limite de %zu octets\n"), path, max);
        rc = EXIT_LIMIT;
    }
    if (f != stdin)
        fclose(f);
    if (rc) {
        free(data);
        return rc;
    }
    /* A UTF-8 byte order mark is not JSON, and the library refuses it; but
     * some Windows editors write one. The CLI drops it and says so, so the
     * file is read as its author meant (it is zero-width: lines and
     * columns stay right). */
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        fprintf(stderr, tr("%s: warning: ignoring a UTF-8 byte order mark\n",
                           "%s : avertissement : indicateur d'ordre des octets UTF-8 ignoré\n"), path);
        memmove(data, data + 3, len - 3);
        len -= 3;
    }
    *out_data = data;
    *out_len = len;
    return EXIT_OK;
}

/* Start the output: standard output, or a temporary file beside path. */
int open_output(const char *path)
{
    int fd;
    mode_t mask;
    out = NULL;
    if (!path)
        return EXIT_OK;
    if (!(out_tmp = malloc(strlen(path) + sizeof ".tmp-XXXXXX"))) {
        fputs(tr("boussole: error: out of memory\n", "boussole : erreur : mémoire insuffisante\n"), stderr);
        return EXIT_INTERNAL;
    }
    sprintf(out_tmp, "%s.tmp-XXXXXX", path);
    if ((fd = mkstemp(out_tmp)) < 0 || !(out = fdopen(fd, "wb"))) {
        fprintf(stderr, tr("%s: error: cannot create: %s\n", "%s : erreur : création impossible : %s\n"),
                path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(out_tmp);
        }
        free(out_tmp);
        out_tmp = NULL;
        out = NULL;
        return EXIT_IO;
    }
    /* mkstemp makes the file 0600; the report gets what a shell would. */
    mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    out_path = path;
    return EXIT_OK;
}

/* Write to the output; a failure is reported once, at the end. */
int put(const char *data, size_t len)
{
    return fwrite(data, 1, len, out ? out : stdout) == len ? 0 : -1;
}

/* The same, formatted. */
int put_format(const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vfprintf(out ? out : stdout, fmt, ap);
    va_end(ap);
    return n < 0 ? -1 : 0;
}

int output_failed(void)
{
    return ferror(out ? out : stdout);
}

/* Finish the output. A report that cannot be written (a full disk,
 * /dev/full, a closed standard output) is an I/O error, never exit 0.
 * With -o, the temporary file replaces FILE only when status is a
 * success (0 or 1: a --fail-on verdict still has its report). */
int close_output(int status)
{
    int failed;
    if (!out_tmp) {
        failed = fflush(stdout) != 0 || ferror(stdout);
        failed = fclose(stdout) != 0 || failed;
        if (failed) {
            fprintf(stderr, tr("boussole: error: cannot write output: %s\n",
                               "boussole : erreur : écriture de la sortie impossible : %s\n"),
                    strerror(errno));
            return status > EXIT_GATE ? status : EXIT_IO;
        }
        return status;
    }
    failed = fflush(out) != 0 || ferror(out) || fsync(fileno(out)) != 0;
    failed = fclose(out) != 0 || failed;
    if (status <= EXIT_GATE && failed)
        fprintf(stderr, tr("%s: error: cannot write: %s\n", "%s : erreur : écriture impossible : %s\n"),
                out_path, strerror(errno));
    else if (status <= EXIT_GATE && rename(out_tmp, out_path) != 0) {
        fprintf(stderr, tr("%s: error: cannot rename the output into place: %s\n",
                           "%s : erreur : impossible de mettre la sortie à sa place : %s\n"),
                out_path, strerror(errno));
        failed = 1;
    }
    if (status > EXIT_GATE || failed)
        unlink(out_tmp);
    free(out_tmp);
    out_tmp = NULL;
    out = NULL;
    if (failed && status <= EXIT_GATE)
        status = EXIT_IO;
    return status;
}

/* A closed standard stream would be reused by the next open(): a closed
 * stdout could then receive the report in a file opened for reading (and
 * fail silently) or in -o's temporary file. Give each one /dev/null, read
 * only for stdout, so that writing a report fails as it should. */
void guard_standard_fds(void)
{
    int fd;
    for (fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            int nfd = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
            if (nfd >= 0 && nfd != fd) {
                dup2(nfd, fd);
                close(nfd);
            }
        }
}
