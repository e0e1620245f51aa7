import Content
import Foundation

/// Builds the search index in `public/search/` one report at a time.
///
/// Each report's text is written at once in chunks (`d/…`); only its postings, compactly encoded,
/// stay in memory until `finish()` writes the shards, norms, facets and `meta.js`. Reports get ids
/// in the order they are added, so the same reports in the same order give the same bytes.
public struct SearchIndexWriter: Sendable {
    public let directory: URL
    private var postings: [UInt64: TermPostings] = [:]
    private var unigrams: [UInt32: TermPostings] = [:]
    private var words: [String: TermPostings] = [:]
    private var norms: [UInt8] = []
    private var facets: [String: [String: [Int]]] = ["tag": [:], "region": [:], "genre": [:], "year": [:]]
    private var totalTextLength = 0
    private var createdFolders: Set<Int> = []
    // Reused between reports to avoid reallocating.
    private var stats: [UInt64: DocumentTermStats] = [:]
    private var wordStats: [String: DocumentTermStats] = [:]
    private var seenUnigrams: Set<UInt32> = []

    /// Postings longer than this many bytes go to a file of their own (tests make it small).
    private let ownFileBytes: Int

    public init(directory: URL, ownFileBytes: Int = SearchFormat.ownFileBytes) throws {
        self.directory = directory
        self.ownFileBytes = ownFileBytes
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    public var documentCount: Int { norms.count }

    public mutating func add(_ document: SearchDocument) throws {
        let id = norms.count
        let text = document.searchableText
        let normalized = NormalizedValues(text)
        norms.append(SearchFormat.lengthNorm(normalized.values.count))
        totalTextLength += normalized.values.count
        try writeChunks(of: document, text: text, id: id)
        recordFacets(of: document, id: id)

        stats.removeAll(keepingCapacity: true)
        wordStats.removeAll(keepingCapacity: true)
        seenUnigrams.removeAll(keepingCapacity: true)

        // The text: bigram counts and first chunks, unigrams, words.
        let values = normalized.values
        let origins = normalized.origins
        TermScanner.scan(values) { key, position in
            let chunk = Int(origins[position]) / SearchFormat.chunkSize
            if let existing = stats.index(forKey: key) {
                stats.values[existing].textFrequency += 1
            } else {
                stats[key] = DocumentTermStats(textFrequency: 1, firstChunk: chunk)
            }
        } unigram: { value in
            seenUnigrams.insert(value)
        } word: { word, _ in
            wordStats[word, default: DocumentTermStats()].textFrequency += 1
        }
        // The other fields: counts (and positions in the title).
        let title = NormalizedValues(document.title).values
        collect(title, flag: SearchFormat.FieldFlag.title, positions: true)
        for tag in document.tags { collect(NormalizedValues(tag).values, flag: SearchFormat.FieldFlag.tags) }
        for region in document.regions { collect(NormalizedValues(region).values, flag: SearchFormat.FieldFlag.regions) }
        for heading in document.headings { collect(NormalizedValues(heading).values, flag: SearchFormat.FieldFlag.headings) }

        for (key, stat) in stats {
            postings[key, default: TermPostings()].append(doc: id, stat, titleLength: title.count)
        }
        for (word, stat) in wordStats {
            words[word, default: TermPostings()].append(doc: id, stat, titleLength: title.count)
        }
        for value in seenUnigrams {
            unigrams[value, default: TermPostings()].appendID(id)
        }
    }

    private mutating func collect(_ values: [UInt32], flag: UInt8, positions: Bool = false) {
        TermScanner.scan(values) { key, position in
            stats[key, default: DocumentTermStats()].add(flag, position: positions ? position : nil)
        } unigram: { _ in
        } word: { word, position in
            wordStats[word, default: DocumentTermStats()].add(flag, position: positions ? position : nil)
        }
    }

    /// Writes the postings shards, the norms, the facets and `meta.js`.
    public func finish() throws {
        let n = documentCount
        var terms: [(String, TermPostings, Int)] = []
        terms.reserveCapacity(postings.count + unigrams.count + words.count)
        for (key, list) in postings { terms.append((TermScanner.string(of: key), list, SearchFormat.Kind.postings)) }
        for (value, list) in unigrams { terms.append((String(Unicode.Scalar(value)!), list, SearchFormat.Kind.ids)) }
        for (word, list) in words { terms.append((SearchToken.wordPrefix + word, list, SearchFormat.Kind.postings)) }
        let inShards = terms.reduce(0) { $0 + min($1.1.bytes.count, ownFileBytes) }
        let shardCount = max(1, inShards / SearchFormat.targetShardBytes)
        var shards = [[(String, TermPostings, Int)]](repeating: [], count: shardCount)
        for term in terms {
            shards[SearchFormat.shard(of: term.0, shards: shardCount)].append(term)
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("p"), withIntermediateDirectories: true)
        for (index, shard) in shards.enumerated() {
            var ownFiles = 0
            var entries: [String] = []
            for (term, list, kind) in shard.sorted(by: { $0.0 < $1.0 }) {
                let base64 = ScriptJSON.string(Data(list.bytes).base64EncodedString())
                let idf = kind == SearchFormat.Kind.ids ? 0 : SearchFormat.idf(documentFrequency: list.documentFrequency, documents: n)
                var payload = base64
                if list.bytes.count > ownFileBytes {
                    let key = SearchFormat.ownFileKey(shard: index, index: ownFiles)
                    ownFiles += 1
                    try write(key: key, json: base64)
                    payload = "{\"file\":" + ScriptJSON.string(key) + "}"
                }
                entries.append(ScriptJSON.string(term) + ":[\(list.documentFrequency),\(idf),\(kind)," + payload + "]")
            }
            try write(key: SearchFormat.shardKey(index), json: "{" + entries.joined(separator: ",") + "}")
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("n"), withIntermediateDirectories: true)
        for block in stride(from: 0, to: max(norms.count, 1), by: SearchFormat.normBlock) {
            let slice = norms[block..<min(norms.count, block + SearchFormat.normBlock)]
            try write(key: SearchFormat.normKey(block / SearchFormat.normBlock), json: ScriptJSON.string(Data(slice).base64EncodedString()))
        }
        try writeFacets()
        try writeMeta(shards: shardCount)
    }

    // MARK: - Files

    private mutating func writeChunks(of document: SearchDocument, text: String, id: Int) throws {
        let scalars = Array(text.unicodeScalars)
        let chunkCount = max(1, (scalars.count + SearchFormat.chunkSize - 1) / SearchFormat.chunkSize)
        let folder = id / 1000
        if !createdFolders.contains(folder) {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent("d/\(folder)"), withIntermediateDirectories: true)
            createdFolders.insert(folder)
        }
        for chunk in 0..<chunkCount {
            let start = chunk * SearchFormat.chunkSize
            let end = min(scalars.count, start + SearchFormat.chunkSize)
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<end])
            var json = "{\"i\":\(id),\"k\":\(chunk),\"n\":\(chunkCount)"
            if chunk == 0 {
                json += ",\"u\":" + ScriptJSON.string(document.url) + ",\"t\":" + ScriptJSON.string(document.title)
                    + ",\"d\":" + ScriptJSON.string(document.date ?? "") + ",\"g\":" + ScriptJSON.string(document.genre ?? "")
                    + ",\"tg\":" + ScriptJSON.array(document.tags) + ",\"r\":" + ScriptJSON.array(document.regions)
            }
            json += ",\"x\":" + ScriptJSON.string(String(piece)) + "}"
            try write(key: SearchFormat.chunkKey(doc: id, chunk: chunk), json: json)
        }
    }

    private mutating func recordFacets(of document: SearchDocument, id: Int) {
        for tag in Set(document.tags) { facets["tag"]![tag, default: []].append(id) }
        for region in Set(document.regions) { facets["region"]![region, default: []].append(id) }
        if let genre = document.genre, !genre.isEmpty { facets["genre"]![genre, default: []].append(id) }
        if let year = document.year, !year.isEmpty { facets["year"]![year, default: []].append(id) }
    }

    private func writeFacets() throws {
        let groups = facets.keys.sorted().map { group in
            let values = facets[group]!.keys.sorted().map { value in
                var writer = ByteWriter()
                var previous = -1
                for id in facets[group]![value]! {
                    writer.varint(id - previous)
                    previous = id
                }
                return ScriptJSON.string(value) + ":" + ScriptJSON.string(Data(writer.bytes).base64EncodedString())
            }
            return ScriptJSON.string(group) + ":{" + values.joined(separator: ",") + "}"
        }
        try write(key: SearchFormat.facetsKey, json: "{" + groups.joined(separator: ",") + "}")
    }

    /// Numbers are written as integers (thousandths, hundredths) so that every JSON reader gets
    /// exactly the same doubles and Swift and JavaScript rank identically.
    private func writeMeta(shards: Int) throws {
        let n = documentCount
        let average = n == 0 ? 1 : Double(totalTextLength) / Double(n)
        let weights = SearchFormat.weights.map { "\"\($0.field)\":\(Int($0.weight))" }
        let json = "{\"v\":\(SearchFormat.version),\"n\":\(n),\"shards\":\(shards)"
            + ",\"chunk\":\(SearchFormat.chunkSize),\"normBlock\":\(SearchFormat.normBlock)"
            + ",\"avgText100\":\(Int((average * 100).rounded()))"
            + ",\"k1000\":\(Int(SearchFormat.k1 * 1000)),\"b1000\":\(Int(SearchFormat.b * 1000))"
            + ",\"titleBonus\":\(Int(SearchFormat.titleBonus)),\"exactTitleBonus\":\(Int(SearchFormat.exactTitleBonus))"
            + ",\"weights\":{" + weights.joined(separator: ",") + "}}"
        try write(key: SearchFormat.metaKey, json: json)
    }

    private func write(key: String, json: String) throws {
        try OutputFile.write(ScriptJSON.script(key: key, json: json), to: directory.path + "/" + key + ".js")
    }
}

