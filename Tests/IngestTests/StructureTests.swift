import Content
import Foundation
import Ingest
import Testing

/// Headings, paragraphs, enumerations and dates recovered from plain text.
@Suite struct StructureTests {
    static func body(_ lines: [String]) -> String {
        let source = lines.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        return MarkdownWriter.markdown(StructureRecovery().blocks(from: source))
    }

    @Test func aHeadingThatRunsOnBecomesHeadingAndParagraph() {
        let md = Self.body(["一、聚力把强县和富民统一起来,突出集群优势,着力提升产业发展。产业聚集区建设,成效明显。"])
        #expect(md == "## 一、聚力把强县和富民统一起来,突出集群优势,着力提升产业发展\n\n产业聚集区建设,成效明显。\n")
    }

    @Test func aHeadingStopsBeforeAnInlineEnumeration() {
        let md = Self.body(["一、靶向发力建机制,下活“一盘棋”一是精准遴选锚定位。根据规划成果研判。"])
        #expect(md.hasPrefix("## 一、靶向发力建机制,下活“一盘棋”\n\n"))
        #expect(md.contains("**一是精准遴选锚定位**。根据规划成果研判。"))
    }

    @Test func inlineEnumerationsStayInTheirParagraph() {
        let md = Self.body(["全县共有市场主体3万户。一是企业增长快。二是结构更优。"])
        #expect(md == "全县共有市场主体3万户。一是企业增长快。二是结构更优。\n")
    }

    @Test func headingsFollowTheirSequence() {
        // 三、 cannot follow 一、 directly with nothing between, and a full sentence numbered 1. is a list item.
        let md = Self.body([
            "一、总体要求", "（一）指导思想", "坚持稳中求进。", "（二）主要目标",
            "1.到2025年，全县地区生产总值年均增长6%以上，规模以上工业增加值年均增长8%以上。",
            "五、附则这一段其实是正文的一句话，只是恰好以五、开头而已。",
            "二、重点任务",
        ])
        #expect(md.contains("## 一、总体要求\n\n### （一）指导思想\n\n坚持稳中求进。\n\n### （二）主要目标"))
        #expect(md.contains("\n\n1\\.到2025年"), "a long numbered sentence stays a paragraph, escaped")
        #expect(!md.contains("## 五、"))
        #expect(md.contains("## 二、重点任务"))
    }

    @Test func aReportOnOneLineGetsItsHeadingsAndParagraphsBack() {
        let line = "镇域经济是县域经济的基础。一、建机制,下活一盘棋一是精准遴选。根据成果研判。二是精准配套。成立专班。二、促激励,激发内生动力。一是政策激励。制定十条措施。二是拓宽融资。建立平台。"
        let md = Self.body([line])
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## 一、建机制,下活一盘棋", "## 二、促激励,激发内生动力"])
        #expect(md.contains("\n\n**一是精准遴选**。根据成果研判。\n\n**二是精准配套**。成立专班。\n\n"))
    }

    @Test func markdownSyntaxInTextIsEscaped() {
        let md = Self.body(["# 不是标题", "1. 不是列表，而是一句很长很长很长很长很长很长很长很长很长很长很长很长的话。", "<b>粗体</b> *星号* [链接](x) a_b"])
        #expect(md.contains("\\# 不是标题"))
        #expect(md.contains("1\\. 不是列表"))
        #expect(md.contains("\\<b\\>粗体\\</b\\> \\*星号\\* \\[链接\\](x) a\\_b"))
    }

    @Test func placeholdersAreNotDates() {
        #expect(DateFinder.firstDate(in: "202x年9月，习近平总书记在黑龙江考察") == nil)
        #expect(DateFinder.firstDate(in: "20-年是实现第一个百年奋斗目标总结年") == nil)
        #expect(DateFinder.firstDate(in: "20XX年3月") == nil)
    }

    @Test func datesAreReadAsPreciselyAsWritten() {
        #expect(DateFinder.firstDate(in: "二〇二六年一月二十七日") == ReportDate("2026-01-27"))
        #expect(DateFinder.firstDate(in: "2023-12-28 12:54:02") == ReportDate("2023-12-28"))
        #expect(DateFinder.firstDate(in: "2024年3月") == ReportDate("2024-03"))
        #expect(DateFinder.firstDate(in: "发布时间：2024/03/05") == ReportDate("2024-03-05"))
        #expect(DateFinder.firstDate(in: "2024年2月30日") == ReportDate("2024-02"))
    }

