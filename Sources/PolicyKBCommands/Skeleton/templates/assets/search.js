/* policykb search: the page's twin of the Swift Search module (Sources/Search).
 * Same normalisation, tokens, ranking and verification, so that the page and
 * `policykb search` give the same results in the same order.
 * Index files are scripts `PKB.load(key, data)` loaded with <script> elements,
 * which works when the site is opened from disk as well as over HTTP. */
(function (root) {
  'use strict';
  var PKB = root.PKB = root.PKB || {};

  // MARK: - Loading index files

  var cache = new Map();
  var waiting = new Map();
  PKB.load = function (key, data) {
    cache.set(key, data);
    var resolvers = waiting.get(key);
    if (resolvers) {
      waiting.delete(key);
      resolvers.forEach(function (r) { r.resolve(data); });
    }
  };
  PKB.loadedKeys = [];

  /* The default loader adds a <script>; node tests replace it with one that reads files. */
  PKB.fetchScript = function (url, key) {
    return new Promise(function (resolve, reject) {
      var list = waiting.get(key);
      if (!list) { list = []; waiting.set(key, list); }
      list.push({ resolve: resolve, reject: reject });
      if (list.length > 1) return;
      var script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onerror = function () {
        var pending = waiting.get(key) || [];
        waiting.delete(key);
        pending.forEach(function (r) { r.reject(new Error('cannot load ' + url)); });
      };
      document.head.appendChild(script);
    });
  };

  function loadKey(base, key) {
    if (cache.has(key)) return Promise.resolve(cache.get(key));
    PKB.loadedKeys.push(key);
    return PKB.fetchScript(base + key + '.js', key);
  }

  // MARK: - Normalisation and tokens (SearchNormalizer.swift, SearchTokenizer.swift)

  var normCache = new Map();
  function mapCodePoint(cp) {
    if (cp < 0x80) return [cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp];
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)) return [cp];
    var hit = normCache.get(cp);
    if (hit) return hit;
    var mapped = Array.from(String.fromCodePoint(cp).normalize('NFKC').toLowerCase(), function (c) { return c.codePointAt(0); });
    normCache.set(cp, mapped);
    return mapped;
  }

  /* Normalised code points, and for each the index of the original code point it came from. */
  function normalize(text) {
    var points = [], origins = [], index = 0;
    for (var ch of text) {
      var mapped = mapCodePoint(ch.codePointAt(0));
      for (var i = 0; i < mapped.length; i++) { points.push(mapped[i]); origins.push(index); }
      index++;
    }
    return { points: points, origins: origins };
  }

  function isSpace(cp) {
    return (cp >= 0x09 && cp <= 0x0d) || cp === 0x20 || cp === 0x85 || cp === 0xa0 || cp === 0x1680 ||
      (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
  }
  function isHan(cp) {
    return cp === 0x3007 || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
  }
  /* Chinese characters, letters and digits (SearchNormalizer.isIndexable). */
  function isIndexable(cp) {
    if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return true;
    if (cp >= 0xc0 && cp <= 0x24f) return cp !== 0xd7 && cp !== 0xf7;
    if (cp >= 0x370 && cp <= 0x4ff) return true;
    return isHan(cp);
  }
  function isWordChar(cp) { return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a); }
  function str(points) { return String.fromCodePoint.apply(null, points); }

  function tokens(text) {
    var points = normalize(text).points, out = [], wordStart = -1;
    function flush(end) {
      if (wordStart >= 0) { out.push({ kind: 'word', text: str(points.slice(wordStart, end)), position: wordStart }); wordStart = -1; }
    }
    for (var i = 0; i < points.length; i++) {
      var cp = points[i];
      if (isSpace(cp)) { flush(i); continue; }
      if (isHan(cp)) out.push({ kind: 'unigram', text: str([cp]), position: i });
      if (i + 1 < points.length && isIndexable(cp) && isIndexable(points[i + 1])) out.push({ kind: 'bigram', text: str([cp, points[i + 1]]), position: i });
      if (isWordChar(cp)) { if (wordStart < 0) wordStart = i; } else flush(i);
    }
    flush(points.length);
    return out;
  }

  /* A query's parts (split on spaces, normalised) and the terms each is looked up by. */
  function parts(text) {
    var points = normalize(text).points, out = [], current = [];
    points.forEach(function (cp) {
      if (isSpace(cp)) { if (current.length) out.push(current); current = []; } else current.push(cp);
    });
    if (current.length) out.push(current);
    return out;
  }
  /* [{term, offset}]: every bigram of the part's indexable runs, else the unigrams of its Chinese
   * characters (SearchQuery.terms(of:)). */
  function termsOf(part) {
    var terms = [];
    for (var i = 0; i + 1 < part.length; i++) {
      if (isIndexable(part[i]) && isIndexable(part[i + 1])) terms.push({ term: str([part[i], part[i + 1]]), offset: i });
    }
    if (!terms.length) part.forEach(function (cp, i) { if (isHan(cp)) terms.push({ term: str([cp]), offset: i }); });
    return terms;
  }

  function shardOf(term, shards) {
    var bytes = new TextEncoder().encode(term), hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { hash ^= bytes[i]; hash = Math.imul(hash, 0x01000193) >>> 0; }
    return (hash >>> 0) % Math.max(1, shards);
  }

  /* The terms a part is looked up by (SearchQuery.coveringTerms): of each run of bigrams at
   * consecutive offsets every other one and the last, so that they cover every character. */
  function coveringTerms(part) {
    var all = termsOf(part), chosen = [];
    for (var i = 0; i < all.length; i++) {
      var t = all[i], isBigram = Array.from(t.term).length === 2;
      var runStart = i === 0 || all[i - 1].offset !== t.offset - 1;
      var runEnd = i === all.length - 1 || all[i + 1].offset !== t.offset + 1;
      var last = chosen.length ? chosen[chosen.length - 1].offset : null;
      var everyOther = runStart || last === null || t.offset - last >= 2;
      if (!isBigram || everyOther || runEnd) chosen.push(t);
    }
    return chosen;
  }

  // MARK: - Bits (BitCoding.swift, PostingsCoding.swift)

  function base64Bytes(text) {
    var binary = (typeof atob === 'function') ? atob(text) : Buffer.from(text, 'base64').toString('binary');
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function BitReader(bytes) { this.bytes = bytes; this.pos = 0; this.limit = bytes.length * 8; }
  BitReader.prototype.bit = function () {
    if (this.pos >= this.limit) throw new Error('search index: the bits ran out');
    var p = this.pos++;
    return (this.bytes[p >> 3] >> (7 - (p & 7))) & 1;
  };
  BitReader.prototype.read = function (n) {
    var v = 0;
    for (var i = 0; i < n; i++) v = v * 2 + this.bit();
    return v;
  };
  /* Exp-Golomb code of order k. */
  BitReader.prototype.expGolomb = function (k) {
    var zeros = 0;
    while (this.bit() === 0) zeros++;
    var width = zeros + k;
    return Math.pow(2, width) + this.read(width) - Math.pow(2, k);
  };

  /* {docs: Int32Array, levels: Int32Array, titles: Map(entry → {length, positions})} */
  function decodePostings(bytes, df) {
    var r = new BitReader(bytes), docs = new Int32Array(df), levels = new Int32Array(df), titles = new Map();
    var k = r.read(4), doc = -1, i;
    for (i = 0; i < df; i++) { doc += r.expGolomb(k) + 1; docs[i] = doc; }
    var median = r.read(5);
    k = r.read(3);
    for (i = 0; i < df; i++) { var z = r.expGolomb(k); levels[i] = median + (z % 2 === 0 ? z / 2 : -(z + 1) / 2); }
    var count = r.expGolomb(0), entry = -1;
    for (i = 0; i < count; i++) {
      entry += r.expGolomb(0) + 1;
      var length = r.expGolomb(0), n = r.expGolomb(0) + 1, position = -1, positions = [];
      for (var p = 0; p < n; p++) { position += r.expGolomb(0) + 1; positions.push(position); }
      titles.set(entry, { length: length, positions: positions });
    }
    return { docs: docs, levels: levels, titles: titles };
  }

  function entryOf(docs, doc) {
    var low = 0, high = docs.length - 1;
    while (low <= high) {
      var middle = (low + high) >> 1, value = docs[middle];
      if (value === doc) return middle;
      if (value < doc) low = middle + 1; else high = middle - 1;
    }
    return -1;
  }

  function decodeIds(base64) {
    var r = new BitReader(base64Bytes(base64)), k = r.read(4), n = r.expGolomb(0), ids = new Set(), previous = -1;
    for (var i = 0; i < n; i++) { previous += r.expGolomb(k) + 1; ids.add(previous); }
    return ids;
  }

  function byCodePoints(a, b) {
    var x = Array.from(a, function (c) { return c.codePointAt(0); }), y = Array.from(b, function (c) { return c.codePointAt(0); });
    for (var i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  }

  function intersect(a, b) {
    var out = new Int32Array(Math.min(a.length, b.length)), n = 0, i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out[n++] = a[i]; i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out.subarray(0, n);
  }

  /* The static character code of report texts (CharacterCode.swift), from codes.js. */
  function CharacterCode(codes) {
    this.symbols = Array.from(codes.symbols, function (c) { return c.codePointAt(0); });
    this.counts = codes.lengths;
    this.escapeBits = codes.escapeBits;
    this.first = [0]; this.index = [0];
    var code = 0, index = 0;
    for (var length = 1; length <= this.counts.length; length++) {
      this.first[length] = code; this.index[length] = index;
      code = (code + this.counts[length - 1]) * 2;
      index += this.counts[length - 1];
    }
  }
  CharacterCode.prototype.decode = function (bytes, count) {
    var r = new BitReader(bytes), out = [], pieces = [], max = this.counts.length;
    for (var i = 0; i < count; i++) {
      var code = 0, length = 0, symbol = -1;
      while (symbol < 0) {
        code = code * 2 + r.bit();
        length++;
        if (length > max) throw new Error('search index: not a character code');
        var offset = code - this.first[length];
        if (offset >= 0 && offset < this.counts[length - 1]) symbol = this.symbols[this.index[length] + offset];
      }
      if (symbol === 0) symbol = r.read(this.escapeBits);
      out.push(symbol);
      if (out.length === 4096) { pieces.push(String.fromCodePoint.apply(null, out)); out = []; }
    }
    pieces.push(String.fromCodePoint.apply(null, out));
    return pieces.join('');
  };

  // MARK: - Verification (TextMatcher.swift)

  function indexOf(needle, hay, from) {
    var first = needle[0], last = hay.length - needle.length;
    outer: for (var i = from; i <= last; i++) {
      if (hay[i] !== first) continue;
      for (var j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  /* A report's text normalised once: the title, a line break, the body. */
  function prepareText(title, body) {
    var original = Array.from(title, function (c) { return c.codePointAt(0); });
    var bodyStart = original.length + 1;
    original.push(10);
    for (var ch of body) original.push(ch.codePointAt(0));
    var points = [], origins = [];
    for (var i = 0; i < original.length; i++) {
      var mapped = mapCodePoint(original[i]);
      for (var m = 0; m < mapped.length; m++) { points.push(mapped[m]); origins.push(i); }
    }
    var bodyIndex = points.length;
    for (var o = 0; o < origins.length; o++) if (origins[o] >= bodyStart) { bodyIndex = o; break; }
    return { original: original, points: points, origins: origins, bodyStart: bodyStart, bodyIndex: bodyIndex };
  }

  /* The excerpt around the first match in the body (else in the title), or null when some part is missing. */
  function match(qparts, text) {
    var points = text.points, origins = text.origins, original = text.original;
    var firstInBody = -1, firstAnywhere = -1;
    for (var p = 0; p < qparts.length; p++) {
      var part = qparts[p];
      if (!part.length) continue;
      var at = indexOf(part, points, 0);
      if (at < 0) return null;
      if (firstAnywhere < 0 || at < firstAnywhere) firstAnywhere = at;
      var inBody = at >= text.bodyIndex ? at : indexOf(part, points, text.bodyIndex);
      if (inBody >= 0 && (firstInBody < 0 || inBody < firstInBody)) firstInBody = inBody;
    }
    var matchAt = firstInBody >= 0 ? firstInBody : firstAnywhere;
    if (matchAt < 0) return null;
    var center = origins[matchAt], floor = firstInBody >= 0 ? text.bodyStart : 0;
    var start = Math.max(floor, center - 30), end = Math.min(original.length, center + 90), ranges = [];
    qparts.forEach(function (part) {
      if (!part.length) return;
      var from = 0, at;
      while ((at = indexOf(part, points, from)) >= 0) {
        var s = origins[at], e = origins[at + part.length - 1] + 1;
        if (s >= start && e <= end) ranges.push([s - start, e - start]);
        if (s >= end) break;
        from = at + 1;
      }
    });
    ranges.sort(function (a, b) { return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([r[0], r[1]]);
    });
    return { text: str(original.slice(start, end)), highlights: merged, truncatedBefore: start > floor, truncatedAfter: end < original.length };
  }

  // MARK: - Engine (SearchEngine.swift)

  function Engine(base) {
    this.base = base;
    this.terms = new Map();
    this.texts = new Map();
    /* Numbers arrive as integers so that both languages compute with the same doubles. */
    this.metaPromise = loadKey(base, 'meta').then(function (m) {
      if (m.v !== 3) throw new Error('search index of another version: rebuild the site');
      return { n: m.n, shards: m.shards, levels: m.levels, titleBonus: m.titleBonus, exactTitleBonus: m.exactTitleBonus };
    });
  }

  /* The shard's entry for a term: [df, idf, base64 | {f}], or null. */
  Engine.prototype.lookup = function (key) {
    var self = this;
    return self.metaPromise.then(function (meta) {
      return loadKey(self.base, 'p/' + shardOf(key, meta.shards)).then(function (shard) {
        return Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
      });
    });
  };

  /* A term's postings {df, idf, docs, tf, fields}, or null when no report has it. */
  Engine.prototype.term = function (key) {
    var self = this;
    if (self.terms.has(key)) return Promise.resolve(self.terms.get(key));
    return self.lookup(key).then(function (raw) {
      {
        if (!raw) { self.terms.set(key, null); return null; }
        var payload = typeof raw[2] === 'string' ? Promise.resolve(raw[2]) : loadKey(self.base, raw[2].f);
        return payload.then(function (base64) {
          var term = decodePostings(base64Bytes(base64), raw[0]);
          term.df = raw[0];
          term.idf = raw[1];
          self.terms.set(key, term);
          return term;
        });
      }
    });
  };

  Engine.prototype.facets = function () {
    var self = this;
    if (!self.facetsPromise) {
      self.facetsPromise = loadKey(self.base, 'facets').then(function (raw) {
        var out = {};
        Object.keys(raw).forEach(function (group) {
          out[group] = {};
          Object.keys(raw[group]).forEach(function (value) { out[group][value] = decodeIds(raw[group][value]); });
        });
        return out;
      });
    }
    return self.facetsPromise;
  };

  Engine.prototype.code = function () {
    if (!this.codePromise) this.codePromise = loadKey(this.base, 'codes').then(function (c) { return new CharacterCode(c); });
    return this.codePromise;
  };

  /* A report's first file, the start of its body decompressed and normalised with the title;
   * the latest few hundred are kept. */
  Engine.prototype.document = function (doc) {
    var self = this;
    if (self.texts.has(doc)) return Promise.resolve(self.texts.get(doc));
    return Promise.all([self.code(), loadKey(self.base, 'd/' + Math.floor(doc / 1000) + '/' + doc)]).then(function (all) {
      var file = all[1], body = all[0].decode(base64Bytes(file.z), file.n);
      var entry = { id: doc, url: file.u, title: file.t, date: file.d, genre: file.g, tags: file.tg, regions: file.r,
        body: body, split: file.h === undefined ? null : file.h, text: prepareText(file.t, body), whole: null };
      if (self.texts.size >= 400) self.texts.delete(self.texts.keys().next().value);
      self.texts.set(doc, entry);
      return entry;
    });
  };

  /* The whole text: the first file's start of the body, then the rest file. */
  Engine.prototype.wholeText = function (d) {
    if (d.split === null) return Promise.resolve(d.text);
    if (d.whole) return Promise.resolve(d.whole);
    return Promise.all([this.code(), loadKey(this.base, 'd/' + Math.floor(d.id / 1000) + '/' + d.id + '-1')]).then(function (all) {
      var rest = all[0].decode(base64Bytes(all[1].z), all[1].n);
      d.whole = prepareText(d.title, str(Array.from(d.body, function (c) { return c.codePointAt(0); }).slice(0, d.split)) + rest);
      return d.whole;
    });
  };

  function titleBonus(part, terms, entries, single, meta) {
    if (!terms.length || entries.length !== terms.length) return null;
    var first = entries[0].term.titles.get(entries[0].entry);
    if (!first) return null;
    for (var p = 0; p < first.positions.length; p++) {
      var start = first.positions[p] - terms[0].offset, all = true;
      for (var o = 1; o < terms.length; o++) {
        var t = entries[o].term.titles.get(entries[o].entry);
        if (!t || t.positions.indexOf(start + terms[o].offset) < 0) { all = false; break; }
      }
      if (all) return (single && start === 0 && first.length === part.length) ? meta.exactTitleBonus : meta.titleBonus;
    }
    return null;
  }

  /* Candidates in rank order: [{id, score}], before verification. */
  Engine.prototype.candidates = function (query) {
    var self = this, qparts = parts(query.text || ''), partTerms = qparts.map(coveringTerms), unique = [], extra = [];
    var filters = [['tag', query.tag], ['region', query.region], ['genre', query.genre], ['year', query.year]]
      .filter(function (f) { return f[1]; });
    if (!partTerms.some(function (t) { return t.length; })) return Promise.resolve([]);
    partTerms.forEach(function (terms) { terms.forEach(function (t) { if (unique.indexOf(t.term) < 0) unique.push(t.term); }); });
    /* The parts' other bigrams narrow the candidates further (SearchEngine.candidates). */
    qparts.forEach(function (part, pi) {
      termsOf(part).forEach(function (t) {
        if (!partTerms[pi].some(function (c) { return c.term === t.term; }) && extra.indexOf(t.term) < 0) extra.push(t.term);
      });
    });
    var meta, loaded = new Map(), set = null;
    return Promise.all([self.metaPromise, Promise.all(unique.map(function (t) { return self.term(t); })),
      Promise.all(extra.map(function (t) { return self.lookup(t); })),
      filters.length ? self.facets() : Promise.resolve(null)]).then(function (all) {
      meta = all[0];
      var postings = all[1], lookups = all[2], facets = all[3];
      for (var i = 0; i < unique.length; i++) {
        if (!postings[i]) return null;
        loaded.set(unique[i], postings[i]);
        set = set === null ? postings[i].docs : intersect(set, postings[i].docs);
      }
      if (lookups.some(function (raw) { return !raw; })) return null;
      var others = extra.map(function (t, i) { return { term: t, df: lookups[i][0] }; });
      others.sort(function (a, b) { return a.df !== b.df ? a.df - b.df : byCodePoints(a.term, b.term); });
      function narrow(i) {
        if (i >= others.length || !(others[i].df < 0.8 * set.length)) return i >= others.length ? Promise.resolve() : narrow(i + 1);
        return self.term(others[i].term).then(function (term) { set = intersect(set, term.docs); return narrow(i + 1); });
      }
      return narrow(0).then(function () {
        filters.forEach(function (f) {
          var ids = (facets[f[0]] || {})[f[1]] || new Set();
          set = set.filter(function (d) { return ids.has(d); });
        });
        return set;
      });
    }).then(function (docs) {
      if (docs === null) return [];
      /* Candidates come in id order, as do every term's reports: one cursor per term walks its
       * list once. Every candidate has every term, so each cursor stops on it. */
      var scored = new Array(docs.length), levels = meta.levels;
      var flat = [];
      partTerms.forEach(function (terms, pi) {
        terms.forEach(function (t, ti) {
          flat.push({ part: pi, index: ti, term: loaded.get(t.term),
            first: terms.findIndex(function (u) { return u.term === t.term; }) === ti, cursor: 0 });
        });
      });
      var entryOfTerm = new Int32Array(flat.length);
      for (var c = 0; c < docs.length; c++) {
        var doc = docs[c], score = 0, titled = false;
        for (var f = 0; f < flat.length; f++) {
          var slot = flat[f], list = slot.term.docs, at = slot.cursor;
          while (at < list.length && list[at] < doc) at++;
          slot.cursor = at;
          entryOfTerm[f] = at;
          if (slot.first) score += slot.term.idf / 10000 * (slot.term.levels[at] + 0.5) / levels;
          if (slot.index === 0 && slot.term.titles.size && slot.term.titles.has(at)) titled = true;
        }
        if (titled) {
          for (var pi = 0, base = 0; pi < partTerms.length; base += partTerms[pi].length, pi++) {
            var entries = [];
            for (var ti = 0; ti < partTerms[pi].length; ti++) entries.push({ entry: entryOfTerm[base + ti], term: flat[base + ti].term });
            var bonus = titleBonus(qparts[pi], partTerms[pi], entries, qparts.length === 1, meta);
            if (bonus !== null) score += bonus;
          }
        }
        scored[c] = { id: doc, score: score };
      }
      scored.sort(function (a, b) { return a.score !== b.score ? b.score - a.score : a.id - b.id; });
      return scored;
    });
  };

  /* The start of the body first; the rest file only when the start lacks a part or the excerpt
   * would reach past it (SearchEngine.verify). */
  Engine.prototype.verify = function (candidate, qparts) {
    var self = this;
    return this.document(candidate.id).then(function (d) {
      var excerpt = match(qparts, d.text);
      if (d.split === null || (excerpt && excerpt.truncatedAfter)) return [d, excerpt];
      return self.wholeText(d).then(function (text) { return [d, match(qparts, text)]; });
    }).then(function (pair) {
      var d = pair[0], excerpt = pair[1];
      if (!excerpt) return null;
      return { id: d.id, url: d.url, title: d.title, date: d.date, genre: d.genre, tags: d.tags, regions: d.regions, score: candidate.score, excerpt: excerpt };
    });
  };

  /* Results offset ..< offset+limit, verified in rank order. Candidates are verified in batches
   * whose files load in parallel, but taken strictly in order. */
  Engine.prototype.search = function (query, offset, limit) {
    var self = this, qparts = parts(query.text || '');
    offset = offset || 0; limit = limit === undefined ? 10 : limit;
    return self.candidates(query).then(function (ranked) {
      var results = [], verified = 0, position = 0;
      function batch() {
        if (results.length >= limit || position >= ranked.length) {
          return { results: results, candidates: ranked.length, exhausted: position >= ranked.length, verified: verified };
        }
        /* As many as are still needed, scaled by the share of candidates that held the query so far. */
        var needed = offset + limit - verified;
        var size = position === 0 ? needed : Math.ceil(needed * position / Math.max(1, verified));
        size = Math.max(1, Math.min(size, 50, ranked.length - position));
        var slice = ranked.slice(position, position + size);
        return Promise.all(slice.map(function (c) { return self.verify(c, qparts); })).then(function (found) {
          for (var i = 0; i < found.length; i++) {
            position++;
            if (!found[i]) continue;
            if (results.length >= limit) { position--; break; }
            if (verified >= offset) results.push(found[i]);
            verified++;
          }
          return batch();
        });
      }
      return batch();
    });
  };

  PKB.Engine = Engine;
  PKB.normalize = normalize;
  PKB.tokens = tokens;
  PKB.parts = parts;
})(typeof window !== 'undefined' ? window : globalThis);

/* The search page: results as you type, state in the URL, filters with counts, more results on
 * demand. Everything from the index is put into the page as text (textContent), never as HTML. */
(function (root) {
  'use strict';
  if (typeof document === 'undefined') return;
  var PKB = root.PKB;
  var FILTERS = [['tag', '主题'], ['region', '地区'], ['genre', '体裁'], ['year', '年份']];

  function el(name, attrs, text) {
    var node = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function excerptNode(excerpt) {
    var p = el('p', { 'class': 'excerpt' }), points = Array.from(excerpt.text), at = 0;
    if (excerpt.truncatedBefore) p.appendChild(document.createTextNode('…'));
    excerpt.highlights.forEach(function (h) {
      p.appendChild(document.createTextNode(points.slice(at, h[0]).join('')));
      p.appendChild(el('mark', {}, points.slice(h[0], h[1]).join('')));
      at = h[1];
    });
    p.appendChild(document.createTextNode(points.slice(at).join('')));
    if (excerpt.truncatedAfter) p.appendChild(document.createTextNode('…'));
    return p;
  }

  function safeHref(siteRoot, url) {
    /* URLs come from our own index, but never let one become a script URL. */
    return /^[a-z][a-z0-9+.-]*:/i.test(url) ? '#' : siteRoot + url;
  }

  PKB.startSearchPage = function (container) {
    var engine = new PKB.Engine(container.getAttribute('data-index'));
    var siteRoot = container.getAttribute('data-root') || '';
    var pageSize = parseInt(container.getAttribute('data-page-size'), 10) || 10;
    var form = container.querySelector('form');
    var input = container.querySelector('input[name=q]');
    var status = container.querySelector('.search-status');
    var list = container.querySelector('.search-results');
    var more = container.querySelector('.search-more');
    var filtersBox = container.querySelector('.search-filters');
    var state = { q: '', offset: 0, filters: {} }, generation = 0, timer = null;

    var params = new URLSearchParams(root.location.search);
    state.q = params.get('q') || '';
    FILTERS.forEach(function (f) { if (params.get(f[0])) state.filters[f[0]] = params.get(f[0]); });
    input.value = state.q;

    function query() {
      var q = { text: state.q };
      FILTERS.forEach(function (f) { if (state.filters[f[0]]) q[f[0]] = state.filters[f[0]]; });
      return q;
    }

    function saveURL() {
      var p = new URLSearchParams();
      if (state.q) p.set('q', state.q);
      FILTERS.forEach(function (f) { if (state.filters[f[0]]) p.set(f[0], state.filters[f[0]]); });
      var search = p.toString();
      try { root.history.replaceState(null, '', search ? '?' + search : root.location.pathname); } catch (e) { /* file:// in some browsers */ }
    }

    function show(answer, append) {
      if (!append) list.textContent = '';
      answer.results.forEach(function (r) {
        var li = el('li', { 'class': 'result', 'data-id': String(r.id) });
        var h = el('h2', { 'class': 'result-title' });
        h.appendChild(el('a', { href: safeHref(siteRoot, r.url) }, r.title));
        li.appendChild(h);
        var facts = [r.date, r.genre].concat(r.tags).filter(Boolean).join(' · ');
        if (facts) li.appendChild(el('p', { 'class': 'result-meta' }, facts));
        li.appendChild(excerptNode(r.excerpt));
        list.appendChild(li);
      });
      var shown = list.children.length;
      if (!state.q) status.textContent = '';
      else if (shown === 0) status.textContent = '没有找到包含“' + state.q + '”的报告';
      else if (answer.exhausted) status.textContent = '共 ' + shown + ' 篇报告';
      else status.textContent = '约 ' + answer.candidates + ' 篇报告，已显示 ' + shown + ' 篇';
      more.hidden = answer.exhausted || shown === 0;
      container.setAttribute('data-state', 'done');
    }

    function run(append) {
      var mine = ++generation;
      container.setAttribute('data-state', 'searching');
      if (!append) state.offset = 0;
      saveURL();
      if (!state.q.trim()) { list.textContent = ''; show({ results: [], exhausted: true, candidates: 0 }); return; }
      engine.search(query(), state.offset, pageSize).then(function (answer) {
        if (mine !== generation) return;
        state.offset += answer.results.length;
        show(answer, append);
        if (filtersBox.open) fillFilters();
      }).catch(function (error) {
        if (mine !== generation) return;
        status.textContent = '搜索索引无法加载：' + error.message;
        container.setAttribute('data-state', 'error');
      });
    }

    /* Filter choices with counts among the current candidates; loads facets only when asked. */
    function fillFilters() {
      Promise.all([engine.facets(), state.q.trim() ? engine.candidates({ text: state.q }) : Promise.resolve(null)]).then(function (all) {
        var facets = all[0], candidates = all[1] ? new Set(all[1].map(function (c) { return c.id; })) : null;
        FILTERS.forEach(function (f) {
          var select = filtersBox.querySelector('select[name=' + f[0] + ']');
          var values = Object.keys(facets[f[0]] || {}).map(function (v) {
            var ids = facets[f[0]][v], count = 0;
            if (candidates) ids.forEach(function (id) { if (candidates.has(id)) count++; }); else count = ids.size;
            return [v, count];
          }).filter(function (pair) { return pair[1] > 0 || pair[0] === state.filters[f[0]]; });
          values.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
          select.textContent = '';
          select.appendChild(el('option', { value: '' }, '全部' + f[1]));
          values.slice(0, 200).forEach(function (pair) {
            var option = el('option', { value: pair[0] }, pair[0] + '（' + pair[1] + '）');
            if (pair[0] === state.filters[f[0]]) option.selected = true;
            select.appendChild(option);
          });
        });
      });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = input.value; run(false); }, 120);
    });
    form.addEventListener('submit', function (event) { event.preventDefault(); clearTimeout(timer); state.q = input.value; run(false); });
    more.addEventListener('click', function () { run(true); });
    filtersBox.addEventListener('toggle', function () { if (filtersBox.open) fillFilters(); });
    FILTERS.forEach(function (f) {
      filtersBox.querySelector('select[name=' + f[0] + ']').addEventListener('change', function (event) {
        if (event.target.value) state.filters[f[0]] = event.target.value; else delete state.filters[f[0]];
        run(false);
      });
    });
    if (Object.keys(state.filters).length) filtersBox.open = true;
    run(false);
  };

  function boot() {
    var container = document.getElementById('pkb-search');
    if (container) PKB.startSearchPage(container);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot); else boot();
})(typeof window !== 'undefined' ? window : globalThis);
