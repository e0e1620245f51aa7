import Content
import Taxonomy

/// The pages that show a report as an entry of a list (its title and summary), found when only
/// those changed: every list it is on stays the same otherwise, so only these pages and the
/// reports' own pages need rendering.
struct RelistedPages: Sendable {
    /// Paths of list pages (home, topics, regions, genres, years, topic × province) showing one of the reports.
    var paths: Set<String> = []
    /// Reports whose page lists one of them as related, newer or older.
    var reports: Set<Int> = []

    init(_ ids: Set<Int>, model: SiteModel?) {
        guard !ids.isEmpty, let model else { return }
        if ids.contains(where: { $0 < model.config.homeNewest }) { paths.insert(PageLocation.home) }
        var neighbours: Set<Int> = []
        for id in ids {
            let report = model.reports[id]
            for topic in report.topics {
                let list = model.reportsByTopic[topic] ?? []
                if let page = Self.page(of: id, in: list, model: model) { paths.insert(model.topicPath(topic, page: page)) }
                for other in list where other != id { neighbours.insert(other) }
                for (code, cell) in model.browse.reportsByTopicAndTop[topic] ?? [:] {
                    guard let region = model.regionsByCode[code], let page = Self.page(of: id, in: cell, model: model) else { continue }
                    paths.insert(model.topicRegionPath(topic, region, page: page))
                }
            }
            for code in model.rolledUpRegions[id] {
                let list = model.reportsByRegion[code] ?? []
                if let region = model.regionsByCode[code], let page = Self.page(of: id, in: list, model: model) {
                    paths.insert(model.regionPath(region, page: page))
                }
                for other in list where other != id { neighbours.insert(other) }
            }
            if let genre = report.genre, let list = model.browse.reportsByGenre[genre], let page = Self.page(of: id, in: list, model: model) {
                paths.insert(model.genrePath(genre, page: page))
            }
            if let year = report.date?.year, let list = model.browse.reportsByYear[year], let page = Self.page(of: id, in: list, model: model) {
                paths.insert(model.yearPath(year, page: page))
            }
        }
        // Only a report sharing a topic or a region with one of them can list it as related or
        // as its neighbour in a topic.
        let candidates = neighbours.subtracting(ids).sorted()
        let listing = Parallel.map(candidates) { other -> Bool in
            if model.relatedReports(to: other).contains(where: ids.contains) { return true }
            guard let (_, newer, older) = model.neighbours(of: other) else { return false }
            return newer.map(ids.contains) == true || older.map(ids.contains) == true
        }
        reports = Set(zip(candidates, listing).filter(\.1).map(\.0))
    }

    /// The page of a list that shows the report, counting from 1.
    private static func page(of id: Int, in list: [Int], model: SiteModel) -> Int? {
        guard let position = list.firstIndex(of: id) else { return nil }
        let size = model.config.pageSize
        return size > 0 ? position / size + 1 : 1
    }
}
