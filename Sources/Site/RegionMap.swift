import Foundation
import Taxonomy

/// The region map: an SVG drawn at build time, one mark per region with reports at its gazetteer
/// coordinates, on an equirectangular projection of China's extent. No script, no tiles.
///
/// A mark's area grows with the region's roll-up count (its reports and those of every region
/// under it), so a province's mark is never smaller than its counties'. Provinces are drawn first
/// and counties last, so the smaller marks stay on top and clickable.
struct RegionMap {
    /// The extent drawn, in degrees; a point outside is clamped to the edge.
    static let west = 73.0, east = 135.0, south = 18.0, north = 54.0
    /// SVG units per degree.
    static let scale = 10.0
    static let minRadius = 2.5, maxRadius = 14.0

    let model: SiteModel
    /// The deepest level marked: the home page stops at prefectures, so a big site's home page
    /// stays light; the region index marks counties too.
    var deepest: Region.Level = .county

    /// The `<svg>` element, with links relative to `here`. Every name is escaped here.
    func svg(from here: PageLocation) -> String {
        let width = (Self.east - Self.west) * Self.scale
        let height = (Self.north - Self.south) * Self.scale
        let regions = model.regionsByCode.values.filter { $0.level <= deepest }.sorted {
            $0.level != $1.level ? $0.level < $1.level
                : model.count(region: $0.code) != model.count(region: $1.code) ? model.count(region: $0.code) > model.count(region: $1.code)
                : $0.code < $1.code
        }
        let most = regions.map { model.count(region: $0.code) }.max() ?? 1
        var svg = "<svg class=\"region-map\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" aria-label=\"报告地区分布图：圆点越大，报告越多\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        svg += "<rect class=\"map-frame\" x=\"0\" y=\"0\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\"/>\n"
        svg += graticule(width: width, height: height)
        svg += backdrop()
        var labels: [(x: Double, y: Double, width: Double)] = []
        for region in regions {
            let count = model.count(region: region.code)
            let (x, y) = Self.project(longitude: region.longitude, latitude: region.latitude)
            let radius = Self.radius(count: count, most: most)
            let name = FeedWriter.escape(region.name)
            svg += "<a href=\"\(FeedWriter.escape(here.href(model.regionPath(region))))\" class=\"mark level-\(region.level.rawValue)\">"
            svg += "<title>\(name)：\(count) 篇报告</title>"
            svg += "<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" data-count=\"\(count)\"/>"
            // Province names, unless one already drawn is in the way (the tooltip still names it).
            let label = (x: x + radius + 3, y: y + 4, width: Double(region.name.count) * 13)
            if region.level == .province, !labels.contains(where: { abs($0.y - label.y) < 15 && label.x < $0.x + $0.width && $0.x < label.x + label.width }) {
                labels.append(label)
                svg += "<text x=\"\(Self.number(label.x))\" y=\"\(Self.number(label.y))\">\(name)</text>"
            }
            svg += "</a>\n"
        }
        return svg + "</svg>"
    }

    /// Equirectangular: x grows east, y grows south, from the extent's north-west corner.
    static func project(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
        let lon = min(max(longitude, west), east)
        let lat = min(max(latitude, south), north)
        return ((lon - west) * scale, (north - lat) * scale)
    }

    /// Area proportional to the count: radius by its square root, between the two bounds.
    static func radius(count: Int, most: Int) -> Double {
        guard most > 0 else { return minRadius }
        return minRadius + (maxRadius - minRadius) * (Double(count) / Double(most)).squareRoot()
    }

    /// One decimal place at most, the same on every machine: the value in tenths, rounded, written
    /// with integers (`String(format:)` went through Foundation for each of the map's numbers).
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        if tenths % 10 == 0 { return String(tenths / 10) }
        let magnitude = tenths.magnitude
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    /// A faint dot at every prefecture of the gazetteer, with or without reports: the country's
    /// shape without boundary data.
    private func backdrop() -> String {
        var path = ""
        for region in model.gazetteer.regions where region.level == .prefecture {
            let (x, y) = Self.project(longitude: region.longitude, latitude: region.latitude)
            path += "M\(Self.number(x)) \(Self.number(y))h0"
        }
        return path.isEmpty ? "" : "<path class=\"map-land\" d=\"\(path)\"/>\n"
    }

    /// Light lines every 10 degrees, to read the position of a mark against.
    private func graticule(width: Double, height: Double) -> String {
        var path = ""
        for lon in stride(from: 80.0, to: Self.east, by: 10) {
            let x = Self.number((lon - Self.west) * Self.scale)
            path += "M\(x) 0V\(Self.number(height))"
        }
        for lat in stride(from: 20.0, to: Self.north, by: 10) {
            let y = Self.number((Self.north - lat) * Self.scale)
            path += "M0 \(y)H\(Self.number(width))"
        }
        return "<path class=\"map-grid\" d=\"\(path)\"/>\n"
    }
}
