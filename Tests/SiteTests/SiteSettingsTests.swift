import Content
import Foundation
@testable import Site
import Testing

/// The site.yml settings the pages follow: the menu, the home page's topics and regions, the
/// related-report weights and the search options. Each builds the fixture site with one setting.
@Suite struct SiteSettingsTests {
    static func site(_ settings: String, extra: [String: String] = [:]) throws -> FixtureSite {
        var files = FixtureSite.standardFiles.merging(extra) { _, new in new }
        files["site.yml"] = FixtureSite.siteYML + settings
        return try FixtureSite(files: files)
    }

    /// The `<nav>` of a page's header.
    static func nav(_ html: String) -> Substring {
        guard let start = html.range(of: "<nav aria-label=\"主导航\">"), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex) else {
            return ""
        }
        return html[start.lowerBound..<end.upperBound]
    }

    // MARK: - Menu

    @Test func withoutAMenuTheHeaderLinksTheSitesIndexesAndMarksTheCurrentSection() throws {
        let site = try Self.site("")
        defer { site.remove() }
        try site.build()
        let nav = Self.nav(try site.page("reports/kunshan-yingshang/index.html"))
        for (name, href) in [("首页", "index.html"), ("主题", "topics/index.html"), ("地区", "regions/index.html"),
                             ("体裁", "genres/index.html"), ("年份", "years/index.html"), ("搜索", "search/index.html")] {
            #expect(nav.contains("<a href=\"../../\(href)\">\(name)</a>"), "\(nav)")
        }
        #expect(Self.nav(try site.page("topics/index.html")).contains("<a href=\"../topics/index.html\" aria-current=\"page\">主题</a>"))
        #expect(Self.nav(try site.page("index.html")).contains("<a href=\"index.html\" aria-current=\"page\">首页</a>"))
    }

    @Test func theMenuInSiteYMLReplacesTheHeaderLinks() throws {
        let site = try Self.site("""
            menu:
              - {name: 专题, url: topics/index.html}
              - {name: 关于本站, url: "https://example.org/about/"}

            """)
        defer { site.remove() }
        try site.build()
        let nav = Self.nav(try site.page("reports/kunshan-yingshang/index.html"))
        #expect(nav.contains("<a href=\"../../topics/index.html\">专题</a>"), "\(nav)")
        #expect(nav.contains("<a href=\"https://example.org/about/\">关于本站</a>"))
        #expect(!nav.contains("地区"))
        #expect(Self.nav(try site.page("topics/index.html")).contains("aria-current=\"page\">专题</a>"))
        #expect(try LinkChecker(folder: site.publicFolder).check() == [])
    }

    @Test func anEmptyMenuLeavesNoNav() throws {
        let site = try Self.site("menu: []\n")
        defer { site.remove() }
        try site.build()
        #expect(!(try site.page("index.html")).contains("主导航"))
    }

    // MARK: - Home page

    @Test func byDefaultTheHomePageListsTheTopLevelTopicsAndTheProvincesWithReports() throws {
        let site = try Self.site("")
        defer { site.remove() }
        try site.build()
        let home = try site.page("index.html")
        #expect(Self.names(in: home, section: "topics-heading") == ["营商环境", "乡村振兴", "产业发展"])
        #expect(Self.names(in: home, section: "regions-heading") == ["江苏省", "河南省"])
    }

    @Test func homeTopicsAndHomeRegionsChooseWhatTheHomePageLists() throws {
        let site = try Self.site("""
            taxonomy:
              homeTopics: [数字经济, 乡村振兴]
              homeRegions: [河南省, 昆山市, 太仓市]

            """)
        defer { site.remove() }
        try site.build()
        let home = try site.page("index.html")
        #expect(Self.names(in: home, section: "topics-heading") == ["数字经济", "乡村振兴"])
        #expect(Self.names(in: home, section: "regions-heading") == ["河南省", "昆山市", "太仓市"])
        #expect(try LinkChecker(folder: site.publicFolder).check() == [])
    }

    @Test func aHomeTopicOrRegionTheTaxonomyLacksIsAnErrorAtItsLineWithTheNearestName() throws {
        let site = try Self.site("""
            taxonomy:
              homeTopics: [乡村振兴, 营商坏境]
              homeRegions:
                - 昆山

            """)
        defer { site.remove() }
        #expect {
            try site.build()
        } throws: { error in
            let text = (error as? Diagnostics)?.description ?? ""
            return text.contains("site.yml:5:22: error: `taxonomy.homeTopics`: `营商坏境` is not a topic of content/taxonomy/topics.yml; did you mean `营商环境`?")
                && text.contains("site.yml:7:7: error: `taxonomy.homeRegions`: `昆山` is not a region of content/taxonomy/regions.csv; did you mean `昆山市`?")
        }
    }

    /// The names listed in the home page's section headed by `section`, in order.
    static func names(in html: String, section: String) -> [String] {
        guard let start = html.range(of: "id=\"\(section)\""), let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else {
            return []
        }
        return html[start.upperBound..<end.lowerBound].matches(of: #/<li><a href="[^"]+">([^<]+)</a>/#).map { String($0.output.1) }
    }

    // MARK: - Related reports

    /// 昆山 shares a topic with 太仓 and its county with 昆山二: the weights decide which counts.
    static let kunshan2 = """
        ---
        title: 昆山市乡村振兴情况
        date: 2021-03-01
        tags: [乡村振兴]
        regions: [昆山市]
        ---

        昆山市推进乡村振兴。

        """

    @Test(arguments: [("{topics: 1, regions: 0}", ["太仓市数字经济发展报告"]),
                      ("{topics: 0, regions: 1}", ["昆山市乡村振兴情况", "太仓市数字经济发展报告"])])
    func relatedWeightsDecideWhichSharedTermsCount(weights: String, expected: [String]) throws {
        let site = try Self.site("taxonomy:\n  relatedWeights: \(weights)\n", extra: ["content/reports/kunshan-2.md": Self.kunshan2])
        defer { site.remove() }
        try site.build()
        let page = try site.page("reports/kunshan-yingshang/index.html")
        let start = try #require(page.range(of: "id=\"related-heading\""))
        let end = try #require(page.range(of: "</section>", range: start.upperBound..<page.endIndex))
        let titles = page[start.upperBound..<end.lowerBound].matches(of: #/<a href="\.\./\.\./reports/[^"]+">([^<]+)</a>/#).map { String($0.output.1) }
        #expect(titles == expected)
    }

    // MARK: - Search

    @Test func searchOptionsReachTheSearchPageAndTheHeader() throws {
        let site = try Self.site("search:\n  resultsPerPage: 3\n  headerBox: false\n")
        defer { site.remove() }
        try site.build()
        #expect(try site.page("search/index.html").contains("data-page-size=\"3\""))
        #expect(!(try site.page("reports/kunshan-yingshang/index.html")).contains("header-search"))

        let standard = try Self.site("")
        defer { standard.remove() }
        try standard.build()
        #expect(try standard.page("search/index.html").contains("data-page-size=\"10\""))
        #expect(try standard.page("reports/kunshan-yingshang/index.html").contains("class=\"header-search\""))
    }
}
