/// What the user asked for: text (parts separated by spaces, all of which must match) and filters.
public struct SearchQuery: Equatable, Sendable {
    public var text: String
    public var tag: String?
    public var region: String?
    public var genre: String?
    public var year: String?

    public init(_ text: String, tag: String? = nil, region: String? = nil, genre: String? = nil, year: String? = nil) {
        self.text = text
        self.tag = tag
        self.region = region
        self.genre = genre
        self.year = year
    }

    /// The query's parts, normalised; each must occur in a result's title or body.
    public var parts: [[Unicode.Scalar]] {
        let normalized = Array(SearchNormalizer().normalizedString(text).unicodeScalars)
        var parts: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in normalized {
            if SearchNormalizer.isSpace(scalar) {
                if !current.isEmpty { parts.append(current) }
                current = []
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// The index terms a part is looked up by, in the order they occur in the part: its bigrams,
    /// or for a single Chinese character its unigram. Duplicates are kept (they give phrase offsets).
    static func terms(of part: [Unicode.Scalar]) -> [String] {
        if part.count == 1 {
            return SearchNormalizer.isHan(part[0]) ? [String(part[0])] : []
        }
        return (0..<(part.count - 1)).map { index in
            var pair = String.UnicodeScalarView()
            pair.append(part[index])
            pair.append(part[index + 1])
            return String(pair)
        }
    }
}

/// One report found, with an excerpt around its first match.
public struct SearchResult: Equatable, Sendable {
    public var id: Int
    public var url: String
    public var title: String
    public var date: String
    public var genre: String
    public var tags: [String]
    public var regions: [String]
    public var score: Double
    public var excerpt: Excerpt
}

/// A stretch of a report's text; `highlights` are [start, end) offsets in Unicode scalars.
public struct Excerpt: Equatable, Sendable {
    public var text: String
    public var highlights: [[Int]]
    public var truncatedBefore: Bool
    public var truncatedAfter: Bool
}
