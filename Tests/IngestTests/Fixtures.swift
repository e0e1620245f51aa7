import Content
import Foundation
import Ingest
import Taxonomy

/// The repository's real samples and taxonomy, found from this file's location.
enum Fixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rawFolder = repoRoot.appendingPathComponent("content/raw")
    static let taxonomyFolder = repoRoot.appendingPathComponent("content/taxonomy")

    static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: rawFolder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    static func sample(_ prefix: String) throws -> (name: String, data: Data) {
        guard let name = sampleNames.first(where: { $0.hasPrefix(prefix) }) else {
            throw FixtureError.missing(prefix)
        }
        return (name, try Data(contentsOf: rawFolder.appendingPathComponent(name)))
    }

    /// The real taxonomy when the repository has it, otherwise an empty one.
    static let ingester: Ingester = {
        let topics = taxonomyFolder.appendingPathComponent("topics.yml")
        let regions = taxonomyFolder.appendingPathComponent("regions.csv")
        let vocabulary = (try? TopicVocabulary.load(from: topics)) ?? TopicVocabulary(topics: [])
        let gazetteer = (try? Gazetteer.load(from: regions)) ?? Gazetteer(regions: [])
        return Ingester(vocabulary: vocabulary, gazetteer: gazetteer)
    }()

    /// Every report from the five samples, in file order.
    static func allSampleReports() throws -> [IngestedReport] {
        var reports: [IngestedReport] = []
        for name in sampleNames {
            let data = try Data(contentsOf: rawFolder.appendingPathComponent(name))
            let result = ingester.ingest(data, path: "content/raw/\(name)", origin: "raw/\(name)")
            reports += result.reports
        }
        return reports
    }

    static func report(_ prefix: String, part: Int? = nil) throws -> IngestedReport {
        let (name, data) = try sample(prefix)
        let result = ingester.ingest(data, path: "content/raw/\(name)", origin: "raw/\(name)")
        let origin = part.map { "raw/\(name)#\($0)" } ?? "raw/\(name)"
        guard let report = result.reports.first(where: { $0.report.origin == origin }) else {
            throw FixtureError.missing(origin)
        }
        return report
    }

    /// Ingests one text given inline.
    static func ingest(_ text: String, name: String = "t.txt") -> IngestResult {
        Ingester().ingest(Data(text.utf8), path: "content/raw/\(name)", origin: "raw/\(name)")
    }

    enum FixtureError: Error { case missing(String) }
}

extension IngestedReport {
    /// Markdown heading lines of the body.
    var headingLines: [String] {
        report.body.split(separator: "\n").map(String.init).filter { $0.hasPrefix("#") }
    }
}
