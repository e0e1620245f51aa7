import Content
import Foundation
import Ingest
import Testing

/// Whole runs of `policykb ingest` over a temporary site folder.
@Suite struct IngestRunTests {
    /// A site folder with the given raw files and the repository's taxonomy (or empty files).
    struct TempSite {
        let root: URL

        init(raw: [String: Data]) throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("policykb-ingest-\(UUID().uuidString)", isDirectory: true)
            let fm = FileManager.default
            let rawFolder = root.appendingPathComponent("content/raw")
            let taxonomy = root.appendingPathComponent("content/taxonomy")
            try fm.createDirectory(at: rawFolder, withIntermediateDirectories: true)
            try fm.createDirectory(at: taxonomy, withIntermediateDirectories: true)
            for file in ["topics.yml", "regions.csv"] {
                let real = Fixtures.taxonomyFolder.appendingPathComponent(file)
                let data = (try? Data(contentsOf: real)) ?? Data()
                try data.write(to: taxonomy.appendingPathComponent(file))
            }
            for (name, data) in raw { try data.write(to: rawFolder.appendingPathComponent(name)) }
        }

        func run(force: Bool = false) throws(Diagnostics) -> IngestRun.Outcome {
            try IngestRun(root: root, force: force).run()
        }

        var reports: URL { root.appendingPathComponent("content/reports") }

