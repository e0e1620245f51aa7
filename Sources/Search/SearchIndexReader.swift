import Foundation

/// Reads the index files in `public/search/`, each at most once.
public final class SearchIndexReader {
    public struct Meta {
        public var documents: Int
        public var shards: Int
        public var levels: Int
        public var titleBonus: Double
        public var exactTitleBonus: Double
    }

    /// One term's postings, decoded, with its document frequency and idf.
    struct Term {
        var documentFrequency: Int
        var idf: Int
        var postings: PostingsCoding.Postings
    }

    /// A report's first file: what results show, and the start of its body (all of it when
    /// `split` is nil) to check and cut excerpts from.
    public struct Document {
        public var id: Int
        public var url: String
        public var title: String
        public var date: String
        public var genre: String
        public var tags: [String]
        public var regions: [String]
        public var body: String
        /// Where the rest file starts in the body, when there is one.
        public var split: Int?
    }

    public let directory: URL
    public let meta: Meta
    private var shards: [Int: [String: Any]] = [:]
    private var terms: [String: Term?] = [:]
    private var documents: [Int: Document] = [:]
    private var rests: [Int: String] = [:]
    private var code: CharacterCode?
    private var facetSets: [String: [String: Set<Int>]]?
    /// Every file key read so far, for measuring what a query downloads.
    public private(set) var loadedKeys: [String] = []

    public init(directory: URL) throws {
        self.directory = directory
        guard let json = try SearchIndexReader.load(SearchFormat.metaKey, in: directory) as? [String: Any],
              json["v"] as? Int == SearchFormat.version,
              let n = json["n"] as? Int, let shards = json["shards"] as? Int
        else {
            throw SearchError.unreadable(directory.appendingPathComponent("meta.js").path)
        }
        func integer(_ key: String, _ fallback: Int) -> Int { json[key] as? Int ?? fallback }
        meta = Meta(
            documents: n, shards: shards, levels: integer("levels", SearchFormat.impactLevels),
            titleBonus: Double(integer("titleBonus", 2)),
            exactTitleBonus: Double(integer("exactTitleBonus", 1000)))
        loadedKeys.append(SearchFormat.metaKey)
    }

    /// What the shard says of a term without reading a file of its own: nil when no report has
    /// it; `inline` when its postings are in the shard.
    func lookup(_ key: String) throws -> (documentFrequency: Int, inline: Bool)? {
        guard let raw = try rawEntry(key), let df = raw[0] as? Int else { return nil }
        return (df, raw[2] is String)
    }

    /// A term's postings (loading its shard, and its own file, once); nil when no report has it.
    func term(_ key: String) throws -> Term? {
        if let cached = terms[key] { return cached }
        var decoded: Term? = nil
        if let raw = try rawEntry(key), let df = raw[0] as? Int, let idf = raw[1] as? Int {
            var base64 = raw[2] as? String
            if let file = (raw[2] as? [String: Any])?["f"] as? String {
                base64 = try SearchIndexReader.load(file, in: directory) as? String
                loadedKeys.append(file)
            }
            guard let base64, let data = Data(base64Encoded: base64),
                  let postings = PostingsCoding.decode([UInt8](data), documentFrequency: df)
            else { throw SearchError.unreadable(SearchFormat.shardKey(SearchFormat.shard(of: key, shards: meta.shards))) }
            decoded = Term(documentFrequency: df, idf: idf, postings: postings)
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
        guard let raw = shards[shardIndex]?[key] as? [Any], raw.count == 3 else { return nil }
        return raw
    }

    /// A report's first file, its start of the body decompressed.
    public func document(_ id: Int) throws -> Document {
        if let cached = documents[id] { return cached }
        let key = SearchFormat.documentKey(id)
        let json = try SearchIndexReader.load(key, in: directory) as? [String: Any]
        guard let json, let body = try text(of: json) else {
            throw SearchError.unreadable(directory.appendingPathComponent(key + ".js").path)
        }
        loadedKeys.append(key)
        let document = Document(
            id: id, url: json["u"] as? String ?? "", title: json["t"] as? String ?? "",
            date: json["d"] as? String ?? "", genre: json["g"] as? String ?? "",
            tags: json["tg"] as? [String] ?? [], regions: json["r"] as? [String] ?? [], body: body,
            split: json["h"] as? Int)
        documents[id] = document
        return document
    }

    /// The whole body: the first file's start, then the rest file.
    public func wholeBody(of document: Document) throws -> String {
        guard let split = document.split else { return document.body }
        if let cached = rests[document.id] { return cached }
        let key = SearchFormat.restKey(document.id)
        let json = try SearchIndexReader.load(key, in: directory) as? [String: Any]
        guard let json, let rest = try text(of: json) else {
            throw SearchError.unreadable(directory.appendingPathComponent(key + ".js").path)
        }
        loadedKeys.append(key)
        let whole = String(String.UnicodeScalarView(document.body.unicodeScalars.prefix(split))) + rest
        rests[document.id] = whole
        return whole
    }

    private func text(of json: [String: Any]) throws -> String? {
        guard let count = json["n"] as? Int, let base64 = json["z"] as? String, let bits = Data(base64Encoded: base64) else { return nil }
        return try characterCode().decode([UInt8](bits), count: count)
    }

    /// The code the texts are compressed with, as `codes.js` gives it.
    private func characterCode() throws -> CharacterCode {
        if let code { return code }
        guard let json = try SearchIndexReader.load(SearchFormat.codesKey, in: directory) as? [String: Any],
              let lengths = json["lengths"] as? [Int], let symbols = json["symbols"] as? String
        else { throw SearchError.unreadable(directory.appendingPathComponent("codes.js").path) }
        loadedKeys.append(SearchFormat.codesKey)
        let made = CharacterCode(symbols: Array(symbols.unicodeScalars), lengthCounts: lengths)
        code = made
        return made
    }

    /// Report ids for each facet value: `facets()["tag"]["营商环境"]`.
    public func facets() throws -> [String: [String: Set<Int>]] {
        if let facetSets { return facetSets }
        let json = try SearchIndexReader.load(SearchFormat.facetsKey, in: directory) as? [String: [String: String]] ?? [:]
        loadedKeys.append(SearchFormat.facetsKey)
        var result: [String: [String: Set<Int>]] = [:]
        for (group, values) in json {
            for (value, base64) in values {
                let ids = Data(base64Encoded: base64).flatMap { PostingsCoding.decodeIDs([UInt8]($0)) } ?? []
                result[group, default: [:]][value] = Set(ids)
            }
        }
        facetSets = result
        return result
    }

    // MARK: - Files

    static func load(_ key: String, in directory: URL) throws -> Any? {
        let url = directory.appendingPathComponent(key + ".js")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SearchError.unreadable(url.path)
        }
        return ScriptJSON.payload(of: String(decoding: data, as: UTF8.self))
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
