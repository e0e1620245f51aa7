import Content
import Foundation
import Search
import Site
import Testing

/// A small rebuild keeps the site it replaced in `.policykb/spare-<id>`, and the next small
/// rebuild starts from it instead of linking every file of the site into an empty folder. Every
/// build below is compared with a full build of the same files, and the site each replaced must
/// be left as it was published: files are replaced in the staging folder, never written through
/// the hard links it shares with the published site.
@Suite(.serialized)
struct SpareSiteTests {
    typealias Site = IncrementalBuildTests.Site

    static func spareFolders(_ site: Site) -> [URL] {
        let folder = site.root.appendingPathComponent(".policykb")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("spare-") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Builds `site` in full, then again after an edit to one report: that build leaves a spare site.
    @discardableResult
    static func leaveASpare(_ site: Site, editing index: Int = 1) throws -> BuildContext {
        try site.build()
        try site.edit(site.reports[index], IncrementalBuildTests.appendingParagraph)
        return try site.rebuildMatchesFullBuild("a first edit, to leave a spare site")
    }

    static func body(of text: String) -> (front: String, body: String) {
        let parts = text.components(separatedBy: "\n---\n")
        return (parts[0], parts.dropFirst().joined(separator: "\n---\n"))
    }

    @Test func aSmallRebuildKeepsTheSiteItReplacedAndTheNextStartsFromIt() throws {
        let site = try Site()
        try site.build()
        #expect(Self.spareFolders(site).isEmpty, "a full build writes every file: nothing to keep")
        let firstSite = site.published

        try site.edit(site.reports[3], IncrementalBuildTests.appendingParagraph)
        let second = try site.rebuildMatchesFullBuild("one body appended to")
        #expect(second.writer?.startedFromSpare == false)
        #expect(second.searchPatched)
        let firstSpare = Self.spareFolders(site)
        try #require(firstSpare.count == 1)
        #expect(Site.snapshot(firstSpare[0]) == firstSite, "the spare site is the site the build replaced")
        let secondSite = site.published

        try site.edit(site.reports[9], IncrementalBuildTests.appendingParagraph)
        let third = try site.rebuildMatchesFullBuild("another body appended to, built from the spare site")
        #expect(third.writer?.startedFromSpare == true)
        #expect(third.pagesRendered == 1)
        #expect(third.searchPatched)
        let secondSpare = Self.spareFolders(site)
        try #require(secondSpare.count == 1)
        #expect(secondSpare != firstSpare)
        #expect(Site.snapshot(secondSpare[0]) == secondSite, "the site it replaced is as it was published")

        // A report edited again and again, its title too (the lists, feeds and API showing it are
        // written again): each build starts from the one before last, and leaves the one it replaced as it was.
        let original = try site.read(site.reports[9])
        for round in 0..<4 {
            var text = original + "\n第\(round)轮。\n"
            if round.isMultiple(of: 2) { text = text.replacingOccurrences(of: "title: \"", with: "title: \"第\(round)轮 ") }
            try site.write(text, to: site.reports[9])
            let before = site.published
            let context = try site.rebuildMatchesFullBuild("round \(round) of edits to one report")
            #expect(context.writer?.startedFromSpare == true)
            let spare = Self.spareFolders(site)
            try #require(spare.count == 1)
            #expect(Site.snapshot(spare[0]) == before, "round \(round): the site it replaced is as it was published")
        }
        try site.write(original, to: site.reports[9])
        _ = try site.rebuildMatchesFullBuild("the report as it was")
    }

    @Test func filesTheSearchIndexNoLongerHasLeaveTheSpareSiteToo() throws {
        let site = try Site(count: 120)
        let spared = try Self.leaveASpare(site, editing: 0)

        // One long body cut to its start, another made longer by as much: the average length
        // stays, so the index is patched, and the short text has no rest file any more.
        let model = try #require(spared.model)
        let short = try #require(model.reports.indices.first { id in
            FileManager.default.fileExists(atPath: site.root.path + "/public/search/" + SearchFormat.restKey(id) + ".js")
                && site.reports.contains { model.reports[id].path.hasSuffix($0) }
        })
        let shortPath = try #require(site.reports.first { model.reports[short].path.hasSuffix($0) })
        let longPath = try #require(site.reports.first { $0 != shortPath })
        let (front, body) = Self.body(of: try site.read(shortPath))
        let cut = body.index(body.startIndex, offsetBy: 300)
        try site.write(front + "\n---\n" + String(body[..<cut]) + "\n", to: shortPath)
        try site.edit(longPath) { $0 + "\n" + String(body[cut...]) + "\n" }
        let context = try site.rebuildMatchesFullBuild("a text cut short, another made longer")
        #expect(context.writer?.startedFromSpare == true)
        #expect(context.searchPatched)
        #expect(site.published["search/" + SearchFormat.restKey(short) + ".js"] == nil)

