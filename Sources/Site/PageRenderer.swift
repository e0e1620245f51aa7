import Content
import Foundation
import Markdown
import Taxonomy
import Templates

/// Builds each page's template context from the site model and renders it with the templates.
///
/// Contexts are plain dictionaries; every link in them is already relative to the page.
/// Templates print values with `{{x}}` (escaped); only `content` and `body` are HTML.
public struct PageRenderer: Sendable {
    public let model: SiteModel
    public let templates: TemplateSet
    /// Report items already made in this build, by report and the pages' way to the site's root.
    let reportItems = ReportItemCache()

    public init(model: SiteModel, templates: TemplateSet) {
        self.model = model
        self.templates = templates
    }

    /// Every page path the site has, sorted (reports, topics, regions, the indexes and 404).
    public var pagePaths: [String] {
        var paths = [PageLocation.home, PageLocation.topics, PageLocation.regions, PageLocation.notFound]
        paths += model.reports.map { PageLocation.report($0.slug) }
        for topic in model.vocabulary.topics {
            paths += (1...model.pageCount(for: model.count(topic: topic.name))).map { model.topicPath(topic.name, page: $0) }
        }
        for region in model.regionsByCode.values {
            paths += (1...model.pageCount(for: model.count(region: region.code))).map { model.regionPath(region, page: $0) }
        }
        paths += [PageLocation.genres, PageLocation.years]
        for (genre, ids) in model.browse.reportsByGenre {
            paths += (1...model.pageCount(for: ids.count)).map { model.genrePath(genre, page: $0) }
        }
        for (year, ids) in model.browse.reportsByYear {
            paths += (1...model.pageCount(for: ids.count)).map { model.yearPath(year, page: $0) }
        }
        for (topic, row) in model.browse.reportsByTopicAndTop {
            for (code, ids) in row {
                guard let region = model.regionsByCode[code] else { continue }
                paths += (1...model.pageCount(for: ids.count)).map { model.topicRegionPath(topic, region, page: $0) }
            }
        }
        return paths.sorted()
    }

    // MARK: - Home

    public func home() -> Page {
        let here = PageLocation(path: PageLocation.home)
        var context = common(here, title: nil, kind: "home")
        context["counts"] = [
            "reports": model.reports.count,
            "topics": model.reportsByTopic.count,
            "regions": model.regionsByCode.count,
        ]
        context["newest"] = model.reports.indices.prefix(model.config.homeNewest).map { reportItem($0, from: here) }
        context["mainTopics"] = model.homeTopics.map { topicLink($0, from: here) }
        context["mainRegions"] = model.homeRegions.map { regionLink($0, from: here) }
        if !model.regionsByCode.isEmpty { context["map"] = regionMap(from: here, deepest: .prefecture) }
        return Page(path: here.path, bytes: templates.renderBytes("home", context: context))
    }

    // MARK: - 404

    /// Served for any missing address, so its links are absolute from `baseURL`.
    public func notFound() -> Page {
        let here = PageLocation(path: PageLocation.notFound, absoluteBase: model.config.baseURL)
        let context = common(here, title: "页面未找到", kind: "notFound")
        return Page(path: here.path, bytes: templates.renderBytes("404", context: context))
    }

    // MARK: - Shared context

    /// What the layout needs on every page.
    func common(_ here: PageLocation, title: String?, kind: String) -> [String: Any] {
        let config = model.config
        // Made as template values, not dictionaries of `Any` to convert, and once for the site
        // (the navigation once per depth): every page has them.
        let site = reportItems.shared(.site, "", root: "") {
            var site: [String: TemplateValue] = [
                "title": .string(config.title), "language": .string(config.language), "baseURL": .string(config.baseURL),
            ]
            // Empty strings count as true in Mustache sections, so empty values are left out.
            if !config.description.isEmpty { site["description"] = .string(config.description) }
            return TemplateObject(site)
        }
        let nav = reportItems.shared(.nav, "", root: here.root) {
            var nav: [String: TemplateValue] = [:]
            for (name, path) in [("home", PageLocation.home), ("topics", PageLocation.topics), ("regions", PageLocation.regions),
                                 ("stylesheet", PageLocation.stylesheet), ("feed", PageLocation.feed), ("search", PageLocation.search),
                                 ("genres", PageLocation.genres), ("years", PageLocation.years)] {
                nav[name] = .string(here.href(path))
            }
            return TemplateObject(nav)
        }
        var context: [String: Any] = [
            "site": site,
            "pageTitle": title.map { "\($0) · \(config.title)" } ?? config.title,
            "root": here.root,
            "canonical": config.baseURL + (here.path.hasSuffix("index.html") ? String(here.path.dropLast("index.html".count)) : here.path),
            "nav": nav,
            "menu": config.menu.map { menuItem($0, from: here) },
        ]
        if config.search.headerBox { context["headerSearch"] = true }
        context[kind] = true
        if let title { context["title"] = title }
        return context
    }

