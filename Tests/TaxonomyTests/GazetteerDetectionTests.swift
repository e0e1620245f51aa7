import Testing
@testable import Taxonomy

/// `Gazetteer.detect(in:)` on the samples in content/raw and on one sentence per rule of the spec.
@Suite struct GazetteerDetectionTests {
    let gazetteer = Fixtures.gazetteer

    func names(_ text: String) -> Set<String> {
        Set(gazetteer.detect(in: text).regions.map(\.name))
    }

    // MARK: - Samples

    @Test func sample000NamesHeilongjiang() throws {
        #expect(names(try Fixtures.raw("000")).isSuperset(of: ["黑龙江省"]))
    }

    @Test func sample001NamesKunshanWithItsAncestors() throws {
        #expect(names(try Fixtures.raw("001")).isSuperset(of: ["江苏省", "苏州市", "昆山市"]))
    }

    @Test func sample002NamesHangzhouAndLiuyang() throws {
        #expect(names(try Fixtures.raw("002")).isSuperset(of: ["浙江省", "杭州市", "湖南省", "长沙市", "浏阳市"]))
    }

    @Test func sample003Part1NamesTaikangButNoCompanyRoadOrEstate() throws {
        let parts = Fixtures.parts(of: try Fixtures.raw("003"))
        try #require(parts.count == 3)
        let found = names(parts[0])
        #expect(found.isSuperset(of: ["河南省", "周口市", "太康县"]))
        #expect(found.isDisjoint(with: ["永兴县", "光明区", "滨湖区"]))
    }

    @Test func sample003Part3NamesAnshunAndYibinAndTheTownshipDongtun() throws {
        let parts = Fixtures.parts(of: try Fixtures.raw("003"))
        try #require(parts.count == 3)
        let detection = gazetteer.detect(in: parts[2])
        #expect(Set(detection.regions.map(\.name)).isSuperset(of: ["贵州省", "安顺市", "四川省", "宜宾市"]))
        #expect(detection.places.contains { $0 == "东屯乡" || $0.hasSuffix("/东屯乡") })
    }

    @Test func sample004NamesChengduAndDeyangButNotLuxiCounty() throws {
        let found = names(try Fixtures.raw("004"))
        #expect(found.isSuperset(of: ["四川省", "成都市", "德阳市"]))
        #expect(!found.contains("芦溪县"))
    }
}
