import Foundation
import Taxonomy
import Templates

extension PageRenderer {
    /// How many co-occurring topics and regions a topic page lists.
    static let topicFacetLimit = 30

    // MARK: - Topic index

    /// Every topic with its count, grouped under its top-level topic.
    public func topicIndex() -> Page {
        let here = PageLocation(path: PageLocation.topics)
        var context = common(here, title: "主题", kind: "topicsPage")
        context["groups"] = model.topTopics.map { topic -> [String: TemplateValue] in
            var group = topicLink(topic, from: here)
            let children = descendants(of: topic.name, depth: 1, from: here)
            group["children"] = .list(children.map { .object(TemplateObject($0)) })
            group["hasChildren"] = .bool(!children.isEmpty)
            return group
        }
        if let heatmap = heatmap(from: here) { context["heatmap"] = heatmap }
        return Page(path: here.path, bytes: templates.renderBytes("topics", context: context))
    }

    /// Children, grandchildren, … flattened in vocabulary order, each with its depth.
    private func descendants(of name: String, depth: Int, from here: PageLocation, seen: Set<String> = []) -> [[String: TemplateValue]] {
        var seen = seen
        seen.insert(name)
        var list: [[String: TemplateValue]] = []
        for child in model.topicChildren[name] ?? [] where !seen.contains(child.name) {
            var link = topicLink(child, from: here)
            link["depth"] = .int(depth)
            list.append(link)
            list += descendants(of: child.name, depth: depth + 1, from: here, seen: seen)
        }
        return list
    }

    // MARK: - Topic page

    /// One page of a topic: its reports newest first (`page` of them, counting from 1).
    public func topic(_ topic: Topic, page: Int = 1) -> Page {
        let here = PageLocation(path: model.topicPath(topic.name, page: page))
        let ids = model.reportsByTopic[topic.name] ?? []
        let total = model.pageCount(for: ids.count)
        var context = common(here, title: page > 1 ? "\(topic.name)（第\(page)页）" : topic.name, kind: "topicPage")
        if let links = pagination(page: page, of: total, from: here, path: { model.topicPath(topic.name, page: $0) }) {
            context["pagination"] = links
        }
        context["topic"] = topicLink(topic, from: here)
        context["alternateFeed"] = ["title": "\(topic.name) · \(model.config.title)", "href": here.href(PageLocation.topicFeed(model.slug(of: topic)))]
        if let parent = topic.parent.flatMap({ model.topicsByName[$0] }) {
            context["parent"] = topicLink(parent, from: here)
        }
        context["children"] = (model.topicChildren[topic.name] ?? []).map { topicLink($0, from: here) }
        context["reports"] = model.slice(ids, page: page).map { reportItem($0, from: here) }
        // Facets describe the whole list; they are counted once, for the first page.
        guard page == 1 else { return Page(path: here.path, bytes: templates.renderBytes("topic", context: context)) }
        context["coTopics"] = model.topicCounts(in: ids)
            .filter { $0.name != topic.name }
            .prefix(Self.topicFacetLimit)
            .map { ["name": $0.name, "href": here.href(model.topicPath($0.name)), "count": $0.count] }
        context["regions"] = regionCounts(in: ids).prefix(Self.topicFacetLimit).map { region, count in
            ["name": region.name, "href": here.href(model.regionPath(region)), "count": count]
        }
        return Page(path: here.path, bytes: templates.renderBytes("topic", context: context))
    }

    /// The regions these reports are about (the most specific each names), most reports first.
    private func regionCounts(in ids: [Int]) -> [(Region, Int)] {
        var counts: [String: (Region, Int)] = [:]
        for id in ids {
            // The paths are distinct (`regionPaths`), and so are the regions they end in.
            for region in model.regionPaths(of: id).compactMap(\.last) {
                counts[region.code, default: (region, 0)].1 += 1
            }
        }
        return counts.values.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.code < $1.0.code }
    }
}
