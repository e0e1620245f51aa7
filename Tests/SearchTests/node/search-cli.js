// Runs the page's search engine (templates/assets/search.js) under node, reading index files
// from disk, so that tests can compare it with the Swift engine without a browser.
//   node search-cli.js tokens < strings.json          → tokens of each string
//   node search-cli.js search INDEX_DIR < queries.json → results of each query
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const script = path.join(__dirname, '../../../templates/assets/search.js');
vm.runInThisContext(fs.readFileSync(script, 'utf8'), { filename: script });
const PKB = globalThis.PKB;
PKB.fetchScript = function (url, key) {
  return new Promise(function (resolve, reject) {
    fs.readFile(url, 'utf8', function (error, text) {
      if (error) { reject(error); return; }
      vm.runInThisContext(text);
      resolve(PKB.__last(key));
    });
  });
};
const loaded = new Map();
const originalLoad = PKB.load;
PKB.load = function (key, data) { loaded.set(key, data); originalLoad(key, data); };
PKB.__last = function (key) { return loaded.get(key); };

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const command = process.argv[2];
if (command === 'tokens') {
  process.stdout.write(JSON.stringify(input.map(function (text) { return PKB.tokens(text); })));
} else if (command === 'search') {
  const engine = new PKB.Engine(process.argv[3].replace(/\/?$/, '/'));
  (async function () {
    const out = [];
    for (const q of input) {
      const answer = await engine.search(q, q.offset || 0, q.limit === undefined ? 10 : q.limit);
      out.push(answer.results.map(function (r) {
        return { id: r.id, url: r.url, title: r.title, score: String(r.score), excerpt: r.excerpt };
      }));
    }
    process.stdout.write(JSON.stringify(out));
  })().catch(function (error) { console.error(error); process.exit(1); });
}
