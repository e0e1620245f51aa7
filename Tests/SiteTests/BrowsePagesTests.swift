import Foundation
@testable import Site
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The region map, the topic × province heatmap, genre and year pages, per-topic feeds and the JSON API,
/// on the fixture site (江苏省 › 苏州市 › 昆山市/太仓市, 河南省 › 周口市 › 太康县).
@Suite
struct BrowsePagesTests {
    /// One built fixture site for every test here: the build is what they read, never change.
    /// A failed build fails the tests that read it, not the whole test run (as a `try!` would).
    private static let built = Result { () throws -> FixtureSite in
        let site = try FixtureSite()
        try site.build()
        return site
    }
    static var site: FixtureSite { get throws { try built.get() } }

    // MARK: - Map

    @Test func regionIndexMapHasOneLinkedMarkPerRegionWithReportsSizedByItsRollUpCount() throws {
        let site = try Self.site
        let marks = try Self.marks(in: site.page("regions/index.html"))
        #expect(Set(marks.map(\.name)) == ["江苏省", "苏州市", "昆山市", "太仓市", "河南省", "周口市", "太康县"])
        #expect(marks.count == 7, "one mark per region")
        for mark in marks {
            let target = Self.resolve(mark.href, from: "regions/index.html")
            #expect(site.exists(target), "\(mark.name) links to \(mark.href)")
            #expect(try site.page(target).contains("<h1>\(mark.name)</h1>"), "\(mark.name)'s mark leads to its page")
        }
        let count = Dictionary(uniqueKeysWithValues: marks.map { ($0.name, $0.count) })
        #expect(count == ["江苏省": 2, "苏州市": 2, "昆山市": 1, "太仓市": 1, "河南省": 2, "周口市": 2, "太康县": 1])
        let radius = Dictionary(uniqueKeysWithValues: marks.map { ($0.name, $0.radius) })
        #expect(radius["江苏省"]! > radius["昆山市"]!, "more reports, a bigger mark")
        #expect(radius["昆山市"] == radius["太康县"], "as many reports, as big")
    }

    @Test func mapIsAnAccessibleImageAndTheHomePageHasItDownToPrefectures() throws {
        let site = try Self.site
        let regions = try site.page("regions/index.html")
        #expect(regions.contains("<svg class=\"region-map\""))
        #expect(regions.contains("role=\"img\" aria-label=\""))
        #expect(regions.contains("<title>昆山市：1 篇报告</title>"))
        let home = try Self.marks(in: site.page("index.html"))
        #expect(Set(home.map(\.name)) == ["江苏省", "苏州市", "河南省", "周口市"], "no counties on the home page")
        #expect(home.allSatisfy { !$0.href.hasPrefix("../") && site.exists($0.href) }, "links relative to the site root")
    }

    @Test func aNameWithMarkupIsEscapedInTheMap() throws {
        var files = FixtureSite.standardFiles
        files["content/taxonomy/regions.csv"] = FixtureSite.regionsCSV.replacingOccurrences(of: "320585000000,太仓市", with: "320585000000,太仓<b>市")
        files["content/reports/taicang-shuzi.md"] = FixtureSite.taicang.replacingOccurrences(of: "regions: [太仓市]", with: "regions: ['太仓<b>市']")
        let site = try FixtureSite(files: files)
        defer { site.remove() }
        try site.build()
        let html = try site.page("regions/index.html")
        #expect(html.contains("<title>太仓&lt;b&gt;市：1 篇报告</title>"))
        #expect(!html.contains("<b>"))
    }

    // MARK: - Heatmap

