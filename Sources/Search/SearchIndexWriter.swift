import Foundation

/// Builds the search index in `public/search/` one report at a time.
///
/// Each report's text is written at once in chunks (`d/…`); only its postings, compactly encoded,
/// stay in memory until `finish()` writes the shards, the facets and `meta.js`. Reports get ids in
/// the order they are added, so the same reports in the same order give the same bytes.
public struct SearchIndexWriter {
    public let directory: URL
    private var postings: [TermKey: TermPostings] = [:]
    private var words: [String: TermPostings] = [:]
    private var facets: [String: [String: [Int]]] = ["tag": [:], "region": [:], "genre": [:], "year": [:]]
    private var documentCount = 0
    private var totalTextLength = 0
    private var createdFolders: Set<Int> = []

    public init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    public mutating func add(_ document: SearchDocument) throws {
        let id = documentCount
        documentCount += 1
        let text = document.searchableText
        let normalized = SearchNormalizer().normalize(text)
        totalTextLength += normalized.scalars.count
        try writeChunks(of: document, text: text, id: id)
        recordFacets(of: document, id: id)

        var stats: [TermKey: DocumentTermStats] = [:]
        var wordStats: [String: DocumentTermStats] = [:]
        let tokenizer = SearchTokenizer()
        func collect(_ tokens: [SearchToken], flag: UInt8, record: (inout DocumentTermStats, SearchToken) -> Void) {
            for token in tokens {
                if token.kind == .word {
                    record(&wordStats[token.text, default: DocumentTermStats()], token)
                    wordStats[token.text]!.flags |= flag
                } else {
                    let key = TermKey(token)
                    record(&stats[key, default: DocumentTermStats()], token)
                    stats[key]!.flags |= flag
                }
            }
        }
        let textTokens = tokenizer.tokens(normalized: normalized.scalars)
        let textLength = normalized.scalars.count
        collect(textTokens, flag: SearchFormat.FieldFlag.text) { stat, token in
            if stat.textFrequency == 0 {
                stat.firstChunk = normalized.origins[token.position] / SearchFormat.chunkSize
            }
            stat.textFrequency += 1
        }
        let titleScalars = SearchNormalizer().normalize(document.title).scalars
        collect(tokenizer.tokens(normalized: titleScalars), flag: SearchFormat.FieldFlag.title) { stat, token in
            stat.titlePositions.append(token.position)
        }
        for tag in document.tags {
            collect(tokenizer.tokens(tag), flag: SearchFormat.FieldFlag.tags) { stat, _ in stat.tagFrequency += 1 }
        }
        for region in document.regions {
            collect(tokenizer.tokens(region), flag: SearchFormat.FieldFlag.regions) { stat, _ in stat.regionFrequency += 1 }
        }
        for heading in document.headings {
            collect(tokenizer.tokens(heading), flag: SearchFormat.FieldFlag.headings) { stat, _ in stat.headingFrequency += 1 }
        }
        let context = EntryContext(titleLength: titleScalars.count, textNorm: SearchFormat.lengthNorm(textLength))
        for (key, stat) in stats {
            postings[key, default: TermPostings()].append(doc: id, stat, context)
        }
        for (word, stat) in wordStats {
            words[word, default: TermPostings()].append(doc: id, stat, context)
        }
    }

