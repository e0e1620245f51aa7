import Foundation
import Testing

/// `policykb build` on broken reports: each problem gives one diagnostic at its place in the user's
/// file (front matter lines included) that says how to fix it; problems in several files are
/// printed together; the build exits non-zero and leaves `public/` alone.
@Suite struct ReportInputTests {
    /// The errors of building a site whose only report is `content/reports/<name>` with `text`.
    static func buildErrors(_ text: String, name: String = "bad.md") throws -> [String] {
        let site = try InlineSite(["content/reports/\(name)": text])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status != 0)
        #expect(result.stderr.contains("public/ was not changed"))
        #expect(!FileManager.default.fileExists(atPath: site.url("public/index.html").path))
        return result.errors
    }

    static let path = "content/reports/bad.md"

    @Test func aFileWithoutFrontMatterAsksForTheDashes() throws {
        let errors = try Self.buildErrors("# 标题\n\n正文。\n")
        #expect(errors == ["\(Self.path):1:1: error: no front matter: a report starts with a line `---`, then YAML such as `title: 报告标题`, then `---`"])
    }

    @Test func unclosedFrontMatterAsksForTheClosingLine() throws {
        let errors = try Self.buildErrors("---\ntitle: 报告\n\n正文。\n")
        #expect(errors == ["\(Self.path):1:1: error: front matter is not closed: add a line `---` after the last key"])
    }

    @Test func badIndentationPointsAtTheLine() throws {
        let errors = try Self.buildErrors(InlineSite.report("title: 报告\ntags:\n  - 营商环境\n - 乡村振兴"))
        #expect(errors == ["\(Self.path):5:2: error: invalid YAML in front matter: did not find expected key (while parsing a block mapping at line 2); check indentation and quotes"])
    }

    @Test func anUnclosedQuotePointsAtTheQuote() throws {
        let errors = try Self.buildErrors(InlineSite.report("title: \"报告\nsummary: 摘要"))
        #expect(errors == ["\(Self.path):2:8: error: a quoted value is not closed: end it with the same quote mark on its line"])
    }

    @Test func aDuplicateKeyIsNamed() throws {
        let errors = try Self.buildErrors(InlineSite.report("title: 报告\ndate: 2023-01-01\ntitle: 另一个"))
        #expect(errors == ["\(Self.path):4:1: error: duplicate key in front matter: title; keep one of them"])
    }

    @Test func tagsWrittenAsOneStringAskForAList() throws {
        let errors = try Self.buildErrors(InlineSite.report("title: 报告\ntags: 营商环境"))
        #expect(errors == ["\(Self.path):3:7: error: `tags` must be a list: write `tags: [营商环境]` or one `- 营商环境` per line"])
    }

    @Test func anImpossibleDateShowsTheFormat() throws {
        let errors = try Self.buildErrors(InlineSite.report("title: 报告\ndate: 2023-13-45"))
        #expect(errors == ["\(Self.path):3:7: error: `date: 2023-13-45` is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (for example 2023-12-28)"])
    }

    @Test func aMissingTitleShowsAnExample() throws {
        let errors = try Self.buildErrors(InlineSite.report("date: 2023-01-01"))
        #expect(errors == ["\(Self.path):1:1: error: missing `title`: add a line such as `title: 关于乡镇培育新质生产力的调研报告` to the front matter"])
    }

    @Test func aTagOutsideTheVocabularyIsPointedAt() throws {
        let errors = try Self.buildErrors(InlineSite.report("title: 报告\ntags: [营商环境, 营商坏境]"))
        #expect(errors == ["\(Self.path):3:14: error: unknown topic `营商坏境`; did you mean `营商环境`? (topics are listed in content/taxonomy/topics.yml)"])
    }

    @Test func aRegionOutsideTheGazetteerIsPointedAt() throws {
        let errors = try Self.buildErrors(InlineSite.report("title: 报告\nregions:\n  - 昆山市\n  - 不存在县"))
        #expect(errors == ["\(Self.path):5:5: error: unknown region `不存在县` (regions are official names or codes from content/taxonomy/regions.csv, for example 昆山市)"])
    }

    @Test func twoReportsWithOneSlugNameBothFiles() throws {
        let site = try InlineSite([
            "content/reports/a.md": InlineSite.report("title: 甲\nslug: same"),
            "content/reports/b.md": InlineSite.report("title: 乙\nslug: same"),
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status != 0)
        #expect(result.errors == ["content/reports/b.md:1:1: error: two reports have the slug `same`: content/reports/a.md and content/reports/b.md; give one of them its own `slug:`"])
    }

    @Test func problemsInSeveralFilesAreReportedTogether() throws {
        let site = try InlineSite([
            "content/reports/a.md": "no front matter\n",
            "content/reports/b.md": InlineSite.report("title: 乙\ndate: 2023-13-45"),
            "content/reports/c.md": InlineSite.report("title: 丙\ntags: 营商环境"),
            "content/reports/ok.md": InlineSite.report("title: 好"),
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status != 0)
        #expect(result.errors == [
            "content/reports/a.md:1:1: error: no front matter: a report starts with a line `---`, then YAML such as `title: 报告标题`, then `---`",
            "content/reports/b.md:3:7: error: `date: 2023-13-45` is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (for example 2023-12-28)",
            "content/reports/c.md:3:7: error: `tags` must be a list: write `tags: [营商环境]` or one `- 营商环境` per line",
        ])
    }

    /// A user names files the way their desktop does; each still gets a page at a safe, ASCII URL.
    @Test func fileNamesWithSpacesChineseAndCapitalsBuildWithSafeSlugs() throws {
        let site = try InlineSite([
            "content/reports/My Report.md": InlineSite.report("title: 甲"),
            "content/reports/调研报告.md": InlineSite.report("title: 乙"),
            "content/reports/UPPER.md": InlineSite.report("title: 丙"),
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let reports = Set(site.listing("public/reports").keys.filter { $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 2 })
        #expect(reports.count == 3, "\(reports)")
        for path in reports {
            #expect(path.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " }, "\(path)")
        }
        #expect(reports.contains("my-report/index.html"))
        #expect(reports.contains("diao-yan-bao-gao/index.html"))
    }
}
