import Foundation
import Testing

/// The built `policykb` binary, run as a user would run it.
@Suite struct CommandLineTests {
    @Test(arguments: [
        ("ingest", ["content/raw", "content/reports"]),
        ("build", ["content/reports", "public"]),
        ("check", ["public"]),
    ])
    func helpSaysWhatEachCommandReadsAndWrites(command: String, mentions: [String]) throws {
        let result = try PolicyKBBinary.run([command, "--help"])
        #expect(result.status == 0)
        for path in mentions {
            #expect(result.stdout.contains(path), "`policykb \(command) --help` should mention \(path)")
        }
    }

    @Test func theRootHelpListsTheCommands() throws {
        let result = try PolicyKBBinary.run(["--help"])
        #expect(result.status == 0)
        for command in ["ingest", "build", "check"] {
            #expect(result.stdout.contains(command))
        }
    }

    @Test func ingestThenBuildTurnsTheSampleCorpusIntoASiteWithNoBrokenLink() throws {
        let site = try SampleSite()
        defer { site.remove() }

        let ingest = try PolicyKBBinary.run(["ingest", "--site", site.root.path])
        #expect(ingest.status == 0, "ingest failed: \(ingest.stderr)")
        let reports = site.files(under: "content/reports").filter { $0.hasSuffix(".md") }
        #expect(reports.count == 7)

        let build = try PolicyKBBinary.run(["build", "--site", site.root.path])
        #expect(build.status == 0, "build failed: \(build.stderr)")
        let pages = site.files(under: "public")
        for page in ["index.html", "topics/index.html", "regions/index.html"] {
            #expect(pages.contains(page), "missing \(page)")
        }
        #expect(pages.filter { $0.hasPrefix("reports/") && $0.hasSuffix("/index.html") }.count == 7)
        #expect(pages.contains { $0.hasPrefix("topics/") && $0 != "topics/index.html" })
        #expect(pages.contains { $0.hasPrefix("regions/") && $0 != "regions/index.html" })

        let check = try PolicyKBBinary.run(["check", "--site", site.root.path])
        #expect(check.status == 0, "check found problems: \(check.stdout)\(check.stderr)")
    }

    @Test func aBadRawFileIsNamedAndTheOthersAreStillIngested() throws {
        let site = try SampleSite()
        defer { site.remove() }
        try Data([0x00, 0xFF, 0x13, 0x37, 0x00, 0x01, 0x02]).write(to: site.url("content/raw/broken.bin"))

        let ingest = try PolicyKBBinary.run(["ingest", "--site", site.root.path])
        #expect(ingest.status != 0)
        #expect(ingest.stderr.contains("broken.bin"))
        #expect(ingest.stderr.contains("error:"))
        #expect(site.files(under: "content/reports").filter { $0.hasSuffix(".md") }.count == 7)
    }

    @Test func aFailedBuildNamesTheFileAndLineAndLeavesPublicAsItWas() throws {
        let site = try SampleSite()
        defer { site.remove() }
        #expect(try PolicyKBBinary.run(["ingest", "--site", site.root.path]).status == 0)
        #expect(try PolicyKBBinary.run(["build", "--site", site.root.path]).status == 0)
        let before = site.files(under: "public")

        let bad = "---\ntitle: 坏的报告\ntags:\n  - 营商坏境\n---\n\n正文。\n"
        try bad.write(to: site.url("content/reports/bad.md"), atomically: true, encoding: .utf8)
        let build = try PolicyKBBinary.run(["build", "--site", site.root.path])
        #expect(build.status != 0)
        #expect(build.stderr.contains("bad.md:4:"), "diagnostic should name the file and line: \(build.stderr)")
        #expect(build.stderr.contains("营商环境"), "diagnostic should suggest the closest topic: \(build.stderr)")
        #expect(site.files(under: "public") == before)
    }
}
