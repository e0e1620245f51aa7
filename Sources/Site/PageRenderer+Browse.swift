import Foundation
import Taxonomy

extension PageRenderer {
    // MARK: - Genres and years

    /// Every genre with its count, most reports first.
    public func genreIndex() -> Page {
        let here = PageLocation(path: PageLocation.genres)
        var context = common(here, title: "体裁", kind: "genresPage")
        context["lead"] = "按体裁浏览报告：调研报告、工作总结、讲话稿……数字为报告篇数。"
        context["entries"] = model.browse.genres.map {
            ["name": $0.name, "href": here.href(model.genrePath($0.name)), "count": $0.count] as [String: Any]
        }
        return Page(path: here.path, bytes: templates.renderBytes("browse", context: context))
    }

    /// Every year with reports, newest first.
    public func yearIndex() -> Page {
        let here = PageLocation(path: PageLocation.years)
        var context = common(here, title: "年份", kind: "yearsPage")
        context["lead"] = "按发布年份浏览报告，最新的在前。数字为报告篇数。"
        context["entries"] = model.browse.years.map {
            ["name": "\($0)年", "href": here.href(model.yearPath($0)), "count": model.browse.reportsByYear[$0]?.count ?? 0] as [String: Any]
        }
        return Page(path: here.path, bytes: templates.renderBytes("browse", context: context))
    }

    public func genre(_ genre: String, page: Int = 1) -> Page {
        list(
            title: genre, ids: model.browse.reportsByGenre[genre] ?? [], page: page, kind: "genresPage",
            breadcrumbs: [("体裁", PageLocation.genres)], path: { model.genrePath(genre, page: $0) })
    }

    public func year(_ year: Int, page: Int = 1) -> Page {
        list(
            title: "\(year)年", ids: model.browse.reportsByYear[year] ?? [], page: page, kind: "yearsPage",
            breadcrumbs: [("年份", PageLocation.years)], path: { model.yearPath(year, page: $0) })
    }

    /// The reports with a topic in a top region: where a heatmap cell leads.
    public func topicInRegion(_ topic: Topic, _ region: Region, page: Int = 1) -> Page {
        list(
            title: "\(topic.name) · \(region.name)",
            ids: model.browse.reportsByTopicAndTop[topic.name]?[region.code] ?? [], page: page, kind: "topicsPage",
            breadcrumbs: [("主题", PageLocation.topics), (topic.name, model.topicPath(topic.name)), (region.name, model.regionPath(region))],
            path: { model.topicRegionPath(topic.name, region, page: $0) })
    }

    /// A list of reports, newest first, one page of it, under a trail of links.
    private func list(
        title: String, ids: [Int], page: Int, kind: String,
        breadcrumbs: [(name: String, path: String)], path: @escaping (Int) -> String
    ) -> Page {
        let here = PageLocation(path: path(page))
        var context = common(here, title: page > 1 ? "\(title)（第\(page)页）" : title, kind: kind)
        context["heading"] = title
        context["count"] = ids.count
        context["breadcrumbs"] = breadcrumbs.map { ["name": $0.name, "href": here.href($0.path)] }
        if let links = pagination(page: page, of: model.pageCount(for: ids.count), from: here, path: path) {
            context["pagination"] = links
        }
        context["reports"] = model.slice(ids, page: page).map { reportItem($0, from: here) }
        return Page(path: here.path, bytes: templates.renderBytes("list", context: context))
    }

    // MARK: - Map and heatmap

    /// The region map's SVG, for the `map` variable (already escaped HTML), marking regions down to `deepest`.
    func regionMap(from here: PageLocation, deepest: Region.Level = .county) -> String {
        RegionMap(model: model, deepest: deepest).svg(from: here)
    }

    /// Topics × top regions: rows are topics with reports in a top region, columns the top regions
    /// with reports; a cell's `level` (1–5) grows with its share of the largest cell.
    func heatmap(from here: PageLocation) -> [String: Any]? {
        let columns = model.topRegions
        let cells = model.browse.reportsByTopicAndTop
        let most = cells.values.flatMap(\.values).map(\.count).max() ?? 0
        guard most > 0, !columns.isEmpty else { return nil }
        let rows = model.vocabulary.topics.compactMap { topic -> [String: Any]? in
            guard let row = cells[topic.name] else { return nil }
            return [
                "name": topic.name,
                "href": here.href(model.topicPath(topic.name)),
                "cells": columns.map { region -> [String: Any] in
                    let count = row[region.code]?.count ?? 0
                    guard count > 0 else { return ["region": region.name, "level": 0] }
                    return [
                        "region": region.name,
                        "count": count,
                        "level": 1 + (4 * count) / most,
                        "link": here.href(model.topicRegionPath(topic.name, region)),
                    ]
                },
            ]
        }
        return [
            "columns": columns.map { ["name": $0.name, "href": here.href(model.regionPath($0))] },
            "rows": rows,
        ]
    }
}
