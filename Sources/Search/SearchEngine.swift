import Foundation

/// Answers queries from the index files, exactly as the page's JavaScript does:
///
/// 1. Candidates: reports that have every looked-up term of every part (and match the filters).
///    A part is looked up by bigrams that cover all its characters (`SearchQuery.coveringTerms`).
/// 2. Ranking: BM25F over those terms (each report's weight for a term comes worked out in the
///    postings), plus a bonus when the title contains a part and a larger one when the title is
///    the query; ties by id.
/// 3. Verification, in rank order: a candidate is a result only if its title or body really
///    contains every part. So no result is false and no report is missed.
public final class SearchEngine {
    public let reader: SearchIndexReader
    /// Reports' texts, normalised: the start of the body, and the whole when it was needed.
    private var heads: [Int: TextMatcher.Text] = [:]
    private var wholes: [Int: TextMatcher.Text] = [:]

    public init(reader: SearchIndexReader) {
        self.reader = reader
    }

    public convenience init(directory: URL) throws {
        self.init(reader: try SearchIndexReader(directory: directory))
    }

    /// A bigram beyond the covering ones is read when it is in fewer reports than this share of the candidates.
    static let narrowing = 0.8

    /// A candidate: its id and score.
    public struct Candidate: Equatable {
        public var id: Int
        public var score: Double
    }

