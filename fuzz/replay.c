/* A standalone driver for a libFuzzer harness: feeds every file named on
 * the command line, and every file of every directory named, to
 * LLVMFuzzerTestOneInput, in name order. Built with any C compiler (gcc in
 * the default build), so the corpus replays as an ordinary test: a harness
 * whose invariant fails aborts, and the test fails. Exit status 0 when every
 * input ran, 1 when a file could not be read, 2 on usage errors.
 *
 *     fuzz_json_replay fuzz/corpus/json [more files or directories...] */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t size = 0, cap = 0;
    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    for (;;) {
        size_t got;
        if (cap - size < 4096) {
            unsigned char *p = realloc(data, cap ? 2 * cap : 65536);
            if (!p) {
                fprintf(stderr, "replay: out of memory reading %s\n", path);
                free(data);
                fclose(f);
                return 1;
            }
            data = p;
            cap = cap ? 2 * cap : 65536;
        }
        got = fread(data + size, 1, cap - size, f);
        size += got;
        if (!got)
            break;
    }
    if (ferror(f)) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        free(data);
        fclose(f);
        return 1;
    }
    fclose(f);
    /* An exact-size copy, so that ASan or valgrind catch a read past the
     * end of the input as libFuzzer would. */
    {
        unsigned char *exact = malloc(size ? size : 1);
        if (!exact) {
            free(data);
            return 1;
        }
        memcpy(exact, data, size);
        free(data);
        fprintf(stderr, "replay: %s (%zu bytes)\n", path, size);
        LLVMFuzzerTestOneInput(exact, size);
        free(exact);
    }
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(const char *path, size_t *count)
{
    struct stat st;
    DIR *dir;
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int bad = 0;

    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: cannot stat %s\n", path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        ++*count;
        return run_file(path);
    }
    dir = opendir(path);
    if (!dir) {
        fprintf(stderr, "replay: cannot open directory %s\n", path);
        return 1;
    }
    while ((e = readdir(dir)) != NULL) {
        char *full;
        if (e->d_name[0] == '.')
            continue; /* ., .., and hidden files (editor droppings) */
        if (n == cap) {
            char **p = realloc(names, (cap ? 2 * cap : 64) * sizeof *p);
            if (!p) {
                bad = 1;
                break;
            }
            names = p;
            cap = cap ? 2 * cap : 64;
        }
        full = malloc(strlen(path) + strlen(e->d_name) + 2);
        if (!full) {
            bad = 1;
            break;
        }
        sprintf(full, "%s/%s", path, e->d_name);
        names[n++] = full;
    }
    closedir(dir);
    qsort(names, n, sizeof *names, by_name);
    for (i = 0; i < n; i++) {
        if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            ++*count;
            bad |= run_file(names[i]);
        }
        free(names[i]);
    }
    free(names);
    return bad;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int i, bad = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
        return 2;
    }
    for (i = 1; i < argc; i++)
        bad |= run_path(argv[i], &count);
    printf("replayed %zu inputs%s\n", count, bad ? " (some could not be read)" : "");
    if (count == 0) {
        fprintf(stderr, "replay: no input found\n");
        return 1;
    }
    return bad;
}
