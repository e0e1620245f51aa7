import Foundation

/// Answers queries from the index files, exactly as the page's JavaScript does:
///
/// 1. Candidates: reports that have every bigram of every part (and match the filters).
/// 2. Ranking: BM25F over those bigrams with field weights, plus a bonus when the title contains a
///    part and a larger one when the title is the query; ties by id.
/// 3. Verification, in rank order: a candidate is a result only if its text really contains every
///    part, read from the chunks of its text. So no result is false and no report is missed.
public final class SearchEngine {
    public let reader: SearchIndexReader

    public init(reader: SearchIndexReader) {
        self.reader = reader
    }

    public convenience init(directory: URL) throws {
        self.init(reader: try SearchIndexReader(directory: directory))
    }

    /// Candidates in rank order, before verification (their count is an upper bound of the results).
    public func candidates(for query: SearchQuery) throws -> [(id: Int, score: Double)] {
        let parts = query.parts
        let partTerms = parts.map(SearchQuery.terms(of:))
        guard partTerms.contains(where: { !$0.isEmpty }) else { return [] }
        var candidates: Set<Int>? = nil
        var loaded: [String: SearchIndexReader.Term] = [:]
        for terms in partTerms {
            for term in terms where loaded[term] == nil {
                guard let postings = try reader.term(term) else { return [] }
                loaded[term] = postings
                let documents = Set(postings.documents)
                candidates = candidates.map { $0.intersection(documents) } ?? documents
            }
        }
        var set = candidates ?? []
        let facets = try filterSets(for: query)
        for filter in facets { set.formIntersection(filter) }

        let meta = reader.meta
        var scored: [(id: Int, score: Double)] = []
        scored.reserveCapacity(set.count)
        for doc in set {
            var score = 0.0
            for (partIndex, terms) in partTerms.enumerated() {
                var seen = Set<String>()
                for term in terms where seen.insert(term).inserted {
                    guard let postings = loaded[term], let entry = postings.entries[doc] else { continue }
                    score += bm25(entry, idf: postings.idf, meta: meta)
                }
                if let bonus = titleBonus(parts[partIndex], terms: terms, doc: doc, loaded: loaded, single: parts.count == 1) {
                    score += bonus
                }
            }
            scored.append((doc, score))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        return scored
    }

    /// Results `offset ..< offset + limit` in rank order, each verified against the report's text.
    public func search(_ query: SearchQuery, offset: Int = 0, limit: Int = 10) throws -> (results: [SearchResult], candidates: Int) {
        let ranked = try candidates(for: query)
        let parts = query.parts
        var results: [SearchResult] = []
        var verified = 0
        for candidate in ranked {
            guard results.count < limit else { break }
            guard let result = try verify(candidate.id, score: candidate.score, parts: parts) else { continue }
            if verified >= offset { results.append(result) }
            verified += 1
        }
        return (results, ranked.count)
    }

    /// Every result, verified: for the exact count.
    public func allResults(_ query: SearchQuery) throws -> [SearchResult] {
        try search(query, offset: 0, limit: Int.max).results
    }

    // MARK: - Ranking

    private func bm25(_ entry: SearchIndexReader.PostingEntry, idf: Int, meta: SearchIndexReader.Meta) -> Double {
        let length = SearchFormat.length(fromNorm: entry.textNorm)
        let norm = 1 - meta.b + meta.b * length / meta.averageTextLength
        var weighted = 0.0
        weighted += (meta.weights["title"] ?? 0) * Double(entry.titlePositions.count)
        weighted += (meta.weights["tags"] ?? 0) * Double(entry.tags)
        weighted += (meta.weights["regions"] ?? 0) * Double(entry.regions)
        weighted += (meta.weights["headings"] ?? 0) * Double(entry.headings)
        weighted += (meta.weights["text"] ?? 0) * Double(entry.text) / norm
        return Double(idf) / 10_000 * weighted / (meta.k1 + weighted)
    }

    /// The title contains the part when its terms sit at consecutive positions in the title.
    private func titleBonus(_ part: [Unicode.Scalar], terms: [String], doc: Int,
                            loaded: [String: SearchIndexReader.Term], single: Bool) -> Double? {
        guard let first = terms.first, let firstEntry = loaded[first]?.entries[doc] else { return nil }
        for start in firstEntry.titlePositions {
            var all = true
            for (offset, term) in terms.enumerated().dropFirst() {
                guard let entry = loaded[term]?.entries[doc], entry.titlePositions.contains(start + offset) else {
                    all = false
                    break
                }
            }
            if all {
                let exact = single && start == 0 && firstEntry.titleLength == part.count
                return exact ? reader.meta.exactTitleBonus : reader.meta.titleBonus
            }
        }
        return nil
    }

    private func filterSets(for query: SearchQuery) throws -> [Set<Int>] {
        let wanted = [("tag", query.tag), ("region", query.region), ("genre", query.genre), ("year", query.year)]
            .compactMap { group, value in value.map { (group, $0) } }
        guard !wanted.isEmpty else { return [] }
        let facets = try reader.facets()
        return wanted.map { group, value in facets[group]?[value] ?? [] }
    }

    // MARK: - Verification

    /// Reads the report's text chunk by chunk until every part is found; nil when one never is.
    private func verify(_ doc: Int, score: Double, parts: [[Unicode.Scalar]]) throws -> SearchResult? {
        let first = try reader.chunk(document: doc, index: 0)
        var matcher = ChunkMatcher(parts: parts)
        var excerpt: Excerpt? = nil
        var chunk = first
        while true {
            if let found = matcher.feed(chunk.text), excerpt == nil {
                excerpt = found
            }
            if matcher.allFound || chunk.index + 1 >= chunk.count { break }
            chunk = try reader.chunk(document: doc, index: chunk.index + 1)
        }
        guard matcher.allFound, let excerpt else { return nil }
        return SearchResult(
            id: doc, url: first.url, title: first.title, date: first.date, genre: first.genre,
            tags: first.tags, regions: first.regions, score: score, excerpt: excerpt)
    }
}
