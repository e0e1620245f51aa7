import Content
import Foundation
import Ingest
import Testing

/// The five real samples in content/raw/.
@Suite struct SampleIngestTests {
    @Test func theFiveSamplesGiveSevenReportsWithTheirOwnTitles() throws {
        let titles = try Fixtures.allSampleReports().map(\.report.title)
        #expect(titles == [
            "关于乡镇培育“新质生产力”的调研报告",
            "把握五个“关键点”以新质生产力引领镇域经济高质量发展",
            "相关领导在政府党组中心组“新质生产力”专题研讨会上交流发言",
            "开发区高质量发展发言（篇一）",
            "开发区高质量发展发言（篇二）",
            "开发区高质量发展发言（篇三）",
            "“四管”齐下激活乡镇发展新动能带动县域经济“满盘活”",
        ])
    }

    static let chromePhrases = [
        "下载app", "扫码", "分享到", "版权", "免责声明", "预览阅读已结束", "展开阅读全文", "_第1页",
        "Tags:", "标签列表", "网站分类", "小编", "电脑桌面", "回到顶部", "资源描述", "当您付费下载",
        "VIP专享", "责编", "iPhone版", "Android版", "确认删除", "碎片内容", "首页 >", "QQ", "搜索",
        "新华报业网  >", "违规举报", "点击这里给我发消息",
    ]

    @Test func noBodyHoldsWebPageChrome() throws {
        for ingested in try Fixtures.allSampleReports() {
            for phrase in Self.chromePhrases {
                #expect(!ingested.report.body.contains(phrase), "\(ingested.report.origin ?? ""): \(phrase)")
            }
        }
    }

    @Test func everyReportReadsBackFromItsFileUnchanged() throws {
        for ingested in try Fixtures.allSampleReports() {
            let text = ReportFile.serialize(ingested.report)
            let parsed = try ReportFile.parse(text, path: "x.md")
            #expect(parsed == ingested.report)
            #expect(ReportFile.serialize(parsed) == text)
        }
    }

    @Test func researchReportHasItsGenreAndTwoLevelsOfHeadings() throws {
        let r = try Fixtures.report("000")
        #expect(r.report.genre == "调研报告")
        #expect(r.headingLines.filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3).prefix(2)) } == ["一、", "二、", "三、", "四、"])
        let third = r.headingLines.filter { $0.hasPrefix("### ") }
        #expect(third.count == 6)
        #expect(third.first == "### （一）强化科技创新,提升产业核心竞争力")
        #expect(r.report.date == nil, "202x年 is a placeholder, not a date")
        #expect(r.report.body.contains("总之,X镇将以更加坚定的信心"))
    }

    @Test func commentaryKeepsSiteAsSourceAndAuthorFromByline() throws {
        let r = try Fixtures.report("001")
        #expect(r.report.source == "新华报业网")
        #expect(r.report.author == "秦微晰")
        #expect(r.headingLines.map { String($0.prefix(5)) } == ["## 一、", "## 二、", "## 三、", "## 四、", "## 五、"])
        #expect(r.headingLines.first == "## 一、发展镇域经济,要找准“立足点”,明确产业方向")
        #expect(r.report.body.contains("习近平总书记强调:“各地要坚持从实际出发"))
        #expect(r.report.extra.contains { $0.key == "editor" && $0.value == .string("郑亚群") })
    }

    @Test func speechHasItsDateAndGenre() throws {
        let r = try Fixtures.report("002")
        #expect(r.report.date == ReportDate("2023-12-28"))
        #expect(r.report.genre == "讲话发言")
        #expect(r.report.source == nil, "a document mill is not the publisher")
        // The line broken after a semicolon is one paragraph again.
        #expect(r.report.body.contains("不断迈进;横向分析"))
    }

    @Test func collectionPartsKeepTheirOriginAndCollection() throws {
        let first = try Fixtures.report("003", part: 1)
        #expect(first.report.date == nil)
        #expect(first.report.origin == "raw/003_40af381c5aaa70e9.txt#1")
        #expect(first.report.collection == "开发区高质量发展发言范文(精选6篇)")
        #expect(first.headingLines.first == "## 一、聚力把强县和富民统一起来,突出集群优势,着力提升产业发展")
        #expect(first.report.body.contains("\n\n产业聚集区建设,xx县产业聚集区始建于20-年"))
        let second = try Fixtures.report("003", part: 2)
        #expect(!second.report.body.contains("东屯乡"))
        #expect(second.report.body.contains("\\*\\*同志通报了"), "placeholder asterisks are escaped")
        let third = try Fixtures.report("003", part: 3)
        #expect(third.headingLines.contains("### （一）农业增效有抓手"))
        #expect(!third.report.body.contains("吹响了"))
    }

    @Test func experienceReportGetsItsHeadingsBackFromOneLine() throws {
        let r = try Fixtures.report("004")
        #expect(r.report.genre == "经验做法")
        let top = r.headingLines.filter { $0.hasPrefix("## ") }
        #expect(top.map { String($0.dropFirst(3).prefix(2)) } == ["一、", "二、", "三、", "四、"])
        #expect(top.first == "## 一、靶向发力建机制,下活乡镇经济发展“一盘棋”")
        #expect(r.report.body.contains("**一是精准遴选锚定位**。根据国土空间规划"))
        #expect(r.report.body.hasPrefix("镇域经济是县域经济高质量发展的基础"))
        #expect(!r.report.body.contains("..."))
        #expect(r.report.extra.contains { $0.key == "truncated" })
    }

    @Test func summariesAreTheOpeningSentences() throws {
        for ingested in try Fixtures.allSampleReports() {
            let summary = try #require(ingested.report.summary)
            #expect(summary.count <= 121)
            #expect(ingested.plainText.contains(summary.replacingOccurrences(of: "…", with: "")) || summary.hasSuffix("…"))
        }
        #expect(try Fixtures.report("001").report.summary?.hasPrefix("习近平总书记在参加十四届全国人大二次会议") == true)
    }
}
