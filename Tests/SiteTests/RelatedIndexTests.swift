import Content
@testable import Site
import Testing

/// Reports made in code: topics and rolled-up region codes are all the index looks at.
private func report(_ slug: String, topics: [String]) -> SourceReport {
    SourceReport(path: "content/reports/\(slug).md", slug: slug, title: slug, topics: topics)
}

@Test func aSharedCountyOutweighsASharedProvinceAndAReportIsNeverItsOwnRelative() {
    let reports = [
        report("a", topics: ["营商环境"]),
        report("b", topics: []),           // same county as a
        report("c", topics: ["营商环境"]),  // same province only, same topic
        report("d", topics: []),           // same province only
    ]
    let regions = [
        ["jiangsu", "kunshan", "suzhou"],
        ["jiangsu", "kunshan", "suzhou"],
        ["jiangsu"],
        ["jiangsu"],
    ]
    let index = RelatedIndex(reports: reports, rolledUpRegions: regions)
    let related = index.closest(to: 0, limit: 5)
    #expect(!related.contains(0))
    #expect(related == [1, 2, 3])
}

@Test func aVeryCommonTermStillFindsRelativesWithBoundedWork() {
    let count = RelatedIndex.postingLimit * 3
    let reports = (0..<count).map { report("r\($0)", topics: $0 % 2 == 0 ? ["乡村振兴"] : ["营商环境"]) }
    let regions = Array(repeating: ["henan"], count: count)
    let index = RelatedIndex(reports: reports, rolledUpRegions: regions)
    let related = index.closest(to: 10, limit: 5)
    #expect(related.count == 5)
    #expect(!related.contains(10))
    // Same topic and same province beat same province alone.
    #expect(related.allSatisfy { $0 % 2 == 0 })
}

/// The search term by term, as the index once did it: each common term credits the candidates
/// found so far, then seeds some of its newest reports when there are too few.
private func closestTermByTerm(_ index: RelatedIndex, to report: Int, limit: Int) -> [(id: Int, score: Double)] {
    var scores: [Int: Double] = [:]
    var order: [Int] = []
    func add(_ weight: Double, to id: Int) {
        if scores[id] == nil { order.append(id) }
        scores[id, default: 0] += weight
    }
    var processed: [Int] = []
    for term in index.terms[report] {
        processed.append(term)
        let list = index.postings[term]
        let weight = index.weights[term]
        if list.count <= RelatedIndex.postingLimit {
            for other in list where other != report { add(weight, to: other) }
            continue
        }
        for id in order where index.terms[id].contains(term) { scores[id]! += weight }
        if order.count < limit {
            for other in list.prefix(RelatedIndex.seedLimit) where other != report && scores[other] == nil {
                add(processed.filter { index.terms[other].contains($0) }.reduce(0) { $0 + index.weights[$1] }, to: other)
            }
        }
    }
    let scored: [(id: Int, score: Double)] = order.map { ($0, scores[$0]!) }
    let ranked = scored.sorted { (a: (id: Int, score: Double), b: (id: Int, score: Double)) -> Bool in
        a.score != b.score ? a.score > b.score : a.id < b.id
    }
    return Array(ranked.prefix(limit))
}

@Test func relatedReportsAreThoseOfScoringTermByTerm() {
    // 2,000 reports: three provinces and a few topics common enough to be "common" terms,
    // cities and counties rare; some reports have only common terms or a place shared by a report
    // or two (their relatives are mostly seeded).
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }
    let topics = ["营商环境", "新质生产力", "招商引资", "乡村振兴", "数字经济", "县域经济", "人才", "金融"]
    var reports: [SourceReport] = []
    var regions: [[String]] = []
    for id in 0..<2_000 {
        let province = "p\(next(3))"
        let kind = next(10)
        let commonOnly = kind == 0
        var own = [province]
        if kind == 1 {
            // A rare place of its own, shared by a report or two: fewer candidates than the
            // limit before the common terms, which then seed more.
            own.append("\(province)-t\(next(200))")
        } else if !commonOnly {
            let city = "\(province)-c\(next(12))"
            own += [city, "\(city)-x\(next(8))"]
        }
        regions.append(own)
        let picked = (0..<(1 + next(3))).map { _ in topics[next(commonOnly ? 2 : topics.count)] }
        reports.append(report("r\(id)", topics: picked))
    }
    let index = RelatedIndex(reports: reports, rolledUpRegions: regions)
    #expect(index.postings.contains { $0.count > RelatedIndex.postingLimit })
    var seeded = 0
    for report in 0..<reports.count {
        for limit in [5, 12] {
            let expected = closestTermByTerm(index, to: report, limit: limit)
            let found = index.closestScored(to: report, limit: limit)
            #expect(found.map(\.id) == expected.map(\.id), "report \(report), limit \(limit)")
            // The same sums, added in the same order.
            #expect(found.map(\.score) == expected.map(\.score), "report \(report), limit \(limit)")
        }
        let rare = index.terms[report].filter { index.postings[$0].count <= RelatedIndex.postingLimit }
        if Set(rare.flatMap { index.postings[$0] }).count - 1 < 5 { seeded += 1 }
    }
    // Reports whose rare terms find fewer candidates than the limit, some none.
    #expect(seeded > 200)
}
