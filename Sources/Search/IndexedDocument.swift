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
        var table = counter.table
        table.index()
        defer { TermCountTable.Pool.shared.give(back: table) }
        let keyCount = table.count
        self.keyFrequencies = table.counts()
        self.keys = table.takeKeys()
        self.words = counter.words
        self.wordFrequencies = counter.wordFrequencies

        // The text's terms found in the title (with their positions), tags, regions and
        // headings, by term (keys, then words), in text order for each term.
        var hits = FieldHits(table: table, wordIndex: counter.wordIndex, keyCount: keyCount)
        for (key, position) in counter.titleKeys { hits.add(term: table.find(key)!, field: .title, position: position) }
        for (word, position) in counter.titleWords { hits.add(term: keyCount + word, field: .title, position: position) }
        hits.scan(document.tags, as: .tags)
        hits.scan(document.regions, as: .regions)
        hits.scan(document.headings, as: .headings)
        fields = hits.occurrences(titleLength: titleLength)

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
/// in first-seen order with their counts, and the title's keys and words (word indices) with
/// where each starts, in text order.
private struct TermCounter: TermSink {
    var table: TermCountTable
    let titleLength: Int
    var words: [String] = []
    var wordFrequencies: [UInt32] = []
    var wordIndex: [String: Int] = [:]
    var titleKeys: [(key: UInt64, position: Int32)] = []
    var titleWords: [(word: Int, position: Int32)] = []

    init(table: TermCountTable, titleLength: Int) {
        self.table = table
        self.titleLength = titleLength
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
        if position < titleLength { titleWords.append((index, Int32(position))) }
    }
}

/// Where a report's terms (keys, then words: `term`) are found besides its text: each hit in the
/// order found, then gathered by term into `FieldOccurrence`s.
private struct FieldHits: TermSink {
    enum Field: UInt8 { case title, tags, regions, headings }

    struct Hit {
        var term: Int32
        var order: Int32
        var field: Field
        var position: Int32
    }

    let table: TermCountTable
    let wordIndex: [String: Int]
    let keyCount: Int
    private var hits: [Hit] = []
    private var field = Field.title

    init(table: TermCountTable, wordIndex: [String: Int], keyCount: Int) {
        self.table = table
        self.wordIndex = wordIndex
        self.keyCount = keyCount
    }

    mutating func add(term: Int, field: Field, position: Int32) {
        hits.append(Hit(term: Int32(term), order: Int32(hits.count), field: field, position: position))
    }

    /// Counts the text's terms in each of `values` (tags, regions or headings).
    mutating func scan(_ values: [String], as field: Field) {
        self.field = field
        for value in values { TermScanner.scan(NormalizedValues.values(of: value), into: &self) }
    }

    mutating func term(_ key: UInt64, at position: Int) {
        if let index = table.find(key) { add(term: index, field: field, position: 0) }
    }

    mutating func word(_ word: String, at position: Int) {
        if let index = wordIndex[word] { add(term: keyCount + index, field: field, position: 0) }
    }

    /// One occurrence per term hit, by term.
    func occurrences(titleLength: Int) -> [FieldOccurrence] {
        let sorted = hits.sorted { ($0.term, $0.order) < ($1.term, $1.order) }
        var occurrences: [FieldOccurrence] = []
        var start = 0
        while start < sorted.count {
            let term = sorted[start].term
            var end = start
            var positions: [Int32] = []
            var tags = 0, regions = 0, headings = 0
            while end < sorted.count, sorted[end].term == term {
                switch sorted[end].field {
                case .title: positions.append(sorted[end].position)
                case .tags: tags += 1
                case .regions: regions += 1
                case .headings: headings += 1
                }
                end += 1
            }
            occurrences.append(FieldOccurrence(
                term: term, titleLength: positions.isEmpty ? 0 : UInt16(min(titleLength, 0xFFFF)),
                titlePositions: positions, tags: UInt16(min(tags, 0xFFFF)),
                regions: UInt16(min(regions, 0xFFFF)), headings: UInt16(min(headings, 0xFFFF))))
            start = end
        }
        return occurrences
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
