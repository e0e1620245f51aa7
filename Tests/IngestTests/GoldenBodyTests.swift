import Foundation
import Ingest
import Testing

/// The Markdown bodies of the samples, compared with reviewed copies in .golden/ (hidden, so SwiftPM does not take them for resources). Only bodies:
/// front matter also holds tags and regions, which change with the taxonomy.
///
/// Re-record after an intended change with `POLICYKB_RECORD_GOLDEN=1 swift test --filter GoldenBodyTests`
/// and review the diff.
@Suite struct GoldenBodyTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(".golden")
    static let recording = ProcessInfo.processInfo.environment["POLICYKB_RECORD_GOLDEN"] == "1"

    @Test func sampleBodiesMatchTheirReviewedCopies() throws {
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        }
        for ingested in try Fixtures.allSampleReports() {
            let origin = try #require(ingested.report.origin)
            let name = origin.replacingOccurrences(of: "raw/", with: "")
                .replacingOccurrences(of: ".txt", with: "")
                .replacingOccurrences(of: "#", with: "-") + ".md"
            let url = Self.folder.appendingPathComponent(name)
            if Self.recording {
                try Data(ingested.report.body.utf8).write(to: url)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(ingested.report.body == expected, "\(name) differs from its golden copy")
        }
    }
}