    @Test func heatmapCellsCountTopicsPerProvinceAndLinkToThoseReports() throws {
        let site = try Self.site
        let cells = try Self.heatmapCells(in: site.page("topics/index.html"))
        // 营商环境: 昆山 and 太仓 (江苏省); 乡村振兴: 太康 and 周口 (河南省).
        #expect(cells["营商环境"]?["江苏省"]?.count == 2)
        #expect(cells["乡村振兴"]?["河南省"]?.count == 2)
        #expect(cells["新质生产力"]?["江苏省"]?.count == 1)
        #expect(cells["营商环境"]?["河南省"] == nil, "an empty cell has no link")
        #expect(cells["乡村振兴"]?["江苏省"] == nil)
        for (topic, row) in cells {
            for (province, cell) in row {
                let target = Self.resolve(cell.href, from: "topics/index.html")
                let html = try site.page(target)
                #expect(html.contains("<h1>\(topic) · \(province)</h1>"))
                #expect(html.components(separatedBy: "class=\"report-item\"").count - 1 == cell.count, "\(topic) × \(province)")
            }
        }
        let yingshang = try site.page(Self.resolve(try #require(cells["营商环境"]?["江苏省"]).href, from: "topics/index.html"))
        #expect(yingshang.contains("昆山市优化营商环境调研报告") && yingshang.contains("太仓市数字经济发展报告"))
    }

    // MARK: - Genres and years

    @Test func genrePagesListTheirReportsNewestFirst() throws {
        let site = try Self.site
        let index = try site.page("genres/index.html")
        #expect(index.contains("<a href=\"../genres/diao-yan-bao-gao/index.html\">调研报告</a> <span class=\"count\">2</span>"))
        #expect(index.contains("<a href=\"../genres/gong-zuo-zong-jie/index.html\">工作总结</a> <span class=\"count\">1</span>"))
        let survey = try Self.titles(in: site.page("genres/diao-yan-bao-gao/index.html"))
        #expect(survey == ["昆山市优化营商环境调研报告", "太康县乡村振兴调研"])
        #expect(try Self.titles(in: site.page("genres/gong-zuo-zong-jie/index.html")) == ["周口市产业发展情况"])
    }

    @Test func twoGenresWithTheSamePinyinGetTwoPages() throws {
        var files = FixtureSite.standardFiles
        files["content/reports/taikang-xiangcun.md"] = FixtureSite.taikang.replacingOccurrences(of: "genre: 调研报告", with: "genre: 调研·报告")
        let site = try FixtureSite(files: files)
        defer { site.remove() }
        try site.build()
        // In name order, 调研·报告 (U+00B7) comes before 调研报告 and keeps the plain slug.
        #expect(try Self.titles(in: site.page("genres/diao-yan-bao-gao/index.html")) == ["太康县乡村振兴调研"])
        #expect(try Self.titles(in: site.page("genres/diao-yan-bao-gao-2/index.html")) == ["昆山市优化营商环境调研报告"])
    }

    @Test func browsePagesAreInTheSitemap() throws {
        let sitemap = try Self.site.page("sitemap.xml")
        for path in ["genres/", "genres/diao-yan-bao-gao/", "years/", "years/2022/", "topics/ying-shang-huan-jing/regions/"] {
            #expect(sitemap.contains("<loc>https://example.org/policykb/\(path)"), "\(path)")
        }
    }

    @Test func yearPagesListTheirReportsNewestFirst() throws {
        let site = try Self.site
        let index = try site.page("years/index.html")
        let order = ["2024年", "2023年", "2022年"].compactMap { index.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.count == 3 && order == order.sorted(), "newest year first")
        #expect(try Self.titles(in: site.page("years/2023/index.html")) == ["昆山市优化营商环境调研报告", "太仓市数字经济发展报告"])
        #expect(try Self.titles(in: site.page("years/2022/index.html")) == ["太康县乡村振兴调研"])
        #expect(try Self.titles(in: site.page("years/2024/index.html")) == ["周口市产业发展情况"])
        #expect(try site.page("index.html").contains("href=\"years/index.html\""), "linked from the navigation")
    }

    // MARK: - Feeds

    @Test func eachTopicHasAnAtomFeedOfItsOwnReportsLinkedFromItsPage() throws {
        let site = try Self.site
        let page = try site.page("topics/ying-shang-huan-jing/index.html")
        #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"营商环境 · 县域经济政策知识库\" href=\"../../topics/ying-shang-huan-jing/feed.xml\">"))
        let feed = try XMLDocument(data: Data(site.page("topics/ying-shang-huan-jing/feed.xml").utf8))
        let titles = try feed.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles == ["昆山市优化营商环境调研报告", "太仓市数字经济发展报告"])
        let rural = try XMLDocument(data: Data(site.page("topics/xiang-cun-zhen-xing/feed.xml").utf8))
        let ruralTitles = try rural.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(ruralTitles == ["周口市产业发展情况", "太康县乡村振兴调研"])
        let selfLink = try feed.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='link'][@rel='self']/@href").first?.stringValue
        #expect(selfLink == "https://example.org/policykb/topics/ying-shang-huan-jing/feed.xml")
    }

    // MARK: - API

    /// `api/reports.json`'s objects are made a block at a time on every core: any block size
    /// gives the file the build wrote, commas and order included.
    @Test(arguments: [1, 3, 4, 100])
    func apiReportsAreTheSameWhateverTheBlock(block: Int) throws {
        // A site of its own: the shared one is only read.
        let site = try FixtureSite()
        defer { site.remove() }
        let model = try #require(try site.build().model)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("api-\(UUID().uuidString)/public")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let writer = try SiteWriter(destination: folder)
        defer { writer.discard() }
        var api = APIWriter(model: model)
        api.block = block
        try api.writeReports(to: writer)
        let written = try String(contentsOf: writer.staging.appendingPathComponent(PageLocation.apiReports), encoding: .utf8)
        #expect(written == (try site.page(PageLocation.apiReports)))
        #expect(written.components(separatedBy: "\n").count == model.reports.count + 3)
    }