    @Test func aDateUnderTheTitleIsTheReportsDate() throws {
        let result = Fixtures.ingest("""
            政府工作报告
            ——二〇二六年一月二十七日在县第十八届人民代表大会第五次会议上
            各位代表：
            现在，我代表县人民政府，向大会报告工作，请予审议。
            一、过去一年工作回顾
            全县经济运行稳中有进。
            """)
        let report = try #require(result.reports.first).report
        #expect(report.date == ReportDate("2026-01-27"))
        #expect(report.genre == "工作报告")
    }
}

extension StructureTests {
    @Test func articlesAreHeadingsOfTheirOwnAndChaptersGroupThem() {
        let md = Self.body(["第一章 总则", "第一条 为了优化营商环境，根据有关法律法规，制定本条例。", "第二条 本条例适用于本县行政区域。"])
        #expect(md == "## 第一章 总则\n\n#### 第一条\n\n为了优化营商环境，根据有关法律法规，制定本条例。\n\n#### 第二条\n\n本条例适用于本县行政区域。\n")
    }

    @Test func truncatedGBKIsRefused() throws {
        let gb = try #require("关于县域经济的调研报告".data(using: TextDecoder.gb18030))
        guard case .failure(let diagnostic) = TextDecoder().decode(gb.dropLast(), path: "g.txt") else {
            Issue.record("accepted")
            return
        }
        #expect(diagnostic.message.contains("truncated"))
    }
}

extension StructureTests {
    @Test func aNumberedSentenceIsAListItemNotAHeading() {
        let md = Self.body(["一、工作要求", "（一）各地要高度重视这项工作，把它列入重要议事日程，切实加强组织领导。", "（二）强化保障。各部门要密切配合。"])
        #expect(md.contains("\n\n（一）各地要高度重视这项工作"))
        #expect(md.contains("### （二）强化保障\n\n各部门要密切配合。"))
    }
}

extension StructureTests {
    @Test func textWrappedAtAFixedWidthIsJoinedIntoParagraphs() {
        let text = "近年来，全县坚持把招商引资作为经济工作的生命线，围绕主导产业开展精准招商，引进了一批带动性强的重大项目。同时，县里持续优化营商环境，推行一网通办和帮办代办服务，企业开办时间压缩到一个工作日以内，市场主体数量稳步增长，发展活力不断增强。"
        var lines: [String] = ["一、基本情况"]
        var rest = Substring(text)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(24)))
            rest = rest.dropFirst(24)
        }
        lines += ["二、存在问题", String(text.prefix(24)), String(text.dropFirst(24).prefix(24)), String(text.dropFirst(48).prefix(24)), "问题在于要素保障不足。"]
        let md = Self.body(lines)
        #expect(md.contains("## 一、基本情况\n\n" + text + "\n\n## 二、存在问题"))
    }
}

extension StructureTests {
    @Test func fullWidthDigitsAndSpacedMarkersAreRead() throws {
        let result = Fixtures.ingest("""
            关于县域经济的调研报告
            ２０２４年３月５日
            近年来，全县经济稳中有进。 一、基本情况。全县生产总值增长６％。 二、存在问题。产业层次偏低。
            １．做强主导产业。围绕装备制造培育集群。
            """)
        let report = try #require(result.reports.first).report
        #expect(report.date == ReportDate("2024-03-05"))
        #expect(report.body.contains("## 一、基本情况\n\n全县生产总值增长6％。\n\n## 二、存在问题"))
        #expect(report.body.contains("#### 1．做强主导产业"))
    }
}

extension StructureTests {
    @Test func aSummaryKeepsTheQuoteItsSentenceCloses() throws {
        let result = Fixtures.ingest("关于县域经济的调研报告\n总书记指出：“要因地制宜发展新质生产力。”这为我们指明了方向。全县上下认真贯彻落实。")
        #expect(result.reports.first?.report.summary == "总书记指出：“要因地制宜发展新质生产力。”这为我们指明了方向。")
    }
}

extension StructureTests {
    @Test func aLongFlattenedTextIsCutIntoSentenceGroupsAfterClosingQuotes() {
        let sentence = "全县坚持把招商引资作为“一号工程”，持续优化营商环境，提出“项目为王。”"
        let text = String(repeating: sentence, count: 80)
        let md = Self.body([text])
        let paragraphs = md.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(paragraphs.count > 1)
        #expect(paragraphs.allSatisfy { $0.hasPrefix("全县") && $0.hasSuffix("”") })
        #expect(paragraphs.joined() == text)
    }
}
