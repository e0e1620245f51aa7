import Content
import Foundation

/// What a written index is, for patching it in the next build: counts, the sum that sets the
/// number of shards, and the shards.
public struct SearchIndexState: Sendable, Equatable {
    public var documents: Int
    public var totalTextLength: Int
    public var listBytes: Int
    public var shards: Int
    public var ownFileBytes: Int

    public init(documents: Int, totalTextLength: Int, listBytes: Int, shards: Int, ownFileBytes: Int) {
        self.documents = documents
        self.totalTextLength = totalTextLength
        self.listBytes = listBytes
        self.shards = shards
        self.ownFileBytes = ownFileBytes
    }
}

/// Builds the search index in `public/search/` one report at a time.
///
/// The costly part of a report, `IndexedDocument` (terms, compressed text, its `d/` file), is made
/// on any core; `add` then appends its terms to the postings in memory, in report order, and
/// `finish()` writes the shards, facets, codes and `meta.js`. Reports get ids in the
/// order they are added, so the same reports in the same order give the same bytes.
public struct SearchIndexWriter: Sendable {
    public let directory: URL
    /// Keys to their term (builder) index.
    private var table = TermTable(capacity: 1 << 15)
    private var wordTerms: [String: Int] = [:]
    private var postings = PostingsStore()
    /// Each term's key (`TermScanner`), or the word for words.
    private var termKeys: [UInt64] = []
    private var termWords: [Int: String] = [:]
    /// Each report's text length in normalised scalars, for BM25's length normalisation.
    private var lengths: [Int] = []
    private var facets: [String: [String: [Int]]] = ["tag": [:], "region": [:], "genre": [:], "year": [:]]
    private var totalTextLength = 0
    private var createdFolders: Set<Int> = []

    /// Postings longer than this many bytes go to a file of their own (tests make it small).
    private let ownFileBytes: Int

    public init(directory: URL, ownFileBytes: Int = SearchFormat.ownFileBytes) throws {
        self.directory = directory
        self.ownFileBytes = ownFileBytes
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    public var documentCount: Int { lengths.count }

    /// Creates the folders of the `d/` files of reports 0 ..< count, so that they can be written
    /// from any thread (`IndexedDocument.write(in:)`).
    public mutating func prepareFolders(documents count: Int) throws {
        for folder in 0...(max(0, count - 1) / 1000) where !createdFolders.contains(folder) {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent("d/\(folder)"), withIntermediateDirectories: true)
            createdFolders.insert(folder)
        }
    }

    /// Analyses and adds one report, writing its `d/` file.
    public mutating func add(_ document: SearchDocument) throws {
        let indexed = IndexedDocument(document, id: documentCount)
        try prepareFolders(documents: documentCount + 1)
        try indexed.write(in: directory)
        add(indexed)
    }

    /// Adds a report analysed elsewhere, whose `d/` file is written. Reports are added in id order.
    public mutating func add(_ document: IndexedDocument) {
        let id = lengths.count
        precondition(document.id == id, "reports go into the search index in id order")
        lengths.append(document.textLength)
        totalTextLength += document.textLength
        for (group, value) in document.facets { facets[group]![value, default: []].append(id) }

        var nextField = 0
        let fields = document.fields
        func field(_ term: Int) -> FieldOccurrence? {
            guard nextField < fields.count, fields[nextField].term == Int32(term) else { return nil }
            nextField += 1
            return fields[nextField - 1]
        }
        if !isKnownUniquelyReferenced(&postings) { postings = postings.copy() }
        // Terms first (new ones added), then the entries, on storage that no longer grows.
        var terms = [Int](repeating: 0, count: document.keys.count + document.words.count)
        var added: [UInt64] = []
        table.terms(of: document.keys, into: &terms, nextTerm: postings.count, added: &added)
        for _ in added { _ = postings.addTerm() }
        termKeys += added
        for (index, word) in document.words.enumerated() {
            if let known = wordTerms[word] {
                terms[document.keys.count + index] = known
            } else {
                let term = postings.addTerm()
                wordTerms[word] = term
                termWords[term] = word
                termKeys.append(0)
                terms[document.keys.count + index] = term
            }
        }
        let keyCount = document.keys.count
        var withFields: [(term: Int, entry: Int32, occurrence: FieldOccurrence)] = []
        postings.withTerms { states in
            for (index, term) in terms.enumerated() {
                let frequency = index < keyCount ? document.keyFrequencies[index] : document.wordFrequencies[index - keyCount]
                let entry = PostingsStore.append(doc: id, frequency: frequency, to: &states[term])
                if let occurrence = field(index) { withFields.append((term, entry, occurrence)) }
            }
        }
        for item in withFields { postings.addField(term: item.term, entry: item.entry, occurrence: item.occurrence) }
    }

