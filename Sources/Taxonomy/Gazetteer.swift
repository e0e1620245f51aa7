import Content
import Foundation

/// China's administrative divisions down to county level (`content/taxonomy/regions.csv`), with the
/// lookups the pipeline needs: by code and name, ancestors, children, front-matter names and free text.
public struct Gazetteer: Sendable {
    /// All regions, in the order given (the CSV is sorted by code).
    public var regions: [Region] {
        didSet { index = GazetteerIndex(regions: regions) }
    }

    private(set) var index: GazetteerIndex

    public init(regions: [Region]) {
        self.regions = regions
        self.index = GazetteerIndex(regions: regions)
    }

    /// Parses the gazetteer CSV (`content/taxonomy/regions.csv`); bad rows come back as `path:line` diagnostics.
    /// Without `slugs`, every region's slug is empty: transliterating 3,400 names is most of the
    /// time it takes to read the file, and ingest names regions by their names only.
    public init(csv: String, path: String, slugs: Bool = true) throws(Diagnostics) {
        self.init(regions: try GazetteerCSV.parse(csv, path: path, slugs: slugs))
    }

    public static func load(from url: URL, slugs: Bool = true) throws(Diagnostics) -> Gazetteer {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw Diagnostics([.error("cannot read the gazetteer: \(error.localizedDescription)", path: url.path)])
        }
        return try Gazetteer(csv: text, path: url.path, slugs: slugs)
    }

    // MARK: - Lookups

    public func region(code: String) -> Region? {
        index.byCode[code].map { regions[$0] }
    }

    /// Regions with this official name (鼓楼区 gives four).
    public func regions(named name: String) -> [Region] {
        (index.byName[name] ?? []).map { regions[$0] }
    }

    /// The region with this slug.
    public func region(slug: String) -> Region? {
        index.bySlug[slug].map { regions[$0] }
    }

    /// The parent region, nil for provinces.
    public func parent(of region: Region) -> Region? {
        region.parentCode.flatMap { self.region(code: $0) }
    }

    /// Ancestors then the region itself: 江苏省, 苏州市, 昆山市.
    public func path(of region: Region) -> [Region] {
        guard let start = index.byCode[region.code] else { return [region] }
        return index.regionPaths[start]
    }

    /// Direct children in code order (a province's prefectures, or a 直辖市's districts).
    public func children(of region: Region) -> [Region] {
        guard let position = index.byCode[region.code] else { return [] }
        return index.children[position].map { regions[$0] }
    }
}

// MARK: - Index

/// Lookup tables built once per gazetteer; a class so that copies of a `Gazetteer` share them.
/// The detector (what ingest finds regions in text with) is built the first time it is asked
/// for: a build of the site, whose reports name their regions, seldom needs it.
final class GazetteerIndex: @unchecked Sendable {
    let byCode: [String: Int]
    let byName: [String: [Int]]
    let bySlug: [String: Int]
    let parent: [Int?]
    let children: [[Int]]
    /// Each region's `path(of:)` as regions, made once: pages ask for reports' paths all the time.
    let regionPaths: [[Region]]
    private let regions: [Region]
    private let lock = NSLock()
    private var builtDetector: RegionDetector?

    var detector: RegionDetector {
        lock.withLock {
            if let builtDetector { return builtDetector }
            let detector = RegionDetector(regions: regions, byName: byName, parent: parent)
            builtDetector = detector
            return detector
        }
    }

    init(regions: [Region]) {
        var byCode: [String: Int] = [:]
        var byName: [String: [Int]] = [:]
        var bySlug: [String: Int] = [:]
        for (position, region) in regions.enumerated() {
            if byCode[region.code] == nil { byCode[region.code] = position }
            byName[region.name, default: []].append(position)
            if bySlug[region.slug] == nil { bySlug[region.slug] = position }
        }
        var children = [[Int]](repeating: [], count: regions.count)
        let parent: [Int?] = regions.enumerated().map { position, region in
            guard let code = region.parentCode, let found = byCode[code], found != position else { return nil }
            children[found].append(position)
            return found
        }
        self.byCode = byCode
        self.byName = byName
        self.bySlug = bySlug
        self.parent = parent
        self.children = children.map { $0.sorted { regions[$0].code < regions[$1].code } }
        self.regions = regions
        regionPaths = regions.indices.map { [parent] position in
            Self.path(of: position, parent: parent).map { regions[$0] }
        }
    }

    /// Positions from the province down to `position`; stops on a cycle rather than looping.
    func path(of position: Int) -> [Int] {
        Self.path(of: position, parent: parent)
    }

    private static func path(of position: Int, parent: [Int?]) -> [Int] {
        var path = [position]
        var current = parent[position]
        while let next = current, !path.contains(next), path.count < 8 {
            path.append(next)
            current = parent[next]
        }
        return path.reversed()
    }

    func isAncestor(_ ancestor: Int, of position: Int) -> Bool {
        var current = parent[position]
        var steps = 0
        while let next = current, steps < 8 {
            if next == ancestor { return true }
            current = parent[next]
            steps += 1
        }
        return false
    }

    /// Whether two regions lie on one line of descent (either is the other's ancestor).
    func areRelated(_ a: Int, _ b: Int) -> Bool {
        isAncestor(a, of: b) || isAncestor(b, of: a)
    }
}
