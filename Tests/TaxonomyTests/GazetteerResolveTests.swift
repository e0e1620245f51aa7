import Testing
@testable import Taxonomy

/// `Gazetteer.resolve` on region names as people write them in front matter.
@Suite struct GazetteerResolveTests {
    let gazetteer = Fixtures.gazetteer

    @Test func officialNamesResolveInInputOrder() {
        let result = gazetteer.resolve(["昆山市", "江苏省", "苏州市"])
        #expect(result.regions.map(\.name) == ["昆山市", "江苏省", "苏州市"])
        #expect(result.unknown.isEmpty && result.ambiguous.isEmpty)
    }

    @Test func aNameWithItsParentResolves() {
        let result = gazetteer.resolve(["北京市朝阳区", "江苏省苏州市昆山市"])
        #expect(result.regions.map(\.name) == ["朝阳区", "昆山市"])
        #expect(result.regions.first.map { gazetteer.path(of: $0).map(\.name) } == ["北京市", "朝阳区"])
        #expect(result.unknown.isEmpty && result.ambiguous.isEmpty)
    }

    @Test func aCodeResolves() {
        let result = gazetteer.resolve(["320583000000"])
        #expect(result.regions.map(\.name) == ["昆山市"])
        #expect(gazetteer.resolve(["999999999999"]).unknown == ["999999999999"])
    }

    @Test func aSharedNameAloneIsAmbiguous() {
        let result = gazetteer.resolve(["朝阳区"])
        #expect(result.regions.isEmpty)
        #expect(result.ambiguous == ["朝阳区"])
    }

    @Test func aSharedNameIsSettledByTheOtherNames() {
        let beijing = gazetteer.resolve(["北京市", "朝阳区"])
        #expect(beijing.regions.map(\.name) == ["北京市", "朝阳区"])
        #expect(beijing.regions.last.flatMap { gazetteer.parent(of: $0) }?.name == "北京市")
        let nanjing = gazetteer.resolve(["鼓楼区", "南京市"])
        #expect(nanjing.regions.first.flatMap { gazetteer.parent(of: $0) }?.name == "南京市")
        #expect(nanjing.ambiguous.isEmpty)
    }

    @Test func unknownNamesAreListedAndTheRestStillResolve() {
        let result = gazetteer.resolve(["昆山市", "不存在县", "昆山市", "Atlantis"])
        #expect(result.regions.map(\.name) == ["昆山市"])
        #expect(result.unknown == ["不存在县", "Atlantis"])
    }

    @Test func aShortParentIsAcceptedBeforeAnOfficialName() {
        #expect(gazetteer.resolve(["北京朝阳区"]).regions.map(\.name) == ["朝阳区"])
        #expect(gazetteer.resolve(["南京鼓楼区"]).regions.first.flatMap { gazetteer.parent(of: $0) }?.name == "南京市")
    }

    @Test func aShortFormIsUnknownButSuggestsItsOfficialName() {
        #expect(gazetteer.resolve(["昆山"]).unknown == ["昆山"])
        #expect(gazetteer.suggestion(for: "昆山") == "昆山市")
        #expect(gazetteer.suggestion(for: "江苏") == "江苏省")
        #expect(gazetteer.suggestion(for: "北京朝阳区") == "朝阳区")
        #expect(gazetteer.suggestion(for: "鼓楼") == nil, "鼓楼 could be four districts")
        #expect(gazetteer.suggestion(for: "昆山市") == nil, "already official")
        #expect(gazetteer.suggestion(for: "亚特兰蒂斯") == nil)
    }
}
