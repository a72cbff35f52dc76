"""Loading libboussole with ctypes and declaring the C functions the binding uses.

The library is found, in this order:

1. ``BOUSSOLE_LIBRARY``: a path to the shared library (or a name dlopen can
   resolve). When it is set, nothing else is tried.
2. In a development tree (this package sitting in ``bindings/python`` of a
   libboussole checkout), the library built in ``build/lib``.
3. The SONAME ``libboussole.so.0``, through the dynamic loader's search path.
4. The directory the library was installed to by ``meson install`` (recorded
   in ``_config.py`` at install time).

When none loads, ImportError lists every place tried and why it failed.
"""
import ctypes
import os

TYPE_CHECKING = False  # mypy takes it as true; typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any, List, Optional, Tuple

SONAME = 'libboussole.so.0'
# The major version this binding speaks (BSL_VERSION_MAJOR).
API_MAJOR = 0

c_int, c_uint, c_size_t, c_double = ctypes.c_int, ctypes.c_uint, ctypes.c_size_t, ctypes.c_double
c_char_p, c_void_p = ctypes.c_char_p, ctypes.c_void_p


ERROR_MESSAGE_SIZE = 256  # BSL_ERROR_MESSAGE_SIZE


class bsl_error(ctypes.Structure):
    """struct bsl_error (its layout is part of the ABI and never changes)."""
    _fields_ = [
        ('code', c_int),
        ('offset', c_size_t),
        ('line', c_uint),
        ('column', c_uint),
        ('path', ctypes.c_char * 128),      # BSL_ERROR_PATH_SIZE
        ('message', ctypes.c_char * ERROR_MESSAGE_SIZE),
    ]


class bsl_stream_options(ctypes.Structure):
    """struct bsl_stream_options (version 1)."""
    _fields_ = [('version', c_uint), ('input', c_int), ('output', c_int), ('detail', c_int),
                ('lang', c_int)]


class bsl_record(ctypes.Structure):
    """struct bsl_record (fields are only ever appended)."""
    _fields_ = [('kind', c_int), ('index', c_size_t), ('input_line', c_size_t),
                ('result', c_void_p), ('error', ctypes.POINTER(bsl_error)), ('text', c_void_p),
                ('len', c_size_t)]


#: bsl_record_fn: int (*)(void *ctx, const bsl_record *record)
RECORD_FN = ctypes.CFUNCTYPE(c_int, c_void_p, ctypes.POINTER(bsl_record))

