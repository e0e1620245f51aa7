import Foundation
import Taxonomy
import Templates

extension PageRenderer {
    // MARK: - Region index

    /// The tree province › prefecture › county, only where reports exist, with roll-up counts.
    public func regionIndex() -> Page {
        let here = PageLocation(path: PageLocation.regions)
        var context = common(here, title: "地区", kind: "regionsPage")
        context["tree"] = model.topRegions.map { regionTree($0, from: here) }
        if !model.regionsByCode.isEmpty { context["map"] = regionMap(from: here) }
        return Page(path: here.path, bytes: templates.renderBytes("regions", context: context))
    }

    /// Every node carries `children` (maybe empty): the recursive partial must never find its
    /// parent's `children` by looking up the context stack.
    private func regionTree(_ region: Region, from here: PageLocation) -> [String: TemplateValue] {
        var node = regionLink(region, from: here)
        let children = (model.regionChildren[region.code] ?? []).map { regionTree($0, from: here) }
        node["children"] = .list(children.map { .object(TemplateObject($0)) })
        node["hasChildren"] = .bool(!children.isEmpty)
        return node
    }

    // MARK: - Region page

    /// A region's page lists every report about it or about any region under it.
    /// One page of it (counting from 1) when the list is long.
    public func region(_ region: Region, page: Int = 1) -> Page {
        let here = PageLocation(path: model.regionPath(region, page: page))
        let ids = model.reportsByRegion[region.code] ?? []
        let total = model.pageCount(for: ids.count)
        var context = common(here, title: page > 1 ? "\(region.name)（第\(page)页）" : region.name, kind: "regionPage")
        if let links = pagination(page: page, of: total, from: here, path: { model.regionPath(region, page: $0) }) {
            context["pagination"] = links
        }
        var info = regionLink(region, from: here)
        info["level"] = .string(Self.levelName(region.level))
        context["region"] = info
        context["breadcrumbs"] = model.gazetteer.path(of: region).dropLast().map { regionLink($0, from: here) }
        context["children"] = (model.regionChildren[region.code] ?? []).map { regionLink($0, from: here) }
        context["reports"] = model.slice(ids, page: page).map { reportItem($0, from: here) }
        // Facets describe the whole list; they are counted once, for the first page.
        guard page == 1 else { return Page(path: here.path, bytes: templates.renderBytes("region", context: context)) }
        context["topics"] = model.topicCounts(in: ids).map {
            ["name": $0.name, "href": here.href(model.topicPath($0.name)), "count": $0.count]
        }
        return Page(path: here.path, bytes: templates.renderBytes("region", context: context))
    }

    static func levelName(_ level: Region.Level) -> String {
        switch level {
        case .province: return "省级"
        case .prefecture: return "地级"
        case .county: return "县级"
        }
    }
}
