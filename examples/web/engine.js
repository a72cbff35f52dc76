/*
 * The engine's calls in JavaScript: strings (or bytes) in, strings out,
 * errors as exceptions. Wraps the emscripten module built from glue.c; used
 * by the page (app.js) and by the node test, so both go through one path.
 * Works as a classic browser script (global BoussoleEngine) and in node
 * (module.exports).
 */
(function (root) {
  'use strict';

  /* bsl_format numbers (boussole.h): the page asks for a format by number,
   * so a renderer added to the library needs no new glue. */
  const FORMAT = { JSON: 0, TEXT: 1, JSON_COMPACT: 2, MARKDOWN: 3, HTML: 4, SVG: 5 };
  const LANG = { fr: 0, en: 1 };
  const BSL_ERR_ARG = -2;
  const BSL_ERR_UNKNOWN = -1000; // replaced by the code of the glue's error document

  /** A failed call: status is the bsl_status, detail the glue's error object. */
  class BoussoleError extends Error {
    constructor(status, detail) {
      const where = detail && detail.line ? ` (line ${detail.line}, column ${detail.column})` : '';
      const path = detail && detail.path ? ` at ${detail.path}` : '';
      super(detail ? `${detail.name}: ${detail.message}${where}${path}` : `error ${status}`);
      this.status = status;
      this.detail = detail;
    }
  }

  class Engine {
    constructor(mod) {
      this.mod = mod;
      this.handles = new Map(); // framework id -> bsl_framework pointer
    }

    /** factory: createBoussole from boussole-web.js; options go to it. */
    static async create(factory, options) {
      return new Engine(await factory(options || {}));
    }

    version() {
      return this.mod.UTF8ToString(this.mod._bsl_version_string());
    }

    /** Ids of the embedded frameworks, the default one first. */
    frameworkIds() {
      const ids = [];
      const n = this.mod._bsl_embedded_framework_count();
      for (let i = 0; i < n; i++) ids.push(this.mod.UTF8ToString(this.mod._bsl_embedded_framework_id(i)));
      return ids;
    }

    /** The framework's title in lang. */
    title(id, lang) {
      return this.mod.UTF8ToString(this.mod._bw_framework_title(this.framework(id), langNumber(lang)));
    }

    describe(id, lang) {
      return JSON.parse(this.run((out) => this.mod._bw_describe(this.framework(id), langNumber(lang), out)));
    }

    template(id, lang) {
      return this.run((out) => this.mod._bw_template(this.framework(id), langNumber(lang), out));
    }

    /** The use-case (a string or UTF-8 bytes) evaluated by framework id, rendered. */
    evaluate(id, usecase, format, lang) {
      const fw = this.framework(id);
      return this.withInput(usecase, (buf, len) =>
        this.run((out) => this.mod._bw_evaluate(fw, buf, len, format, langNumber(lang), out)));
    }

    /** The what-if plan of the use-case under framework id (bsl_whatif(): the
     * fewest fact changes to favorable), rendered by bsl_whatif_render():
     * FORMAT.JSON (boussole-whatif/1), TEXT or MARKDOWN. */
    whatif(id, usecase, format, lang) {
      const fw = this.framework(id);
      return this.withInput(usecase, (buf, len) =>
        this.run((out) => this.mod._bw_whatif(fw, buf, len, format, langNumber(lang), out)));
    }

    /** True when the library renders results in this format (e.g. FORMAT.HTML). */
    renders(id, usecase, format, lang) {
      try {
        this.evaluate(id, usecase, format, lang);
        return true;
      } catch (e) {
        if (e instanceof BoussoleError && e.status === BSL_ERR_ARG) return false;
        throw e;
      }
    }

    /** The use-case evaluated by every framework of ids, as one comparison. */
    compare(ids, usecase, format, lang) {
      const m = this.mod;
      const handles = ids.map((id) => this.framework(id));
      const array = m._malloc(4 * handles.length);
      if (!array) throw new BoussoleError(-1, null);
      try {
        handles.forEach((h, i) => m.setValue(array + 4 * i, h, 'i32'));
        return this.withInput(usecase, (buf, len) =>
          this.run((out) => m._bw_compare(array, handles.length, buf, len, format, langNumber(lang), out)));
      } finally {
        m._free(array);
      }
    }

    /** Free every framework loaded so far. */
    close() {
      for (const h of this.handles.values()) this.mod._bw_framework_free(h);
      this.handles.clear();
    }

    framework(id) {
      let h = this.handles.get(id);
      if (h) return h;
      h = this.withInput(id, (buf) => {
        const outp = this.mod._malloc(4);
        try {
          const fw = this.mod._bw_framework_load(buf, outp);
          if (!fw) this.take(BSL_ERR_UNKNOWN, outp);
          return fw;
        } finally {
          this.mod._free(outp);
        }
      });
      this.handles.set(id, h);
      return h;
    }

    /* Call fn(outPointer) and take the string it wrote through it. */
    run(fn) {
      const outp = this.mod._malloc(4);
      if (!outp) throw new BoussoleError(-1, null);
      try {
        return this.take(fn(outp), outp);
      } finally {
        this.mod._free(outp);
      }
    }

    take(status, outp) {
      const p = this.mod.getValue(outp, 'i32');
      const text = p ? this.mod.UTF8ToString(p) : '';
      if (p) this.mod._free(p);
      if (status < 0) {
        const detail = text ? JSON.parse(text).error : null;
        throw new BoussoleError(detail ? detail.code : status, detail);
      }
      return text;
    }

    /* Copy input (string or bytes) into the module's memory, NUL-terminated,
     * for the duration of fn(pointer, length). */
    withInput(input, fn) {
      const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
      const p = this.mod._malloc(bytes.length + 1);
      if (!p) throw new BoussoleError(-1, null);
      try {
        this.mod.writeArrayToMemory(bytes, p);
        this.mod.writeArrayToMemory([0], p + bytes.length);
        return fn(p, bytes.length);
      } finally {
        this.mod._free(p);
      }
    }
  }

  function langNumber(lang) {
    if (!(lang in LANG)) throw new RangeError(`language must be fr or en, not ${lang}`);
    return LANG[lang];
  }

  const api = { Engine, BoussoleError, FORMAT, LANG };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.BoussoleEngine = api;
})(typeof self !== 'undefined' ? self : this);
