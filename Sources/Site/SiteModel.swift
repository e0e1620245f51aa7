import Content
import Foundation
import Taxonomy

/// Everything the pages need to know about the whole site, as metadata and indexes (no rendered
/// pages, no bodies). Built once; read concurrently by the page renderers.
public final class SiteModel: Sendable {
    public let config: SiteConfig
    public let vocabulary: TopicVocabulary
    public let gazetteer: Gazetteer
    /// Newest first; a report's position here is its id in every index below.
    public let reports: [SourceReport]
    /// Topic name → reports tagged with it, newest first.
    public let reportsByTopic: [String: [Int]]
    /// Region code → reports about it or about any region under it (roll-up), newest first.
    public let reportsByRegion: [String: [Int]]
    /// Regions with at least one report, by code (their ancestors included).
    public let regionsByCode: [String: Region]
    /// Region code → child regions with reports, in code order.
    public let regionChildren: [String: [Region]]
    /// Provinces (or other top regions) with reports, in code order.
    public let topRegions: [Region]
    /// Topic name → topic, for every topic in the vocabulary.
    public let topicsByName: [String: Topic]
    /// Topic name → its child topics, in vocabulary order.
    public let topicChildren: [String: [Topic]]
    /// Topics without a (known) parent, in vocabulary order.
    public let topTopics: [Topic]
    /// The topics the home page lists: site.yml's `taxonomy.homeTopics`, else `topTopics`.
    public let homeTopics: [Topic]
    /// The regions the home page lists: site.yml's `taxonomy.homeRegions` that have reports,
    /// else `topRegions`.
    public let homeRegions: [Region]
    /// Report id → its region codes with every ancestor, in code order.
    public let rolledUpRegions: [[String]]
    /// Report id → `regionPaths(of:)`, worked out once (on every core): report, topic and region
    /// pages all ask for it. The paths are the gazetteer's own arrays, shared, not copies.
    private let regionPathsByReport: [[[Region]]]
    /// Reports by genre, by year, and by topic within each top region.
    public let browse: BrowseIndex
    let related: RelatedIndex

    public init(config: SiteConfig, vocabulary: TopicVocabulary, gazetteer: Gazetteer, reports: [SourceReport]) {
        self.config = config
        self.vocabulary = vocabulary
        self.gazetteer = gazetteer
        // `SourceReport.newestFirst`, on keys worked out once per report.
        let dateKeys = reports.map { report in report.date.map { $0.year * 10_000 + ($0.month ?? 0) * 100 + ($0.day ?? 0) } ?? -1 }
        let order = reports.indices.sorted { a, b in
            dateKeys[a] != dateKeys[b] ? dateKeys[a] > dateKeys[b] : reports[a].slug < reports[b].slug
        }
        let reports = order.map { reports[$0] }
        self.reports = reports

        let regionPathsByReport = Parallel.map(Array(reports.indices)) { id in
            Self.regionPaths(of: reports[id].regions, in: gazetteer)
        }
        self.regionPathsByReport = regionPathsByReport
        var byTopic: [String: [Int]] = [:]
        var byRegion: [String: [Int]] = [:]
        var regions: [String: Region] = [:]
        var rolledUp: [[String]] = []
        rolledUp.reserveCapacity(reports.count)
        for (id, report) in reports.enumerated() {
            for topic in report.topics { byTopic[topic, default: []].append(id) }
            var codes: Set<String> = []
            // The paths cover every region named (a path dropped there is the start of another).
            for path in regionPathsByReport[id] {
                for step in path where codes.insert(step.code).inserted {
                    regions[step.code] = step
                }
            }
            let sortedCodes = codes.sorted()
            for code in sortedCodes { byRegion[code, default: []].append(id) }
            rolledUp.append(sortedCodes)
        }
        reportsByTopic = byTopic
        reportsByRegion = byRegion
        regionsByCode = regions
        rolledUpRegions = rolledUp

        var children: [String: [Region]] = [:]
        var top: [Region] = []
        for region in regions.values.sorted(by: { $0.code < $1.code }) {
            if let parent = region.parentCode, regions[parent] != nil {
                children[parent, default: []].append(region)
            } else {
                top.append(region)
            }
        }
        regionChildren = children
        topRegions = top

        var topicsByName: [String: Topic] = [:]
        for topic in vocabulary.topics { topicsByName[topic.name] = topic }
        var topicChildren: [String: [Topic]] = [:]
        var topTopics: [Topic] = []
        for topic in vocabulary.topics {
            if let parent = topic.parent, topicsByName[parent] != nil, parent != topic.name {
                topicChildren[parent, default: []].append(topic)
            } else {
                topTopics.append(topic)
            }
        }
        self.topicsByName = topicsByName
        self.topicChildren = topicChildren
        self.topTopics = topTopics
        let chosenTopics = config.taxonomy.homeTopics.compactMap { topicsByName[$0.name] }
        homeTopics = config.taxonomy.homeTopics.isEmpty ? topTopics : chosenTopics
        let chosenRegions = gazetteer.resolve(config.taxonomy.homeRegions.map(\.name)).regions.compactMap { regions[$0.code] }
        homeRegions = config.taxonomy.homeRegions.isEmpty ? top : chosenRegions

        // The two indexes over every report, side by side.
        let weights = config.taxonomy.relatedWeights
        let topCodes = Set(top.map(\.code))
        let rolledUpRegions = rolledUp
        let indexes = Parallel.map([0, 1], chunksPerCore: 1) { part -> (RelatedIndex?, BrowseIndex?) in
            part == 0
                ? (RelatedIndex(reports: reports, rolledUpRegions: rolledUpRegions, weights: weights), nil)
                : (nil, BrowseIndex(reports: reports, rolledUpRegions: rolledUpRegions, topCodes: topCodes))
        }
        related = indexes[0].0!
        browse = indexes[1].1!
    }

