import Content
import Foundation
import Taxonomy

/// The lists the browse pages need besides topics and regions: reports by genre, by year, and by
/// topic within each province (the topic index's heatmap and its intersection pages).
public struct BrowseIndex: Sendable {
    /// Genre → reports of that genre, newest first; genres sorted by name.
    public let reportsByGenre: [String: [Int]]
    /// Year → reports dated in it, newest first.
    public let reportsByYear: [Int: [Int]]
    /// Topic name → top-region code → reports with that topic about that region or any under it.
    /// Only non-empty cells exist, so intersection pages never outnumber the reports' tags.
    public let reportsByTopicAndTop: [String: [String: [Int]]]
    /// Genre → its URL slug, unique: two genres whose pinyin is the same (调研报告, 调研·报告)
    /// get `-2`, `-3`, … in name order, so neither page overwrites the other.
    public let genreSlugs: [String: String]

    init(reports: [SourceReport], rolledUpRegions: [[String]], topCodes: Set<String>) {
        var genres: [String: [Int]] = [:]
        var years: [Int: [Int]] = [:]
        var cells: [String: [String: [Int]]] = [:]
        for (id, report) in reports.enumerated() {
            if let genre = report.genre, !genre.isEmpty { genres[genre, default: []].append(id) }
            if let year = report.date?.year { years[year, default: []].append(id) }
            let tops = rolledUpRegions[id].filter(topCodes.contains)
            for topic in report.topics {
                for code in tops { cells[topic, default: [:]][code, default: []].append(id) }
            }
        }
        reportsByGenre = genres
        var slugs: [String: String] = [:]
        var taken: Set<String> = []
        for genre in genres.keys.sorted() {
            let base = Slug.make(genre)
            var slug = base
            var number = 2
            while !taken.insert(slug).inserted {
                slug = "\(base)-\(number)"
                number += 1
            }
            slugs[genre] = slug
        }
        genreSlugs = slugs
        reportsByYear = years
        reportsByTopicAndTop = cells
    }

    /// Genres by number of reports, most first, then by name.
    public var genres: [(name: String, count: Int)] {
        reportsByGenre.map { ($0.key, $0.value.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    /// Years, newest first.
    public var years: [Int] { reportsByYear.keys.sorted(by: >) }
}

extension SiteModel {
    /// A genre's URL slug: pinyin of its name (调研报告 → diao-yan-bao-gao), unique among genres.
    public func genreSlug(_ genre: String) -> String { browse.genreSlugs[genre] ?? Slug.make(genre) }

    public func genrePath(_ genre: String, page: Int = 1) -> String {
        PageLocation.listed(under: "genres/\(genreSlug(genre))", page: page)
    }

    public func yearPath(_ year: Int, page: Int = 1) -> String {
        PageLocation.listed(under: "years/\(year)", page: page)
    }

    /// The reports with a topic in a province: `topics/<topic>/regions/<province>/`.
    public func topicRegionPath(_ topic: String, _ region: Region, page: Int = 1) -> String {
        let topicFolder = String(topicPath(topic).dropLast("/index.html".count))
        return PageLocation.listed(under: "\(topicFolder)/regions/\(slug(of: region))", page: page)
    }
}
