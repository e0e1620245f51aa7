import Foundation
import Ingest
import Testing

/// The samples tagged with the repository's real vocabulary and gazetteer: ingest passes the
/// right title, headings and body to Taxonomy and records what it returns.
@Suite struct SampleTaggingTests {
    func check(_ prefix: String, part: Int? = nil, tags: Set<String> = [], regions: Set<String>,
               notRegions: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try Fixtures.report(prefix, part: part).report
        #expect(tags.isSubset(of: Set(r.tags)), "tags \(r.tags)", sourceLocation: sourceLocation)
        #expect(regions.isSubset(of: Set(r.regions)), "regions \(r.regions)", sourceLocation: sourceLocation)
        #expect(notRegions.isDisjoint(with: Set(r.regions)), "regions \(r.regions)", sourceLocation: sourceLocation)
    }

    @Test func researchReport() throws {
        try check("000", tags: ["新质生产力", "营商环境", "科技创新", "人才"], regions: ["黑龙江省"])
    }

    @Test func commentaryFindsKunshanThroughItsByline() throws {
        try check("001", tags: ["新质生产力", "招商引资", "营商环境", "镇域经济"], regions: ["江苏省", "苏州市", "昆山市"])
    }

    @Test func speech() throws {
        try check("002", tags: ["新质生产力", "县域经济", "科技创新"], regions: ["浙江省", "杭州市", "湖南省", "长沙市", "浏阳市"])
    }

    @Test func eachPartOfTheCollectionHasOnlyItsOwnPlaces() throws {
        try check("003", part: 1, regions: ["河南省", "周口市", "太康县"], notRegions: ["永兴县", "光明区", "滨湖区"])
        try check("003", part: 3, regions: ["贵州省", "安顺市", "四川省", "宜宾市"])
        let third = try Fixtures.report("003", part: 3).report
        #expect(third.places.contains { $0 == "东屯乡" || $0.hasSuffix("/东屯乡") }, "places \(third.places)")
    }

    @Test func experienceReport() throws {
        try check("004", tags: ["招商引资", "营商环境", "县域经济"], regions: ["四川省", "成都市", "德阳市"], notRegions: ["芦溪县"])
    }

    @Test func regionsAreRecordedInTheOrderTaxonomyReturnsThem() throws {
        let r = try Fixtures.report("001")
        let detected = Fixtures.ingester.gazetteer.detect(in: r.report.title + "\n" + r.plainText)
        #expect(r.report.regions == detected.regions.map(\.name))
        #expect(r.report.places == detected.places)
    }
}
