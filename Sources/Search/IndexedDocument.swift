import Content
import Foundation

/// What one report gives the search index, worked out on its own (on any core): its terms with
/// their counts and fields, its length, its facets, and its file `d/…` (metadata and compressed text).
///
/// Only terms of the searchable text (title and body) are kept: a report is a candidate for a
/// term only if its text has it, and tags, regions and headings raise the score of those terms.
public struct IndexedDocument: Sendable {
    public let id: Int
    /// Bigram and unigram keys (`TermScanner`), then words; counts in the text, in the same order.
    var keys: [UInt64] = []
    var keyFrequencies: [UInt32] = []
    var words: [String] = []
    var wordFrequencies: [UInt32] = []
    /// Terms that also occur in the title, tags, regions or headings.
    var fields: [FieldOccurrence] = []
    var textLength = 0
    var facets: [(group: String, value: String)] = []
    /// The report's `d/` files: keys and contents (the first, and the rest of a long body).
    var files: [(key: String, contents: String)] = []
    /// The body's headings: the `d/` files keep the text but not them, and a patch of the index
    /// needs them to work out the report's previous entries (`SearchIndexPatch`).
    var headings: [String] = []
    /// The headings' fingerprint, kept by the build cache for the next build's patch.
    public var headingsHash: UInt64 { Self.headingsHash(headings) }

    public static func headingsHash(_ headings: [String]) -> UInt64 {
        var hash = StableHash()
        hash.combine(headings.count)
        for heading in headings { hash.combine(heading) }
        return hash.value
    }

    /// Analyses `document`, which will have id `id` in the index; its `d/` files are made too
    /// unless `withFiles` is false (a previous text worked out again for a patch needs none).
    public init(_ document: SearchDocument, id: Int, withFiles: Bool = true) {
        self.id = id
        headings = document.headings
        // The searchable text: the title, a line break, the body (normalised scalar by scalar).
        var values = NormalizedValues.values(of: document.title)
        let titleLength = values.count
        values.append(0x0A)
        let body = NormalizedValues.scalarValues(of: document.body)
        NormalizedValues.append(scalars: body, to: &values)
        textLength = values.count

        var counter = TermCounter(table: TermCountTable.Pool.shared.take(), titleLength: titleLength)
        TermScanner.scan(values, into: &counter)
        let (counted, words, wordFrequencies, wordIndex, titlePositions) = counter.finish()
        var table = counted
        let keyFrequencies = table.counts()
        let keys = table.takeKeys()
        defer { TermCountTable.Pool.shared.give(back: table) }

        // Field counts for the text's terms: index ≥ 0 for keys, -1 - i for word i.
        var counts: [Int: (tags: Int, regions: Int, headings: Int)] = [:]
        func count(_ field: String, _ add: (inout (tags: Int, regions: Int, headings: Int)) -> Void) {
            TermScanner.scan(NormalizedValues.values(of: field)) { key, _ in
                if let index = table.find(key) { add(&counts[index, default: (0, 0, 0)]) }
            } word: { word, _ in
                if let index = wordIndex[word] { add(&counts[-1 - index, default: (0, 0, 0)]) }
            }
        }
        for tag in document.tags { count(tag) { $0.tags += 1 } }
        for region in document.regions { count(region) { $0.regions += 1 } }
        for heading in document.headings { count(heading) { $0.headings += 1 } }

        self.keys = keys
        self.keyFrequencies = keyFrequencies
        self.words = words
        self.wordFrequencies = wordFrequencies
        let keyCount = keys.count
        func term(_ index: Int) -> Int32 { Int32(index >= 0 ? index : keyCount + (-1 - index)) }
        for index in Set(titlePositions.keys).union(counts.keys) {
            let positions = titlePositions[index] ?? []
            let other = counts[index] ?? (0, 0, 0)
            fields.append(FieldOccurrence(
                term: term(index), titleLength: positions.isEmpty ? 0 : UInt16(min(titleLength, 0xFFFF)),
                titlePositions: positions, tags: UInt16(min(other.tags, 0xFFFF)),
                regions: UInt16(min(other.regions, 0xFFFF)), headings: UInt16(min(other.headings, 0xFFFF))))
        }
        fields.sort { $0.term < $1.term }

        for tag in Set(document.tags).sorted() { facets.append(("tag", tag)) }
        for region in Set(document.regions).sorted() { facets.append(("region", region)) }
        if let genre = document.genre, !genre.isEmpty { facets.append(("genre", genre)) }
        if let year = document.year, !year.isEmpty { facets.append(("year", year)) }
        if withFiles { files = Self.files(document, body: body, id: id) }
    }

