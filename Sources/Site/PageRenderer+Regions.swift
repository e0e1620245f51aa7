import Foundation
import Taxonomy

extension PageRenderer {
    // MARK: - Region index

    /// The tree province › prefecture › county, only where reports exist, with roll-up counts.
    public func regionIndex() -> Page {
        let here = PageLocation(path: PageLocation.regions)
        var context = common(here, title: "地区", kind: "regionsPage")
        context["tree"] = model.topRegions.map { regionTree($0, from: here) }
        return Page(path: here.path, contents: templates.render("regions", context: context))
    }

    /// Every node carries `children` (maybe empty): the recursive partial must never find its
    /// parent's `children` by looking up the context stack.
    private func regionTree(_ region: Region, from here: PageLocation) -> [String: Any] {
        var node = regionLink(region, from: here)
        let children = (model.regionChildren[region.code] ?? []).map { regionTree($0, from: here) }
        node["children"] = children
        node["hasChildren"] = !children.isEmpty
        return node
    }

    // MARK: - Region page

    /// A region's page lists every report about it or about any region under it.
    public func region(_ region: Region) -> Page {
        let here = PageLocation(path: model.regionPath(region))
        var context = common(here, title: region.name, kind: "regionPage")
        let ids = model.reportsByRegion[region.code] ?? []
        var info = regionLink(region, from: here)
        info["level"] = Self.levelName(region.level)
        context["region"] = info
        context["breadcrumbs"] = model.gazetteer.path(of: region).dropLast().map { regionLink($0, from: here) }
        context["children"] = (model.regionChildren[region.code] ?? []).map { regionLink($0, from: here) }
        context["reports"] = ids.map { reportItem($0, from: here) }
        context["topics"] = model.topicCounts(in: ids).map {
            ["name": $0.name, "href": here.href(model.topicPath($0.name)), "count": $0.count]
        }
        return Page(path: here.path, contents: templates.render("region", context: context))
    }

    static func levelName(_ level: Region.Level) -> String {
        switch level {
        case .province: return "省级"
        case .prefecture: return "地级"
        case .county: return "县级"
        }
    }
}