_P = ctypes.POINTER
# name: (restype, argtypes). Every handle is a c_void_p: pointers are never
# squeezed through a C int. Buffers the library hands out are received as
# c_void_p too (a c_char_p restype/out-parameter would copy and lose the
# pointer that bsl_render_free needs).
_PROTOTYPES = {
    'bsl_version_string': (c_char_p, []),
    'bsl_version_number': (c_uint, []),
    'bsl_strerror': (c_char_p, [c_int]),
    'bsl_error_message': (c_size_t, [_P(bsl_error), c_int, c_char_p, c_size_t]),
    'bsl_error_message_id': (c_char_p, [_P(bsl_error)]),
    'bsl_framework_load': (c_int, [_P(c_void_p), c_char_p, c_size_t, c_void_p, _P(bsl_error)]),
    'bsl_framework_load_file': (c_int, [_P(c_void_p), c_char_p, c_void_p, _P(bsl_error)]),
    'bsl_framework_load_embedded': (c_int, [_P(c_void_p), c_char_p, c_void_p, _P(bsl_error)]),
    'bsl_embedded_framework_count': (c_size_t, []),
    'bsl_embedded_framework_id': (c_char_p, [c_size_t]),
    'bsl_framework_free': (None, [c_void_p]),
    'bsl_framework_id': (c_char_p, [c_void_p]),
    'bsl_framework_version': (c_char_p, [c_void_p]),
    'bsl_framework_title': (c_char_p, [c_void_p, c_int]),
    'bsl_framework_sha256': (c_char_p, [c_void_p]),
    'bsl_framework_criterion_count': (c_size_t, [c_void_p]),
    'bsl_framework_criterion_id': (c_char_p, [c_void_p, c_size_t]),
    'bsl_framework_criterion_title': (c_char_p, [c_void_p, c_size_t, c_int]),
    'bsl_evaluate_json': (c_int, [_P(c_void_p), c_void_p, c_char_p, c_size_t, c_void_p, _P(bsl_error)]),
    'bsl_result_free': (None, [c_void_p]),
    # the scalars a lazy Result is made with (the rest comes from a rendering)
    'bsl_result_verdict': (c_int, [c_void_p]),
    'bsl_result_score': (c_double, [c_void_p]),
    'bsl_result_usecase_id': (c_char_p, [c_void_p]),
    'bsl_result_usecase_title': (c_char_p, [c_void_p]),
    'bsl_result_criterion_count': (c_size_t, [c_void_p]),
    'bsl_result_criterion': (c_void_p, [c_void_p, c_size_t]),
    'bsl_criterion_result_assessed': (c_int, [c_void_p]),
    # what a compact summary reads from the result a stream hands over
    'bsl_result_unknown_count': (c_size_t, [c_void_p]),
    'bsl_result_unknown_path': (c_char_p, [c_void_p, c_size_t]),
    'bsl_result_framework_id': (c_char_p, [c_void_p]),
    'bsl_result_framework_version': (c_char_p, [c_void_p]),
    'bsl_result_framework_sha256': (c_char_p, [c_void_p]),
    'bsl_result_vocabulary_id': (c_char_p, [c_void_p]),
    'bsl_result_vocabulary_version': (c_char_p, [c_void_p]),
    'bsl_result_vocabulary_sha256': (c_char_p, [c_void_p]),
    'bsl_result_library_version': (c_char_p, [c_void_p]),
    'bsl_verdict_token': (c_char_p, [c_int]),
    'bsl_verdict_label': (c_char_p, [c_int, c_int]),
    'bsl_criterion_status_token': (c_char_p, [c_int]),
    'bsl_criterion_status_label': (c_char_p, [c_int, c_int]),
    'bsl_reason_kind_token': (c_char_p, [c_int]),
    'bsl_render': (c_int, [_P(c_void_p), _P(c_size_t), c_void_p, c_int, c_int, _P(bsl_error)]),
    'bsl_render_free': (None, [c_void_p]),
    'bsl_evaluate_lines': (c_int, [_P(c_void_p), _P(c_size_t), c_void_p, c_char_p, c_size_t,
                                   c_int, c_void_p, _P(c_size_t), _P(bsl_error)]),
    # the vocabulary and the facts a framework reads (0.2)
    'bsl_vocabulary_load_embedded': (c_int, [_P(c_void_p), c_void_p, _P(bsl_error)]),
    'bsl_vocabulary_free': (None, [c_void_p]),
    'bsl_vocabulary_fact_count': (c_size_t, [c_void_p]),
    'bsl_vocabulary_fact': (c_void_p, [c_void_p, c_size_t]),
    'bsl_fact_key': (c_char_p, [c_void_p]),
    'bsl_fact_type_of': (c_int, [c_void_p]),
    'bsl_fact_label': (c_char_p, [c_void_p, c_int]),
    'bsl_fact_help': (c_char_p, [c_void_p, c_int]),
    'bsl_fact_unit': (c_char_p, [c_void_p, c_int]),
    'bsl_fact_value_count': (c_size_t, [c_void_p]),
    'bsl_fact_value': (c_char_p, [c_void_p, c_size_t]),
    'bsl_fact_value_label': (c_char_p, [c_void_p, c_size_t, c_int]),
    'bsl_fact_min': (c_int, [c_void_p, _P(c_double)]),
    'bsl_fact_max': (c_int, [c_void_p, _P(c_double)]),
    'bsl_framework_indicator_count': (c_size_t, [c_void_p]),
    'bsl_framework_indicator': (c_void_p, [c_void_p, c_size_t]),
    'bsl_indicator_fact': (c_void_p, [c_void_p]),
    'bsl_indicator_criterion': (c_char_p, [c_void_p]),
    'bsl_indicator_label': (c_char_p, [c_void_p, c_int]),
    'bsl_indicator_required': (c_int, [c_void_p]),
    'bsl_indicator_weight': (c_double, [c_void_p]),
    'bsl_indicator_condition_fact': (c_char_p, [c_void_p]),
    'bsl_indicator_condition_negated': (c_int, [c_void_p]),
    'bsl_indicator_condition_value_count': (c_size_t, [c_void_p]),
    'bsl_indicator_condition_value': (c_char_p, [c_void_p, c_size_t]),
    'bsl_framework_describe': (c_int, [_P(c_void_p), _P(c_size_t), c_void_p, c_int, c_int,
                                       _P(bsl_error)]),
    'bsl_framework_schema': (c_int, [_P(c_void_p), _P(c_size_t), c_void_p, c_int, _P(bsl_error)]),
    'bsl_framework_template': (c_int, [_P(c_void_p), _P(c_size_t), c_void_p, c_int, _P(bsl_error)]),
    'bsl_render_comparison': (c_int, [_P(c_void_p), _P(c_size_t), _P(c_void_p), c_size_t, c_size_t,
                                      c_int, c_int, _P(bsl_error)]),
    # streams (0.2): registers of any size, one record at a time
    'bsl_stream_new': (c_int, [_P(c_void_p), c_void_p, _P(bsl_stream_options), c_void_p, RECORD_FN,
                               c_void_p, _P(bsl_error)]),
    'bsl_stream_feed': (c_int, [c_void_p, c_char_p, c_size_t, _P(bsl_error)]),
    'bsl_stream_finish': (c_int, [c_void_p, _P(bsl_error)]),
    'bsl_stream_free': (None, [c_void_p]),
    'bsl_usecase_parse': (c_int, [_P(c_void_p), c_void_p, c_char_p, c_size_t, c_void_p, _P(bsl_error)]),
    'bsl_usecase_free': (None, [c_void_p]),
    'bsl_whatif': (c_int, [_P(c_void_p), _P(c_void_p), c_size_t, c_void_p, _P(bsl_error)]),
    'bsl_whatif_free': (None, [c_void_p]),
    'bsl_whatif_render': (c_int, [_P(c_void_p), _P(c_size_t), c_void_p, c_int, c_int, _P(bsl_error)]),
}

