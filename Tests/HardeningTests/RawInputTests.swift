import Foundation
import Ingest
import Testing

/// `policykb ingest` on raw files no report can come from: one clear diagnostic per file, all files'
/// problems printed together, a non-zero exit, and never a crash.
@Suite struct RawInputTests {
    static let report = "关于昆山市优化营商环境的调研报告\n近年来，昆山市坚持把优化营商环境作为“一号工程”，推动政务服务提质增效。全市新设市场主体持续增长。\n"

    /// The one error line `ingest` prints for `name`, given the bytes of that file alone.
    static func ingestError(_ name: String, _ bytes: Data) throws -> (result: PolicyKB.Result, errors: [String]) {
        let site = try InlineSite()
        defer { site.remove() }
        try site.write(bytes, to: "content/raw/\(name)")
        let result = try site.ingest()
        return (result, result.errors.filter { $0.hasPrefix("content/raw/\(name)") })
    }

    @Test func aBinaryFileIsNotText() throws {
        var bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        bytes += Data((0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        let (result, errors) = try Self.ingestError("photo.txt", bytes)
        #expect(result.status != 0)
        #expect(errors == ["content/raw/photo.txt:3: error: not a text file: NUL byte at offset 8 (binary data, or UTF-16 without a byte-order mark); save the report as UTF-8 text"])
    }

    @Test func anEmptyFileSaysThereIsNoText() throws {
        let (result, errors) = try Self.ingestError("empty.txt", Data())
        #expect(result.status != 0)
        #expect(errors == ["content/raw/empty.txt: error: empty file: there is no text to ingest; remove it or copy the report's text into it"])
    }

    @Test func aFileOfWhiteSpaceIsEmptyToo() throws {
        let (result, errors) = try Self.ingestError("blank.txt", Data(" \n\u{3000}\n\t\n".utf8))
        #expect(result.status != 0)
        #expect(errors == ["content/raw/blank.txt: error: empty file: it holds only white space; remove it or copy the report's text into it"])
    }

    @Test func aFileOfOnlyPageChromeHasNoReport() throws {
        let chrome = "扫码关注公众号\n版权归原作者所有\n下载APP\n上一篇 下一篇\n"
        let (result, errors) = try Self.ingestError("chrome.txt", Data(chrome.utf8))
        #expect(result.status != 0)
        #expect(errors == ["content/raw/chrome.txt: error: no report text found in the file: every line looks like web-page chrome (menus, share and download prompts, copyright notices); copy the report's own text into the file"])
    }

    @Test func truncatedUTF8SaysWhereTheTextStops() throws {
        var bytes = Data(Self.report.utf8)
        bytes.removeLast()                          // the newline
        bytes += Data("报".utf8).prefix(2)          // a three-byte character cut after two bytes
        let (result, errors) = try Self.ingestError("cut.txt", bytes)
        #expect(result.status != 0)
        #expect(errors == ["content/raw/cut.txt:2: error: truncated UTF-8 text: the file ends in the middle of a character (byte 196); copy the report again"])
    }

    @Test func mixedEncodingsAreReadAsOneOrRejectedClearly() throws {
        // A UTF-8 title followed by a GB18030 paragraph: no single encoding reads the file.
        let gb = "近年来，昆山市坚持把优化营商环境作为一号工程。".data(using: String.Encoding(rawValue: 0x8000_0632))!
        let bytes = Data("关于昆山市优化营商环境的调研报告\n".utf8) + gb + Data("\n全市新设市场主体持续增长。\n".utf8)
        let (result, errors) = try Self.ingestError("mixed.txt", bytes)
        #expect(result.status != 0)
        #expect(errors == ["content/raw/mixed.txt:2: error: cannot read the text: invalid UTF-8 at byte 49, and it is not GBK/GB18030 either; save the file as UTF-8"])
    }

    @Test func aFolderOrASymlinkLoopWhereAFileIsExpectedGetsOneErrorEach() throws {
        let site = try InlineSite(["content/raw/ok.txt": Self.report])
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("content/raw/folder.txt"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.url("content/raw/loop.txt").path, withDestinationPath: "loop.txt")
        try FileManager.default.createSymbolicLink(atPath: site.url("content/raw/a.txt").path, withDestinationPath: "b.txt")
        try FileManager.default.createSymbolicLink(atPath: site.url("content/raw/b.txt").path, withDestinationPath: "a.txt")
        let result = try site.ingest()
        #expect(result.status != 0)
        let nowhere = "error: cannot open: a symbolic link that leads nowhere (its target is missing, or links loop); remove it or point it at a text file"
        #expect(result.errors.sorted() == [
            "content/raw/a.txt: \(nowhere)", "content/raw/b.txt: \(nowhere)",
            "content/raw/folder.txt: error: a folder where a raw file is expected: ingest reads the text files directly in content/raw/; move its files up",
            "content/raw/loop.txt: \(nowhere)",
        ], "\(result.stderr)")
        #expect(site.listing("content/reports").keys.contains { $0.hasSuffix(".md") }, "the good file is still ingested")
    }

