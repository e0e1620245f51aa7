import Content
import Foundation
import Ingest
import Testing

/// The same report in every encoding ingest reads gives the same Markdown.
@Suite struct EncodingTests {
    static let text = """
        首页 > 调研报告 > 正文
        关于县域营商环境的调研报告
        2024年3月5日
        　　近年来，某县深化“放管服”改革，营商环境持续改善。
        　　一、基本情况
        　　全县共有市场主体3.2万户。一是企业增长快。二是结构更优。
        　　二、存在问题
        　　（一）审批仍然偏慢。部分事项跨部门办理时间较长。
        """

    static func markdown(_ data: Data) throws -> String {
        let result = Ingester().ingest(data, path: "content/raw/t.txt", origin: "raw/t.txt")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let report = try #require(result.reports.first)
        return ReportFile.serialize(report.report)
    }

    @Test func utf8BomUtf16AndGB18030GiveIdenticalMarkdown() throws {
        let reference = try Self.markdown(Data(Self.text.utf8))
        #expect(reference.contains("## 一、基本情况"))
        #expect(reference.contains("date: 2024-03-05"))

        let bom = Data([0xEF, 0xBB, 0xBF]) + Data(Self.text.utf8)
        let le = Data([0xFF, 0xFE]) + (try #require(Self.text.data(using: .utf16LittleEndian)))
        let be = Data([0xFE, 0xFF]) + (try #require(Self.text.data(using: .utf16BigEndian)))
        let gb = try #require(Self.text.data(using: TextDecoder.gb18030))
        #expect(gb != Data(Self.text.utf8), "GB18030 bytes differ from UTF-8")
        for (name, data) in [("UTF-8 BOM", bom), ("UTF-16LE", le), ("UTF-16BE", be), ("GB18030", gb)] {
            #expect(try Self.markdown(data) == reference, "\(name)")
        }
    }

    @Test func crlfAndCrLineBreaksGiveIdenticalMarkdown() throws {
        let reference = try Self.markdown(Data(Self.text.utf8))
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let cr = Self.text.replacingOccurrences(of: "\n", with: "\r")
        #expect(try Self.markdown(Data(crlf.utf8)) == reference)
        #expect(try Self.markdown(Data(cr.utf8)) == reference)
    }

    @Test func invisibleCharactersAndOddSpacesAreNormalised() throws {
        let reference = try Self.markdown(Data(Self.text.utf8))
        let noisy = Self.text
            .replacingOccurrences(of: "近年来", with: "近\u{200B}年来")
            .replacingOccurrences(of: "　　", with: "\u{00A0}\u{00A0}")
        #expect(try Self.markdown(Data(noisy.utf8)) == reference)
    }

    @Test func theDecoderNamesTheEncodingItFound() throws {
        let gb = try #require("关于县域经济".data(using: TextDecoder.gb18030))
        #expect(try TextDecoder().decode(gb, path: "x").get().encoding == .gb18030)
        #expect(try TextDecoder().decode(Data("关于".utf8), path: "x").get().encoding == .utf8)
    }

    @Test func binaryTruncatedAndEmptyInputsAreRefusedWithTheirPath() {
        let cases: [(Data, String)] = [
            (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]), "not a text file"),
            (Data("关于县域经济的调研报告".utf8).dropLast(1), "truncated UTF-8"),
            (Data(), "empty file"),
        ]
        for (data, message) in cases {
            switch TextDecoder().decode(Data(data), path: "content/raw/bad.txt") {
            case .success: Issue.record("\(message): accepted")
            case .failure(let diagnostic):
                #expect(diagnostic.description.hasPrefix("content/raw/bad.txt"))
                #expect(diagnostic.message.contains(message), "\(diagnostic)")
            }
        }
    }
}

extension EncodingTests {
    @Test func htmlEntitiesLeftInCopiedTextAreDecoded() throws {
        let reference = try Self.markdown(Data(Self.text.utf8))
        let withEntities = Self.text
            .replacingOccurrences(of: "“放管服”", with: "&ldquo;放管服&rdquo;")
            .replacingOccurrences(of: "　　", with: "&nbsp;&#12288;")
        #expect(try Self.markdown(Data(withEntities.utf8)) == reference)
        #expect(TextNormalizer.decodeEntities("R&D &amp; &unknown; a&b") == "R&D & &unknown; a&b")
    }
}