        // The next build starts from the site that still had the file: it goes there too.
        try site.edit(site.reports[5], IncrementalBuildTests.appendingParagraph)
        let next = try site.rebuildMatchesFullBuild("the build after")
        #expect(next.writer?.startedFromSpare == true)
    }

    @Test func filesRemovedByHandAreWrittenAgain() throws {
        let site = try Site(count: 40)
        let second = try Self.leaveASpare(site)
        #expect(second.pagesRendered == 1)
        let model = try #require(second.model)
        func id(of path: String) throws -> Int {
            try #require(model.reports.indices.first { model.reports[$0].path.hasSuffix(path) })
        }

        // The files the last build wrote come from public/ into the spare site: those removed by
        // hand are made again. The search index then is written whole.
        let text = "search/" + SearchFormat.documentKey(try id(of: site.reports[1])) + ".js"
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("public/sitemap.xml"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("public/" + text))
        try site.edit(site.reports[2], IncrementalBuildTests.appendingParagraph)
        let third = try site.rebuildMatchesFullBuild("sitemap.xml and a search file removed by hand")
        #expect(third.writer?.startedFromSpare == true)
        #expect(!third.searchPatched)

        // So is the page a build rendered (a page it did not render is in the spare site).
        try site.edit(site.reports[4], IncrementalBuildTests.appendingParagraph)
        _ = try site.rebuildMatchesFullBuild("another edit")
        let page = "public/reports/" + model.reports[try id(of: site.reports[4])].slug + "/index.html"
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(page))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("public/index.html"))
        try site.edit(site.reports[5], IncrementalBuildTests.appendingParagraph)
        let fourth = try site.rebuildMatchesFullBuild("a report page and the home page removed by hand")
        #expect(fourth.writer?.startedFromSpare == true)
        #expect(fourth.pagesRendered == 2, "the edited report's page and the one removed by hand")
    }

    @Test func anIndexFileTheLastBuildWroteRemovedByHandMakesTheIndexWholeAgain() throws {
        let site = try Site()
        try site.build()
        for index in [1, 2] {
            try site.edit(site.reports[index], IncrementalBuildTests.appendingParagraph)
            _ = try site.rebuildMatchesFullBuild("edit \(index)")
        }
        // A file the last build wrote has one link (the spare site holds the version before);
        // a file it took over has two.
        let folder = site.root.appendingPathComponent("public/search/p")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { name in
            let links = try? FileManager.default.attributesOfItem(atPath: folder.path + "/" + name)[.referenceCount] as? Int
            return links == 1
        }
        try #require(!written.isEmpty)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(written[0]))
        // No report changed, so no list of the index is read: the file would stay missing.
        let context = try site.rebuildMatchesFullBuild("no edit; search/p/\(written[0]) removed by hand")
        #expect(context.writer?.startedFromSpare == true)
        #expect(!context.searchPatched)
    }

    @Test func buildsThatMoveOrRewriteManyPagesKeepNoSpareSite() throws {
        let site = try Site(count: 40)
        try Self.leaveASpare(site)
        #expect(Self.spareFolders(site).count == 1)

        // A topic added to a report moves it onto other lists: no spare is used or kept.
        try site.edit(site.reports[4]) { $0.replacingOccurrences(of: "tags:\n", with: "tags:\n  - 营商环境\n") }
        let moved = try site.rebuildMatchesFullBuild("a topic added")
        #expect(moved.writer?.startedFromSpare == false)
        #expect(Self.spareFolders(site).isEmpty)

        try site.edit(site.reports[1], IncrementalBuildTests.appendingParagraph)
        _ = try site.rebuildMatchesFullBuild("an edit after it")
        #expect(Self.spareFolders(site).count == 1)

        // Every page rendered again: the site it replaced would be old copies of all of them.
        try site.edit("templates/layout.mustache") { $0.replacingOccurrences(of: "</body>", with: "<!-- 页脚 --></body>") }
        let template = try site.rebuildMatchesFullBuild("the layout changed")
        #expect(template.writer?.startedFromSpare == true)
        #expect(Self.spareFolders(site).isEmpty)
        try site.edit(site.reports[2], IncrementalBuildTests.appendingParagraph)
        let after = try site.rebuildMatchesFullBuild("an edit after the template")
        #expect(after.writer?.startedFromSpare == false)

        // A spare site no cache names (left by a build killed after putting it there) is removed.
        let stray = site.root.appendingPathComponent(".policykb/spare-123abc")
        try FileManager.default.createDirectory(at: stray.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try site.edit(site.reports[3], IncrementalBuildTests.appendingParagraph)
        _ = try site.rebuildMatchesFullBuild("with a stray spare folder")
        #expect(!FileManager.default.fileExists(atPath: stray.path))
        try site.build(incremental: false)
        #expect(Self.spareFolders(site).isEmpty)
    }

    @Test func anAssetRemovedDoesNotComeBackFromTheSpareSite() throws {
        let site = try Site()
        try site.write("附加文件\n", to: "templates/assets/extra.txt")
        try Self.leaveASpare(site)
        #expect(site.published["assets/extra.txt"] != nil)

        // The site this build replaces still has the file (a build that changes the assets keeps
        // no spare site, and this one renders every page: the templates' folder changed).
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("templates/assets/extra.txt"))
        try site.edit(site.reports[2], IncrementalBuildTests.appendingParagraph)
        let removed = try site.rebuildMatchesFullBuild("an asset removed")
        #expect(removed.writer?.startedFromSpare == false)
        try site.edit(site.reports[3], IncrementalBuildTests.appendingParagraph)
        _ = try site.rebuildMatchesFullBuild("the edit after it")
        #expect(site.published["assets/extra.txt"] == nil)
    }

    @Test func aFailedBuildLeavesThePublishedSiteAndTheSpareOne() throws {
        let site = try Site(count: 40)
        try Self.leaveASpare(site)
        let before = site.published
        let original = try site.read(site.reports[6])
        try site.write(original.replacingOccurrences(of: "title: \"", with: "title: [\"") , to: site.reports[6])
        try site.edit(site.reports[2], IncrementalBuildTests.appendingParagraph)
        #expect(throws: Diagnostics.self) { try site.build() }
        #expect(site.published == before)

        try site.write(original, to: site.reports[6])
        let fixed = try site.rebuildMatchesFullBuild("the broken report fixed")
        #expect(fixed.writer?.startedFromSpare == true, "a build that failed before writing left the spare site")
        try site.edit(site.reports[2], IncrementalBuildTests.appendingParagraph)
        let next = try site.rebuildMatchesFullBuild("the build after")
        #expect(next.writer?.startedFromSpare == true)
    }
}

