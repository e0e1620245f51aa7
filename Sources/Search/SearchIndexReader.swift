import Foundation

/// Reads the index files in `public/search/`, each at most once.
public final class SearchIndexReader {
    public struct Meta {
        public var documents: Int
        public var shards: Int
        public var averageTextLength: Double
        public var k1: Double
        public var b: Double
        public var titleBonus: Double
        public var exactTitleBonus: Double
        public var weights: [String: Double]
    }

    /// One term's postings, decoded.
    struct Term {
        var documentFrequency: Int
        var idf: Int
        var entries: [Int: PostingEntry]
        var documents: [Int]
    }

    struct PostingEntry {
        var flags: UInt8 = 0
        var titleLength = 0
        var titlePositions: [Int] = []
        var tags = 0
        var regions = 0
        var headings = 0
        var text = 0
        var firstChunk = 0
    }

    public struct Chunk {
        public var id: Int
        public var count: Int
        public var url: String
        public var title: String
        public var date: String
        public var genre: String
        public var tags: [String]
        public var regions: [String]
        public var index: Int
        public var text: String
    }

    public let directory: URL
    public let meta: Meta
    private var shards: [Int: [String: Any]] = [:]
    private var terms: [String: Term?] = [:]
    private var chunks: [String: Chunk] = [:]
    private var norms: [Int: [UInt8]] = [:]
    private var facetSets: [String: [String: Set<Int>]]?
    /// Every file key read so far, for measuring what a query downloads.
    public private(set) var loadedKeys: [String] = []

    public init(directory: URL) throws {
        self.directory = directory
        guard let json = try SearchIndexReader.load(SearchFormat.metaKey, in: directory) as? [String: Any],
              let n = json["n"] as? Int, let shards = json["shards"] as? Int
        else {
            throw SearchError.unreadable(directory.appendingPathComponent("meta.js").path)
        }
        func integer(_ key: String, _ fallback: Int) -> Int { json[key] as? Int ?? fallback }
        let weights = (json["weights"] as? [String: Int] ?? [:]).mapValues(Double.init)
        meta = Meta(
            documents: n, shards: shards,
            averageTextLength: Double(integer("avgText100", 100)) / 100,
            k1: Double(integer("k1000", 1200)) / 1000,
            b: Double(integer("b1000", 750)) / 1000,
            titleBonus: Double(integer("titleBonus", 2)),
            exactTitleBonus: Double(integer("exactTitleBonus", 1000)),
            weights: weights)
        loadedKeys.append(SearchFormat.metaKey)
    }

    /// What the shard says of a term, without loading a postings file of its own.
    struct Lookup {
        var documentFrequency: Int
        /// The postings are in the shard itself, so using them costs nothing more.
        var inline: Bool
    }

    /// Looks a term up in its shard (loading the shard once); nil when no report has it.
    func lookup(_ key: String) throws -> Lookup? {
        guard let raw = try rawEntry(key), let df = raw[0] as? Int else { return nil }
        return Lookup(documentFrequency: df, inline: raw[3] is String)
    }

    func term(_ key: String) throws -> Term? {
        if let cached = terms[key] { return cached }
        var decoded: Term? = nil
        if let raw = try rawEntry(key), let df = raw[0] as? Int, let idf = raw[1] as? Int, let kind = raw[2] as? Int {
            var base64 = raw[3] as? String
            if let file = (raw[3] as? [String: Any])?["file"] as? String {
                base64 = try SearchIndexReader.load(file, in: directory) as? String
                loadedKeys.append(file)
            }
            if let base64, let data = Data(base64Encoded: base64) {
                decoded = SearchIndexReader.decode(df: df, idf: idf, idsOnly: kind == SearchFormat.Kind.ids, bytes: [UInt8](data))
            }
        }
        terms[key] = decoded
        return decoded
    }

    private func rawEntry(_ key: String) throws -> [Any]? {
        let shardIndex = SearchFormat.shard(of: key, shards: meta.shards)
        if shards[shardIndex] == nil {
            let shardKey = SearchFormat.shardKey(shardIndex)
            shards[shardIndex] = try SearchIndexReader.load(shardKey, in: directory) as? [String: Any] ?? [:]
            loadedKeys.append(shardKey)
        }
        guard let raw = shards[shardIndex]?[key] as? [Any], raw.count == 4 else { return nil }
        return raw
    }

