import Foundation
import Content
@testable import Site
import Testing

@Test func siteConfigReadsTheRepositorysSiteYML() throws {
    let text = try String(contentsOf: FixtureSite.repository.appendingPathComponent("site.yml"), encoding: .utf8)
    let config = try SiteConfig(yaml: text, path: "site.yml")
    #expect(config.title == "县域经济政策知识库")
    #expect(config.baseURL == "https://example.org/policykb/")
    #expect(config.language == "zh-CN")
    #expect(config.related == 5)
}

@Test func unknownSiteKeyNamesItsLineAndTheNearestKey() {
    #expect {
        try SiteConfig(yaml: "title: 知识库\nbaseURL: https://example.org\nlangauge: zh-CN\n", path: "site.yml")
    } throws: { error in
        let text = (error as? Diagnostics)?.description ?? ""
        return text.hasPrefix("site.yml:3:1: error: unknown key `langauge`; did you mean `language`?")
    }
}

@Test func baseURLGetsItsTrailingSlash() throws {
    let config = try SiteConfig(yaml: "title: 知识库\nbaseURL: https://example.org/kb\n", path: "site.yml")
    #expect(config.baseURL == "https://example.org/kb/")
}

@Test func aBigSiteGetsASitemapIndex() {
    let paths = (1...5).map { "reports/r\($0)/index.html" }
    let files = FeedWriter.sitemaps(paths: paths, baseURL: "https://example.org/", limit: 2)
    #expect(files.map(\.name) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
    #expect(files[0].contents.contains("<sitemap><loc>https://example.org/sitemap-3.xml</loc></sitemap>"))
    #expect(files[3].contents.contains("<loc>https://example.org/reports/r5/</loc>"))
}

@Test func outputStepsGoBeforePublish() {
    var builder = SiteBuilder(root: FixtureSite.repository)
    builder.addOutputStep(BuildStep("write search index") { _ in "" })
    #expect(builder.steps.map(\.name).suffix(2) == ["write search index", "publish"])
}

@Test func theNestedSettingsAreRead() throws {
    let config = try SiteConfig(yaml: """
        title: 知识库
        baseURL: https://example.org/
        menu:
          - {name: 主题, url: topics/index.html}
          - name: 关于
            url: mailto:kb@example.org
        taxonomy:
          homeTopics: [营商环境]
          homeRegions: [昆山市, 江苏省]
          relatedWeights: {topics: 2, regions: 0.5}
        search:
          resultsPerPage: 20
          headerBox: no

        """, path: "site.yml")
    #expect(config.menu == [MenuEntry(name: "主题", url: "topics/index.html"), MenuEntry(name: "关于", url: "mailto:kb@example.org")])
    #expect(config.menu.map(\.isSitePath) == [true, false])
    #expect(config.taxonomy.homeTopics == [ConfigName("营商环境", line: 8, column: 16)])
    #expect(config.taxonomy.homeRegions.map(\.name) == ["昆山市", "江苏省"])
    #expect(config.taxonomy.relatedWeights == RelatedWeights(topics: 2, regions: 0.5))
    #expect(config.search == SearchSettings(resultsPerPage: 20, headerBox: false))
}

@Test func withoutThemTheNestedSettingsHaveTheirDefaults() throws {
    let config = try SiteConfig(yaml: "title: 知识库\nbaseURL: https://example.org/\n", path: "site.yml")
    #expect(config.menu == MenuEntry.defaultMenu)
    #expect(config.taxonomy == TaxonomySettings())
    #expect(config.taxonomy.relatedWeights == RelatedWeights(topics: 1, regions: 1))
    #expect(config.search == SearchSettings(resultsPerPage: 10, headerBox: true))
}

@Test(arguments: [
    ("taxonomy:\n  homeTopic: [营商环境]\n", "site.yml:4:3: error: unknown key `homeTopic` in `taxonomy`; did you mean `homeTopics`?"),
    ("taxonomy:\n  relatedWeights: {topic: 2}\n", "site.yml:4:20: error: unknown key `topic` in `taxonomy.relatedWeights`; did you mean `topics`?"),
    ("search:\n  resultsPerPag: 5\n", "site.yml:4:3: error: unknown key `resultsPerPag` in `search`; did you mean `resultsPerPage`?"),
    ("menu:\n  - {name: 主题, link: topics/index.html}\n", "site.yml:4:16: error: unknown key `link` in `menu`"),
    ("serach:\n  headerBox: true\n", "site.yml:3:1: error: unknown key `serach`; did you mean `search`?"),
    ("taxonomy:\n  relatedWeights: {topics: -1}\n", "site.yml:4:28: error: `taxonomy.relatedWeights.topics` must be a number, 0 or more"),
    ("search:\n  resultsPerPage: 0\n", "site.yml:4:19: error: `search.resultsPerPage` must be 1 or more"),
    ("menu: topics/index.html\n", "site.yml:3:7: error: `menu` must be a list of links"),
    ("menu:\n  - {name: 主题}\n", "site.yml:4:5: error: a `menu` entry needs both `name` and `url`"),
    ("taxonomy:\n  homeRegions: 昆山市\n", "site.yml:4:16: error: `taxonomy.homeRegions` must be a list"),
])
func aMistakeInANestedSettingNamesItsLine(settings: String, message: String) {
    #expect {
        try SiteConfig(yaml: "title: 知识库\nbaseURL: https://example.org\n" + settings, path: "site.yml")
    } throws: { error in
        let text = (error as? Diagnostics)?.description ?? ""
        return text.hasPrefix(message)
    }
}

/// A menu link with a scheme (`https:`, `mailto:`, `c++:`) is an address elsewhere; the hand-made
/// check agrees with the pattern `^[A-Za-z][A-Za-z0-9+.-]*:`.
@Test(arguments: ["https://example.org", "mailto:kb@example.org", "topics/index.html", "a:b", "1http:x", "c++:x",
                  "a.b-c+d:x", "中文:x", "", "x/y:z", "http", "tel:123", "search/index.html#q:1", "#top", "/abs/path"])
func aMenuLinkWithASchemeIsNotASitePath(url: String) {
    let pattern = url.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil
    #expect(MenuEntry.hasScheme(url) == pattern)
    #expect(MenuEntry(name: "x", url: url).isSitePath == (!pattern && !url.hasPrefix("/") && !url.hasPrefix("#")))
}
