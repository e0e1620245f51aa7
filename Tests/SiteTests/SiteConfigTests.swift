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