// MARK: - Postings

struct DocumentTermStats {
    var flags: UInt8 = 0
    var titlePositions: [Int] = []
    var tagFrequency = 0
    var regionFrequency = 0
    var headingFrequency = 0
    var textFrequency = 0
    var firstChunk = 0

    init(textFrequency: Int = 0, firstChunk: Int = 0) {
        self.textFrequency = textFrequency
        self.firstChunk = firstChunk
    }

    mutating func add(_ flag: UInt8, position: Int?) {
        flags |= flag
        switch flag {
        case SearchFormat.FieldFlag.title: if let position { titlePositions.append(position) }
        case SearchFormat.FieldFlag.tags: tagFrequency += 1
        case SearchFormat.FieldFlag.regions: regionFrequency += 1
        default: headingFrequency += 1
        }
    }
}

/// One term's postings, report ids ascending.
///
/// Entry: varint(id gap), flags, [title: varint(title length), varint(count), count × varint(position gap)],
/// [tags: varint], [regions: varint], [headings: varint], [text count − 7 when the flags say 7],
/// [varint(first chunk) when not chunk 0]. Unigram lists hold only the id gaps.
struct TermPostings {
    var bytes: [UInt8] = []
    var lastDocument = -1
    var documentFrequency = 0

    mutating func append(doc: Int, _ stat: DocumentTermStats, titleLength: Int) {
        var writer = ByteWriter()
        writer.varint(doc - lastDocument)
        let textCode = UInt8(min(stat.textFrequency, 7))
        var flags = stat.flags & 0x0F | textCode << SearchFormat.FieldFlag.textShift
        if stat.firstChunk > 0 { flags |= SearchFormat.FieldFlag.laterChunk }
        writer.byte(flags)
        if stat.flags & SearchFormat.FieldFlag.title != 0 {
            writer.varint(titleLength)
            writer.varint(stat.titlePositions.count)
            var previous = 0
            for position in stat.titlePositions {
                writer.varint(position - previous)
                previous = position
            }
        }
        if stat.flags & SearchFormat.FieldFlag.tags != 0 { writer.varint(stat.tagFrequency) }
        if stat.flags & SearchFormat.FieldFlag.regions != 0 { writer.varint(stat.regionFrequency) }
        if stat.flags & SearchFormat.FieldFlag.headings != 0 { writer.varint(stat.headingFrequency) }
        if textCode == 7 { writer.varint(stat.textFrequency - 7) }
        if stat.firstChunk > 0 { writer.varint(stat.firstChunk) }
        bytes.append(contentsOf: writer.bytes)
        lastDocument = doc
        documentFrequency += 1
    }

    mutating func appendID(_ doc: Int) {
        var writer = ByteWriter()
        writer.varint(doc - lastDocument)
        bytes.append(contentsOf: writer.bytes)
        lastDocument = doc
        documentFrequency += 1
    }
}
