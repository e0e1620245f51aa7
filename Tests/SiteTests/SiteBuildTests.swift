import Content
import Foundation
import Site
import Testing

/// Whole-site builds of the fixture site.
@Suite
struct SiteBuildTests {
    // MARK: - Pages

    @Test func buildWritesEveryKindOfPage() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        for path in [
            "index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml", "assets/site.css",
            "reports/kunshan-yingshang/index.html", "reports/taicang-shuzi/index.html",
            "reports/taikang-xiangcun/index.html", "reports/zhou-kou-chan-ye/index.html",
            "topics/index.html", "topics/ying-shang-huan-jing/index.html", "topics/xin-zhi-sheng-chan-li/index.html",
            "regions/index.html",
        ] {
            #expect(site.exists(path), "missing \(path)")
        }
        #expect(!site.exists("reports/draft/index.html"), "dotfiles are not reports")
        for name in ["江苏省", "苏州市", "昆山市", "太仓市", "河南省", "周口市", "太康县"] {
            #expect(site.regionPage(name) != nil, "no region page for \(name)")
        }
    }

    @Test func reportPageShowsTitleMetadataTagsRegionPathAndContents() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let html = try site.page("reports/kunshan-yingshang/index.html")
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("<title>昆山市优化营商环境调研报告 · 县域经济政策知识库</title>"))
        #expect(html.contains("<h1>昆山市优化营商环境调研报告</h1>"))
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1 per page")
        #expect(html.contains("2023年12月28日"))
        #expect(html.contains("昆山市发展和改革委员会"))
        #expect(html.contains("<a href=\"../../topics/ying-shang-huan-jing/index.html\">营商环境</a>"))
        #expect(html.contains("<a href=\"../../topics/xin-zhi-sheng-chan-li/index.html\">新质生产力</a>"))
        // The region path 江苏省 › 苏州市 › 昆山市, each a link.
        let path = try #require(html.range(of: "region-paths"))
        let regions = html[path.upperBound...]
        let order = ["江苏省", "苏州市", "昆山市"].compactMap { regions.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
        // Table of contents from the body's headings, and anchors on the headings.
        #expect(html.contains("<a href=\"#一基本情况\">一、基本情况</a>"))
        #expect(html.contains("<h2 id=\"一基本情况\">一、基本情况</h2>"))
        #expect(!html.contains("<script>alert"), "raw HTML in the body is dropped")
    }

    @Test func bodyHeadingsNeverTakeAnIdTheTemplatesUse() throws {
        var files = FixtureSite.standardFiles
        files["content/reports/taicang-shuzi.md"] = FixtureSite.taicang + "\n## Related\n\n## TOC\n"
        let site = try FixtureSite(files: files)
        defer { site.remove() }
        try site.build()
        let html = try site.page("reports/taicang-shuzi/index.html")
        #expect(html.contains("<h2 id=\"related-2\">Related</h2>"))
        #expect(html.contains("<h2 id=\"toc-2\">TOC</h2>"))
    }

    @Test func everyValueATemplatePrintsIsEscaped() throws {
        var files = FixtureSite.standardFiles
        files["content/reports/taicang-shuzi.md"] = FixtureSite.taicang
            .replacingOccurrences(of: "title: 太仓市数字经济发展报告", with: "title: '太仓<script>alert(1)</script>\"报告\"'\nsummary: <img src=x onerror=alert(2)>")
        let site = try FixtureSite(files: files)
        defer { site.remove() }
        try site.build()
        for page in ["reports/taicang-shuzi/index.html", "index.html", "topics/ying-shang-huan-jing/index.html"] {
            let html = try site.page(page)
            #expect(!html.contains("<script>alert") && !html.contains("<img src=x"), "\(page)")
            #expect(html.contains("太仓&lt;script&gt;alert(1)&lt;/script&gt;&quot;报告&quot;"), "\(page)")
        }
        #expect(try site.page("feed.xml").contains("太仓&lt;script&gt;"))
    }

    @Test func reportsWithWindowsLineEndingsRenderTheirBody() throws {
        var files = FixtureSite.standardFiles
        files["content/reports/taicang-shuzi.md"] = FixtureSite.taicang.replacingOccurrences(of: "\n", with: "\r\n")
        let site = try FixtureSite(files: files)
        defer { site.remove() }
        try site.build()
        #expect(try site.page("reports/taicang-shuzi/index.html").contains("规模持续扩大。</p>"))
    }

    @Test func unknownFrontMatterKeysReachTheTemplates() throws {
        var files = FixtureSite.standardFiles
        files["content/reports/taicang-shuzi.md"] = FixtureSite.taicang.replacingOccurrences(of: "title: 太仓", with: "site: 林秘书网\ntitle: 太仓")
        files["templates/report.mustache"] = "{{#extra}}[{{key}}={{value}}]{{/extra}}<b>{{fields.site}}</b>"
        let site = try FixtureSite(files: files)
        defer { site.remove() }
        try site.build()
        #expect(try site.page("reports/taicang-shuzi/index.html").contains("[site=林秘书网]<b>林秘书网</b>"))
    }

    @Test func topicPageListsItsReportsNewestFirstWithChildTopics() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let business = try site.page("topics/ying-shang-huan-jing/index.html")
        let kunshan = try #require(business.range(of: "昆山市优化营商环境调研报告"))
        let taicang = try #require(business.range(of: "太仓市数字经济发展报告"))
        #expect(kunshan.lowerBound < taicang.lowerBound, "2023-12-28 before 2023-06")
        #expect(business.contains("政务服务、市场准入与企业服务。"))
        let industry = try site.page("topics/chan-ye-fa-zhan/index.html")
        #expect(industry.contains("<a href=\"../../topics/shu-zi-jing-ji/index.html\">数字经济</a>"))
        let index = try site.page("topics/index.html")
        #expect(index.contains("<a href=\"../topics/xin-zhi-sheng-chan-li/index.html\">新质生产力</a>"))
    }

    @Test func regionPagesRollUpReportsFromRegionsBelow() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let jiangsu = try site.page(try #require(site.regionPage("江苏省")))
        #expect(jiangsu.contains("昆山市优化营商环境调研报告"))
        #expect(jiangsu.contains("太仓市数字经济发展报告"))
        #expect(!jiangsu.contains("太康县乡村振兴调研"))
        let henan = try site.page(try #require(site.regionPage("河南省")))
        #expect(henan.contains("太康县乡村振兴调研") && henan.contains("周口市产业发展情况"))
        let taikang = try site.page(try #require(site.regionPage("太康县")))
        // Breadcrumbs to the top.
        #expect(taikang.contains(">河南省</a> › <a") && taikang.contains(">周口市</a>"))
        let index = try site.page("regions/index.html")
        #expect(index.contains(">昆山市</a>") && index.contains(">太康县</a>"))
    }

    @Test func relatedReportsNeverIncludeTheReportItself() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        for slug in ["kunshan-yingshang", "taicang-shuzi", "taikang-xiangcun", "zhou-kou-chan-ye"] {
            let html = try site.page("reports/\(slug)/index.html")
            guard let start = html.range(of: "id=\"related\"") else { continue }
            let related = html[start.upperBound...]
            #expect(!related.contains("href=\"../../reports/\(slug)/index.html\""), "\(slug) lists itself")
        }
        // 昆山 and 太仓 share a topic and 苏州市/江苏省: each is the other's closest report.
        let kunshan = try site.page("reports/kunshan-yingshang/index.html")
        let related = try #require(kunshan.range(of: "id=\"related\"")).upperBound
        #expect(kunshan[related...].contains("太仓市数字经济发展报告"))
    }

    @Test func reportLinksToTheOlderReportInItsFirstTopic() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let kunshan = try site.page("reports/kunshan-yingshang/index.html")
        #expect(kunshan.contains("较早：<a href=\"../../reports/taicang-shuzi/index.html\">太仓市数字经济发展报告</a>"))
    }

    @Test func homeSitemapFeedAndNotFoundPage() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let home = try site.page("index.html")
        #expect(home.contains("<strong>4</strong> 篇报告"))
        #expect(home.contains("<a href=\"reports/zhou-kou-chan-ye/index.html\">周口市产业发展情况</a>"))
        let sitemap = try site.page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/policykb/reports/kunshan-yingshang/</loc>"))
        #expect(try site.page("robots.txt").contains("Sitemap: https://example.org/policykb/sitemap.xml"))
        let feed = try site.page("feed.xml")
        #expect(feed.contains("<updated>2024-01-01T00:00:00Z</updated>"))
        let notFound = try site.page("404.html")
        #expect(notFound.contains("href=\"https://example.org/policykb/index.html\""))
    }

    @Test func longListsContinueOnFurtherPages() throws {
        var files = FixtureSite.standardFiles
        files["site.yml"] = FixtureSite.siteYML + "pageSize: 1\n"
        let site = try FixtureSite(files: files)
        defer { site.remove() }
        try site.build()
        let first = try #require(site.regionPage("江苏省"))
        let second = first.replacingOccurrences(of: "/index.html", with: "/page/2/index.html")
        let one = try site.page(first)
        let two = try site.page(second)
        #expect(one.contains("昆山市优化营商环境调研报告") && !one.contains("太仓市数字经济发展报告"))
        #expect(two.contains("太仓市数字经济发展报告") && !two.contains("昆山市优化营商环境调研报告"))
        #expect(one.contains("rel=\"next\"") && two.contains("rel=\"prev\""))
        #expect(try site.page("sitemap.xml").contains(second.replacingOccurrences(of: "index.html", with: "") + "</loc>"))
        #expect(try LinkChecker(folder: site.publicFolder).check() == [])
    }

    @Test func theRepositorysOwnTaxonomyBuildsReportsAndResolvesAliases() throws {
        let repository = FixtureSite.repository.appendingPathComponent("content/taxonomy")
        let files: [String: String] = [
            "site.yml": FixtureSite.siteYML,
            "content/taxonomy/topics.yml": try String(contentsOf: repository.appendingPathComponent("topics.yml"), encoding: .utf8),
            "content/taxonomy/regions.csv": try String(contentsOf: repository.appendingPathComponent("regions.csv"), encoding: .utf8),
            "content/reports/kunshan-yingshang.md": FixtureSite.kunshan,
            "content/reports/taikang-xiangcun.md": FixtureSite.taikang,
            "content/reports/taicang-shuzi.md": FixtureSite.taicang,
        ]
        let site = try FixtureSite(files: files)
        defer { site.remove() }
        try site.build()
        // 数字经济 is an alias of 数字化转型 in the real vocabulary: the tag links to that topic.
        let taicang = try site.page("reports/taicang-shuzi/index.html")
        #expect(taicang.contains(">数字化转型</a>"))
        #expect(site.regionPage("江苏省") != nil && site.regionPage("太康县") != nil)
        #expect(try LinkChecker(folder: site.publicFolder).check() == [])
    }

    // MARK: - Links

    @Test func everyRelativeLinkResolvesToAFile() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        #expect(try LinkChecker(folder: site.publicFolder).check() == [])
        // An independent check: a plain pattern over every page, resolved by Foundation's URLs.
        let pattern = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
        for path in site.snapshot().keys where path.hasSuffix(".html") {
            let html = try site.page(path)
            let pageURL = site.publicFolder.appendingPathComponent(path)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let range = Range(match.range(at: 1), in: html) else { continue }
                let link = String(html[range])
                if link.hasPrefix("https://") || link.hasPrefix("#") || link.isEmpty { continue }
                let file = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                let target = URL(string: String(file), relativeTo: pageURL)?.standardizedFileURL
                #expect(target.map { FileManager.default.fileExists(atPath: $0.path) } == true, "\(path): \(link)")
                #expect(target?.path.hasPrefix(site.publicFolder.standardizedFileURL.path) == true, "\(path): \(link) leaves the site")
            }
        }
    }

    @Test func checkFindsAPlantedBrokenLinkAndABrokenAnchor() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let page = "reports/taicang-shuzi/index.html"
        let html = try site.page(page)
            .replacingOccurrences(of: "</main>", with: "<a href=\"../../topics/nope/index.html\">x</a> <a href=\"../kunshan-yingshang/index.html#nope\">y</a> <a href=\"#main\">ok</a></main>")
        try site.write(html, to: "public/" + page)
        let problems = try LinkChecker(folder: site.publicFolder).check().map(\.description)
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("public/reports/taicang-shuzi/index.html: error: broken link ../../topics/nope/index.html") == true)
        #expect(problems.last?.hasPrefix("public/reports/taicang-shuzi/index.html: error: broken link ../kunshan-yingshang/index.html#nope") == true)
    }

    // MARK: - Determinism and failure

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let first = site.snapshot()
        try site.build()
        let second = site.snapshot()
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first where second[path] != data {
            Issue.record("\(path) differs between builds")
        }
    }

    @Test func aBadTagFailsTheBuildWithFileLineAndSuggestionAndKeepsPublic() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("", to: "public/.gitkeep")
        try site.build()
        let before = site.snapshot()
        #expect(before[".gitkeep"] != nil, "public/.gitkeep is kept")
        try site.write("""
            ---
            title: 坏标签
            tags:
              - 乡村振兴
              - 营商环镜
            regions: [昆山, 火星市]
            ---

            正文。
            """, to: "content/reports/bad.md")
        #expect {
            try site.build()
        } throws: { error in
            let text = (error as? Diagnostics)?.description ?? ""
            return text.contains("content/reports/bad.md:5:5: error: unknown topic `营商环镜`; did you mean `营商环境`?")
                && text.contains("content/reports/bad.md:6:")
                && text.contains("unknown region `火星市`")
                && text.contains("content/reports/bad.md:6:11: error: unknown region `昆山`; did you mean `昆山市`?")
        }
        #expect(site.snapshot() == before, "a failed build leaves public/ as it was")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public") }
        #expect(leftovers.isEmpty, "no staging folder left behind")
    }

    @Test func aBrokenTemplateIsReportedWithItsLineAndNothingIsWritten() throws {
        var files = FixtureSite.standardFiles
        files["templates/topic.mustache"] = "<h1>{{topic.name}}</h1>\n{{#reports}}\n<p>{{title}}</p>\n"
        let site = try FixtureSite(files: files)
        defer { site.remove() }
        #expect {
            try site.build()
        } throws: { error in
            (error as? Diagnostics)?.description.contains("templates/topic.mustache:2:1: error: section `{{#reports}}` is not closed: add `{{/reports}}`") == true
        }
        #expect(!site.exists("index.html"))
    }

    @Test func aMistakeInSiteYMLNamesTheKey() throws {
        var files = FixtureSite.standardFiles
        files["site.yml"] = FixtureSite.siteYML + "relatd: 3\n"
        let site = try FixtureSite(files: files)
        defer { site.remove() }
        #expect {
            try site.build()
        } throws: { error in
            (error as? Diagnostics)?.description.contains("site.yml:4:1: error: unknown key `relatd`; did you mean `related`?") == true
        }
    }

    @Test func twoReportsWithOneSlugAreBothNamed() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write(FixtureSite.taicang.replacingOccurrences(of: "title: 太仓", with: "slug: kunshan-yingshang\ntitle: 太仓"),
                       to: "content/reports/taicang-shuzi.md")
        #expect {
            try site.build()
        } throws: { error in
            let text = (error as? Diagnostics)?.description ?? ""
            return text.contains("two reports have the slug `kunshan-yingshang`: content/reports/kunshan-yingshang.md and content/reports/taicang-shuzi.md")
        }
    }

    @Test func anInvalidSlugIsAnError() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write(FixtureSite.taicang.replacingOccurrences(of: "title: 太仓", with: "slug: ../evil\ntitle: 太仓"),
                       to: "content/reports/taicang-shuzi.md")
        #expect {
            try site.build()
        } throws: { error in
            (error as? Diagnostics)?.description.contains("content/reports/taicang-shuzi.md:2:7: error: `slug: ../evil` is not a valid slug") == true
        }
    }
}
