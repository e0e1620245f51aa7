@testable import Content
import Testing

@Suite struct ReportFileTests {
    @Test func aReportWrittenAndReadBackIsTheSame() throws {
        let report = Report(
            title: "把握五个“关键点”以新质生产力引领镇域经济高质量发展",
            date: ReportDate("2024-03"),
            genre: "理论评论",
            source: "新华报业网",
            author: "秦微晰",
            origin: "raw/001_3878a3c9c5b9a465.txt",
            tags: ["新质生产力", "招商引资"],
            regions: ["江苏省", "苏州市", "昆山市"],
            summary: "江苏是镇域经济发展的沃土: 2023 年 260 席。",
            extra: [("weight", .string("10")), ("draft", .string("true"))],
            body: "## 一、发展镇域经济\n\n正文。\n"
        )
        let text = ReportFile.serialize(report)
        let parsed = try ReportFile.parse(text, path: "r.md")
        #expect(parsed == report)
        #expect(ReportFile.serialize(parsed) == text)
    }

    @Test func valuesThatLookLikeNumbersOrBooleansStayText() throws {
        let report = Report(title: "2024", source: "true", tags: ["123", "null"], body: "x")
        let parsed = try ReportFile.parse(ReportFile.serialize(report), path: "r.md")
        #expect(parsed.title == "2024")
        #expect(parsed.source == "true")
        #expect(parsed.tags == ["123", "null"])
    }

    @Test func theDateIsWrittenUnquoted() {
        let text = ReportFile.serialize(Report(title: "t", date: ReportDate("2023-12-28"), body: ""))
        #expect(text.contains("\ndate: 2023-12-28\n"))
    }

    @Test(arguments: [
        ("---\ntitle: 甲\n---\n\n正文\n", "title: 甲", "正文\n"),
        ("\u{FEFF}---\r\ntitle: 甲\r\n---\r\n\r\n正文\r\n第二行", "title: 甲", "正文\n第二行"),
        ("---  \ntitle: 甲\n\t---\t\n正文", "title: 甲", "正文"),
        ("---\ntitle: 甲\n...\n正文", "title: 甲", "正文"),
        ("---\n---\n正文", "", "正文"),
        ("---\ntitle: 甲\n---", "title: 甲", ""),
        ("---\ntitle: 甲\n---\n  \n\u{3000}\u{3000}\n\t\n\u{3000}　正文从这里开始\n", "title: 甲", "\u{3000}　正文从这里开始\n"),
        ("---\ntitle: 甲\n---\u{3000}\n正文", "title: 甲", "正文"),
        ("---\na: 1\nb: 2\n---\n  \n   ", "a: 1\nb: 2", ""),
        ("---\ntitle: 甲\n----\n---\n正文 --- 不是分隔", "title: 甲\n----", "正文 --- 不是分隔"),
    ])
    func frontMatterAndBodyAreSplitAtTheFences(text: String, yaml: String, body: String) throws {
        let split = try ReportFile.splitFrontMatter(text, path: "x.md")
        #expect(split.yaml == yaml)
        #expect(split.body == body)
    }

    @Test(arguments: ["---\ntitle: 甲\n", "---", "---\n", "title: 甲\n---\n", "", "\n---\n---\n"])
    func frontMatterThatIsMissingOrNotClosedIsAnError(text: String) {
        #expect(throws: Diagnostic.self) { try ReportFile.splitFrontMatter(text, path: "x.md") }
    }

    @Test func aFileWithoutFrontMatterIsAnErrorAtLineOne() {
        #expect(throws: Diagnostics([.error(
            "no front matter: a report starts with a line `---`, then YAML such as `title: 报告标题`, then `---`",
            path: "a.md", line: 1, column: 1)])) {
            try ReportFile.parse("# 标题\n正文", path: "a.md")
        }
    }

    @Test func problemsAreReportedWithTheirLineInTheFile() throws {
        let text = "---\ntitle: 报告\ndate: 2023-13-45\ntags: 营商环境\n---\n正文\n"
        do {
            _ = try ReportFile.parse(text, path: "b.md")
            Issue.record("expected diagnostics")
        } catch {
            #expect(error.items.map(\.line) == [3, 4])
            #expect(error.items[0].description.hasPrefix("b.md:3:7: error: `date: 2023-13-45` is not a date"))
            #expect(error.items[1].message.contains("must be a list"))
        }
    }

    @Test func duplicateKeysAndBadYAMLAreErrors() {
        for text in ["---\ntitle: a\ntitle: b\n---\n", "---\ntitle: \"unclosed\n---\n", "---\ntitle: a\n  bad: indent\n---\n"] {
            #expect(throws: Diagnostics.self) { try ReportFile.parse(text, path: "c.md") }
        }
    }

    @Test func aMissingTitleIsAnError() {
        do {
            _ = try ReportFile.parse("---\ndate: 2024\n---\nbody", path: "d.md")
            Issue.record("expected a diagnostic")
        } catch {
            #expect(error.items.count == 1)
            #expect(error.items[0].message.hasPrefix("missing `title`"))
        }
    }
}

@Suite struct SlugTests {
    @Test func chineseBecomesPinyin() {
        #expect(Slug.make("关于乡镇培育“新质生产力”的调研报告") == "guan-yu-xiang-zhen-pei-yu-xin-zhi-sheng-chan-li-de-diao-yan-bao-gao")
        #expect(Slug.make("开发区高质量发展发言（篇二）") == "kai-fa-qu-gao-zhi-liang-fa-zhan-fa-yan-pian-er")
    }

    @Test func slugsAreShortAndSafe() {
        let slug = Slug.make(String(repeating: "新质生产力", count: 30))
        #expect(slug.count <= 80)
        #expect(Slug.isValid(slug))
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(!Slug.isValid("../x"))
        #expect(Slug.make("!!!") == "x")
    }

    /// A fence is `---` with white space around it as Foundation trims it, ideographic spaces too;
    /// a line holding `---` among other text is not one.
    @Test func fencesMayHaveIdeographicSpacesAroundThem() throws {
        let text = "\u{3000}---\u{3000}\ntitle: 报告---标题\ntags:\n- 县域经济\n\u{3000}--- \n正文---不是分隔。\n"
        let report = try ReportFile.parse(text, path: "r.md")
        #expect(report.title == "报告---标题")
        #expect(report.tags == ["县域经济"])
        #expect(report.body == "正文---不是分隔。\n")
        #expect(throws: Diagnostics.self) { try ReportFile.parse("\u{3000}---\u{3000}\ntitle: 报告\n标题---\n正文\n", path: "r.md") }
    }
}

