extension Gazetteer {
    /// The regions a report's text names, each with all its ancestors, parents before children (code
    /// order), and the towns and townships it names as places.
    ///
    /// A name shared by several regions (鼓楼区) counts only when another region in the text settles
    /// it (南京); short forms followed by 路, 公司, 花园 … are not places, and followed by 镇/乡 they are towns.
    public func detect(in text: String) -> RegionDetection {
        let scalars = text.scalarArray
        let (mentions, towns) = index.detector.scan(scalars)

        var named: [Int] = []
        var seen: Set<Int> = []
        func add(_ position: Int) {
            if seen.insert(position).inserted { named.append(position) }
        }
        for mention in mentions where !mention.isWeak && mention.candidates.count == 1 { add(mention.candidates[0]) }
        let settled = named
        for mention in mentions where !mention.isWeak && mention.candidates.count > 1 {
            let supported = mention.candidates.filter { candidate in settled.contains { index.areRelated($0, candidate) } }
            if supported.count == 1 { add(supported[0]) }
        }
        // 太康 alone may be an ordinary word; with 周口 or 河南's 周口市 named it is the county.
        let strong = Set(named)
        for mention in mentions where mention.isWeak {
            let supported = mention.candidates.filter { index.parent[$0].map(strong.contains) ?? false }
            if supported.count == 1 { add(supported[0]) }
        }

        var withAncestors: Set<Int> = []
        for position in named { withAncestors.formUnion(index.path(of: position)) }
        let regions = withAncestors.map { self.regions[$0] }.sorted { $0.code < $1.code }
        return RegionDetection(regions: regions, places: places(towns, named: named))
    }

    /// `县名/乡镇名` when the county is clear: written right before the town, or the only county in a
    /// text whose every region lies on that county's line.
    private func places(_ towns: [RegionDetector.Town], named: [Int]) -> [String] {
        let counties = named.filter { regions[$0].level == .county }
        var soleCounty: Int?
        if counties.count == 1, named.allSatisfy({ $0 == counties[0] || index.isAncestor($0, of: counties[0]) }) {
            soleCounty = counties[0]
        }
        var places: [String] = []
        for town in towns {
            let place = (town.county ?? soleCounty).map { regions[$0].name + "/" + town.name } ?? town.name
            if !places.contains(place) { places.append(place) }
        }
        return places
    }
}
