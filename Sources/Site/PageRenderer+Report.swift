import Content
import Foundation
import Markdown
import Taxonomy
import Templates

extension PageRenderer {
    /// Ids headings in a body never take: the templates' own, and `top`, which browsers treat specially.
    var reservedAnchors: Set<String> {
        templates.fixedIds.union(["top"])
    }

    /// A report's page. Its body is read again from its file here, so bodies never pile up in memory.
    public func report(_ id: Int, root: URL) throws -> Page {
        try reportAndText(id, root: root).page
    }

    /// A report's page and its rendered body (headings and plain text, for the search index).
    public func reportAndText(_ id: Int, root: URL) throws -> (page: Page, rendered: RenderedMarkdown) {
        let report = model.reports[id]
        let here = PageLocation(path: PageLocation.report(report.slug))
        let rendered = try renderedBody(id, root: root)

        var context = common(here, title: report.title, kind: "reportPage")
        context["report"] = Self.metadata(of: report)
        // Front-matter keys policykb does not know, for templates: in file order, and by name.
        let extra = report.extra.filter { !Self.isEmpty($0.value) }
        // Made as template values: a dictionary of `Any` is converted by casting each value.
        context["extra"] = TemplateValue.list(extra.map {
            .object(TemplateObject(["key": .string($0.key), "value": .string(Self.text(of: $0.value))]))
        })
        context["fields"] = Dictionary(extra.map { ($0.key, $0.value.templateValue) }) { first, _ in first }
        context["tags"] = TemplateValue.list(report.topics.map {
            .object(TemplateObject(["name": .string($0), "href": .string(here.href(model.topicPath($0)))]))
        })
        context["regionPaths"] = TemplateValue.list(model.regionPaths(of: id).map { path in
            .object(TemplateObject(["segments": .list(path.enumerated().map { index, region in
                .object(TemplateObject(["name": .string(region.name), "href": .string(here.href(model.regionPath(region))),
                                        "separator": .bool(index > 0)]))
            })]))
        })
        context["toc"] = tableOfContents(rendered.headings)
        context["body"] = TemplateValue.html(rendered.htmlBytes)
        context["related"] = model.relatedReports(to: id).map { reportItem($0, from: here) }
        if let sequence = sequence(of: id, from: here) { context["sequence"] = sequence }
        return (Page(path: here.path, bytes: templates.renderBytes("report", context: context)), rendered)
    }

    /// A report's body as its page shows it (HTML, headings, plain text), without the page.
    public func renderedBody(_ id: Int, root: URL) throws -> RenderedMarkdown {
        let report = model.reports[id]
        let here = PageLocation(path: PageLocation.report(report.slug))
        let body = Self.droppingTitleHeading(try Self.body(of: report, root: root), title: report.title)
        return MarkdownRenderer.render(
            utf8: body,
            options: MarkdownOptions(allowRawHTML: model.config.rawHTML, reservedAnchors: reservedAnchors, topHeadingLevel: 2),
            autoLinks: model.config.autoLinks ? autoLinks(for: id, from: here) : [])
    }

    // MARK: - Parts

    /// The body's UTF-8, read again from the file: straight from where loading found it when the
    /// file is unchanged in size, else by parsing the file again. Handed to cmark as bytes (it
    /// checks them as UTF-8 itself; loading checked the file too), never made a String.
    static func body(of report: SourceReport, root: URL) throws -> ArraySlice<UInt8> {
        guard let data = OutputFile.read(root.path + "/" + report.path) else {
            throw SiteError(path: report.path, message: "cannot read the report again while rendering it")
        }
        if let location = report.bodyLocation, location.fileSize == data.count, location.offset <= data.count {
            return data[location.offset...]
        }
        return ArraySlice(try ReportFile.parse(String(decoding: data, as: UTF8.self), path: report.path).body.utf8)
    }

    /// The report's own fields for the template; empty ones left out (an empty string is true in Mustache).
    static func metadata(of report: SourceReport) -> [String: Any] {
        var meta: [String: Any] = ["title": report.title]
        if let date = report.date {
            meta["date"] = date.description
            meta["dateText"] = chineseDate(date)
        }
        for (key, value) in [("genre", report.genre), ("source", report.source), ("author", report.author),
                             ("collection", report.collection), ("origin", report.origin)] {
            if let value, !value.isEmpty { meta[key] = value }
        }
        if !report.places.isEmpty { meta["places"] = report.places.joined(separator: "、") }
        if !report.summary.isEmpty { meta["summary"] = report.summary }
        return meta
    }

    /// A front-matter value as one line of text: lists joined with 、.
    static func text(of value: FrontMatterValue) -> String {
        switch value {
        case .string(let text): return text
        case .list(let items): return items.map(text(of:)).joined(separator: "、")
        case .map(let pairs): return pairs.keys.sorted().map { "\($0): \(text(of: pairs[$0] ?? .null))" }.joined(separator: "; ")
        case .null: return ""
        }
    }

    static func isEmpty(_ value: FrontMatterValue) -> Bool {
        if case .null = value { return true }
        if case .string(let text) = value { return text.isEmpty }
        return false
    }

    /// A body opening with `# <its title>` would repeat the page's `<h1>`; that line is dropped.
    static func droppingTitleHeading(_ body: ArraySlice<UInt8>, title: String) -> ArraySlice<UInt8> {
        // Found by byte: walking a 15 KB body by `Character` cost more than rendering it.
        let end = body.firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
        guard body.first == UInt8(ascii: "#") else { return body }
        let firstLine = String(decoding: body[..<end], as: UTF8.self)
        guard firstLine.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces) == title else { return body }
        return body[end...]
    }

    /// The report's topics (with aliases) and regions, each linked at its first mention.
    func autoLinks(for id: Int, from here: PageLocation) -> [AutoLink] {
        let report = model.reports[id]
        var links = report.topics.map { name in
            AutoLink(terms: [name] + (model.topicsByName[name]?.aliases ?? []), href: here.href(model.topicPath(name)))
        }
        var seen: Set<String> = []
        for path in model.regionPaths(of: id) {
            for region in path where seen.insert(region.code).inserted {
                links.append(AutoLink(terms: [region.name], href: here.href(model.regionPath(region))))
            }
        }
        return links
    }

    /// The body's headings, indented by level; none for a body with fewer than two.
    func tableOfContents(_ entries: [Heading]) -> [[String: TemplateValue]] {
        guard entries.count >= 2 else { return [] }
        let top = entries.map(\.level).min() ?? 1
        return entries.map {
            ["text": .string($0.text), "anchor": .string($0.anchor), "depth": .int($0.level - top), "nested": .bool($0.level > top)]
        }
    }

    /// The newer and older report within the report's first topic.
    func sequence(of id: Int, from here: PageLocation) -> [String: Any]? {
        guard let (topic, newer, older) = model.neighbours(of: id), newer != nil || older != nil else { return nil }
        var sequence: [String: Any] = ["topic": topic, "topicHref": here.href(model.topicPath(topic))]
        if let newer { sequence["newer"] = reportItem(newer, from: here) }
        if let older { sequence["older"] = reportItem(older, from: here) }
        return sequence
    }
}
