import Content
import Foundation

/// The settings in `site.yml`. Unknown keys are errors, so a typo never silently does nothing.
public struct SiteConfig: Equatable, Sendable {
    /// The site's name, shown in every page's title and header.
    public var title: String
    /// One sentence under the title on the home page and in the feed.
    public var description: String
    /// Absolute URL the site is published at, always ending in `/`; only sitemap, feed, robots.txt
    /// and 404.html use it (every other link is relative).
    public var baseURL: String
    /// The pages' `lang`.
    public var language: String
    /// How many of the newest reports the home page lists.
    public var homeNewest: Int
    /// How many related reports a report page lists.
    public var related: Int
    /// How many reports the Atom feed holds.
    public var feedEntries: Int
    /// Reports per page on topic and region pages; longer lists continue on `page/2/`, …
    /// 0 puts every report on one page.
    public var pageSize: Int
    /// Keep raw HTML written in report bodies (off: it is dropped).
    public var rawHTML: Bool
    /// Link the first mention of a report's topics and regions in its body.
    public var autoLinks: Bool
    /// The header's links, in order.
    public var menu: [MenuEntry]
    /// What the home page shows of the taxonomy, and how related reports are weighed.
    public var taxonomy: TaxonomySettings
    /// The search page's options.
    public var search: SearchSettings

    /// The top-level keys, for "did you mean" messages.
    public static let keys = [
        "title", "description", "baseURL", "language", "homeNewest", "related", "feedEntries", "pageSize",
        "rawHTML", "autoLinks", "menu", "taxonomy", "search",
    ]

    /// Every key with its path (`taxonomy.relatedWeights.topics`, `menu[].name`): the ones docs/ must describe.
    public static let allKeys = keys
        + MenuEntry.keys.map { "menu[].\($0)" }
        + TaxonomySettings.keys.map { "taxonomy.\($0)" }
        + RelatedWeights.keys.map { "taxonomy.relatedWeights.\($0)" }
        + SearchSettings.keys.map { "search.\($0)" }

    public init(
        title: String, description: String = "", baseURL: String, language: String = "zh-CN",
        homeNewest: Int = 10, related: Int = 5, feedEntries: Int = 20, pageSize: Int = 100,
        rawHTML: Bool = false, autoLinks: Bool = true, menu: [MenuEntry] = MenuEntry.defaultMenu,
        taxonomy: TaxonomySettings = TaxonomySettings(), search: SearchSettings = SearchSettings()
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        self.homeNewest = homeNewest
        self.related = related
        self.feedEntries = feedEntries
        self.pageSize = pageSize
        self.rawHTML = rawHTML
        self.autoLinks = autoLinks
        self.menu = menu
        self.taxonomy = taxonomy
        self.search = search
    }

    /// Reads `site.yml`; every problem comes back at once with its line.
    public init(yaml: String, path: String) throws(Diagnostics) {
        var reader = SiteConfigReader(path: path)
        guard let config = reader.read(yaml) else { throw Diagnostics(reader.diagnostics) }
        self = config
    }

    public static func load(from url: URL, path: String) throws(Diagnostics) -> SiteConfig {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Diagnostics([.error(
                "cannot read site.yml: create it with at least `title:` and `baseURL:` (see the repository's site.yml)",
                path: path)])
        }
        return try SiteConfig(yaml: text, path: path)
    }
}

// MARK: - Settings

/// One link of the header's menu. A `url` without a scheme is a path in the site (`topics/index.html`),
/// made relative to every page; `https://…`, `mailto:…` or `/…` are kept as written.
public struct MenuEntry: Equatable, Sendable {
    public var name: String
    public var url: String

    public static let keys = ["name", "url"]

    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }

    /// The menu when site.yml has none: the site's own indexes.
    public static let defaultMenu = [
        MenuEntry(name: "首页", url: "index.html"),
        MenuEntry(name: "主题", url: "topics/index.html"),
        MenuEntry(name: "地区", url: "regions/index.html"),
        MenuEntry(name: "体裁", url: "genres/index.html"),
        MenuEntry(name: "年份", url: "years/index.html"),
        MenuEntry(name: "搜索", url: "search/index.html"),
    ]

    /// Whether the URL is a path in the site rather than an address elsewhere.
    /// (Asked for on every page: a scheme, `^[A-Za-z][A-Za-z0-9+.-]*:`, is looked for by hand.)
    public var isSitePath: Bool {
        !url.hasPrefix("/") && !url.hasPrefix("#") && !Self.hasScheme(url)
    }

    static func hasScheme(_ url: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = url.utf8.first, isLetter(first) else { return false }
        for byte in url.utf8.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            guard isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-") else { return false }
        }
        return false
    }
}

/// A name written in site.yml, with where it was written, so a name the taxonomy lacks is
/// reported at its line.
public struct ConfigName: Equatable, Sendable {
    public var name: String
    public var line: Int?
    public var column: Int?

    public init(_ name: String, line: Int? = nil, column: Int? = nil) {
        self.name = name
        self.line = line
        self.column = column
    }
}

/// `taxonomy:` in site.yml.
public struct TaxonomySettings: Equatable, Sendable {
    /// The topics the home page lists, in this order; empty: every top-level topic of the vocabulary.
    public var homeTopics: [ConfigName]
    /// The regions the home page lists, in this order; empty: every province with reports.
    public var homeRegions: [ConfigName]
    public var relatedWeights: RelatedWeights

    public static let keys = ["homeTopics", "homeRegions", "relatedWeights"]

    public init(homeTopics: [ConfigName] = [], homeRegions: [ConfigName] = [], relatedWeights: RelatedWeights = RelatedWeights()) {
        self.homeTopics = homeTopics
        self.homeRegions = homeRegions
        self.relatedWeights = relatedWeights
    }
}

/// How much a shared topic and a shared region count when related reports are chosen; each is
/// multiplied by the term's rarity. 0 leaves that kind out.
public struct RelatedWeights: Equatable, Sendable {
    public var topics: Double
    public var regions: Double

    public static let keys = ["topics", "regions"]

    public init(topics: Double = 1, regions: Double = 1) {
        self.topics = topics
        self.regions = regions
    }
}

/// `search:` in site.yml.
public struct SearchSettings: Equatable, Sendable {
    /// Results the search page shows at first and adds with each “更多结果”.
    public var resultsPerPage: Int
    /// A search box in every page's header (the home and search pages have their own).
    public var headerBox: Bool

    public static let keys = ["resultsPerPage", "headerBox"]

    public init(resultsPerPage: Int = 10, headerBox: Bool = true) {
        self.resultsPerPage = resultsPerPage
        self.headerBox = headerBox
    }
}
