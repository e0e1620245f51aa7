import Foundation

/// The layout and constants of the index files in `public/search/`, shared by the writer, the
/// command-line reader and (by value, through `meta.js` and `codes.js`) the page's JavaScript.
///
/// Every file is a script `PKB.load("<key>", <JSON>);` so that the page can load it with a
/// `<script>` element, which works from disk (file://) where `fetch` does not.
///
/// - `meta`: counts and ranking constants.
/// - `codes`: the character code report texts are compressed with (`CharacterCode`).
/// - `p/<shard>`: terms hashed to the shard, each `[df, idf, payload]`; payload is the term's
///   postings in base64 (`PostingsCoding`): report ids, each with its BM25F weight for the term
///   already worked out (so no length norms need downloading), and where the term is in the title;
///   or `{"f": key}` when a large list lives in a file of its own (`p/<shard>-<k>`).
/// - `d/<id / 1000>/<id>`: a report's title, URL, date, genre, tags, regions and the start of its
///   body, compressed; `d/<id / 1000>/<id>-1` the rest of the body, loaded only when a query is not
///   found (with room for its excerpt) in the start.
/// - `facets`: report ids per tag, region, genre and year, loaded only when filtering.
public enum SearchFormat {
    public static let version = 3
    /// Body scalars in a report's first file; its rest file starts there. The first file holds
    /// `excerptReach` more, so that an excerpt around a match in the start never needs the rest.
    public static let headScalars = 1536
    public static let excerptReach = TextMatcher.after
    /// Levels of a term's weight in a report (BM25's saturated term frequency, 0 ..< 1).
    public static let impactLevels = 32
    /// Average bytes a postings shard should hold; sets the number of shards.
    public static let targetShardBytes = 3_000
    /// Postings longer than this get a file of their own, so that looking up a rare term never
    /// downloads a frequent one that happens to share its shard.
    public static let ownFileBytes = 600

    public static let k1 = 1.2
    public static let b = 0.75
    /// Field weights for BM25F.
    public static let weights: [(field: String, weight: Double)] = [
        ("title", 6), ("tags", 4), ("regions", 3), ("headings", 2), ("text", 1),
    ]
    /// Added when the title contains the query part; the title equal to the query ranks first.
    public static let titleBonus = 2.0
    public static let exactTitleBonus = 1000.0

    enum FieldFlag {
        static let title: UInt8 = 1
        static let tags: UInt8 = 2
        static let regions: UInt8 = 4
        static let headings: UInt8 = 8
    }

    // MARK: - Paths

    public static func shardKey(_ shard: Int) -> String { "p/\(shard)" }
    public static func ownFileKey(shard: Int, index: Int) -> String { "p/\(shard)-\(index)" }
    public static func documentKey(_ doc: Int) -> String { "d/\(doc / 1000)/\(doc)" }
    public static func restKey(_ doc: Int) -> String { "d/\(doc / 1000)/\(doc)-1" }
    public static let metaKey = "meta"
    public static let codesKey = "codes"
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

    /// The average text length BM25 normalises by, rounded to a step of 1/64 of an octave
    /// (about 1 %), so that editing a report seldom moves it and every other report's weights,
    /// and a rebuild can patch the index instead of writing it again.
    public static func averageLength(total: Int, documents n: Int) -> Double {
        guard n > 0, total > 0 else { return 1 }
        let exact = Double(total) / Double(n)
        return pow(2, (log2(exact) * 64).rounded() / 64)
    }

    /// How many shards the postings go to, for this many bytes of lists (each counted as its
    /// base64 length, at most `ownFileBytes`): about `targetShardBytes` each, rounded to a step
    /// of 1/16 of an octave, so that a small change keeps every term in its shard.
    public static func shardCount(listBytes: Int) -> Int {
        let exact = Double(listBytes) / Double(targetShardBytes)
        guard exact > 1 else { return 1 }
        return max(1, Int(pow(2, (log2(exact) * 16).rounded() / 16).rounded()))
    }

    /// What a list adds to `shardCount(listBytes:)`.
    static func listBytes(encodedCount: Int, ownFileBytes: Int) -> Int {
        min(encodedCount * 4 / 3, ownFileBytes)
    }

    /// BM25 idf, stored as an integer so that every reader adds up exactly the same numbers.
    static func idf(documentFrequency df: Int, documents n: Int) -> Int {
        let value = log(1 + (Double(n) - Double(df) + 0.5) / (Double(df) + 0.5))
        return Int((value * 10_000).rounded())
    }

    /// A term's weight in a report as a level: BM25F's weighted count `w` saturated to
    /// w / (k1 + w), cut into `impactLevels` steps. Readers add idf × (level + ½) / levels.
    static func impactLevel(weighted: Double) -> Int {
        let saturated = weighted / (k1 + weighted)
        return min(impactLevels - 1, max(0, Int(saturated * Double(impactLevels))))
    }
}
