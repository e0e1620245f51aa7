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

/// One sentence per detection rule of the product spec.
@Suite struct GazetteerDetectionRuleTests {
    let gazetteer = Fixtures.gazetteer

    func names(_ text: String) -> [String] {
        gazetteer.detect(in: text).regions.map(\.name)
    }

    // MARK: - Full names and short forms

    @Test func aCountyComesWithAllItsAncestorsParentsFirst() {
        #expect(names("比如,浏阳通过招大引强,县域经济从传统花炮产业走向新兴产业。") == ["湖南省", "长沙市", "浏阳市"])
    }

    @Test(arguments: [
        ("江苏是镇域经济发展的沃土", "江苏省"),
        ("杭州全市已累计培育认定科技型中小企业", "杭州市"),
        ("昆山的经验值得借鉴", "昆山市"),
        ("新疆的棉花产业", "新疆维吾尔自治区"),
        ("广西的糖料蔗", "广西壮族自治区"),
        ("黔南州长顺县", "黔南布依族苗族自治州"),
        ("恩施的富硒茶", "恩施土家族苗族自治州"),
    ])
    func unambiguousShortFormsAreRecognised(text: String, region: String) {
        #expect(names(text).contains(region))
    }

    @Test(arguments: ["海南的自贸港建设", "吉林的粮食生产", "通化的医药产业"])
    func aShortFormSharedAcrossLevelsMeansTheHigherRegion(text: String) {
        let found = gazetteer.detect(in: text).regions
        #expect(found.count == 1 || found.count == 2)
        #expect(!found.contains { $0.level == .county })
    }

    @Test(arguments: [
        "坚持因地制宜发展新质生产力",  // 中山? 新质? none
        "推动乡村全面振兴",  // 振兴区
        "加强资源整合与合作共赢",  // 资源县, 合作市
        "中山装和开发新区的城区郊区矿区",
        "一个字的简称也不算：苏、浙、沪、皖",
    ])
    func commonWordsAndOneCharacterFormsAreNotPlaces(text: String) {
        #expect(names(text) == [])
    }

    @Test(arguments: ["提高县乡两级服务能力", "推动乡村振兴和县域经济协调发展", "加快建设新县城"])
    func twoCharacterCountyNamesAtWordJunctionsAreNotPlaces(text: String) {
        #expect(names(text) == [])
    }

    @Test func twoCharacterCountyNamesCountWithTheirPrefecture() {
        #expect(names("马鞍山市和县").contains("和县"))
    }

    @Test func countyShortFormsNeedTheirPrefectureInTheText() {
        #expect(names("太康的锅炉产业") == [], "太康 alone may be an ordinary word")
        #expect(names("周口市太康的锅炉产业").contains("太康县"))
    }

    // MARK: - Not places

    @Test(arguments: [
        ("永兴锅炉等企业均引进先进的生产工艺", "永兴县"),
        ("银城路南段、光明南路、沙北路西段", "光明区"),
        ("推进实施涡河花园、银城花园、滨湖花园建设", "滨湖区"),
        ("创新推出蜀信e小额农贷、蜀信e贷等金融服务", "四川省"),
        ("上海南京路步行街", "南京市"),
        ("江阴银行推出普惠贷款", "江阴市"),
    ])
    func companiesRoadsEstatesAndProductsAreNotPlaces(text: String, notThis: String) {
        #expect(!names(text).contains(notThis))
    }

    @Test func aShortFormFollowedByTownIsATownNotTheCounty() {
        let detection = gazetteer.detect(in: "如芦溪镇结合本土特色产业,构建全产业链条。")
        #expect(!detection.regions.contains { $0.name == "芦溪县" })
        #expect(detection.places == ["芦溪镇"])
    }

