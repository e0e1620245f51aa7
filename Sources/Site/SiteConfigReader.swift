import Content
import Foundation
import Yams

/// Reads `site.yml` node by node, collecting every problem with its line and column.
struct SiteConfigReader {
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
        for (key, keyNode, value) in entries(mapping, valid: SiteConfig.keys, in: nil) {
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
            case "menu": config.menu = menu(value) ?? config.menu
            case "taxonomy": config.taxonomy = taxonomy(value) ?? config.taxonomy
            case "search": config.search = search(value) ?? config.search
            default: error("unknown key `\(key)`", at: keyNode)
            }
        }
        for required in ["title", "baseURL"] where !seen.contains(required) {
            diagnostics.append(.error("missing `\(required)`: add it to site.yml", path: path, line: 1))
        }
        return diagnostics.isEmpty ? config : nil
    }

    // MARK: - Sections

    private mutating func menu(_ node: Node) -> [MenuEntry]? {
        guard let items = node.sequence else {
            error("`menu` must be a list of links such as `- {name: 主题, url: topics/index.html}`", at: node)
            return nil
        }
        var menu: [MenuEntry] = []
        for item in items {
            guard let mapping = item.mapping else {
                error("a `menu` entry must have `name` and `url`, such as `- {name: 主题, url: topics/index.html}`", at: item)
                continue
            }
            var name: String?
            var url: String?
            for (key, _, value) in entries(mapping, valid: MenuEntry.keys, in: "menu") {
                if key == "name" { name = text(value, "menu[].name") }
                if key == "url" { url = text(value, "menu[].url") }
            }
            guard let name, let url else {
                if name == nil && url == nil { continue }
                error("a `menu` entry needs both `name` and `url`", at: item)
                continue
            }
            menu.append(MenuEntry(name: name, url: url))
        }
        return menu
    }

    private mutating func taxonomy(_ node: Node) -> TaxonomySettings? {
        guard let mapping = section(node, "taxonomy") else { return nil }
        var settings = TaxonomySettings()
        for (key, _, value) in entries(mapping, valid: TaxonomySettings.keys, in: "taxonomy") {
            switch key {
            case "homeTopics": settings.homeTopics = names(value, "taxonomy.homeTopics") ?? []
            case "homeRegions": settings.homeRegions = names(value, "taxonomy.homeRegions") ?? []
            case "relatedWeights": settings.relatedWeights = relatedWeights(value) ?? settings.relatedWeights
            default: break
            }
        }
        return settings
    }

    private mutating func relatedWeights(_ node: Node) -> RelatedWeights? {
        guard let mapping = section(node, "taxonomy.relatedWeights") else { return nil }
        var weights = RelatedWeights()
        for (key, _, value) in entries(mapping, valid: RelatedWeights.keys, in: "taxonomy.relatedWeights") {
            let weight = number(value, "taxonomy.relatedWeights.\(key)")
            if key == "topics" { weights.topics = weight ?? weights.topics }
            if key == "regions" { weights.regions = weight ?? weights.regions }
        }
        return weights
    }

    private mutating func search(_ node: Node) -> SearchSettings? {
        guard let mapping = section(node, "search") else { return nil }
        var settings = SearchSettings()
        for (key, _, value) in entries(mapping, valid: SearchSettings.keys, in: "search") {
            switch key {
            case "resultsPerPage":
                let count = count(value, "search.resultsPerPage") ?? settings.resultsPerPage
                if count == 0 { error("`search.resultsPerPage` must be 1 or more", at: value) }
                settings.resultsPerPage = max(count, 1)
            case "headerBox": settings.headerBox = flag(value, "search.headerBox") ?? settings.headerBox
            default: break
            }
        }
        return settings
    }

    // MARK: - Keys

    /// A mapping's entries whose keys are valid; an unknown key is reported at its line with the
    /// nearest valid one.
    private mutating func entries(_ mapping: Node.Mapping, valid: [String], in section: String?) -> [(String, Node, Node)] {
        var found: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            guard valid.contains(key) else {
                let place = section.map { " in `\($0)`" } ?? ""
                let nearest = NearestName.find(key, among: valid).map { "; did you mean `\($0)`?" } ?? ""
                error("unknown key `\(key)`\(place)\(nearest) (valid keys: \(valid.joined(separator: ", ")))", at: keyNode)
                continue
            }
            found.append((key, keyNode, value))
        }
        return found
    }

    private mutating func section(_ node: Node, _ key: String) -> Node.Mapping? {
        guard let mapping = node.mapping else {
            error("`\(key)` must be a mapping of keys (see docs/configuration.md)", at: node)
            return nil
        }
        return mapping
    }

    // MARK: - Values

    private mutating func text(_ node: Node, _ key: String) -> String? {
        guard let value = node.scalar?.string, !value.isEmpty else {
            error("`\(key)` must be a non-empty text", at: node)
            return nil
        }
        return value
    }

    /// A list of names (`[乡村振兴, 营商环境]`), each kept with its place in the file.
    private mutating func names(_ node: Node, _ key: String) -> [ConfigName]? {
        guard let items = node.sequence else {
            error("`\(key)` must be a list such as `[乡村振兴, 营商环境]`", at: node)
            return nil
        }
        return items.compactMap { item in
            text(item, key).map { ConfigName($0, line: item.mark?.line, column: item.mark?.column) }
        }
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

    private mutating func number(_ node: Node, _ key: String) -> Double? {
        guard let text = node.scalar?.string, let value = Double(text), value >= 0, value.isFinite else {
            error("`\(key)` must be a number, 0 or more (such as 1 or 0.5)", at: node)
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