    /// Writes the postings shards, the facets, the character code and `meta.js`; returns what a
    /// later build needs to patch the index (`SearchIndexPatch`).
    @discardableResult
    public func finish() throws -> SearchIndexState {
        let n = documentCount
        let ownFileBytes = self.ownFileBytes
        let average = SearchFormat.averageLength(total: totalTextLength, documents: n)
        let postings = self.postings
        let termIndices = Array(0..<postings.count)
        let names = termIndices.map { termWords[$0].map { SearchToken.wordPrefix + $0 } ?? TermScanner.name(of: termKeys[$0]) }
        let norms = PostingsCoding.norms(lengths: lengths, averageLength: average)
        let encoded = Parallel.map(termIndices) { term in
            PostingsCoding.encoded(varints: postings.bytes(of: term), documentFrequency: postings.documentFrequency(of: term),
                                   fields: postings.fields[term], norms: norms)
        }
        let listBytes = encoded.reduce(0) { $0 + SearchFormat.listBytes(encodedCount: $1.count, ownFileBytes: ownFileBytes) }
        let shardCount = SearchFormat.shardCount(listBytes: listBytes)
        var shards = [[Int]](repeating: [], count: shardCount)
        for term in termIndices {
            shards[SearchFormat.shard(of: names[term], shards: shardCount)].append(term)
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("p"), withIntermediateDirectories: true)
        let directory = self.directory
        let failures = Parallel.map(Array(shards.enumerated())) { index, shard -> Error? in
            let entries = shard.map {
                ShardEntry(name: names[$0], documentFrequency: postings.documentFrequency(of: $0), base64: Data(encoded[$0]).base64EncodedString())
            }
            do {
                for file in Self.shardFiles(index, entries: entries, documents: n, ownFileBytes: ownFileBytes) {
                    try Self.write(key: file.key, json: file.json, in: directory)
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        try writeFacets()
        try writeCodes()
        try writeMeta(shards: shardCount)
        return SearchIndexState(documents: n, totalTextLength: totalTextLength, listBytes: listBytes, shards: shardCount, ownFileBytes: ownFileBytes)
    }

    /// One term of a shard: its name, how many reports have it, its encoded postings in base64.
    struct ShardEntry {
        var name: String
        var documentFrequency: Int
        var base64: String
    }

    /// A shard's file and the own files of its long lists: entries sorted by name, lists over
    /// `ownFileBytes` in `p/<shard>-<k>` numbered in that order.
    static func shardFiles(_ index: Int, entries: [ShardEntry], documents n: Int, ownFileBytes: Int) -> [(key: String, json: String)] {
        var files: [(key: String, json: String)] = []
        var parts: [String] = []
        parts.reserveCapacity(entries.count)
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            var payload = "\"" + entry.base64 + "\""
            if payload.utf8.count > ownFileBytes {
                let key = SearchFormat.ownFileKey(shard: index, index: files.count)
                files.append((key, payload))
                payload = "{\"f\":" + ScriptJSON.string(key) + "}"
            }
            let idf = SearchFormat.idf(documentFrequency: entry.documentFrequency, documents: n)
            parts.append(ScriptJSON.string(entry.name) + ":[\(entry.documentFrequency),\(idf)," + payload + "]")
        }
        files.append((SearchFormat.shardKey(index), "{" + parts.joined(separator: ",") + "}"))
        return files
    }

    // MARK: - Files

    private func writeFacets() throws {
        let groups = facets.keys.sorted().map { group in
            let values = facets[group]!.keys.sorted().map { value in
                ScriptJSON.string(value) + ":\"" + Data(PostingsCoding.encodeIDs(facets[group]![value]!)).base64EncodedString() + "\""
            }
            return ScriptJSON.string(group) + ":{" + values.joined(separator: ",") + "}"
        }
        try write(key: SearchFormat.facetsKey, json: "{" + groups.joined(separator: ",") + "}")
    }

    private func writeCodes() throws {
        let code = CharacterCode.shared
        var symbols = String.UnicodeScalarView()
        symbols.append(contentsOf: code.symbols)
        let json = "{\"lengths\":[" + code.lengthCounts.map(String.init).joined(separator: ",") + "],\"symbols\":"
            + ScriptJSON.string(String(symbols)) + ",\"escapeBits\":\(CharacterCode.escapeBits)}"
        try write(key: SearchFormat.codesKey, json: json)
    }

    /// Numbers are written as integers so that every JSON reader gets exactly the same doubles
    /// and Swift and JavaScript rank identically.
    private func writeMeta(shards: Int) throws {
        let json = "{\"v\":\(SearchFormat.version),\"n\":\(documentCount),\"shards\":\(shards)"
            + ",\"levels\":\(SearchFormat.impactLevels)"
            + ",\"titleBonus\":\(Int(SearchFormat.titleBonus)),\"exactTitleBonus\":\(Int(SearchFormat.exactTitleBonus))}"
        try write(key: SearchFormat.metaKey, json: json)
    }

    private func write(key: String, json: String) throws {
        try Self.write(key: key, json: json, in: directory)
    }

    static func write(key: String, json: String, in directory: URL) throws {
        try OutputFile.write(ScriptJSON.script(key: key, json: json), to: directory.path + "/" + key + ".js")
    }
}

extension IndexedDocument {
    /// Forgets the files' contents once written, so that only the postings wait for the index.
    public mutating func dropFiles() {
        files = []
    }

    /// Writes the report's `d/` files; their folder must exist (`SearchIndexWriter.prepareFolders`).
    /// Returns their paths under the index's folder.
    @discardableResult
    public func write(in directory: URL) throws -> [String] {
        for (key, contents) in files {
            try OutputFile.write(contents, to: directory.path + "/" + key + ".js")
        }
        return files.map { $0.key + ".js" }
    }
}
