# Sourced by fuzz/oss-fuzz-build.sh and fuzz/run.sh: what the harnesses are
# and how each is fuzzed, in one place, so a new harness needs no edit here.
#
#   - a harness is a file fuzz/fuzz_<name>.c defining LLVMFuzzerTestOneInput;
#     its seeds are fuzz/corpus/<name>/ (may be missing: empty corpus);
#   - its dictionary is fuzz/<name>.dict if there is one, else fuzz/json.dict;
#   - the largest input it mutates is fuzz_max_len <name>.

# Names of every harness, one a line, sorted (from fuzz/fuzz_*.c).
fuzz_harness_names() {
    local f
    for f in "$1"/fuzz/fuzz_*.c; do
        [ -f "$f" ] || continue
        f=${f##*/fuzz_}
        echo "${f%.c}"
    done
}

# The dictionary file of harness $2 in source tree $1.
fuzz_dict_of() {
    if [ -f "$1/fuzz/$2.dict" ]; then echo "$1/fuzz/$2.dict"; else echo "$1/fuzz/json.dict"; fi
}

# Largest input a harness mutates: a framework is ~75 KB, the rest is
# small; bigger seeds are still replayed whole by the fuzz-replay tests.
fuzz_max_len() {
    case $1 in
        framework) echo 131072 ;;
        *) echo 16384 ;;
    esac
}

# The quoted file names of the meson list "NAME = files(" ... ")" in
# meson file $1: the build scripts read the library's sources from meson,
# so the list is kept in one place.
meson_files_list() {
    sed -n "/^$2 = files(/,/)/p" "$1" | grep -o "'[^']*'" | tr -d "'"
}
