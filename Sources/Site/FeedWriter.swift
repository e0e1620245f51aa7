import Content
import Foundation
import Taxonomy

/// `sitemap.xml`, `robots.txt` and the Atom feed `feed.xml`: the files that need absolute URLs.
enum FeedWriter {
    /// The sitemap protocol allows 50,000 URLs per file.
    static let sitemapLimit = 50_000

    /// `sitemap.xml`, or when there are more pages than one file may hold, `sitemap.xml` as an
    /// index of `sitemap-1.xml`, `sitemap-2.xml`, …; as (file name, contents) pairs.
    static func sitemaps(paths: [String], baseURL: String, limit: Int = sitemapLimit) -> [(name: String, contents: String)] {
        let urls = paths.filter { $0 != PageLocation.notFound }
        guard urls.count > limit else { return [("sitemap.xml", urlset(urls, baseURL: baseURL))] }
        let parts = stride(from: 0, to: urls.count, by: limit).map { Array(urls[$0..<min(urls.count, $0 + limit)]) }
        var files = parts.enumerated().map { ("sitemap-\($0.offset + 1).xml", urlset($0.element, baseURL: baseURL)) }
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        index += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (name, _) in files { index += "  <sitemap><loc>\(escape(baseURL + name))</loc></sitemap>\n" }
        index += "</sitemapindex>\n"
        files.insert(("sitemap.xml", index), at: 0)
        return files
    }

    private static func urlset(_ paths: [String], baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(escape(absolute(path, baseURL)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(baseURL)sitemap.xml\n"
    }

    /// The newest reports. `updated` is the newest report's date, so the feed changes only with content.
    static func atom(model: SiteModel) -> String {
        let config = model.config
        return atom(
            model: model, ids: Array(model.reports.indices.prefix(config.feedEntries)),
            title: config.title, subtitle: config.description,
            page: config.baseURL, selfURL: config.baseURL + PageLocation.feed)
    }

    /// The newest reports tagged with one topic: `topics/<slug>/feed.xml`.
    static func atom(model: SiteModel, topic: Topic) -> String {
        let config = model.config
        let ids = (model.reportsByTopic[topic.name] ?? []).prefix(config.feedEntries)
        return atom(
            model: model, ids: Array(ids), title: "\(topic.name) · \(config.title)", subtitle: topic.description,
            page: absolute(model.topicPath(topic.name), config.baseURL),
            selfURL: config.baseURL + PageLocation.topicFeed(model.slug(of: topic)))
    }

    private static func atom(model: SiteModel, ids: [Int], title: String, subtitle: String, page: String, selfURL: String) -> String {
        let config = model.config
        let entries = ids.map { model.reports[$0] }
        let updated = entries.compactMap(\.date).max().map(timestamp) ?? "1970-01-01T00:00:00Z"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(config.language))\">\n"
        xml += "  <title>\(escape(title))</title>\n"
        if !subtitle.isEmpty { xml += "  <subtitle>\(escape(subtitle))</subtitle>\n" }
        xml += "  <id>\(escape(page))</id>\n"
        xml += "  <link rel=\"alternate\" href=\"\(escape(page))\"/>\n"
        xml += "  <link rel=\"self\" href=\"\(escape(selfURL))\"/>\n"
        xml += "  <updated>\(updated)</updated>\n"
        for report in entries {
            let url = escape(absolute(PageLocation.report(report.slug), config.baseURL))
            xml += "  <entry>\n"
            xml += "    <title>\(escape(report.title))</title>\n"
            xml += "    <id>\(url)</id>\n"
            xml += "    <link rel=\"alternate\" href=\"\(url)\"/>\n"
            xml += "    <updated>\(report.date.map(timestamp) ?? updated)</updated>\n"
            xml += "    <author><name>\(escape(report.author ?? report.source ?? config.title))</name></author>\n"
            for topic in report.topics { xml += "    <category term=\"\(escape(topic))\"/>\n" }
            if !report.summary.isEmpty { xml += "    <summary>\(escape(report.summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    // MARK: - Helpers

    /// Pages are linked as folders (`reports/x/`) on the web; the file name is only for disk.
    static func absolute(_ path: String, _ baseURL: String) -> String {
        baseURL + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    static func timestamp(_ date: ReportDate) -> String {
        String(format: "%04d-%02d-%02dT00:00:00Z", date.year, date.month ?? 1, date.day ?? 1)
    }

    static func escape(_ text: String) -> String {
        Escape.markup(text)
    }
}