        /// Every file under content/reports/ with its bytes.
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: reports.path) {
                files[name] = try Data(contentsOf: reports.appendingPathComponent(name))
            }
            return files
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func samples() throws -> [String: Data] {
        var raw: [String: Data] = [:]
        for name in Fixtures.sampleNames {
            raw[name] = try Data(contentsOf: Fixtures.rawFolder.appendingPathComponent(name))
        }
        return raw
    }

    @Test func twoRunsGiveByteIdenticalFiles() throws {
        let site = try TempSite(raw: Self.samples())
        defer { site.remove() }
        let first = try site.run()
        #expect(!first.failed)
        #expect(first.entries.count == 7)
        #expect(first.entries.allSatisfy { $0.status == .written })
        let before = try site.snapshot()
        #expect(before.keys.contains(IngestManifest.fileName))
        #expect(!before.keys.contains { $0.hasSuffix(".tmp") }, "no temporary files are left")
        let second = try site.run()
        #expect(second.entries.allSatisfy { $0.status == .unchanged })
        #expect(try site.snapshot() == before)
    }

    /// Report files are written on every core: a file that cannot be written is an error naming
    /// it, the others are written all the same, and the manifest knows them (a file written but
    /// left out of it would look edited by hand next time).
    @Test func aReportThatCannotBeWrittenIsAnErrorAndTheOthersAreStillRecorded() throws {
        let site = try TempSite(raw: Self.samples())
        defer { site.remove() }
        let first = try site.run()
        let blocked = try #require(first.entries.first)
        let blockedURL = site.root.appendingPathComponent(blocked.file)
        let manifestURL = site.reports.appendingPathComponent(IngestManifest.fileName)
        let before = try site.snapshot()
        // Every other report's raw text changes, so each of their files must be written again.
        for name in Fixtures.sampleNames where "raw/\(name)" != blocked.origin {
            let url = site.root.appendingPathComponent("content/raw/\(name)")
            try (Data(contentsOf: url) + Data("\n补充一段新的内容，以便重新写入。\n".utf8)).write(to: url)
        }
        try FileManager.default.removeItem(at: blockedURL)
        try FileManager.default.createDirectory(at: blockedURL.appendingPathComponent("in-the-way"), withIntermediateDirectories: true)

        do {
            _ = try site.run()
            Issue.record("the run did not fail")
        } catch {
            #expect(error.items.count == 1)
            #expect(error.items.first?.path == blocked.file)
            #expect(error.items.first?.message.hasPrefix("cannot write the report") == true)
        }
        let manifest = try JSONDecoder().decode(IngestManifest.self, from: Data(contentsOf: manifestURL))
        var rewritten = 0
        for entry in first.entries where entry.file != blocked.file {
            let name = String(entry.file.dropFirst("content/reports/".count))
            let bytes = try Data(contentsOf: site.root.appendingPathComponent(entry.file))
            if bytes != before[name] { rewritten += 1 }
            #expect(manifest.files[name]?.hash == FNV1a.hex(bytes), "\(name) is in the manifest as it is on disk")
        }
        // (A collection's earlier parts are unchanged: the added paragraph belongs to its last.)
        #expect(rewritten >= 3)
        // Once the folder is out of the way, the next run writes that report and no other is kept.
        try FileManager.default.removeItem(at: blockedURL)
        let last = try site.run()
        #expect(last.entries.allSatisfy { $0.status != .kept })
        #expect(FileManager.default.fileExists(atPath: blockedURL.path))
    }

    @Test func anEditedReportIsKeptUntilForced() throws {
        let site = try TempSite(raw: Self.samples())
        defer { site.remove() }
        let first = try site.run()
        let entry = try #require(first.entries.first)
        let url = site.root.appendingPathComponent(entry.file)
        let edited = try String(contentsOf: url, encoding: .utf8) + "\n我的批注。\n"
        try edited.write(to: url, atomically: true, encoding: .utf8)

        let second = try site.run()
        #expect(second.entries.first?.status == .kept)
        #expect(second.diagnostics.contains { $0.message == "kept \(entry.file): edited since ingest; use --force to overwrite" })
        #expect(try String(contentsOf: url, encoding: .utf8) == edited)

        let forced = try site.run(force: true)
        #expect(forced.entries.first?.status == .written)
        #expect(try String(contentsOf: url, encoding: .utf8) != edited)
    }

    @Test func anOriginKeepsItsFileWhenItsTitleChanges() throws {
        let text = "关于县域营商环境的调研报告\n近年来，某县持续优化营商环境，成效明显。\n"
        let site = try TempSite(raw: ["a.txt": Data(text.utf8)])
        defer { site.remove() }
        let first = try site.run()
        let renamed = text.replacingOccurrences(of: "县域营商环境", with: "乡镇招商引资")
        try Data(renamed.utf8).write(to: site.root.appendingPathComponent("content/raw/a.txt"))
        let second = try site.run()
        #expect(second.entries.first?.file == first.entries.first?.file)
        #expect(second.entries.first?.title == "关于乡镇招商引资的调研报告")
    }

    @Test func theSameTextTwiceIsWrittenOnceWithAWarningNamingBothFiles() throws {
        let data = try Fixtures.sample("000").data
        let site = try TempSite(raw: ["a.txt": data, "b.txt": data])
        defer { site.remove() }
        let outcome = try site.run()
        #expect(outcome.entries.count == 1)
        #expect(!outcome.failed)
        let warnings = outcome.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.description.contains("content/raw/b.txt") == true)
        #expect(warnings.first?.description.contains("content/raw/a.txt") == true)
    }

    @Test func badFilesGetOneErrorEachWhileGoodFilesAreWritten() throws {
        var raw = try Self.samples()
        raw["binary.txt"] = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02, 0x03])
        raw["cut.txt"] = Data("关于县域经济的调研报告\n近年来成效明显。".utf8).dropLast(2)
        raw["empty.txt"] = Data()
        raw["chrome.txt"] = Data("首页 > 新闻 > 正文\n下载app\n扫码关注\n分享到微信朋友圈\n版权所有 © 2024\n回到顶部\n".utf8)
        raw[".hidden.txt"] = Data([0x00, 0x01])
        let site = try TempSite(raw: raw)
        defer { site.remove() }
        let outcome = try site.run()
        #expect(outcome.failed)
        #expect(outcome.entries.count == 7)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.path).sorted() == ["content/raw/binary.txt", "content/raw/chrome.txt", "content/raw/cut.txt", "content/raw/empty.txt"])
        #expect(errors.first { $0.path.hasSuffix("binary.txt") }?.message.contains("not a text file") == true)
        #expect(errors.first { $0.path.hasSuffix("cut.txt") }?.message.contains("truncated UTF-8") == true)
        #expect(errors.first { $0.path.hasSuffix("empty.txt") }?.message.contains("empty file") == true)
        #expect(errors.first { $0.path.hasSuffix("chrome.txt") }?.message.contains("no report text") == true)
    }

    @Test func aMissingTaxonomyStopsTheRunWithAClearError() throws {
        let site = try TempSite(raw: ["a.txt": Data("关于县域经济的调研报告\n近年来成效明显。".utf8)])
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/taxonomy/topics.yml"))
        do {
            _ = try site.run()
        } catch {
            #expect(error.description.hasPrefix("content/taxonomy/topics.yml: error:"))
        }
    }
}

extension IngestRunTests {
    @Test func withoutItsManifestARunFindsItsFilesByOriginAndDuplicatesNothing() throws {
        let site = try TempSite(raw: Self.samples())
        defer { site.remove() }
        _ = try site.run()
        let before = try site.snapshot()
        try FileManager.default.removeItem(at: site.reports.appendingPathComponent(IngestManifest.fileName))
        let second = try site.run()
        #expect(second.entries.allSatisfy { $0.status == .unchanged })
        #expect(try site.snapshot() == before)
    }
}
