import Foundation
import Testing

/// The whole HTML of one report page, compared byte for byte with a reviewed file.
/// Re-record after an intended change with `POLICYKB_RECORD=1 swift test --filter GoldenPageTests`
/// and review the diff.
@Suite
struct GoldenPageTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/report-kunshan-yingshang.html")

    @Test func reportPageMatchesItsGoldenFile() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.build()
        let html = try site.page("reports/kunshan-yingshang/index.html")
        if ProcessInfo.processInfo.environment["POLICYKB_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: Self.golden)
            return
        }
        let expected = try? String(contentsOf: Self.golden, encoding: .utf8)
        #expect(expected != nil, "no golden file yet: record it with POLICYKB_RECORD=1")
        guard let expected, expected != html else { return }
        let got = html.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
        Issue.record("""
            report page differs from \(Self.golden.lastPathComponent) at line \(line + 1):
            expected: \(line < want.count ? String(want[line]) : "<end>")
            actual:   \(line < got.count ? String(got[line]) : "<end>")
            """)
    }
}
