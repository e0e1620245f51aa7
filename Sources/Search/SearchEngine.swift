import Foundation

/// Answers queries from the index files, exactly as the page's JavaScript does:
///
/// 1. Candidates: reports that have every looked-up term of every part (and match the filters).
/// 2. Ranking: BM25F over those terms with field weights, plus a bonus when the title contains a
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

    /// A candidate: its id, score, and the first chunk where its text may hold the query.
    public struct Candidate: Equatable {
        public var id: Int
        public var score: Double
        var startChunk: Int
    }

    /// The terms a part is actually looked up by. Every bigram of the part is in every report that
    /// contains the part, so any of them narrows the candidates without losing one; verification
    /// makes the answer exact. Postings kept in their shard are used since they cost nothing more
    /// (and they are the rare, telling terms); when all are large, the least frequent one is used.
    /// Nil when some term is in no report: then no report contains the part.
    func chosenTerms(of part: [Unicode.Scalar]) throws -> [(term: String, offset: Int)]? {
        let all = SearchQuery.terms(of: part)
        guard !all.isEmpty else { return [] }
        var lookups: [SearchIndexReader.Lookup] = []
        for (term, _) in all {
            guard let lookup = try reader.lookup(term) else { return nil }
            lookups.append(lookup)
        }
        let inline = all.indices.filter { lookups[$0].inline }
        if !inline.isEmpty { return inline.map { all[$0] } }
        var best = 0
        for index in lookups.indices where lookups[index].documentFrequency < lookups[best].documentFrequency {
            best = index
        }
        return [all[best]]
    }

    /// Candidates in rank order, before verification (their count is an upper bound of the results).
    public func candidates(for query: SearchQuery) throws -> [Candidate] {
        let parts = query.parts
        var partTerms: [[(term: String, offset: Int)]] = []
        for part in parts {
            guard let terms = try chosenTerms(of: part) else { return [] }
            partTerms.append(terms)
        }
        guard partTerms.contains(where: { !$0.isEmpty }) else { return [] }
        var loaded: [String: SearchIndexReader.Term] = [:]
        var set: Set<Int>? = nil
        for terms in partTerms {
            for (term, _) in terms where loaded[term] == nil {
                guard let postings = try reader.term(term) else { return [] }
                loaded[term] = postings
                let documents = Set(postings.documents)
                set = set.map { $0.intersection(documents) } ?? documents
            }
        }
        var documents = set ?? []
        for filter in try filterSets(for: query) { documents.formIntersection(filter) }

        let meta = reader.meta
        var scored: [Candidate] = []
        scored.reserveCapacity(documents.count)
        for doc in documents {
            let norm = 1 - meta.b + meta.b * SearchFormat.length(fromNorm: try reader.norm(of: doc)) / meta.averageTextLength
            var score = 0.0
            var start = Int.max
            for (index, terms) in partTerms.enumerated() {
                var seen = Set<String>()
                var partStart = 0
                for (term, _) in terms where seen.insert(term).inserted {
                    guard let postings = loaded[term] else { continue }
                    if let entry = postings.entries[doc] {
                        score += bm25(entry, idf: postings.idf, norm: norm, meta: meta)
                        partStart = max(partStart, entry.firstChunk)
                    }
                }
                if let bonus = titleBonus(parts[index], terms: terms, doc: doc, loaded: loaded, single: parts.count == 1) {
                    score += bonus
                }
                // A part can begin at most its own length before the first chunk of any of its terms.
                let back = 1 + parts[index].count / SearchFormat.chunkSize
                start = min(start, terms.isEmpty ? 0 : max(0, partStart - back))
            }
            scored.append(Candidate(id: doc, score: score, startChunk: start == Int.max ? 0 : start))
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
            guard let result = try verify(candidate, parts: parts) else { continue }
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

    private func bm25(_ entry: SearchIndexReader.PostingEntry, idf: Int, norm: Double, meta: SearchIndexReader.Meta) -> Double {
        var weighted = 0.0
        weighted += (meta.weights["title"] ?? 0) * Double(entry.titlePositions.count)
        weighted += (meta.weights["tags"] ?? 0) * Double(entry.tags)
        weighted += (meta.weights["regions"] ?? 0) * Double(entry.regions)
        weighted += (meta.weights["headings"] ?? 0) * Double(entry.headings)
        weighted += (meta.weights["text"] ?? 0) * Double(entry.text) / norm
        return Double(idf) / 10_000 * weighted / (meta.k1 + weighted)
    }

    /// The title contains the part when its terms sit at their offsets from one start in the title.
    private func titleBonus(_ part: [Unicode.Scalar], terms: [(term: String, offset: Int)], doc: Int,
                            loaded: [String: SearchIndexReader.Term], single: Bool) -> Double? {
        guard let first = terms.first, let firstEntry = loaded[first.term]?.entries[doc] else { return nil }
        for position in firstEntry.titlePositions {
            let start = position - first.offset
            let all = terms.dropFirst().allSatisfy { term, offset in
                loaded[term]?.entries[doc]?.titlePositions.contains(start + offset) ?? false
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

    /// Reads chunk 0 (it holds the title and metadata), then the text from the first chunk that can
    /// hold a match, until every part is found; nil when one never is.
    private func verify(_ candidate: Candidate, parts: [[Unicode.Scalar]]) throws -> SearchResult? {
        let doc = candidate.id
        let first = try reader.chunk(document: doc, index: 0)
        var matcher = ChunkMatcher(parts: parts)
        var excerpt = matcher.feed(first.text)
        var next = max(1, candidate.startChunk)
        if next > 1 { matcher.forgetTail() }
        while !matcher.allFound && next < first.count {
            let chunk = try reader.chunk(document: doc, index: next)
            if let found = matcher.feed(chunk.text), excerpt == nil { excerpt = found }
            next += 1
        }
        guard matcher.allFound, let excerpt else { return nil }
        return SearchResult(
            id: doc, url: first.url, title: first.title, date: first.date, genre: first.genre,
            tags: first.tags, regions: first.regions, score: candidate.score, excerpt: excerpt)
    }
}