    /// Candidates in rank order, before verification (their count is an upper bound of the results).
    public func candidates(for query: SearchQuery) throws -> [Candidate] {
        let parts = query.parts
        let partTerms = parts.map(SearchQuery.coveringTerms(of:))
        guard partTerms.contains(where: { !$0.isEmpty }) else { return [] }
        var loaded: [String: SearchIndexReader.Term] = [:]
        var set: [Int32]? = nil
        for terms in partTerms {
            for (term, _) in terms where loaded[term] == nil {
                guard let postings = try reader.term(term) else { return [] }
                loaded[term] = postings
                set = set.map { Self.intersect($0, postings.postings.documents) } ?? postings.postings.documents
            }
        }
        // The parts' other bigrams narrow the candidates further, often much (the bigram across
        // two words is the rare one): each whose report count is well below the candidates'
        // is read, rarest first.
        var others: [(term: String, documentFrequency: Int)] = []
        for (part, terms) in zip(parts, partTerms) {
            for (term, _) in SearchQuery.terms(of: part)
            where !terms.contains(where: { $0.term == term }) && !others.contains(where: { $0.term == term }) {
                guard let lookup = try reader.lookup(term) else { return [] }
                others.append((term, lookup.documentFrequency))
            }
        }
        let rarestFirst = others.sorted {
            $0.documentFrequency != $1.documentFrequency ? $0.documentFrequency < $1.documentFrequency
                : $0.term.unicodeScalars.lexicographicallyPrecedes($1.term.unicodeScalars) { $0.value < $1.value }
        }
        for (term, df) in rarestFirst {
            guard let current = set, Double(df) < Self.narrowing * Double(current.count), let postings = try reader.term(term) else { continue }
            set = Self.intersect(current, postings.postings.documents)
        }
        var documents = set ?? []
        for filter in try filterSets(for: query) { documents = documents.filter { filter.contains(Int($0)) } }

        // Candidates come in id order, as do every term's reports: one cursor per term walks its
        // list once. First every part's term weights are added (each term once per part), then
        // the title bonuses, in the same order as the page's script.
        let meta = reader.meta
        struct Slot { var term: SearchIndexReader.Term; var counts: Bool; var cursor = 0 }
        var slots: [Slot] = []
        for terms in partTerms {
            for (index, term) in terms.enumerated() {
                slots.append(Slot(term: loaded[term.term]!, counts: terms.firstIndex { $0.term == term.term } == index))
            }
        }
        var scored: [Candidate] = []
        scored.reserveCapacity(documents.count)
        var entries = [Int](repeating: 0, count: slots.count)
        for doc32 in documents {
            var score = 0.0
            var titled = false
            for index in slots.indices {
                let documents = slots[index].term.postings.documents
                var at = slots[index].cursor
                while at < documents.count && documents[at] < doc32 { at += 1 }
                slots[index].cursor = at
                entries[index] = at
                let term = slots[index].term
                if slots[index].counts {
                    score += Double(term.idf) / 10_000 * (Double(term.postings.levels[at]) + 0.5) / Double(meta.levels)
                }
                if !term.postings.titles.isEmpty && term.postings.titles[at] != nil { titled = true }
            }
            if titled {
                var base = 0
                for (index, terms) in partTerms.enumerated() {
                    let partEntries = terms.indices.map { (entries[base + $0], slots[base + $0].term) }
                    if let bonus = titleBonus(parts[index], terms: terms, entries: partEntries, single: parts.count == 1) {
                        score += bonus
                    }
                    base += terms.count
                }
            }
            scored.append(Candidate(id: Int(doc32), score: score))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        return scored
    }

    /// Results `offset ..< offset + limit` in rank order, each verified against the report's text.
    public func search(_ query: SearchQuery, offset: Int = 0, limit: Int = 10) throws -> (results: [SearchResult], candidates: Int) {
        let ranked = try candidates(for: query)
        let matcher = TextMatcher(parts: query.parts)
        var results: [SearchResult] = []
        var verified = 0
        for candidate in ranked {
            guard results.count < limit else { break }
            guard let result = try verify(candidate, matcher: matcher) else { continue }
            if verified >= offset { results.append(result) }
            verified += 1
        }
        return (results, ranked.count)
    }

    /// Every result, verified: for the exact count.
    public func allResults(_ query: SearchQuery) throws -> [SearchResult] {
        try search(query, offset: 0, limit: Int.max).results
    }

    // MARK: - Candidates

    static func intersect(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(min(a.count, b.count))
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                result.append(a[i])
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    private func filterSets(for query: SearchQuery) throws -> [Set<Int>] {
        let wanted = [("tag", query.tag), ("region", query.region), ("genre", query.genre), ("year", query.year)]
            .compactMap { group, value in value.map { (group, $0) } }
        guard !wanted.isEmpty else { return [] }
        let facets = try reader.facets()
        return wanted.map { group, value in facets[group]?[value] ?? [] }
    }

    // MARK: - Ranking

    /// The title contains the part when its covering terms sit at their offsets from one start in
    /// the title; it is the query when that start is 0 and the title is as long as the part.
    private func titleBonus(_ part: [Unicode.Scalar], terms: [(term: String, offset: Int)],
                            entries: [(entry: Int, term: SearchIndexReader.Term)], single: Bool) -> Double? {
        guard !terms.isEmpty, entries.count == terms.count,
              let first = entries[0].term.postings.titles[entries[0].entry]
        else { return nil }
        for position in first.positions {
            let start = position - terms[0].offset
            let all = terms.indices.dropFirst().allSatisfy { index in
                entries[index].term.postings.titles[entries[index].entry]?.positions.contains(start + terms[index].offset) ?? false
            }
            if all {
                let exact = single && start == 0 && first.length == part.count
                return exact ? reader.meta.exactTitleBonus : reader.meta.titleBonus
            }
        }
        return nil
    }

    // MARK: - Verification

    /// Checks the start of the body first; the rest file is read only when the start lacks a part
    /// or the excerpt would reach past it, so the answer is the same as from the whole body.
    private func verify(_ candidate: Candidate, matcher: TextMatcher) throws -> SearchResult? {
        let document = try reader.document(candidate.id)
        let head = heads[document.id] ?? TextMatcher.Text(title: document.title, body: document.body)
        heads[document.id] = head
        var excerpt = matcher.match(head)
        if document.split != nil, excerpt.map({ !$0.truncatedAfter }) ?? true {
            let whole = try wholes[document.id] ?? TextMatcher.Text(title: document.title, body: reader.wholeBody(of: document))
            wholes[document.id] = whole
            excerpt = matcher.match(whole)
        }
        guard let excerpt else { return nil }
        return SearchResult(
            id: document.id, url: document.url, title: document.title, date: document.date, genre: document.genre,
            tags: document.tags, regions: document.regions, score: candidate.score, excerpt: excerpt)
    }
}
