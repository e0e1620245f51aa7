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

    /// The index terms a part could be looked up by, each with its offset in the part: every
    /// bigram of its runs of indexable characters, or, when it has none, the unigrams of its
    /// Chinese characters. A part with neither has no terms and is checked on the text alone.
    static func terms(of part: [Unicode.Scalar]) -> [(term: String, offset: Int)] {
        var terms: [(String, Int)] = []
        for index in part.indices.dropLast()
        where SearchNormalizer.isIndexable(part[index]) && SearchNormalizer.isIndexable(part[index + 1]) {
            var pair = String.UnicodeScalarView()
            pair.append(part[index])
            pair.append(part[index + 1])
            terms.append((String(pair), index))
        }
        if terms.isEmpty {
            for (index, scalar) in part.enumerated() where SearchNormalizer.isHan(scalar) {
                terms.append((String(scalar), index))
            }
        }
        return terms
    }

    /// The terms a part is looked up by: of each run of bigrams at consecutive offsets, every
    /// other one and the last, so that together they cover every character of the run. A report
    /// holds all of them if it holds the part, so no report is missed; and where they all sit at
    /// their offsets from one start, the text there is the run, so they also tell a title that
    /// contains the part. Unigrams (a part without bigrams) are all kept.
    static func coveringTerms(of part: [Unicode.Scalar]) -> [(term: String, offset: Int)] {
        let all = terms(of: part)
        var chosen: [(term: String, offset: Int)] = []
        for (index, term) in all.enumerated() {
            let isBigram = term.term.unicodeScalars.count == 2
            let runStart = index == 0 || all[index - 1].offset != term.offset - 1
            let runEnd = index == all.count - 1 || all[index + 1].offset != term.offset + 1
            let lastChosen = chosen.last?.offset
            let everyOther = runStart || (lastChosen.map { term.offset - $0 >= 2 } ?? true)
            if !isBigram || everyOther || runEnd { chosen.append(term) }
        }
        return chosen
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