    /// A link of site.yml's `menu`: a site path made relative to the page; `current` on the page it
    /// names and on the pages in its folder (`topics/index.html` covers `topics/…`).
    private func menuItem(_ entry: MenuEntry, from here: PageLocation) -> TemplateObject {
        guard entry.isSitePath else { return TemplateObject(["name": .string(entry.name), "href": .string(entry.url)]) }
        var item: [String: TemplateValue] = ["name": .string(entry.name), "href": .string(here.href(entry.url))]
        let folder = entry.url.hasSuffix("/index.html") ? String(entry.url.dropLast("index.html".count)) : nil
        if here.path == entry.url || folder.map({ here.path.hasPrefix($0) }) == true { item["current"] = .bool(true) }
        return TemplateObject(item)
    }

    /// A report as an entry of a list: title, link, date, summary and where it is about. The same
    /// report from pages at the same depth is the same object, so a partial renders it once.
    func reportItem(_ id: Int, from here: PageLocation) -> TemplateObject {
        reportItems.item(id, root: here.root) { TemplateObject(reportItemValues(id, from: here), memoizable: true) }
    }

    private func reportItemValues(_ id: Int, from here: PageLocation) -> [String: TemplateValue] {
        let report = model.reports[id]
        var item: [String: TemplateValue] = [
            "title": .string(report.title),
            "href": .string(here.href(PageLocation.report(report.slug))),
            "regions": .list(model.regionPaths(of: id).compactMap(\.last).map { region in
                .object(reportItems.shared(.region, region.code, root: here.root) { TemplateObject(regionLink(region, from: here)) })
            }),
            "topics": .list(report.topics.map { topic in
                .object(reportItems.shared(.topic, topic, root: here.root) {
                    TemplateObject(["name": .string(topic), "href": .string(here.href(model.topicPath(topic)))])
                })
            }),
        ]
        if !report.summary.isEmpty { item["summary"] = .string(report.summary) }
        if let date = report.date {
            item["date"] = .string(date.description)
            item["dateText"] = .string(Self.chineseDate(date))
        }
        return item
    }

    /// Links are template values already: lists of them are on most pages.
    func topicLink(_ topic: Topic, from here: PageLocation) -> [String: TemplateValue] {
        var link: [String: TemplateValue] = [
            "name": .string(topic.name),
            "href": .string(here.href(model.topicPath(topic.name))),
            "count": .int(model.count(topic: topic.name)),
        ]
        if !topic.description.isEmpty { link["description"] = .string(topic.description) }
        return link
    }

    func regionLink(_ region: Region, from here: PageLocation) -> [String: TemplateValue] {
        ["name": .string(region.name), "href": .string(here.href(model.regionPath(region))), "count": .int(model.count(region: region.code))]
    }

    /// Links to the neighbouring pages of a long list, or nil when it fits on one page.
    func pagination(page: Int, of total: Int, from here: PageLocation, path: (Int) -> String) -> [String: Any]? {
        guard total > 1 else { return nil }
        var links: [String: Any] = ["current": page, "total": total]
        if page > 1 {
            links["first"] = here.href(path(1))
            links["previous"] = here.href(path(page - 1))
        }
        if page < total {
            links["next"] = here.href(path(page + 1))
            links["last"] = here.href(path(total))
        }
        return links
    }

    /// 2023年12月28日, 2023年12月 or 2023年: as precise as the report's date.
    static func chineseDate(_ date: ReportDate) -> String {
        var text = "\(date.year)年"
        if let month = date.month { text += "\(month)月" }
        if let day = date.day { text += "\(day)日" }
        return text
    }
}