    @Test(arguments: [
        ("建设美丽江西", ["江西省"]),
        ("主动融入珠江口发展", []),
        ("浙江西部山区", ["浙江省"]),
        ("江苏占据260席,千强镇榜单中江苏第一", ["江苏省"]),
    ])
    func aNameInsideALongerWordLoses(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test(arguments: ["X镇紧紧围绕地方经济发展", "**县以乡镇抓经济发展激励试点为契机", "xx县坚持以习近平新时代", "XX市委", "某县某镇", "×× 县的做法"])
    func placeholdersAreNotRegionsOrPlaces(text: String) {
        let detection = gazetteer.detect(in: text)
        #expect(detection.regions.isEmpty)
        #expect(detection.places.isEmpty)
    }

    // MARK: - Ambiguous names

    @Test func anAmbiguousNameAloneIsLeftOut() {
        #expect(names("朝阳区的营商环境") == [])
        #expect(names("鼓楼区的老街改造") == [])
    }

    @Test func anAmbiguousNameIsSettledByTheOtherRegionsInTheText() {
        #expect(names("北京朝阳区的营商环境") == ["北京市", "朝阳区"])
        let nanjing = gazetteer.detect(in: "南京市鼓楼区推进老城更新")
        #expect(nanjing.regions.map(\.name) == ["江苏省", "南京市", "鼓楼区"])
        let fuzhou = gazetteer.detect(in: "福州鼓楼区推进老城更新")
        #expect(fuzhou.regions.map(\.name) == ["福建省", "福州市", "鼓楼区"])
    }

    // MARK: - Towns

    @Test func aTownRightAfterItsCountyIsWrittenUnderIt() {
        let detection = gazetteer.detect(in: "与贵州省黔南州长顺县广顺镇接壤。")
        #expect(detection.places == ["长顺县/广顺镇"])
    }

    @Test func aTownInATextAboutOneCountyIsWrittenUnderIt() {
        let detection = gazetteer.detect(in: "河南省太康县推进产业集聚。\n东屯乡发展特色农业。")
        #expect(detection.places == ["太康县/东屯乡"])
    }

    @Test func aTownWhoseCountyIsUnclearIsWrittenAlone() {
        let detection = gazetteer.detect(in: "贵州省安顺市与长顺县交界。\n东屯乡发展特色农业。")
        #expect(detection.places == ["东屯乡"])
    }

    @Test(arguments: ["推动乡镇发展", "建设特色小镇和中心镇", "引老乡回故乡建家乡", "城乡融合发展", "人才兴镇", "实现镇级物流点全覆盖", "道情之乡", "镇域经济"])
    func wordsEndingInTownOrTownshipAreNotPlaces(text: String) {
        #expect(gazetteer.detect(in: text).places == [])
    }

    @Test(arguments: [
        ("河南省太康县城关镇加快发展", ["太康县/城关镇"]),
        ("在芦溪镇调研时", ["芦溪镇"]),
        ("青山镇、白云乡和红星街道", ["青山镇", "白云乡", "红星街道"]),
        ("围绕广顺镇发展", []),  // where the name starts is unclear: left out
        ("全县13个乡镇街道", []),
        ("XX镇党委书记、某某乡乡长", []),
    ])
    func townsAreFoundOnlyWhereTheirNameIsClear(text: String, expected: [String]) {
        #expect(gazetteer.detect(in: text).places == expected)
    }

    @Test func regionNamesEndingInTownAreNotTowns() {
        let detection = gazetteer.detect(in: "景德镇的陶瓷和镇江的香醋")
        #expect(detection.places == [])
        #expect(detection.regions.map(\.name).contains("景德镇市"))
        #expect(detection.regions.map(\.name).contains("镇江市"))
    }

    // MARK: - Determinism and speed

    @Test func detectionIsDeterministic() throws {
        let text = try Fixtures.raw("003")
        #expect(gazetteer.detect(in: text) == gazetteer.detect(in: text))
    }
}

/// Phrases from speeches that contain a place's short form without naming the place.
@Suite struct GazetteerIdiomTests {
    @Test(arguments: ["坚决反对文山会海", "确保社会长治久安", "人才来自天南海北", "拿出真金白银", "早餐吃三明治", "坚持新民主主义革命", "高密度城市", "阿里巴巴数字乡村", "弘扬延安精神、井冈山精神"])
    func idiomsDoNotNamePlaces(text: String) {
        #expect(Fixtures.gazetteer.detect(in: text).regions == [])
    }

    @Test func aParagraphOfNationalStrategiesNamesOnlyTheProvincesItNames() {
        let text = "推动长江经济带高质量发展，深化东西部协作，对口支援新疆西藏，学习浙江千万工程经验，推进京津冀协同发展，粤港澳大湾区，成渝地区双城经济圈，长三角一体化，黄河流域生态保护，中部地区崛起，东北全面振兴，西部大开发。"
        #expect(Set(Fixtures.gazetteer.detect(in: text).regions.map(\.name)) == ["新疆维吾尔自治区", "西藏自治区", "浙江省"])
    }
}