    /// Writes the postings shards, the facets and `meta.js`.
    public func finish() throws {
        let terms: [(String, TermPostings)] = postings.map { ($0.key.string, $0.value) }
            + words.map { (SearchToken.wordPrefix + $0.key, $0.value) }
        let totalBytes = terms.reduce(0) { $0 + $1.1.bytes.count }
        let shardCount = max(1, totalBytes / SearchFormat.targetShardBytes)
        var shards = [[(String, TermPostings)]](repeating: [], count: shardCount)
        for term in terms {
            shards[SearchFormat.shard(of: term.0, shards: shardCount)].append(term)
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("p"), withIntermediateDirectories: true)
        for (index, shard) in shards.enumerated() {
            let entries = shard.sorted { $0.0 < $1.0 }.map { term, list in
                ScriptJSON.string(term) + ":[" + String(list.documentFrequency) + ","
                    + String(SearchFormat.idf(documentFrequency: list.documentFrequency, documents: documentCount))
                    + "," + ScriptJSON.string(Data(list.bytes).base64EncodedString()) + "]"
            }
            try write(key: SearchFormat.shardKey(index), json: "{" + entries.joined(separator: ",") + "}")
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
        let meta = "\"i\":\(id),\"n\":\(chunkCount),\"u\":" + ScriptJSON.string(document.url)
            + ",\"t\":" + ScriptJSON.string(document.title)
            + ",\"d\":" + ScriptJSON.string(document.date ?? "")
            + ",\"g\":" + ScriptJSON.string(document.genre ?? "")
            + ",\"tg\":" + ScriptJSON.array(document.tags)
            + ",\"r\":" + ScriptJSON.array(document.regions)
        for chunk in 0..<chunkCount {
            let start = chunk * SearchFormat.chunkSize
            let end = min(scalars.count, start + SearchFormat.chunkSize)
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<end])
            let json = "{" + meta + ",\"k\":\(chunk),\"o\":\(start),\"x\":" + ScriptJSON.string(String(piece)) + "}"
            try write(key: SearchFormat.chunkKey(doc: id, chunk: chunk), json: json)
        }
    }

    private mutating func recordFacets(of document: SearchDocument, id: Int) {
        for tag in Set(document.tags) { facets["tag"]![tag, default: []].append(id) }
        for region in Set(document.regions) { facets["region"]![region, default: []].append(id) }
        if let genre = document.genre { facets["genre"]![genre, default: []].append(id) }
        if let year = document.year { facets["year"]![year, default: []].append(id) }
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
        let average = documentCount == 0 ? 1 : Double(totalTextLength) / Double(documentCount)
        let weights = SearchFormat.weights.map { "\"\($0.field)\":\(Int($0.weight))" }
        let json = "{\"v\":\(SearchFormat.version),\"n\":\(documentCount),\"shards\":\(shards)"
            + ",\"chunk\":\(SearchFormat.chunkSize),\"avgText100\":\(Int((average * 100).rounded()))"
            + ",\"k1000\":\(Int(SearchFormat.k1 * 1000)),\"b1000\":\(Int(SearchFormat.b * 1000))"
            + ",\"titleBonus\":\(Int(SearchFormat.titleBonus)),\"exactTitleBonus\":\(Int(SearchFormat.exactTitleBonus))"
            + ",\"weights\":{" + weights.joined(separator: ",") + "}}"
        try write(key: SearchFormat.metaKey, json: json)
    }

    private func write(key: String, json: String) throws {
        let url = directory.appendingPathComponent(key + ".js")
        try Data(ScriptJSON.script(key: key, json: json).utf8).write(to: url)
    }
}

// MARK: - Postings

/// A bigram or unigram as one integer: hashing integers is much cheaper than hashing strings.
struct TermKey: Hashable {
    let value: UInt64

    init(_ token: SearchToken) {
        let scalars = Array(token.text.unicodeScalars)
        if scalars.count == 1 {
            value = UInt64(scalars[0].value)
        } else {
            value = 1 << 42 | UInt64(scalars[0].value) << 21 | UInt64(scalars[1].value)
        }
    }

    var string: String {
        var view = String.UnicodeScalarView()
        if value >> 42 == 1 {
            view.append(Unicode.Scalar(UInt32((value >> 21) & 0x1F_FFFF))!)
            view.append(Unicode.Scalar(UInt32(value & 0x1F_FFFF))!)
        } else {
            view.append(Unicode.Scalar(UInt32(value))!)
        }
        return String(view)
    }
}

struct DocumentTermStats {
    var flags: UInt8 = 0
    var titlePositions: [Int] = []
    var tagFrequency = 0
    var regionFrequency = 0
    var headingFrequency = 0
    var textFrequency = 0
    var firstChunk = 0
}

struct EntryContext {
    var titleLength: Int
    var textNorm: UInt8
}

/// One term's postings: for each report (ids ascending) the fields it occurs in and how often.
///
/// Entry: varint(id gap), flags, [title: varint(title length), varint(count), count × varint(position gap)],
/// [tags: varint], [regions: varint], [headings: varint], [text: varint(count), norm byte, varint(first chunk)].
struct TermPostings {
    var bytes: [UInt8] = []
    var lastDocument = -1
    var documentFrequency = 0

    mutating func append(doc: Int, _ stat: DocumentTermStats, _ context: EntryContext) {
        var writer = ByteWriter()
        writer.varint(doc - lastDocument)
        writer.byte(stat.flags)
        if stat.flags & SearchFormat.FieldFlag.title != 0 {
            writer.varint(context.titleLength)
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
        if stat.flags & SearchFormat.FieldFlag.text != 0 {
            writer.varint(stat.textFrequency)
            writer.byte(context.textNorm)
            writer.varint(stat.firstChunk)
        }
        bytes.append(contentsOf: writer.bytes)
        lastDocument = doc
        documentFrequency += 1
    }
}