    @Test func apiFilesParseAndMatchTheSite() throws {
        let site = try Self.site
        let reports = try #require(JSONSerialization.jsonObject(with: Data(site.page("api/reports.json").utf8)) as? [[String: Any]])
        #expect(reports.map { $0["slug"] as? String } == ["zhou-kou-chan-ye", "kunshan-yingshang", "taicang-shuzi", "taikang-xiangcun"])
        for report in reports {
            #expect(site.exists(report["url"] as? String ?? "-"), "\(report["url"] ?? "no url")")
        }
        let kunshan = try #require(reports.first { $0["slug"] as? String == "kunshan-yingshang" })
        #expect(kunshan["title"] as? String == "昆山市优化营商环境调研报告")
        #expect(kunshan["date"] as? String == "2023-12-28")
        #expect(kunshan["genre"] as? String == "调研报告")
        #expect(kunshan["source"] as? String == "昆山市发展和改革委员会")
        #expect(kunshan["author"] is NSNull)
        #expect(kunshan["tags"] as? [String] == ["营商环境", "新质生产力"])
        #expect(kunshan["regions"] as? [String] == ["江苏省", "苏州市", "昆山市"])

        let topics = try #require(JSONSerialization.jsonObject(with: Data(site.page("api/topics.json").utf8)) as? [[String: Any]])
        #expect(topics.map { $0["name"] as? String } == ["营商环境", "乡村振兴", "产业发展", "新质生产力", "数字经济"])
        let digital = try #require(topics.last)
        #expect(digital["parent"] as? String == "产业发展")
        #expect(digital["count"] as? Int == 1)
        #expect(site.exists(digital["url"] as? String ?? "-"))

        let regions = try #require(JSONSerialization.jsonObject(with: Data(site.page("api/regions.json").utf8)) as? [[String: Any]])
        #expect(regions.count == 7)
        let jiangsu = try #require(regions.first { $0["name"] as? String == "江苏省" })
        #expect(jiangsu["code"] as? String == "320000000000")
        #expect(jiangsu["level"] as? Int == 1)
        #expect(jiangsu["parent"] is NSNull)
        #expect(jiangsu["count"] as? Int == 2, "roll-up count")
        #expect((jiangsu["longitude"] as? Double).map { abs($0 - 118.762765) < 1e-9 } == true)
        let kunshanRegion = try #require(regions.first { $0["name"] as? String == "昆山市" })
        #expect(kunshanRegion["parent"] as? String == "320500000000")
        for region in regions { #expect(site.exists(region["url"] as? String ?? "-")) }
    }

    // MARK: - Reading the pages

    struct Mark { var name: String, href: String, count: Int, radius: Double }

    static func marks(in html: String) throws -> [Mark] {
        let pattern = try NSRegularExpression(pattern: #"<a href="([^"]*)" class="mark[^"]*"><title>(.*?)：(\d+) 篇报告</title><circle [^>]*r="([\d.]+)" data-count="(\d+)"/>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            let group = { (i: Int) in String(html[Range(match.range(at: i), in: html)!]) }
            #expect(group(3) == group(5), "the tooltip tells the count the mark is sized by")
            return Mark(name: group(2), href: group(1), count: Int(group(5)) ?? -1, radius: Double(group(4)) ?? -1)
        }
    }

    /// Topic → province → (count, link), for the cells that have a link.
    static func heatmapCells(in html: String) throws -> [String: [String: (count: Int, href: String)]] {
        let section = try #require(html.range(of: "class=\"heatmap\"").map { String(html[$0.lowerBound...]) })
        let rows = try NSRegularExpression(pattern: #"<tr><th scope="row"><a href="[^"]*">([^<]*)</a></th>(.*?)</tr>"#)
        let cell = try NSRegularExpression(pattern: #"<td class="heat-\d"><a href="([^"]*)" title="([^"]*)">(\d+)</a></td>"#)
        var table: [String: [String: (Int, String)]] = [:]
        for row in rows.matches(in: section, range: NSRange(section.startIndex..., in: section)) {
            let topic = String(section[Range(row.range(at: 1), in: section)!])
            let cells = String(section[Range(row.range(at: 2), in: section)!])
            for match in cell.matches(in: cells, range: NSRange(cells.startIndex..., in: cells)) {
                let group = { (i: Int) in String(cells[Range(match.range(at: i), in: cells)!]) }
                table[topic, default: [:]][group(2)] = (Int(group(3)) ?? -1, group(1))
            }
        }
        return table
    }

    static func titles(in html: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"<li class="report-item">\s*<h3><a href="[^"]*">([^<]*)</a></h3>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        }
    }

    /// A relative link on a page, as a path inside `public/`.
    static func resolve(_ href: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in href.split(separator: "/") {
            if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}
