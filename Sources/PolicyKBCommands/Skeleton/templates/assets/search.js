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

  // MARK: - Postings (TermPostings in SearchIndexWriter.swift)

  function base64Bytes(text) {
    var binary = (typeof atob === 'function') ? atob(text) : Buffer.from(text, 'base64').toString('binary');
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  function Reader(bytes) { this.bytes = bytes; this.offset = 0; }
  Reader.prototype.varint = function () {
    var result = 0, scale = 1;
    while (this.offset < this.bytes.length) {
      var b = this.bytes[this.offset++];
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
    }
    return null;
  };
  Reader.prototype.byte = function () { return this.offset < this.bytes.length ? this.bytes[this.offset++] : null; };

  function decodeTerm(df, idf, idsOnly, base64) {
    var reader = new Reader(base64Bytes(base64)), entries = new Map(), documents = [], doc = -1;
    while (reader.offset < reader.bytes.length) {
      var gap = reader.varint();
      if (gap === null) break;
      doc += gap;
      documents.push(doc);
      if (idsOnly) continue;
      var flags = reader.byte();
      if (flags === null) break;
      var e = { titleLength: 0, titlePositions: [], tags: 0, regions: 0, headings: 0, text: 0, firstChunk: 0 };
      if (flags & 1) {
        e.titleLength = reader.varint();
        var count = reader.varint(), position = 0;
        for (var i = 0; i < count; i++) { position += reader.varint(); e.titlePositions.push(position); }
      }
      if (flags & 2) e.tags = reader.varint();
      if (flags & 4) e.regions = reader.varint();
      if (flags & 8) e.headings = reader.varint();
      e.text = (flags >> 4) & 7;
      if (e.text === 7) e.text += reader.varint();
      if (flags & 0x80) e.firstChunk = reader.varint();
      entries.set(doc, e);
    }
    return { df: df, idf: idf, entries: entries, documents: documents };
  }

  function decodeIds(base64) {
    var reader = new Reader(base64Bytes(base64)), ids = new Set(), previous = -1, gap;
    while ((gap = reader.varint()) !== null) { previous += gap; ids.add(previous); }
    return ids;
  }

  // MARK: - Engine (SearchEngine.swift)

  function Engine(base) {
    this.base = base;
    this.terms = new Map();
    /* Numbers arrive as integers so that both languages compute with the same doubles. */
    this.metaPromise = loadKey(base, 'meta').then(function (m) {
      return { n: m.n, shards: m.shards, chunk: m.chunk, normBlock: m.normBlock, avgText: m.avgText100 / 100, k1: m.k1000 / 1000, b: m.b1000 / 1000,
        titleBonus: m.titleBonus, exactTitleBonus: m.exactTitleBonus, weights: m.weights };
    });
  }

  /* The shard's entry for a term: [df, idf, kind, base64 | {file}], or undefined. */
  Engine.prototype.lookup = function (key) {
    var self = this;
    return self.metaPromise.then(function (meta) {
      return loadKey(self.base, 'p/' + shardOf(key, meta.shards)).then(function (shard) { return shard[key]; });
    });
  };

  /* The terms a part is looked up by (SearchEngine.chosenTerms): those whose postings sit in
   * their shard, else the least frequent one; null when a term is in no report. */
  Engine.prototype.chosenTerms = function (part) {
    var all = termsOf(part);
    if (!all.length) return Promise.resolve([]);
    return Promise.all(all.map(function (t) { return this.lookup(t.term); }, this)).then(function (raws) {
      if (raws.some(function (r) { return !r; })) return null;
      var inline = all.filter(function (t, i) { return typeof raws[i][3] === 'string'; });
      if (inline.length) return inline;
      var best = 0;
      for (var i = 1; i < raws.length; i++) if (raws[i][0] < raws[best][0]) best = i;
      return [all[best]];
    });
  };

  Engine.prototype.term = function (key) {
    var self = this;
    if (self.terms.has(key)) return Promise.resolve(self.terms.get(key));
    return self.metaPromise.then(function (meta) {
      return loadKey(self.base, 'p/' + shardOf(key, meta.shards)).then(function (shard) {
        var raw = shard[key];
        if (!raw) { self.terms.set(key, null); return null; }
        var payload = typeof raw[3] === 'string' ? Promise.resolve(raw[3]) : loadKey(self.base, raw[3].file);
        return payload.then(function (base64) {
          var term = decodeTerm(raw[0], raw[1], raw[2] === 1, base64);
          self.terms.set(key, term);
          return term;
        });
      });
    });
  };

  /* Length norms of the candidates' blocks: [block] → bytes. */
  Engine.prototype.norms = function (docs, meta) {
    var self = this, blocks = [];
    docs.forEach(function (d) { var b = Math.floor(d / meta.normBlock); if (blocks.indexOf(b) < 0) blocks.push(b); });
    return Promise.all(blocks.map(function (b) { return loadKey(self.base, 'n/' + b); })).then(function (data) {
      var out = new Map();
      blocks.forEach(function (b, i) { out.set(b, base64Bytes(data[i])); });
      return out;
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

  Engine.prototype.chunk = function (doc, index) {
    return loadKey(this.base, 'd/' + Math.floor(doc / 1000) + '/' + doc + '-' + index);
  };

  function bm25(e, idf, norm, meta) {
    var w = meta.weights, weighted = 0;
    weighted += (w.title || 0) * e.titlePositions.length;
    weighted += (w.tags || 0) * e.tags;
    weighted += (w.regions || 0) * e.regions;
    weighted += (w.headings || 0) * e.headings;
    weighted += (w.text || 0) * e.text / norm;
    return idf / 10000 * weighted / (meta.k1 + weighted);
  }

  function titleBonus(part, terms, doc, loaded, single, meta) {
    var first = terms.length ? loaded.get(terms[0].term) : null;
    var firstEntry = first ? first.entries.get(doc) : null;
    if (!firstEntry) return null;
    for (var p = 0; p < firstEntry.titlePositions.length; p++) {
      var start = firstEntry.titlePositions[p] - terms[0].offset, all = true;
      for (var o = 1; o < terms.length; o++) {
        var t = loaded.get(terms[o].term), e = t ? t.entries.get(doc) : null;
        if (!e || e.titlePositions.indexOf(start + terms[o].offset) < 0) { all = false; break; }
      }
      if (all) return (single && start === 0 && firstEntry.titleLength === part.length) ? meta.exactTitleBonus : meta.titleBonus;
    }
    return null;
  }

  /* Candidates in rank order: [{id, score, startChunk}], before verification. */
  Engine.prototype.candidates = function (query) {
    var self = this, qparts = parts(query.text || ''), partTerms, unique = [];
    var filters = [['tag', query.tag], ['region', query.region], ['genre', query.genre], ['year', query.year]]
      .filter(function (f) { return f[1]; });
    var meta, loaded = new Map(), set = null;
    return Promise.all(qparts.map(function (p) { return self.chosenTerms(p); })).then(function (chosen) {
      if (chosen.some(function (t) { return t === null; })) return null;
      partTerms = chosen;
      if (!partTerms.some(function (t) { return t.length; })) return null;
      partTerms.forEach(function (terms) { terms.forEach(function (t) { if (unique.indexOf(t.term) < 0) unique.push(t.term); }); });
      return Promise.all([self.metaPromise, Promise.all(unique.map(function (t) { return self.term(t); })),
        filters.length ? self.facets() : Promise.resolve(null)]);
    }).then(function (all) {
      if (all === null) return null;
      meta = all[0];
      var postings = all[1], facets = all[2];
      for (var i = 0; i < unique.length; i++) {
        if (!postings[i]) return null;
        loaded.set(unique[i], postings[i]);
        var docs = new Set(postings[i].documents);
        set = set === null ? docs : new Set(Array.from(set).filter(function (d) { return docs.has(d); }));
      }
      filters.forEach(function (f) {
        var ids = (facets[f[0]] || {})[f[1]] || new Set();
        set = new Set(Array.from(set).filter(function (d) { return ids.has(d); }));
      });
      return self.norms(set, meta);
    }).then(function (norms) {
      if (norms === null) return [];
      var scored = [];
      set.forEach(function (doc) {
        var block = norms.get(Math.floor(doc / meta.normBlock)), nb = block[doc % meta.normBlock] || 0;
        var length = (nb + 0.5) * 2;
        length = length * length;
        var norm = 1 - meta.b + meta.b * length / meta.avgText;
        var score = 0, start = Infinity;
        partTerms.forEach(function (terms, pi) {
          var seen = new Set(), partStart = 0;
          terms.forEach(function (t) {
            if (seen.has(t.term)) return;
            seen.add(t.term);
            var e = loaded.get(t.term).entries.get(doc);
            if (e) { score += bm25(e, loaded.get(t.term).idf, norm, meta); partStart = Math.max(partStart, e.firstChunk); }
          });
          var bonus = titleBonus(qparts[pi], terms, doc, loaded, qparts.length === 1, meta);
          if (bonus !== null) score += bonus;
          var back = 1 + Math.floor(qparts[pi].length / meta.chunk);
          start = Math.min(start, terms.length ? Math.max(0, partStart - back) : 0);
        });
        scored.push({ id: doc, score: score, startChunk: start === Infinity ? 0 : start });
      });
      scored.sort(function (a, b) { return a.score !== b.score ? b.score - a.score : a.id - b.id; });
      return scored;
    });
  };

  // MARK: - Verification (ChunkMatcher.swift)

  function indexOf(needle, hay, from) {
    outer: for (var i = from; i + needle.length <= hay.length; i++) {
      for (var j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  function Matcher(qparts) { this.parts = qparts; this.found = qparts.map(function () { return false; }); this.tail = []; }
  Matcher.prototype.allFound = function () { return this.found.indexOf(false) < 0; };
  Matcher.prototype.forgetTail = function () { this.tail = []; };
  Matcher.prototype.feed = function (chunkText) {
    var longest = Math.max.apply(null, this.parts.map(function (p) { return p.length; }).concat([1]));
    var original = this.tail.concat(Array.from(chunkText, function (c) { return c.codePointAt(0); }));
    var points = [], origins = [];
    for (var i = 0; i < original.length; i++) {
      var mapped = mapCodePoint(original[i]);
      for (var m = 0; m < mapped.length; m++) { points.push(mapped[m]); origins.push(i); }
    }
    var hadAny = this.found.indexOf(true) >= 0, firstMatch = -1, self = this;
    this.parts.forEach(function (part, index) {
      var at = indexOf(part, points, 0);
      if (at >= 0) {
        if (!self.found[index] && !hadAny && firstMatch < 0) firstMatch = at;
        self.found[index] = true;
      }
    });
    var keep = Math.min(original.length, Math.max(0, longest - 1) + 4);
    this.tail = original.slice(original.length - keep);
    if (firstMatch < 0) return null;
    return this.excerpt(original, points, origins, firstMatch);
  };
  Matcher.prototype.excerpt = function (original, points, origins, matchAt) {
    var center = origins[matchAt], start = Math.max(0, center - 30), end = Math.min(original.length, center + 90), ranges = [];
    this.parts.forEach(function (part) {
      var from = 0, at;
      while ((at = indexOf(part, points, from)) >= 0) {
        var s = origins[at], e = origins[at + part.length - 1] + 1;
        if (s >= start && e <= end) ranges.push([s - start, e - start]);
        from = at + 1;
      }
    });
    ranges.sort(function (a, b) { return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([r[0], r[1]]);
    });
    return { text: str(original.slice(start, end)), highlights: merged, truncatedBefore: start > 0, truncatedAfter: end < original.length };
  };

  /* Chunk 0 (title and metadata), then the text from the first chunk that can hold a match. */
  Engine.prototype.verify = function (candidate, qparts) {
    var self = this, doc = candidate.id, matcher = new Matcher(qparts), excerpt = null, first = null;
    function step(index) {
      if (matcher.allFound() || index >= first.n) return null;
      return self.chunk(doc, index).then(function (chunk) {
        var found = matcher.feed(chunk.x);
        if (found && !excerpt) excerpt = found;
        return step(index + 1);
      });
    }
    return self.chunk(doc, 0).then(function (chunk) {
      first = chunk;
      excerpt = matcher.feed(chunk.x);
      var next = Math.max(1, candidate.startChunk);
      if (next > 1) matcher.forgetTail();
      return step(next);
    }).then(function () {
      if (!matcher.allFound() || !excerpt) return null;
      return { id: doc, url: first.u, title: first.t, date: first.d, genre: first.g, tags: first.tg, regions: first.r, score: candidate.score, excerpt: excerpt };
    });
  };

  /* Results offset ..< offset+limit, verified in rank order. Candidates are verified a few at a
   * time in parallel, but taken strictly in order. */
  Engine.prototype.search = function (query, offset, limit) {
    var self = this, qparts = parts(query.text || '');
    offset = offset || 0; limit = limit === undefined ? 10 : limit;
    return self.candidates(query).then(function (ranked) {
      var results = [], verified = 0, position = 0;
      function batch() {
        if (results.length >= limit || position >= ranked.length) {
          return { results: results, candidates: ranked.length, exhausted: position >= ranked.length, verified: verified };
        }
        var size = Math.min(limit - results.length + 2, ranked.length - position);
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
      engine.search(query(), state.offset, 10).then(function (answer) {
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
