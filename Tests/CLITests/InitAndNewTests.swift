import Foundation
import Testing

/// `policykb init` and `policykb new`, run as a user runs them.
@Suite struct InitAndNewTests {
    @Test func initThenBuildGivesASiteWhoseLinksAllResolve() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("kb")

        let created = try PolicyKBBinary.run(["init", site.path])
        #expect(created.status == 0, "init failed: \(created.stderr)")
        for file in ["site.yml", "README.md", "content/taxonomy/topics.yml", "content/taxonomy/regions.csv",
                     "templates/layout.mustache", "templates/assets/site.css"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "init should write \(file)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/raw").path)
            .filter { !$0.hasPrefix(".") }.isEmpty)

        let build = try PolicyKBBinary.run(["build", "--site", site.path])
        #expect(build.status == 0, "build of a new site failed: \(build.stderr)")
        let check = try PolicyKBBinary.run(["check", "--site", site.path])
        #expect(check.status == 0, "check of a new site failed: \(check.stderr)")
    }

    @Test func initRefusesAFolderThatIsNotEmptyUnlessForced() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "mine".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

        let refused = try PolicyKBBinary.run(["init", folder.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--force"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site.yml").path))

        let forced = try PolicyKBBinary.run(["init", "--force", folder.path])
        #expect(forced.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site.yml").path))
        #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func newWritesAReportThatBuildsWithItsTagsAndRegions() throws {
        let site = try SampleSite()
        defer { site.remove() }

        let new = try PolicyKBBinary.run(["new", "关于昆山市优化营商环境的调研报告", "--tags", "营商环境,招商引资",
                                          "--regions", "昆山市", "--site", site.root.path])
        #expect(new.status == 0, "new failed: \(new.stderr)")
        let path = "content/reports/guan-yu-kun-shan-shi-you-hua-ying-shang-huan-jing-de-diao-yan-bao-gao.md"
        #expect(new.stdout.contains(path))
        let text = try String(contentsOf: site.url(path), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: 关于昆山市优化营商环境的调研报告\n"))
        #expect(text.contains("- 营商环境") && text.contains("- 招商引资") && text.contains("- 昆山市"))

        let build = try PolicyKBBinary.run(["build", "--site", site.root.path])
        #expect(build.status == 0, "the new report should build: \(build.stderr)")
        #expect(site.files(under: "public").contains(
            "reports/guan-yu-kun-shan-shi-you-hua-ying-shang-huan-jing-de-diao-yan-bao-gao/index.html"))
    }

    @Test func newRefusesAnUnknownTagWithTheNearestTopicAndWritesNothing() throws {
        let site = try SampleSite()
        defer { site.remove() }

        let result = try PolicyKBBinary.run(["new", "某县调研", "--tags", "营商坏境", "--site", site.root.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("营商坏境"))
        #expect(result.stderr.contains("did you mean `营商环境`"), "should suggest the nearest topic: \(result.stderr)")
        #expect(site.files(under: "content/reports").isEmpty)
    }

    @Test func newRefusesAnUnknownRegion() throws {
        let site = try SampleSite()
        defer { site.remove() }

        let result = try PolicyKBBinary.run(["new", "某县调研", "--regions", "不存在县", "--site", site.root.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown region `不存在县`"))
    }

    @Test func newNeverOverwritesAnExistingReport() throws {
        let site = try SampleSite()
        defer { site.remove() }
        let first = try PolicyKBBinary.run(["new", "乡村振兴调研", "--site", site.root.path])
        #expect(first.status == 0, "\(first.stderr)")
        let path = site.url("content/reports/xiang-cun-zhen-xing-diao-yan.md")
        try "---\ntitle: 我改过的\n---\n\n正文。\n".write(to: path, atomically: true, encoding: .utf8)

        let second = try PolicyKBBinary.run(["new", "乡村振兴调研", "--site", site.root.path])
        #expect(second.status != 0)
        #expect(second.stderr.contains("exists"))
        #expect(try String(contentsOf: path, encoding: .utf8).contains("我改过的"))
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("policykb-init-\(UUID().uuidString)")
    }
}
