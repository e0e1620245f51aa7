import Content
import Foundation

/// Regions found in a text: every region with its ancestors, and towns/townships as places.
public struct RegionDetection: Equatable, Sendable {
    /// Regions named in the text plus their ancestors, each once, parents before children.
    public var regions: [Region]
    /// Towns and townships (东屯乡, 芦溪镇), written `县名/乡镇名` when the county is known.
    public var places: [String]

    public init(regions: [Region] = [], places: [String] = []) {
        self.regions = regions
        self.places = places
    }
}

/// The result of resolving the region names written in a report's front matter.
public struct RegionResolution: Equatable, Sendable {
    public var regions: [Region]
    public var unknown: [String]
    public var ambiguous: [String]
}

/// China's administrative divisions down to county level. STUB: the Taxonomy stage replaces this file.
public struct Gazetteer: Sendable {
    public var regions: [Region]

    public init(regions: [Region]) {
        self.regions = regions
    }

    /// Parses the gazetteer CSV (`content/taxonomy/regions.csv`).
    public init(csv: String, path: String) throws(Diagnostics) {
        self.regions = []
    }

    public static func load(from url: URL) throws(Diagnostics) -> Gazetteer {
        Gazetteer(regions: [])
    }

    public func region(code: String) -> Region? { nil }

    /// Ancestors then the region itself: 江苏省, 苏州市, 昆山市.
    public func path(of region: Region) -> [Region] { [region] }

    public func children(of region: Region) -> [Region] { [] }

    /// Resolves names as written in front matter: official names (昆山市), a name with its parent
    /// (北京市朝阳区), or a code. A name shared by several regions is resolved by the other names in the list.
    public func resolve(_ names: [String]) -> RegionResolution {
        RegionResolution(regions: [], unknown: names, ambiguous: [])
    }

    /// The regions and places a report's text names.
    public func detect(in text: String) -> RegionDetection { RegionDetection() }
}
