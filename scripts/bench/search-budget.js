#!/usr/bin/env node
// Measures what the search page downloads for each query, as a fresh page load would:
// the page, its stylesheet and script, and every index file the query needs for its first ten
// results (uncompressed bytes). Runs the page's own engine (templates/assets/search.js).
//
//   node scripts/bench/search-budget.js PUBLIC_DIR < queries.json   (a JSON list of strings)
// Prints one JSON line per query and a summary line.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const publicDir = path.resolve(process.argv[2] || 'public');
const queries = JSON.parse(fs.readFileSync(0, 'utf8'));
const pageFiles = ['search/index.html', 'assets/site.css', 'assets/search.js'];
const pageBytes = pageFiles.reduce((sum, f) => {
  const p = path.join(publicDir, f);
  return sum + (fs.existsSync(p) ? fs.statSync(p).size : 0);
}, 0);
const engineSource = fs.readFileSync(path.join(publicDir, 'assets/search.js'), 'utf8');

async function measure(text) {
  const sandbox = { TextEncoder, Buffer, atob, console, Math, Promise, Map, Set, Array, String, Object, Uint8Array, URLSearchParams };
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(engineSource, sandbox);
  const PKB = sandbox.PKB;
  const loaded = new Map();
  let bytes = 0, files = 0;
  const load = PKB.load;
  PKB.load = function (key, data) { loaded.set(key, data); load(key, data); };
  PKB.fetchScript = function (url, key) {
    const content = fs.readFileSync(url, 'utf8');
    bytes += Buffer.byteLength(content);
    files += 1;
    vm.runInContext(content, sandbox);
    return Promise.resolve(loaded.get(key));
  };
  const engine = new PKB.Engine(path.join(publicDir, 'search') + '/');
  const started = process.hrtime.bigint();
  const answer = await engine.search({ text }, 0, 10);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // The same query again, its data already loaded: the time the page itself takes to answer.
  const again = process.hrtime.bigint();
  await engine.search({ text }, 0, 10);
  const warm = Number(process.hrtime.bigint() - again) / 1e6;
  return { query: text, results: answer.results.length, candidates: answer.candidates, files: files + pageFiles.length,
    bytes: bytes + pageBytes, indexBytes: bytes, ms: Math.round(ms * 10) / 10, warmMs: Math.round(warm * 10) / 10 };
}

(async function () {
  const rows = [];
  for (const q of queries) {
    const row = await measure(q);
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  const sorted = rows.map(r => r.bytes).sort((a, b) => a - b);
  const summary = { queries: rows.length, pageBytes, medianBytes: sorted[Math.floor(sorted.length / 2)] || 0,
    maxBytes: sorted[sorted.length - 1] || 0, over200KB: rows.filter(r => r.bytes > 200 * 1000).length,
    maxWarmMs: Math.max.apply(null, rows.map(r => r.warmMs)) };
  console.log(JSON.stringify({ summary }));
})().catch(e => { console.error(e); process.exit(1); });
