import Foundation

/// Finds related reports through an inverted index from terms (topics, regions with their
/// ancestors) to reports: only reports sharing a term are ever scored, never every pair.
struct RelatedIndex: Sendable {
    /// Report id → its terms, sorted so scores are summed in the same order every build.
    private let terms: [[String]]
    /// Term → report ids, ascending (newest first).
    private let postings: [String: [Int]]
    private let weights: [String: Double]

    /// A term shared by very many reports (a province) says little; only this many of its
    /// reports (the newest) are scored, which bounds the work per report.
    static let postingLimit = 2_000

    init(reports: [SourceReport], rolledUpRegions: [[String]]) {
        var terms: [[String]] = []
        var postings: [String: [Int]] = [:]
        for (id, report) in reports.enumerated() {
            let own = (report.topics.map { "t:" + $0 } + rolledUpRegions[id].map { "r:" + $0 }).sorted()
            terms.append(own)
            for term in own { postings[term, default: []].append(id) }
        }
        let total = Double(max(reports.count, 1))
        var weights: [String: Double] = [:]
        for (term, ids) in postings { weights[term] = log(1 + total / Double(ids.count)) }
        self.terms = terms
        self.postings = postings
        self.weights = weights
    }

    func closest(to id: Int, limit: Int) -> [Int] {
        guard limit > 0, terms.indices.contains(id) else { return [] }
        var scores: [Int: Double] = [:]
        for term in terms[id] {
            guard let ids = postings[term], let weight = weights[term] else { continue }
            for other in ids.prefix(Self.postingLimit) where other != id {
                scores[other, default: 0] += weight
            }
        }
        // Highest score first; ties go to the newer report (lower id), so the order is stable.
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map(\.key)
    }
}
