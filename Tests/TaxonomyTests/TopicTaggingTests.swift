import Foundation
import Testing
@testable import Taxonomy

/// `TopicVocabulary.tags` on the raw samples and on small texts that isolate one rule each.
@Suite struct TopicTaggingTests {
    let vocabulary = Fixtures.vocabulary

    func tags(_ text: String) -> Set<String> {
        let sample = TaggingSample(text: text)
        return Set(vocabulary.tags(title: sample.title, headings: sample.headings, body: sample.body))
    }

    // MARK: - Samples

    @Test func sample000IsAboutNewProductiveForcesBusinessEnvironmentInnovationAndTalent() throws {
        #expect(tags(try Fixtures.raw("000")).isSuperset(of: ["新质生产力", "营商环境", "科技创新", "人才"]))
    }

    @Test func sample001IsAboutTownEconomyInvestmentAndBusinessEnvironment() throws {
        #expect(tags(try Fixtures.raw("001")).isSuperset(of: ["新质生产力", "招商引资", "营商环境", "镇域经济"]))
    }

    @Test func sample002IsAboutCountyEconomyAndInnovation() throws {
        #expect(tags(try Fixtures.raw("002")).isSuperset(of: ["新质生产力", "县域经济", "科技创新"]))
    }

    @Test func sample004IsAboutInvestmentBusinessEnvironmentAndCountyEconomy() throws {
        #expect(tags(try Fixtures.raw("004")).isSuperset(of: ["招商引资", "营商环境", "县域经济"]))
        // Its paragraphs ran together, so there are no heading lines: the tagger finds 一、… itself.
        let text = try Fixtures.raw("004")
        let title = TaggingSample(text: text).title
        #expect(Set(vocabulary.tags(title: title, headings: [], body: text)).isSuperset(of: ["招商引资", "营商环境", "县域经济"]))
    }

    @Test(arguments: ["000", "001", "002", "004"])
    func samplesKeepTheirMainTagsWithoutHeadings(number: String) throws {
        let sample = TaggingSample(text: try Fixtures.raw(number))
        let withHeadings = vocabulary.tags(title: sample.title, headings: sample.headings, body: sample.body)
        let inferred = vocabulary.tags(title: sample.title, headings: [], body: sample.body)
        #expect(Set(withHeadings.prefix(3)).isSubset(of: Set(inferred)))
    }

    @Test func numberedSentencesCountAsHeadingsWhenNoneAreGiven() {
        let body = String(repeating: "会议听取了各部门工作汇报。", count: 100) + "四、大刀阔斧优服务,激活乡镇营商环境。一是助企纾困。"
        let inferred = vocabulary.scores(title: "", headings: [], body: body)
        let given = vocabulary.scores(title: "", headings: ["五、其他"], body: body)
        let score = { (scores: [TopicScore]) in scores.first { $0.name == "营商环境" }?.score ?? 0 }
        #expect(score(inferred) > score(given) * 2)
    }

    @Test func sample003PartsAreAboutDevelopmentZones() throws {
        let parts = Fixtures.parts(of: try Fixtures.raw("003"))
        try #require(parts.count == 3)
        #expect(tags(parts[1]).isSuperset(of: ["开发区与园区", "项目建设", "招商引资"]))
    }

    // MARK: - Rules

    @Test func aPassingMentionDoesNotMakeATag() throws {
        // 002 names 乡村振兴 once ("赋能乡村振兴和县域经济"); add one more passing sentence to 001.
        #expect(!tags(try Fixtures.raw("002")).contains("乡村振兴"))
        let text = try Fixtures.raw("001") + "\n这也将为乡村振兴提供支撑。\n"
        #expect(!tags(text).contains("乡村振兴"))
    }

    @Test func repeatedMentionsInTheBodyMakeATag() {
        let body = String(repeating: "推进乡村振兴，建设和美乡村，巩固拓展脱贫攻坚成果，发展村集体经济。", count: 4)
        #expect(vocabulary.tags(title: "", headings: [], body: body).contains("乡村振兴"))
    }