/// The writer keeps the site it replaced only when that is the site its build began from.
struct SiteWriterSpareTests {
    func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("public"), withIntermediateDirectories: true)
        try Data("旧\n".utf8).write(to: root.appendingPathComponent("public/index.html"))
        return root
    }

    @Test func theReplacedSiteIsKeptWhereAsked() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = try SiteWriter(destination: root.appendingPathComponent("public"))
        try writer.write("新\n", to: "index.html")
        let spare = root.path + "/spare"
        #expect(try writer.publish(keepingOldAt: spare))
        #expect(FileManager.default.contents(atPath: spare + "/index.html") == Data("旧\n".utf8))
        #expect(FileManager.default.contents(atPath: root.path + "/public/index.html") == Data("新\n".utf8))
    }

    @Test func aSiteAnotherBuildPutInPlaceMeanwhileIsNotKept() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = try SiteWriter(destination: root.appendingPathComponent("public"))
        try writer.write("新\n", to: "index.html")
        // Another build swaps its site in while this one runs.
        try FileManager.default.moveItem(at: root.appendingPathComponent("public"), to: root.appendingPathComponent("elsewhere"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("public"), withIntermediateDirectories: true)
        let spare = root.path + "/spare"
        #expect(try !writer.publish(keepingOldAt: spare))
        #expect(!FileManager.default.fileExists(atPath: spare))
        #expect(FileManager.default.contents(atPath: root.path + "/public/index.html") == Data("新\n".utf8))
    }
}