    /// The first file: metadata as JSON and the start of the body (`SearchFormat.headScalars`
    /// and the excerpt's reach) as the character code's bits in base64, with its length in
    /// scalars; `h` says where the rest file, when there is one, starts in the body.
    static func files(_ document: SearchDocument, body: [UInt32], id: Int) -> [(key: String, contents: String)] {
        let split = SearchFormat.headScalars
        let hasRest = body.count > split + SearchFormat.excerptReach
        let head = hasRest ? body[0..<(split + SearchFormat.excerptReach)] : body[...]
        var json = "{\"u\":" + ScriptJSON.string(document.url) + ",\"t\":" + ScriptJSON.string(document.title)
            + ",\"d\":" + ScriptJSON.string(document.date ?? "") + ",\"g\":" + ScriptJSON.string(document.genre ?? "")
            + ",\"tg\":" + ScriptJSON.array(document.tags) + ",\"r\":" + ScriptJSON.array(document.regions)
            + ",\"n\":\(head.count),\"z\":\"" + coded(head) + "\""
        if hasRest { json += ",\"h\":\(split)" }
        var files = [(SearchFormat.documentKey(id), ScriptJSON.script(key: SearchFormat.documentKey(id), json: json + "}"))]
        if hasRest {
            let rest = body[split...]
            let restJSON = "{\"n\":\(rest.count),\"z\":\"" + coded(rest) + "\"}"
            files.append((SearchFormat.restKey(id), ScriptJSON.script(key: SearchFormat.restKey(id), json: restJSON)))
        }
        return files
    }

    private static func coded(_ scalars: ArraySlice<UInt32>) -> String {
        var writer = BitWriter(capacity: scalars.count * 2)
        CharacterCode.shared.encode(values: scalars, into: &writer)
        return Data(writer.finish()).base64EncodedString()
    }
}

/// Counts a text's terms as the scanner finds them: keys and their counts (in the table), words
/// in first-seen order with their counts, and where each term starts in the title (index ≥ 0 for
/// keys, -1 - i for word i; keys get their indices when counting is over).
private struct TermCounter: TermSink {
    var table: TermCountTable
    let titleLength: Int
    var words: [String] = []
    var wordFrequencies: [UInt32] = []
    var wordIndex: [String: Int] = [:]
    var titlePositions: [Int: [Int32]] = [:]
    /// The title's keys with their positions, in text order.
    var titleKeys: [(key: UInt64, position: Int32)] = []

    init(table: TermCountTable, titleLength: Int) {
        self.table = table
        self.titleLength = titleLength
    }

    /// Everything counted, the keys indexed; the table goes back to its pool without a copy.
    consuming func finish() -> (TermCountTable, [String], [UInt32], [String: Int], [Int: [Int32]]) {
        table.index()
        for (key, position) in titleKeys { titlePositions[table.find(key)!, default: []].append(position) }
        return (table, words, wordFrequencies, wordIndex, titlePositions)
    }

    @inline(__always)
    mutating func term(_ key: UInt64, at position: Int) {
        table.add(key)
        if position < titleLength { titleKeys.append((key, Int32(position))) }
    }

    mutating func word(_ word: String, at position: Int) {
        let index: Int
        if let known = wordIndex[word] {
            index = known
            wordFrequencies[index] += 1
        } else {
            index = words.count
            wordIndex[word] = index
            words.append(word)
            wordFrequencies.append(1)
        }
        if position < titleLength { titlePositions[-1 - index, default: []].append(Int32(position)) }
    }
}

/// A term of a report's text that is also in its title, tags, regions or headings.
struct FieldOccurrence: Sendable {
    /// Index into the document's keys, then words.
    var term: Int32
    /// The title's length in normalised scalars when the term is in the title, else 0.
    var titleLength: UInt16
    /// Where the term starts in the normalised title.
    var titlePositions: [Int32]
    var tags: UInt16
    var regions: UInt16
    var headings: UInt16

    var flags: UInt8 {
        var flags: UInt8 = 0
        if !titlePositions.isEmpty { flags |= SearchFormat.FieldFlag.title }
        if tags > 0 { flags |= SearchFormat.FieldFlag.tags }
        if regions > 0 { flags |= SearchFormat.FieldFlag.regions }
        if headings > 0 { flags |= SearchFormat.FieldFlag.headings }
        return flags
    }
}
