import Content
import Foundation
import Testing
@testable import Taxonomy

/// regions.csv as shipped, the CSV diagnostics, and the lookups built on it.
@Suite struct GazetteerTests {
    let gazetteer = Fixtures.gazetteer

    func region(_ name: String, in parent: String? = nil) throws -> Region {
        let found = gazetteer.regions(named: name).filter { region in
            parent.map { parent in gazetteer.path(of: region).contains { $0.name == parent } } ?? true
        }
        return try #require(found.count == 1 ? found.first : nil, "\(name) is not one region")
    }

    // MARK: - The shipped CSV

    @Test func shippedGazetteerHasEveryCounty() {
        #expect(gazetteer.regions.count > 3_000)
        #expect(gazetteer.regions.filter { $0.level == .province }.count == 34)
    }

    @Test func codesAndSlugsAreUnique() {
        let codes = gazetteer.regions.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes == codes.sorted())
        let slugs = gazetteer.regions.map(\.slug)
        #expect(Set(slugs).count == slugs.count)
        #expect(slugs.allSatisfy(Slug.isValid))
    }

    @Test func slugsMadeTogetherAreTheSlugsMadeOneByOne() {
        // One transliteration of all names must not let a name's pinyin depend on its neighbours.
        let names = gazetteer.regions.map { RegionNames.spellingForPinyin($0.name) }
        #expect(Slug.makeAll(names) == names.map { Slug.make($0) })
    }

    @Test func everyParentExistsAndIsOneLevelUpOrAProvince() {
        for region in gazetteer.regions {
            guard let code = region.parentCode else {
                #expect(region.level == .province)
                continue
            }
            let parent = gazetteer.region(code: code)
            #expect(parent != nil, "\(region.name) has no parent \(code)")
            if let parent { #expect(parent.level < region.level) }
        }
    }

    @Test func coordinatesLieInChinaOrAreInherited() {
        for region in gazetteer.regions {
            #expect((73...136).contains(region.longitude) && (3...54).contains(region.latitude), "\(region.name)")
        }
    }

    @Test func slugsArePinyinAndSharedNamesGetTheirParent() throws {
        #expect(try region("昆山市").slug == "kun-shan-shi")
        #expect(try region("长沙市").slug == "chang-sha-shi", "长 in place names reads cháng")
        #expect(try region("朝阳区", in: "北京市").slug == "bei-jing-shi-chao-yang-qu")
        #expect(try region("鼓楼区", in: "南京市").slug == "nan-jing-shi-gu-lou-qu")
    }

    // MARK: - Lookups

    @Test func pathRunsFromTheProvince() throws {
        #expect(gazetteer.path(of: try region("昆山市")).map(\.name) == ["江苏省", "苏州市", "昆山市"])
        #expect(gazetteer.path(of: try region("江苏省")).map(\.name) == ["江苏省"])
    }

    @Test func municipalityDistrictsAndProvinceDirectCountiesHangOffTheProvince() throws {
        #expect(gazetteer.path(of: try region("朝阳区", in: "北京市")).map(\.name) == ["北京市", "朝阳区"])
        #expect(gazetteer.path(of: try region("济源市")).map(\.name) == ["河南省", "济源市"])
        #expect(gazetteer.path(of: try region("石河子市")).map(\.name) == ["新疆维吾尔自治区", "石河子市"])
        #expect(gazetteer.regions(named: "北京市").count == 1, "the 市辖区 stand-in row is dropped")
    }

    @Test func childrenAreTheDirectDescendants() throws {
        let suzhou = gazetteer.children(of: try region("苏州市")).map(\.name)
        #expect(suzhou.contains("昆山市") && suzhou.contains("常熟市"))
        let jiangsu = gazetteer.children(of: try region("江苏省"))
        #expect(jiangsu.count == 13 && jiangsu.allSatisfy { $0.level == .prefecture })
    }

    @Test func regionsAreFoundByCodeAndSlug() throws {
        let kunshan = try region("昆山市")
        #expect(gazetteer.region(code: kunshan.code) == kunshan)
        #expect(gazetteer.region(slug: kunshan.slug) == kunshan)
        #expect(gazetteer.region(code: "999999999999") == nil)
    }

    // MARK: - CSV diagnostics

    func diagnostics(_ csv: String) -> [Diagnostic] {
        do {
            _ = try Gazetteer(csv: csv, path: "regions.csv")
            return []
        } catch {
            return error.items
        }
    }

    @Test func aSmallFileParsesWithCommentsAndEmptyCoordinates() throws {
        let gazetteer = try Gazetteer(csv: """
            # test data
            code,name,level,parent_code,longitude,latitude
            320000000000,江苏省,1,,118.76,32.06
            320500000000,苏州市,2,320000000000,120.58,31.30
            320583000000,昆山市,3,320500000000,,
            """, path: "regions.csv")
        #expect(gazetteer.regions.map(\.name) == ["江苏省", "苏州市", "昆山市"])
        let kunshan = try #require(gazetteer.region(code: "320583000000"))
        #expect(kunshan.longitude == 120.58, "missing coordinates come from the parent")
    }

    @Test func badRowsAreReportedWithTheirLines() {
        let found = diagnostics("""
            code,name,level,parent_code,longitude,latitude
            320000000000,江苏省,1,,118.76,32.06
            3205,苏州市,2,320000000000,120.58,31.30
            320583000000,昆山市,4,320500000000,120.98,31.38
            320000000000,江苏,1,,118.76,32.06
            320584000000,吴江区,3,320500000000,abc,31.1
            320585000000,太仓市,3
            320586000000,相城区,3,320599000000,120.6,31.4
            """)
        #expect(found.map(\.line) == [3, 4, 5, 6, 7, 8])
        #expect(found[0].message.contains("12-digit"))
        #expect(found[1].message.contains("level `4`"))
        #expect(found[2].message.contains("already used on line 2"))
        #expect(found[3].message.contains("longitude"))
        #expect(found[4].message.contains("expected 6 fields"))
        #expect(found[5].message.contains("parent_code 320599000000 is not a region"))
        #expect(found.allSatisfy { $0.path == "regions.csv" })
    }

    @Test func aSpreadsheetExportWithByteOrderMarkAndCRLFParses() throws {
        let csv = "\u{FEFF}code,name,level,parent_code,longitude,latitude\r\n320000000000,江苏省,1,,118.76,32.06\r\n"
        #expect(try Gazetteer(csv: csv, path: "regions.csv").regions.map(\.name) == ["江苏省"])
    }

    @Test func aMissingHeaderIsReported() {
        let found = diagnostics("320000000000,江苏省,1,,118.76,32.06\n")
        #expect(found.first?.line == 1)
        #expect(found.first?.message.contains("header") == true)
    }

    @Test(arguments: [
        "110000000000,北京市,1,,116.4,39.9", " 110000000000 , 北京市 ,1,, ,", "a,,b,", ",", "", "　全角　,\u{A0}x\u{A0}",
        "a,\u{301}b", "a\u{301},b", "tab\t,\tx", "\u{FEFF}code,name", "x ,  ,y",
    ])
    func fieldsWithoutQuotesAreSplitAsCharacterByCharacter(line: String) {
        #expect(GazetteerCSV.splitFields(line) == GazetteerCSV.splitQuoted(line))
    }

    @Test(arguments: ["", " ", "x", " x", "x ", "\u{3000}区\u{3000}", "\u{A0}a", "a\u{A0}", "\u{FEFF}code", "a\n", "\tb", "e\u{301}", "中 文"])
    func trimmingSkipsFoundationOnlyWhenThereIsNothingToTrim(text: String) {
        let lineEnds = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))
        #expect(GazetteerCSV.trimmed(text, .whitespaces) == text.trimmingCharacters(in: .whitespaces))
        #expect(GazetteerCSV.trimmed(text, lineEnds) == text.trimmingCharacters(in: lineEnds))
        #expect(GazetteerCSV.trimmed(text[...], lineEnds) == text.trimmingCharacters(in: lineEnds))
    }
}
