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
    /// Where the search page will live (a later step writes `search/`).
    public static let search = "search/index.html"

    public static func report(_ slug: String) -> String { "reports/\(slug)/index.html" }
    public static func topic(_ slug: String) -> String { "topics/\(slug)/index.html" }
    public static func region(_ slug: String) -> String { "regions/\(slug)/index.html" }
}

extension SiteModel {
    /// A topic's URL slug: the vocabulary's, or one made from the name if that is not path-safe.
    public func slug(of topic: Topic) -> String {
        Slug.isValid(topic.slug) ? topic.slug : Slug.make(topic.name)
    }

    public func slug(of region: Region) -> String {
        Slug.isValid(region.slug) ? region.slug : Slug.make(region.name) + "-" + region.code
    }

    public func topicPath(_ name: String) -> String {
        PageLocation.topic(topicsByName[name].map(slug(of:)) ?? Slug.make(name))
    }

    public func regionPath(_ region: Region) -> String {
        PageLocation.region(slug(of: region))
    }
}
