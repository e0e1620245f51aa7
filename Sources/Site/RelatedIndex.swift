import Foundation

/// Finds related reports through an inverted index from terms (topics, and regions with their
/// ancestors) to reports: only reports sharing a term are ever scored, never every pair.
///
/// A term's weight is its inverse document frequency, so a shared county counts for more than a
/// shared province. Work per report is bounded: a rare term's reports are all scored; a common
/// term (more than `postingLimit` reports) only adds its weight to candidates already found, and
/// seeds a few of its newest reports when too few candidates exist. Topic and region terms are
/// further weighed by site.yml's `taxonomy.relatedWeights`; a kind weighing 0 is left out.
struct RelatedIndex: Sendable {
    /// Report id → its term ids, rarest first (ties by id), so scores add up in the same order every build.
    let terms: [[Int]]
    /// Term id → report ids, ascending (newest first).
    let postings: [[Int]]
    let weights: [Double]

    static let postingLimit = 500
    /// How many of a common term's newest reports may become candidates when rare terms found too few.
    static let seedLimit = 50

    init(reports: [SourceReport], rolledUpRegions: [[String]], weights kinds: RelatedWeights = RelatedWeights()) {
        // Term ids in order of first use, a report's regions (by code) before its topics (by
        // name), each sorted: the order "r:code" and "t:name" sort in, without making those strings.
        var regionIDs: [String: Int] = [:]
        var topicIDs: [String: Int] = [:]
        var postings: [[Int]] = []
        var kindOf: [Double] = []
        var raw: [[Int]] = []
        raw.reserveCapacity(reports.count)
        func id(of name: String, in ids: inout [String: Int], weight: Double) -> Int {
            if let known = ids[name] { return known }
            ids[name] = postings.count
            postings.append([])
            kindOf.append(weight)
            return postings.count - 1
        }
        for (report, source) in reports.enumerated() {
            var own: [Int] = []
            if kinds.regions > 0 {
                for code in Set(rolledUpRegions[report]).sorted() {
                    let term = id(of: code, in: &regionIDs, weight: kinds.regions)
                    postings[term].append(report)
                    own.append(term)
                }
            }
            if kinds.topics > 0 {
                for name in Set(source.topics).sorted() {
                    let term = id(of: name, in: &topicIDs, weight: kinds.topics)
                    postings[term].append(report)
                    own.append(term)
                }
            }
            raw.append(own)
        }
        let total = Double(max(reports.count, 1))
        weights = postings.enumerated().map { id, list in kindOf[id] * log(1 + total / Double(max(list.count, 1))) }
        let frozen = postings
        terms = raw.map { own in own.sorted { (frozen[$0].count, $0) < (frozen[$1].count, $1) } }
        self.postings = postings
    }

    func closest(to report: Int, limit: Int) -> [Int] {
        closestScored(to: report, limit: limit).map(\.id)
    }

    /// `closest` with each relative's score.
    func closestScored(to report: Int, limit: Int) -> [(id: Int, score: Double)] {
        guard limit > 0, terms.indices.contains(report) else { return [] }
        var scores = Scores()
        var processed: [Int] = []
        // The report's common terms, in order. Terms come rarest first, so every rare term is
        // scored before the first common one; the candidates found by then are credited with
        // the common terms they have at the end, one candidate at a time (reading each one's
        // terms once, not once per common term), in the same order as term by term.
        var common: [Int] = []
        var early = 0
        /// Candidates seeded from a common term's list: credited from the next common term on.
        var lateFrom: [Int] = []
        for term in terms[report] {
            processed.append(term)
            let list = postings[term]
            let weight = weights[term]
            if list.count <= Self.postingLimit {
                precondition(common.isEmpty, "terms come rarest first")
                for other in list where other != report { scores.add(weight, to: other) }
                continue
            }
            if common.isEmpty { early = scores.count }
            common.append(term)
            if scores.count < limit {
                for other in list.prefix(Self.seedLimit) where other != report && !scores.contains(other) {
                    // A late candidate still gets credit for every term it shares so far.
                    scores.add(processed.filter { terms[other].contains($0) }.reduce(0) { $0 + weights[$1] }, to: other)
                    lateFrom.append(common.count)
                }
            }
        }
        if !common.isEmpty {
            for index in scores.ids.indices {
                let own = terms[scores.ids[index]]
                let from = index < early ? 0 : lateFrom[index - early]
                for term in common[from...] where own.contains(term) { scores.values[index] += weights[term] }
            }
        }
        // Highest score first; ties go to the newer report (lower id), so the order is stable.
        return scores.best(limit)
    }

    /// Candidates' scores in the order they were found, with a hash from id to position: the
    /// scores of one report's candidates, summed in the same order every build.
    private struct Scores {
        var ids: [Int] = []
        var values: [Double] = []
        /// Open addressing from id to position + 1 (0: empty), keys beside: a `Dictionary`
        /// hashes with a seeded hasher, several times slower for the thousands of candidates
        /// every report page scores.
        private var slots = [Int32](repeating: 0, count: 1024)
        private var keys = [Int](repeating: 0, count: 1024)

        var count: Int { ids.count }

        func contains(_ id: Int) -> Bool { position(of: id).found }

        mutating func add(_ weight: Double, to id: Int) {
            let (slot, found) = position(of: id)
            if found {
                values[Int(slots[slot]) - 1] += weight
                return
            }
            ids.append(id)
            values.append(weight)
            slots[slot] = Int32(ids.count)
            keys[slot] = id
            if ids.count * 2 > slots.count { grow() }
        }

        /// Where `id` is, or the empty slot where it would go.
        private func position(of id: Int) -> (slot: Int, found: Bool) {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(id)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while slots[slot] != 0 {
                if keys[slot] == id { return (slot, true) }
                slot = (slot + 1) & mask
            }
            return (slot, false)
        }

        private mutating func grow() {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            keys = [Int](repeating: 0, count: keys.count * 2)
            for (index, id) in ids.enumerated() {
                let (slot, _) = position(of: id)
                slots[slot] = Int32(index + 1)
                keys[slot] = id
            }
        }

        /// The `limit` highest scores' ids, highest first, ties by lower id: the same as sorting
        /// every candidate, without sorting them all.
        func best(_ limit: Int) -> [(id: Int, score: Double)] {
            func before(_ a: Int, _ b: Int) -> Bool {
                values[a] != values[b] ? values[a] > values[b] : ids[a] < ids[b]
            }
            var top: [Int] = []
            top.reserveCapacity(limit + 1)
            for index in ids.indices {
                if top.count == limit, let last = top.last, !before(index, last) { continue }
                var at = top.count
                while at > 0 && before(index, top[at - 1]) { at -= 1 }
                top.insert(index, at: at)
                if top.count > limit { top.removeLast() }
            }
            return top.map { (ids[$0], values[$0]) }
        }
    }
}
