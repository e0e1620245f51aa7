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