    // MARK: - Queries

    public func count(topic name: String) -> Int {
        reportsByTopic[name]?.count ?? 0
    }

    public func count(region code: String) -> Int {
        reportsByRegion[code]?.count ?? 0
    }

    /// The closest reports by shared topics and regions, rarer ones weighing more (times site.yml's
    /// `taxonomy.relatedWeights`); never the report itself.
    public func relatedReports(to id: Int) -> [Int] {
        related.closest(to: id, limit: config.related)
    }

    /// The newer and the older report in the report's first topic.
    public func neighbours(of id: Int) -> (topic: String, newer: Int?, older: Int?)? {
        guard let topic = reports[id].topics.first, let list = reportsByTopic[topic] else { return nil }
        // Lists are in id order, so the report's place is found by binary search.
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < id { low = mid + 1 } else { high = mid }
        }
        guard low < list.count, list[low] == id else { return nil }
        return (topic, low > 0 ? list[low - 1] : nil, low + 1 < list.count ? list[low + 1] : nil)
    }

    /// The report's regions as paths from the top, one per region named (ancestors named too are not repeated).
    public func regionPaths(of id: Int) -> [[Region]] {
        regionPathsByReport[id]
    }

    static func regionPaths(of named: [Region], in gazetteer: Gazetteer) -> [[Region]] {
        if named.count == 1 { return [gazetteer.path(of: named[0])] }
        let paths = named.map { gazetteer.path(of: $0) }
        // Drop a path that is the start of another one: 江苏省 is shown inside 江苏省 › 苏州市 › 昆山市.
        let codes = paths.map { $0.map(\.code) }
        return paths.indices.filter { index in
            let path = codes[index]
            return !codes.indices.contains { other in
                other != index && codes[other].count > path.count && codes[other].starts(with: path)
            } && !codes[..<index].contains(path)
        }.map { paths[$0] }
    }

    /// Topic names with how many of these reports carry them, most first, then by name.
    public func topicCounts(in ids: [Int]) -> [(name: String, count: Int)] {
        var counts: [String: Int] = [:]
        for id in ids { for topic in reports[id].topics { counts[topic, default: 0] += 1 } }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
