@testable import Content
import Foundation
import Testing

/// Front matter is written without Yams where the writer is sure of libyaml's bytes; wherever it
/// writes, it must write exactly what Yams writes, and anything else must go to Yams.
@Suite struct PlainFrontMatterWriterTests {
    /// Both writers' front matter, and whether the plain writer took it.
    static func writtenBothWays(_ report: Report) -> (plain: String?, yams: String) {
        (PlainFrontMatterWriter.yaml(report), ReportFile.yamsFrontMatter(report))
    }

    static func report(title: String = "标题", _ change: (inout Report) -> Void = { _ in }) -> Report {
        var report = Report(title: title, body: "正文。\n")
        change(&report)
        return report
    }

    @Test func theSampleReportsAreWrittenWithoutYamsAsYamsWritesThem() throws {
        let folder = PlainFrontMatterTests.repository.appendingPathComponent("content/reports")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let report = try ReportFile.parse(text, path: file)
            let written = Self.writtenBothWays(report)
            #expect(written.plain != nil, "\(file) went to Yams")
            #expect(written.plain == nil || written.plain == written.yams, "\(file)")
            // And the file on disk is what serialize writes.
            #expect(ReportFile.serialize(report) == text, "\(file)")
        }
    }

    @Test func awkwardValuesAreWrittenAsYamsWritesThemOrLeftToYams() {
        var plainCount = 0
        for value in PlainFrontMatterTests.awkwardValues {
            let reports = [
                Self.report(title: value),
                Self.report { $0.source = value; $0.summary = value },
                Self.report { $0.tags = [value, "营商环境"]; $0.regions = [value] },
                Self.report { $0.extra = [("editor", .string(value)), ("notes", .list([.string(value), .null]))] },
            ]
            for report in reports {
                let written = Self.writtenBothWays(report)
                if let plain = written.plain {
                    plainCount += 1
                    #expect(plain == written.yams, "\(value.debugDescription): \(plain.debugDescription) ≠ Yams's \(written.yams.debugDescription)")
                }
            }
        }
        // Most of them are text the writer knows (it is no use if it leaves all to Yams).
        #expect(plainCount >= PlainFrontMatterTests.awkwardValues.count * 4 * 3 / 4)
    }

    @Test(arguments: [
        ("关于乡镇培育“新质生产力”的调研报告", "关于乡镇培育“新质生产力”的调研报告"), ("C#", "C#"), ("a,b", "a,b"),
        ("2023", "\"2023\""), ("true", "\"true\""), ("~", "\"~\""), ("1.5", "\"1.5\""), ("2023-12-28", "\"2023-12-28\""),
        ("", "\"\""), ("http://example.cn/a?b=1", "http://example.cn/a?b=1"), ("　全角空格　", "　全角空格　"),
        ("it's", "it's"), ("-5x", "-5x"), ("a:b", "a:b"), ("C# #1", "'C# #1'"), (" leading space", "' leading space'"),
        ("trailing space ", "'trailing space '"), ("a: b", "'a: b'"), ("如下:", "'如下:'"), ("- dash", "'- dash'"),
        ("'single'", "'''single'''"), ("...", "'...'"), ("---x", "'---x'"), ("?", "'?'"), ("[list]", "'[list]'"),
    ])
    func plainQuotedAndTypedTextIsWrittenWithoutYams(value: String, expected: String) {
        let written = Self.writtenBothWays(Self.report { $0.source = value })
        #expect(written.plain == written.yams)
        #expect(written.plain?.contains("source: \(expected)\n") == true, "\(written.plain.debugDescription)")
    }

    @Test(arguments: [
        "tab\there", "line\u{2028}sep", "nel\u{85}x", "bom\u{FEFF}x", "emoji 😀", "two\nlines", "trailing\n", "\u{7F}",
    ])
    func textLibyamlEscapesOrBreaksIsLeftToYams(value: String) {
        #expect(PlainFrontMatterWriter.yaml(Self.report { $0.summary = value }) == nil)
        #expect(PlainFrontMatterWriter.yaml(Self.report { $0.tags = [value] }) == nil)
    }

    @Test func nestedMapsEmptyListsAndLongKeysAreLeftToYams() {
        #expect(PlainFrontMatterWriter.yaml(Self.report { $0.extra = [("meta", .map(["a": .string("b")]))] }) == nil)
        #expect(PlainFrontMatterWriter.yaml(Self.report { $0.extra = [("items", .list([]))] }) == nil)
        #expect(PlainFrontMatterWriter.yaml(Self.report { $0.extra = [("nested", .list([.list([.string("a")])]))] }) == nil)
        #expect(PlainFrontMatterWriter.yaml(Self.report { $0.extra = [(String(repeating: "k", count: 129), .string("v"))] }) == nil)
        let null = Self.report { $0.extra = [("reviewed", .null), ("k", .string("v"))] }
        #expect(PlainFrontMatterWriter.yaml(null) == ReportFile.yamsFrontMatter(null))
    }

    /// Random text over an alphabet of everything YAML treats specially, in every position.
    @Test func randomTextIsWrittenAsYamsWritesItOrLeftToYams() {
        let alphabet: [String] = [
            "a", "Z", "0", "1", "9", ".", "-", "+", "_", ":", " ", "#", ",", "?", "[", "]", "{", "}", "&", "*", "!",
            "|", ">", "'", "\"", "%", "@", "`", "\\", "/", "=", "<", "~", "e", "x", "\t", "\n", "\r", "\u{85}",
            "\u{A0}", "\u{2028}", "\u{3000}", "\u{FEFF}", "\u{FFFE}", "😀", "中", "，", "：", "“", "e\u{301}", "true", "null",
        ]
        var random = SplitMix64(seed: 20261206)
        var plainCount = 0
        for _ in 0..<3000 {
            let length = Int(random.next() % 7)
            let value = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            let report = Self.report { $0.summary = value; $0.tags = [value]; $0.extra = [("editor", .string(value))] }
            let written = Self.writtenBothWays(report)
            if let plain = written.plain {
                plainCount += 1
                #expect(plain == written.yams, "\(value.debugDescription)")
            }
        }
        #expect(plainCount >= 300)
    }

    @Test func theResolverIsSkippedOnlyForTextNoRuleCanMatch() {
        for text in ["yes", "NULL", "False", "0o17", "-1", "+.inf", ".nan", "<<", "=", "~", "2001-12-14 21:59:43.10 -5"] {
            #expect(PlainFrontMatterWriter.mayBeTyped(text), "\(text)")
        }
        for text in ["origin", "raw/001.txt", "中文", "_x", "report-2023"] {
            #expect(!PlainFrontMatterWriter.mayBeTyped(text), "\(text)")
        }
    }
}

/// A small deterministic generator, so a failing case can be found again.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
