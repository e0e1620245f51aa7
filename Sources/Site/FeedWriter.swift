import Content
import Foundation

/// `sitemap.xml`, `robots.txt` and the Atom feed `feed.xml`: the files that need absolute URLs.
enum FeedWriter {
    static func sitemap(paths: [String], baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths where path != PageLocation.notFound {
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
        let entries = model.reports.prefix(config.feedEntries)
        let updated = entries.compactMap(\.date).max().map(timestamp) ?? "1970-01-01T00:00:00Z"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(config.language))\">\n"
        xml += "  <title>\(escape(config.title))</title>\n"
        if !config.description.isEmpty { xml += "  <subtitle>\(escape(config.description))</subtitle>\n" }
        xml += "  <id>\(escape(config.baseURL))</id>\n"
        xml += "  <link rel=\"alternate\" href=\"\(escape(config.baseURL))\"/>\n"
        xml += "  <link rel=\"self\" href=\"\(escape(config.baseURL + PageLocation.feed))\"/>\n"
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
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