    /// The length norm of a report (one byte, see `SearchFormat.lengthNorm`).
    func norm(of document: Int) throws -> UInt8 {
        let block = document / SearchFormat.normBlock
        if norms[block] == nil {
            let key = SearchFormat.normKey(block)
            let base64 = try SearchIndexReader.load(key, in: directory) as? String ?? ""
            norms[block] = [UInt8](Data(base64Encoded: base64) ?? Data())
            loadedKeys.append(key)
        }
        let bytes = norms[block]!
        let offset = document % SearchFormat.normBlock
        return offset < bytes.count ? bytes[offset] : 0
    }

    public func chunk(document: Int, index: Int) throws -> Chunk {
        let key = SearchFormat.chunkKey(doc: document, chunk: index)
        if let cached = chunks[key] { return cached }
        guard let json = try SearchIndexReader.load(key, in: directory) as? [String: Any] else {
            throw SearchError.unreadable(key)
        }
        loadedKeys.append(key)
        let chunk = Chunk(
            id: json["i"] as? Int ?? document, count: json["n"] as? Int ?? 1,
            url: json["u"] as? String ?? "", title: json["t"] as? String ?? "",
            date: json["d"] as? String ?? "", genre: json["g"] as? String ?? "",
            tags: json["tg"] as? [String] ?? [], regions: json["r"] as? [String] ?? [],
            index: json["k"] as? Int ?? index, text: json["x"] as? String ?? "")
        chunks[key] = chunk
        return chunk
    }

    /// Report ids for each facet value: `facets()["tag"]["营商环境"]`.
    public func facets() throws -> [String: [String: Set<Int>]] {
        if let facetSets { return facetSets }
        let json = try SearchIndexReader.load(SearchFormat.facetsKey, in: directory) as? [String: [String: String]] ?? [:]
        loadedKeys.append(SearchFormat.facetsKey)
        var result: [String: [String: Set<Int>]] = [:]
        for (group, values) in json {
            for (value, base64) in values {
                var reader = ByteReader([UInt8](Data(base64Encoded: base64) ?? Data()))
                var ids = Set<Int>()
                var previous = -1
                while let gap = reader.varint() {
                    previous += gap
                    ids.insert(previous)
                }
                result[group, default: [:]][value] = ids
            }
        }
        facetSets = result
        return result
    }

    // MARK: - Decoding

    static func load(_ key: String, in directory: URL) throws -> Any? {
        let url = directory.appendingPathComponent(key + ".js")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SearchError.unreadable(url.path)
        }
        return ScriptJSON.payload(of: String(decoding: data, as: UTF8.self))
    }

    static func decode(df: Int, idf: Int, idsOnly: Bool, bytes: [UInt8]) -> Term {
        var reader = ByteReader(bytes)
        var entries: [Int: PostingEntry] = [:]
        var documents: [Int] = []
        documents.reserveCapacity(df)
        var doc = -1
        while !reader.atEnd, let gap = reader.varint() {
            doc += gap
            documents.append(doc)
            if idsOnly { continue }
            guard let flags = reader.byte() else { break }
            var entry = PostingEntry(flags: flags)
            if flags & SearchFormat.FieldFlag.title != 0 {
                entry.titleLength = reader.varint() ?? 0
                let count = reader.varint() ?? 0
                var position = 0
                for _ in 0..<count {
                    position += reader.varint() ?? 0
                    entry.titlePositions.append(position)
                }
            }
            if flags & SearchFormat.FieldFlag.tags != 0 { entry.tags = reader.varint() ?? 0 }
            if flags & SearchFormat.FieldFlag.regions != 0 { entry.regions = reader.varint() ?? 0 }
            if flags & SearchFormat.FieldFlag.headings != 0 { entry.headings = reader.varint() ?? 0 }
            entry.text = Int(flags >> SearchFormat.FieldFlag.textShift & 0x07)
            if entry.text == 7 { entry.text += reader.varint() ?? 0 }
            if flags & SearchFormat.FieldFlag.laterChunk != 0 { entry.firstChunk = reader.varint() ?? 0 }
            entries[doc] = entry
        }
        return Term(documentFrequency: df, idf: idf, entries: entries, documents: documents)
    }
}

public enum SearchError: Error, CustomStringConvertible, Equatable {
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreadable(let path):
            return "\(path): error: cannot read the search index; run `policykb build` first"
        }
    }
}
