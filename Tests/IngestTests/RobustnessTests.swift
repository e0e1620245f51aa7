import Foundation
import Ingest
import Testing
import TestSupport

/// Odd and damaged inputs never crash ingest and never give an empty title.
@Suite struct RobustnessTests {
    @Test func piecesOfTheSamplesIngestWithoutCrashing() throws {
        for name in Fixtures.sampleNames {
            let text = try String(contentsOf: Fixtures.rawFolder.appendingPathComponent(name), encoding: .utf8)
            let chars = Array(text)
            // Cut every sample at many places, front and back, and ingest each piece.
            for k in stride(from: 0, to: chars.count, by: max(1, chars.count / 23)) {
                for piece in [String(chars[..<k]), String(chars[k...])] {
                    let result = Ingester().ingest(Data(piece.utf8), path: "p.txt", origin: "raw/p.txt")
                    for report in result.reports {
                        #expect(!report.report.title.isEmpty)
                        #expect(!report.report.body.isEmpty)
                    }
                    #expect(!result.reports.isEmpty || !result.diagnostics.isEmpty)
                }
            }
        }
    }

    @Test func aTextWithoutATitleLineTakesItsFirstSentence() throws {
        let result = Fixtures.ingest("近年来，全县坚持把招商引资作为经济工作的生命线，引进了一批重大项目。全县经济运行稳中有进，主要指标好于预期，发展质量不断提升。")
        let report = try #require(result.reports.first)
        #expect(report.report.title == "近年来")
        #expect(report.notes.contains("no title line: used the first sentence"))
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    @Test func aSinglePartMarkerIsNotPartOfTheTitle() throws {
        let result = Fixtures.ingest("【篇一】县域经济发展调研报告\n近年来，全县经济运行稳中有进。")
        #expect(result.reports.first?.report.title == "县域经济发展调研报告")
    }
}

extension RobustnessTests {
    @Test func randomBytesGiveAReportOrADiagnosticButNeverACrash() throws {
        var rng = SeededGenerator(seed: 42)
        let sample = try Fixtures.sample("004").data
        let gb = try #require(String(decoding: sample, as: UTF8.self).data(using: TextDecoder.gb18030))
        for round in 0..<200 {
            var bytes: [UInt8]
            switch round % 3 {
            case 0: bytes = (0..<Int.random(in: 1...400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 1: bytes = Array(sample.prefix(Int.random(in: 1...sample.count, using: &rng)))
            default: bytes = Array(gb.prefix(Int.random(in: 1...gb.count, using: &rng)))
            }
            if round % 5 == 0, !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            let result = Ingester().ingest(Data(bytes), path: "r.txt", origin: "raw/r.txt")
            #expect(!result.reports.isEmpty || result.diagnostics.contains { $0.severity == .error })
        }
    }
}
