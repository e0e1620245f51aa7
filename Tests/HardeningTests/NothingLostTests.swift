import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A killed `build` or `ingest` never leaves a half-written site or report, and no value in a
/// report can make policykb write outside `public/` and `content/`.
@Suite(.serialized) struct NothingLostTests {
    /// A generated corpus (scripts/bench/generate-corpus.py). 100 reports, not 300: a debug build of
    /// 300 takes about 12 s here, and fifty kills spread over a build would take six minutes.
    static func corpusSite() throws -> InlineSite {
        let site = InlineSite(root: FileManager.default.temporaryDirectory.appendingPathComponent("policykb-corpus-\(UUID().uuidString)"))
        let script = PolicyKB.repoRoot.appendingPathComponent("scripts/bench/generate-corpus.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, "--count", "100", "--out", site.root.path, "--site", PolicyKB.repoRoot.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return site
    }

    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now()
        try work()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    @Test func aBuildKilledAtAnyMomentLeavesThePreviousSiteComplete() throws {
        let site = try Self.corpusSite()
        defer { site.remove() }
        var first: PolicyKB.Result?
        let buildTime = try Self.seconds { first = try site.build() }
        #expect(first?.status == 0, "\(first?.stderr ?? "")")
        let previous = site.listing("public")
        #expect(previous.count > 100)

        var finished = 0
        for run in 0..<50 {
            let pid = PolicyKB.spawn(["build", "--site", site.root.path, "--quiet"])
            // Half the kills anywhere in the build, half around its end, where the new site is swapped in.
            let delay = run.isMultiple(of: 2) ? Double.random(in: 0...buildTime) : Double.random(in: (buildTime * 0.7)...(buildTime * 1.5))
            usleep(UInt32(delay * 1_000_000))
            if PolicyKB.kill(pid) { finished += 1 }
            // The build is deterministic, so a finished build and the previous one look the same.
            let now = site.listing("public")
            #expect(now.count == previous.count, "run \(run): \(now.count) files, expected \(previous.count)")
            #expect(now == previous, "run \(run): public/ differs from the previous site")
            if now != previous { break }
        }
        print("50 killed builds (\(finished) finished first); one build takes \(buildTime) s")

        // Staging folders of killed builds do not pile up or break the next build.
        #expect(try site.build().status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(site.listing("public") == previous)
    }

    @Test func anIngestKilledMidRunLeavesEveryReportOldOrNew() throws {
        let site = try InlineSite()
        defer { site.remove() }
        let samples = PolicyKB.repoRoot.appendingPathComponent("content/raw")
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { !$0.hasPrefix(".") }
        // Many raw files, so that the run writes for a while.
        for copy in 0..<12 {
            for name in names {
                var text = try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
                text += "\n第\(copy)份。\n"
                try site.write(text, to: "content/raw/\(copy)-\(name)")
            }
        }
        var first: PolicyKB.Result?
        let ingestTime = try Self.seconds { first = try site.ingest() }
        #expect(first?.status == 0, "\(first?.stderr ?? "")")
        let old = site.listing("content/reports")

        // Change every raw file, so that a finished ingest writes new reports; remember them.
        let newSite = try InlineSite()
        defer { newSite.remove() }
        for (path, _) in site.listing("content/raw") {
            let text = site.read("content/raw/\(path)")! + "\n新增一段文字，说明修订后的情况。\n"
            try site.write(text, to: "content/raw/\(path)")
            try newSite.write(text, to: "content/raw/\(path)")
        }
        #expect(try newSite.ingest().status == 0)
        let new = newSite.listing("content/reports")

        var finished = 0
        for run in 0..<50 {
            let pid = PolicyKB.spawn(["ingest", "--site", site.root.path])
            usleep(UInt32(Double.random(in: 0...(ingestTime * 1.1)) * 1_000_000))
            if PolicyKB.kill(pid) { finished += 1 }
            var intact = true
            for (name, bytes) in site.listing("content/reports") where name.hasSuffix(".md") {
                #expect(bytes == old[name] || bytes == new[name], "run \(run): \(name) is neither the old nor the new report")
                if bytes != old[name] && bytes != new[name] { intact = false }
            }
            if !intact { break }
            // Every other run starts again from the old reports, so that kills keep landing mid-run.
            if run.isMultiple(of: 2) {
                for (name, bytes) in old { try site.write(Data(bytes), to: "content/reports/\(name)") }
            }
        }
        print("50 killed ingests (\(finished) finished first); one ingest takes \(ingestTime) s")
        // The temporary files of killed runs are gone after the next one.
        #expect(try site.ingest().status == 0)
        let temporary = site.listing("content/reports").keys.filter { $0.hasSuffix(".tmp") }
        #expect(temporary.isEmpty, "\(temporary)")
    }

    /// Slugs, tags, regions and file names that name other places are refused or made safe.
    @Test func noValueInAReportWritesOutsidePublic() throws {
        let site = try InlineSite([
            "content/reports/a.md": InlineSite.report("title: 甲\nslug: ../../etc/x"),
            "content/reports/b.md": InlineSite.report("title: 乙\nslug: /tmp/policykb-escape"),
            "content/reports/c.md": InlineSite.report("title: 丙\nslug: ..%2F..%2Fx"),
        ])
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status != 0)
        #expect(result.errors.count == 3)
        for error in result.errors { #expect(error.contains("is not a valid slug"), "\(error)") }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/policykb-escape"))
        #expect(!site.allPaths().contains { $0.contains("etc/x") })
    }

    @Test func fileNamesAndTopicNamesWithSlashesStayInsidePublic() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-escape-\(UUID().uuidString)")
        let site = try InlineSite([
            "content/taxonomy/topics.yml": """
                - name: ../../\(outside.lastPathComponent)
                  description: a topic whose name looks like a path
                - name: a/b/../../c
                  description: another
                """,
            "content/reports/..md": InlineSite.report("title: 点", body: "正文。"),
            "content/reports/...md": InlineSite.report("title: 点点\ntags: [../../\(outside.lastPathComponent), a/b/../../c]"),
        ])
        defer { site.remove() }
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: site.root.deletingLastPathComponent().path))
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: outside.path))
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: site.root.deletingLastPathComponent().path))
        #expect(after.subtracting(before).filter { $0.hasPrefix("policykb-escape") }.isEmpty)
        let top = Set(try FileManager.default.contentsOfDirectory(atPath: site.root.path))
        // The build writes public/ and its cache in .policykb/, nothing else.
        #expect(top == ["content", "public", "site.yml", "templates", ".policykb"], "\(top)")
        let cache = Set(try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent(".policykb").path))
        #expect(cache == ["build-cache", "gazetteer-cache", "transliterations"], "\(cache)")
    }
}
