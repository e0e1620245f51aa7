import Content
import Foundation
import Yams

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

    public static let keys = [
        "title", "description", "baseURL", "language", "homeNewest", "related", "feedEntries", "pageSize",
        "rawHTML", "autoLinks",
    ]

    public init(
        title: String, description: String = "", baseURL: String, language: String = "zh-CN",
        homeNewest: Int = 10, related: Int = 5, feedEntries: Int = 20, pageSize: Int = 100,
        rawHTML: Bool = false, autoLinks: Bool = true
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

// MARK: - Reading

private struct SiteConfigReader {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    mutating func read(_ yaml: String) -> SiteConfig? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch {
            diagnostics.append(.error("invalid YAML: \(error)", path: path, line: 1))
            return nil
        }
        guard let mapping = root?.mapping else {
            diagnostics.append(.error("site.yml must be a mapping such as `title: 县域经济政策知识库`", path: path, line: 1))
            return nil
        }
        var config = SiteConfig(title: "", baseURL: "")
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            seen.insert(key)
            switch key {
            case "title": config.title = text(value, key) ?? ""
            case "description": config.description = text(value, key) ?? ""
            case "baseURL": config.baseURL = baseURL(value) ?? ""
            case "language": config.language = text(value, key) ?? config.language
            case "homeNewest": config.homeNewest = count(value, key) ?? config.homeNewest
            case "related": config.related = count(value, key) ?? config.related
            case "feedEntries": config.feedEntries = count(value, key) ?? config.feedEntries
            case "pageSize": config.pageSize = count(value, key) ?? config.pageSize
            case "rawHTML": config.rawHTML = flag(value, key) ?? config.rawHTML
            case "autoLinks": config.autoLinks = flag(value, key) ?? config.autoLinks
            default:
                let nearest = NearestName.find(key, among: SiteConfig.keys).map { "; did you mean `\($0)`?" } ?? ""
                error("unknown key `\(key)`\(nearest) (valid keys: \(SiteConfig.keys.joined(separator: ", ")))", at: keyNode)
            }
        }
        for required in ["title", "baseURL"] where !seen.contains(required) {
            diagnostics.append(.error("missing `\(required)`: add it to site.yml", path: path, line: 1))
        }
        return diagnostics.isEmpty ? config : nil
    }

    private mutating func text(_ node: Node, _ key: String) -> String? {
        guard let value = node.scalar?.string, !value.isEmpty else {
            error("`\(key)` must be a non-empty text", at: node)
            return nil
        }
        return value
    }

    private mutating func baseURL(_ node: Node) -> String? {
        guard let value = text(node, "baseURL") else { return nil }
        guard value.hasPrefix("https://") || value.hasPrefix("http://") else {
            error("`baseURL` must be an absolute http(s) URL such as https://example.org/policykb/", at: node)
            return nil
        }
        return value.hasSuffix("/") ? value : value + "/"
    }

    private mutating func count(_ node: Node, _ key: String) -> Int? {
        guard let text = node.scalar?.string, let value = Int(text), value >= 0 else {
            error("`\(key)` must be a whole number (0 or more)", at: node)
            return nil
        }
        return value
    }

    private mutating func flag(_ node: Node, _ key: String) -> Bool? {
        switch node.scalar?.string {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("`\(key)` must be true or false", at: node)
            return nil
        }
    }

    private mutating func error(_ message: String, at node: Node) {
        diagnostics.append(.error(message, path: path, line: node.mark?.line, column: node.mark?.column))
    }
}