    @Test func aSymbolicLinkToATextFileIsIngested() throws {
        let site = try InlineSite(["elsewhere/report.txt": Self.report])
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.url("content/raw"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.url("content/raw/linked.txt").path,
                                                   withDestinationPath: site.url("elsewhere/report.txt").path)
        let result = try site.ingest()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(site.listing("content/reports").keys.contains { $0.hasSuffix(".md") })
    }

    @Test func problemsInSeveralFilesArePrintedTogether() throws {
        let site = try InlineSite([
            "content/raw/ok.txt": Self.report,
            "content/raw/empty.txt": "",
            "content/raw/photo.txt": "\u{0}\u{1}\u{2}PNG",
        ])
        defer { site.remove() }
        let result = try site.ingest()
        #expect(result.status != 0)
        #expect(result.errors.map { $0.components(separatedBy: ":").first! }.sorted()
                == ["content/raw/empty.txt", "content/raw/photo.txt"])
    }
}

/// Big inputs are generated at run time (never committed) and ingest stays linear in their size.
@Suite struct LargeRawInputTests {
    /// A plausible paragraph, about 300 bytes.
    static let paragraph = "近年来，全县坚持把招商引资作为经济工作的生命线，引进了一批重大项目，经济运行稳中有进，主要指标好于预期，发展质量不断提升。"

    static func seconds(_ work: () -> Void) -> Double {
        let start = DispatchTime.now()
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    @Test func aSingleTenMegabyteLineIngestsInLinearTime() throws {
        let small = String(repeating: Self.paragraph, count: 3_000)      // about 0.5 MB on one line
        let large = String(repeating: Self.paragraph, count: 60_000)     // about 10 MB on one line
        var reports = 0
        let t1 = Self.seconds { _ = Ingester().ingest(Data(("标题\n" + small).utf8), path: "a.txt", origin: "raw/a.txt") }
        let t2 = Self.seconds {
            reports = Ingester().ingest(Data(("标题\n" + large).utf8), path: "b.txt", origin: "raw/b.txt").reports.count
        }
        #expect(reports == 1)
        // Twenty times the bytes may take at most forty times as long (quadratic would be 400).
        #expect(t2 < max(t1, 0.05) * 40, "0.5 MB: \(t1) s, 10 MB: \(t2) s")
    }

    @Test func aHundredMegabyteFileIsRefusedAtOnceWithItsSize() throws {
        let site = try InlineSite(["content/raw/ok.txt": RawInputTests.report])
        defer { site.remove() }
        let file = site.url("content/raw/huge.txt")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        let chunk = Data(("关于全县经济运行情况的调研报告\n" + String(repeating: Self.paragraph + "\n", count: 3_000)).utf8)
        var written = 0
        while written < 100_000_000 {
            handle.write(chunk)
            written += chunk.count
        }
        try handle.close()
        var result: PolicyKB.Result?
        let time = Self.seconds { result = try? site.ingest() }
        let outcome = try #require(result)
        #expect(outcome.status != 0)
        #expect(outcome.errors == ["content/raw/huge.txt: error: file too large: 100 MB (a raw file may have at most 32 MB); split it into one file per report"])
        // The other file is still ingested, and the big one is never read.
        #expect(site.listing("content/reports").keys.contains { $0.hasSuffix(".md") })
        #expect(time < 30, "\(time) s")
    }
}