# enum values from boussole.h
BSL_OK = 0
FORMAT_JSON, FORMAT_TEXT, FORMAT_JSON_COMPACT, FORMAT_MARKDOWN = 0, 1, 2, 3
FORMAT_HTML, FORMAT_SVG = 4, 5
LANGS = {'fr': 0, 'en': 1}


def _candidates() -> 'List[Tuple[str, str]]':
    """(description, what to pass to CDLL) in the order they are tried."""
    env = os.environ.get('BOUSSOLE_LIBRARY')
    if env:
        return [('BOUSSOLE_LIBRARY=%s' % env, env)]
    found = []
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    if (os.path.isfile(os.path.join(root, 'meson.build'))
            and os.path.isfile(os.path.join(root, 'include', 'boussole.h'))):
        built = os.path.join(root, 'build', 'lib', SONAME)
        found.append(('development tree build %s' % built, built))
    found.append(('SONAME %s (dynamic loader search path)' % SONAME, SONAME))
    libdir = _installed_libdir()
    if libdir is not None:
        installed = os.path.join(libdir, SONAME)
        found.append(('install directory %s' % installed, installed))
    return found


def _installed_libdir() -> 'Optional[str]':
    """Where meson install put the library (_config.py, written at install
    time), or None in a development tree or a wheel."""
    try:
        from . import _config  # written by meson install (_config.py.in)
    except ImportError:
        return None
    # getattr: _config.py exists only once installed, so a type checker of
    # the source tree cannot know its members.
    libdir = getattr(_config, 'LIBDIR', None)
    return libdir if isinstance(libdir, str) else None


def _load() -> 'Tuple[ctypes.CDLL, str]':
    tried = []
    for what, target in _candidates():
        try:
            lib = ctypes.CDLL(target)
        except OSError as e:
            tried.append('  - %s: %s' % (what, e))
            continue
        missing = [name for name in _PROTOTYPES if not hasattr(lib, name)]
        if missing:
            tried.append('  - %s: loaded, but lacks %s (an older libboussole?)'
                         % (what, ', '.join(missing)))
            continue
        for name, (restype, argtypes) in _PROTOTYPES.items():
            fn = getattr(lib, name)
            fn.restype = restype
            fn.argtypes = argtypes
        major = lib.bsl_version_number() // 10000
        if major != API_MAJOR:
            tried.append('  - %s: version %s, but this binding needs %d.x'
                         % (what, lib.bsl_version_string().decode(), API_MAJOR))
            continue
        return lib, target
    raise ImportError(
        'boussole: cannot load the C library libboussole. Tried, in order:\n%s\n'
        'Build it (meson setup build && ninja -C build), install it (meson install -C build), '
        'or set BOUSSOLE_LIBRARY to the path of libboussole.so.0.' % '\n'.join(tried))


lib, path = _load()


def cstr(p: 'Optional[bytes]') -> 'Optional[str]':
    """A C string the library returned (borrowed or static), as str or None."""
    return None if p is None else p.decode('utf-8')


def text(p: 'Optional[bytes]') -> str:
    """A C string the library documents as never NULL, as str."""
    if p is None:
        raise ValueError('libboussole returned NULL where it promises a string')
    return p.decode('utf-8')


def take_buffer(ptr: 'ctypes.c_void_p', length: int) -> bytes:
    """Copy a buffer from bsl_render/bsl_evaluate_lines, then free it."""
    try:
        return ctypes.string_at(ptr, length)
    finally:
        lib.bsl_render_free(ptr)
