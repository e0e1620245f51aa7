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

    /// The index terms a part is looked up by, each with its offset in the part.
    ///
    /// Within each run of indexable characters, bigrams at offsets 0, 2, 4, … and the run's last
    /// bigram: together they cover every character, so a report that has them all at the right
    /// offsets contains the run, and the query downloads about half the bigrams. A part with no
    /// bigram is looked up by its Chinese characters' unigrams; a part with neither has no terms.
    static func terms(of part: [Unicode.Scalar]) -> [(term: String, offset: Int)] {
        var terms: [(String, Int)] = []
        var runStart = -1
        func closeRun(at end: Int) {
            guard runStart >= 0, end - runStart >= 2 else { return }
            var offsets = Array(stride(from: runStart, to: end - 1, by: 2))
            if offsets.last != end - 2 { offsets.append(end - 2) }
            for offset in offsets {
                var pair = String.UnicodeScalarView()
                pair.append(part[offset])
                pair.append(part[offset + 1])
                terms.append((String(pair), offset))
            }
        }
        for (index, scalar) in part.enumerated() {
            if SearchNormalizer.isIndexable(scalar) {
                if runStart < 0 { runStart = index }
            } else {
                closeRun(at: index)
                runStart = -1
            }
        }
        closeRun(at: part.count)
        if terms.isEmpty {
            for (index, scalar) in part.enumerated() where SearchNormalizer.isHan(scalar) {
                terms.append((String(scalar), index))
            }
        }
        return terms
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
