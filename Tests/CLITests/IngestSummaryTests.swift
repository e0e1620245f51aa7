import Foundation
import Testing

/// `policykb ingest` ends with a summary a user can review, and gives the same as data with --json.
@Suite struct IngestSummaryTests {
    @Test func theSummaryNamesEachReportWithItsGenreTagsRegionsAndWhatWasDropped() throws {
        let site = try SampleSite()
        defer { site.remove() }
        let result = try PolicyKBBinary.run(["ingest", "--site", site.root.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let reportLines = lines.filter { $0.contains("content/reports/") }
        #expect(reportLines.count == 7)
        for line in reportLines {
            #expect(line.contains("tags:") && line.contains("regions:") && line.contains("dropped"), "\(line)")
        }
        #expect(reportLines.contains { $0.contains("关于乡镇培育“新质生产力”的调研报告") && $0.contains("[调研报告]") })
        #expect(lines.last?.hasPrefix("ingest: 7 reports") == true)
    }

    @Test func jsonGivesTheSameSummaryAsData() throws {
        let site = try SampleSite()
        defer { site.remove() }
        let result = try PolicyKBBinary.run(["ingest", "--site", site.root.path, "--json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let reports = json?["reports"] as? [[String: Any]] ?? []
        #expect(reports.count == 7)
        #expect(json?["failed"] as? Bool == false)
        let titles = reports.compactMap { $0["title"] as? String }
        #expect(titles.contains("“四管”齐下激活乡镇发展新动能带动县域经济“满盘活”"))
        for report in reports {
            #expect(report["genre"] is String)
            #expect((report["tags"] as? [String])?.isEmpty == false)
            #expect((report["regions"] as? [String])?.isEmpty == false)
            let file = report["file"] as? String ?? ""
            #expect(FileManager.default.fileExists(atPath: site.url(file).path), "\(file)")
        }
    }
}
