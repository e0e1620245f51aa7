import Content
import Foundation
import Site
import Testing
import TestSupport

/// A build after a change reuses what did not change, and its `public/` is byte for byte what a
/// full build of the changed site writes: every edit below is built both ways and compared.
@Suite(.serialized)
struct IncrementalBuildTests {
    /// A knowledge base of generated reports (long bodies, real taxonomy), built once in full.
    final class Site {
        let root: URL
        let reports: [String]

        init(count: Int = 120) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-incremental-\(UUID().uuidString)")
            let script = FixtureSite.repository.appendingPathComponent("scripts/bench/generate-corpus.py")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, "--count", "\(count)", "--out", root.path, "--site", FixtureSite.repository.path]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            reports = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/reports").path)
                .filter { $0.hasSuffix(".md") }.sorted().map { "content/reports/" + $0 }
            #expect(reports.count == count)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func read(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }

        func write(_ text: String, to path: String) throws {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            try write(change(try read(path)), to: path)
        }

        @discardableResult
        func build(incremental: Bool = true) throws -> BuildContext {
            var builder = SiteBuilder(root: root)
            builder.incremental = incremental
            return try builder.build()
        }

        /// The same sources built from nothing in another folder: what the incremental build must equal.
        func fullBuildElsewhere() throws -> [String: Data] {
            let other = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-full-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: other) }
            try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
            for item in ["site.yml", "content", "templates"] {
                try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: other.appendingPathComponent(item))
            }
            try? FileManager.default.removeItem(at: other.appendingPathComponent(".policykb"))
            try SiteBuilder(root: other).build()
            return Self.snapshot(other.appendingPathComponent("public"))
        }

        var published: [String: Data] { Self.snapshot(root.appendingPathComponent("public")) }

        static func snapshot(_ folder: URL) -> [String: Data] {
            let base = folder.path
            var files: [String: Data] = [:]
            for entry in FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [] {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: base + "/" + entry, isDirectory: &isFolder), !isFolder.boolValue {
                    files[entry] = FileManager.default.contents(atPath: base + "/" + entry)
                }
            }
            return files
        }

        /// Builds incrementally and checks the result against a full build; returns the build's context.
        func rebuildMatchesFullBuild(_ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildContext {
            let context = try build()
            let incremental = published
            let full = try fullBuildElsewhere()
            let missing = Set(full.keys).subtracting(incremental.keys).sorted()
            let extra = Set(incremental.keys).subtracting(full.keys).sorted()
            #expect(missing.isEmpty, "\(comment): missing \(missing.prefix(10))", sourceLocation: sourceLocation)
            #expect(extra.isEmpty, "\(comment): not in a full build \(extra.prefix(10))", sourceLocation: sourceLocation)
            let different = full.keys.sorted().filter { incremental[$0] != full[$0] }
            #expect(different.isEmpty, "\(comment): differ from a full build: \(different.prefix(10))", sourceLocation: sourceLocation)
            return context
        }
    }

    static func appendingParagraph(_ text: String) -> String {
        text + "\n增量构建测试段落：新的一段文字，含有新词汇“量子通信产业园”。\n"
    }

    @Test func changingOneReportsBodyRendersOnlyItsPageAndPatchesTheSearchIndex() throws {
        let site = try Site()
        let first = try site.build()
        #expect(first.pagesReused == 0)
        #expect(!first.searchPatched)

        try site.edit(site.reports[7], Self.appendingParagraph)
        let context = try site.rebuildMatchesFullBuild("one body appended to")
        #expect(context.pagesRendered == 1)
        #expect(context.pagesReused == first.pagesRendered - 1)
        #expect(context.searchPatched)

        // Words taken out of the middle of a body: terms lose the report.
        try site.edit(site.reports[30]) { text in
            let middle = text.index(text.startIndex, offsetBy: text.count / 2)
            return String(text[..<middle]) + String(text[text.index(middle, offsetBy: 300)...])
        }
        try site.edit(site.reports[31]) { text in
            let parts = text.components(separatedBy: "\n---\n")
            return parts[0] + "\n---\n" + parts.dropFirst().joined(separator: "\n---\n").replacingOccurrences(of: "发展", with: "进步")
        }
        let two = try site.rebuildMatchesFullBuild("text cut from one body, a word replaced in another")
        #expect(two.pagesRendered == 2)
        #expect(two.searchPatched)

        // Nothing changed: nothing is rendered.
        let none = try site.rebuildMatchesFullBuild("no change")
        #expect(none.pagesRendered == 0)
    }

    @Test func anEditDecodesOnlyTheListsWhoseEntryForTheReportChanged() throws {
        let site = try Site()
        try site.build()

        // A word replaced by another as long: the report's previous entries are worked out from
        // the old index's copy of its text, and only the lists where its entry differs (the
        // terms of the two words and their neighbours) are decoded.
        // (In the first paragraph that has the word, so that no heading changes.)
        func replacingInBody(_ text: String, _ old: String, _ new: String) -> String {
            let parts = text.components(separatedBy: "\n---\n")
            var lines = parts.dropFirst().joined(separator: "\n---\n").components(separatedBy: "\n")
            if let index = lines.firstIndex(where: { !$0.hasPrefix("#") && $0.contains(old) }) {
                lines[index] = lines[index].replacingOccurrences(of: old, with: new)
            }
            return parts[0] + "\n---\n" + lines.joined(separator: "\n")
        }
        try site.edit(site.reports[7]) { replacingInBody($0, "发展", "进步") }
        let replaced = try site.rebuildMatchesFullBuild("a word replaced")
        let (replacedPatched, replacedDecoded) = (replaced.searchPatched, replaced.searchListsDecoded)
        #expect(replacedPatched)
        #expect(replacedDecoded > 0)

        // A heading renamed: the index keeps no headings, so every list holding a term of the
        // report's old or new text is decoded, and the result is still a full build's.
        try site.edit(site.reports[8]) { text in
            guard let range = text.range(of: "\n## ") else { return text + "\n## 新增小节\n\n新的一段。\n" }
            return text.replacingCharacters(in: range, with: "\n## 改名的")
        }
        let renamed = try site.rebuildMatchesFullBuild("a heading renamed")
        let (renamedPatched, renamedDecoded) = (renamed.searchPatched, renamed.searchListsDecoded)
        #expect(renamedPatched)
        #expect(replacedDecoded * 10 < renamedDecoded, "a word replaced decoded \(replacedDecoded) lists, a heading renamed \(renamedDecoded)")

        // The renamed report edited again: its headings are those indexed now.
        try site.edit(site.reports[8]) { replacingInBody($0, "发展", "进步") }
        let again = try site.rebuildMatchesFullBuild("the renamed report edited again")
        let (againPatched, againDecoded) = (again.searchPatched, again.searchListsDecoded)
        #expect(againPatched)
        #expect(againDecoded * 10 < renamedDecoded, "decoded \(againDecoded) lists")

        // A paragraph appended moves the report's length, and with it the level of whole classes of
        // its terms when that crosses a step: however many lists that touches, the bytes are right.
        try site.edit(site.reports[9], Self.appendingParagraph)
        let appended = try site.rebuildMatchesFullBuild("a paragraph appended")
        let appendedPatched = appended.searchPatched
        #expect(appendedPatched)
    }

    @Test func reportsWhoseFilesAreUntouchedAreNotReadAgain() throws {
        let site = try Site(count: 40)
        try site.build()
        // A file stamp is trusted only for files last changed two seconds before the build that
        // recorded it (like git's racily clean files); these were all written before that.
        Thread.sleep(forTimeInterval: 2.5)
        let second = try site.build().reportsRead
        #expect(second == 40)
        let untouched = try site.build()
        let (read, rendered) = (untouched.reportsRead, untouched.pagesRendered)
        #expect(read == 0)
        #expect(rendered == 0)

        // Same size, and the modification time set back: the change time still tells.
        let path = site.reports[3]
        let url = site.root.appendingPathComponent(path)
        let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
        let text = try site.read(path)
        let edited = text.replacingOccurrences(of: "发展", with: "进步")
        #expect(edited != text && edited.utf8.count == text.utf8.count)
        try site.write(edited, to: path)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
        let context = try site.rebuildMatchesFullBuild("one report edited, its modification time set back")
        let (editedRead, editedRendered) = (context.reportsRead, context.pagesRendered)
        #expect(editedRead == 1)
        #expect(editedRendered >= 1)
    }

    @Test func changingWhatListsShowRendersTheListsAgain() throws {
        let site = try Site()
        let first = try site.build()

        // A title or a summary shows on the lists the report is on and on the pages that list it
        // as related or as a neighbour: those are rendered, not the whole site.
        try site.edit(site.reports[3]) { $0.replacingOccurrences(of: "title: \"", with: "title: \"新标题 ") }
        let title = try site.rebuildMatchesFullBuild("a title changed")
        #expect(title.pagesRendered > 1 && title.pagesRendered < first.pagesRendered / 4, "\(title.pagesRendered) of \(first.pagesRendered)")
        #expect(title.searchPatched)

        try site.edit(site.reports[8]) { $0.replacingOccurrences(of: "summary: \"", with: "summary: \"摘要改过。") }
        let summary = try site.rebuildMatchesFullBuild("a summary changed")
        #expect(summary.pagesRendered > 1 && summary.pagesRendered < first.pagesRendered / 4, "\(summary.pagesRendered) of \(first.pagesRendered)")

        // What only the report's own page shows: that page alone.
        try site.edit(site.reports[9]) { $0.replacingOccurrences(of: "source: 基准语料生成器", with: "source: 另一个来源") }
        let source = try site.rebuildMatchesFullBuild("a source changed")
        #expect(source.pagesRendered == 1)

        // Two reports' titles at once, one of them among the home page's newest.
        try site.edit(site.reports[10]) { $0.replacingOccurrences(of: "title: \"", with: "title: \"又一个标题 ") }
        try site.edit(site.reports[11]) { $0.replacingOccurrences(of: "title: \"", with: "title: \"再一个标题 ") }
        _ = try site.rebuildMatchesFullBuild("two titles changed")

        try site.edit(site.reports[4]) { $0.replacingOccurrences(of: "tags:\n", with: "tags:\n  - 营商环境\n") }
        let tags = try site.rebuildMatchesFullBuild("a topic added")
        #expect(!tags.searchPatched)

        try site.write(try site.read(site.reports[5]).replacingOccurrences(of: "title: \"", with: "title: \"另一篇 "),
                       to: "content/reports/zz-new-report.md")
        _ = try site.rebuildMatchesFullBuild("a report added")

        try FileManager.default.removeItem(at: site.root.appendingPathComponent(site.reports[6]))
        _ = try site.rebuildMatchesFullBuild("a report removed")
    }

    @Test func changingATemplateRendersThePagesThatUseIt() throws {
        let site = try Site()
        let first = try site.build()

        try site.edit("templates/topic.mustache") { $0 + "\n<p class=\"note\">专题页脚</p>\n" }
        let topic = try site.rebuildMatchesFullBuild("topic.mustache changed")
        let topicPages = site.published.keys.filter { 
            $0.hasPrefix("topics/") && $0.hasSuffix(".html") && $0 != "topics/index.html" && !$0.contains("/regions/")
        }
        #expect(topic.pagesRendered == topicPages.count)
        #expect(topic.searchPatched)

        try site.edit("templates/partials/report-item.mustache") { $0 + "\n" }
        let partial = try site.rebuildMatchesFullBuild("a partial of every list changed")
        #expect(partial.pagesRendered > topicPages.count)
        #expect(partial.pagesRendered < first.pagesRendered)

        try site.edit("templates/layout.mustache") { $0.replacingOccurrences(of: "</body>", with: "<!-- 页脚 --></body>") }
        let layout = try site.rebuildMatchesFullBuild("the layout changed")
        #expect(layout.pagesRendered == first.pagesRendered)

        try site.edit("templates/assets/site.css") { $0 + "\n.note { color: gray; }\n" }
        let asset = try site.rebuildMatchesFullBuild("the stylesheet changed")
        #expect(asset.pagesRendered == 0)
    }

    @Test func aChangeThatMovesTheAverageLengthWritesTheWholeSearchIndex() throws {
        let site = try Site(count: 40)
        try site.build()
        // One body made ten times as long moves the average length of 40 reports by far more than a step.
        try site.edit(site.reports[2]) { text in
            let parts = text.components(separatedBy: "\n---\n")
            return parts[0] + "\n---\n" + String(repeating: parts.dropFirst().joined(separator: "\n---\n"), count: 10)
        }
        let context = try site.rebuildMatchesFullBuild("one body ten times as long")
        #expect(!context.searchPatched)
        #expect(context.pagesRendered >= 1)
    }

    @Test func settingsAndTheTaxonomyInvalidateTheCache() throws {
        let site = try Site(count: 40)
        let first = try site.build()
        try site.edit("site.yml") { $0.replacingOccurrences(of: "description: ", with: "description: 新的说明。") }
        let config = try site.rebuildMatchesFullBuild("site.yml changed")
        #expect(config.pagesRendered == first.pagesRendered)

        try site.edit("content/taxonomy/topics.yml") { $0 + "\n" }
        let taxonomy = try site.rebuildMatchesFullBuild("topics.yml changed")
        #expect(taxonomy.pagesRendered == first.pagesRendered)
    }

    @Test func aFailedBuildKeepsTheCacheAndTheNextBuildIsRight() throws {
        let site = try Site(count: 40)
        try site.build()
        let before = site.published
        let original = try site.read(site.reports[1])
        try site.write("---\ntitle: [unclosed\n---\n正文\n", to: site.reports[1])
        #expect(throws: Diagnostics.self) { try site.build() }
        #expect(site.published == before)

        try site.write(Self.appendingParagraph(original), to: site.reports[1])
        let fixed = try site.rebuildMatchesFullBuild("the broken report fixed and changed")
        #expect(fixed.pagesRendered == 1)

        // Back to the first text: the page from two builds ago is not taken for it.
        try site.write(original, to: site.reports[1])
        _ = try site.rebuildMatchesFullBuild("the report as it first was")
    }

    @Test func aBuildWithoutTheCacheOrWithFullRendersEverything() throws {
        let site = try Site(count: 40)
        let first = try site.build()
        try site.edit(site.reports[0], Self.appendingParagraph)
        let full = try site.build(incremental: false)
        #expect(full.pagesRendered == first.pagesRendered)
        #expect(!full.searchPatched)

        // A damaged cache is ignored, not trusted.
        let cache = site.root.appendingPathComponent(".policykb/build-cache")
        var bytes = try Data(contentsOf: cache)
        bytes.removeLast(7)
        try bytes.write(to: cache)
        try site.edit(site.reports[1], Self.appendingParagraph)
        let damaged = try site.rebuildMatchesFullBuild("a damaged cache")
        #expect(damaged.pagesRendered == first.pagesRendered)

        // A public/ file removed by hand is made again.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("public/index.html"))
        try site.edit(site.reports[2], Self.appendingParagraph)
        let missing = try site.rebuildMatchesFullBuild("public/index.html deleted")
        #expect(missing.pagesRendered == 2)
    }

    @Test func randomEditsAlwaysGiveTheFullBuildsBytes() throws {
        let site = try Site(count: 80)
        try site.build()
        var generator = SeededGenerator(seed: 7)
        let sentences = ["推进新型工业化，培育战略性新兴产业。", "优化营商环境，提升政务服务效能。", "apple BANANA 2025年"]
        for round in 0..<6 {
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let path = site.reports[Int.random(in: 0..<site.reports.count, using: &generator)]
                try site.edit(path) { text in
                    // Now and then a title: the lists showing the report change too.
                    if Int.random(in: 0..<4, using: &generator) == 0 {
                        return text.replacingOccurrences(of: "title: \"", with: "title: \"第\(round)轮 ")
                    }
                    let parts = text.components(separatedBy: "\n---\n")
                    var body = Array(parts.dropFirst().joined(separator: "\n---\n"))
                    let at = Int.random(in: 0..<body.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: body.insert(contentsOf: sentences.randomElement(using: &generator)!, at: at)
                    case 1: body.removeSubrange(at..<min(body.count, at + Int.random(in: 1...200, using: &generator)))
                    default: body.append(contentsOf: "\n## 新增小节\n\n" + sentences.joined())
                    }
                    return parts[0] + "\n---\n" + String(body)
                }
            }
            _ = try site.rebuildMatchesFullBuild("round \(round)")
        }
    }
}

