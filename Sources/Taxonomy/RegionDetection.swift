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

    /// Official names of `regions`, in order: what a report's `regions:` front matter holds.
    public var regionNames: [String] { regions.map(\.name) }
}

/// The result of resolving the region names written in a report's front matter.
public struct RegionResolution: Equatable, Sendable {
    /// Regions found, each once, in input order.
    public var regions: [Region]
    /// Names that are not in the gazetteer.
    public var unknown: [String]
    /// Names shared by several regions that the other names in the list do not settle (朝阳区 alone).
    public var ambiguous: [String]

    public init(regions: [Region] = [], unknown: [String] = [], ambiguous: [String] = []) {
        self.regions = regions
        self.unknown = unknown
        self.ambiguous = ambiguous
    }
}
