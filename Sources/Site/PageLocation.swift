import Content
import Taxonomy

/// Where a page lives in `public/`, and how it links to others: always relatively, to
/// `index.html` files by name, so the site works from a host root, a sub-folder or from disk.
public struct PageLocation: Equatable, Sendable {
    /// Path inside `public/`, e.g. `reports/kun-shan/index.html`.
    public var path: String
    /// What goes before a site path to reach it from this page: `../../`, or an absolute base
    /// URL for pages served from any address (404.html).
    public var root: String

    public init(path: String) {
        self.path = path
        self.root = String(repeating: "../", count: path.filter { $0 == "/" }.count)
    }

    public init(path: String, absoluteBase: String) {
        self.path = path
        self.root = absoluteBase
    }

    /// A link from this page to a site path.
    public func href(_ target: String) -> String {
        root + target
    }

    // MARK: - Site paths

    public static let home = "index.html"
    public static let topics = "topics/index.html"
    public static let regions = "regions/index.html"
    public static let notFound = "404.html"
    public static let stylesheet = "assets/site.css"
    public static let feed = "feed.xml"
    public static let search = "search/index.html"
    /// The search index's folder (written by the search step) and the page's script.
    public static let searchIndex = "search/"
    public static let searchScript = "assets/search.js"
    public static let genres = "genres/index.html"
    public static let years = "years/index.html"
    public static let apiReports = "api/reports.json"
    public static let apiTopics = "api/topics.json"
    public static let apiRegions = "api/regions.json"

    public static func report(_ slug: String) -> String { "reports/\(slug)/index.html" }
    /// Page 1 of a topic's list is the topic's page; page 2 on live in `page/2/` under it.
    public static func topic(_ slug: String, page: Int = 1) -> String {
        page <= 1 ? "topics/\(slug)/index.html" : "topics/\(slug)/page/\(page)/index.html"
    }

    public static func region(_ slug: String, page: Int = 1) -> String {
        page <= 1 ? "regions/\(slug)/index.html" : "regions/\(slug)/page/\(page)/index.html"
    }

    /// Page `page` of a list living in `folder` (genres, years, topic × region).
    public static func listed(under folder: String, page: Int = 1) -> String {
        page <= 1 ? "\(folder)/index.html" : "\(folder)/page/\(page)/index.html"
    }

    /// A topic's own Atom feed, next to its page.
    public static func topicFeed(_ slug: String) -> String { "topics/\(slug)/feed.xml" }
}

extension SiteModel {
    /// A topic's URL slug: the vocabulary's, or one made from the name if that is not path-safe.
    public func slug(of topic: Topic) -> String {
        Slug.isValid(topic.slug) ? topic.slug : Slug.make(topic.name)
    }

    public func slug(of region: Region) -> String {
        Slug.isValid(region.slug) ? region.slug : Slug.make(region.name) + "-" + region.code
    }

    public func topicPath(_ name: String, page: Int = 1) -> String {
        PageLocation.topic(topicsByName[name].map(slug(of:)) ?? Slug.make(name), page: page)
    }

    public func regionPath(_ region: Region, page: Int = 1) -> String {
        PageLocation.region(slug(of: region), page: page)
    }

    /// How many pages a list of this many reports takes (at least one, even when empty).
    public func pageCount(for reports: Int) -> Int {
        let size = config.pageSize
        guard size > 0 else { return 1 }
        return max(1, (reports + size - 1) / size)
    }

    /// The reports on one page of a list (pages count from 1).
    public func slice(_ ids: [Int], page: Int) -> ArraySlice<Int> {
        let size = config.pageSize
        guard size > 0 else { return ids[...] }
        let start = min(ids.count, (page - 1) * size)
        return ids[start..<min(ids.count, start + size)]
    }
}