    @Test func theTitleWeighsMoreThanTheBody() {
        let filler = String(repeating: "会议听取了各部门工作汇报，研究部署下一阶段重点任务。", count: 40)
        let inTitle = vocabulary.scores(title: "关于优化营商环境的调研报告", headings: [], body: filler)
        let inBody = vocabulary.scores(title: "调研报告", headings: [], body: filler + "优化营商环境。")
        let titleScore = inTitle.first { $0.name == "营商环境" }?.score ?? 0
        let bodyScore = inBody.first { $0.name == "营商环境" }?.score ?? 0
        #expect(titleScore > bodyScore * 5)
        #expect(vocabulary.tags(title: "关于优化营商环境的调研报告", headings: [], body: filler).first == "营商环境")
    }

    @Test func headingsWeighMoreThanTheBody() {
        let body = String(repeating: "会议听取了各部门工作汇报。", count: 100) + "招商引资。"
        let withHeading = vocabulary.scores(title: "", headings: ["二、聚力招商引资"], body: body)
        let withoutHeading = vocabulary.scores(title: "", headings: [], body: body)
        let score = { (scores: [TopicScore]) in scores.first { $0.name == "招商引资" }?.score ?? 0 }
        #expect(score(withHeading) > score(withoutHeading) * 2)
    }

    @Test func aLongerPhraseCountsOnceNotAlsoAsItsParts() {
        // 招商引资 is the name; 招商 is an alias: the text holds one mention, not two.
        let scores = vocabulary.scores(title: "", headings: [], body: "招商引资")
        #expect(scores.first { $0.name == "招商引资" }?.hits == 1)
    }

    @Test func tagsAreDeterministicAndOrderedByRelevance() throws {
        let sample = TaggingSample(text: try Fixtures.raw("001"))
        let first = vocabulary.tags(title: sample.title, headings: sample.headings, body: sample.body)
        let second = vocabulary.tags(title: sample.title, headings: sample.headings, body: sample.body)
        #expect(first == second)
        let scores = vocabulary.scores(title: sample.title, headings: sample.headings, body: sample.body)
        let ranked = scores.map(\.name).filter(first.contains)
        #expect(ranked == first)
    }

    @Test func anEmptyReportHasNoTags() {
        #expect(vocabulary.tags(title: "", headings: [], body: "").isEmpty)
    }

    // MARK: - Speed

    @Test func taggingIsFastEnoughForAHundredThousandReports() throws {
        var corpus = ""
        for number in ["000", "001", "002", "003", "004"] { corpus += try Fixtures.raw(number) }
        let reports = Array(repeating: corpus, count: 20)
        let bytes = reports.reduce(0) { $0 + $1.utf8.count }
        let start = Date()
        for report in reports { _ = vocabulary.tags(title: "", headings: [], body: report) }
        let seconds = Date().timeIntervalSince(start)
        let megabytesPerSecond = Double(bytes) / 1_000_000 / seconds
        // Release builds reach far more; this bound holds even for debug builds on a busy machine.
        #expect(megabytesPerSecond > 1, "tagging ran at \(megabytesPerSecond) MB/s")
    }
}

/// A focused text gets its own topic first and not the topics it shares words with.
@Suite struct TopicTaggingFocusTests {
    @Test func aPartyBuildingReportIsNotAboutInvestment() {
        let body = """
            一、强化党建引领。坚持抓党建促发展，推动基层党组织全面进步、全面过硬，发挥党支部战斗堡垒作用和党员先锋模范作用。
            二、建强干部队伍。深入开展主题教育，持续加强作风建设，激励干部担当作为。
            三、夯实基层基础。规范党群服务中心建设，打造党建品牌，以组织振兴带动乡村全面振兴。
            """
        let tags = Fixtures.vocabulary.tags(title: "以高质量党建引领基层治理的调研报告", headings: [], body: body)
        #expect(tags.first == "党建引领")
        #expect(!tags.contains("招商引资") && !tags.contains("营商环境"))
    }
}
