import Foundation

/// The layout and constants of the index files in `public/search/`, shared by the writer, the
/// command-line reader and (by value, through `meta.js`) the page's JavaScript.
///
/// Every file is a script `PKB.load("<key>", <JSON>);` so that the page can load it with a
/// `<script>` element, which works from disk (file://) where `fetch` does not.
///
/// - `meta`: counts and ranking constants.
/// - `p/<shard>`: terms hashed to the shard, each `[df, idf, kind, payload]`; payload is base64
///   postings, or `{"file": key}` when a large list lives in a file of its own (`p/<shard>-<k>`).
/// - `n/<block>`: one length byte per report, for BM25's length normalisation.
/// - `d/<id / 1000>/<id>-<k>`: the k-th chunk of a report's text; chunk 0 also holds its title,
///   URL, date, genre, tags and regions.
/// - `facets`: report ids per tag, region, genre and year, loaded only when filtering.
public enum SearchFormat {
    public static let version = 2
    /// Original characters per text chunk; a result downloads only the chunks it needs.
    public static let chunkSize = 1024
    /// Reports per block of length norms.
    public static let normBlock = 8192
    /// Average bytes a postings shard should hold; sets the number of shards.
    public static let targetShardBytes = 4_000
    /// Postings longer than this get a file of their own, so that looking up a rare term never
    /// downloads a frequent one that happens to share its shard.
    public static let ownFileBytes = 1_500

    public static let k1 = 1.2
    public static let b = 0.75
    /// Field weights for BM25F.
    public static let weights: [(field: String, weight: Double)] = [
        ("title", 6), ("tags", 4), ("regions", 3), ("headings", 2), ("text", 1),
    ]
    /// Added when the title contains the query part; the title equal to the query ranks first.
    public static let titleBonus = 2.0
    public static let exactTitleBonus = 1000.0

    enum Kind {
        /// Full entries: fields, counts, title positions, first chunk.
        static let postings = 0
        /// Report ids only (unigrams).
        static let ids = 1
    }

    enum FieldFlag {
        static let title: UInt8 = 1
        static let tags: UInt8 = 2
        static let regions: UInt8 = 4
        static let headings: UInt8 = 8
        /// Bits 4–6 hold the count in the text (0 absent, 7 = 7 or more, the rest follows).
        static let textShift: UInt8 = 4
        static let laterChunk: UInt8 = 0x80
    }

    // MARK: - Paths

    public static func shardKey(_ shard: Int) -> String { "p/\(shard)" }
    public static func ownFileKey(shard: Int, index: Int) -> String { "p/\(shard)-\(index)" }
    public static func normKey(_ block: Int) -> String { "n/\(block)" }
    public static func chunkKey(doc: Int, chunk: Int) -> String { "d/\(doc / 1000)/\(doc)-\(chunk)" }
    public static let metaKey = "meta"
    public static let facetsKey = "facets"

    /// FNV-1a over the term's UTF-8 bytes; the page computes the same.
    public static func shard(of term: String, shards: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in term.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return Int(hash % UInt32(max(1, shards)))
    }

    /// BM25 idf, stored as an integer so that every reader adds up exactly the same numbers.
    static func idf(documentFrequency df: Int, documents n: Int) -> Int {
        let value = log(1 + (Double(n) - Double(df) + 0.5) / (Double(df) + 0.5))
        return Int((value * 10_000).rounded())
    }

    /// A text's length in one byte: sqrt keeps precision where lengths are short.
    static func lengthNorm(_ length: Int) -> UInt8 {
        UInt8(min(255, Int(Double(length).squareRoot() / 2)))
    }

    static func length(fromNorm norm: UInt8) -> Double {
        let root = (Double(norm) + 0.5) * 2
        return root * root
    }
}
